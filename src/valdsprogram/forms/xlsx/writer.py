"""A follow-up form as an Excel workbook (`mall --format xlsx`): locked texts, open answers, drop-down lists."""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from valdsprogram.forms.followup_yaml import indicator_fields
from valdsprogram.forms.form import Form
from valdsprogram.forms.xlsx.layout import (
    ASSESSMENT_CHOICES,
    COLUMNS,
    DECISION_DATE_CELL,
    DECISION_NUMBER_CELL,
    FIELD_COLUMN,
    FIRST_ROW,
    FORMAT_MARK,
    FORMULA_START,
    HEADER_ROW,
    INSTRUCTIONS_SHEET,
    KINDS,
    META_SHEET,
    SECTION_TITLES,
    SHEET,
    STATUS_CHOICES,
    YES_NO_CHOICES,
)
from valdsprogram.model.followup import ActivityReport, GoalReport, IndicatorReport
from valdsprogram.model.periods import Period
from valdsprogram.model.program import Indicator, Program, revision_in_force
from valdsprogram.model.units import PERCENT_RANGE
from valdsprogram.model.vocabulary import VALID_VALUES
from valdsprogram.text import join_swedish

_OPEN = PatternFill("solid", fgColor="FFFFF2CC")
_CLOSED = PatternFill("solid", fgColor="FFEDEDED")
_HEADER = PatternFill("solid", fgColor="FF1F4E79")
_SECTION = PatternFill("solid", fgColor="FFD9E1F2")
_THIN = Side(style="thin", color="FFBFBFBF")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_UNLOCKED = Protection(locked=False)

NUMBER_FORMATS = {"antal": "#,##0", "procent": "0.0##", "ja/nej": "@"}
"""How an indicator's value cells show numbers, by unit; ja/nej is typed as text (ja or nej)."""
DATE_FORMAT = "yyyy-mm-dd"


def form_workbook(form: Form) -> bytes:
    """The form as .xlsx bytes; the same form always gives the same bytes."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    _fill_sheet(sheet, form)
    _instructions(book.create_sheet(INSTRUCTIONS_SHEET), form)
    meta = book.create_sheet(META_SHEET)
    for row, (key, value) in enumerate(metadata(form).items(), start=1):
        meta.cell(row, 1, key)
        text_cell(meta.cell(row, 2), value)
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
    book.properties.title = f"Uppföljning {form.period} {form.body.namn}"
    return workbook_bytes(book, form.period.last_day)


def metadata(form: Form) -> dict[str, str]:
    """What the hidden sheet records, so that an import can check the workbook belongs where it is put."""
    return {
        "format": FORMAT_MARK,
        "program": form.program.id,
        "revision": program_revision(form.program, form.period),
        "organ": form.body.id,
        "period": str(form.period),
    }


def program_revision(program: Program, period: Period) -> str:
    """The date of the program's revision in force on the period's last day, or empty: the program as adopted."""
    revision = revision_in_force(program, period.last_day)
    return revision.datum.isoformat() if revision is not None else ""


def _fill_sheet(sheet: Worksheet, form: Form) -> None:
    values = form.values
    title = sheet.cell(
        1, 1, f"{form.body.namn}: uppföljning {form.period} ({form.period.name}, per {form.period.last_day})"
    )
    title.font = Font(bold=True, size=14)
    for cell_ref, label in ((DECISION_DATE_CELL, "Beslutsdatum"), (DECISION_NUMBER_CELL, "Diarienummer")):
        row = sheet[cell_ref].row
        sheet.cell(row, 1, label).font = Font(bold=True)
        _open(sheet[cell_ref])
    sheet[DECISION_DATE_CELL].number_format = DATE_FORMAT
    sheet[DECISION_NUMBER_CELL].number_format = "@"
    if values.beslut is not None:
        if values.beslut.datum is not None:
            sheet[DECISION_DATE_CELL].value = values.beslut.datum
        if values.beslut.diarienummer is not None:
            text_cell(sheet[DECISION_NUMBER_CELL], values.beslut.diarienummer)
    sheet.cell(4, 1, "Fyll i de gula cellerna. Se bladet Instruktioner.").font = Font(italic=True)
    for column in COLUMNS:
        cell = sheet[f"{column.letter}{HEADER_ROW}"]
        cell.value = column.header
        cell.font = Font(bold=True, color="FFFFFFFF")
        cell.fill = _HEADER
        cell.alignment = _WRAP
        sheet.column_dimensions[column.letter].width = column.width
    sheet.row_dimensions[HEADER_ROW].height = 30
    lists = _Validations(sheet)
    row = FIRST_ROW
    for section, items in (("aktiviteter", form.activities), ("indikatorer", form.indicators), ("mal", form.goals)):
        if not items:
            continue
        for column in COLUMNS:
            sheet[f"{column.letter}{row}"].fill = _SECTION
        sheet.cell(row, 1, SECTION_TITLES[section]).font = Font(bold=True)
        row += 1
        for ident, item in items:
            open_fields: dict[str, object] = {}
            unit = ""
            notes: list[str] = []
            if section == "aktiviteter":
                text = item.text if item is not None and hasattr(item, "text") else ""
                report_a = values.aktiviteter.get(ident, ActivityReport())
                open_fields = {"status": report_a.status, "kommentar": report_a.kommentar}
            elif section == "indikatorer":
                indicator = item if isinstance(item, Indicator) else None
                text = indicator.text if indicator else ""
                unit = indicator.enhet if indicator else ""
                report_i = values.indikatorer.get(ident, IndicatorReport())
                open_fields = {
                    name: getattr(report_i, name) for name, _ in indicator_fields(indicator, report_i, form.period)
                }
            else:
                text = getattr(item, "titel", "") if item is not None else ""
                report_g = values.mal.get(ident, GoalReport())
                open_fields = {"bedomning": report_g.bedomning, "analys": report_g.analys}
            open_fields["kvittera"] = acknowledgement_text(getattr(values, section).get(ident))
            if item is None:
                notes.append("finns inte i programmet")
            for (loc_section, loc_id, name), note in form.notes.items():
                if loc_section == section and loc_id == ident:
                    notes.append(
                        f"{_FIELD_NAMES.get(name, name)} {note}"
                        if note.startswith("från")
                        else f"{_FIELD_NAMES.get(name, name)}: {note}"
                    )
            _write_row(sheet, row, KINDS[section], ident, text, unit, open_fields, notes, lists)
            row += 1
    for column in COLUMNS:
        for r in range(HEADER_ROW, row):
            sheet[f"{column.letter}{r}"].border = _BORDER
    sheet.freeze_panes = f"C{FIRST_ROW}"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.protection.formatCells = False
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    lists.attach()


_FIELD_NAMES = {"status": "status", "arsmal": "årsmål", "utfall": "utfall", "prognos": "prognos"}


def acknowledgement_text(report: object) -> str | None:
    """A report's acknowledged warnings as the Kvittera cell shows them: one `VP314: skäl` a line."""
    found: dict[str, str] = getattr(report, "kvittera", None) or {}
    return "\n".join(f"{code}: {reason}" for code, reason in found.items()) or None


