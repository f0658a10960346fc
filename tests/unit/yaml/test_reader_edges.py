"""The YAML reader at its edges: what `!!str` makes text, which tags are refused, and how plain scalars resolve
on either side of YAML 1.1's surprises; each case a YAML string, its data and its (line, column, code)."""

from __future__ import annotations

import pytest

from valdsprogram.yaml.reader import _MAX_INT_DIGITS, MAX_DEPTH, parse_yaml


def read(text: str) -> tuple[object, list[tuple[int, int, str]]]:
    document = parse_yaml(text.encode(), "f.yaml")
    return document.data, [(d.line, d.column, d.code) for d in document.diagnostics]


@pytest.mark.parametrize(
    ("text", "data", "found"),
    [
        # `!!str` makes a plain scalar text, without a finding.
        ("a: !!str 12\nb: !!str true\n", {"a": "12", "b": "true"}, []),
        ("a: !!str null\nb: !!str 1.5\nc: !!str yes\n", {"a": "null", "b": "1.5", "c": "yes"}, []),
        ("a: !!str\n", {"a": ""}, []),
        ("- !!str 012\n", ["012"], []),
        # Quoted text is text with or without the tag.
        ("a: '12'\nb: !!str \"true\"\n", {"a": "12", "b": "true"}, []),
        # Any other tag is refused where it stands; the value still reads.
        ("a: !!int 12\n", {"a": 12}, [(1, 4, "VP010")]),
        ("a: !!str [1]\n", {"a": [1]}, [(1, 4, "VP010")]),
        ("a: !!str {b: 1}\n", {"a": {"b": 1}}, [(1, 4, "VP010")]),
        ("a: !egen 12\n", {"a": 12}, [(1, 4, "VP010")]),
        # Without a tag: YAML 1.2's core types, and YAML 1.1's other readings kept as text with a finding.
        ("a: 12\nb: true\nc: null\nd: 1.5\n", {"a": 12, "b": True, "c": None, "d": 1.5}, []),
        ("a: yes\n", {"a": "yes"}, [(1, 4, "VP008")]),
        ("a: 012\n", {"a": "012"}, [(1, 4, "VP008")]),
        ("a: 0\nb: -0\n", {"a": 0, "b": 0}, []),
        ("a: True\n", {"a": True}, [(1, 4, "VP020")]),
        ("a: NULL\n", {"a": None}, [(1, 4, "VP020")]),
        ("012: x\n", {"012": "x"}, []),  # a key is always text
    ],
)
def test_tags_and_plain_scalars(text: str, data: object, found: list[tuple[int, int, str]]) -> None:
    assert read(text) == (data, found)


def test_the_longest_integer_reads_as_an_int_and_one_digit_more_as_inf() -> None:
    longest = "9" * _MAX_INT_DIGITS
    assert read(f"a: {longest}\nb: -{longest[1:]}\nc: 9{longest}\n") == (
        {"a": int(longest), "b": -int(longest[1:]), "c": float("inf")},
        [],
    )


def test_a_sign_does_not_count_as_a_digit() -> None:
    longest = "9" * _MAX_INT_DIGITS
    assert read(f"a: -{longest}\nb: +{longest}\n") == ({"a": -int(longest), "b": int(longest)}, [])


def nested(depth: int) -> str:
    """A document `depth` mappings deep."""
    return "".join("  " * level + f"k{level}:\n" for level in range(depth - 1)) + "  " * (depth - 1) + "k: 1\n"


def test_nesting_up_to_the_limit_is_read_and_one_more_is_refused() -> None:
    document = parse_yaml(nested(MAX_DEPTH).encode(), "f.yaml")
    assert (document.ok, document.diagnostics) == (True, [])
    deeper = parse_yaml(nested(MAX_DEPTH + 1).encode(), "f.yaml")
    assert (deeper.ok, [(d.line, d.code) for d in deeper.diagnostics]) == (False, [(MAX_DEPTH + 1, "VP007")])
