"""The city-wide follow-up of one period as plain data: coverage, summaries, per goal, changes and per body.

Reports with errors are listed but left out of every number; see `indicator_report` for how indicators are judged,
compared and masked, and `changes` for how statuses moved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from valdsprogram.diagnostics import Diagnostic, Validation
from valdsprogram.errors import ValdsprogramError
from valdsprogram.git.log import Commit, changed_text
from valdsprogram.model.compilation import CompilationFile, unsupported_verdict
from valdsprogram.model.followup import ASSESSMENTS, STATUSES, Decision
from valdsprogram.model.followup_file import FollowUpFile
from valdsprogram.model.periods import Period
from valdsprogram.model.program import Goal, ProgramItem, revision_in_force, wording
from valdsprogram.model.units import value_text
from valdsprogram.report.aggregation import NEAR
from valdsprogram.report.body_lists import bodies
from valdsprogram.report.highlights import Highlights, highlights
from valdsprogram.report.indicators import BodyValue, IndicatorRow, indicator_row
from valdsprogram.report.masking import MASKED
from valdsprogram.report.overview import GoalLine, goal_line, worse
from valdsprogram.report.scope import error_scope
from valdsprogram.report.status_changes import Kind, Standstill, StatusChange, changes
from valdsprogram.report.status_matrix import erroneous, expected
from valdsprogram.sources import COMPILATION_FOLDER
from valdsprogram.text import join_swedish
from valdsprogram.workspace import Workspace

INDICATOR_OUTCOMES = ("helt", "delvis", NEAR, "inte", "ej bedömd", MASKED)
CHANGE_TITLES = {
    Kind.NEW_DELAY: "Nya förseningar",
    Kind.FORWARD: "Framåt",
    Kind.BACKWARD: "Bakåt",
    Kind.NEW_ROUND: "Ny omgång eller återupptagen",
    Kind.CLOSED: "Avslutade genom beslut (utgår)",
}
"""Each list of changes and its heading, in the order shown: new delays first."""


@dataclass(frozen=True, slots=True)
class Count:
    """A label, how many, and who."""

    label: str
    n: int
    names: list[str]
    short: str = ""
    """The names as a reader wants them: groups named where they fit ("alla stadsdelsnämnder utom Södermalms")."""


@dataclass(frozen=True, slots=True)
class ActivityRow:
    id: str
    text: str
    statuses: list[Count]
    """Each status with the bodies that reported it (only statuses someone reported)."""
    missing: list[str]
    """Responsible bodies that have not reported the activity (or whose report has errors)."""
    missing_short: str
    """The same, with groups named where they fit."""


GROUPED_FROM = 4
"""Bodies that say the same without an analysis are one row, a count, from this many on."""


@dataclass(frozen=True, slots=True)
class GoalAssessment:
    body_name: str
    assessment: str
    analysis: str
    body_id: str = ""


@dataclass(frozen=True, slots=True)
class AssessmentRow:
    """Bodies that assess a goal alike with the same analysis, word for word: one row for all of them."""

    bodies: str
    """The body's name, or the bodies' names with groups named where they fit."""
    n: int
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
    city_assessment: str
    """Socialnämnden's assessment for the whole city (helt, delvis, inte), or empty when not given."""
    city_analysis: str
    """Socialnämnden's analysis of the goal, or empty."""
    city_unsupported: str = ""
    """Why no body's assessment in the report supports the city's ("inget organ har bedömt målet"), or empty."""
    unexplained: list[Count] = field(default_factory=list)
    """Bodies that give the same assessment without an analysis, one count per assessment where they are
    GROUPED_FROM or more (the HTML and the print give them as one row instead of a row each)."""
    unreported: int = 0
    """Activity answers expected and not given: one per activity and responsible body that did not report it (no
    report, or one with errors), so that shares are over everyone expected."""
    unassessed: int = 0
    """Expected bodies responsible for something under the goal that give no assessment of it."""
    assessment_rows: list[AssessmentRow] = field(default_factory=list)
    """The assessments with an analysis (or not among `unexplained`) as the HTML and the print show them: bodies
    that give the same assessment and the same analysis share one row, so a city's boilerplate is read once."""


@dataclass(frozen=True, slots=True)
class ChangeList:
    """One list of status changes under its heading."""

    key: str
    """The key in the report's JSON, e.g. `nya_forseningar`."""
    title: str
    changes: list[StatusChange]


