"""Look-ups over a validated program: bodies, groups resolved by date, activities and indicators by id."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from valdsprogram.program import Activity, Body, Goal, Group, Indicator, Program


@dataclass(frozen=True, slots=True)
class ProgramIndex:
    """A program with its ids looked up once; the first of duplicate ids wins (duplicates are a rule)."""

    program: Program
    bodies: dict[str, Body]
    groups: dict[str, Group]
    activities: dict[str, tuple[Goal, Activity]]
    indicators: dict[str, tuple[Goal, Indicator]]

    @classmethod
    def build(cls, program: Program) -> ProgramIndex:
        bodies: dict[str, Body] = {}
        for body in program.organ:
            bodies.setdefault(body.id, body)
        groups: dict[str, Group] = {}
        for group in program.grupper:
            groups.setdefault(group.id, group)
        activities: dict[str, tuple[Goal, Activity]] = {}
        indicators: dict[str, tuple[Goal, Indicator]] = {}
        for goal in program.mal:
            for activity in goal.aktiviteter:
                activities.setdefault(activity.id, (goal, activity))
            for indicator in goal.indikatorer:
                indicators.setdefault(indicator.id, (goal, indicator))
        return cls(program, bodies, groups, activities, indicators)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.program.giltighet.fran, 1, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.program.giltighet.till, 12, 31)

    def is_reference(self, ref: str) -> bool:
        """Whether `ref` names a body or a group."""
        return ref in self.bodies or ref in self.groups

    def members(self, group: Group, on: dt.date) -> list[Body]:
        """The group's bodies that exist on the date, in program order."""
        chosen = set(group.medlemmar)
        return [
            body for body in self.program.organ if (body.typ in group.typer or body.id in chosen) and exists(body, on)
        ]

    def resolve(self, refs: list[str], on: dt.date) -> list[Body]:
        """The bodies that `refs` (bodies and groups) name on the date, each once, in program order."""
        ids: set[str] = set()
        for ref in refs:
            if ref in self.bodies:
                if exists(self.bodies[ref], on):
                    ids.add(ref)
            elif ref in self.groups:
                ids.update(body.id for body in self.members(self.groups[ref], on))
        return [body for body in self.program.organ if body.id in ids and self.bodies[body.id] is body]


def exists(body: Body, on: dt.date) -> bool:
    """Whether the body exists on the date."""
    return (body.fran is None or body.fran <= on) and (body.till is None or on <= body.till)
