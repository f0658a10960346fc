"""Which errors concern a period's report: those in the files it reads, told apart from those in files it never reads.

A report reads its own period's follow-ups and compilation, and earlier periods' follow-ups: the previous period
for changes, the same period last year, the trend's earlier years and the activities standing still through
consecutive periods. It never reads a later period or another period's compilation, so errors there neither stop
it nor put a warning on it; the command line names them beside the report instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from valdsprogram.diagnostics import Diagnostic
from valdsprogram.model.periods import Period
from valdsprogram.workspace import Workspace


@dataclass(frozen=True, slots=True)
class ErrorScope:
    """A workspace's errors split by whether a report of one period reads the file they are in."""

    concerning: list[Diagnostic]
    """Errors in what the report reads, or in a file whose period cannot be told (counted in, to be safe)."""
    elsewhere: dict[str, int]
    """Period → how many errors in files the report does not read, in period order."""


def error_scope(workspace: Workspace, period: Period) -> ErrorScope:
    """The workspace's errors, split by whether the report of `period` reads the file each is in."""
    content = {f.path: f.period for f in workspace.files}
    concerning: list[Diagnostic] = []
    elsewhere: dict[Period, int] = {}
    for error in workspace.errors:
        path = PurePosixPath(error.path)
        in_folder = Period.parse(path.parent.name)
        named = content.get(error.path)
        if in_folder is not None or named is not None:
            # A follow-up: read when its folder's period or the period it names is this one or earlier.
            periods = [p for p in (in_folder, named) if p is not None]
            read, outside = any(p <= period for p in periods), max(periods)
        elif (compiled := Period.parse(path.stem)) is not None and path.suffix in (".yaml", ".yml"):
            read, outside = compiled == period, compiled  # a compilation: only the period's own is read
        else:
            read, outside = True, period
        if read:
            concerning.append(error)
        else:
            elsewhere[outside] = elsewhere.get(outside, 0) + 1
    return ErrorScope(concerning, {str(p): n for p, n in sorted(elsewhere.items())})
