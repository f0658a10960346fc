"""`importera` at its edges: a workbook whose hidden sheet has a blank cell is refused, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from valdsprogram.cli.app import app
from valdsprogram.forms.xlsx.layout import FIRST_ROW, HEADER_ROW, META_SHEET, SHEET
from valdsprogram.yaml.reader import read_yaml


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


PROGRAM_CELL = "VP408 fel: Om arbetsboken!B2: arbetsboken hör till programmet '', inte 'stockholm-vald-2021-2025'."


@pytest.mark.parametrize(
    ("cell", "value", "found"),
    [
        ("B2", None, PROGRAM_CELL),  # the program cell blank
        ("B2", "  ", PROGRAM_CELL),
        (
            "B1",
            None,
            "VP407 fel: Bladet 'Om arbetsboken' säger inte att arbetsboken är en uppföljning från valdsprogram mall.",
        ),
        ("B4", None, "VP408 fel: Om arbetsboken!B4: Organet '' finns inte i programmet."),
        (
            "B5",
            None,
            "VP408 fel: Om arbetsboken!B5: '' är ingen period. Skriv år, bindestreck och T1, T2 eller VB, till exempel "
            "2024-T2.",
        ),
    ],
)
def test_a_blank_cell_on_the_hidden_sheet_is_refused(repo_copy: Path, cell: str, value: str | None, found: str) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["mall", "sdn-sodermalm", "2024-VB", "--format", "xlsx", "-o", "bok.xlsx"]).exit_code == 0
    book = openpyxl.load_workbook(repo_copy / "bok.xlsx")
    book[META_SHEET][cell] = value
    book.save(repo_copy / "bok.xlsx")
    before = files(repo_copy / "uppfoljning")
    result = runner.invoke(app, ["importera", "bok.xlsx"])
    assert (result.exit_code, result.stdout.splitlines()[0]) == (1, f"bok.xlsx: {found}")
    assert result.stderr.endswith("inget skrevs.\n")
    assert files(repo_copy / "uppfoljning") == before


def type_into(path: Path, changes: dict[tuple[str, str], tuple[float, str]]) -> None:
    """Type values into the follow-up sheet: (id, header) → (value, number format)."""
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET]
    headers = {str(c.value): c.column for c in sheet[HEADER_ROW] if c.value}
    rows = {str(sheet.cell(r, headers["Id"]).value): r for r in range(FIRST_ROW, sheet.max_row + 1)}
    for (ident, header), (value, number_format) in changes.items():
        cell = sheet.cell(rows[ident], headers[header])
        cell.value = value
        cell.number_format = number_format
    book.save(path)


def test_counts_in_cells_formatted_as_percentages_are_read_as_counts(repo_copy: Path) -> None:
    """Täljare and nämnare are counts: a cell formatted 0 % shows 5 as 500 %, but 5 is what was typed."""
    runner = CliRunner()
    assert runner.invoke(app, ["mall", "sdn-sodermalm", "2024-VB", "--format", "xlsx", "-o", "bok.xlsx"]).exit_code == 0
    type_into(
        repo_copy / "bok.xlsx",
        {
            ("I5.2", "Utfall"): (0.5, "0%"),  # a share in Excel's own percent: 50 %
            ("I5.2", "Täljare"): (5, "0%"),
            ("I5.2", "Nämnare"): (10, "0.0%"),
        },
    )
    runner.invoke(app, ["importera", "bok.xlsx"])
    written = read_yaml(repo_copy / "uppfoljning" / "2024-VB" / "sdn-sodermalm.yaml").data
    assert isinstance(written, dict)
    assert written["indikatorer"]["I5.2"] == {
        "utfall": 50,
        "arsmal": 90,
        "taljare": 5,
        "namnare": 10,
        "kommentar": None,
    }
