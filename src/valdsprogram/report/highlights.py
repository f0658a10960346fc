""" "I korthet": the few facts a committee reads first, taken from the report's own numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from valdsprogram.report.indicators import IndicatorRow
from valdsprogram.report.status_changes import StatusChange


@dataclass(frozen=True, slots=True)
class GoalAtRisk:
    """A goal that at least one body says is not met (`inte`)."""

    id: str
    title: str
    bodies: list[str]
    """The names of the bodies that say `inte`."""


@dataclass(frozen=True, slots=True)
class Shortfall:
    """An indicator that the reporting bodies together do not reach the annual target of."""

    id: str
    text: str
    value: str
    method: str
    """How the value is worked out and over how many bodies, e.g. `vägt medelvärde, 1 organ`."""
    target: str
    basis: str
    """What it was judged on, in words."""


@dataclass(frozen=True, slots=True)
class Highlights:
    """The key facts, in the order the report gives them."""

    reported: int
    expected: int
    rate: str
    """The share that reported without errors, e.g. `75 %`; empty when nobody was expected."""
    goals_at_risk: list[GoalAtRisk]
    shortfalls: list[Shortfall]
    new_delays: list[StatusChange]
    missing: list[str]
    """Names of the expected bodies without a report."""
    with_errors: list[str]
    """Names of the bodies whose report has errors."""

    @property
    def delays_by_activity(self) -> list[tuple[str, list[str]]]:
        """The new delays per activity, in the program's order: each activity once, with the bodies' names."""
        grouped: dict[str, list[str]] = {}
        for change in self.new_delays:
            grouped.setdefault(change.activity, []).append(change.body_name)
        return sorted(grouped.items(), key=lambda item: _id_key(item[0]))


def _id_key(ident: str) -> tuple[int, ...]:
    """`A4.10` after `A4.9`."""
    return tuple(int(part) for part in re.findall(r"\d+", ident))


def highlights(
    *,
    reported: int,
    expected: int,
    goals: list[tuple[str, str, list[str]]],
    indicators: list[IndicatorRow],
    new_delays: list[StatusChange],
    missing: list[str],
    with_errors: list[str],
) -> Highlights:
    """The key facts; `goals` is each goal's id, title and the names of the bodies that say `inte`."""
    return Highlights(
        reported=reported,
        expected=expected,
        rate=f"{round(100 * reported / expected)} %" if expected else "",
        goals_at_risk=[GoalAtRisk(ident, title, names) for ident, title, names in goals if names],
        shortfalls=[
            Shortfall(i.id, i.text, i.value, i.method, i.target, i.basis_text)
            for i in indicators
            if i.met in ("inte", "nära målet")
        ],
        new_delays=new_delays,
        missing=missing,
        with_errors=with_errors,
    )
