"""The registry of rules: each a small function yielding findings; adding a rule is adding a line here."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from valdsprogram.index import ProgramIndex
from valdsprogram.rules import program_rules as p
from valdsprogram.rules.finding import Finding

ProgramRule = Callable[[ProgramIndex], Iterator[Finding]]

PROGRAM_RULES: tuple[ProgramRule, ...] = (
    p.unique_ids,
    p.references_resolve,
    p.successors_resolve,
    p.dates_consistent,
    p.goals_have_work,
    p.values_fit_units,
    p.violence_types_known,
    p.responsible_exist,
    p.ids_match_goal,
)

__all__ = ["PROGRAM_RULES", "Finding", "ProgramRule"]
