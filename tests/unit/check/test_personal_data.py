"""The personnummer guard over a generated corpus: every leaky form found (FN = 0), no safe form flagged (FP = 0).

The corpus is in tests/pnr_corpus.py; README "Robusthet" reports its size and the rates.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pnr_corpus import leaky, safe
from valdsprogram.check.rules.personal_data import (
    _CANDIDATE,
    _MAY_CHANGE,
    _NORMAL,
    _any_in_values,
    _candidates,
    _Normal,
    _numbers_in,
    _values,
    normalise,
    personal_numbers,
)
from valdsprogram.yaml.reader import parse_yaml

PER_FORM = 100


def _flagged(text: str) -> list[tuple[int, int]]:
    return [(d.line, d.column) for d in personal_numbers(parse_yaml(text.encode(), "f.yaml")) if d.code == "VP315"]


def test_every_leaky_form_is_found() -> None:
    cases = leaky(PER_FORM)
    missed = Counter(form for form, text in cases if not _flagged(text))
    assert dict(missed) == {}, f"FN {sum(missed.values())} av {len(cases)}"


def test_no_safe_form_is_flagged() -> None:
    cases = safe(PER_FORM)
    flagged = Counter(form for form, text in cases if _flagged(text))
    assert dict(flagged) == {}, f"FP {sum(flagged.values())} av {len(cases)}"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("a: 1  # 811218-9876\nb: 2  # 8112189876\n", [(1, 9), (2, 9)]),
        ('a: 1\nb: "x \\u0038112\\x318-9876"\n', [(2, 4)]),
        ("a: 1\nb: >\n  811218-\n  9876\n", [(3, 3)]),  # the raw text finds it where it starts
        ("a: 1\nb: 8.112189876e9\n", [(2, 4)]),
        ("a: 1\nb: [1, 811218.9876]\n", [(2, 8)]),
        ("a: 1\n'811218-9876': 1\n", [(2, 2)]),
        ("a: 811218-9876\n", [(1, 4)]),  # found in the text and in the value: one diagnostic
        ("a: 811218-9876  # 811218-9876\n", [(1, 4), (1, 19)]),
        ("a: 811218-9876\nb: 811218-9876\n", [(1, 4), (2, 4)]),
        ("a: 1  # 811218\t9876\n", [(1, 9)]),  # a tab is a space, in ASCII text as in Swedish
    ],
)
def test_a_number_is_reported_once_where_it_stands(text: str, where: list[tuple[int, int]]) -> None:
    assert _flagged(text) == where


def test_separators_from_word_outlook_and_pdf_are_normalised() -> None:
    assert normalise("８１１２１８\u2013 9876\u00a0\u2011\u2212\u00ad\u200b") == "811218- 9876 --"
    assert normalise("Söder") == "Söder"


def _spans(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | Any, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


def test_the_quick_scan_finds_what_the_full_scan_finds_in_the_corpus() -> None:
    for _, text in [*leaky(PER_FORM), *safe(PER_FORM)]:
        normal = normalise(text)
        assert _spans(_candidates(normal)) == _spans(_CANDIDATE.finditer(normal)), text


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="0123456789 -.+/,:_%DTx\n", max_size=80))
def test_the_quick_scan_finds_what_the_full_scan_finds(text: str) -> None:
    assert _spans(_candidates(text)) == _spans(_CANDIDATE.finditer(text))


@pytest.mark.parametrize("text", ["Söder\tom", "ÅÄÖ åäö É é Ü ü\t1", "Söder\u00a0\u2013", "x\u200by", "٨١١٢١٨"])
def test_normalising_swedish_text_skips_the_table_only_where_it_changes_nothing(text: str) -> None:
    assert normalise(text) == text.translate(_NORMAL)


def test_the_quick_check_finds_every_character_normalising_changes() -> None:
    for start in range(0, 0x110000, 0x10000):  # a fresh table per plane: the whole of Unicode at once is 100 MB
        table = _Normal()
        changing = [chr(point) for point in range(start, start + 0x10000) if chr(point).translate(table) != chr(point)]
        assert [char for char in changing if not _MAY_CHANGE.match(char)] == [], hex(start)
    assert _MAY_CHANGE.search("Åtgärder för Söder, 2024-05-21: 84 % (ökat) é É\n") is None


@pytest.mark.slow
@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="aÖé£ß\t\u00a0\u00ad\u2013\u200b\uff18\u0668 1-", max_size=30))
def test_normalising_equals_the_full_table(text: str) -> None:
    assert normalise(text) == text.translate(_NORMAL)


_SCALARS = st.one_of(
    st.sampled_from(
        ["811218-9876", "811218", "-9876", "9876", "19811218", "x 811218\u20139876", 8112189876, 811218.9876]
    ),
    st.text(alphabet="0123456789 -.+/T\u2013", max_size=16),
    st.integers(min_value=0, max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
)
_DOCUMENTS = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(alphabet="0123456789-x", max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(_DOCUMENTS)
def test_one_scan_of_all_values_finds_a_number_exactly_when_some_value_holds_one(data: object) -> None:
    one_by_one = any(any(_numbers_in(value)) for _, _, value in _values(data, ()))
    assert _any_in_values(data) == one_by_one
