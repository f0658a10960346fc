"""`importera`: a filled-in follow-up workbook back to the follow-up YAML, with every problem located at its cell."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from valdsprogram.cellvalues import (
    ASSESSMENT_ALIASES,
    STATUS_ALIASES,
    Reading,
    read_choice,
    read_date,
    read_number,
    read_text,
)
from valdsprogram.codes import code
from valdsprogram.diagnostics import Diagnostic, sorted_diagnostics
from valdsprogram.followup import ActivityReport, Decision, FollowUp, GoalReport, IndicatorReport
from valdsprogram.form import Form, Loc, fill_form
from valdsprogram.prefill import FormYaml, followup_path, form_yaml, modeline_path
from valdsprogram.sheetlayout import (
    ASSESSMENT_CHOICES,
    DECISION_DATE_CELL,
    DECISION_NUMBER_CELL,
    FORMAT_MARK,
    KINDS,
    MAX_COLUMNS,
    MAX_ROWS,
    META_KEYS,
    META_SHEET,
    SECTION_TITLES,
    SHEET,
    STATUS_CHOICES,
    cell_name,
)
from valdsprogram.sources import followup_files
from valdsprogram.validation import shown, validate
from valdsprogram.workspace import Workspace, WorkspaceError
from valdsprogram.xlsxguard import check_workbook_file

_SECTIONS = {title: section for section, title in KINDS.items()}
_FIELDS = {
    "aktiviteter": ("status", "kommentar"),
    "indikatorer": ("utfall", "prognos", "arsmal", "taljare", "namnare", "kommentar"),
    "mal": ("bedomning", "analys"),
}
_ONE = {"aktiviteter": "en aktivitet", "indikatorer": "en indikator", "mal": "ett mål"}
_COLUMN_OF_FIELD = {"analys": "kommentar"}
"""A goal's analysis is typed in the comment column."""
_HEADER_FIELDS = {
    "Typ": "typ",
    "Id": "id",
    "Status": "status",
    "Utfall": "utfall",
    "Prognos (helår)": "prognos",
    "Årsmål": "arsmal",
    "Täljare": "taljare",
    "Nämnare": "namnare",
    "Bedömning": "bedomning",
    "Kommentar / analys": "kommentar",
}


@dataclass(frozen=True, slots=True)
class Problem:
    """Something the importer itself found in a cell."""

    code: str
    loc: Loc
    """The field the cell fills, so the problem can be placed on its YAML line."""
    cell: str
    message: str
    hint: str = ""


@dataclass(slots=True)
class Imported:
    """A workbook read as a follow-up, or the reasons it was refused."""

    source: str
    """The workbook, as the user named it."""
    refused: list[Diagnostic] = field(default_factory=list)
    """Why nothing may be written (hostile, not from `mall`, for another program); empty when the import goes on."""
    form: Form | None = None
    yaml: FormYaml | None = None
    """The follow-up to write."""
    target: Path | None = None
    """Where the follow-up belongs: <uppfoljning>/<period>/<organ>.yaml."""
    cells: dict[Loc, str] = field(default_factory=dict)
    """Each field read → the cell it came from."""
    problems: list[Problem] = field(default_factory=list)
    """What the importer found in the cells: values it could not read with certainty, formulas, stray values."""


def import_workbook(
    workspace: Workspace, path: Path, folder: Path, *, schema: Path, base: Path | None = None
) -> Imported:
    """Read a workbook made by `mall --format xlsx` and turn it into the follow-up YAML (not yet written).

    `schema` is the follow-up schema's file, for the YAML's modeline.
    """
    source = shown(path, base)
    result = Imported(source)
    result.refused = check_workbook_file(path, source)
    if result.refused:
        return result
    try:
        sheet_rows, meta = _read_cells(path)
    except _Refused as refusal:
        result.refused = [code(refusal.code).at(source, 0, 0, refusal.message, refusal.hint)]
        return result
    except Exception:
        result.refused = [
            code("VP401").at(
                source,
                0,
                0,
                "Arbetsboken går inte att läsa; den är skadad eller inte en Excel-arbetsbok.",
                "Öppna den i Excel, spara den som .xlsx och läs in den igen.",
            )
        ]
        return result
    try:
        organ, period_text = _check_meta(workspace, meta, source)
        period = workspace.period(period_text)
        workspace.body(organ, period)
    except _Refused as refusal:
        result.refused = [code(refusal.code).at(source, 0, 0, refusal.message, refusal.hint)]
        return result
    except WorkspaceError as error:
        result.refused = [
            code("VP408").at(
                source,
                0,
                0,
                f"{cell_name('B', 1 + META_KEYS.index('organ'), META_SHEET)}: {error}",
                "Skapa arbetsboken med valdsprogram mall.",
            )
        ]
        return result
    result.cells["organ",] = cell_name("B", 1 + META_KEYS.index("organ"), META_SHEET)
    result.cells["period",] = cell_name("B", 1 + META_KEYS.index("period"), META_SHEET)
    try:
        values = _read_values(workspace, organ, period_text, sheet_rows, result)
    except _Refused as refusal:
        result.refused = [code(refusal.code).at(source, 0, 0, refusal.message, refusal.hint)]
        return result
    form = fill_form(workspace, organ, period, values)
    result.form = form
    result.target = followup_path(folder, form)
    modeline = modeline_path(schema, result.target.parent)
    result.yaml = form_yaml(form, f"valdsprogram importera {Path(source).name}", schema=modeline)
    return result