def _write_row(
    sheet: Worksheet,
    row: int,
    kind: str,
    ident: str,
    text: str,
    unit: str,
    fields: dict[str, object],
    notes: list[str],
    lists: _Validations,
) -> None:
    sheet.cell(row, 1, kind)
    sheet.cell(row, 2, ident)
    text_cell(sheet.cell(row, 3), " ".join(text.split()))
    sheet.cell(row, 4, unit)
    text_cell(sheet.cell(row, 13), "; ".join(notes))
    for column in COLUMNS:
        cell = sheet[f"{column.letter}{row}"]
        cell.alignment = _WRAP if column.letter in ("C", "M", "N") else _TOP
        if column.fields:
            cell.fill = _CLOSED
    wrapped = [(text, COLUMNS[2].width), ("; ".join(notes), COLUMNS[12].width)]
    wrapped += [
        (v, COLUMNS[11].width) for k, v in fields.items() if k in ("kommentar", "analys") and isinstance(v, str)
    ]
    wrapped.append((str(fields.get("kvittera") or ""), COLUMNS[13].width))
    # Excel does not grow a row to fit wrapped text on opening, so give it the height its longest text needs.
    lines = max(_lines(str(text), width) for text, width in wrapped)
    sheet.row_dimensions[row].height = 15 * lines
    for name, value in fields.items():
        cell = sheet[f"{FIELD_COLUMN[name]}{row}"]
        _open(cell)
        if name in ("kommentar", "analys", "kvittera"):
            cell.alignment = _WRAP
            cell.number_format = "@"
        if name == "status":
            cell.number_format = "@"
            lists.add("status", cell.coordinate)
        elif name == "bedomning":
            cell.number_format = "@"
            lists.add("bedomning", cell.coordinate)
        elif name in ("utfall", "arsmal", "prognos"):
            cell.number_format = NUMBER_FORMATS.get(unit, "General")
            lists.add(unit or "tal", cell.coordinate)
        elif name in ("taljare", "namnare"):
            cell.number_format = NUMBER_FORMATS["antal"]
            lists.add("antal", cell.coordinate)
        if value is None:
            continue
        if isinstance(value, bool):
            text_cell(cell, "ja" if value else "nej")
        elif isinstance(value, str):
            text_cell(cell, value)
        else:
            cell.value = value


def _lines(text: str, width: float) -> int:
    """About how many lines `text` wraps to in a column `width` characters wide."""
    per_line = max(int(width * 1.1), 1)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def _open(cell: Cell | MergedCell) -> None:
    cell.protection = _UNLOCKED
    cell.fill = _OPEN


def text_cell(cell: Cell | MergedCell, text: str) -> None:
    """A text that stays text: never read as a formula, whatever it starts with."""
    cell.value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)
    cell.data_type = "s"
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True


