"""Like-for-like comparisons of an indicator over time: which periods belong in one series, and which bodies can be
compared between two points, predecessors counted into their successors through `ersatts_av`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from valdsprogram.model.periods import Period
from valdsprogram.model.program import Body, Indicator
from valdsprogram.model.program_index import ProgramIndex, exists
from valdsprogram.model.units import swedish
from valdsprogram.report.aggregation import Reported, aggregate, aggregate_text
from valdsprogram.report.masking import MASKED, Masking

SMALL_BASE = 20
"""Below this, a change in a count is given as a number, not a percentage."""
MONTH_NAMES = (
    *("januari", "februari", "mars", "april", "maj", "juni"),
    *("juli", "augusti", "september", "oktober", "november", "december"),
)


def covered(body: Body | None, period: Period) -> str:
    """The part of the period a body's year-to-date figures cover when it was formed during the year, e.g.
    `juli–december` for a body formed on 1 July; empty when they cover the whole period (so far this year)."""
    if body is None or body.fran is None or not dt.date(period.year, 1, 1) < body.fran <= period.last_day:
        return ""
    start = MONTH_NAMES[body.fran.month - 1]
    start = start if body.fran.day == 1 else f"{body.fran.day} {start}"
    return f"{start}–{MONTH_NAMES[period.last_day.month - 1]}"


def partial_bodies(index: ProgramIndex, indicator: Indicator, cells: Cells) -> dict[str, str]:
    """The bodies whose values in `cells` cover only part of the period, with the part: only for indicators summed
    over the year (a state on the period's last day is whole whenever the body was formed)."""
    if indicator.measure != "ackumulerad":
        return {}
    spans = {b: covered(index.bodies.get(b), cells.period) for b in cells.values}
    return {b: span for b, span in spans.items() if span}


@dataclass(frozen=True, slots=True)
class Point:
    """The city-wide value in one period, and which bodies it covers."""

    period: str
    value: str
    number: float | None
    """The value as a number for charts (None when masked or not a number)."""
    exact: bool | int | float | None
    """The value as computed (None when masked or nobody reported)."""
    masked: bool
    bodies: list[str]
    """The ids of the bodies it covers."""
    body_names: list[str]


@dataclass(frozen=True, slots=True)
class Comparison:
    """The change since the same period last year, over the bodies reported at both points."""

    since: str
    before: str
    after: str
    change: str
    """`+6 %`, `+3,2 procentenheter`, or empty when it cannot be computed."""
    masked: bool
    before_number: bool | int | float | None
    after_number: bool | int | float | None
    groups: dict[str, list[str]]
    """Each later body's id → the ids of the earlier bodies counted into it."""
    bodies: list[str]
    """The later bodies compared, each with the earlier bodies counted into it, e.g. `Norra innerstaden (Norrmalm +
    Östermalm)`."""
    left_out: list[str]
    """Bodies at either point that are not in the comparison."""


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
        current = index.successor(current)
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
    responsible = index.responsible(indicator, earlier.period.last_day)
    needed_by: dict[str, list[str]] = {}  # each body's successor worked out once, not once per later body
    for body in responsible:
        needed_by.setdefault(successor(index, body.id, on), []).append(body.id)
    reported_by: dict[str, list[str]] = {}
    for ident in earlier.values:
        reported_by.setdefault(successor(index, ident, on), []).append(ident)
    groups: dict[str, list[str]] = {}
    for body_id in later.values:
        needed = needed_by.get(body_id, [])
        reported = reported_by.get(body_id, [])
        if not reported or not set(needed) <= set(reported):
            continue
        if len(reported) > 1 and indicator.enhet != "antal":
            continue
        groups[body_id] = reported
    order = {b.id: i for i, b in enumerate(index.program.organ)}
    ordered = sorted(groups.items(), key=lambda item: order.get(item[0], 0))
    return Matched({k: sorted(v, key=lambda b: order.get(b, 0)) for k, v in ordered})


def point(indicator: Indicator, cells: Cells, masking: Masking | None, names: dict[str, str]) -> Point:
    """The city-wide value at one point, masked when its sum may not be published."""
    result = aggregate(indicator, cells.values, cells.period.year)
    masked = masking is not None and bool(cells.values) and not masking.shows_sum(cells.values)
    exact = None if masked or result is None else result.value
    number = None if exact is None or isinstance(exact, bool) else float(exact)
    value = MASKED if masked else aggregate_text(indicator, result)
    bodies = list(cells.values)
    return Point(str(cells.period), value, number, exact, masked, bodies, [names.get(b, b) for b in bodies])


def comparison(
    indicator: Indicator,
    cells: dict[Period, Cells],
    last_year: Period,
    here: Cells,
    match: Matched,
    maskings: dict[Period | str, Masking],
    names: dict[str, str],
) -> Comparison:
    """The change since last year over the matched bodies; masked when either sum may not be published."""
    before = aggregate(indicator, {b: cells[last_year].values[b] for b in match.earlier}, last_year.year)
    after = aggregate(indicator, {b: here.values[b] for b in match.later}, here.period.year)
    masked = not (maskings[last_year].shows_sum(match.earlier) and maskings[here.period].shows_sum(match.later))
    bodies = [
        names.get(later, later) + ("" if earlier == [later] else f" ({' + '.join(names.get(b, b) for b in earlier)})")
        for later, earlier in match.groups.items()
    ]
    left = [names.get(b, b) for b in cells[last_year].values if b not in match.earlier]
    left += [names.get(b, b) for b in here.values if b not in match.later]
    if masked or before is None or after is None:
        return Comparison(str(last_year), MASKED, MASKED, "", True, None, None, match.groups, bodies, left)
    if before.value is None or after.value is None:  # a weighted mean without its weights: no change to give
        before_text, after_text = aggregate_text(indicator, before), aggregate_text(indicator, after)
        return Comparison(str(last_year), before_text, after_text, "", False, None, None, match.groups, bodies, left)
    return Comparison(
        since=str(last_year),
        before=aggregate_text(indicator, before),
        after=aggregate_text(indicator, after),
        change=change_text(indicator, before.value, after.value),
        masked=False,
        before_number=before.value,
        after_number=after.value,
        groups=match.groups,
        bodies=bodies,
        left_out=left,
    )


def chart_series(trend: list[Point], compared: Comparison | None, period: str, names: dict[str, str]) -> list[Point]:
    """What a chart of the indicator draws: only like with like, as the text compares. The whole series when every
    point covers the same bodies; otherwise the comparison with last year over the bodies reported both times;
    otherwise the latest points that cover the same bodies. Under two points: nothing to draw."""
    if len(trend) >= 2 and len({tuple(sorted(p.bodies)) for p in trend}) == 1:
        return trend
    if compared is not None and compared.before_number is not None and compared.after_number is not None:
        earlier = [b for group in compared.groups.values() for b in group]
        later = list(compared.groups)
        return [
            _fixed(compared.since, compared.before, compared.before_number, earlier, names),
            _fixed(period, compared.after, compared.after_number, later, names),
        ]
    tail: list[Point] = []
    for p in reversed(trend):
        if tail and sorted(p.bodies) != sorted(tail[0].bodies):
            break
        tail.insert(0, p)
    return tail if len(tail) >= 2 else []


def _fixed(period: str, value: str, number: bool | int | float, bodies: list[str], names: dict[str, str]) -> Point:
    plotted = None if isinstance(number, bool) else float(number)
    return Point(period, value, plotted, number, False, bodies, [names.get(b, b) for b in bodies])


def change_text(indicator: Indicator, before: bool | int | float, after: bool | int | float) -> str:
    if indicator.enhet == "ja/nej" or isinstance(before, bool) or isinstance(after, bool):
        return ""
    if indicator.enhet == "procent":
        return f"{_signed(round(after - before, 1))} procentenheter"
    if before < SMALL_BASE:
        return _signed(after - before)  # a percentage of a small number says more about chance than change
    return f"{_signed(round(100 * (after - before) / before))} %"


def _signed(value: float) -> str:
    text = swedish(abs(value))
    return f"+{text}" if value > 0 else f"−{text}" if value < 0 else "±0"
