"""A follow-up's history from git as values: each version and what it changed ("I3.3 utfall 139 → 141")."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from valdsprogram.check.model_errors import validate_model
from valdsprogram.check.validation import shown
from valdsprogram.controls import json_text, visible
from valdsprogram.git.log import Commit, is_shallow, top_folder
from valdsprogram.git.versions import Version, contents, versions
from valdsprogram.git.worktree import UNCOMMITTED, repository_path, uncommitted_paths
from valdsprogram.model.followup import FollowUp
from valdsprogram.model.periods import Period
from valdsprogram.model.program import Body
from valdsprogram.model.units import swedish
from valdsprogram.sources import followup_files
from valdsprogram.text import shorten
from valdsprogram.workspace import Workspace
from valdsprogram.yaml.reader import parse_yaml

_QUOTED = ("kommentar", "analys", "kvittera", "diarienummer")
"""Free text is quoted and cut short; statuses, numbers and dates are shown as they are."""
_ITEMS = ("mal", "aktiviteter", "indikatorer")
MAX_VERSIONS = 200
"""The most versions `historik` shows of one file: the newest, each compared with the one before it; a line says
how many older ones were left out."""


@dataclass(frozen=True, slots=True)
class Change:
    """One value that differs between two versions."""

    item: str
    """The goal, activity or indicator (`I3.3`), `beslut`, or empty for the file's own keys (`organ`, `period`)."""
    key: str
    """The value's key in the item: `utfall`, `status`, `kvittera VP314`."""
    before: Any
    """The value before, None when it was not there."""
    after: Any
    """The value after, None when it was removed."""

    @property
    def text(self) -> str:
        """`I3.3 utfall 139 → 141`."""
        shown = " ".join(part for part in (self.item, self.key) if part)
        return f"{shown} {_value(self.before, self.key)} → {_value(self.after, self.key)}"


@dataclass(frozen=True, slots=True)
class Step:
    """One version of the file and what it changed since the last version that could be read."""

    commit: Commit
    path: str
    """The file's path in that commit, relative to the repository's top folder, made visible."""
    renamed_from: str
    """The path in the version before, when the file was renamed or moved; else empty."""
    problem: str
    """Why this version cannot be read as a follow-up; empty when it can."""
    changes: list[Change]
    """What changed; empty for the first version and for one that cannot be read."""
    first: bool
    """Whether this is the first version that can be read (there is nothing to compare it with)."""


@dataclass(frozen=True, slots=True)
class FileHistory:
    """Every committed version of one follow-up file, oldest first."""

    path: str
    """The file as the user named it."""
    steps: list[Step]
    left_out: int = 0
    """How many older versions are not shown (beyond `MAX_VERSIONS`)."""
    cut: bool = False
    """Whether the oldest version is where a shallow clone's history is cut off, so older ones may exist."""
    edited: Edit | None = None
    """The file's changes not committed, when it differs from its last commit (or was never committed)."""


@dataclass(frozen=True, slots=True)
class Edit:
    """The file as it is now, when that is not its last commit: "ändrad, inte incheckad"."""

    problem: str
    """Why the file as it is now cannot be read as a follow-up; empty when it can."""
    changes: list[Change]
    """What changed since the last version that could be read; empty when there is none or it cannot be read."""


@dataclass(frozen=True, slots=True)
class BodyHistory:
    """What `historik` shows: every follow-up of a body (and of the bodies it replaced) in git, version by version."""

    body: Body
    """The body asked for."""
    period: Period | None
    """The one period asked for; None for every period."""
    folder: Path
    """The follow-up folder the files were looked for in."""
    files: list[FileHistory]
    """Each follow-up's history, in path order; empty when the folder holds none."""


