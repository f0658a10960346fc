"""The report's and the status matrix's data as tidy tables, for Excel and Power BI: CSV and xlsx.

Every number comes from the report as built, so masking applies exactly as in the report: a masked value is an
empty cell with `maskerad` = ja. Text that a spreadsheet would run as a formula is written as text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from valdsprogram.forms.xlsx.layout import FORMULA_START
from valdsprogram.model.units import swedish
from valdsprogram.report.build import Report, body_statuses

Value = str | int | float | bool | None


@dataclass(frozen=True, slots=True)
class Table:
    """One tidy table: a row per observation, a column per variable."""

    name: str
    """The sheet's name in a workbook."""
    columns: tuple[str, ...]
    rows: list[tuple[Value, ...]]


_INDICATOR = ("period", "mal", "indikator", "indikator_text", "utkast", "enhet", "matning")
"""Which indicator a row is about: the first columns of both indicator tables."""
_VALUES = ("utfall", "prognos", "arsmal", "maskerad")
_WEIGHTS = ("vikt", "taljare", "namnare", "avser")
"""A body's weight in the city-wide value (`metod`) and the counts behind its share, where reported, and the part
of the period its value covers when it was formed during the year (`juli–december`)."""
INDICATOR_COLUMNS = (*_INDICATOR, "organ", "organ_namn", *_VALUES, "uppnas", "metod", *_WEIGHTS)
CITY_COLUMNS = (*_INDICATOR, *_VALUES, "underlag", "uppnas", "metod")
ACTIVITY_COLUMNS = (
    *("period", "mal", "aktivitet", "aktivitet_text", "utkast", "organ", "organ_namn", "status", "kommentar"),
)
GOAL_COLUMNS = ("period", "mal", "mal_titel", "organ", "organ_namn", "bedomning", "avser", "analys")
ONE_TABLE_COLUMNS = (
    "period",
    "typ",
    "mal",
    "id",
    "text",
    "organ",
    "organ_namn",
    "enhet",
    "status",
    "utfall",
    "prognos",
    "arsmal",
    "maskerad",
    "uppnas",
    "bedomning",
    "kommentar",
    "metod",
    *_WEIGHTS,
    "utkast",
    "lydelse",
)
"""`typ` is indikator, aktivitet, mål or organ (each expected body's `status`: rapporterad, med fel or saknas);
`utkast` says whether the program marks the item as a draft; `lydelse` is the program's wording the report follows."""
REPORT_STATUS_COLUMNS = ("period", "organ", "organ_namn", "status")
"""The report's sheet of who reported: every expected body, rapporterad, med fel or saknas."""
ABOUT_COLUMNS = ("uppgift", "varde")
"""The report's sheet about itself: the period, the wording and revision in force, drafts, the warning."""
STATUS_COLUMNS = ("organ", "organ_namn", "period", "status")
CHANGE_COLUMNS = ("andrad", "andrad_av", "incheckning", "inte_incheckad")
"""Added to the status table when the follow-ups are in git: each follow-up's last commit, and `ja` when the file
has changes since that are not committed (ändrad, inte incheckad)."""


def report_tables(report: Report) -> list[Table]:
    """The report's data as tidy tables: per body and indicator, city-wide per indicator, activities, goals."""
    indicators: list[tuple[Value, ...]] = []
    city: list[tuple[Value, ...]] = []
    drafts = set(report.draft_items)
    for goal in report.goals:
        for i in goal.indicators:
            which = (report.period, goal.id, i.id, i.text, _yes(i.id in drafts), i.unit, i.measure)
            city.append(
                (
                    *which,
                    *(None if i.masked else i.number, i.forecast_number, i.target_number),
                    *(_yes(i.masked), i.basis, i.met, i.method_key),
                )
            )
            for b in i.bodies:
                indicators.append(
                    (
                        *(*which, b.body_id, b.body_name),
                        *(None if b.masked else b.outcome_number, None if b.masked else b.forecast_number),
                        *(b.target_number, _yes(b.masked), None if b.masked else b.met, i.method_key),
                        *(b.weight, b.numerator, b.denominator, b.covers or None),
                    )
                )
    activity_goal = {a.id: (g.id, a.text) for g in report.goals for a in g.activities}
    goal_titles = {g.id: g.title for g in report.goals}
    activities: list[tuple[Value, ...]] = []
    goals: list[tuple[Value, ...]] = []
    about = "prognos för helåret" if report.tertial else "helåret"
    for part in report.appendix:
        for ident, status, comment in part.activities:
            goal_id, text = activity_goal.get(ident, (None, None))
            activities.append(
                (
                    *(report.period, goal_id, ident, text, _yes(ident in drafts), part.body_id, part.body_name),
                    *(_dash(status), comment or None),
                )
            )
        for ident, assessment, analysis in part.goals:
            goals.append(
                (
                    *(report.period, ident, goal_titles.get(ident), part.body_id, part.body_name),
                    *(_dash(assessment), about if _dash(assessment) else None, analysis or None),
                )
            )
    statuses: list[tuple[Value, ...]] = [
        (report.period, b, report.names.get(b, b), status) for b, status in body_statuses(report)
    ]
    return [
        Table("Om rapporten", ABOUT_COLUMNS, _about(report)),
        Table("Status", REPORT_STATUS_COLUMNS, statuses),
        Table("Indikatorer", INDICATOR_COLUMNS, indicators),
        Table("Indikatorer staden", CITY_COLUMNS, city),
        Table("Aktiviteter", ACTIVITY_COLUMNS, activities),
        Table("Målbedömningar", GOAL_COLUMNS, goals),
    ]


