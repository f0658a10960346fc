"""What `visa` shows, one call per command: the look-up's data and which terminal view shows it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from valdsprogram.model.periods import Period
from valdsprogram.report import lookup
from valdsprogram.workspace import Workspace, WorkspaceError


@dataclass(frozen=True, slots=True)
class Lookup:
    """A look-up in the program: JSON-ready data, and the kind of view that shows it in the terminal."""

    kind: str
    """`goals`, `goal`, `revisions`, `activity`, `indicator`, `bodies` or `body` (see `terminal.LOOKUP_VIEWS`)."""
    data: Any
    """The data as `visa --format json` writes it."""


def lookup_day(
    workspace: Workspace, *, period: str | None = None, date: str | None = None
) -> tuple[Period, dt.date | None]:
    """The period and (with `date`, ÅÅÅÅ-MM-DD) the day a look-up is made on; by default the default period.

    Raises WorkspaceError when both are given, or when either is not one of the program's.
    """
    if date is None:
        return workspace.period(period), None
    if period is not None:
        raise WorkspaceError("ange antingen --period eller --datum.")
    return workspace.day(date)


def lookup_goals(workspace: Workspace, goal_id: str | None = None, *, date: str | None = None) -> Lookup:
    """`visa mal`: every goal, or one goal with its activities and indicators (on `date`: those in effect then)."""
    on = workspace.day(date)[1] if date is not None else None
    if goal_id is None:
        return Lookup("goals", lookup.goals(workspace.index))
    return Lookup("goal", lookup.goal(workspace.index, goal_id, on))


def lookup_revisions(workspace: Workspace, *, date: str | None = None) -> Lookup:
    """`visa revisioner`: the decisions that changed the program, oldest first (on `date`: which wording held)."""
    on = workspace.day(date)[1] if date is not None else None
    return Lookup("revisions", lookup.revisions(workspace.index, on))


def lookup_activity(
    workspace: Workspace, activity_id: str, *, period: str | None = None, date: str | None = None
) -> Lookup:
    """`visa aktivitet`: an activity and the bodies responsible for it in the period (or on the day)."""
    chosen, on = lookup_day(workspace, period=period, date=date)
    return Lookup("activity", lookup.activity(workspace.index, activity_id, chosen, on))


def lookup_indicator(
    workspace: Workspace, indicator_id: str, *, period: str | None = None, date: str | None = None
) -> Lookup:
    """`visa indikator`: an indicator and the bodies that report it in the period (or on the day)."""
    chosen, on = lookup_day(workspace, period=period, date=date)
    return Lookup("indicator", lookup.indicator(workspace.index, indicator_id, chosen, on))


def lookup_bodies(
    workspace: Workspace, body_id: str | None = None, *, period: str | None = None, date: str | None = None
) -> Lookup:
    """`visa organ`: every body and group (and who replaced whom), or one body and all it is responsible for in
    the period (or on the day)."""
    if body_id is None:
        return Lookup("bodies", lookup.bodies(workspace.index))
    chosen, on = lookup_day(workspace, period=period, date=date)
    return Lookup("body", lookup.body(workspace.index, body_id, chosen, on))