@dataclass(frozen=True, slots=True)
class Appendix:
    """One body's report, as it wrote it (masked values masked)."""

    body_id: str
    body_name: str
    path: str
    decision: str
    activities: list[tuple[str, str, str]]
    """(id, status, comment)."""
    indicators: list[tuple[str, str, str, str, str]]
    """(id, outcome, forecast, target, comment)."""
    goals: list[tuple[str, str, str]]
    """(id, assessment, analysis)."""
    acknowledged: list[tuple[str, str, str, str]]
    """The warnings the body acknowledges: (place, code, message, reason), in file order."""
    changed: str = ""
    """When, by whom and in which commit the file was last changed (`git.log.changed_text`); empty outside git."""
    uncommitted: bool = False
    """Whether the file differs from its last commit (edited or never committed): the values shown are then not
    the commit's, and the appendix says "ändrad, inte incheckad"."""


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the report shows; the templates only lay it out."""

    program_title: str
    program_name: str
    wording: str
    """Which wording of the program the report follows: "i lydelsen från 2024-01-01" (or "i ursprunglig
    lydelse"), as of the period's last day."""
    revision: dt.date | None
    """The date of that revision; None: the program as adopted."""
    revision_decision: str
    """That revision's decision (organ and diarienummer), or empty."""
    revision_changes: list[str]
    """What that revision changed, a line each."""
    revision_draft: bool
    """Whether that revision is an example or draft, not a decision."""
    draft_items: list[str]
    """Ids of the activities and indicators in the report that the program marks as drafts (`utkast`)."""
    note: str
    period: str
    period_name: str
    per: dt.date
    series_name: str
    """The kind of report without the year, e.g. `tertialrapport 1`: what a trend compares year by year."""
    tertial: bool
    """T1 or T2: goal assessments are forecasts, and counts are so far this year."""
    assessment_label: str
    """`prognos för helåret` at the tertials (goal assessments are forecasts), else empty."""
    previous: str
    """The period changes are measured against, or empty."""
    warning: str
    """Said at the top when the report was built from data with errors; otherwise empty."""
    errors_elsewhere: dict[str, int]
    """Period → errors in follow-ups of periods the report does not read (later ones, other compilations): they
    neither stop the report nor put a warning on it, and the command line names them beside it."""
    generated: str
    """The date given with --datum, or empty: reports carry no timestamp unless asked."""
    expected: list[str]
    """Ids of the bodies expected to report, in program order."""
    reported: list[str]
    """Ids of the bodies whose report is in the totals (reported without errors)."""
    with_errors: list[str]
    """Ids of the bodies whose report has errors: listed, but not in any number."""
    missing: list[str]
    """Ids of the expected bodies with no report."""
    names: dict[str, str]
    """Body id → name."""
    activity_counts: list[Count]
    assessment_counts: list[Count]
    indicator_counts: list[Count]
    goals: list[GoalPart]
    changes: list[ChangeList]
    standstill: list[Standstill]
    appendix: list[Appendix]
    mask_limit: int
    """The program's masking threshold."""
    any_masked: bool
    """Whether any value in the report is masked (the report then says how masking works)."""
    highlights: Highlights
    """The key facts ("I korthet")."""
    compilation_path: str
    """Where socialnämnden's compilation of the period is, or would be: sammanstallning/<period>.yaml."""
    has_compilation: bool
    """Whether the compilation exists (and fits its model); without it the report says the analysis is missing."""
    summary: str
    """Socialnämnden's summary, or empty."""
    measures: list[str]
    """Proposed measures, or none."""
    decision: str
    """Socialnämnden's decision (date, diarienummer), or empty."""
    vision: str
    violence_types: list[str]
    perspectives: list[str]
    missing_short: str
    """The missing reports, with groups named where they fit."""
    appendices_shown: bool
    """Whether the document shows each body's report as an appendix (`rapport --bilagor`)."""
    overview: list[GoalLine] = field(default_factory=list)
    """Every goal on one line, for the first page."""
    titles: dict[str, str] = field(default_factory=dict)
    """Activity or indicator id → what readers call it (`kort`, or the text cut at a word)."""

    @property
    def activities_unreported(self) -> int:
        """Activity answers expected and not given, over every goal."""
        return sum(g.unreported for g in self.goals)

    @property
    def goals_unassessed(self) -> int:
        """Goal assessments expected and not given, over every goal."""
        return sum(g.unassessed for g in self.goals)

    def named(self, ids: list[str]) -> list[str]:
        return [self.names.get(i, i) for i in ids]

    def elsewhere_note(self) -> str:
        """What the command line says beside the report about errors in periods it does not read; or empty."""
        if not self.errors_elsewhere:
            return ""
        each = join_swedish([f"{n} fel i {p}" for p, n in self.errors_elsewhere.items()])
        return (
            f"obs: uppföljningarna har fel i perioder som rapporten för {self.period} inte läser: {each} (se "
            "valdsprogram validera). Rapporten påverkas inte av dem."
        )


def body_statuses(report: Report) -> list[tuple[str, str]]:
    """Each expected body's id and its state in the report, in program order: `rapporterad`, `med fel` or
    `saknas` (the words of `status`); a body that reported without being expected is `rapporterad` too."""
    broken, reported = set(report.with_errors), set(report.reported)
    shown = {*report.expected, *broken, *reported}
    return [
        (b, "med fel" if b in broken else "rapporterad" if b in reported else "saknas")
        for b in report.names
        if b in shown
    ]


class FollowUpsHaveErrors(ValdsprogramError):
    """The follow-ups have errors, and the report was not asked for despite them; `validation` holds them all."""

    exit_code = 1

    def __init__(self, validation: Validation) -> None:
        super().__init__("uppföljningarna har fel; rätta dem, eller ange --trots-fel.")
        self.validation = validation
        """Every problem found while loading, as `validera` reports it (the command line prints it first)."""


def build_report(
    workspace: Workspace,
    period: Period,
    *,
    generated: str = "",
    only_reporting: bool = False,
    appendices: bool = False,
    last_commits: dict[tuple[str, str], Commit] | None = None,
    despite_errors: bool = False,
    uncommitted: frozenset[tuple[str, str]] = frozenset(),
) -> Report:
    """The city-wide follow-up of the period; FollowUpsHaveErrors when the files it reads have errors, unless
    `despite_errors` (`rapport --trots-fel`): the report then says so at its top and leaves those reports out.
    Errors in files it does not read (`scope.error_scope`) are only counted in `errors_elsewhere`.

    `generated` is the date to print as the day of compilation (a report carries none unless given);
    `only_reporting` counts only the bodies with a follow-up in the folder (see `coverage.expected`);
    `appendices` asks the documents to show each body's report (the data holds them either way);
    `last_commits` is each follow-up's last commit by (organ, period) (`last_changes`), shown in its appendix;
    `uncommitted` the (organ, period) of the follow-ups with changes not committed (`uncommitted_followups`).
    """
    scope = error_scope(workspace, period)
    if scope.concerning and not despite_errors:
        raise FollowUpsHaveErrors(workspace.validation)
    index = workspace.index
    program = index.program
    broken = erroneous(workspace)
    clean = [f for f in workspace.files if (f.body_id, f.period) not in broken and f.body is not None]
    files = sorted((f for f in clean if f.period == period), key=lambda f: f.body_name)
    by_period: dict[Period, list[FollowUpFile]] = {}
    for f in sorted(clean, key=lambda f: f.body_name):
        by_period.setdefault(f.period, []).append(f)
    order = [b.id for b in program.organ]
    names = {b.id: b.namn for b in program.organ}
    error_ids = [b for b in order if (b, period) in broken]
    expected_ids = [
        b.id
        for b in program.organ
        if expected(workspace, b, period, only_reporting=only_reporting) or b.id in error_ids
    ]
    reporting = {f.body_id for f in files}
    reported_ids = [b for b in order if b in reporting]
    by_body: dict[str, list[FollowUpFile]] = {}
    for f in clean:
        by_body.setdefault(f.body_id, []).append(f)
    history = {f.body_id: by_body[f.body_id] for f in files}
    found = changes(files, {k: sorted(v, key=lambda h: h.period) for k, v in history.items()}, period)
    compiled = workspace.compilation(period)
    goals = [
        _goal_part(workspace, goal, period, files, by_period, set(expected_ids), set(error_ids), compiled)
        for goal in program.mal
    ]
    rows = {i.id: i for g in goals for i in g.indicators}
    items: list[ProgramItem] = [*(a for g in program.mal for a in g.aktiviteter)]
    items += [i for g in program.mal for i in g.indikatorer]
    titles = {item.id: item.title for item in items}
    known = {i.id: i for g in program.mal for i in g.indikatorer}
    row_bodies = {ident: _first_by_body(row) for ident, row in rows.items()}
    missing = [b for b in expected_ids if b not in reported_ids and b not in error_ids]
    summary = compiled.compilation if compiled is not None else None
    return Report(
        program_title=program.titel,
        program_name=program.name,
        wording=wording(program, period.last_day),
        revision=revision.datum if (revision := revision_in_force(program, period.last_day)) else None,
        revision_decision=revision.beslut if revision else "",
        revision_changes=list(revision.andringar) if revision else [],
        revision_draft=revision.utkast if revision else False,
        draft_items=[
            ident
            for goal in program.mal
            for ident, draft, in_effect in [
                *((a.id, a.utkast, a.in_effect(period.last_day)) for a in goal.aktiviteter),
                *((i.id, i.utkast, i.in_effect(period.last_day)) for i in goal.indikatorer),
            ]
            if draft and in_effect
        ],
        note=program.anmarkning or "",
        period=str(period),
        period_name=period.name,
        per=period.last_day,
        series_name=period.name.rsplit(" ", 1)[0],
        tertial=not period.is_annual,
        assessment_label="prognos för helåret" if not period.is_annual else "",
        previous=str(found.since) if found.since and found.since in by_period else "",
        warning=_errors_warning(scope.concerning),
        errors_elsewhere=scope.elsewhere,
        generated=generated,
        expected=expected_ids,
        reported=reported_ids,
        with_errors=error_ids,
        missing=missing,
        names=names,
        activity_counts=_counts(
            STATUSES, [(r.status, f.body_name) for f in files for r in f.followup.aktiviteter.values() if r.status]
        ),
        assessment_counts=_counts(
            ASSESSMENTS, [(g.bedomning, f.body_name) for f in files for g in f.followup.mal.values() if g.bedomning]
        ),
        # "nära målet" is a row of its own only in a program that sets nara_malet on some indicator.
        indicator_counts=_counts(
            [o for o in INDICATOR_OUTCOMES if o != NEAR or any(i.nara_malet for _, i in index.indicators.values())],
            _targets_met(row_bodies, files),
        ),
        goals=goals,
        changes=[ChangeList(kind.value, CHANGE_TITLES[kind], found.by_kind[kind]) for kind in Kind],
        standstill=found.standstill,
        appendix=[
            _appendix(
                workspace,
                f,
                row_bodies,
                (last_commits or {}).get((f.body_id, str(period))),
                uncommitted=(f.body_id, str(period)) in uncommitted,
            )
            for f in files
        ],
        mask_limit=program.maskeringsgrans,
        any_masked=any(
            i.masked
            or any(b.masked for b in i.bodies)
            or any(p.masked for p in [*i.trend, *i.within_year])
            or (i.comparison is not None and i.comparison.masked)
            for i in rows.values()
        ),
        highlights=highlights(
            reported=len(reported_ids),
            expected=len(expected_ids),
            goals=[(g.id, g.title, [a.body_name for a in g.assessments if a.assessment == "inte"]) for g in goals],
            indicators=list(rows.values()),
            new_delays=found.by_kind[Kind.NEW_DELAY],
            missing=[names[b] for b in missing],
            with_errors=[names[b] for b in error_ids],
            worse=worse([(known[i], row, titles[i]) for i, row in rows.items()]),
            titles=titles,
            compared=sum(1 for i in rows.values() if i.comparison is not None and not i.comparison.masked),
        ),
        compilation_path=compiled.document.path if compiled else f"{COMPILATION_FOLDER}/{period}.yaml",
        has_compilation=compiled is not None,
        summary=(summary.sammanfattning or "").strip() if summary else "",
        measures=list(summary.atgarder or []) if summary else [],
        decision=_decision_text(summary.beslut) if summary else "",
        vision=program.vision,
        violence_types=[v.namn for v in program.valdstyper],
        perspectives=[p.namn for p in program.perspektiv],
        missing_short=bodies(index, missing, period.last_day).short,
        appendices_shown=appendices,
        overview=[
            goal_line(
                g.id,
                g.title,
                g.city_assessment,
                [a.assessment for a in g.assessments],
                g.unassessed,
                g.indicators,
            )
            for g in goals
        ],
        titles=titles,
    )


def _goal_part(
    workspace: Workspace,
    goal: Goal,
    period: Period,
    files: list[FollowUpFile],
    by_period: dict[Period, list[FollowUpFile]],
    expected_ids: set[str],
    with_errors: set[str],
    compiled: CompilationFile | None,
) -> GoalPart:
    reported_goal = [(f, f.followup.mal[goal.id]) for f in files if goal.id in f.followup.mal]
    city = compiled.goals.get(goal.id) if compiled else None
    assessments = [
        GoalAssessment(f.body_name, g.bedomning or "–", g.analys or "", f.followup.organ)
        for f, g in reported_goal
        if g.bedomning
    ]
    unexplained: list[Count] = []
    for label in ASSESSMENTS:
        bare = [a for a in assessments if a.assessment == label and not a.analysis]
        if len(bare) >= GROUPED_FROM:
            named = bodies(workspace.index, [a.body_id for a in bare], period.last_day)
            unexplained.append(Count(label, named.n, named.names, named.short))
    shared: dict[tuple[str, str], list[GoalAssessment]] = {}
    for a in assessments:
        if a.analysis or a.assessment not in {c.label for c in unexplained}:
            shared.setdefault((a.assessment, " ".join(a.analysis.split())), []).append(a)
    assessment_rows = [
        AssessmentRow(same[0].body_name, 1, label, same[0].analysis)
        if len(same) == 1
        else AssessmentRow(
            bodies(workspace.index, [a.body_id for a in same], period.last_day).short,
            len(same),
            label,
            same[0].analysis,
        )
        for (label, _), same in shared.items()
    ]
    # The goal's activities and indicators as the program stood on the period's last day.
    in_effect = [a for a in goal.aktiviteter if a.in_effect(period.last_day)]
    activities = [_activity_row(workspace, a.id, a.text, period, files, expected_ids, with_errors) for a in in_effect]
    statuses = [(r.status, f.body_name) for f in files for a in in_effect if (r := f.followup.aktiviteter.get(a.id))]
    due = [i for i in goal.indikatorer if i.due(period) and i.in_effect(period.last_day)]
    index = workspace.index
    parts: list[ProgramItem] = [*in_effect, *due]
    responsible = {b.id for item in parts for b in index.responsible(item, period.last_day)}
    assessing = {a.body_id for a in assessments}
    return GoalPart(
        id=goal.id,
        title=goal.titel,
        assessment_counts=_counts(ASSESSMENTS, [(a.assessment, a.body_name) for a in assessments]),
        assessments=assessments,
        unexplained=unexplained,
        status_counts=_counts(STATUSES, [(s, n) for s, n in statuses if s]),
        activities=activities,
        indicators=[indicator_row(workspace.index, i, period, by_period) for i in due],
        city_assessment=(city.bedomning or "") if city else "",
        city_unsupported=unsupported_verdict(city.bedomning, frozenset(a.assessment for a in assessments))
        if city
        else "",
        city_analysis=(city.analys or "").strip() if city else "",
        unreported=sum(len(a.missing) for a in activities),
        unassessed=len([b for b in responsible if b in expected_ids and b not in assessing]),
        assessment_rows=assessment_rows,
    )


def _activity_row(
    workspace: Workspace,
    ident: str,
    text: str,
    period: Period,
    files: list[FollowUpFile],
    expected_ids: set[str],
    with_errors: set[str],
) -> ActivityRow:
    reported = [(r.status, f.body_name) for f in files if (r := f.followup.aktiviteter.get(ident)) and r.status]
    responsible = workspace.index.responsible(workspace.index.activities[ident][1], period.last_day)
    by_id = {f.body_id for f in files if ident in f.followup.aktiviteter}
    absent = [b for b in responsible if b.id in expected_ids and b.id not in by_id]
    missing = [b.namn + (" (rapport med fel)" if b.id in with_errors else "") for b in absent]
    index, day = workspace.index, period.last_day
    short = bodies(index, [b.id for b in absent if b.id not in with_errors], day).short
    erroneous_names = [f"{b.namn} (rapport med fel)" for b in absent if b.id in with_errors]
    missing_short = ", ".join(p for p in [short, *erroneous_names] if p)
    ids = {b.namn: b.id for b in index.program.organ}
    counts = [
        Count(c.label, c.n, c.names, bodies(index, [ids[n] for n in c.names if n in ids], day).short)
        for c in _counts(STATUSES, reported)
        if c.n
    ]
    return ActivityRow(ident, text, counts, missing, missing_short)


def _first_by_body(row: IndicatorRow) -> dict[str, BodyValue]:
    """The row's first entry for each body, by body id."""
    found: dict[str, BodyValue] = {}
    for b in row.bodies:
        found.setdefault(b.body_id, b)
    return found


def _targets_met(row_bodies: dict[str, dict[str, BodyValue]], files: list[FollowUpFile]) -> list[tuple[str, str]]:
    """Each body's indicators judged on what fits the period; masked bodies are counted as masked, so that no
    count gives their assessment away."""
    pairs: list[tuple[str, str]] = []
    for f in files:
        for ident, values in f.followup.indikatorer.items():
            bodies_of = row_bodies.get(ident)
            body = bodies_of.get(f.body_id) if bodies_of is not None else None
            if body is None or values.arsmal is None:
                continue
            pairs.append((body.met, f.body_name))
    return pairs


def _appendix(
    workspace: Workspace,
    f: FollowUpFile,
    row_bodies: dict[str, dict[str, BodyValue]],
    commit: Commit | None,
    *,
    uncommitted: bool = False,
) -> Appendix:
    followup = f.followup
    decision = _decision_text(followup.beslut)
    indicators = []
    masked_ids: set[str] = set()
    for ident, v in followup.indikatorer.items():
        known = workspace.index.indicators.get(ident)
        bodies_of = row_bodies.get(ident)
        body = bodies_of.get(followup.organ) if bodies_of is not None else None
        if known is None:
            continue
        # Values outside the report's tables (an indicator reported out of its period) are never masked against
        # anything, so a sensitive one is not shown at all.
        masked = body.masked if body is not None else known[1].kanslig and known[1].enhet == "antal"
        if body is not None:
            outcome, forecast = body.outcome, body.forecast
        elif masked:
            outcome = forecast = MASKED
        else:
            outcome = value_text(known[1], v.utfall) if v.utfall is not None else "–"
            forecast = value_text(known[1], v.prognos) if v.prognos is not None else "–"
        target = value_text(known[1], v.arsmal) if v.arsmal is not None else "–"
        # A comment may repeat the number it explains, so a masked value's comment is not shown.
        comment = HIDDEN if masked else v.kommentar or ""
        indicators.append((ident, outcome, forecast, target, comment))
        if masked:
            masked_ids.add(f"indikatorer.{ident}")
    return Appendix(
        body_id=followup.organ,
        body_name=f.body_name,
        path=f.path,
        decision=decision,
        activities=[(k, r.status or "–", r.kommentar or "") for k, r in followup.aktiviteter.items()],
        indicators=indicators,
        goals=[(k, g.bedomning or "–", g.analys or "") for k, g in followup.mal.items()],
        acknowledged=[
            # Like a comment, a reason may repeat the masked number it explains.
            (
                _item_of(d.place),
                d.code,
                d.message,
                HIDDEN if _item_of(d.place, full=True) in masked_ids else d.acknowledged,
            )
            for d in workspace.diagnostics
            if d.path == f.path and d.acknowledged
        ],
        changed=changed_text(commit) if commit is not None else "",
        uncommitted=uncommitted,
    )


HIDDEN = "(visas inte: värdet är maskerat)"


def _item_of(place: str, *, full: bool = False) -> str:
    """The item a diagnostic's place names: `indikatorer.I3.4.arsmal` → `I3.4` (`indikatorer.I3.4` in full)."""
    section, _, rest = place.partition(".")
    ident = ".".join(rest.split(".")[:2]) if section != "mal" else rest.split(".")[0]
    return f"{section}.{ident}" if full else ident


def _decision_text(decision: Decision | None) -> str:
    if decision is None:
        return ""
    return ", ".join(p for p in [str(decision.datum or ""), decision.diarienummer or ""] if p)


def _counts(labels: Sequence[str], pairs: Sequence[tuple[str, str]]) -> list[Count]:
    names: dict[str, list[str]] = {label: [] for label in labels}
    for label, name in pairs:
        names.setdefault(label, []).append(name)
    return [Count(label, len(who), sorted(set(who))) for label, who in names.items()]


def _errors_warning(errors: list[Diagnostic]) -> str:
    if not errors:
        return ""
    return (
        f"Uppföljningarna har {len(errors)} fel (se valdsprogram validera). Rapporter med fel ingår inte i "
        "rapportens siffror."
    )
