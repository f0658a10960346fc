"""The raw cells of a follow-up workbook, read with openpyxl in read-only mode: values, number formats, formulas.

Each text is measured as soon as openpyxl hands it over, before it is stripped, copied or quoted: one longer than
`MAX_CELL_CHARACTERS`, Excel's own limit, cannot come from Excel, and is refused at its cell (a cell of 45 million
characters took 22 s and 1.9 GB, and printed a 45 MB message line).
"""

from __future__ import annotations

import contextlib
import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from valdsprogram.errors import ValdsprogramError
from valdsprogram.forms.xlsx.layout import (
    MAX_COLUMNS,
    MAX_ROWS,
    META_KEYS,
    META_SHEET,
    SHEET,
    cell_name,
)
from valdsprogram.text import shorten

MAX_CELL_CHARACTERS = 32_767
"""The most characters a cell may hold: Excel's own limit, so that no workbook saved by Excel is refused."""

EMITS = ("VP405", "VP407")
"""The codes this module gives, each in the catalogue (tests/test_rule_codes.py holds them to it)."""


class Refused(ValdsprogramError):
    """The workbook is refused before any value is read (code, Swedish message and hint); `importera` exits 1."""

    exit_code = 1

    def __init__(self, code_id: str, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.code, self.message, self.hint = code_id, message, hint


@dataclass(frozen=True, slots=True)
class SheetCell:
    value: Any
    number_format: str
    formula: str
    """The formula, when the cell holds one (its value is then the cached result)."""
    error: bool
    """Whether the cell shows an error value such as #DIV/0!."""


def read_cells(path: Path) -> tuple[dict[int, dict[int, SheetCell]], dict[str, str]]:
    """The follow-up sheet's non-empty cells (row → column → cell) and the hidden sheet's keys and values."""
    from openpyxl import load_workbook

    # The file is opened here, not by openpyxl, so that it is closed however the read ends: openpyxl 3.1.2 leaves a
    # sheet's part (and so the file) open when a refused cell stops the rows' generator.
    handle = path.open("rb")
    try:
        book = load_workbook(handle, read_only=True, data_only=False, keep_links=False, keep_vba=False)
    except BaseException:
        handle.close()
        raise
    try:
        if META_SHEET not in book.sheetnames:
            raise Refused(
                "VP407",
                f"Arbetsboken saknar det dolda bladet {META_SHEET!r}, så den är inte skapad med valdsprogram mall.",
                "Skapa arbetsboken med valdsprogram mall ORGAN PERIOD --format xlsx och för över värdena.",
            )
        if SHEET not in book.sheetnames:
            raise Refused(
                "VP407",
                f"Arbetsboken saknar bladet {SHEET!r}.",
                "Byt inte namn på bladen; skapa annars en ny arbetsbok med valdsprogram mall.",
            )
        meta: dict[str, str] = {}
        # Closed at once when a cell is refused: the generator holds the sheet's part open.
        with contextlib.closing(
            book[META_SHEET].iter_rows(max_row=len(META_KEYS) + 5, max_col=2, values_only=True)
        ) as rows:
            for number, row in enumerate(rows, start=1):
                for letter, entry in zip("AB", row, strict=False):
                    _check_length(entry, cell_name(letter, number, META_SHEET))
                if row and row[0] is not None:
                    meta[str(row[0]).strip()] = "" if len(row) < 2 or row[1] is None else str(row[1]).strip()
        cells = _sheet_cells(book[SHEET])
        formulas = [c for row in cells.values() for c in row.values() if c.formula]
    finally:
        book.close()
        handle.close()
    if formulas:
        with path.open("rb") as again:
            cached = load_workbook(again, read_only=True, data_only=True, keep_links=False)
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


def _sheet_cells(sheet: Any) -> dict[int, dict[int, SheetCell]]:
    cells: dict[int, dict[int, SheetCell]] = {}
    with contextlib.closing(sheet.iter_rows(max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS)) as rows:
        for row in rows:
            _read_row(row, sheet.title, cells)
    return cells


def _read_row(row: Any, title: str, cells: dict[int, dict[int, SheetCell]]) -> None:
    for cell in row:
        value = getattr(cell, "value", None)
        if value is None:
            continue
        number_row = cell.row
        _check_length(value, f"{title}!{cell.coordinate}")
        if number_row > MAX_ROWS:
            raise Refused("VP405", f"Bladet {SHEET} har fler än {MAX_ROWS} rader; en uppföljning har några tiotal.")
        formula = value if cell.data_type == "f" else ""
        if isinstance(formula, str) is False:
            formula = str(getattr(formula, "text", "")) or "formel"
        cells.setdefault(number_row, {})[cell.column] = SheetCell(
            value, cell.number_format or "General", str(formula), cell.data_type == "e"
        )


def _check_length(value: object, where: str) -> None:
    """Refuse a text longer than a cell may be, naming the cell and quoting at most 80 characters of it."""
    if isinstance(value, str) and len(value) > MAX_CELL_CHARACTERS:
        length = f"{len(value):,}".replace(",", "\u00a0")
        raise Refused(
            "VP405",
            f"{where}: cellen har {length} tecken ({shorten(value, 80)!r}); en cell får ha högst "
            f"32\u00a0767 tecken, som i Excel.",
            "Korta texten i cellen, eller skapa en ny arbetsbok med valdsprogram mall och för över värdena.",
        )
