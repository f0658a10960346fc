"""Periods at their edges: the last day of each period belongs to it, the next day to the next period."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import TESTS
from valdsprogram.model.periods import Period, parse_day, periods_between
from valdsprogram.workspace import WorkspaceError, open_workspace

T1, T2, VB = 0, 1, 2


@pytest.mark.parametrize(
    ("day", "period"),
    [
        (dt.date(2024, 1, 1), Period(2024, T1)),
        (dt.date(2024, 4, 29), Period(2024, T1)),
        (dt.date(2024, 4, 30), Period(2024, T1)),  # the last day of T1 is in T1
        (dt.date(2024, 5, 1), Period(2024, T2)),
        (dt.date(2024, 8, 30), Period(2024, T2)),
        (dt.date(2024, 8, 31), Period(2024, T2)),
        (dt.date(2024, 9, 1), Period(2024, VB)),
        (dt.date(2024, 12, 30), Period(2024, VB)),
        (dt.date(2024, 12, 31), Period(2024, VB)),  # the last day of the year is in VB
    ],
)
def test_the_period_of_a_day(day: dt.date, period: Period) -> None:
    assert Period.of_day(day) == period


@pytest.mark.parametrize(
    ("period", "last_day"),
    [
        (Period(2024, T1), dt.date(2024, 4, 30)),
        (Period(2024, T2), dt.date(2024, 8, 31)),
        (Period(2024, VB), dt.date(2024, 12, 31)),
    ],
)
def test_the_last_day_of_each_period(period: Period, last_day: dt.date) -> None:
    assert period.last_day == last_day


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("1899-VB", None),
        ("1900-T1", Period(1900, T1)),
        ("2099-VB", Period(2099, VB)),
        ("2100-T1", None),
        ("2024-T3", None),
        ("2024-t1", None),
        (" 2024-T1", None),
        ("2024-T1\n", None),
        ("２０２４-T1", None),  # full-width digits
    ],
)
def test_parse_a_period(text: str, period: Period | None) -> None:
    assert Period.parse(text) == period


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2024-02-29", dt.date(2024, 2, 29)),
        ("2023-02-29", None),
        ("2024-4-30", None),
        ("2024-W18-2", None),
        ("20240430", None),
        ("2024-04-30 ", None),
    ],
)
def test_parse_a_day(text: str, day: dt.date | None) -> None:
    assert parse_day(text) == day


def test_every_period_of_the_years_in_order() -> None:
    assert periods_between(2023, 2024) == [Period(2023, i) for i in range(3)] + [Period(2024, i) for i in range(3)]
    assert periods_between(2024, 2024) == [Period(2024, T1), Period(2024, T2), Period(2024, VB)]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2021-01-01", "2021-T1"),
        ("2024-04-30", "2024-T1"),
        ("2024-05-01", "2024-T2"),
        ("2024-12-31", "2024-VB"),
        ("2025-12-31", "2025-VB"),
    ],
)
def test_datum_names_the_period_of_its_day(text: str, period: str) -> None:
    workspace = open_workspace(TESTS / "data" / "program.yaml", None)
    assert str(workspace.day(text)[0]) == period


@pytest.mark.parametrize(("text", "message"), [("2020-12-31", "inte 2020-12-31"), ("2026-01-01", "inte 2026-01-01")])
def test_datum_outside_the_program_is_refused(text: str, message: str) -> None:
    workspace = open_workspace(TESTS / "data" / "program.yaml", None)
    with pytest.raises(WorkspaceError, match=message):
        workspace.day(text)
