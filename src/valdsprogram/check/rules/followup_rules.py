"""Rules over one follow-up file, checked against the program: who reports, what, and whether it fits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from valdsprogram.check.rules.finding import Finding
from valdsprogram.check.rules.in_program import period_outside_validity, unknown_goals
from valdsprogram.check.rules.rule import rule
from valdsprogram.check.suggest import did_you_mean
from valdsprogram.model.followup import (
    ASSESSMENT_CHOICES_TEXT,
    NOT_STARTED,
    STATUS_CHOICES_TEXT,
    lacks_analysis,
    needs_comment,
)
from valdsprogram.model.followup_file import FollowUpFile
from valdsprogram.model.program import Activity, Indicator
from valdsprogram.model.program_index import reports_instead
from valdsprogram.model.units import swedish, unit_hint, unit_problem
from valdsprogram.text import shorten


@rule("VP301")
def body_known(file: FollowUpFile) -> Iterator[Finding]:
    """VP301: the reporting body is one of the program's."""
    if file.body is None:
        organ = file.followup.organ
        yield Finding(
            "VP301", ("organ",), f"Organet {organ!r} finns inte i programmet.", did_you_mean(organ, file.index.bodies)
        )


@rule("VP302")
def body_exists_in_period(file: FollowUpFile) -> Iterator[Finding]:
    """VP302: the body exists on the period's last day (a merged district no longer reports)."""
    index = file.index
    body, day = file.body, file.period.last_day
    if body is None or file.exists:
        return
    instead = reports_instead(index.stand_ins(body, day))
    if body.till is not None and day > body.till:
        message = f"{body.namn} upphörde {body.till} och kan inte rapportera {file.period.name}."
        hint = instead or "Ta bort filen."
    else:
        message = f"{body.namn} finns från {body.fran} och kan inte rapportera {file.period.name}."
        hint = instead
    yield Finding("VP302", ("organ",), message, hint)


@rule("VP303")
def period_within_validity(file: FollowUpFile) -> Iterator[Finding]:
    """VP303: the period lies within the program's years."""
    yield from period_outside_validity(file.index, file.period, "VP303")


@rule("VP304")
def path_agrees(file: FollowUpFile) -> Iterator[Finding]:
    """VP304: the file is uppfoljning/<period>/<organ>.yaml for the period and body it names."""
    expected = f"{file.period}/{file.followup.organ}.yaml"
    if file.path == expected or file.path.endswith("/" + expected):
        return  # as `mall` names it
    path = PurePosixPath(file.path)
    hint = f"Flytta filen till uppfoljning/{expected} eller rätta värdet."
    if path.stem != file.followup.organ:
        yield Finding("VP304", ("organ",), f"Filen heter {path.name} men gäller {file.followup.organ}.", hint)
    if path.parent.name != str(file.period):
        folder = path.parent.name or "."
        yield Finding("VP304", ("period",), f"Filen ligger i mappen {folder} men gäller {file.period}.", hint)


@rule("VP305", "VP306")
def ids_known_and_responsible(file: FollowUpFile) -> Iterator[Finding]:
    """VP305 and VP306: every reported id exists, and the body is responsible for it on the period's last day."""
    index = file.index
    sections = (
        ("aktiviteter", "Aktiviteten", "aktiviteten", index.activities, {a.id for _, a in file.duties.activities}),
        ("indikatorer", "Indikatorn", "indikatorn", index.indicators, {i.id for _, i in file.duties.indicators}),
    )
    for key, noun, the, known, mine in sections:
        for ident in getattr(file.followup, key):
            loc = (key, ident)
            if ident not in known:
                yield Finding(
                    "VP305", loc, f"{noun} {ident} finns inte i programmet.", did_you_mean(ident, known), at_key=True
                )
            elif file.exists and ident not in mine:
                yield Finding(
                    "VP306",
                    loc,
                    _not_responsible(file, known[ident][1]),
                    f"Ta bort {the} ur uppföljningen.",
                    at_key=True,
                )
    yield from unknown_goals(index, file.followup.mal, "VP305")


@rule("VP318")
def goals_with_duties(file: FollowUpFile) -> Iterator[Finding]:
    """VP318: a goal is assessed only where the body has something to do."""
    if not file.exists:
        return
    mine = {goal.id for goal in file.duties.goals}
    goals = {goal.id for goal in file.index.program.mal}
    for ident in file.followup.mal:
        if ident in goals and ident not in mine:
            yield Finding(
                "VP318",
                ("mal", ident),
                f"{file.body_name} har varken aktiviteter eller indikatorer under {ident}.",
                "Ta bort bedömningen av målet.",
                at_key=True,
            )


