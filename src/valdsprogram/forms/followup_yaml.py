"""A follow-up form written as YAML with comments: the file `mall` writes and `importera` produces from a workbook."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from valdsprogram.controls import visible
from valdsprogram.errors import ValdsprogramError
from valdsprogram.forms.form import Form, Loc, build_form
from valdsprogram.model.followup import (
    ASSESSMENT_CHOICES_TEXT,
    STATUS_CHOICES_TEXT,
    ActivityReport,
    GoalReport,
    IndicatorReport,
)
from valdsprogram.model.periods import Period
from valdsprogram.model.program import Indicator
from valdsprogram.model.vocabulary import DIRECTIONS, PERIODICITIES, VALID_VALUES
from valdsprogram.text import mebibytes
from valdsprogram.workspace import Workspace
from valdsprogram.yaml import reader

Scalar = bool | int | float | str | dt.date | None


@dataclass(frozen=True, slots=True)
class Prefill:
    """A follow-up file to write."""

    path: Path
    """Where it belongs: <uppfoljning>/<period>/<organ>.yaml."""
    text: str
    """The YAML, with comments."""
    carried_from: Period | None
    """The earlier report this year whose statuses and targets were carried forward, if any."""
    schema: Path
    """The JSON Schema file its modeline names, for the editor's completion and checks."""


@dataclass(frozen=True, slots=True)
class FormYaml:
    """A form as YAML text, and which field each line holds."""

    text: str
    """The YAML, with comments."""
    lines: dict[int, Loc]
    """1-based line → the field (or item, or section) written on it."""


class TemplateTooLarge(ValdsprogramError):
    """A pre-filled file would be larger than `validera` reads, so it is not made; the message is Swedish."""


def refuse_unreadable_size(text: str) -> None:
    """Refuse a pre-filled file larger than `validera` reads, rather than write a file that is refused at once."""
    size, limit = len(text.encode("utf-8")), reader.MAX_BYTES  # read at each call: the limit is the reader's
    if size > limit:
        raise TemplateTooLarge(
            f"mallen skulle bli {mebibytes(size)} MiB, men validera läser högst {limit // 1_048_576} MiB per "
            "fil; programmet har för många aktiviteter och indikatorer, eller för långa texter. Inget skrevs."
        )


def prefilled_followup(workspace: Workspace, body_id: str, period_text: str, folder: Path, *, schema: Path) -> Prefill:
    """Build the pre-filled file (`mall`); raises WorkspaceError when the body or period does not allow it, and
    TemplateTooLarge when the file would be larger than `validera` reads.

    `schema` is the follow-up schema's file (`schemas.schema_file(program, "uppfoljning")` where the command
    writes it); the modeline names it relative to the new file, so that the editor finds it wherever `folder` is.
    """
    form = build_form(workspace, body_id, period_text)
    target = followup_path(folder, form)
    text = form_yaml(form, "valdsprogram mall", schema=modeline_path(schema, target.parent)).text
    refuse_unreadable_size(text)
    return Prefill(target, text, form.earlier, schema)


def prefilled_yaml(workspace: Workspace, name: str, period_text: str, *, folder: Path) -> Prefill:
    """What `mall NAME PERIOD` writes as YAML: the body's pre-filled follow-up in `folder`, or (NAME
    `sammanstallning`) socialnämnden's compilation in the workspace's compilation folder; each names its schema
    in schema/ beside the program, where `valdsprogram schema` writes it."""
    from valdsprogram.forms.compilation_yaml import prefilled_compilation
    from valdsprogram.output.schemas import schema_file
    from valdsprogram.sources import COMPILATION_FOLDER

    if name == COMPILATION_FOLDER:
        return prefilled_compilation(workspace, period_text)
    schema = schema_file(workspace.program_path or Path("program.yaml"), "uppfoljning")
    return prefilled_followup(workspace, name, period_text, folder, schema=schema)


def modeline_path(schema: Path, folder: Path) -> str:
    """The schema file as a yaml-language-server modeline names it from a file in `folder`: a relative path
    with forward slashes, or a file URI when no relative path exists (another drive on Windows)."""
    try:
        path = Path(os.path.relpath(os.path.abspath(schema), os.path.abspath(folder))).as_posix()
    except ValueError:
        path = Path(os.path.abspath(schema)).as_uri()
    return visible(path, keep_breaks=False)  # a line break in a folder's name must not end the comment


