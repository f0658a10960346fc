"""The follow-up sheet's cells read as the follow-up's values, with what could not be read noted at its cell."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from valdsprogram.forms.form import Loc
from valdsprogram.forms.xlsx.cells import Refused, SheetCell
from valdsprogram.forms.xlsx.layout import (
    ASSESSMENT_CHOICES,
    DECISION_DATE_CELL,
    DECISION_NUMBER_CELL,
    KINDS,
    SECTION_TITLES,
    SHEET,
    STATUS_CHOICES,
    cell_name,
)
from valdsprogram.forms.xlsx.values import (
    ASSESSMENT_ALIASES,
    STATUS_ALIASES,
    Reading,
    read_acknowledgements,
    read_choice,
    read_date,
    read_number,
    read_text,
)
from valdsprogram.model.followup import ActivityReport, Decision, FollowUp, GoalReport, IndicatorReport
from valdsprogram.workspace import Workspace

EMITS = ("VP407", "VP410", "VP411", "VP412", "VP413", "VP414", "VP415")
"""The codes this module gives, each in the catalogue (tests/test_rule_codes.py holds them to it)."""

_SECTIONS = {title: section for section, title in KINDS.items()}
_FIELDS = {
    "aktiviteter": ("status", "kommentar", "kvittera"),
    "indikatorer": ("utfall", "prognos", "arsmal", "taljare", "namnare", "kommentar", "kvittera"),
    "mal": ("bedomning", "analys", "kvittera"),
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
    "Kvittera": "kvittera",
}


@dataclass(frozen=True, slots=True)
class CellProblem:
    """Something the importer itself found in a cell."""

    code: str
    loc: Loc
    """The field the cell fills, so the problem can be placed on its YAML line."""
    cell: str
    message: str
    hint: str = ""


def read_values(
    workspace: Workspace,
    organ: str,
    period_text: str,
    rows: dict[int, dict[int, SheetCell]],
    cells: dict[Loc, str],
    problems: list[CellProblem],
) -> FollowUp:
    """The follow-up's values from the sheet's cells.

    `cells` gets the cell each field was read from; `problems` what could not be read with certainty.
    """
    reader = _SheetReader(rows, cells, problems)
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
    if name == "kvittera":
        return lambda raw, _: read_acknowledgements(raw)
    whole = name in ("taljare", "namnare")
    return lambda raw, number_format: read_number(raw, number_format, unit, whole=whole)


class _SheetReader:
    """The follow-up sheet's cells, read field by field, with every problem noted at its cell."""

    def __init__(
        self, rows: dict[int, dict[int, SheetCell]], cells: dict[Loc, str], problems: list[CellProblem]
    ) -> None:
        self.rows = rows
        self.cells = cells
        self.problems = problems
        self.columns, self.header_row = _header(rows)

    def ref(self, name: str, row: int) -> str:
        from openpyxl.utils import get_column_letter

        return cell_name(get_column_letter(self.columns[name]), row)

    def problem(self, code_id: str, loc: Loc, cell_ref: str, message: str, hint: str = "") -> None:
        self.problems.append(CellProblem(code_id, loc, cell_ref, message, hint))

    def text(self, row: int, name: str) -> str:
        cell = self.rows.get(row, {}).get(self.columns[name])
        return str(cell.value).strip() if cell is not None else ""

    def item(self, row: int) -> tuple[str, str] | None:
        """The row's section and id; None for a section heading or an empty or unreadable row."""
        kind, ident = self.text(row, "typ"), self.text(row, "id")
        if not ident:
            section = next((s for s, title in SECTION_TITLES.items() if title == kind), None)
            if section is not None:
                self.cells[(section,)] = cell_name("A", row)
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
        self.cells[section, ident] = self.ref("id", row)
        return section, ident

    def field(self, loc: Loc, row: int, column: int, read: Callable[[object, str], Reading]) -> object:
        """The value for `loc` from the cell, after the checks every cell gets (error values, formulas)."""
        from openpyxl.utils import get_column_letter

        cell_ref = cell_name(get_column_letter(column), row)
        self.cells[loc] = cell_ref
        cell = self.rows.get(row, {}).get(column)
        if cell is None:
            return None
        if cell.error:
            self.problem("VP414", loc, cell_ref, f"Cellen visar felet {cell.value}.", "Skriv värdet i cellen.")
            return None
        if cell.formula:
            if cell.value is None:
                raise Refused(
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


def _header(rows: dict[int, dict[int, SheetCell]]) -> tuple[dict[str, int], int]:
    """The header row's columns: field → column number."""
    for row in sorted(rows)[:20]:
        found = {
            _HEADER_FIELDS[str(c.value).strip()]: col
            for col, c in rows[row].items()
            if str(c.value).strip() in _HEADER_FIELDS
        }
        if "typ" in found and "id" in found:
            return found, row
    raise Refused(
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
