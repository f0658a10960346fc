"""Look-ups in the program for `visa`: goals, activities, indicators and bodies, as plain JSON-ready data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Literal

from valdsprogram.check.suggest import did_you_mean
from valdsprogram.model.periods import Period
from valdsprogram.model.program import Activity, Body, Goal, Indicator, ProgramItem, wording
from valdsprogram.model.program_index import ProgramIndex, exists
from valdsprogram.model.vocabulary import BODY_TYPES, DIRECTIONS, PERIODICITIES
from valdsprogram.workspace import WorkspaceError

Data = dict[str, Any]


class NotFound(WorkspaceError):
    """No such id; the message is Swedish and names close matches."""


def goals(index: ProgramIndex) -> list[Data]:
    """Every goal with how many activities and indicators it has."""
    return [
        {"id": g.id, "titel": g.titel, "aktiviteter": len(g.aktiviteter), "indikatorer": len(g.indikatorer)}
        for g in index.program.mal
    ]


def revisions(index: ProgramIndex, on: dt.date | None = None) -> Data:
    """The program's revisions, oldest first, and (on a date) which wording held then."""
    program = index.program
    return {
        "per": on.isoformat() if on else None,
        "lydelse": wording(program, on) if on else None,
        "revisioner": [
            {"datum": r.datum.isoformat(), "beslut": r.beslut, "andringar": list(r.andringar), "utkast": r.utkast}
            for r in program.revisioner
        ],
    }


def goal(index: ProgramIndex, ident: str, on: dt.date | None = None) -> Data:
    """One goal with what needs to be in place, its activities and its indicators (on a date: those in effect)."""
    found = next((g for g in index.program.mal if g.id == ident), None)
    if found is None:
        raise NotFound(_unknown("Mål", ident, [g.id for g in index.program.mal]))

    def shown(item: ProgramItem) -> bool:
        return on is None or item.in_effect(on)

    return {
        "id": found.id,
        "titel": found.titel,
        "kalla": found.kalla,
        "per": on.isoformat() if on else None,
        "pa_plats": list(found.pa_plats),
        "aktiviteter": [
            {"id": a.id, "text": a.text} | _dates(a) | {"ansvariga": responsibility_data(a, on)}
            for a in found.aktiviteter
            if shown(a)
        ],
        "indikatorer": [
            _indicator_facts(i, on.year if on else None) | _dates(i) | {"ansvariga": responsibility_data(i, on)}
            for i in found.indikatorer
            if shown(i)
        ],
    }


ItemKind = Literal["aktivitet", "indikator"]
"""What `visa` looks up by id in a goal: an activity or an indicator."""


def item(index: ProgramIndex, kind: ItemKind, ident: str, period: Period, on: dt.date | None = None) -> Data:
    """One activity or indicator with its responsible bodies resolved on the date (by default the period's last
    day); an indicator also with its unit, periodicity, direction and target for the period's year."""
    found: Mapping[str, tuple[Goal, Activity | Indicator]]
    what, found = ("Aktiviteten", index.activities) if kind == "aktivitet" else ("Indikatorn", index.indicators)
    if ident not in found:
        raise NotFound(_unknown(what, ident, list(found)))
    owner, chosen = found[ident]
    data = _item(index, chosen, period, on or period.last_day)
    if isinstance(chosen, Indicator):
        data |= _indicator_facts(chosen, period.year)
    return data | {"mal": {"id": owner.id, "titel": owner.titel}}


def activity(index: ProgramIndex, ident: str, period: Period, on: dt.date | None = None) -> Data:
    """One activity: `item` of kind `aktivitet`."""
    return item(index, "aktivitet", ident, period, on)


def indicator(index: ProgramIndex, ident: str, period: Period, on: dt.date | None = None) -> Data:
    """One indicator: `item` of kind `indikator`."""
    return item(index, "indikator", ident, period, on)


