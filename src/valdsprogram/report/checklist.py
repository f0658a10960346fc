"""A body's checklist for a period: per goal, what it must do and report, as plain data for the templates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from valdsprogram.model.followup import DONE
from valdsprogram.model.followup_file import FollowUpFile
from valdsprogram.model.periods import Period
from valdsprogram.model.program import Body, Indicator, wording
from valdsprogram.model.units import value_text
from valdsprogram.model.vocabulary import BODY_TYPES, DIRECTIONS, PERIODICITIES
from valdsprogram.workspace import Workspace


@dataclass(frozen=True, slots=True)
class ActivityItem:
    """One activity on the checklist."""

    id: str
    text: str
    done: bool
    """Whether the body's latest report this year says `genomförd`."""
    status: str
    """The latest reported status this year with its period, or `ej rapporterad`."""
    source: str


@dataclass(frozen=True, slots=True)
class IndicatorItem:
    """One indicator on the checklist, with what has been reported this year."""

    id: str
    text: str
    unit: str
    periodicity: str
    direction: str
    due: bool
    """Whether it is reported in the chosen period."""
    target: str
    """The annual target, and where it comes from; `–` when there is none."""
    outcome: str
    """The latest outcome this year with its period; `–` when none is reported."""
    source: str


@dataclass(frozen=True, slots=True)
class GoalSection:
    id: str
    title: str
    prerequisites: list[str]
    activities: list[ActivityItem]
    indicators: list[IndicatorItem]


@dataclass(frozen=True, slots=True)
class Deadline:
    period: str
    name: str
    per: dt.date
    chosen: bool


@dataclass(frozen=True, slots=True)
class Checklist:
    """Everything a checklist shows; the templates only lay it out."""

    program_title: str
    program_name: str
    wording: str
    """Which wording of the program the checklist follows: "i lydelsen från 2024-01-01"."""
    note: str
    body_id: str
    body_name: str
    body_type: str
    history: list[str]
    """Sentences about mergers: whom the body replaced, or who replaced it."""
    period: str
    period_name: str
    per: dt.date
    reported: str
    """Whether the body has reported the period, as a sentence."""
    deadlines: list[Deadline]
    goals: list[GoalSection]


def build_checklist(workspace: Workspace, body_id: str, period: Period) -> Checklist:
    """The checklist of one body for one period; raises WorkspaceError when it cannot have one."""
    index = workspace.index
    body = workspace.body(body_id, period)
    reports = [f for f in workspace.reports_of(body_id) if f.period.year == period.year and f.period <= period]
    duties = index.responsibilities(body_id, period.last_day)
    goals = []
    for goal in duties.goals:
        activities = [_activity(a.id, a.text, a.kalla, reports) for g, a in duties.activities if g is goal]
        indicators = [_indicator(i, period, reports) for g, i in duties.indicators if g is goal]
        goals.append(GoalSection(goal.id, goal.titel, list(goal.pa_plats), activities, indicators))
    program = index.program
    this = next((f for f in reports if f.period == period), None)
    return Checklist(
        program_title=program.titel,
        program_name=program.name,
        wording=wording(program, period.last_day),
        note=program.anmarkning or "",
        body_id=body.id,
        body_name=body.namn,
        body_type=BODY_TYPES[body.typ],
        history=_history(workspace, body),
        period=str(period),
        period_name=period.name,
        per=period.last_day,
        reported=f"Rapporterad i {this.path}." if this else "Inte rapporterad ännu.",
        deadlines=[
            Deadline(str(p), p.name, p.last_day, p == period) for p in (Period(period.year, i) for i in range(3))
        ],
        goals=goals,
    )


def _activity(ident: str, text: str, source: str, reports: list[FollowUpFile]) -> ActivityItem:
    latest = next(
        ((f.period, r.status) for f in reversed(reports) if (r := f.followup.aktiviteter.get(ident)) and r.status),
        None,
    )
    status = f"{latest[1]}, {latest[0]}" if latest else "ej rapporterad"
    return ActivityItem(ident, text, bool(latest and latest[1] == DONE), status, source)


def _indicator(indicator: Indicator, period: Period, reports: list[FollowUpFile]) -> IndicatorItem:
    values = [(f.period, v) for f in reports if (v := f.followup.indikatorer.get(indicator.id))]
    target = next(((p, v.arsmal) for p, v in reversed(values) if v.arsmal is not None), None)
    outcome = next(((p, v.utfall) for p, v in reversed(values) if v.utfall is not None), None)
    if target is not None:
        target_text = f"{value_text(indicator, target[1])}, {target[0]}"
    elif (proposed := indicator.target(period.year)) is not None:
        target_text = f"{value_text(indicator, proposed)}, programmets förslag"
    else:
        target_text = "–"
    return IndicatorItem(
        id=indicator.id,
        text=indicator.text,
        unit=indicator.enhet,
        periodicity=PERIODICITIES[indicator.periodicitet],
        direction=DIRECTIONS[indicator.riktning],
        due=indicator.due(period),
        target=target_text,
        outcome=f"{value_text(indicator, outcome[1])}, {outcome[0]}" if outcome else "–",
        source=indicator.kalla,
    )


def _history(workspace: Workspace, body: Body) -> list[str]:
    index = workspace.index
    lines = []
    before = index.predecessors(body.id)
    if before:
        names = " och ".join(b.namn for b in before)
        lines.append(f"Ersatte {names} från {body.fran}." if body.fran else f"Ersatte {names}.")
    successor = index.successor(body)
    if successor is not None:
        lines.append(f"Upphörde {body.till} och ersattes av {successor.namn}.")
    return lines
