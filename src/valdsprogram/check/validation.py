"""The validation pipeline: read each file, check it against its model, then run the rules over the models."""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from valdsprogram.check import acknowledgements
from valdsprogram.check.digest import Digest, digest
from valdsprogram.check.model_errors import validate_model
from valdsprogram.check.partial import validate_followup
from valdsprogram.check.rules import (
    COMPILATION_RULES,
    FOLLOWUP_RULES,
    FOLLOWUP_SET_RULES,
    PROGRAM_RULES,
    TEXT_RULES,
    Finding,
)
from valdsprogram.codes import code
from valdsprogram.diagnostics import Diagnostic, Validation, place_of, sorted_diagnostics
from valdsprogram.model.compilation import Compilation, CompilationFile
from valdsprogram.model.followup import FollowUp, settle
from valdsprogram.model.followup_file import FollowUpFile
from valdsprogram.model.periods import Period
from valdsprogram.model.program import Program
from valdsprogram.model.program_index import ProgramIndex
from valdsprogram.sources import (
    SourceError,
    bounds_hold,
    chosen_files,
    compilation_folder,
    context_of,
    is_compilation,
    program_problem,
)
from valdsprogram.yaml.reader import YamlDocument, read_yaml


@dataclass(frozen=True, slots=True)
class LoadedProgram:
    """program.yaml after reading and model validation."""

    document: YamlDocument
    """The file as read, with positions."""
    index: ProgramIndex | None
    """The program and its look-ups; None when the file does not fit the model."""
    diagnostics: list[Diagnostic]
    """Every problem found in the file, rules included."""


Support = dict[tuple[Period, str], set[str]]
"""(period, goal id) → the assessments the follow-ups read give the goal: what a compilation's verdict is checked
against (VP508), collected only when every follow-up is read."""


def load_program(path: Path, display: str | None = None, *, root: Path | None = None) -> LoadedProgram:
    """Read, model and rule-check program.yaml; a link out of `root` is not read (see `read_yaml`)."""
    document = read_yaml(path, display, root=root)
    diagnostics = list(document.diagnostics)
    if not document.ok:
        return LoadedProgram(document, None, diagnostics)
    program, problems = validate_model(Program, document)
    diagnostics += problems
    if program is None:
        return LoadedProgram(document, None, diagnostics)
    index = ProgramIndex.build(program)
    for rule in PROGRAM_RULES:
        diagnostics += (locate(finding, document) for finding in rule(index))
    return LoadedProgram(document, index, diagnostics)


def validate(
    program_path: Path,
    targets: Sequence[Path],
    *,
    context: Sequence[Path] = (),
    base: Path | None = None,
    whole: bool = False,
) -> Validation:
    """Validate the program and the target follow-ups and compilations (told apart by their folder: see
    `sources.is_compilation`); paths are shown relative to `base` where possible.

    `context` names other follow-ups the targets are checked against (one file per body and period, a
    status or target that changes within a year), as when a commit hook passes only the changed files;
    their own problems are not reported. `whole` says the targets are every follow-up and compilation, so that a
    compilation's verdicts can be checked against the follow-ups' assessments (VP508).
    """
    loaded = load_program(program_path, shown(program_path, base), root=base)
    followups = [p for p in targets if not is_compilation(p)]
    compilations = [p for p in targets if is_compilation(p)]
    support: Support | None = {} if whole else None
    _, problems = load_followups(loaded.index, followups, context=context, base=base, keep=False, support=support)
    _, more = load_compilations(loaded.index, compilations, base=base, support=support)
    return Validation(sorted_diagnostics([*loaded.diagnostics, *problems, *more]), 1 + len(targets))


