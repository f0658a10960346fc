"""Look-ups in the program for `visa`: goals, activities, indicators and bodies, as plain JSON-ready data."""

from __future__ import annotations

from typing import Any

from valdsprogram.index import ProgramIndex, exists
from valdsprogram.periods import Period
from valdsprogram.program import Activity, Body, Indicator
from valdsprogram.suggest import did_you_mean
from valdsprogram.vocabulary import BODY_TYPES, DIRECTIONS, PERIODICITIES
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


def goal(index: ProgramIndex, ident: str) -> Data:
    """One goal with what needs to be in place, its activities and its indicators."""
    found = next((g for g in index.program.mal if g.id == ident), None)
    if found is None:
        raise NotFound(_unknown("Mål", ident, [g.id for g in index.program.mal]))
    return {
        "id": found.id,
        "titel": found.titel,
        "kalla": found.kalla,
        "pa_plats": list(found.pa_plats),
        "aktiviteter": [{"id": a.id, "text": a.text, "ansvariga": list(a.ansvariga)} for a in found.aktiviteter],
        "indikatorer": [_indicator_facts(i) | {"ansvariga": list(i.ansvariga)} for i in found.indikatorer],
    }


def activity(index: ProgramIndex, ident: str, period: Period) -> Data:
    """One activity with its responsible bodies resolved on the period's last day."""
    if ident not in index.activities:
        raise NotFound(_unknown("Aktiviteten", ident, list(index.activities)))
    owner, item = index.activities[ident]
    return _item(index, item, period) | {"mal": {"id": owner.id, "titel": owner.titel}}


def indicator(index: ProgramIndex, ident: str, period: Period) -> Data:
    """One indicator with its unit, periodicity, direction and responsible bodies on the period's last day."""
    if ident not in index.indicators:
        raise NotFound(_unknown("Indikatorn", ident, list(index.indicators)))
    owner, item = index.indicators[ident]
    return _item(index, item, period) | _indicator_facts(item) | {"mal": {"id": owner.id, "titel": owner.titel}}


def bodies(index: ProgramIndex) -> Data:
    """Every body (with its dates and who replaced whom) and every group."""
    return {
        "organ": [_body_facts(b) for b in index.program.organ],
        "grupper": [
            {"id": g.id, "namn": g.namn, "typer": [BODY_TYPES[t] for t in g.typer], "medlemmar": list(g.medlemmar)}
            for g in index.program.grupper
        ],
    }


def body(index: ProgramIndex, body_id: str, period: Period) -> Data:
    """One body with everything it is responsible for on the period's last day."""
    found = index.bodies.get(body_id)
    if found is None:
        raise NotFound(_unknown("Organet", body_id, list(index.bodies)))
    day = period.last_day
    duties = index.responsibilities(body_id, day)
    due = {i.id for _, i in duties.indicators if i.due(period)}
    return _body_facts(found) | {
        "ersatte": [b.id for b in index.program.organ if b.ersatts_av == found.id],
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


def _item(index: ProgramIndex, item: Activity | Indicator, period: Period) -> Data:
    return {
        "id": item.id,
        "text": item.text,
        "kalla": item.kalla,
        "utkast": item.utkast,
        "valdstyper": list(item.valdstyper),
        "ansvariga": list(item.ansvariga),
        "period": str(period),
        "per": period.last_day.isoformat(),
        "ansvariga_organ": [{"id": b.id, "namn": b.namn} for b in index.resolve(item.ansvariga, period.last_day)],
    }


def _indicator_facts(item: Indicator) -> Data:
    return {
        "id": item.id,
        "text": item.text,
        "enhet": item.enhet,
        "periodicitet": PERIODICITIES[item.periodicitet],
        "riktning": DIRECTIONS[item.riktning],
        "arsmal": item.arsmal,
        "tolerans": item.tolerans,
    }


def _unknown(what: str, ident: str, known: list[str]) -> str:
    return f"{what} {ident!r} finns inte i programmet. {did_you_mean(ident, known, most=3)}".rstrip()
