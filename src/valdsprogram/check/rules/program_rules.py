"""Rules over program.yaml: ids, references, dates and values that the schema alone cannot check."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Protocol

from valdsprogram.check.rules.finding import Finding
from valdsprogram.check.rules.rule import rule
from valdsprogram.check.suggest import did_you_mean
from valdsprogram.model.periods import periods_between
from valdsprogram.model.program import Activity, Indicator
from valdsprogram.model.program_index import ProgramIndex, exists
from valdsprogram.model.units import is_percentage, unit_hint, unit_problem
from valdsprogram.yaml.reader import Loc


@rule("VP201")
def unique_ids(index: ProgramIndex) -> Iterator[Finding]:
    """VP201: ids are unique per namespace; bodies and groups share one, as `ansvariga` names both."""
    for entries in _id_namespaces(index):
        seen: dict[str, str] = {}
        for ident, loc, what in entries:
            if ident in seen:
                yield Finding("VP201", loc, f"Id {ident!r} används redan av {seen[ident]}.", "Ge den ena ett eget id.")
            else:
                seen[ident] = what


def _id_namespaces(index: ProgramIndex) -> Iterator[list[tuple[str, Loc, str]]]:
    """Each namespace's (id, loc, kind) entries, in document order."""
    program = index.program
    yield [*_ids("organ", program.organ, "ett annat organ"), *_ids("grupper", program.grupper, "en annan grupp")]
    yield list(_ids("mal", program.mal, "ett annat mål"))
    items: list[tuple[str, Loc, str]] = []
    for i, goal in enumerate(program.mal):
        items += _ids(("mal", i, "aktiviteter"), goal.aktiviteter, "en annan aktivitet")
        items += _ids(("mal", i, "indikatorer"), goal.indikatorer, "en annan indikator")
    yield items
    yield list(_ids("valdstyper", program.valdstyper, "en annan våldstyp"))
    yield list(_ids("perspektiv", program.perspektiv, "ett annat perspektiv"))


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


def _ids(where: str | Loc, items: Sequence[_HasId], what: str) -> Iterator[tuple[str, Loc, str]]:
    parent: Loc = (where,) if isinstance(where, str) else where
    for i, item in enumerate(items):
        yield item.id, (*parent, i, "id"), what


@rule("VP202")
def references_resolve(index: ProgramIndex) -> Iterator[Finding]:
    """VP202: every responsible and every group member is a known body or group."""
    for loc, ref in _responsible_refs(index):
        if not index.is_reference(ref):
            yield Finding(
                "VP202",
                loc,
                f"{ref!r} är varken ett organ eller en grupp i programmet.",
                _close_hint(ref, [*index.bodies, *index.groups]),
            )
    for i, group in enumerate(index.program.grupper):
        for k, member in enumerate(group.medlemmar):
            if member not in index.bodies:
                yield Finding(
                    "VP202",
                    ("grupper", i, "medlemmar", k),
                    f"{member!r} är inget organ i programmet.",
                    _close_hint(member, list(index.bodies)),
                )


@rule("VP203")
def successors_resolve(index: ProgramIndex) -> Iterator[Finding]:
    """VP203: `ersatts_av` names a body of the program."""
    for i, body in enumerate(index.program.organ):
        if body.ersatts_av is not None and body.ersatts_av not in index.bodies:
            yield Finding(
                "VP203",
                ("organ", i, "ersatts_av"),
                f"{body.ersatts_av!r} är inget organ i programmet.",
                _close_hint(body.ersatts_av, list(index.bodies)),
            )


@rule("VP210")
def successors_end(index: ProgramIndex) -> Iterator[Finding]:
    """VP210: following `ersatts_av` from a body never leads back to it."""
    bodies = index.bodies
    for i, body in enumerate(index.program.organ):
        chain = [body.id]
        successor = body.ersatts_av
        while successor is not None and successor in bodies and successor not in chain:
            chain.append(successor)
            successor = bodies[successor].ersatts_av
        if successor == body.id:
            loop = "" if len(chain) == 1 else ": " + " → ".join([*chain, body.id])
            yield Finding(
                "VP210",
                ("organ", i, "ersatts_av"),
                f"{body.namn} ({body.id}) ersätts av sig självt{loop}.",
                "Ange det organ som tog över verksamheten, eller ta bort ersatts_av.",
            )


WINDOWS_DEVICE_NAMES = re.compile(r"(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?", re.IGNORECASE)
"""Names Windows reserves for devices, with any extension: `con.yaml` cannot be created or checked out there."""