@rule("VP307")
def activities_complete(file: FollowUpFile) -> Iterator[Finding]:
    """VP307: every activity the body is responsible for is reported."""
    for _, activity in file.duties.activities:
        if activity.id not in file.followup.aktiviteter:
            yield Finding(
                "VP307",
                ("aktiviteter",),
                f"Aktiviteten {activity.id} saknas: {shorten(activity.text)}",
                f"Lägg till {activity.id} med en status under aktiviteter:, eller skapa filen med `valdsprogram mall`.",
                at_key=True,
            )


@rule("VP308")
def indicators_complete(file: FollowUpFile) -> Iterator[Finding]:
    """VP308: every indicator due this period is reported."""
    for _, indicator in file.duties.indicators:
        if file.due(indicator) and indicator.id not in file.followup.indikatorer:
            yield Finding(
                "VP308",
                ("indikatorer",),
                f"Indikatorn {indicator.id} saknas: {shorten(indicator.text)}",
                f"Lägg till {indicator.id} med utfall och årsmål under indikatorer:.",
                at_key=True,
            )


@rule("VP317")
def indicators_due(file: FollowUpFile) -> Iterator[Finding]:
    """VP317: a yearly indicator is reported in the annual report only."""
    mine = {i.id: i for _, i in file.duties.indicators}
    for ident in file.followup.indikatorer:
        indicator = mine.get(ident)
        if indicator is not None and not file.due(indicator):
            yield Finding(
                "VP317",
                ("indikatorer", ident),
                f"{ident} rapporteras bara i verksamhetsberättelsen.",
                "Ta bort indikatorn ur tertialrapporten.",
                at_key=True,
            )


@rule("VP316")
def values_filled(file: FollowUpFile) -> Iterator[Finding]:
    """VP316: a status, outcome, target or (in VB) assessment left empty."""
    index = file.index
    for ident, report in file.followup.aktiviteter.items():
        if report.status is None:
            yield Finding(
                "VP316",
                ("aktiviteter", ident, "status"),
                f"Fyll i status för {ident}.",
                f"Skriv {STATUS_CHOICES_TEXT}.",
            )
    for ident, values in file.followup.indikatorer.items():
        known = index.indicators.get(ident)
        hint = unit_hint(known[1]) if known else ""
        if values.utfall is None:
            yield Finding("VP316", ("indikatorer", ident, "utfall"), f"Fyll i utfall för {ident}.", hint)
        if values.arsmal is None:
            yield Finding("VP316", ("indikatorer", ident, "arsmal"), f"Fyll i årsmål för {ident}.", hint)
    if file.period.is_annual:
        for ident, goal in file.followup.mal.items():
            if goal.bedomning is None:
                yield Finding(
                    "VP316",
                    ("mal", ident, "bedomning"),
                    f"Fyll i bedömning för {ident}.",
                    f"Skriv {ASSESSMENT_CHOICES_TEXT}.",
                )


@rule("VP309")
def values_fit_units(file: FollowUpFile) -> Iterator[Finding]:
    """VP309: outcomes and targets fit the unit; numerator and denominator agree with the outcome."""
    index = file.index
    for ident, values in file.followup.indikatorer.items():
        if ident not in index.indicators:
            continue
        indicator = index.indicators[ident][1]
        loc = ("indikatorer", ident)
        checked = (("utfall", values.utfall, "Utfallet"), ("arsmal", values.arsmal, "Årsmålet"))
        for key, value, what in (*checked, ("prognos", values.prognos, "Prognosen")):
            problem = unit_problem(indicator, value) if value is not None else ""
            if problem:
                yield Finding("VP309", (*loc, key), f"{what} för {ident} {problem}.", unit_hint(indicator))
        t, n = values.taljare, values.namnare
        if t is None and n is None:
            continue
        if indicator.enhet != "procent":
            yield Finding(
                "VP309",
                (*loc, "taljare" if t is not None else "namnare"),
                f"{ident} har enheten {indicator.enhet}; täljare och nämnare används bara för procent.",
                "Ta bort taljare och namnare.",
            )
        elif t is None or n is None:
            missing = "taljare" if t is None else "namnare"
            yield Finding(
                "VP309",
                loc,
                f"{ident} har bara {'namnare' if t is None else 'taljare'}.",
                f"Ange även {missing}, eller ta bort båda.",
            )
        elif t > n:
            yield Finding(
                "VP309",
                (*loc, "taljare"),
                f"Täljaren ({t}) är större än nämnaren ({n}) för {ident}.",
                "Täljaren är de som uppfyller villkoret, nämnaren alla som andelen räknas på.",
            )
        elif isinstance(values.utfall, int | float) and not isinstance(values.utfall, bool):
            share = 100 * t / n
            if abs(values.utfall - share) > 0.05:
                yield Finding(
                    "VP309",
                    (*loc, "utfall"),
                    f"Utfallet {swedish(values.utfall)} för {ident} stämmer inte med {t} av {n} "
                    f"({swedish(round(share, 1))} %).",
                    f"Skriv utfall: {round(share, 1)} eller rätta täljare och nämnare.",
                )