def followup_path(folder: Path, form: Form) -> Path:
    """Where the form's follow-up belongs: <folder>/<period>/<organ>.yaml."""
    return folder / str(form.period) / f"{form.body.id}.yaml"


def form_yaml(form: Form, made_by: str, *, schema: str) -> FormYaml:
    """The form as a follow-up file in the layout `mall` writes; `made_by` names the command in the header and
    `schema` is the modeline's path to the follow-up schema."""
    out = _Lines()
    program, period, values = form.program, form.period, form.values
    out.add(f"# yaml-language-server: $schema={schema}")
    out.add(f"# {comment_text(form.body.namn)}: uppföljning av {comment_text(program.name)},")
    out.add(f"# {period.name} (per {period.last_day}). Skapad med `{comment_text(made_by)}`.")
    out.add("# Fyll i det som står tomt och kör sedan `valdsprogram validera`.")
    out.add("# Uppföljningar är allmänna handlingar: skriv aldrig något som kan identifiera en enskild person.")
    out.add(f"organ: {yaml_scalar(values.organ)}", ("organ",))
    out.add(f"period: {yaml_scalar(values.period)}", ("period",))
    if values.beslut is None:
        out.add('# beslut: {datum: ÅÅÅÅ-MM-DD, diarienummer: "…"}')
    else:
        out.add("beslut:", ("beslut",))
        for name in ("datum", "diarienummer"):
            value = getattr(values.beslut, name)
            if value is not None:
                out.add(f"  {name}: {yaml_scalar(value)}", ("beslut", name))
    if form.activities:
        out.add(f"aktiviteter:  # status: {STATUS_CHOICES_TEXT}", ("aktiviteter",))
    for ident, activity in form.activities:
        done = values.aktiviteter.get(ident, ActivityReport())
        out.add(
            f"  {yaml_key(ident)}:  # {comment_text(activity.text) if activity else _UNKNOWN}", ("aktiviteter", ident)
        )
        for name in ("status", "kommentar"):
            loc = ("aktiviteter", ident, name)
            out.field(name, getattr(done, name), form.notes.get(loc), loc)
        out.acknowledgements(("aktiviteter", ident), done.kvittera)
    if form.indicators:
        out.add("indikatorer:", ("indikatorer",))
    for ident, indicator in form.indicators:
        report = values.indikatorer.get(ident, IndicatorReport())
        out.add(
            f"  {yaml_key(ident)}:  # {comment_text(indicator.text) if indicator else _UNKNOWN}", ("indikatorer", ident)
        )
        for name, comment in indicator_fields(indicator, report, period):
            loc = ("indikatorer", ident, name)
            out.field(name, getattr(report, name), form.notes.get(loc, comment), loc)
        out.acknowledgements(("indikatorer", ident), report.kvittera)
    if form.goals:
        required = "krävs" if period.is_annual else "valfri prognos"
        heading = f"mal:  # bedomning: {ASSESSMENT_CHOICES_TEXT} ({required}); analys krävs vid delvis och inte"
        out.add(heading, ("mal",))
    for ident, goal in form.goals:
        judged = values.mal.get(ident, GoalReport())
        out.add(f"  {yaml_key(ident)}:  # {comment_text(goal.titel) if goal else _UNKNOWN}", ("mal", ident))
        for name in ("bedomning", "analys"):
            out.field(name, getattr(judged, name), None, ("mal", ident, name))
        out.acknowledgements(("mal", ident), judged.kvittera)
    return FormYaml("\n".join(out.lines) + "\n", out.locs)


_UNKNOWN = "finns inte i programmet"
FORECAST_HINT = "helårsprognos: vad utfallet väntas bli för hela året; utan den bedöms inte årsmålet"


def asks_forecast(indicator: Indicator, period: Period) -> bool:
    """Whether the form asks for a full-year forecast: for a count that accumulates, at the tertials."""
    return indicator.measure == "ackumulerad" and not period.is_annual