@rule("VP211")
def ids_safe_as_file_names(index: ProgramIndex) -> Iterator[Finding]:
    """VP211: a body's or group's id, which becomes a file name, is no Windows device name."""
    named: tuple[tuple[str, Sequence[_HasId]], ...] = (
        ("organ", index.program.organ),
        ("grupper", index.program.grupper),
    )
    for key, entries in named:
        for i, entry in enumerate(entries):
            if WINDOWS_DEVICE_NAMES.fullmatch(entry.id):
                yield Finding(
                    "VP211",
                    (key, i, "id"),
                    f"Id {entry.id!r} är ett namn som Windows reserverar för en enhet och kan inte bli ett filnamn.",
                    "Välj ett annat id, till exempel med ett prefix som sdn- eller ab-.",
                )


@rule("VP204")
def dates_consistent(index: ProgramIndex) -> Iterator[Finding]:
    """VP204: validity and body dates run forwards, and a successor starts after its predecessor ends."""
    program = index.program
    if program.giltighet.fran > program.giltighet.till:
        yield Finding(
            "VP204",
            ("giltighet", "till"),
            "Giltigheten slutar innan den börjar.",
            "Byt plats på fran och till.",
        )
    for i, body in enumerate(program.organ):
        if body.fran is not None and body.till is not None and body.fran > body.till:
            yield Finding(
                "VP204",
                ("organ", i, "till"),
                f"{body.namn} upphör ({body.till}) innan det börjar ({body.fran}).",
                "Rätta datumen.",
            )
        if body.ersatts_av is None:
            continue
        if body.till is None:
            yield Finding(
                "VP204",
                ("organ", i, "ersatts_av"),
                f"{body.namn} har ersatts av {body.ersatts_av} men saknar `till`.",
                "Ange sista dagen organet fanns, till exempel till: 2023-06-30.",
            )
            continue
        successor = index.successor(body)
        if successor is not None and successor.fran is not None and successor.fran <= body.till:
            yield Finding(
                "VP204",
                ("organ", i, "ersatts_av"),
                f"{successor.namn} börjar {successor.fran}, innan {body.namn} upphör {body.till}.",
                "Efterträdaren ska börja dagen efter föregångarens `till`.",
            )


@rule("VP205")
def goals_have_work(index: ProgramIndex) -> Iterator[Finding]:
    """VP205: a goal without activities, or without indicators, cannot be followed up."""
    for i, goal in enumerate(index.program.mal):
        for items, key, what in (
            (goal.aktiviteter, "aktiviteter", "aktivitet"),
            (goal.indikatorer, "indikatorer", "indikator"),
        ):
            if not items:
                yield Finding(
                    "VP205",
                    ("mal", i, "id"),
                    f"Mål {goal.id} har inga {key}.",
                    f"Lägg till minst en {what} under {key}:.",
                )


@rule("VP206")
def values_fit_units(index: ProgramIndex) -> Iterator[Finding]:
    """VP206: an indicator's annual target and tolerance fit its unit."""
    for i, goal in enumerate(index.program.mal):
        for j, indicator in enumerate(goal.indikatorer):
            loc = ("mal", i, "indikatorer", j)
            targets: list[tuple[int | None, bool | int | float]] = []
            if isinstance(indicator.arsmal, dict):
                targets += indicator.arsmal.items()
            elif indicator.arsmal is not None:
                targets.append((None, indicator.arsmal))
            for year, target in targets:
                problem = unit_problem(indicator, target)
                if problem:
                    which = f"Årsmålet för {indicator.id} {year}" if year else f"Årsmålet för {indicator.id}"
                    yield Finding(
                        "VP206",
                        (*loc, "arsmal") if year is None else (*loc, "arsmal", year),
                        f"{which} {problem}.",
                        unit_hint(indicator),
                    )
            if indicator.enhet == "ja/nej" and indicator.matning == "ackumulerad":
                yield Finding(
                    "VP206",
                    (*loc, "matning"),
                    f"{indicator.id} är en ja/nej-indikator, ett läge, och kan inte mätas ackumulerat.",
                    "Skriv matning: lage, eller ta bort matning.",
                )
            how = indicator.sammanvagning
            if how is not None and how not in _WEIGHTINGS[indicator.enhet]:
                yield Finding(
                    "VP206",
                    (*loc, "sammanvagning"),
                    f"{indicator.id} mäts i {indicator.enhet} och kan inte vägas samman som {how}.",
                    _WEIGHTING_HINTS[indicator.enhet],
                )
            if indicator.nara_malet is not None and indicator.enhet == "ja/nej":
                yield Finding(
                    "VP206",
                    (*loc, "nara_malet"),
                    f"{indicator.id} är en ja/nej-indikator och kan inte vara nära målet.",
                    "Ta bort nara_malet.",
                )
            if indicator.tolerans is not None:
                if indicator.enhet == "ja/nej":
                    yield Finding(
                        "VP206",
                        (*loc, "tolerans"),
                        f"{indicator.id} är en ja/nej-indikator och kan inte ha en tolerans.",
                        "Ta bort tolerans.",
                    )
                elif indicator.enhet == "procent" and not is_percentage(indicator.tolerans):
                    yield Finding(
                        "VP206",
                        (*loc, "tolerans"),
                        f"Toleransen för {indicator.id} är större än 100 procentenheter.",
                        "Ange toleransen i procentenheter, 0–100.",
                    )