@rule("VP310")
def assessments_given(file: FollowUpFile) -> Iterator[Finding]:
    """VP310: in the annual report, every goal where the body has duties is assessed."""
    if not file.period.is_annual:
        return
    for goal in file.duties.goals:
        if goal.id not in file.followup.mal:
            yield Finding(
                "VP310",
                ("mal",),
                f"Bedömning saknas för {goal.id}: {shorten(goal.titel)}",
                f"Lägg till {goal.id}: {{bedomning: helt|delvis|inte, analys: …}} under mal:.",
                at_key=True,
            )


@rule("VP311")
def explanations_given(file: FollowUpFile) -> Iterator[Finding]:
    """VP311: delays, dropped and not-started activities are explained; partial or failed goals analysed."""
    for ident, report in file.followup.aktiviteter.items():
        status = report.status
        if needs_comment(status, file.period) and not (report.kommentar or "").strip():
            when = f" i {file.period.kind}" if status == NOT_STARTED else ""
            yield Finding(
                "VP311",
                ("aktiviteter", ident, "status"),
                f"{ident} har status {status}{when} men saknar kommentar.",
                "Skriv i kommentar: varför, och vad som görs framåt.",
            )
    for ident, goal in file.followup.mal.items():
        if lacks_analysis(goal.bedomning, goal.analys):
            yield Finding(
                "VP311",
                ("mal", ident, "bedomning"),
                f"{ident} bedöms uppfyllas {goal.bedomning} men analys saknas.",
                "Skriv i analys: vad som saknas och vad som görs.",
            )


@rule("VP323", "VP324", "VP325")
def forecasts_fit(file: FollowUpFile) -> Iterator[Finding]:
    """VP323–VP325: a full-year forecast is given only at the tertials, where it is used, and it is possible."""
    index = file.index
    for ident, values in file.followup.indikatorer.items():
        known = index.indicators.get(ident)
        if values.prognos is None or known is None or unit_problem(known[1], values.prognos):
            continue
        indicator, loc = known[1], ("indikatorer", ident, "prognos")
        if file.period.is_annual:
            yield Finding(
                "VP323",
                loc,
                f"{ident} har en prognos i verksamhetsberättelsen, där utfallet är helårets.",
                "Ta bort prognos; skriv helårets utfall under utfall.",
            )
        elif indicator.measure == "lage":
            yield Finding(
                "VP324",
                loc,
                f"Prognosen för {ident} används inte: indikatorn mäts som läget per {_day(file)}.",
                "Ta bort prognos; läget bedöms som det är.",
            )
        elif (
            indicator.enhet == "antal"
            and isinstance(values.utfall, int | float)
            and not isinstance(values.utfall, bool)
            and values.prognos < values.utfall
        ):
            yield Finding(
                "VP325",
                loc,
                f"Helårsprognosen för {ident} ({swedish(values.prognos)}) är lägre än utfallet hittills i år "
                f"({swedish(values.utfall)}).",
                "Ett ackumulerat antal kan inte minska under året: prognosen är minst utfallet hittills.",
            )


@rule("VP333")
def values_plausible(file: FollowUpFile) -> Iterator[Finding]:
    """VP333: a percentage that looks written as a fraction (0.625 where 62,5 % is meant)."""
    index = file.index
    for ident, values in file.followup.indikatorer.items():
        known = index.indicators.get(ident)
        if known is None or known[1].enhet != "procent" or values.taljare is not None or values.namnare is not None:
            continue  # with a numerator and denominator, VP309 already compares the share
        for key, value, what in (
            ("utfall", values.utfall, "Utfallet"),
            ("arsmal", values.arsmal, "Årsmålet"),
            ("prognos", values.prognos, "Prognosen"),
        ):
            if isinstance(value, float) and 0 < value < 1:
                percent = round(value * 100, 6)
                yield Finding(
                    "VP333",
                    ("indikatorer", ident, key),
                    f"{what} för {ident} är {swedish(value)} %. Menar du {swedish(percent)} %?",
                    f"En andel skrivs i procent: {key}: {swedish(percent).replace(',', '.')}. "
                    f"Stämmer {swedish(value)} %, låt värdet stå.",
                )


def _day(file: FollowUpFile) -> str:
    day = file.period.last_day
    months = {4: "april", 8: "augusti", 12: "december"}
    return f"{day.day} {months[day.month]}"


def _not_responsible(file: FollowUpFile, item: Activity | Indicator) -> str:
    day = file.period.last_day
    if not item.in_effect(day):
        since = f"från {item.fran}" if item.fran and day < item.fran else f"till {item.till}"
        return f"{item.id} ingår inte i programmet per {day} (ingår {since})."
    return f"{file.body_name} är inte ansvarig för {item.id} per {day}."
