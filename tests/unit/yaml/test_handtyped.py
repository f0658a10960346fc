"""Hand-typed values as a table: what people type, and the value they meant (or nothing)."""

from __future__ import annotations

import datetime as dt

import pytest

from valdsprogram.yaml.handtyped import typed_bool, typed_date, typed_number

DATES = [
    ("21/5 2024", dt.date(2024, 5, 21)),
    ("21/5/2024", dt.date(2024, 5, 21)),
    ("21.5.2024", dt.date(2024, 5, 21)),
    ("2024-5-21", dt.date(2024, 5, 21)),
    ("2024/05/21", dt.date(2024, 5, 21)),
    ("20240521", dt.date(2024, 5, 21)),
    ("21 maj 2024", dt.date(2024, 5, 21)),
    ("21 Maj 2024", dt.date(2024, 5, 21)),
    ("21 maj, 2024", dt.date(2024, 5, 21)),
    ("1 sept. 2024", dt.date(2024, 9, 1)),
    ("2024-05-21", dt.date(2024, 5, 21)),
    ("31/2 2024", None),
    ("21 mej 2024", None),
    ("i maj", None),
]


@pytest.mark.parametrize(("typed", "meant"), DATES, ids=[d[0] for d in DATES])
def test_typed_date(typed: str, meant: dt.date | None) -> None:
    assert typed_date(typed) == meant


NUMBERS = [
    ("62 %", 62, ("procenttecken",)),
    ("62%", 62, ("procenttecken",)),
    ("62,5", 62.5, ("decimalkomma",)),
    ("62,5 %", 62.5, ("procenttecken", "decimalkomma")),
    ("298", 298, ("citattecken",)),
    (" 298 ", 298, ("citattecken",)),
    ("62.5", 62.5, ("citattecken",)),
    ("1 298", 1298, ("mellanslag i talet",)),
    ("1\u00a0298,5", 1298.5, ("mellanslag i talet", "decimalkomma")),
    ("-3", -3, ("citattecken",)),
    ("62 procent", 62, ("procenttecken",)),
    ("ca 60", None, ()),
    ("12 st", 12, ("enhet efter talet",)),
    ("1 200 stycken", 1200, ("enhet efter talet", "mellanslag i talet")),
    ("st", None, ()),
    ("1 29", None, ()),
]


@pytest.mark.parametrize(("typed", "value", "marks"), NUMBERS, ids=[n[0] for n in NUMBERS])
def test_typed_number(typed: str, value: float | None, marks: tuple[str, ...]) -> None:
    reading = typed_number(typed)
    assert (reading.value, reading.marks) == (value, marks) if reading else value is None


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("ja", True), ("Ja", True), ("JA", True), ("nej", False), ("yes", True), ("no", False), ("kanske", None)],
)
def test_typed_bool(typed: str, meant: bool | None) -> None:
    assert typed_bool(typed) is meant
