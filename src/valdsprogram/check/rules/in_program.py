"""Checks a follow-up and socialnämnden's compilation share: the period and goals they name must be the program's."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from valdsprogram.check.rules.finding import Finding
from valdsprogram.check.suggest import did_you_mean
from valdsprogram.model.periods import Period
from valdsprogram.model.program_index import ProgramIndex


def period_outside_validity(index: ProgramIndex, period: Period, code: str) -> Iterator[Finding]:
    """The period's year is not one of the years the program is valid (VP303, VP502)."""
    validity = index.program.giltighet
    if not validity.fran <= period.year <= validity.till:
        yield Finding(code, ("period",), f"Programmet gäller {validity.fran}–{validity.till}, inte {period.year}.")


def unknown_goals(index: ProgramIndex, goals: Iterable[str], code: str) -> Iterator[Finding]:
    """A goal assessed under `mal` that the program does not have, with the closest one it has (VP305, VP503)."""
    known = [goal.id for goal in index.program.mal]
    for ident in goals:
        if ident not in known:
            message = f"Mål {ident} finns inte i programmet."
            yield Finding(code, ("mal", ident), message, did_you_mean(ident, known), at_key=True)