def responsibility_data(item: ProgramItem, on: dt.date | None = None) -> list[str | Data]:
    """The item's `ansvariga` as JSON: an id, or {organ, fran, till}; on a date, only the entries that hold then."""
    return [
        e if isinstance(e, str) else {"organ": e.organ} | _span(e.fran, e.till)
        for e in item.ansvariga
        if on is None or isinstance(e, str) or e.holds(on)
    ]


def _span(fran: dt.date | None, till: dt.date | None) -> Data:
    return {"fran": fran.isoformat() if fran else None, "till": till.isoformat() if till else None}


def _dates(item: ProgramItem) -> Data:
    return _span(item.fran, item.till)


def bodies(index: ProgramIndex) -> Data:
    """Every body (with its dates and who replaced whom) and every group."""
    return {
        "organ": [_body_facts(b) for b in index.program.organ],
        "grupper": [
            {"id": g.id, "namn": g.namn, "typer": [BODY_TYPES[t] for t in g.typer], "medlemmar": list(g.medlemmar)}
            for g in index.program.grupper
        ],
    }


def body(index: ProgramIndex, body_id: str, period: Period, on: dt.date | None = None) -> Data:
    """One body with everything it is responsible for on the date (by default the period's last day)."""
    found = index.bodies.get(body_id)
    if found is None:
        raise NotFound(_unknown("Organet", body_id, list(index.bodies)))
    day = on or period.last_day
    duties = index.responsibilities(body_id, day)
    due = {i.id for _, i in duties.indicators if i.due(period)}
    return _body_facts(found) | {
        "ersatte": [b.id for b in index.predecessors(found.id)],
        "period": str(period),
        "per": day.isoformat(),
        "finns": exists(found, day),
        "grupper": [g.id for g in index.program.grupper if any(m.id == body_id for m in index.members(g, day))],
        "aktiviteter": [{"id": a.id, "mal": g.id, "text": a.text} for g, a in duties.activities],
        "indikatorer": [
            {"id": i.id, "mal": g.id, "text": i.text, "enhet": i.enhet, "rapporteras": i.id in due}
            for g, i in duties.indicators
        ],
    }


def _body_facts(body: Body) -> Data:
    return {
        "id": body.id,
        "namn": body.namn,
        "typ": BODY_TYPES[body.typ],
        "fran": body.fran.isoformat() if body.fran else None,
        "till": body.till.isoformat() if body.till else None,
        "ersatts_av": body.ersatts_av,
    }


def _item(index: ProgramIndex, item: Activity | Indicator, period: Period, day: dt.date) -> Data:
    return {
        "id": item.id,
        "text": item.text,
        "kalla": item.kalla,
        "utkast": item.utkast,
        "valdstyper": list(item.valdstyper),
        "ansvariga": responsibility_data(item),
        **_dates(item),
        "period": str(period) if day == period.last_day else None,
        "per": day.isoformat(),
        "i_kraft": item.in_effect(day),
        "ansvariga_organ": [{"id": b.id, "namn": b.namn} for b in index.responsible(item, day)],
    }


def _indicator_facts(item: Indicator, year: int | None) -> Data:
    return {
        "id": item.id,
        "text": item.text,
        "enhet": item.enhet,
        "periodicitet": PERIODICITIES[item.periodicitet],
        "riktning": DIRECTIONS[item.riktning],
        "arsmal": item.target(year) if year is not None and isinstance(item.arsmal, dict) else _target_data(item),
        "tolerans": item.tolerans,
    }


def _target_data(item: Indicator) -> object:
    """The program's target as JSON: a value, or years (as text, JSON's keys) to values."""
    if isinstance(item.arsmal, dict):
        return {str(year): value for year, value in sorted(item.arsmal.items())}
    return item.arsmal


def _unknown(what: str, ident: str, known: list[str]) -> str:
    return f"{what} {ident!r} finns inte i programmet. {did_you_mean(ident, known, most=3)}".rstrip()
