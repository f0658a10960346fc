"""Who has reported: which bodies are expected to report which periods, and which reports are missing."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from valdsprogram.git.log import Commit
from valdsprogram.model.periods import Period
from valdsprogram.model.program import Body
from valdsprogram.model.program_index import exists
from valdsprogram.workspace import Workspace


class State(enum.Enum):
    """A body's report for a period; the value is the Swedish word shown."""

    REPORTED = "rapporterad"
    WITH_ERRORS = "rapporterad med fel"
    MISSING = "saknas"
    NOT_EXPECTED = "förväntas inte"


SYMBOLS = {State.REPORTED: "✓", State.WITH_ERRORS: "fel", State.MISSING: "saknas", State.NOT_EXPECTED: "–"}
"""How the terminal matrix shows each state: a word where it matters, never colour alone."""


@dataclass(frozen=True, slots=True)
class Row:
    """One body's states over the periods."""

    body: Body
    states: list[State]


@dataclass(frozen=True, slots=True)
class Matrix:
    """Bodies × periods."""

    periods: list[Period]
    rows: list[Row]
    changes: dict[tuple[str, str], Commit] = field(default_factory=dict)
    """The last commit of each follow-up, by (organ, period); empty outside git or when left out."""
    uncommitted: frozenset[tuple[str, str]] = frozenset()
    """(organ, period) of the follow-ups whose content is not their last commit's ("ändrad, inte incheckad")."""

    def edited(self, body_id: str, period: Period) -> bool:
        """Whether the body's follow-up for the period has changes that are not committed."""
        return (body_id, str(period)) in self.uncommitted

    def changed(self, body_id: str, period: Period) -> Commit | None:
        """The commit that last changed the body's follow-up for the period, when it is known."""
        return self.changes.get((body_id, str(period)))

    def missing(self, period: Period) -> list[Body]:
        """The bodies whose expected report for the period is missing."""
        column = self.periods.index(period)
        return [row.body for row in self.rows if row.states[column] is State.MISSING]

    def with_errors(self, period: Period) -> list[Body]:
        """The bodies whose report for the period has errors."""
        column = self.periods.index(period)
        return [row.body for row in self.rows if row.states[column] is State.WITH_ERRORS]

    def complete(self, period: Period) -> bool:
        """Whether every expected report for the period is in and free of errors (what a CI deadline checks)."""
        return not self.missing(period) and not self.with_errors(period)


def expected(workspace: Workspace, body: Body, period: Period, *, only_reporting: bool = False) -> bool:
    """Whether the body must report the period: it exists then and has something to report.

    With `only_reporting`, bodies that have no follow-up at all in the folder are left out (useful while only
    some bodies keep their follow-ups in the repository).
    """
    if not exists(body, period.last_day):
        return False
    if only_reporting and not workspace.reports_of(body.id):
        return False
    duties = workspace.index.responsibilities(body.id, period.last_day)
    due = any(i.due(period) for _, i in duties.indicators)
    return bool(duties.activities) or due


def erroneous(workspace: Workspace) -> set[tuple[str, Period]]:
    """(body id, period) of every follow-up with an error: from its content when it could be read, and from its
    path `<period>/<organ>.yaml` too, so that a file too broken to read still counts as reported with errors."""
    paths = {d.path for d in workspace.errors}
    found = {(f.followup.organ, f.period) for f in workspace.files if f.path in paths}
    for shown in paths:
        path = PurePosixPath(shown)
        period = Period.parse(path.parent.name)
        if period is not None and path.suffix in (".yaml", ".yml"):
            found.add((path.stem, period))
    return found


def status_matrix(
    workspace: Workspace,
    periods: list[Period] | None = None,
    *,
    only_reporting: bool = False,
    changes: dict[tuple[str, str], Commit] | None = None,
    uncommitted: frozenset[tuple[str, str]] = frozenset(),
) -> Matrix:
    """The reporting state of every body for every period; by default the periods from the first to the last that
    has a follow-up (`Workspace.reported_periods`). `changes` is each follow-up's last commit
    (`last_changes`) and `uncommitted` those with changes not committed (`uncommitted_followups`), passed in so
    that the matrix does not depend on where it is run."""
    if periods is None:
        periods = workspace.reported_periods()
    broken = erroneous(workspace)
    reported = {(f.body_id, f.period) for f in workspace.files} | broken
    rows = []
    for body in workspace.index.program.organ:
        states = [
            State.WITH_ERRORS
            if (body.id, p) in broken
            else State.REPORTED
            if (body.id, p) in reported
            else State.MISSING
            if expected(workspace, body, p, only_reporting=only_reporting)
            else State.NOT_EXPECTED
            for p in periods
        ]
        rows.append(Row(body, states))
    return Matrix(periods, rows, dict(changes or {}), uncommitted)
