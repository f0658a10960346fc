"""Rules over socialnämnden's compilation file, checked against the program."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from valdsprogram.check.rules.finding import Finding
from valdsprogram.check.rules.in_program import period_outside_validity, unknown_goals
from valdsprogram.check.rules.rule import rule
from valdsprogram.model.compilation import CompilationFile, unsupported_verdict
from valdsprogram.model.followup import ASSESSMENT_CHOICES_TEXT, lacks_analysis
from valdsprogram.sources import COMPILATION_FOLDER


@rule("VP501")
def path_agrees(file: CompilationFile) -> Iterator[Finding]:
    """VP501: the file is sammanstallning/<period>.yaml for the period it names."""
    path = PurePosixPath(file.document.path)
    if path.stem != str(file.period):
        yield Finding(
            "VP501",
            ("period",),
            f"Filen heter {path.name} men gäller {file.period}.",
            f"Byt namn på filen till {COMPILATION_FOLDER}/{file.period}.yaml eller rätta perioden.",
        )


@rule("VP502")
def period_within_validity(file: CompilationFile) -> Iterator[Finding]:
    """VP502: the period lies within the program's years."""
    yield from period_outside_validity(file.index, file.period, "VP502")


@rule("VP503")
def goals_known(file: CompilationFile) -> Iterator[Finding]:
    """VP503: every goal assessed is one of the program's."""
    yield from unknown_goals(file.index, file.goals, "VP503")


@rule("VP504")
def summary_written(file: CompilationFile) -> Iterator[Finding]:
    """VP504: the summary is written."""
    if not (file.compilation.sammanfattning or "").strip():
        yield Finding(
            "VP504",
            ("sammanfattning",),
            "Sammanfattningen är inte skriven.",
            "Skriv socialnämndens sammanfattning av perioden under sammanfattning:.",
            at_key=True,
        )


@rule("VP505")
def goals_assessed(file: CompilationFile) -> Iterator[Finding]:
    """VP505: every goal of the program has the city's assessment."""
    for goal in file.index.program.mal:
        city = file.goals.get(goal.id)
        if city is None:
            yield Finding(
                "VP505",
                ("mal",),
                f"Stadens bedömning av {goal.id} saknas.",
                f"Lägg till {goal.id} med bedomning: {ASSESSMENT_CHOICES_TEXT} under mal:.",
                at_key=True,
            )
        elif city.bedomning is None:
            yield Finding(
                "VP505",
                ("mal", goal.id, "bedomning"),
                f"Fyll i stadens bedömning av {goal.id}.",
                f"Skriv {ASSESSMENT_CHOICES_TEXT}.",
            )


@rule("VP506")
def analyses_given(file: CompilationFile) -> Iterator[Finding]:
    """VP506: a goal met only partly or not at all has an analysis."""
    for ident, city in file.goals.items():
        if lacks_analysis(city.bedomning, city.analys):
            yield Finding(
                "VP506",
                ("mal", ident, "bedomning"),
                f"{ident} bedöms uppfyllas {city.bedomning} men analys saknas.",
                "Skriv under analys: varför, och vad staden gör åt det.",
            )


@rule("VP508")
def verdicts_supported(file: CompilationFile) -> Iterator[Finding]:
    """VP508: the city's assessment of a goal has some body's assessment behind it."""
    if file.support is None:
        return
    for ident, city in file.goals.items():
        why = unsupported_verdict(city.bedomning, file.support.get(ident, frozenset()))
        if why:
            yield Finding(
                "VP508",
                ("mal", ident, "bedomning"),
                f"Staden bedömer att {ident} uppfylls {city.bedomning}, men {why} i {file.period}.",
                "Kontrollera bedömningen mot organens uppföljningar; rapporten visar bredvid stadens bedömning att den "
                "saknar stöd.",
            )


@rule("VP507")
def decision_after_period(file: CompilationFile) -> Iterator[Finding]:
    """VP507: the decision is dated after the period it follows up."""
    decision = file.compilation.beslut
    if decision is not None and decision.datum is not None and decision.datum < file.period.last_day:
        yield Finding(
            "VP507",
            ("beslut", "datum"),
            f"Beslutet är daterat {decision.datum}, före periodens slut {file.period.last_day}.",
            "Kontrollera datumet: uppföljningen beslutas efter periodens slut.",
        )
