"""How activities moved since the previous period: the direction of every pair of statuses, and what stood still."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from valdsprogram.model.followup import DELAYED, DONE, DROPPED, NOT_STARTED, ONGOING, STATUSES, UNDER_WAY, Status
from valdsprogram.model.followup_file import FollowUpFile
from valdsprogram.model.periods import Period

STUCK_AFTER = 3
"""An activity `pågående` or `försenad` in this many consecutive reports is listed as standing still."""


class Kind(enum.Enum):
    """Where a change is listed; the value is the key in the report's data."""

    NEW_DELAY = "nya_forseningar"
    FORWARD = "framat"
    BACKWARD = "bakat"
    NEW_ROUND = "ny_omgang"
    CLOSED = "avslutade"


_F, _B, _D, _R, _C = Kind.FORWARD, Kind.BACKWARD, Kind.NEW_DELAY, Kind.NEW_ROUND, Kind.CLOSED
_WITHIN_YEAR: dict[tuple[Status, Status], Kind] = {
    (NOT_STARTED, ONGOING): _F,
    (NOT_STARTED, DELAYED): _D,
    (NOT_STARTED, DONE): _F,
    (NOT_STARTED, DROPPED): _C,
    (ONGOING, NOT_STARTED): _B,
    (ONGOING, DELAYED): _D,
    (ONGOING, DONE): _F,
    (ONGOING, DROPPED): _C,
    (DELAYED, NOT_STARTED): _B,
    (DELAYED, ONGOING): _F,
    (DELAYED, DONE): _F,
    (DELAYED, DROPPED): _C,
    (DONE, NOT_STARTED): _B,
    (DONE, ONGOING): _B,
    (DONE, DELAYED): _D,
    (DONE, DROPPED): _C,
    (DROPPED, NOT_STARTED): _R,
    (DROPPED, ONGOING): _R,
    (DROPPED, DELAYED): _D,
    (DROPPED, DONE): _R,
}
"""Every change of status within a year. `utgår` is ended by decision: neither forward nor back. Taking up an
activity that `utgår` again is a new round. Anything that becomes `försenad` is a new delay, listed first."""

_ACROSS_YEARS: dict[tuple[Status, Status], Kind] = {
    (DONE, NOT_STARTED): _R,
    (DONE, ONGOING): _R,
}
"""What differs across a year boundary: a yearly activity done last year starts over, which is no setback. A new
round that is already `försenad` stays a new delay (the text says it is a new round)."""


def direction(before: Status, after: Status, *, new_year: bool) -> Kind | None:
    """Where the change from `before` to `after` is listed; None when the status is the same."""
    if before == after:
        return None
    if new_year and (before, after) in _ACROSS_YEARS:
        return _ACROSS_YEARS[before, after]
    return _WITHIN_YEAR[before, after]


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One activity of one body whose status changed since the previous period."""

    body_id: str
    """The body's id."""
    body_name: str
    activity: str
    before: Status
    after: Status
    kind: Kind
    new_year: bool
    """Whether the previous report was last year's."""

    @property
    def text(self) -> str:
        """`pågående → försenad`, with `(ny omgång)` where a done activity starts over in a new year."""
        again = " (ny omgång)" if self.new_year and self.before in (DONE, DROPPED) else ""
        return f"{self.before} → {self.after}{again}"


@dataclass(frozen=True, slots=True)
class Standstill:
    """An activity `pågående` or `försenad` in several consecutive reports."""

    body_id: str
    body_name: str
    activity: str
    reports: int
    """How many consecutive reports, this one included."""
    statuses: tuple[tuple[Status, int], ...]
    """How many of them said each status, in the order work moves through statuses."""

    @property
    def text(self) -> str:
        """`pågående 2, försenad 2 i 4 rapporter i rad`."""
        counts = ", ".join(f"{status} {n}" for status, n in self.statuses)
        return f"{counts} i {self.reports} rapporter i rad"


@dataclass(frozen=True, slots=True)
class Changes:
    """What moved since the previous period, by where it is listed."""

    since: Period | None
    """The previous period, or None for the program's first."""
    by_kind: dict[Kind, list[StatusChange]]
    """Every kind, new delays first, each list in body and activity order."""
    standstill: list[Standstill]


def changes(files: list[FollowUpFile], history: dict[str, list[FollowUpFile]], period: Period) -> Changes:
    """The changes in `files` (the period's reports, in the order to list them) against each body's report for the
    previous period, and the activities standing still, from `history` (each body's reports, in period order)."""
    since = _previous(period)
    by_kind: dict[Kind, list[StatusChange]] = {kind: [] for kind in Kind}
    standstill: list[Standstill] = []
    for file in files:
        body_id = file.body_id
        earlier = [f for f in history.get(body_id, []) if f.period < period]
        before = earlier[-1] if earlier and earlier[-1].period == since else None
        for ident, report in file.followup.aktiviteter.items():
            if report.status is None:
                continue
            old = before.followup.aktiviteter.get(ident) if before is not None else None
            if old is not None and old.status is not None and since is not None:
                new_year = since.year != period.year
                kind = direction(old.status, report.status, new_year=new_year)
                if kind is not None:
                    change = StatusChange(
                        body_id, file.body_name, ident, old.status, report.status, kind, new_year=new_year
                    )
                    by_kind[kind].append(change)
            still = standing_still(ident, [*earlier, file])
            if still is not None:
                standstill.append(Standstill(body_id, file.body_name, ident, sum(n for _, n in still), still))
    return Changes(since, by_kind, standstill)


def standing_still(ident: str, reports: list[FollowUpFile]) -> tuple[tuple[Status, int], ...] | None:
    """The statuses of the activity's latest run of `pågående`/`försenad` in reports of consecutive periods, when
    the run is at least STUCK_AFTER long; otherwise None."""
    run: list[Status] = []
    later: Period | None = None
    for report in reversed(reports):
        entry = report.followup.aktiviteter.get(ident)
        consecutive = later is None or _previous(later) == report.period
        if entry is None or entry.status not in UNDER_WAY or not consecutive:
            break
        run.append(entry.status)
        later = report.period
    if len(run) < STUCK_AFTER:
        return None
    return tuple((status, run.count(status)) for status in STATUSES if status in run)


def _previous(period: Period) -> Period | None:
    if period.index > 0:
        return Period(period.year, period.index - 1)
    return Period(period.year - 1, 2) if period.year > 1900 else None
