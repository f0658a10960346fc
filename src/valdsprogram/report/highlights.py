""" "I korthet": the few facts a committee reads first, taken from the report's own numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from valdsprogram.report.indicators import IndicatorRow
from valdsprogram.report.overview import Worse
from valdsprogram.report.status_changes import StatusChange


@dataclass(frozen=True, slots=True)
class GoalAtRisk:
    """A goal that at least one body says is not met (`inte`)."""

    id: str
    title: str
    bodies: list[str]
    """The names of the bodies that say `inte`."""


@dataclass(frozen=True, slots=True)
class Shortfall:
    """An indicator that the reporting bodies together do not fully reach the annual target of (`delvis` or
    `inte`), with the figure it was judged on: never a year-to-date count next to a full-year target."""

    id: str
    text: str
    value: str
    """The figure judged against the target: the forecast for the year at the tertials (counts so far this year),
    the state on the period's last day, or the full year's outcome."""
    method: str
    """How the value is worked out and over how many bodies, e.g. `vägt medelvärde, 1 organ`."""
    target: str
    basis: str
    """What it was judged on, in words: `prognos för helåret`, `läge per 30 april`, `helår`."""
    met: str = "inte"
    """`delvis` or `inte`."""
    title: str = ""
    """What readers call the indicator (its `kort` title, or its text cut at a word)."""


@dataclass(frozen=True, slots=True)
class Highlights:
    """The key facts, in the order the report gives them."""

    reported: int
    expected: int
    rate: str
    """The share that reported without errors, e.g. `75 %`; empty when nobody was expected."""
    goals_at_risk: list[GoalAtRisk]
    shortfalls: list[Shortfall]
    new_delays: list[StatusChange]
    missing: list[str]
    """Names of the expected bodies without a report."""
    with_errors: list[str]
    """Names of the bodies whose report has errors."""
    worse: list[Worse] = field(default_factory=list)
    """Indicators that moved the wrong way since the same period last year, over the same bodies."""
    titles: dict[str, str] = field(default_factory=dict)
    """Activity id → what readers call it, for the new delays."""
    compared: int = 0
    """How many indicators could be compared with the same period last year (shown, not masked)."""

    @property
    def nobody(self) -> bool:
        """Whether no expected body has reported without errors: the report then says so first and lists nothing
        as "inga"."""
        return self.reported == 0

    @property
    def delays_by_activity(self) -> list[tuple[str, list[str]]]:
        """The new delays per activity, in the program's order: each activity once, with the bodies' names."""
        grouped: dict[str, list[str]] = {}
        for change in self.new_delays:
            grouped.setdefault(change.activity, []).append(change.body_name)
        return sorted(grouped.items(), key=lambda item: _id_key(item[0]))

    @property
    def delays_named(self) -> list[tuple[str, str, list[str]]]:
        """The new delays per activity as readers see them: (id, title, the bodies' names)."""
        return [(ident, self.titles.get(ident, ident), names) for ident, names in self.delays_by_activity]


def _id_key(ident: str) -> tuple[int, ...]:
    """`A4.10` after `A4.9`."""
    return tuple(int(part) for part in re.findall(r"\d+", ident))


def highlights(
    *,
    reported: int,
    expected: int,
    goals: list[tuple[str, str, list[str]]],
    indicators: list[IndicatorRow],
    new_delays: list[StatusChange],
    missing: list[str],
    with_errors: list[str],
    worse: list[Worse] | None = None,
    titles: dict[str, str] | None = None,
    compared: int = 0,
) -> Highlights:
    """The key facts; `goals` is each goal's id, title and the names of the bodies that say `inte`; `titles` what
    readers call each activity and indicator, by id."""
    titles = titles or {}
    return Highlights(
        reported=reported,
        expected=expected,
        rate=f"{round(100 * reported / expected)} %" if expected else "",
        goals_at_risk=[GoalAtRisk(ident, title, names) for ident, title, names in goals if names],
        shortfalls=[
            _shortfall(i, titles.get(i.id, i.id)) for i in indicators if i.met in ("delvis", "nära målet", "inte")
        ],
        new_delays=new_delays,
        missing=missing,
        with_errors=with_errors,
        worse=worse or [],
        titles=titles,
        compared=compared,
    )


def _shortfall(row: IndicatorRow, title: str) -> Shortfall:
    """The indicator on the basis its section judges it on: at the tertials a count's forecast for the year (the
    year-to-date count would mislead next to a full-year target), else the value with what it is."""
    value, basis = (row.forecast, "prognos för helåret") if row.basis == "prognos" else (row.value, row.value_label)
    assert row.met is not None
    return Shortfall(row.id, row.text, value, row.method, row.target, basis, row.met, title)