class _Validations:
    """The sheet's drop-down lists and number checks, one per kind of cell."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.ranges: dict[str, list[str]] = {}

    def add(self, kind: str, coordinate: str) -> None:
        self.ranges.setdefault(kind, []).append(coordinate)

    def attach(self) -> None:
        for kind in sorted(self.ranges):
            validation = _validation(kind)
            if validation is None:
                continue
            validation.sqref = MultiCellRange(" ".join(self.ranges[kind]))
            self.sheet.add_data_validation(validation)


def _validation(kind: str) -> DataValidation | None:
    def choices(words: tuple[str, ...], title: str) -> DataValidation:
        return DataValidation(
            type="list",
            formula1='"' + ",".join(words) + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=title,
            error=f"Välj {join_swedish(words, 'eller')}.",
            promptTitle=title,
            prompt=f"Välj i listan: {', '.join(words)}.",
            showInputMessage=True,
        )

    if kind == "status":
        return choices(STATUS_CHOICES, "Status")
    if kind == "bedomning":
        return choices(ASSESSMENT_CHOICES, "Bedömning")
    if kind == "ja/nej":
        return choices(YES_NO_CHOICES, "Ja eller nej")
    if kind == "antal":
        return DataValidation(
            type="whole",
            operator="greaterThanOrEqual",
            formula1="0",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Antal",
            error="Ett antal är ett heltal, 0 eller mer.",
            promptTitle="Antal",
            prompt=VALID_VALUES["antal"] + ".",
            showInputMessage=True,
        )
    if kind == "procent":
        return DataValidation(
            type="decimal",
            operator="between",
            formula1=str(PERCENT_RANGE[0]),
            formula2=str(PERCENT_RANGE[1]),
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Procent",
            error="En andel i procent ligger mellan 0 och 100. Skriv till exempel 62,5.",
            promptTitle="Procent",
            prompt="Andel i procent, 0–100, till exempel 62,5.",
            showInputMessage=True,
        )
    return None


def _instructions(sheet: Worksheet, form: Form) -> None:
    lines = [
        (f"Uppföljning av {form.program.name}", True),
        (f"{form.body.namn}, {form.period.name} (per {form.period.last_day})", False),
        ("", False),
        ("Så fyller du i", True),
        ("1. Fyll i de gula cellerna på bladet Uppföljning. Grå celler behöver inte fyllas i.", False),
        ("2. Status och bedömning väljs i en lista: klicka i cellen och välj.", False),
        ("3. Skriv tal som vanligt, med decimalkomma: 62,5. Procent skrivs som tal mellan 0 och 100.", False),
        ("4. Ja/nej-indikatorer: välj ja eller nej.", False),
        ("5. Status försenad och utgår kräver en kommentar; bedömning delvis och inte kräver en analys.", False),
        ("6. Beslutsdatum (ÅÅÅÅ-MM-DD) och diarienummer fylls i när nämnden eller styrelsen har beslutat.", False),
        ("7. Flytta, lägg inte till och ta inte bort rader och blad: arbetsboken läses tillbaka rad för rad.", False),
        (
            "8. Kvittera: en varning som är riktig men har ett skäl (till exempel ett årsmål som nämnden höjt) "
            "kvitteras med en rad per varning, koden och skälet: VP314: Årsmålet höjdes genom nämndens beslut. "
            "Fel kan inte kvitteras.",
            False,
        ),
        ("", False),
        ("När du är klar", True),
        ("Spara arbetsboken som .xlsx (inte .xlsm eller .xls) och skicka den till den som samordnar.", False),
        ("Den läses in med: valdsprogram importera FIL.xlsx", False),
        ("Varje fel anges med cellen där det finns, till exempel Uppföljning!F7, och hur det rättas.", False),
        ("", False),
        ("Uppföljningar är allmänna handlingar", True),
        ("Skriv aldrig något som kan identifiera en enskild person.", False),
        ("Formler räknas inte om vid inläsningen: skriv värdena direkt i cellerna.", False),
    ]
    if form.filed:
        lines[3:3] = [
            ("Arbetsboken innehåller den inlämnade uppföljningen, så att den kan rättas.", False),
            ("", False),
        ]
    elif form.earlier is not None:
        lines[3:3] = [(f"Status och årsmål är förifyllda från {form.earlier}; kontrollera dem.", False), ("", False)]
    sheet.column_dimensions["A"].width = 100
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    for row, (text, bold) in enumerate(lines, start=1):
        cell = sheet.cell(row, 1, text)
        cell.alignment = Alignment(wrap_text=True)
        if bold:
            cell.font = Font(bold=True)
    sheet.protection.sheet = True


def workbook_bytes(book: Workbook, day: dt.date) -> bytes:
    """The workbook as .xlsx bytes made by valdsprogram on the day: the same workbook always gives the same bytes."""
    book.properties.creator = "valdsprogram"
    fixed = dt.datetime.combine(day, dt.time())
    book.properties.created = fixed
    buffer = io.BytesIO()
    book.save(buffer)
    return _deterministic_xlsx(buffer.getvalue(), fixed)


def _deterministic_xlsx(data: bytes, when: dt.datetime) -> bytes:
    """The same workbook as the same bytes: fixed zip timestamps and document dates."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
                    rb"\g<1>" + stamp.encode() + rb"\g<2>",
                    content,
                )
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, content)
    return out.getvalue()
