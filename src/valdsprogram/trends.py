"""Like-for-like comparisons of an indicator over time: which periods belong in one series, and which bodies can be
compared between two points, predecessors counted into their successors through `ersatts_av`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from valdsprogram.assessment import Reported
from valdsprogram.index import ProgramIndex, exists
from valdsprogram.periods import Period
from valdsprogram.program import Indicator


@dataclass(frozen=True, slots=True)
class Cells:
    """The bodies' values of one indicator in one period, by body id."""

    period: Period
    values: dict[str, Reported]


def series_periods(period: Period, with_data: list[Period]) -> list[Period]:
    """The same kind of period in earlier years (VB with VB, T1 with T1), oldest first, then the period itself."""
    return [p for p in with_data if p.kind == period.kind and p.year < period.year] + [period]


def within_year(period: Period, with_data: list[Period]) -> list[Period]:
    """The year's earlier periods with data and the period itself (T1 → T2 → VB); empty for T1 alone."""
    points = [p for p in with_data if p.year == period.year and p < period]
    return [*points, period] if points else []


def successor(index: ProgramIndex, body: str, on: dt.date) -> str:
    """The body that carries `body`'s work on the date: itself, or its successor through `ersatts_av`."""
    seen = {body}
    current = index.bodies.get(body)
    while current is not None and not exists(current, on) and current.ersatts_av and current.ersatts_av not in seen:
        seen.add(current.ersatts_av)
        current = index.bodies.get(current.ersatts_av)
    return current.id if current is not None else body


@dataclass(frozen=True, slots=True)
class Matched:
    """The bodies that can be compared between two points."""

    groups: dict[str, list[str]]
    """Each later body → the earlier bodies counted into it (itself, or its predecessors), in program order."""

    @property
    def later(self) -> list[str]:
        return list(self.groups)

    @property
    def earlier(self) -> list[str]:
        return [b for bodies in self.groups.values() for b in bodies]


def matched(index: ProgramIndex, indicator: Indicator, earlier: Cells, later: Cells) -> Matched:
    """The later bodies that reported at both points: a successor counts only when every predecessor responsible
    for the indicator then reported, and (since only counts add up) predecessors are summed only for `antal`."""
    on = later.period.last_day
    responsible = index.resolve(indicator.ansvariga, earlier.period.last_day)
    groups: dict[str, list[str]] = {}
    for body in later.values:
        needed = [b.id for b in responsible if successor(index, b.id, on) == body]
        reported = [b for b in earlier.values if successor(index, b, on) == body]
        if not reported or not set(needed) <= set(reported):
            continue
        if len(reported) > 1 and indicator.enhet != "antal":
            continue
        groups[body] = reported
    order = {b.id: i for i, b in enumerate(index.program.organ)}
    ordered = sorted(groups.items(), key=lambda item: order.get(item[0], 0))
    return Matched({k: sorted(v, key=lambda b: order.get(b, 0)) for k, v in ordered})
