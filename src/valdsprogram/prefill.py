"""A pre-filled follow-up file for one body and period: everything it must report, ready to fill in."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from valdsprogram.followup import ActivityReport, FollowUp, needs_comment
from valdsprogram.periods import Period
from valdsprogram.program import Indicator
from valdsprogram.vocabulary import DIRECTIONS, PERIODICITIES, VALID_VALUES
from valdsprogram.workspace import Workspace

FORECAST_HINT = "helårsprognos: vad utfallet väntas bli för hela året; utan den bedöms inte årsmålet"


@dataclass(frozen=True, slots=True)
class Prefill:
    """A follow-up file to write."""

    path: Path
    """Where it belongs: <uppfoljning>/<period>/<organ>.yaml."""
    text: str
    """The YAML, with comments."""
    carried_from: Period | None
    """The earlier report this year whose statuses and targets were carried forward, if any."""


def prefill(workspace: Workspace, body_id: str, period_text: str, folder: Path, *, schema: Path) -> Prefill:
    """Build the pre-filled file; raises WorkspaceError when the body or period does not allow it.

    `schema` is the follow-up schema's file; the modeline names it relative to the new file, so that the
    editor finds it wherever `folder` is.
    """
    index = workspace.index
    period = workspace.period(period_text)
    body = workspace.body(body_id, period)
    target = folder / str(period) / f"{body_id}.yaml"
    earlier_file = next(
        (f for f in reversed(workspace.reports_of(body_id)) if f.period.year == period.year and f.period < period), None
    )
    earlier = earlier_file.followup if earlier_file else None
    earlier_period = earlier_file.period if earlier_file else None
    duties = index.responsibilities(body_id, period.last_day)
    lines = [
        f"# yaml-language-server: $schema={modeline_path(schema, target.parent)}",
        f"# {body.namn}: uppföljning av {index.program.kortnamn or index.program.titel},",
        f"# {period.name} (per {period.last_day}). Skapad med `valdsprogram mall`.",
        "# Fyll i det som står tomt och kör sedan `valdsprogram validera`.",
        "# Uppföljningar är allmänna handlingar: skriv aldrig något som kan identifiera en enskild person.",
        f"organ: {body_id}",
        f"period: {period}",
        '# beslut: {datum: ÅÅÅÅ-MM-DD, diarienummer: "…"}',
    ]
    if duties.activities:
        lines.append("aktiviteter:  # status: ej påbörjad, pågående, försenad, genomförd eller utgår")
    for _, activity in duties.activities:
        before = earlier.aktiviteter.get(activity.id) if earlier else None
        lines += [f"  {activity.id}:  # {_one_line(activity.text)}", _status_line(before, earlier_period, period)]
        lines.append("    kommentar:")
    due = [(g, i) for g, i in duties.indicators if i.due(period)]
    if due:
        lines.append("indikatorer:")
    for _, indicator in due:
        lines += _indicator_lines(indicator, period, earlier, earlier_period)
    if duties.goals:
        required = "krävs" if period.is_annual else "valfri prognos"
        lines.append(f"mal:  # bedomning: helt, delvis eller inte ({required}); analys krävs vid delvis och inte")
    for goal in duties.goals:
        lines += [f"  {goal.id}:  # {_one_line(goal.titel)}", "    bedomning:", "    analys:"]
    return Prefill(target, "\n".join(lines) + "\n", earlier_period)


def modeline_path(schema: Path, folder: Path) -> str:
    """The schema file as a yaml-language-server modeline names it from a file in `folder`: a relative path
    with forward slashes, or a file URI when no relative path exists (another drive on Windows)."""
    try:
        return Path(os.path.relpath(os.path.abspath(schema), os.path.abspath(folder))).as_posix()
    except ValueError:
        return Path(os.path.abspath(schema)).as_uri()


def _status_line(before: ActivityReport | None, earlier: Period | None, period: Period) -> str:
    """The earlier status carried forward, unless it needs a fresh explanation this period."""
    status = before.status if before is not None else None
    if status is None:
        return "    status:"
    if needs_comment(status, period):
        return f"    status:  # var {status} i {earlier}; ange status och förklara i kommentar"
    return f"    status: {status}  # från {earlier}"


def _indicator_lines(
    indicator: Indicator, period: Period, earlier: FollowUp | None, earlier_period: Period | None
) -> list[str]:
    before = earlier.indikatorer.get(indicator.id) if earlier else None
    target: bool | int | float | None = indicator.target(period.year)
    source = "programmets förslag"
    if before is not None and before.arsmal is not None:
        target, source = before.arsmal, f"från {earlier_period}"
    about = (
        f"{VALID_VALUES[indicator.enhet]}; {PERIODICITIES[indicator.periodicitet]}; {DIRECTIONS[indicator.riktning]}"
    )
    lines = [
        f"  {indicator.id}:  # {_one_line(indicator.text)}",
        f"    utfall:  # {about}",
        f"    arsmal:{_value(target, source)}",
    ]
    if indicator.measure == "ackumulerad" and not period.is_annual:
        lines[1] = f"    utfall:  # {about}; hittills i år, till och med {period.last_day}"
        lines.insert(2, f"    prognos:  # {FORECAST_HINT}")
    if indicator.enhet == "procent":
        lines += [
            "    taljare:  # valfritt: antalet som uppfyller villkoret",
            "    namnare:  # valfritt: antalet totalt",
        ]
    return [*lines, "    kommentar:"]


def _value(value: bool | int | float | None, source: str) -> str:
    if value is None:
        return ""
    shown = str(value).lower() if isinstance(value, bool) else str(value)
    return f" {shown}  # {source}"


def _one_line(text: str) -> str:
    return " ".join(text.split())
