"""A change since last year at its edges: a count under 20 changes by a number, from 20 on by a percentage."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import TESTS
from valdsprogram.check.validation import load_program
from valdsprogram.model.periods import Period
from valdsprogram.model.program import Body, Indicator
from valdsprogram.model.program_index import ProgramIndex
from valdsprogram.report.trends import SMALL_BASE, Comparison, Point, change_text, chart_series, covered


def _index() -> ProgramIndex:
    loaded = load_program(TESTS / "data" / "program.yaml").index
    assert loaded is not None
    return loaded


INDEX = _index()


def indicator(ident: str) -> Indicator:
    return INDEX.indicators[ident][1]


def test_the_small_base_is_20() -> None:
    assert SMALL_BASE == 20


@pytest.mark.parametrize(
    ("ident", "before", "after", "change"),
    [
        ("I1.2", 19, 29, "+10"),  # under 20: the difference in number
        ("I1.2", 20, 30, "+50 %"),  # at 20: a percentage
        ("I1.2", 21, 31, "+48 %"),
        ("I1.2", 8, 12, "+4"),  # the README's example
        ("I1.2", 0, 3, "+3"),
        ("I1.2", 19, 10, "−9"),
        ("I1.2", 20, 10, "−50 %"),
        ("I1.2", 20, 20, "±0 %"),
        ("I1.2", 19, 19, "±0"),
        ("I1.2", 277, 290, "+5 %"),  # the README's example: rounded to a whole percent
        ("I1.2", 200, 201, "±0 %"),  # 0,5 % rounds (to even) to a whole 0 %
        ("I1.1", 19, 29, "+10 procentenheter"),  # a share changes in percentage points, at any base
        ("I1.1", 62.5, 60.25, "−2,2 procentenheter"),
        ("I1.1", 50, 50, "±0 procentenheter"),
        ("I1.3", True, False, ""),  # ja/nej has no change to give
    ],
)
def test_change_text(ident: str, before: bool | float, after: bool | float, change: str) -> None:
    assert change_text(indicator(ident), before, after) == change


@pytest.mark.parametrize(
    ("fran", "period", "span"),
    [
        (None, Period(2023, 2), ""),
        (dt.date(2023, 1, 1), Period(2023, 2), ""),  # formed on New Year's Day: the whole year
        (dt.date(2023, 1, 2), Period(2023, 2), "2 januari–december"),
        (dt.date(2023, 7, 1), Period(2023, 2), "juli–december"),
        (dt.date(2023, 7, 1), Period(2023, 1), "juli–augusti"),
        (dt.date(2023, 8, 31), Period(2023, 1), "31 augusti–augusti"),
        (dt.date(2023, 9, 1), Period(2023, 1), ""),  # not yet formed: it does not report the period
        (dt.date(2022, 7, 1), Period(2023, 2), ""),  # formed the year before
    ],
)
def test_a_body_formed_during_the_year_covers_part_of_it(fran: dt.date | None, period: Period, span: str) -> None:
    body = Body.model_validate({"id": "sdn-ny", "namn": "Ny", "typ": "stadsdelsnamnd", "fran": fran})
    assert covered(body, period) == span


def _point(period: str, value: int, bodies: list[str]) -> Point:
    return Point(period, str(value), float(value), value, False, bodies, [b.upper() for b in bodies])


def _compared(before: int, after: int, groups: dict[str, list[str]]) -> Comparison:
    return Comparison("2023-T1", str(before), str(after), "", False, before, after, groups, list(groups), [])


CHART_CASES = {
    # Every point over the same bodies: the whole series.
    "same bodies": (
        [_point("2022-T1", 250, ["a", "b"]), _point("2023-T1", 277, ["a", "b"]), _point("2024-T1", 300, ["b", "a"])],
        None,
        [("2022-T1", 250.0, 2), ("2023-T1", 277.0, 2), ("2024-T1", 300.0, 2)],
    ),
    # The case 2: c reports only in 2024, so 277 → 390 is no change; the chart draws the comparison.
    "a body only in the later period": (
        [_point("2023-T1", 277, ["a", "b"]), _point("2024-T1", 390, ["a", "b", "c"])],
        _compared(277, 300, {"a": ["a"], "b": ["b"]}),
        [("2023-T1", 277.0, 2), ("2024-T1", 300.0, 2)],
    ),
    # No comparison: the latest points that share their bodies, or nothing under two.
    "latest alike": (
        [_point("2022-T1", 90, ["a"]), _point("2023-T1", 277, ["a", "b"]), _point("2024-T1", 300, ["a", "b"])],
        None,
        [("2023-T1", 277.0, 2), ("2024-T1", 300.0, 2)],
    ),
    "nothing alike": ([_point("2023-T1", 277, ["a", "b"]), _point("2024-T1", 390, ["a", "c"])], None, []),
}


@pytest.mark.parametrize("case", sorted(CHART_CASES))
def test_a_chart_draws_only_like_with_like(case: str) -> None:
    trend, compared, expected = CHART_CASES[case]
    drawn = chart_series(trend, compared, "2024-T1", {})
    assert [(p.period, p.number, len(p.bodies)) for p in drawn] == expected
