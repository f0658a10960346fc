"""The personnummer guard over a generated corpus: every leaky form found (FN = 0), no safe form flagged (FP = 0).

The corpus is in tests/pnrkorpus.py; README "Robusthet" reports its size and the rates.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pnrkorpus import leaky, safe
from valdsprogram.rules.personal_data import _CANDIDATE, _NORMAL, _candidates, normalise, personal_numbers
from valdsprogram.yamlfile import parse_yaml

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
        ("a: 1\nb: >\n  811218-\n  9876\n", [(2, 4)]),
        ("a: 1\nb: 8.112189876e9\n", [(2, 4)]),
        ("a: 1\nb: [1, 811218.9876]\n", [(2, 8)]),
        ("a: 1\n'811218-9876': 1\n", [(2, 2)]),
        ("a: 811218-9876\n", [(1, 4)]),  # found in the text and in the value: one diagnostic
        ("a: 811218-9876  # 811218-9876\n", [(1, 4), (1, 19)]),
        ("a: 811218-9876\nb: 811218-9876\n", [(1, 4), (2, 4)]),
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


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="0123456789 -.+/,Tx\n", max_size=80))
def test_the_quick_scan_finds_what_the_full_scan_finds(text: str) -> None:
    assert _spans(_candidates(text)) == _spans(_CANDIDATE.finditer(text))


@pytest.mark.parametrize("text", ["Söder\tom", "ÅÄÖ åäö É é Ü ü\t1", "Söder\u00a0\u2013", "x\u200by", "٨١١٢١٨"])
def test_normalising_swedish_text_skips_the_table_only_where_it_changes_nothing(text: str) -> None:
    assert normalise(text) == text.translate(_NORMAL)
