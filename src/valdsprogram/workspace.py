"""The program and its follow-ups loaded together, for the commands that read them (checklists, look-ups, reports)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from valdsprogram.check.suggest import did_you_mean, meant_period
from valdsprogram.check.validation import Support, load_compilations, load_followups, load_program, shown
from valdsprogram.diagnostics import Diagnostic, Severity, Validation, sorted_diagnostics
from valdsprogram.errors import ValdsprogramError
from valdsprogram.model.compilation import CompilationFile
from valdsprogram.model.followup_file import FollowUpFile
from valdsprogram.model.periods import Period, parse_day, periods_between
from valdsprogram.model.program import Body
from valdsprogram.model.program_index import ProgramIndex, exists, reports_instead
from valdsprogram.sources import SourceError, bounds_hold, compilation_folder, followup_files, program_problem


class WorkspaceError(ValdsprogramError):
    """A command cannot run as asked (no valid program, unknown body or period); the message is Swedish.

    Carries the program's diagnostics when the program itself is the problem.
    """

    def __init__(self, message: str, diagnostics: list[Diagnostic] | None = None) -> None:
        super().__init__(message)
        self.diagnostics = diagnostics or []


@dataclass(frozen=True, slots=True)
class Workspace:
    """A valid program and every follow-up that fits the model."""

    index: ProgramIndex
    """The program and its look-ups."""
    files: list[FollowUpFile]
    """The follow-ups that fit the model, in path order (some may still break rules)."""
    diagnostics: list[Diagnostic]
    """Every problem in the program, the follow-ups and the compilations."""
    files_read: int
    """How many files were read: the program, every follow-up and every compilation, whether or not it fits."""
    compilations: list[CompilationFile] = field(default_factory=list)
    """Socialnämnden's compilation files that fit the model, in path order."""
    program_path: Path | None = None
    """The program file it was loaded from: the schemas and the validation of an import are found from it."""
    folder: Path | None = None
    """The follow-up folder it was loaded from; None when no follow-ups were read."""
    compilations_folder: Path | None = None
    """The folder the compilations were read from; None when none was."""
    _by_body: dict[str, list[FollowUpFile]] = field(default_factory=dict, init=False, repr=False, compare=False)
    """The follow-ups by body id, in period order: built on the first `reports_of`, so no look-up scans every file."""

    @property
    def errors(self) -> list[Diagnostic]:
        """The diagnostics that are errors (`fel`)."""
        return [d for d in self.diagnostics if d.severity is Severity.FEL]

    @property
    def validation(self) -> Validation:
        """Every problem found while loading, as `validera` reports it."""
        return Validation(self.diagnostics, self.files_read)

    @property
    def periods(self) -> list[Period]:
        """Every period of the program's validity, in order."""
        validity = self.index.program.giltighet
        return periods_between(validity.fran, validity.till)

    def latest_period(self) -> Period | None:
        """The latest of the program's periods that a follow-up reports, or None when there is none.

        A follow-up for a period outside the validity (2099-T1) is an error of its own (VP303) and is never the
        default, just as `--period 2099-T1` is refused."""
        validity = self.index.program.giltighet
        return max((f.period for f in self.files if validity.fran <= f.period.year <= validity.till), default=None)

    def reported_periods(self) -> list[Period]:
        """The program's periods from the first to the last that any follow-up reports; none without follow-ups."""
        with_data = sorted({f.period for f in self.files})
        return [p for p in self.periods if with_data and with_data[0] <= p <= with_data[-1]]

    def default_period(self) -> Period:
        """The period a command uses when none is given: the latest of the program's periods with follow-ups, else
        the program's first."""
        return self.latest_period() or self.periods[0]

    def period(self, text: str | None) -> Period:
        """The period named by `text`, or the default; WorkspaceError when it is not a period of the program."""
        if text is None:
            return self.default_period()
        period = Period.parse(text)
        if period is None:
            how = "Skriv år, bindestreck och T1, T2 eller VB, till exempel 2024-T2."
            meant = meant_period(text)
            close = f"Menade du {meant!r}?" if meant else did_you_mean(text, [str(p) for p in self.periods], most=3)
            raise WorkspaceError(f"{text!r} är ingen period. {how} {close}".rstrip())
        validity = self.index.program.giltighet
        if not validity.fran <= period.year <= validity.till:
            raise WorkspaceError(f"Programmet gäller {validity.fran}–{validity.till}, inte {period.year}.")
        return period

    def day(self, text: str) -> tuple[Period, dt.date]:
        """A date given as ÅÅÅÅ-MM-DD and the period it is reported in; WorkspaceError when it is no date of the
        program's validity."""
        day = parse_day(text)
        if day is None:
            raise WorkspaceError(f"{text!r} är inget datum; skriv ÅÅÅÅ-MM-DD, till exempel 2024-03-20.")
        validity = self.index.program.giltighet
        if not validity.fran <= day.year <= validity.till:
            raise WorkspaceError(f"Programmet gäller {validity.fran}–{validity.till}, inte {day}.")
        return Period.of_day(day), day

    def body(self, body_id: str, period: Period | None = None) -> Body:
        """The body (existing on the period's last day, when a period is given), or WorkspaceError saying why not."""
        index = self.index
        body = index.bodies.get(body_id)
        if body is None:
            raise WorkspaceError(
                f"Organet {body_id!r} finns inte i programmet. {did_you_mean(body_id, index.bodies, most=3)}".rstrip()
            )
        if period is not None and not exists(body, period.last_day):
            instead = reports_instead(index.stand_ins(body, period.last_day))
            raise WorkspaceError(
                f"{body.namn} finns inte per {period.last_day} och rapporterar inte {period}. {instead}".rstrip()
            )
        return body

    def bodies_in(self, period: Period) -> list[Body]:
        """Every body that exists on the period's last day, in program order."""
        return [b for b in self.index.program.organ if exists(b, period.last_day)]

    def compilation(self, period: Period) -> CompilationFile | None:
        """Socialnämnden's compilation of the period, or None when there is none."""
        return next((c for c in self.compilations if c.period == period), None)

    def reports_of(self, body_id: str) -> list[FollowUpFile]:
        """The body's follow-ups, in period order."""
        if not self._by_body and self.files:
            for f in self.files:
                self._by_body.setdefault(f.body_id, []).append(f)
            for reports in self._by_body.values():
                reports.sort(key=lambda f: f.period)
        return list(self._by_body.get(body_id, ()))