def file_history(
    workspace: Workspace, body_id: str, period: str | None = None, *, folder: Path, base: Path | None = None
) -> BodyHistory:
    """What `historik` shows: the body's follow-ups below `folder` (of one period, when given) and those of the
    bodies it replaced, each with its versions in git and the values each changed; paths shown relative to `base`.

    Raises WorkspaceError for an unknown body or period, GitUnavailable outside git or without git, and
    SourceError when the folder cannot be read.
    """
    body = workspace.body(body_id)
    chosen = workspace.period(period) if period is not None else None
    ids = [body.id, *(b.id for b in workspace.index.predecessors(body.id))]
    top_folder(folder if folder.is_dir() else Path.cwd())  # outside git, say so rather than "no follow-ups"
    files = body_files(folder, ids, str(chosen) if chosen is not None else None)
    return BodyHistory(body, chosen, folder, [path_history(path, shown(path, base)) for path in files])


def path_history(path: Path, shown: str, *, limit: int | None = None) -> FileHistory:
    """The versions of the follow-up at `path` (the newest `limit`, by default `MAX_VERSIONS`) and the values each
    changed; GitUnavailable outside git. However many versions there are, git runs six times at most."""
    found = versions(path)
    left_out = max(0, len(found) - (MAX_VERSIONS if limit is None else limit))
    chosen = found[max(0, left_out - 1) :]  # one more than shown, to compare the oldest shown with
    texts = contents(path.parent, chosen)
    cut = bool(found) and found[0].root and is_shallow(path.parent)
    steps: list[Step] = []
    previous: dict[tuple[str, str], Any] | None = None
    previous_path = ""
    for version in chosen:
        followup, problem = _read(version, texts[version.blob])
        changes: list[Change] = []
        first = followup is not None and previous is None
        if followup is not None:
            now = values(followup)
            changes = _compare(previous, now) if previous is not None else []
            previous = now
        moved = previous_path if previous_path and previous_path != version.path else ""
        steps.append(
            Step(version.commit, visible(version.path, keep_breaks=False), _shown_path(moved), problem, changes, first)
        )
        previous_path = version.path
    edited = None
    top = top_folder(path.parent)
    relative = repository_path(path, top)
    if not path.is_symlink() and relative in uncommitted_paths(path.parent):
        now_read, problem = _parse(path.read_bytes(), shown)
        current = values(now_read) if now_read is not None else None
        edited = Edit(problem, _compare(previous, current) if previous is not None and current is not None else [])
    return FileHistory(shown, steps[1:] if left_out else steps, left_out, cut, edited)


def _shown_path(path: str) -> str:
    return visible(path, keep_breaks=False)


def _read(version: Version, raw: bytes | str) -> tuple[FollowUp | None, str]:
    """The version as a follow-up, or None and (in Swedish) why it cannot be read."""
    if isinstance(raw, str):
        return None, f"versionen kan inte läsas som uppföljning ({raw})"
    return _parse(raw, _shown_path(version.path))


def _parse(data: bytes, path: str) -> tuple[FollowUp | None, str]:
    document = parse_yaml(data, path)
    if not document.ok:
        return None, _problem(document.diagnostics[0].line, document.diagnostics[0].message)
    followup, diagnostics = validate_model(FollowUp, document)
    if followup is None:
        first = diagnostics[0]
        return None, _problem(first.line, first.message)
    return followup, ""


def _problem(line: int, message: str) -> str:
    where = f"rad {line}: " if line else ""
    return f"versionen kan inte läsas som uppföljning ({where}{shorten(message, 100)})"


def values(followup: FollowUp) -> dict[tuple[str, str], Any]:
    """Every value of the follow-up by (item, key), in the file's order; the items' `kvittera` one per code."""
    data = followup.model_dump(mode="json", exclude_none=True, warnings=False)
    found: dict[tuple[str, str], Any] = {}
    for key, value in data.items():
        if key in _ITEMS:
            for item, fields in value.items():
                for field, inner in fields.items():
                    if field == "kvittera":
                        found.update({(item, f"kvittera {code}"): reason for code, reason in inner.items()})
                    else:
                        found[(item, field)] = inner
        elif isinstance(value, dict):
            found.update({(key, field): inner for field, inner in value.items()})
        else:
            found[("", key)] = value
    return found


