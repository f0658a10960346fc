"""What the steps after a follow-up's own checks need of it: a few values and where they stand.

The rules across files (one file per body and period, statuses and targets within a year) and the
acknowledgements are checked once every file is read. A digest holds just their inputs, with the line and
column of each, so a run over a city's or a country's follow-ups keeps a few hundred bytes per file instead of
the file's data, model and positions.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import cast

from valdsprogram.model.followup import FollowUp
from valdsprogram.model.followup_file import FollowUpFile
from valdsprogram.model.periods import Period
from valdsprogram.yaml.reader import Loc, Positions

Entry = tuple[str, object, int, int]
"""An item's id, its value, and the value's line and column."""
Acknowledgement = tuple[str, str, str, str, int, int]
"""Section, item id, code and reason of one `kvittera` entry, and the line and column of its code."""

_PERIODS: dict[Period, Period] = {}
"""One Period object per period: a city reports fifteen, whatever its number of files."""


@dataclass(frozen=True, slots=True)
class Digest:
    """One checked follow-up, as the rules across files and the acknowledgements see it."""

    path: str
    """The file as shown to the user."""
    organ: str
    """The reporting body's id."""
    period: Period
    """The period it reports."""
    body_name: str
    """The body's name, or its id when the program has no such body."""
    organ_at: tuple[int, int]
    """Where the `organ` value stands."""
    status_entries: tuple[object, ...]
    """Each activity's status, in file order (items set aside and empty statuses left out), as `Entry` after
    `Entry` in one flat tuple: a national run holds hundreds of thousands, and a tuple each would double them."""
    target_entries: tuple[object, ...]
    """Each indicator's annual target, in file order (items set aside and empty targets left out), flat likewise."""
    acknowledgements: tuple[Acknowledgement, ...]
    """Every `kvittera` entry, in file order."""

    @property
    def statuses(self) -> Iterator[Entry]:
        """Each activity's status: id, status, line and column."""
        return _unpacked(self.status_entries)

    @property
    def targets(self) -> Iterator[Entry]:
        """Each indicator's annual target: id, target, line and column."""
        return _unpacked(self.target_entries)

    @property
    def named_right(self) -> bool:
        """Whether the file's name is its body's id, as `mall` names it."""
        return PurePosixPath(self.path).stem == self.organ

    def position(self, loc: Loc) -> tuple[int, int]:
        """Where a finding at `loc` stands: a status, a target, an acknowledgement's code, else `organ`."""
        if len(loc) == 3 and loc[2] == "status":
            entries = self.statuses
        elif len(loc) == 3 and loc[2] == "arsmal":
            entries = self.targets
        elif len(loc) == 4 and loc[2] == "kvittera":
            at = ((a[4], a[5]) for a in self.acknowledgements if a[:3] == (loc[0], loc[1], loc[3]))
            return next(at, self.organ_at)
        else:
            return self.organ_at
        return next(((e[2], e[3]) for e in entries if e[0] == loc[1]), self.organ_at)


def digest(file: FollowUpFile, positions: Positions, covers: Callable[[Loc], bool] = lambda loc: False) -> Digest:
    """The digest of a follow-up that fits the model, with the positions read from it; values in parts `covers`
    accepts (set aside) are left out."""
    followup = file.followup
    statuses = _entries(
        positions, covers, "aktiviteter", "status", ((k, r.status) for k, r in followup.aktiviteter.items())
    )
    targets = _entries(
        positions, covers, "indikatorer", "arsmal", ((k, v.arsmal) for k, v in followup.indikatorer.items())
    )
    acknowledged: list[Acknowledgement] = []
    for section, ident, code, reason in acknowledgements(followup):
        line, column = positions.of_key((section, ident, "kvittera", code))
        acknowledged.append((section, _intern(ident), code, reason, line, column))
    return Digest(
        file.path,
        _intern(followup.organ),
        _PERIODS.setdefault(file.period, file.period),
        file.body_name,
        positions.of_value(("organ",)),
        statuses,
        targets,
        tuple(acknowledged),
    )


def acknowledgements(followup: FollowUp) -> Iterator[tuple[str, str, str, str]]:
    """Every (section, id, code, reason) the follow-up acknowledges, in file order."""
    sections: tuple[tuple[str, dict[str, object]], ...] = (
        ("aktiviteter", dict(followup.aktiviteter)),
        ("indikatorer", dict(followup.indikatorer)),
        ("mal", dict(followup.mal)),
    )
    for section, items in sections:
        for ident, report in items.items():
            for code, reason in getattr(report, "kvittera", {}).items():
                yield section, ident, code, reason


def _entries(
    positions: Positions,
    covers: Callable[[Loc], bool],
    section: str,
    field: str,
    values: Iterator[tuple[str, object]],
) -> tuple[object, ...]:
    """The values with their positions, flat: id, value, line, column, id, value, …"""
    entries: list[object] = []
    for ident, value in values:
        loc = (section, ident, field)
        if value is None or covers(loc):
            continue
        line, column = positions.of_value(loc)
        entries += (_intern(ident), _intern(value) if isinstance(value, str) else value, line, column)
    return tuple(entries)


def _unpacked(flat: tuple[object, ...]) -> Iterator[Entry]:
    for at in range(0, len(flat), 4):
        yield cast(Entry, flat[at : at + 4])


def _intern(text: str) -> str:
    """One string object per id and status across every file: thousands of files name the same few."""
    return sys.intern(str(text))
