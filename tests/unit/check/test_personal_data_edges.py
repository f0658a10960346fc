"""The personnummer guard at its edges: a date followed by a time of day (hours under 24, minutes under 60) is no
person, one step past either is; a whole number that lost its leading zero is still found. Each case is a YAML text
and the (line, column) of every VP315."""

from __future__ import annotations

import pytest

from valdsprogram.check.rules.personal_data import personal_numbers
from valdsprogram.yaml.reader import parse_yaml


def flagged(text: str) -> list[tuple[int, int]]:
    return [(d.line, d.column) for d in personal_numbers(parse_yaml(text.encode(), "f.yaml")) if d.code == "VP315"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Each number below passes the Luhn check, so only the time-of-day reading can clear it.
        ("kommentar: Möte 19800101 2353\n", []),  # 23:53 on 1 January 1980
        ("kommentar: Möte 19800101 2403\n", [(1, 17)]),  # no hour 24: a personnummer
        ("kommentar: Möte 19800108 1259\n", []),  # 12:59
        ("kommentar: Möte 19800105 1260\n", [(1, 17)]),  # no minute 60: a personnummer
        ("kommentar: Möte 19800101T2353\n", []),
        ("kommentar: Möte 19800101T2403\n", [(1, 17)]),
        # With a dash or a plus (over 100 years old) it is a personnummer whatever the digits.
        ("kommentar: 19800101-2353\n", [(1, 12)]),
        ("kommentar: 19800101+2353\n", [(1, 12)]),
        ("kommentar: 800101+2353\n", [(1, 12)]),
        ("kommentar: 800101-2354\n", []),  # the Luhn check fails
        # The longest forms that hold no other run of four digits (a year) to start the scan from.
        ("kommentar: 80-01-01 - 2353\n", [(1, 12)]),
        ("a: '80-01-01 - 2353'\n", [(1, 5)]),
        ("kommentar: 1980-01-01 - 2353\n", [(1, 12)]),  # the longest form of all
        # A number stored as a number: a spreadsheet drops the leading zero of 0105210009.
        ("utfall: 105210009\n", [(1, 9)]),
        ("utfall: 105210008\n", []),
        ("utfall: 0105210009\n", [(1, 9)]),  # text in YAML (a YAML 1.1 octal), found as written
    ],
)
def test_personal_numbers_at_their_edges(text: str, found: list[tuple[int, int]]) -> None:
    assert flagged(text) == found
