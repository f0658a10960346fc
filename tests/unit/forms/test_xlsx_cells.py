"""The raw cells of a workbook at their edges: empty cells, formulas with and without a saved value, error values,
number formats, the hidden sheet's keys, and the last row and column that are read."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from valdsprogram.forms.xlsx.cells import MAX_CELL_CHARACTERS, Refused, SheetCell, read_cells
from valdsprogram.forms.xlsx.layout import MAX_COLUMNS, MAX_ROWS, META_SHEET, SHEET


def workbook(path: Path, cells: dict[str, str | int | float], formats: dict[str, str] | None = None) -> Path:
    """A workbook with the follow-up sheet holding `cells` and a hidden sheet with two keys."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    for ref, value in cells.items():
        sheet[ref] = value
    for ref, number_format in (formats or {}).items():
        sheet[ref].number_format = number_format
    meta = book.create_sheet(META_SHEET)
    meta.append(["format", "valdsprogram-uppföljning 1"])
    meta.append([" program ", "  testprogram "])
    meta.append(["organ", None])
    meta.append([None, "ingen nyckel"])
    book.save(path)
    return path


def with_cached(path: Path, formula: bytes, value: bytes) -> Path:
    """The workbook as Excel saves it: the formula with its computed value."""
    target = path.with_name("excel-" + path.name)
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            part = old.read(name)
            if name == "xl/worksheets/sheet1.xml":
                part = part.replace(b"<f>" + formula + b"</f><v />", b"<f>" + formula + b"</f><v>" + value + b"</v>")
            new.writestr(name, part)
    return target


def test_only_cells_with_a_value_are_read_with_their_format(tmp_path: Path) -> None:
    path = workbook(tmp_path / "bok.xlsx", {"A1": 3, "B1": 0.62, "C2": "text", "D2": ""}, {"B1": "0%"})
    cells, meta = read_cells(path)
    assert cells == {
        1: {1: SheetCell(3, "General", "", False), 2: SheetCell(0.62, "0%", "", False)},
        2: {3: SheetCell("text", "General", "", False)},
    }
    assert meta == {"format": "valdsprogram-uppföljning 1", "program": "testprogram", "organ": ""}


def test_a_formula_without_a_saved_value_reads_as_no_value(tmp_path: Path) -> None:
    cells, _ = read_cells(workbook(tmp_path / "bok.xlsx", {"A1": 3, "B1": "=A1*2"}))
    assert cells[1][2] == SheetCell(None, "General", "=A1*2", False)


def test_a_formula_with_a_saved_value_reads_as_that_value(tmp_path: Path) -> None:
    path = with_cached(workbook(tmp_path / "bok.xlsx", {"A1": 3, "B1": "=A1*2"}, {"B1": "0%"}), b"A1*2", b"6")
    cells, _ = read_cells(path)
    assert cells[1] == {1: SheetCell(3, "General", "", False), 2: SheetCell(6, "0%", "=A1*2", False)}


def test_an_error_value_is_marked(tmp_path: Path) -> None:
    cells, _ = read_cells(workbook(tmp_path / "bok.xlsx", {"A1": "#DIV/0!", "A2": "#N/A"}))
    assert cells == {1: {1: SheetCell("#DIV/0!", "General", "", True)}, 2: {1: SheetCell("#N/A", "General", "", True)}}


def test_the_last_row_is_read_and_the_next_refused(tmp_path: Path) -> None:
    cells, _ = read_cells(workbook(tmp_path / "bok.xlsx", {f"A{MAX_ROWS}": "x"}))
    assert list(cells) == [MAX_ROWS]
    with pytest.raises(Refused) as refused:
        read_cells(workbook(tmp_path / "stor.xlsx", {f"A{MAX_ROWS + 1}": "x"}))
    assert (refused.value.code, refused.value.message) == (
        "VP405",
        f"Bladet {SHEET} har fler än {MAX_ROWS} rader; en uppföljning har några tiotal.",
    )


def test_columns_past_the_last_are_not_read(tmp_path: Path) -> None:
    last, beyond = get_column_letter(MAX_COLUMNS), get_column_letter(MAX_COLUMNS + 1)
    path = workbook(tmp_path / "bok.xlsx", {f"{last}1": "sista", f"{beyond}1": "bortom"})
    cells, _ = read_cells(path)
    assert cells == {1: {MAX_COLUMNS: SheetCell("sista", "General", "", False)}}


@pytest.mark.parametrize("removed", [META_SHEET, SHEET])
def test_a_workbook_without_either_sheet_is_refused(tmp_path: Path, removed: str) -> None:
    path = workbook(tmp_path / "bok.xlsx", {"A1": 1})
    book = openpyxl.load_workbook(path)
    if removed == SHEET:
        book.create_sheet("Annat", 0)
    del book[removed]
    book.save(path)
    with pytest.raises(Refused) as refused:
        read_cells(path)
    assert refused.value.code == "VP407"


def _long_cell(path: Path, sheet: str, ref: str, length: int) -> Path:
    """The workbook with one cell of `length` characters, written into its XML (openpyxl will not write one over
    Excel's limit)."""
    cells: dict[str, str | int | float] = {ref: "PLATS"} if sheet == SHEET else {}
    book = workbook(path.with_name("kort-" + path.name), cells)
    if sheet == META_SHEET:  # the hidden sheet's B3 ("organ") is empty in `workbook`: give it the placeholder
        loaded = openpyxl.load_workbook(book)
        loaded[META_SHEET]["B3"] = "PLATS"
        loaded.save(book)
    text = ("Lång text med ord " * (length // 18 + 1))[:length].encode()
    with zipfile.ZipFile(book) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            part = old.read(name)
            new.writestr(name, part.replace(b">PLATS<", b">" + text + b"<"))
    return path


@pytest.mark.parametrize(("sheet", "ref"), [(SHEET, "C7"), (META_SHEET, "B3")])
def test_a_cell_at_excels_limit_is_read_and_one_past_it_refused_at_its_cell(
    tmp_path: Path, sheet: str, ref: str
) -> None:
    cells, meta = read_cells(_long_cell(tmp_path / "gräns.xlsx", sheet, ref, MAX_CELL_CHARACTERS))
    assert len(cells[7][3].value if sheet == SHEET else meta["organ"]) == MAX_CELL_CHARACTERS
    with pytest.raises(Refused) as refused:
        read_cells(_long_cell(tmp_path / "lång.xlsx", sheet, ref, 45_000_000))
    assert refused.value.code == "VP405"
    assert refused.value.message == (
        f"{sheet}!{ref}: cellen har 45\u00a0000\u00a0000 tecken ('{('Lång text med ord ' * 5)[:79].rstrip()}…'); "
        "en cell får ha högst 32\u00a0767 tecken, som i Excel."
    )
