"""Like-for-like comparisons: which periods form a series, which bodies can be compared, and what is judged on
what in a period."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import ROOT
from valdsprogram.check.validation import load_program
from valdsprogram.model.periods import Period
from valdsprogram.model.program_index import ProgramIndex
from valdsprogram.report.aggregation import Reported
from valdsprogram.report.indicators import judged_on, value_label
from valdsprogram.report.trends import Cells, matched, series_periods, successor, within_year


@pytest.fixture(scope="module")
def index() -> ProgramIndex:
    loaded = load_program(ROOT / "program.yaml").index
    assert loaded is not None
    return loaded


WITH_DATA = [Period(2022, 0), Period(2022, 2), Period(2023, 0), Period(2023, 1), Period(2023, 2), Period(2024, 0)]


def test_a_series_is_the_same_kind_of_period_across_years() -> None:
    assert series_periods(Period(2024, 0), WITH_DATA) == [Period(2022, 0), Period(2023, 0), Period(2024, 0)]
    assert series_periods(Period(2023, 2), WITH_DATA) == [Period(2022, 2), Period(2023, 2)]


def test_the_year_so_far_is_its_own_series() -> None:
    assert within_year(Period(2023, 2), WITH_DATA) == [Period(2023, 0), Period(2023, 1), Period(2023, 2)]
    assert within_year(Period(2024, 0), WITH_DATA) == []


def test_successors_follow_ersatts_av_to_the_body_that_exists(index: ProgramIndex) -> None:
    assert successor(index, "sdn-norrmalm", dt.date(2024, 4, 30)) == "sdn-norra-innerstaden"
    assert successor(index, "sdn-norrmalm", dt.date(2023, 4, 30)) == "sdn-norrmalm"
    assert successor(index, "sdn-sodermalm", dt.date(2024, 4, 30)) == "sdn-sodermalm"


def cells(period: Period, values: dict[str, int]) -> Cells:
    return Cells(period, {body: Reported(v, None) for body, v in values.items()})


def test_predecessors_are_counted_into_their_successor_only_when_all_reported(index: ProgramIndex) -> None:
    i33 = index.indicators["I3.3"][1]
    t1_2023 = cells(Period(2023, 0), {"sdn-norrmalm": 64, "sdn-ostermalm": 71, "sdn-sodermalm": 142})
    t1_2024 = cells(Period(2024, 0), {"sdn-norra-innerstaden": 139, "sdn-sodermalm": 151})
    both = matched(index, i33, t1_2023, t1_2024)
    assert both.groups == {
        "sdn-norra-innerstaden": ["sdn-norrmalm", "sdn-ostermalm"],
        "sdn-sodermalm": ["sdn-sodermalm"],
    }
    assert both.earlier == ["sdn-norrmalm", "sdn-ostermalm", "sdn-sodermalm"]
    without_ostermalm = cells(Period(2023, 0), {"sdn-norrmalm": 64, "sdn-sodermalm": 142})
    assert matched(index, i33, without_ostermalm, t1_2024).groups == {"sdn-sodermalm": ["sdn-sodermalm"]}


def test_only_counts_add_up_across_a_merger(index: ProgramIndex) -> None:
    i32 = index.indicators["I3.2"][1]  # procent: two districts' shares do not add up to one
    vb_2022 = cells(Period(2022, 2), {"sdn-norrmalm": 70, "sdn-ostermalm": 80, "sdn-sodermalm": 75})
    vb_2023 = cells(Period(2023, 2), {"sdn-norra-innerstaden": 74, "sdn-sodermalm": 69})
    assert matched(index, i32, vb_2022, vb_2023).groups == {"sdn-sodermalm": ["sdn-sodermalm"]}


@pytest.mark.parametrize(
    ("ident", "period", "basis", "label"),
    [
        ("I3.3", Period(2024, 0), "prognos", "hittills i år (januari–april)"),
        ("I3.3", Period(2024, 1), "prognos", "hittills i år (januari–augusti)"),
        ("I3.3", Period(2024, 2), "utfall", "helår"),
        ("I3.2", Period(2024, 2), "utfall", "helår"),
    ],
)
def test_what_a_target_is_judged_on(index: ProgramIndex, ident: str, period: Period, basis: str, label: str) -> None:
    indicator = index.indicators[ident][1]
    assert (judged_on(indicator, period), value_label(indicator, period)) == (basis, label)


def test_a_state_is_judged_as_it_stands_at_the_tertials(index: ProgramIndex) -> None:
    share = index.indicators["I3.2"][1].model_copy(update={"periodicitet": "tertial", "matning": "lage"})
    assert (judged_on(share, Period(2024, 0)), value_label(share, Period(2024, 0))) == ("utfall", "läge per 30 april")
    assert value_label(share, Period(2024, 1)) == "läge per 31 augusti"