def indicator_fields(
    indicator: Indicator | None, report: IndicatorReport, period: Period
) -> list[tuple[str, str | None]]:
    """The fields an indicator's report shows, each with its comment: those its unit asks for and any others filled."""
    about = (
        f"{VALID_VALUES[indicator.enhet]}; {PERIODICITIES[indicator.periodicitet]}; {DIRECTIONS[indicator.riktning]}"
        if indicator
        else None
    )
    fields: list[tuple[str, str | None]] = [("utfall", about), ("arsmal", None)]
    if indicator is not None and asks_forecast(indicator, period):
        fields[0] = ("utfall", f"{about}; hittills i år, till och med {period.last_day}")
        fields.insert(1, ("prognos", FORECAST_HINT))
    if indicator is None or indicator.enhet == "procent":
        fields += [
            ("taljare", "valfritt: antalet som uppfyller villkoret"),
            ("namnare", "valfritt: antalet totalt"),
        ]
    shown = {name for name, _ in fields}
    fields += [
        (name, None)
        for name in IndicatorReport.model_fields
        # Acknowledgements belong to the report they were made in, never carried into a new one.
        if name not in ("kommentar", "kvittera") and name not in shown and getattr(report, name) is not None
    ]
    return [*fields, ("kommentar", None)]


class _Lines:
    """YAML lines being written, with the field each holds."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.locs: dict[int, Loc] = {}

    def add(self, line: str, loc: Loc | None = None) -> None:
        self.lines.append(line)
        if loc is not None:
            self.locs[len(self.lines)] = loc

    def field(self, name: str, value: Scalar, comment: str | None, loc: Loc) -> None:
        shown = "" if value is None else f" {yaml_scalar(value)}"
        self.add(f"    {name}:{shown}" + (f"  # {comment_text(comment)}" if comment else ""), loc)

    def acknowledgements(self, item: Loc, found: dict[str, str]) -> None:
        """The warnings an item acknowledges, as filed or read from a workbook (never carried into a new period)."""
        if not found:
            return
        self.add("    kvittera:", (*item, "kvittera"))
        for code, reason in found.items():
            self.add(f"      {yaml_key(code)}: {yaml_scalar(reason)}", (*item, "kvittera", code))


def yaml_scalar(value: Scalar) -> str:
    """A value as a YAML scalar that reads back as exactly the same value, whatever characters a text holds."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if _PLAIN.fullmatch(value) and value.lower() not in _RESERVED:
        return value
    return _quoted(value)


def _quoted(text: str) -> str:
    """A double-quoted YAML scalar holding exactly `text`."""
    return '"' + "".join(_yaml_char(char) for char in text) + '"'


_PLAIN = re.compile(r"[a-zåäö][a-zåäö0-9 -]*[a-zåäö0-9]|[a-zåäö]|[0-9]{4}-(T1|T2|VB)")
"""Words that read back as the same text unquoted: statuses, assessments, body ids and periods."""
_RESERVED = frozenset({"null", "true", "false", "yes", "no", "on", "off", "y", "n"})


def _yaml_char(char: str) -> str:
    """One character inside a double-quoted YAML scalar: printable ones as they are, the rest escaped."""
    if char in '"\\':
        return "\\" + char
    point = ord(char)
    printable = (
        0x20 <= point <= 0x7E or 0xA0 <= point <= 0xD7FF or 0xE000 <= point <= 0xFFFD or point >= 0x10000
    ) and point not in (0x2028, 0x2029, 0xFEFF)
    if printable:
        return char
    if point == 0x0A:
        return "\\n"
    if point == 0x09:
        return "\\t"
    return f"\\u{point:04x}" if point <= 0xFFFF else f"\\U{point:08x}"


def yaml_key(ident: str) -> str:
    """An id as a YAML key that reads back as the same text: plain when it is one (A1.2, M1, VP314), else quoted."""
    if _KEY.fullmatch(ident) and ident.lower() not in _RESERVED:
        return ident
    return _quoted(ident)


_KEY = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[.-][A-Za-z0-9]+)*")


def comment_text(text: str) -> str:
    """Text for a YAML comment: one line, since YAML also ends a line at NEL, U+2028 and U+2029, and control
    characters written as visible escapes."""
    return visible(" ".join(text.split()), keep_breaks=False)
