"""Short lists of bodies for readers: a group named instead of its members ("alla stadsdelsnämnder utom
Södermalms"), and a count with the full list kept for those who unfold it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from valdsprogram.model.program_index import ProgramIndex
from valdsprogram.text import join_swedish

MOST_EXCEPTIONS = 3
"""A group is named with at most this many exceptions; beyond that its members are listed."""
_DISTRICT = " stadsdelsnämnd"


@dataclass(frozen=True, slots=True)
class Bodies:
    """A set of bodies as a reader sees it."""

    n: int
    short: str
    """Groups named where they fit, e.g. `alla stadsdelsnämnder utom Södermalms, Utbildningsnämnden`."""
    names: list[str]
    """Every body's name, in program order."""


def bodies(index: ProgramIndex, ids: list[str], on: dt.date) -> Bodies:
    """The bodies `ids` on the date, with the largest groups that (nearly) cover them named."""
    wanted = set(ids)
    left = [b.id for b in index.program.organ if b.id in wanted]
    names = {b.id: b.namn for b in index.program.organ}
    parts: list[str] = []
    groups = sorted(
        ((g, [b.id for b in index.members(g, on)]) for g in index.program.grupper),
        key=lambda pair: (-len(pair[1]), pair[0].id),
    )
    for group, members in groups:
        remaining = set(left)
        inside = [m for m in members if m in remaining]
        outside = [m for m in members if m not in remaining]
        if len(members) < 3 or len(outside) > MOST_EXCEPTIONS or len(inside) < 2 * len(outside) + 2:
            continue
        text = group.namn[:1].lower() + group.namn[1:]
        if outside:
            text += " utom " + join_swedish(_genitive_short([names[m] for m in outside]))
        parts.append(text)
        named = set(inside)
        left = [b for b in left if b not in named]
    parts += [names[b] for b in left]
    return Bodies(len(wanted), ", ".join(parts), [names[b.id] for b in index.program.organ if b.id in wanted])


def _genitive_short(names: list[str]) -> list[str]:
    """`Södermalms stadsdelsnämnd` → `Södermalms` when every name is a district's (the group says what they are)."""
    if all(n.endswith(_DISTRICT) for n in names):
        return [n.removesuffix(_DISTRICT) for n in names]
    return names