def open_workspace(
    program: Path,
    folder: Path | None,
    *,
    base: Path | None = None,
    compilations: Path | None = None,
    required: bool = False,
    bounded: bool | None = None,
) -> Workspace:
    """Load the program (which must be free of errors), every follow-up under `folder` (None: none) and the
    compilations in `compilations` (by default sammanstallning/ beside `folder`).

    With `required`, a missing follow-up folder is an error rather than no follow-ups (the user named it). With
    `bounded`, a folder over the limits on files and bytes is refused before it is read; by default the bounds
    hold unless the environment lifts them (`VALDSPROGRAM_GRANSER=av`, see `sources.bounds_hold`).
    """
    if bounded is None:
        bounded = bounds_hold()
    problem = program_problem(program, base)
    if problem is not None:
        raise WorkspaceError(problem)
    loaded = load_program(program, shown(program, base), root=base)
    program_errors = [d for d in loaded.diagnostics if d.severity is Severity.FEL]
    if loaded.index is None or program_errors:
        raise WorkspaceError(f"{program} har fel; rätta dem först (valdsprogram validera).", program_errors)
    if compilations is None and folder is not None:
        compilations = compilation_folder(folder)
    try:
        paths = followup_files(folder, required=required, bounded=bounded) if folder is not None else []
        compilation_paths = followup_files(compilations, bounded=bounded) if compilations is not None else []
    except SourceError as error:
        raise WorkspaceError(str(error)) from None
    support: Support = {}
    files, problems = load_followups(loaded.index, paths, base=base, support=support)
    compiled, more = load_compilations(loaded.index, compilation_paths, base=base, support=support)
    diagnostics = sorted_diagnostics([*loaded.diagnostics, *problems, *more])
    read = 1 + len(paths) + len(compilation_paths)
    return Workspace(loaded.index, files, diagnostics, read, compiled, program, folder, compilations)
