"""What one body must report for one period, with the values to show pre-filled: the shape of `mall` and `importera`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TypeVar

from valdsprogram.model.followup import ActivityReport, FollowUp, IndicatorReport, needs_comment
from valdsprogram.model.periods import Period
from valdsprogram.model.program import Activity, Body, Goal, Indicator, Program
from valdsprogram.workspace import Workspace

_T = TypeVar("_T")
Loc = tuple[str, ...]
"""A field of a follow-up: ("aktiviteter", "A1.2", "status"), ("beslut", "datum"), ("organ",)."""


@dataclass(frozen=True, slots=True)
class Form:
    """One body's follow-up for one period: the items it reports, in program order, and their pre-filled values."""

    program: Program
    """The program the form is drawn from."""
    body: Body
    """The reporting body."""
    period: Period
    """The period reported."""
    activities: list[tuple[str, Activity | None]]
    """Activity ids in the form, each with the program's activity (None for an id the program lacks)."""
    indicators: list[tuple[str, Indicator | None]]
    """Indicator ids in the form: the body's indicators due this period, then any other the values hold."""
    goals: list[tuple[str, Goal | None]]
    """Goal ids in the form: the goals where the body has anything, then any other the values hold."""
    values: FollowUp
    """The values to show: the filed follow-up, or what was carried forward from earlier this year."""
    notes: dict[Loc, str] = field(default_factory=dict)
    """Where a value came from, or why it was not carried: ("aktiviteter", "A1.2", "status") → "från 2024-T1"."""
    earlier: Period | None = None
    """The earlier report this year that values were carried from, if any."""
    filed: bool = False
    """Whether `values` is the body's filed follow-up for this very period (a correction)."""


def build_form(workspace: Workspace, body_id: str, period_text: str, *, use_filed: bool = False) -> Form:
    """The form for a body and period; with `use_filed`, an already filed follow-up fills it in.

    Raises WorkspaceError when the body or the period does not allow it.
    """
    period = workspace.period(period_text)
    workspace.body(body_id, period)
    reports = workspace.reports_of(body_id)
    filed = next((f.followup for f in reports if f.period == period), None) if use_filed else None
    if filed is not None:
        return fill_form(workspace, body_id, period, filed, filed=True)
    earlier_file = next((f for f in reversed(reports) if f.period.year == period.year and f.period < period), None)
    earlier = earlier_file.followup if earlier_file else None
    earlier_period = earlier_file.period if earlier_file else None
    empty = fill_form(workspace, body_id, period, FollowUp(organ=body_id, period=str(period)))
    notes: dict[Loc, str] = {}
    values = carried_values(empty, earlier, earlier_period, notes)
    return replace(empty, values=values, notes=notes, earlier=earlier_period)


def fill_form(workspace: Workspace, body_id: str, period: Period, values: FollowUp, *, filed: bool = False) -> Form:
    """The body's form for the period holding `values`; items the values name beyond the duties are kept too."""
    index = workspace.index
    body = workspace.body(body_id, period)
    duties = index.responsibilities(body_id, period.last_day)
    activities: list[tuple[str, Activity | None]] = [(a.id, a) for _, a in duties.activities]
    indicators: list[tuple[str, Indicator | None]] = [(i.id, i) for _, i in duties.indicators if i.due(period)]
    goals: list[tuple[str, Goal | None]] = [(g.id, g) for g in duties.goals]
    _add_extra(activities, values.aktiviteter, {k: v[1] for k, v in index.activities.items()})
    _add_extra(indicators, values.indikatorer, {k: v[1] for k, v in index.indicators.items()})
    _add_extra(goals, values.mal, {g.id: g for g in index.program.mal})
    return Form(index.program, body, period, activities, indicators, goals, values, filed=filed)


def _add_extra(items: list[tuple[str, _T | None]], reported: Mapping[str, object], known: Mapping[str, _T]) -> None:
    present = {ident for ident, _ in items}
    items.extend((ident, known.get(ident)) for ident in reported if ident not in present)


def carried_values(
    form: Form, earlier: FollowUp | None, earlier_period: Period | None, notes: dict[Loc, str]
) -> FollowUp:
    """A fresh follow-up's values: statuses and targets carried from earlier this year, else the program's targets.

    A status that needs a fresh explanation this period is not carried; `notes` says so.
    """
    activities: dict[str, ActivityReport] = {}
    indicators: dict[str, IndicatorReport] = {}
    for ident, _ in form.activities:
        before = earlier.aktiviteter.get(ident) if earlier else None
        status = before.status if before is not None else None
        if status is None:
            continue
        loc = ("aktiviteter", ident, "status")
        if needs_comment(status, form.period):
            notes[loc] = f"var {status} i {earlier_period}; ange status och förklara i kommentar"
            continue
        activities[ident] = ActivityReport(status=status)
        notes[loc] = f"från {earlier_period}"
    for ident, indicator in form.indicators:
        previous = earlier.indikatorer.get(ident) if earlier else None
        loc = ("indikatorer", ident, "arsmal")
        if previous is not None and previous.arsmal is not None:
            indicators[ident] = IndicatorReport(arsmal=previous.arsmal)
            notes[loc] = f"från {earlier_period}"
        elif indicator is not None and indicator.target(form.period.year) is not None:
            indicators[ident] = IndicatorReport(arsmal=indicator.target(form.period.year))
            notes[loc] = "programmets förslag"
    return form.values.model_copy(update={"aktiviteter": activities, "indikatorer": indicators})