def validate_paths(
    program_path: Path,
    paths: Sequence[Path] = (),
    *,
    followups: Path,
    compilations: Path | None = None,
    required: bool = False,
    base: Path | None = None,
) -> Validation:
    """What `validera` checks: the program and the files and folders `paths` name, or (none named, or the program
    among them, since a program change can break any follow-up) every follow-up and compilation.

    A named follow-up is checked against the rest of `followups` (a commit hook names only the changed files),
    but only its own problems are reported. `compilations` defaults to sammanstallning/ beside `followups`; with
    `required`, `followups` must exist. Raises SourceError when the program or a named file or folder cannot be
    read, or a folder is over its bounds (lifted by VALDSPROGRAM_GRANSER=av).
    """
    problem = program_problem(program_path, base)
    if problem is not None:
        raise SourceError(problem)
    bounded = bounds_hold()
    folders = [followups, compilations or compilation_folder(followups)]
    files = chosen_files(paths, program_path, folders, required=required, bounded=bounded)
    context = context_of(files, followups, bounded=bounded) if paths else []
    named_program = any(os.path.samefile(p, program_path) for p in paths if p.is_file())
    return validate(program_path, files, context=context, base=base, whole=not paths or named_program)


def load_followups(
    index: ProgramIndex | None,
    paths: Sequence[Path],
    *,
    context: Sequence[Path] = (),
    base: Path | None = None,
    keep: bool = True,
    support: Support | None = None,
) -> tuple[list[FollowUpFile], list[Diagnostic]]:
    """Read and check follow-up files; return those that fit the model (for reports) and every problem.

    Files in `context` take part only in the rules across files, and only the findings in `paths` are kept.
    Without a valid program (`index` None) only the files' own YAML, shape and text are checked. Without `keep`
    no file is returned, and each is dropped once checked: only its digest stays for the rules across files.
    """
    files: list[FollowUpFile] = []
    digests: list[Digest] = []
    diagnostics: list[Diagnostic] = []
    units = {ident: indicator.enhet for ident, (_, indicator) in index.indicators.items()} if index else {}
    for path in paths:
        document = read_yaml(path, shown(path, base), root=base)
        for text_rule in TEXT_RULES:
            diagnostics += (locate(finding, document) for finding in text_rule(document))
        document.text = ""  # only the text rules need it
        if not document.ok:
            diagnostics += document.diagnostics
            continue
        salvaged = validate_followup(document, units)
        # `yes` for a ja/nej indicator gets its exact fix (VP332); YAML 1.1's reading of it (VP008) is the same mistake.
        typed = {(d.line, d.column) for d in salvaged.diagnostics if d.code in ("VP331", "VP332")}
        diagnostics += (d for d in document.diagnostics if not (d.code == "VP008" and (d.line, d.column) in typed))
        diagnostics += salvaged.diagnostics
        if salvaged.followup is None or index is None:
            continue
        file = FollowUpFile.build(index, document.path, salvaged.followup)
        if support is not None:
            for goal, report in salvaged.followup.mal.items():
                if report.bedomning:
                    support.setdefault((file.period, goal), set()).add(report.bedomning)
        if keep and not salvaged.set_aside:  # reports use only files that fit the model as they stand
            settle(salvaged.followup)
            files.append(file)
        for rule in FOLLOWUP_RULES:
            diagnostics += (locate(f, document) for f in rule(file) if not salvaged.covers(f.loc))
        digests.append(digest(file, document.positions, salvaged.covers))
    if index is not None:
        organs = {d.organ for d in digests}
        others = (_context_file(index, path, base, organs) for path in context)
        targets = {d.path: d for d in digests}
        # A finding names its file by path: a context file shown as a target is the target read again, and left out.
        every = digests + [other for other in others if other is not None and other.path not in targets]
        for set_rule in FOLLOWUP_SET_RULES:
            diagnostics += (place(f, targets[f.path]) for f in set_rule(every) if f.path in targets)
    return files, _acknowledge(digests, diagnostics)