def _about(report: Report) -> list[tuple[Value, ...]]:
    """What the report tells its reader about itself, a row each: what a sheet alone would not say."""
    rows: list[tuple[str, Value]] = [
        ("program", report.program_title),
        ("period", report.period),
        ("per", report.per.isoformat()),
        ("lydelse", report.wording),
        ("revision_datum", report.revision.isoformat() if report.revision else None),
        ("revision_beslut", report.revision_decision or None),
        ("revision_andringar", "; ".join(report.revision_changes) or None),
        ("revision_utkast", _yes(report.revision_draft) if report.revision else None),
        ("utkast", _yes(bool(report.draft_items) or report.revision_draft)),
        ("utkast_i_rapporten", ", ".join(report.draft_items) or None),
        ("anmarkning", report.note or None),
        ("varning", report.warning or None),
        ("forvantade", len(report.expected)),
        ("rapporterade", len(report.reported)),
        ("med_fel", len(report.with_errors)),
        ("saknas", len(report.missing)),
    ]
    return list(rows)


def report_table(report: Report) -> Table:
    """The report's data as one tidy table (for CSV): a row per body and indicator, activity or goal, and a row
    per expected body with its status."""
    _, statuses, indicators, _, activities, goals = report_tables(report)
    rows: list[tuple[Value, ...]] = []

    def add(kind: str, values: dict[str, Value]) -> None:
        values["typ"] = kind
        values["lydelse"] = report.wording
        rows.append(tuple(values.get(column) for column in ONE_TABLE_COLUMNS))

    for row in indicators.rows:
        i = dict(zip(indicators.columns, row, strict=True))
        add("indikator", {**i, "id": i["indikator"], "text": i["indikator_text"]})
    for row in activities.rows:
        a = dict(zip(activities.columns, row, strict=True))
        add("aktivitet", {**a, "id": a["aktivitet"], "text": a["aktivitet_text"]})
    for row in goals.rows:
        g = dict(zip(goals.columns, row, strict=True))
        add("mål", {**g, "id": g["mal"], "text": g["mal_titel"], "kommentar": g["analys"]})
    for row in statuses.rows:
        add("organ", dict(zip(statuses.columns, row, strict=True)))
    return Table("Rapport", ONE_TABLE_COLUMNS, rows)


def status_table(data: dict[str, Any]) -> Table:
    """The reporting matrix (`terminal.matrix_data`) as one row per body and period."""
    rows: list[tuple[Value, ...]] = [
        (body["id"], body["namn"], period, state) for body in data["organ"] for period, state in body["status"].items()
    ]
    # The change columns are always there (empty outside git), so a sheet or Power BI query built on the
    # table keeps its columns wherever the command runs.
    changed = [body.get("andrad", {}).get(period, {}) for body in data["organ"] for period in body["status"]]
    rows = [
        (*row, c.get("datum"), c.get("av"), c.get("incheckning"), _yes(c["inte_incheckad"]) if c else None)
        for row, c in zip(rows, changed, strict=True)
    ]
    return Table("Status", STATUS_COLUMNS + CHANGE_COLUMNS, rows)


def to_csv(table: Table) -> str:
    """The table as CSV for Swedish Excel: a byte-order mark, `;` between fields, decimal comma, CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(table.columns)
    writer.writerows([_csv_value(v) for v in row] for row in table.rows)
    return "\ufeff" + out.getvalue()


def _csv_value(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return swedish(value, grouped=False)  # Excel reads the number only without a separator
    if value.startswith(FORMULA_START):
        return "'" + value  # shown as text, never run as a formula
    return value


def _yes(flag: bool) -> str:
    return "ja" if flag else "nej"


def _dash(text: str) -> str | None:
    """The report writes `–` for nothing; a table leaves the cell empty."""
    return None if text in ("–", "") else text


def tables_workbook(tables: list[Table], when: dt.date) -> bytes:
    """The tables as an .xlsx workbook, a sheet each with a filter on its header; the same tables, the same bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    from valdsprogram.forms.xlsx.writer import text_cell, workbook_bytes

    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for table in tables:
        sheet = book.create_sheet(table.name)
        for column, name in enumerate(table.columns, start=1):
            sheet.cell(1, column, name).font = Font(bold=True)
            longest = max([len(name), *(len(str(r[column - 1] or "")) for r in table.rows[:200])])
            sheet.column_dimensions[get_column_letter(column)].width = min(max(longest + 2, 8), 60)
        for row, values in enumerate(table.rows, start=2):
            for column, value in enumerate(values, start=1):
                if value is None:
                    continue
                cell = sheet.cell(row, column)
                if isinstance(value, str):
                    text_cell(cell, value)
                elif isinstance(value, bool):
                    text_cell(cell, _yes(value))
                else:
                    cell.value = value
        sheet.freeze_panes = "A2"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        sheet.print_title_rows = "1:1"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{max(len(table.rows) + 1, 2)}"
    return workbook_bytes(book, when)