class _Refused(Exception):
    def __init__(self, code_id: str, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.code, self.message, self.hint = code_id, message, hint


@dataclass(frozen=True, slots=True)
class _Cell:
    value: Any
    number_format: str
    formula: str
    """The formula, when the cell holds one (its value is then the cached result)."""
    error: bool
    """Whether the cell shows an error value such as #DIV/0!."""


def _read_cells(path: Path) -> tuple[dict[int, dict[int, _Cell]], dict[str, str]]:
    """The follow-up sheet's non-empty cells (row → column → cell) and the hidden sheet's keys and values."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=False, keep_links=False, keep_vba=False)
    try:
        if META_SHEET not in book.sheetnames:
            raise _Refused(
                "VP407",
                f"Arbetsboken saknar det dolda bladet {META_SHEET!r}, så den är inte skapad med valdsprogram mall.",
                "Skapa arbetsboken med valdsprogram mall ORGAN PERIOD --format xlsx och för över värdena.",
            )
        if SHEET not in book.sheetnames:
            raise _Refused(
                "VP407",
                f"Arbetsboken saknar bladet {SHEET!r}.",
                "Byt inte namn på bladen; skapa annars en ny arbetsbok med valdsprogram mall.",
            )
        meta: dict[str, str] = {}
        for row in book[META_SHEET].iter_rows(max_row=len(META_KEYS) + 5, max_col=2, values_only=True):
            if row and row[0] is not None:
                meta[str(row[0]).strip()] = "" if len(row) < 2 or row[1] is None else str(row[1]).strip()
        cells = _sheet_cells(book[SHEET])
        formulas = [c for row in cells.values() for c in row.values() if c.formula]
    finally:
        book.close()
    if formulas:
        cached = load_workbook(path, read_only=True, data_only=True, keep_links=False)
        try:
            results = _sheet_cells(cached[SHEET])
        finally:
            cached.close()
        for r, row_cells in cells.items():
            for c, cell in row_cells.items():
                if cell.formula:
                    value = results.get(r, {}).get(c)
                    row_cells[c] = dataclasses.replace(cell, value=value.value if value else None)
    return cells, meta


def _sheet_cells(sheet: Any) -> dict[int, dict[int, _Cell]]:
    cells: dict[int, dict[int, _Cell]] = {}
    for row in sheet.iter_rows(max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS):
        for cell in row:
            value = getattr(cell, "value", None)
            if value is None:
                continue
            number_row = cell.row
            if number_row > MAX_ROWS:
                raise _Refused(
                    "VP405", f"Bladet {SHEET} har fler än {MAX_ROWS} rader; en uppföljning har några tiotal."
                )
            formula = value if cell.data_type == "f" else ""
            if isinstance(formula, str) is False:
                formula = str(getattr(formula, "text", "")) or "formel"
            cells.setdefault(number_row, {})[cell.column] = _Cell(
                value, cell.number_format or "General", str(formula), cell.data_type == "e"
            )
    return cells


def _check_meta(workspace: Workspace, meta: dict[str, str], source: str) -> tuple[str, str]:
    if meta.get("format") != FORMAT_MARK:
        raise _Refused(
            "VP407",
            f"Bladet {META_SHEET!r} säger inte att arbetsboken är en uppföljning från valdsprogram mall.",
            "Skapa arbetsboken med valdsprogram mall ORGAN PERIOD --format xlsx.",
        )
    program_id = workspace.index.program.id
    if meta.get("program") != program_id:
        raise _Refused(
            "VP408",
            f"{cell_name('B', 1 + META_KEYS.index('program'), META_SHEET)}: arbetsboken hör till programmet "
            f"{meta.get('program')!r}, inte {program_id!r}.",
            "Läs in den mot rätt program med --program.",
        )
    return meta.get("organ", ""), meta.get("period", "")


def _read_values(
    workspace: Workspace, organ: str, period_text: str, rows: dict[int, dict[int, _Cell]], result: Imported
) -> FollowUp:
    """The follow-up's values from the sheet's cells; what cannot be read with certainty goes into `result`."""
    reader = _SheetReader(rows, result)
    datum = reader.field(("beslut", "datum"), *_rc(DECISION_DATE_CELL), lambda raw, _: read_date(raw))
    number = reader.field(("beslut", "diarienummer"), *_rc(DECISION_NUMBER_CELL), lambda raw, _: read_text(raw))
    decision = None
    if datum is not None or number is not None:
        decision = Decision.model_construct(datum=cast(Any, datum), diarienummer=cast(Any, number))
    sections: dict[str, dict[str, Any]] = {"aktiviteter": {}, "indikatorer": {}, "mal": {}}
    for row in sorted(r for r in rows if r > reader.header_row):
        found = reader.item(row)
        if found is None:
            continue
        section, ident = found
        if ident in sections[section]:
            reader.problem(
                "VP413",
                (section, ident),
                reader.ref("id", row),
                f"{ident} står på två rader; bara den första läses.",
                "Ta bort den andra raden.",
            )
            continue
        indicator = workspace.index.indicators.get(ident, (None, None))[1] if section == "indikatorer" else None
        unit = indicator.enhet if indicator is not None else "antal"
        report: dict[str, Any] = {}
        for name in _FIELDS[section]:
            column = reader.columns.get(_COLUMN_OF_FIELD.get(name, name))
            if column is None:
                continue
            value = reader.field((section, ident, name), row, column, _reader_of(name, unit))
            if value is not None:
                report[name] = value
        reader.strays(section, ident, row)
        sections[section][ident] = _MODELS[section].model_construct(**report)
    return FollowUp.model_construct(
        organ=organ,
        period=period_text,
        beslut=decision,
        aktiviteter=sections["aktiviteter"],
        indikatorer=sections["indikatorer"],
        mal=sections["mal"],
    )


_MODELS: dict[str, type[ActivityReport] | type[IndicatorReport] | type[GoalReport]] = {
    "aktiviteter": ActivityReport,
    "indikatorer": IndicatorReport,
    "mal": GoalReport,
}


def _reader_of(name: str, unit: str) -> Callable[[object, str], Reading]:
    """How a field's cell is read: raw value and number format → reading."""
    if name == "status":
        return lambda raw, _: read_choice(raw, STATUS_CHOICES, STATUS_ALIASES, "status")
    if name == "bedomning":
        return lambda raw, _: read_choice(raw, ASSESSMENT_CHOICES, ASSESSMENT_ALIASES, "bedömning")
    if name in ("kommentar", "analys"):
        return lambda raw, _: read_text(raw)
    whole = name in ("taljare", "namnare")
    return lambda raw, number_format: read_number(raw, number_format, unit, whole=whole)


class _SheetReader:
    """The follow-up sheet's cells, read field by field, with every problem noted at its cell."""

    def __init__(self, rows: dict[int, dict[int, _Cell]], result: Imported) -> None:
        self.rows = rows
        self.result = result
        self.columns, self.header_row = _header(rows)

    def ref(self, name: str, row: int) -> str:
        from openpyxl.utils import get_column_letter

        return cell_name(get_column_letter(self.columns[name]), row)

    def problem(self, code_id: str, loc: Loc, cell_ref: str, message: str, hint: str = "") -> None:
        self.result.problems.append(Problem(code_id, loc, cell_ref, message, hint))

    def text(self, row: int, name: str) -> str:
        cell = self.rows.get(row, {}).get(self.columns[name])
        return str(cell.value).strip() if cell is not None else ""

    def item(self, row: int) -> tuple[str, str] | None:
        """The row's section and id; None for a section heading or an empty or unreadable row."""
        kind, ident = self.text(row, "typ"), self.text(row, "id")
        if not ident:
            section = next((s for s, title in SECTION_TITLES.items() if title == kind), None)
            if section is not None:
                self.result.cells[(section,)] = cell_name("A", row)
            return None
        section = _SECTIONS.get(kind)
        if section is None:
            self.problem(
                "VP413",
                (),
                self.ref("typ", row),
                f"Raden med id {ident} har typen {kind!r}, som inte finns.",
                "Ändra inte kolumnerna Typ och Id.",
            )
            return None
        self.result.cells[section, ident] = self.ref("id", row)
        return section, ident

    def field(self, loc: Loc, row: int, column: int, read: Callable[[object, str], Reading]) -> object:
        """The value for `loc` from the cell, after the checks every cell gets (error values, formulas)."""
        from openpyxl.utils import get_column_letter

        cell_ref = cell_name(get_column_letter(column), row)
        self.result.cells[loc] = cell_ref
        cell = self.rows.get(row, {}).get(column)
        if cell is None:
            return None
        if cell.error:
            self.problem("VP414", loc, cell_ref, f"Cellen visar felet {cell.value}.", "Skriv värdet i cellen.")
            return None
        if cell.formula:
            if cell.value is None:
                raise _Refused(
                    "VP411",
                    f"{cell_ref}: cellen innehåller en formel ({cell.formula[:40]}) utan sparat värde.",
                    "Öppna och spara arbetsboken i Excel (då räknas formeln ut), eller skriv värdet i cellen.",
                )
            self.problem(
                "VP410",
                loc,
                cell_ref,
                f"Cellen innehåller formeln {cell.formula[:40]}; dess senast uträknade värde används.",
                "Skriv värdet direkt i cellen.",
            )
        reading = read(cell.value, cell.number_format)
        if reading.problem:
            self.problem("VP412", loc, cell_ref, f"Värdet {reading.problem}.", reading.hint)
        return reading.value

    def strays(self, section: str, ident: str, row: int) -> None:
        """Values typed in columns that do not belong to the row's kind are not read; say so."""
        own = {_COLUMN_OF_FIELD.get(f, f) for f in _FIELDS[section]} | {"typ", "id"}
        for name, column in self.columns.items():
            stray = self.rows.get(row, {}).get(column)
            if name in own or stray is None or not str(stray.value).strip():
                continue
            self.problem(
                "VP415",
                (section, ident),
                self.ref(name, row),
                f"Värdet {str(stray.value)[:40]!r} i kolumnen {_header_of(name)} läses inte: "
                f"den hör inte till {_ONE[section]}.",
                "Ta bort värdet, eller skriv det i rätt kolumn.",
            )


def _header_of(name: str) -> str:
    return next(h for h, n in _HEADER_FIELDS.items() if n == name)


def _header(rows: dict[int, dict[int, _Cell]]) -> tuple[dict[str, int], int]:
    """The header row's columns: field → column number."""
    for row in sorted(rows)[:20]:
        found = {
            _HEADER_FIELDS[str(c.value).strip()]: col
            for col, c in rows[row].items()
            if str(c.value).strip() in _HEADER_FIELDS
        }
        if "typ" in found and "id" in found:
            return found, row
    raise _Refused(
        "VP407",
        f"Bladet {SHEET} saknar rubrikraden (Typ, Id, Status …).",
        "Ändra inte rubrikerna; skapa annars en ny arbetsbok med valdsprogram mall.",
    )


def _split(ref: str) -> tuple[str, int]:
    letters = "".join(c for c in ref if c.isalpha())
    return letters, int(ref[len(letters) :])


def _rc(ref: str) -> tuple[int, int]:
    from openpyxl.utils import column_index_from_string

    letters, row = _split(ref)
    return row, column_index_from_string(letters)


def check_imported(
    imported: Imported, program: Path, folder: Path, written: Path, *, base: Path | None = None
) -> list[Diagnostic]:
    """Validate the written follow-up and place every problem, the importer's own included, at its cell and line."""
    assert imported.yaml is not None
    others = [p for p in (followup_files(folder) if folder.is_dir() else []) if p.resolve() != written.resolve()]
    target = shown(written, base)
    found = [d for d in validate(program, [written], context=others, base=base).diagnostics if d.path == target]
    if imported.target is not None and written != imported.target:
        found = [d for d in found if d.code != "VP304"]  # written elsewhere on purpose (-o), not a workbook error
    line_of = {loc: line for line, loc in imported.yaml.lines.items()}
    own_lines: set[int] = set()
    diagnostics: list[Diagnostic] = []
    text_lines = imported.yaml.text.splitlines()
    for problem in imported.problems:
        line = _line(line_of, problem.loc)
        if problem.code in ("VP412", "VP414"):
            own_lines.add(line)
        column = _value_column(text_lines[line - 1]) if line else 0
        diagnostics.append(
            code(problem.code).at(target, line, column, f"{problem.cell}: {problem.message}", problem.hint)
        )
    for d in found:
        if d.line in own_lines:
            continue  # the importer has already said what is wrong with this cell, in spreadsheet terms
        cell = _cell(imported, d.line)
        diagnostics.append(dataclasses.replace(d, message=f"{cell}: {d.message}") if cell else d)
    return sorted_diagnostics(diagnostics)


def _value_column(text: str) -> int:
    """Where the value starts on a `key: value` line (1-based), or where the key starts when it has none."""
    key_end = text.find(":")
    value = text[key_end + 1 :].lstrip(" ")
    if value and not value.startswith("#"):
        return len(text) - len(value) + 1
    return len(text) - len(text.lstrip(" ")) + 1


def _line(line_of: dict[Loc, int], loc: Loc) -> int:
    while loc and loc not in line_of:
        loc = loc[:-1]
    return line_of.get(loc, 0)


def _cell(imported: Imported, line: int) -> str:
    assert imported.yaml is not None
    loc = imported.yaml.lines.get(line)
    while loc:
        if loc in imported.cells:
            return imported.cells[loc]
        loc = loc[:-1]
    return ""
