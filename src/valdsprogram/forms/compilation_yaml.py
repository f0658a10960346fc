"""A pre-filled compilation file for socialnämnden (`mall sammanstallning PERIOD`): the period's key figures as
comments to write from, and every goal ready for the city's assessment and analysis."""

from __future__ import annotations

import textwrap
from pathlib import Path

from valdsprogram.forms.followup_yaml import Prefill, comment_text, modeline_path, refuse_unreadable_size, yaml_key
from valdsprogram.model.followup import ASSESSMENT_CHOICES_TEXT
from valdsprogram.output.schemas import schema_file
from valdsprogram.report.build import Count, GoalPart, build_report
from valdsprogram.sources import COMPILATION_FOLDER
from valdsprogram.workspace import Workspace


def prefilled_compilation(
    workspace: Workspace, period_text: str, folder: Path | None = None, *, schema: Path | None = None
) -> Prefill:
    """Build sammanstallning/<period>.yaml (`mall sammanstallning`) in `folder` (by default the workspace's
    compilation folder); raises WorkspaceError when the period is not one of the program's, and TemplateTooLarge
    when the file would be larger than `validera` reads.

    `schema` is the compilation schema's file, by default schema/ beside the program (`schemas.schema_file`).
    """
    period = workspace.period(period_text)
    report = build_report(workspace, period, despite_errors=True)  # the figures leave out the reports with errors
    folder = folder or workspace.compilations_folder or Path(COMPILATION_FOLDER)
    if schema is None:
        schema = schema_file(workspace.program_path or Path("program.yaml"), COMPILATION_FOLDER)
    target = folder / f"{period}.yaml"
    facts = report.highlights
    lines = [
        f"# yaml-language-server: $schema={modeline_path(schema, target.parent)}",
        _comment(
            f"Socialnämndens sammanställning av {report.program_name}, {report.period_name} (per {report.per}).",
            "# ",
            "# ",
        ),
        f"# Skapad med `valdsprogram mall sammanstallning {period}`. Fyll i och kör sedan `valdsprogram validera`.",
        "# Sammanställningen är en allmän handling: skriv aldrig något som kan identifiera en enskild person.",
        "#",
        "# Nyckeltal att skriva utifrån, ur uppföljningarna när mallen skapades (`valdsprogram rapport` visar dem",
        "# med de senaste uppföljningarna):",
    ]
    rate = f" ({facts.rate})" if facts.rate else ""
    said = [f"{facts.reported} av {facts.expected} organ har rapporterat utan fel{rate}."]
    if facts.missing:
        said.append(f"Saknas ({len(facts.missing)}): {report.missing_short}.")
    if facts.with_errors:
        said.append(f"Rapporter med fel (ingår inte i siffrorna): {', '.join(facts.with_errors)}.")
    said.append(f"Aktiviteternas status: {_counts(report.activity_counts)}.")
    label = f" ({report.assessment_label})" if report.assessment_label else ""
    said.append(f"Organens bedömning av målen{label}: {_counts(report.assessment_counts)}.")
    if report.previous:
        delays = ", ".join(f"{c.body_name} {c.activity}" for c in facts.new_delays) or "inga"
        said.append(f"Nya förseningar sedan {report.previous}: {delays}.")
    shortfalls = ", ".join(f"{s.id} ({s.value}, {s.method}; årsmål {s.target})" for s in facts.shortfalls) or "inga"
    said.append(f"Indikatorer som inte når årsmålet, för de organ som rapporterat: {shortfalls}.")
    lines += [_comment(text, "# - ", "#   ") for text in said]
    lines += [
        f"period: {period}",
        "sammanfattning:  # socialnämndens sammanfattning av perioden; skriv med | och text på raderna under",
        f"mal:  # stadens bedömning: {ASSESSMENT_CHOICES_TEXT}"
        + (" (prognos för helåret)" if report.tertial else "")
        + "; analys krävs vid delvis och inte",
    ]
    for goal in report.goals:
        lines += [
            f"  {yaml_key(goal.id)}:  # {comment_text(goal.title)}",
            *_goal_facts(goal),
            "    bedomning:",
            "    analys:",
        ]
    lines += [
        "atgarder:  # föreslagna åtgärder, en per rad som börjar med -",
        '# beslut: {datum: ÅÅÅÅ-MM-DD, diarienummer: "…"}',
    ]
    text = "\n".join(lines) + "\n"
    refuse_unreadable_size(text)
    return Prefill(target, text, None, schema)


def _goal_facts(goal: GoalPart) -> list[str]:
    facts = [f"    # Organen: {_counts(goal.assessment_counts)}. Aktiviteter: {_counts(goal.status_counts)}."]
    inte = [a.body_name for a in goal.assessments if a.assessment == "inte"]
    if inte:
        facts.append(_comment(f"Uppfylls inte enligt: {', '.join(inte)}.", "    # ", "    #   "))
    for i in goal.indicators:
        if i.value == "–":
            facts.append(f"    # {i.id}: inget utfall rapporterat.")
            continue
        met = (", nära målet" if i.met == "nära målet" else f", uppnås {i.met}") if i.met else ""
        facts.append(f"    # {i.id}: {i.value}, {i.value_label}, årsmål {i.target}{met}.")
    return facts


def _comment(text: str, first: str, rest: str) -> str:
    """A comment wrapped to the width the rest of the file keeps; a line break in a name stays inside it."""
    return "\n".join(
        textwrap.wrap(comment_text(text), 110, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False)
    )


def _counts(counts: list[Count]) -> str:
    shown = [f"{c.label} {c.n}" for c in counts if c.n]
    return ", ".join(shown) or "inga"
