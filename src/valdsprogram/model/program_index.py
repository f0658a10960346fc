"""Look-ups over a validated program: bodies, groups resolved by date, activities and indicators by id."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from valdsprogram.model.program import Activity, Body, Goal, Group, Indicator, Program, ProgramItem, within


@dataclass(frozen=True, slots=True)
class Responsibilities:
    """What one body must do and report on one date, in program order."""

    activities: list[tuple[Goal, Activity]] = field(default_factory=list)
    indicators: list[tuple[Goal, Indicator]] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    """The goals where the body has any activity or indicator."""


@dataclass(frozen=True, slots=True)
class ProgramIndex:
    """A program with its ids looked up once; the first of duplicate ids wins (duplicates are a rule)."""

    program: Program
    bodies: dict[str, Body]
    groups: dict[str, Group]
    activities: dict[str, tuple[Goal, Activity]]
    indicators: dict[str, tuple[Goal, Indicator]]
    _responsible: dict[dt.date, dict[str, Responsibilities]] = field(default_factory=dict, compare=False)
    """Cache: date → body id → responsibilities; filled on first use of a date."""
    _alike: dict[tuple[int, ...], Responsibilities] = field(default_factory=dict, compare=False)
    """Cache: one Responsibilities for each set of duties, shared by every date and body that has it."""
    _members: dict[tuple[int, dt.date], list[Body]] = field(default_factory=dict, compare=False)
    """Cache: (group, date) → its members then; a national program asks for each of thousands of items."""
    _rank: dict[str, int] = field(default_factory=dict, compare=False)
    """Each body id's place in the program (its first body's): sorts a few bodies without scanning them all."""

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
        index = cls(program, bodies, groups, activities, indicators)
        for rank, body in enumerate(program.organ):
            index._rank.setdefault(body.id, rank)
        return index

    def predecessors(self, body_id: str) -> list[Body]:
        """The bodies the program says `body_id` replaced (`ersatts_av`), in program order."""
        return [body for body in self.program.organ if body.ersatts_av == body_id]

    def successor(self, body: Body) -> Body | None:
        """The body that took over after `body` (its `ersatts_av`), when the program has it."""
        return self.bodies.get(body.ersatts_av or "")

    def stand_ins(self, body: Body, on: dt.date) -> list[Body]:
        """Who reports in the body's place on a date it does not exist: once it has ended its successor, before
        it began its predecessors; none when it exists then or the program names no one."""
        if exists(body, on):
            return []
        if body.till is not None and on > body.till:
            successor = self.successor(body)
            return [successor] if successor is not None else []
        return self.predecessors(body.id)

    def is_reference(self, ref: str) -> bool:
        """Whether `ref` names a body or a group."""
        return ref in self.bodies or ref in self.groups

    def members(self, group: Group, on: dt.date) -> list[Body]:
        """The group's bodies that exist on the date, in program order."""
        key = (id(group), on)
        if key not in self._members:
            chosen = set(group.medlemmar)
            self._members[key] = [
                body
                for body in self.program.organ
                if (body.typ in group.typer or body.id in chosen) and exists(body, on)
            ]
        return list(self._members[key])

    def resolve(self, refs: list[str], on: dt.date) -> list[Body]:
        """The bodies that `refs` (bodies and groups) name on the date, each once, in program order."""
        ids: set[str] = set()
        for ref in refs:
            if ref in self.bodies:
                if exists(self.bodies[ref], on):
                    ids.add(ref)
            elif ref in self.groups:
                ids.update(body.id for body in self.members(self.groups[ref], on))
        return [self.bodies[ident] for ident in sorted(ids, key=self._rank.__getitem__)]

    def responsible(self, item: ProgramItem, on: dt.date) -> list[Body]:
        """The bodies responsible for the activity or indicator on the date: none when it is not in effect then."""
        return self.resolve(item.refs_on(on), on)

    def responsibilities(self, body_id: str, on: dt.date) -> Responsibilities:
        """What the body is responsible for on the date, directly or through a group."""
        if on not in self._responsible:
            table: dict[str, Responsibilities] = {}
            for goal in self.program.mal:
                for activity in goal.aktiviteter:
                    for body in self.responsible(activity, on):
                        _duties(table, body.id).activities.append((goal, activity))
                for indicator in goal.indikatorer:
                    for body in self.responsible(indicator, on):
                        _duties(table, body.id).indicators.append((goal, indicator))
            for owner, duties in table.items():
                involved = {id(goal) for goal, _ in [*duties.activities, *duties.indicators]}
                duties.goals.extend(goal for goal in self.program.mal if id(goal) in involved)
                # A body's duties are mostly the same on every date: one object for each, not one per date.
                same = tuple(id(item) for _, item in [*duties.activities, *duties.indicators])
                table[owner] = self._alike.setdefault(same, duties)
            self._responsible[on] = table
        return self._responsible[on].get(body_id, Responsibilities())


def _duties(table: dict[str, Responsibilities], body_id: str) -> Responsibilities:
    duties = table.get(body_id)
    if duties is None:
        duties = table[body_id] = Responsibilities()
    return duties


def exists(body: Body, on: dt.date) -> bool:
    """Whether the body exists on the date."""
    return within(body.fran, body.till, on)


def reports_instead(bodies: list[Body]) -> str:
    """`Järva stadsdelsnämnd (sdn-jarva) rapporterar i stället.` for the bodies `stand_ins` names; empty for none.

    The names are joined by "och" alone, as these messages always were (no more than two bodies merge so far).
    """
    return " och ".join(f"{b.namn} ({b.id})" for b in bodies) + " rapporterar i stället." if bodies else ""