def _compare(before: dict[tuple[str, str], Any], after: dict[tuple[str, str], Any]) -> list[Change]:
    keys = [*after, *(k for k in before if k not in after)]
    return [Change(*key, before.get(key), after.get(key)) for key in keys if before.get(key) != after.get(key)]


def _value(value: Any, key: str) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool | int | float):
        return swedish(value)
    text = " ".join(str(value).split())
    if key.split(" ")[0] in _QUOTED:
        return f"”{shorten(text, 40)}”"
    return shorten(text, 60)


def history_text(name: str, histories: list[FileHistory]) -> str:
    """The histories as terminal text: each version on one line, its changes indented below it."""
    lines = [f"Historik för {name}"]
    for history in histories:
        lines += ["", history.path]
        if not history.steps:
            lines.append("  Filen finns inte i någon incheckning (git add och git commit).")
        if history.left_out:
            lines.append(f"  {_left_out_text(history)}")
        for step in history.steps:
            commit = step.commit
            lines.append(f"  {commit.date}  {commit.short}  {commit.author}: {shorten(commit.subject, 72)}")
            if step.renamed_from:
                lines.append(f"    flyttad från {step.renamed_from}")
            if step.problem:
                lines.append(f"    {step.problem}")
            elif step.first:
                lines.append(f"    {_start_text(history)}")
            elif not step.changes:
                lines.append("    inga ändrade värden")
            lines += (f"    {change.text}" for change in step.changes)
        if history.edited is not None:
            lines.append(f"  {UNCOMMITTED} (filen som den är nu)")
            edited = history.edited
            if edited.problem:
                lines.append(f"    {edited.problem.replace('versionen', 'filen')}")
            elif not edited.changes:
                lines.append("    inga ändrade värden" if history.steps else "    första versionen")
            lines += (f"    {change.text}" for change in edited.changes)
    return "\n".join(lines) + "\n"


def _left_out_text(history: FileHistory) -> str:
    older = (
        "1 äldre version visas inte"
        if history.left_out == 1
        else f"{_number(history.left_out)} äldre versioner visas inte"
    )
    return f"{older}; här visas de {_number(len(history.steps))} senaste."


def _number(count: int) -> str:
    return f"{count:_}".replace("_", "\u00a0")


def _start_text(history: FileHistory) -> str:
    """What the first version that can be read is compared with: nothing, and why."""
    if history.cut:
        return "äldre versioner finns inte i den här klonen"
    if history.left_out:
        return "den närmast äldre versionen kan inte läsas, så den här jämförs inte"
    return "första versionen"


def history_json(body_id: str, histories: list[FileHistory]) -> str:
    """The histories as JSON, every value as the file has it."""
    data = {
        "organ": body_id,
        "filer": [
            {
                "fil": history.path,
                "utelamnade_versioner": history.left_out,
                "klon_utan_aldre_versioner": history.cut,
                "versioner": [
                    {
                        "incheckning": step.commit.hash,
                        "kort": step.commit.short,
                        "datum": step.commit.date,
                        "forfattare": step.commit.author,
                        "rubrik": step.commit.subject,
                        "sokvag": step.path,
                        "flyttad_fran": step.renamed_from or None,
                        "fel": step.problem or None,
                        "andringar": [
                            {"post": c.item, "nyckel": c.key, "fore": c.before, "efter": c.after, "text": c.text}
                            for c in step.changes
                        ],
                    }
                    for step in history.steps
                ],
                "inte_incheckad": None
                if history.edited is None
                else {
                    "fel": history.edited.problem or None,
                    "andringar": [
                        {"post": c.item, "nyckel": c.key, "fore": c.before, "efter": c.after, "text": c.text}
                        for c in history.edited.changes
                    ],
                },
            }
            for history in histories
        ],
    }
    return json_text(data)


def body_files(folder: Path, body_ids: list[str], period: str | None) -> list[Path]:
    """The follow-ups of the bodies below `folder` (of one period, when given), in path order."""
    return [p for p in followup_files(folder) if p.stem in body_ids and (period is None or p.parent.name == period)]
