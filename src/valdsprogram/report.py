"""The city-wide follow-up of one period as plain data: coverage, summaries, per goal, changes and per body."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from valdsprogram.assessment import Aggregate, Met, Reported, aggregate, aggregate_met, target_met
from valdsprogram.coverage import expected
from valdsprogram.followup import STATUS_RANK, STATUSES
from valdsprogram.periods import Period
from valdsprogram.program import Goal, Indicator
from valdsprogram.rules import FollowUpFile
from valdsprogram.units import value_text
from valdsprogram.vocabulary import DIRECTIONS
from valdsprogram.workspace import Workspace

ASSESSMENTS: tuple[Met, ...] = ("helt", "delvis", "inte")
STUCK_AFTER = 3
"""An activity `pågående` or `försenad` in this many consecutive reports is listed as standing still."""


@dataclass(frozen=True, slots=True)
class Count:
    """A label, how many, and who."""

    label: str
    n: int
    names: list[str]


@dataclass(frozen=True, slots=True)
class Point:
    period: str
    value: str
    number: float | None
    """The value as a number for charts (None for masked values)."""


@dataclass(frozen=True, slots=True)
class BodyValue:
    body: str
    outcome: str
    target: str
    met: str


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    id: str
    text: str
    unit: str
    direction: str
    value: str
    """The city-wide value, masked where sensitive."""
    method: str
    """How it was computed and over how many bodies."""
    target: str
    met: str
    trend: list[Point]
    bodies: list[BodyValue]


@dataclass(frozen=True, slots=True)
class ActivityRow:
    id: str
    text: str
    statuses: list[Count]
    """Each status with the bodies that reported it (only statuses someone reported)."""
    missing: list[str]
    """Responsible bodies that have not reported the activity."""


@dataclass(frozen=True, slots=True)
class GoalAssessment:
    body: str
    assessment: str
    analysis: str


@dataclass(frozen=True, slots=True)
class GoalPart:
    id: str
    title: str
    assessment_counts: list[Count]
    assessments: list[GoalAssessment]
    status_counts: list[Count]
    activities: list[ActivityRow]
    indicators: list[IndicatorRow]


@dataclass(frozen=True, slots=True)
class Change:
    body: str
    activity: str
    text: str


@dataclass(frozen=True, slots=True)
class Appendix:
    """One body's report, as it wrote it."""

    body: str
    path: str
    decision: str
    activities: list[tuple[str, str, str]]
    """(id, status, comment)."""
    indicators: list[tuple[str, str, str, str]]
    """(id, outcome, target, comment)."""
    goals: list[tuple[str, str, str]]
    """(id, assessment, analysis)."""


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the report shows; the templates only lay it out."""

    program_title: str
    program_name: str
    note: str
    period: str
    period_name: str
    per: dt.date
    previous: str
    """The period changes are measured against, or empty."""
    warning: str
    """Said at the top when the report was built from data with errors; otherwise empty."""
    generated: str
    """The date given with --datum, or empty: reports carry no timestamp unless asked."""
    reported: int
    expected: int
    missing: list[str]
    activity_counts: list[Count]
    assessment_counts: list[Count]
    indicator_counts: list[Count]
    goals: list[GoalPart]
    forward: list[Change]
    backward: list[Change]
    stuck: list[Change]
    appendix: list[Appendix]


def build_report(
    workspace: Workspace, period: Period, *, warning: str = "", generated: str = "", only_reporting: bool = False
) -> Report:
    """The city-wide follow-up of the period (see `coverage.expected` for `only_reporting`)."""
    index = workspace.index
    program = index.program
    files = sorted((f for f in workspace.files if f.period == period), key=lambda f: _name(f))
    bodies_expected = [b for b in program.organ if expected(workspace, b, period, only_reporting=only_reporting)]
    reporting = {f.followup.organ for f in files}
    previous = _previous(workspace, period)
    expected_ids = {b.id for b in bodies_expected}
    goals = [_goal_part(workspace, goal, period, files, expected_ids) for goal in program.mal]
    forward, backward, stuck = _changes(workspace, period, files, previous)
    return Report(
        program_title=program.titel,
        program_name=program.kortnamn or program.titel,
        note=program.anmarkning or "",
        period=str(period),
        period_name=period.name,
        per=period.last_day,
        previous=str(previous) if previous else "",
        warning=warning,
        generated=generated,
        reported=len(files),
        expected=len(bodies_expected),
        missing=[b.namn for b in bodies_expected if b.id not in reporting],
        activity_counts=_counts(
            STATUSES, [(r.status, _name(f)) for f in files for r in f.followup.aktiviteter.values() if r.status]
        ),
        assessment_counts=_counts(
            ASSESSMENTS, [(g.bedomning, _name(f)) for f in files for g in f.followup.mal.values() if g.bedomning]
        ),
        indicator_counts=_counts(ASSESSMENTS, [(met, name) for met, name in _targets_met(workspace, files)]),
        goals=goals,
        forward=forward,
        backward=backward,
        stuck=stuck,
        appendix=[_appendix(workspace, f) for f in files],
    )


def _goal_part(
    workspace: Workspace, goal: Goal, period: Period, files: list[FollowUpFile], expected_ids: set[str]
) -> GoalPart:
    reported_goal = [(f, f.followup.mal[goal.id]) for f in files if goal.id in f.followup.mal]
    assessments = [
        GoalAssessment(_name(f), g.bedomning or "–", g.analys or "") for f, g in reported_goal if g.bedomning
    ]
    activities = [_activity_row(workspace, a.id, a.text, period, files, expected_ids) for a in goal.aktiviteter]
    statuses = [
        (r.status, _name(f)) for f in files for a in goal.aktiviteter if (r := f.followup.aktiviteter.get(a.id))
    ]
    return GoalPart(
        id=goal.id,
        title=goal.titel,
        assessment_counts=_counts(ASSESSMENTS, [(a.assessment, a.body) for a in assessments]),
        assessments=assessments,
        status_counts=_counts(STATUSES, [(s, n) for s, n in statuses if s]),
        activities=activities,
        indicators=[_indicator_row(workspace, i, period, files) for i in goal.indikatorer if i.due(period)],
    )


def _activity_row(
    workspace: Workspace, ident: str, text: str, period: Period, files: list[FollowUpFile], expected_ids: set[str]
) -> ActivityRow:
    reported = [(r.status, _name(f)) for f in files if (r := f.followup.aktiviteter.get(ident)) and r.status]
    responsible = workspace.index.resolve(workspace.index.activities[ident][1].ansvariga, period.last_day)
    by_id = {f.followup.organ for f in files if ident in f.followup.aktiviteter}
    missing = [b.namn for b in responsible if b.id in expected_ids and b.id not in by_id]
    counts = [c for c in _counts(STATUSES, reported) if c.n]
    return ActivityRow(ident, text, counts, missing)


def _indicator_row(
    workspace: Workspace, indicator: Indicator, period: Period, files: list[FollowUpFile]
) -> IndicatorRow:
    mask = _mask(workspace, indicator)
    values = _reported(indicator, files)
    result = aggregate(indicator, [v for _, v in values])
    met = aggregate_met(indicator, result) if result else None
    bodies = [
        BodyValue(
            name,
            value_text(indicator, v.outcome, mask),
            value_text(indicator, v.target, 0) if v.target is not None else "–",
            target_met(indicator, v.outcome, v.target) if v.target is not None else "–",
        )
        for name, v in values
    ]
    return IndicatorRow(
        id=indicator.id,
        text=indicator.text,
        unit=indicator.enhet,
        direction=DIRECTIONS[indicator.riktning],
        value=_aggregate_text(indicator, result, mask),
        method=_method_text(indicator, result),
        target=_target_text(indicator, result),
        met=met or "–",
        trend=_trend(workspace, indicator, period, mask),
        bodies=bodies,
    )


def _reported(indicator: Indicator, files: list[FollowUpFile]) -> list[tuple[str, Reported]]:
    found = []
    for f in files:
        values = f.followup.indikatorer.get(indicator.id)
        if values is not None and values.utfall is not None:
            found.append((_name(f), Reported(values.utfall, values.arsmal, values.taljare, values.namnare)))
    return found


def _trend(workspace: Workspace, indicator: Indicator, period: Period, mask: int) -> list[Point]:
    """The city-wide value in the same period of earlier years, and in earlier periods this year."""
    periods = [p for p in workspace.periods if p < period and (p.kind == period.kind or p.year == period.year)]
    points = []
    for p in [*periods, period]:
        if not indicator.due(p):
            continue
        result = aggregate(
            indicator, [v for _, v in _reported(indicator, [f for f in workspace.files if f.period == p])]
        )
        if result is not None:
            masked = bool(mask) and float(result.value) < mask
            number = None if masked else float(result.value)
            points.append(Point(str(p), _aggregate_text(indicator, result, mask), number))
    return points


def _changes(
    workspace: Workspace, period: Period, files: list[FollowUpFile], previous: Period | None
) -> tuple[list[Change], list[Change], list[Change]]:
    forward: list[Change] = []
    backward: list[Change] = []
    stuck: list[Change] = []
    for f in files:
        history = [r for r in workspace.reports_of(f.followup.organ) if r.period < period]
        before = next((r for r in reversed(history) if r.period == previous), None)
        for ident, report in f.followup.aktiviteter.items():
            if report.status is None:
                continue
            old = before.followup.aktiviteter.get(ident) if before else None
            if old is not None and old.status is not None and old.status != report.status:
                change = Change(_name(f), ident, f"{old.status} → {report.status}")
                if STATUS_RANK[report.status] > STATUS_RANK[old.status]:
                    forward.append(change)
                elif STATUS_RANK[report.status] < STATUS_RANK[old.status]:
                    backward.append(change)
            streak = _streak(ident, [*history, f])
            if streak >= STUCK_AFTER:
                stuck.append(Change(_name(f), ident, f"{report.status} i {streak} rapporter i rad"))
    return forward, backward, stuck


def _streak(ident: str, reports: list[FollowUpFile]) -> int:
    """How many of the latest consecutive reports say `pågående` or `försenad` for the activity."""
    streak = 0
    for report in reversed(reports):
        status = report.followup.aktiviteter.get(ident)
        if status is None or status.status not in ("pågående", "försenad"):
            break
        streak += 1
    return streak


def _targets_met(workspace: Workspace, files: list[FollowUpFile]) -> list[tuple[Met, str]]:
    pairs: list[tuple[Met, str]] = []
    for f in files:
        for ident, values in f.followup.indikatorer.items():
            known = workspace.index.indicators.get(ident)
            if known and values.utfall is not None and values.arsmal is not None:
                pairs.append((target_met(known[1], values.utfall, values.arsmal), _name(f)))
    return pairs


def _appendix(workspace: Workspace, f: FollowUpFile) -> Appendix:
    followup = f.followup
    decision = ""
    if followup.beslut is not None:
        parts = [str(followup.beslut.datum or ""), followup.beslut.diarienummer or ""]
        decision = ", ".join(p for p in parts if p)
    indicators = []
    for ident, v in followup.indikatorer.items():
        known = workspace.index.indicators.get(ident)
        if known is None:
            continue
        mask = _mask(workspace, known[1])
        outcome = value_text(known[1], v.utfall, mask) if v.utfall is not None else "–"
        target = value_text(known[1], v.arsmal, 0) if v.arsmal is not None else "–"
        indicators.append((ident, outcome, target, v.kommentar or ""))
    return Appendix(
        body=_name(f),
        path=f.document.path,
        decision=decision,
        activities=[(k, r.status or "–", r.kommentar or "") for k, r in followup.aktiviteter.items()],
        indicators=indicators,
        goals=[(k, g.bedomning or "–", g.analys or "") for k, g in followup.mal.items()],
    )


def _previous(workspace: Workspace, period: Period) -> Period | None:
    earlier = [p for p in workspace.periods if p < period]
    return earlier[-1] if earlier else None


def _counts(labels: tuple[str, ...], pairs: Sequence[tuple[str, str]]) -> list[Count]:
    names: dict[str, list[str]] = {label: [] for label in labels}
    for label, name in pairs:
        names.setdefault(label, []).append(name)
    return [Count(label, len(who), sorted(set(who))) for label, who in names.items()]


def _mask(workspace: Workspace, indicator: Indicator) -> int:
    """The threshold below which the indicator's counts are shown as `färre än N`; 0 when never masked."""
    sensitive = indicator.kanslig and indicator.enhet == "antal"
    return workspace.index.program.maskeringsgrans if sensitive else 0


def _name(f: FollowUpFile) -> str:
    return f.body_name


def _aggregate_text(indicator: Indicator, result: Aggregate | None, mask: int) -> str:
    if result is None:
        return "–"
    if indicator.enhet == "ja/nej":
        return f"{result.value} av {result.n} ja"
    return value_text(indicator, result.value, mask)


def _method_text(indicator: Indicator, result: Aggregate | None) -> str:
    if result is None:
        return "ingen har rapporterat"
    if result.method == "ovägt medelvärde" and result.n > 1 and result.low is not None and result.high is not None:
        span = f"{value_text(indicator, result.low, 0)}–{value_text(indicator, result.high, 0)}"
        return f"ovägt medelvärde av {result.n} organ (lägst–högst {span})"
    return f"{result.method}, {result.n} organ"


def _target_text(indicator: Indicator, result: Aggregate | None) -> str:
    if result is None or result.target is None:
        return "–"
    if indicator.enhet == "ja/nej":
        return f"{'ja' if result.target else 'nej'} för alla"
    return value_text(indicator, result.target, 0)
