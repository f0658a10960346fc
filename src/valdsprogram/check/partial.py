"""A follow-up's model validation that goes on past a broken item, so every independent problem shows in one run.

A follow-up with a shape error in one item (a status that is no status, a value typed as text, an unknown
key) would otherwise hide every rule finding in the others until it is fixed: errors would come in waves.
Here the broken parts are set aside (a value, an item, a section; never `organ` or `period`, which every
rule needs), the rest is validated again, and the rules run on what remains. Rule findings inside a part
set aside are left out: its own diagnostic already says what is wrong there.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass

from valdsprogram.check.model_errors import ModelProblem, validate_located
from valdsprogram.check.suggest import meant_period
from valdsprogram.diagnostics import Diagnostic
from valdsprogram.model.followup import FollowUp
from valdsprogram.yaml.handtyped import handtyped_values
from valdsprogram.yaml.reader import Loc, YamlDocument

_ITEMS = ("aktiviteter", "indikatorer", "mal")
"""Sections whose items (one per id) are checked independently of each other."""
_NEEDED = ("organ", "period")
"""Keys without which no rule can run."""
_ROUNDS = 4
"""Setting a part aside can reveal a problem in the enclosing part at most this many levels up."""


@dataclass(frozen=True, slots=True)
class Salvaged:
    """What model validation of one follow-up gives."""

    followup: FollowUp | None
    """The data as the model, with broken parts set aside; None when even that fails (e.g. no valid `period`)."""
    diagnostics: list[Diagnostic]
    """Every shape problem, hand-typed values first read as what they meant."""
    set_aside: tuple[Loc, ...]
    """The parts left out of `followup`; empty when the whole file fits the model."""
    sections: tuple[Loc, ...] = ()
    """Sections with an item set aside under an id of the wrong form, which may be an item reported missing."""

    def covers(self, loc: Loc) -> bool:
        """Whether `loc` lies in a part set aside, or is a section-level finding (missing items) it may explain."""
        return loc in self.sections or any(loc[: len(part)] == part for part in self.set_aside)


def validate_followup(document: YamlDocument, units: Mapping[str, str]) -> Salvaged:
    """Validate a follow-up against the model, item by item; `units` maps indicator ids to units for the hints."""
    typed = dict(handtyped_values(document, units))
    followup, problems = validate_located(FollowUp, document, document.data)
    diagnostics = [*typed.values(), *(p.diagnostic for p in problems if p.loc not in typed)]
    if followup is not None:
        return Salvaged(followup, diagnostics, ())
    data = copy.deepcopy(document.data)
    set_aside: list[Loc] = []
    sections: list[Loc] = []
    for _ in range(_ROUNDS):
        found = [_part(problem) for problem in problems]
        if not isinstance(data, dict) or any(parts is None for parts in found):
            break
        every = {part for parts in found if parts is not None for part in parts}
        for loc, action in sorted(every, key=lambda part: (len(part[0]), part[1])):
            if any(loc[: len(done)] == done for done in set_aside):
                continue  # inside a part already set aside this round
            if action == _MEANT:
                data["period"] = meant_period(str(data.get("period")))  # `T2 2024`: the rules run on 2024-T2
            elif action != _COVER and not _set_aside(data, loc, blank=action == _BLANK):
                return Salvaged(None, diagnostics, ())
            set_aside.append(loc)
            if action == _REMOVE and len(loc) == 2:
                sections.append(loc[:1])
        followup, problems = validate_located(FollowUp, document, data)
        if followup is not None:
            return Salvaged(followup, diagnostics, tuple(set_aside), tuple(dict.fromkeys(sections)))
    return Salvaged(None, diagnostics, ())


_REMOVE, _BLANK, _COVER, _MEANT = "remove", "blank", "cover", "meant"


def _part(problem: ModelProblem) -> list[tuple[Loc, str]] | None:
    """The parts to set aside for a problem, and how; None when no rule can run without them."""
    loc = problem.loc
    if loc == ("period",) and isinstance(problem.value, str) and meant_period(problem.value):
        return [(loc, _MEANT)]  # a period written as people write it is read as meant, so no rule waits for it
    if not loc or loc[0] in _NEEDED:
        return None
    if loc[0] in _ITEMS and len(loc) >= 2:
        if len(loc) >= 3:
            parts = [(loc[:3], _REMOVE)]  # one bad value or unknown key: the item's other values are still checked
            if problem.meant is not None:
                # `prognoss: 12` is `prognos` misspelt: what rules say about the missing `prognos` is the same mistake.
                parts.append((problem.meant, _COVER))
            return parts
        # A bad id is removed; an item that is no mapping stays as an empty item, so it does not count as missing.
        return [(loc, _REMOVE if problem.at_key else _BLANK)]
    return [(loc[:1], _REMOVE)]


def _set_aside(data: dict[object, object], part: Loc, *, blank: bool) -> bool:
    """Remove (or blank) the part of the data; False when it is not there (it has been set aside already)."""
    parent: object = data
    for key in part[:-1]:
        parent = parent.get(key) if isinstance(parent, dict) else None
    if not isinstance(parent, dict) or part[-1] not in parent or (blank and parent[part[-1]] == {}):
        return False
    if blank:
        parent[part[-1]] = {}
    else:
        del parent[part[-1]]
    return True
