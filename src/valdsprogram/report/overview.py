"""The report's first page: every goal on one line (the city's verdict, the bodies' assessments, the indicators that
reach their target), and the indicators that got worse since the same period last year."""

from __future__ import annotations

from dataclasses import dataclass

from valdsprogram.model.followup import ASSESSMENTS
from valdsprogram.model.program import Indicator
from valdsprogram.report.indicators import IndicatorRow

NOT_JUDGED = "ej bedömd"


@dataclass(frozen=True, slots=True)
class GoalLine:
    """One goal as the overview shows it."""

    id: str
    title: str
    verdict: str
    """The city's assessment from socialnämndens compilation (`helt`, `delvis`, `inte`), or `ej bedömd`."""
    assessments: list[tuple[str, int]]
    """How many bodies assess the goal as `helt`, `delvis` and `inte`, in that order."""
    unassessed: int
    """Expected bodies responsible for something under the goal that give no assessment of it (no report, a
    report with errors, or no assessment in it)."""
    indicators_met: int
    """Indicators whose city-wide value reaches the annual target (`helt`)."""
    indicators_judged: int
    """Indicators the city-wide value could be judged for (the rest are `ej bedömd` or masked)."""
    indicators: int
    """Indicators due in the period."""

    @property
    def assessed(self) -> int:
        """How many bodies assess the goal at all."""
        return sum(n for _, n in self.assessments)


@dataclass(frozen=True, slots=True)
class Worse:
    """An indicator whose city-wide value moved the wrong way since the same period last year, over the same
    bodies (as its section compares it)."""

    id: str
    title: str
    before: str
    after: str
    change: str
    """`−14 %`, `−3,2 procentenheter`, or empty."""
    since: str
    """The period compared with, e.g. `2023-T1`."""
    bodies: int
    """How many bodies the comparison covers."""


def goal_line(
    ident: str,
    title: str,
    verdict: str,
    assessed: list[str],
    unassessed: int,
    indicators: list[IndicatorRow],
) -> GoalLine:
    """The goal's line; `assessed` holds each body's assessment of it (`helt`, `delvis`, `inte`)."""
    judged = [i for i in indicators if i.met is not None and not i.masked]
    return GoalLine(
        id=ident,
        title=title,
        verdict=verdict or NOT_JUDGED,
        assessments=[(label, assessed.count(label)) for label in ASSESSMENTS],
        unassessed=unassessed,
        indicators_met=sum(1 for i in judged if i.met == "helt"),
        indicators_judged=len(judged),
        indicators=len(indicators),
    )


def worse(rows: list[tuple[Indicator, IndicatorRow, str]]) -> list[Worse]:
    """The indicators that moved the wrong way for their direction (`riktning`), among those with a comparison
    that is shown (not masked); `rows` holds each indicator with its row and its reader's title."""
    found = []
    for indicator, row, title in rows:
        c = row.comparison
        if c is None or c.masked or c.before_number is None or c.after_number is None:
            continue
        if isinstance(c.before_number, bool) or isinstance(c.after_number, bool):
            continue
        down = c.after_number < c.before_number
        up = c.after_number > c.before_number
        if (down and indicator.riktning == "hogre_ar_battre") or (up and indicator.riktning == "lagre_ar_battre"):
            found.append(Worse(row.id, title, c.before, c.after, c.change, c.since, len(c.bodies)))
    return found
