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


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Issue 25: line breaks of every kind inside the number, in a value and in the raw text.
        ('kommentar: "811218-\\n9876"\n', [(1, 12)]),
        ("kommentar: |\n  Klient 811218-\n  9876\n", [(2, 10)]),
        ("kommentar: |\n  Klient 19811218\n  9876\n", [(2, 10)]),
        ('kommentar: "811218\\L9876"\n', [(1, 12)]),
        ('kommentar: "811218\\P9876"\n', [(1, 12)]),
        ('kommentar: "811218\\r\\n9876"\n', [(1, 12)]),  # Alt+Enter in an Excel cell
        ('kommentar: "811218\\N9876"\n', [(1, 12)]),  # NEL
        ("a: 1  # 811218/9876\n", [(1, 9)]),
        ("a: 1  # 811218_9876\n", [(1, 9)]),
        ("a: 1  # 811218:9876\n", [(1, 9)]),
        ("a: 1  # 811218%2D9876\n", [(1, 9)]),
        ("a: 1  # 81.12.18-98.76\n", [(1, 9)]),
        ("a: 1  # 81 12 18 98 76\n", [(1, 9)]),
        ("a: 1  # 8112 1898 76\n", [(1, 9)]),
        ("a: 1  # 81 12 18 23 50\n", [(1, 9)]),  # 811218-2350: a split serial is no time of day
        ("a: 1  # \u2078\u00b9\u00b9\u00b2\u00b9\u2078-\u2079\u2078\u2077\u2076\n", [(1, 9)]),
        ("a: 1  # \u2467\u2460\u2460\u2461\u2460\u2467-\u2468\u2467\u2466\u2465\n", [(1, 9)]),
        ("a: 1  # 8\u034f1\u034f1\u034f2\u034f1\u034f8\u034f-\u034f9\u034f8\u034f7\u034f6\n", [(1, 9)]),
        ("a: 1  # 8\u03321\u03321\u03322\u03321\u03328\u0332-\u03329\u03328\u03327\u03326\u0332\n", [(1, 9)]),
        # A mobile number: ten digits from 07 whose check digit happens to fit (2007-01-23) is a person unless a
        # word before it names a telephone.
        ("kommentar: 0701234569\n", [(1, 12)]),
        ("kommentar: Född 0701234569\n", [(1, 17)]),
        ("kommentar: tel 0701234569\n", []),
        ("kommentar: Mobil: 0701234569\n", []),
        ("kommentar: 'Ring 0701234569 efter kl. 9'\n", []),
        ("kommentar: tel 070123-4569\n", [(1, 16)]),  # with a separator it is written as a personnummer
        ("kommentar: tel 200701234569\n", [(1, 16)]),  # with a century too
        ("a: telefon\nb: 0701234569\n", [(2, 4)]),  # a word on another line is no context for this one
        ('a: "\\x30701234569"\nb: telefon\n', [(1, 4)]),  # nor in another value when all are scanned as one
        # Not a person: a date and a time with a colon, a mobile number in groups.
        ("kommentar: Möte 2005-05-21 19:57\n", []),
        ("kommentar: 070 123 45 69\n", []),
    ],
)
def test_personal_numbers_in_the_forms_issue_25_found(text: str, found: list[tuple[int, int]]) -> None:
    assert flagged(text) == found


@pytest.mark.parametrize(
    "text", ["kommentar: Klienten 811218 0008\n", "kommentar: 811218 0016\n", "kommentar: 811218T0008\n"]
)
def test_a_six_digit_date_and_a_time_like_serial_is_still_a_personnummer(text: str) -> None:
    """The date-and-time reading is for `ÅÅÅÅMMDD TTMM` only: `ÅÅMMDD NNNN` with a space is how many write a
    personnummer, and one serial in seven looks like a time of day (00:08, 00:16)."""
    assert len(flagged(text)) == 1