def _acknowledge(digests: list[Digest], diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Mark the warnings each follow-up acknowledges, and add what is wrong with its acknowledgements."""
    by_path = {d.path: d for d in digests}
    mine: dict[str, list[Diagnostic]] = {}
    result: list[Diagnostic] = []
    for d in diagnostics:
        (mine.setdefault(d.path, []) if d.path in by_path else result).append(d)
    for path, summary in by_path.items():
        marked, findings = acknowledgements.apply((a[:4] for a in summary.acknowledgements), mine.get(path, []))
        result += marked
        result += (place(finding, summary) for finding in findings)
    return result


_HEAD_BYTES = 65_536
_ORGAN_LINE = re.compile(rb"""^organ:[ \t]*["']?([a-z0-9-]+)["']?[ \t]*(?:#.*)?\r?$""", re.MULTILINE)
"""A follow-up's `organ:` line as `mall` writes it; the rules across files compare only a body's own reports."""


def _context_file(index: ProgramIndex, path: Path, base: Path | None, organs: set[str]) -> Digest | None:
    """A follow-up read only for the rules across files: its digest when it fits the model, else None.

    A file whose `organ:` line plainly names another body than the targets' is skipped unread: those rules
    only compare a body's own reports. When in doubt (no such line) the file is read.
    """
    raw = b""
    with contextlib.suppress(OSError, ValueError):
        if stat.S_ISREG(path.stat().st_mode):  # never open a pipe: that would wait for a writer
            with path.open("rb") as handle:  # the head is enough: `mall` writes `organ:` near the top
                raw = handle.read(_HEAD_BYTES)
    organ = _ORGAN_LINE.search(raw)
    if organ is not None and organ[1].decode("ascii") not in organs:
        return None
    document = read_yaml(path, shown(path, base), root=base)
    document.text = ""
    if not document.ok:
        return None
    followup, _ = validate_model(FollowUp, document)
    if followup is None:
        return None
    return digest(FollowUpFile.build(index, document.path, followup), document.positions)


def load_compilations(
    index: ProgramIndex | None, paths: Sequence[Path], *, base: Path | None = None, support: Support | None = None
) -> tuple[list[CompilationFile], list[Diagnostic]]:
    """Read and check socialnämnden's compilation files; return those that fit the model and every problem.

    `support` is what the follow-ups read assess each goal, when they are all the follow-ups (see `Support`)."""
    files: list[CompilationFile] = []
    diagnostics: list[Diagnostic] = []
    for path in paths:
        document = read_yaml(path, shown(path, base), root=base)
        diagnostics += document.diagnostics
        for text_rule in TEXT_RULES:
            diagnostics += (locate(finding, document) for finding in text_rule(document))
        if not document.ok:
            continue
        compilation, problems = validate_model(Compilation, document)
        diagnostics += problems
        if compilation is None or index is None:
            continue
        file = CompilationFile.build(index, document, compilation, support)
        files.append(file)
        for rule in COMPILATION_RULES:
            diagnostics += (locate(finding, document) for finding in rule(file))
    return files, diagnostics


def place(finding: Finding, summary: Digest) -> Diagnostic:
    """A finding of the steps after a file's own checks, placed by the file's digest."""
    line, column = summary.position(finding.loc)
    return code(finding.code).at(
        summary.path, line, column, finding.message, finding.hint, place=place_of(None, finding.loc)
    )


def locate(finding: Finding, document: YamlDocument) -> Diagnostic:
    """A rule's finding, placed at its line and column in the document (a text rule's finding has them already)."""
    positions = document.positions
    if finding.line:
        line, column = finding.line, finding.column
    elif finding.at_key:
        line, column = positions.of_key(finding.loc)
    else:
        line, column = positions.of_value(finding.loc)
    place = place_of(document.data, finding.loc)
    return code(finding.code).at(document.path, line, column, finding.message, finding.hint, place=place)


def shown(path: Path, base: Path | None) -> str:
    """The path as a user reads it: relative to `base` when inside it, with forward slashes."""
    if base is not None:
        # abspath, not resolve(): a symlink keeps its own name, and a symlink loop cannot raise here.
        folder = os.path.abspath(base)
        full = os.path.abspath(path)
        if full == folder:
            return "."
        prefix = folder if folder.endswith(os.sep) else folder + os.sep
        if full.startswith(prefix):
            return Path(full[len(prefix) :]).as_posix()
    return path.as_posix()