_WEIGHTINGS = {"antal": ("summa",), "procent": ("vagd", "ovagd"), "ja/nej": ()}
"""Which ways of combining the bodies' values fit each unit: counts add up, shares are averaged."""
_WEIGHTING_HINTS = {
    "antal": "Skriv sammanvagning: summa, eller ta bort sammanvagning.",
    "procent": "Skriv sammanvagning: vagd (vägt efter nämnarna; organen anger taljare och namnare) eller ovagd.",
    "ja/nej": "Ta bort sammanvagning: för ja/nej räknas hur många som svarat ja.",
}


@rule("VP207")
def violence_types_known(index: ProgramIndex) -> Iterator[Finding]:
    """VP207: an activity's or indicator's violence types are the program's."""
    known = {v.id for v in index.program.valdstyper}
    for i, goal in enumerate(index.program.mal):
        kinds: tuple[tuple[str, Sequence[Activity | Indicator]], ...] = (
            ("aktiviteter", goal.aktiviteter),
            ("indikatorer", goal.indikatorer),
        )
        for kind, items in kinds:
            for j, item in enumerate(items):
                for k, ref in enumerate(item.valdstyper):
                    if ref not in known:
                        yield Finding(
                            "VP207",
                            ("mal", i, kind, j, "valdstyper", k),
                            f"{ref!r} är ingen av programmets våldstyper.",
                            _close_hint(ref, sorted(known)),
                        )


@rule("VP208")
def responsible_exist(index: ProgramIndex) -> Iterator[Finding]:
    """VP208: a responsible body or group exists, with members, at some period end within the validity."""
    giltighet = index.program.giltighet
    days = [p.last_day for p in periods_between(giltighet.fran, giltighet.till)]
    if not days:
        return  # the validity runs backwards: VP204 says so, and nothing can exist within it
    for i, group in enumerate(index.program.grupper):
        if not any(index.members(group, day) for day in days):
            yield Finding(
                "VP208",
                ("grupper", i, "id"),
                f"Gruppen {group.id} har inga medlemmar under programmets giltighetstid.",
                "Ange typer: eller medlemmar: som finns under giltighetstiden.",
            )
    for loc, ref in _responsible_refs(index):
        body = index.bodies.get(ref)
        if body is not None and not any(exists(body, day) for day in days):
            yield Finding(
                "VP208",
                loc,
                f"{body.namn} finns inte vid någon rapportperiod under programmets giltighetstid.",
                "Ange efterträdaren som ansvarig i stället.",
            )


@rule("VP209")
def ids_match_goal(index: ProgramIndex) -> Iterator[Finding]:
    """VP209: A2.x and I2.x belong under M2."""
    for i, goal in enumerate(index.program.mal):
        number = goal.id[1:]
        kinds: tuple[tuple[str, Sequence[Activity | Indicator]], ...] = (
            ("aktiviteter", goal.aktiviteter),
            ("indikatorer", goal.indikatorer),
        )
        for kind, items in kinds:
            for j, item in enumerate(items):
                if item.id[1:].split(".")[0] != number:
                    yield Finding(
                        "VP209",
                        ("mal", i, kind, j, "id"),
                        f"{item.id} står under mål {goal.id}.",
                        f"Numrera om till {item.id[0]}{number}.{item.id.split('.')[1]} eller flytta den.",
                    )


def _responsible_refs(index: ProgramIndex) -> Iterator[tuple[Loc, str]]:
    """Every body or group named in an `ansvariga`, with where its id stands."""
    for i, goal in enumerate(index.program.mal):
        items: tuple[tuple[str, Sequence[Activity | Indicator]], ...] = (
            ("aktiviteter", goal.aktiviteter),
            ("indikatorer", goal.indikatorer),
        )
        for kind, entries in items:
            for j, item in enumerate(entries):
                for k, entry in enumerate(item.ansvariga):
                    loc: Loc = ("mal", i, kind, j, "ansvariga", k)
                    yield (loc, entry) if isinstance(entry, str) else ((*loc, "organ"), entry.organ)


def _close_hint(value: str, known: list[str]) -> str:
    return did_you_mean(value, known) or "Kontrollera stavningen mot programmets id:n."
