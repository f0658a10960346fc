"""The checks on a workbook file before it is opened, at their limits: its size, its number of parts, how far one
part unpacks, and the file types that may hold macros."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from valdsprogram.forms.xlsx.guard import MAX_FILE_BYTES, MAX_PARTS, check_workbook_file

NOT_XLSX = ("VP401", "Filen är ingen Excel-arbetsbok (.xlsx).")
MIB = 1_048_576


def refused(path: Path) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in check_workbook_file(path, path.name)]


@pytest.mark.parametrize(
    ("size", "found"),
    [
        (MAX_FILE_BYTES - 1, [NOT_XLSX]),
        (MAX_FILE_BYTES, [NOT_XLSX]),  # at the limit: opened (and found to be no workbook)
        (MAX_FILE_BYTES + 1, [("VP405", "Filen är 10 MiB; en uppföljning i Excel är några tiotal kB.")]),
    ],
)
def test_a_file_over_10_mib_is_refused_unopened(tmp_path: Path, size: int, found: list[tuple[str, str]]) -> None:
    path = tmp_path / "bok.xlsx"
    with path.open("wb") as handle:
        handle.truncate(size)  # sparse: no 10 MiB written
    assert refused(path) == found


def archive(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, content in parts.items():
            book.writestr(name, content)
    return path


@pytest.mark.parametrize(
    ("count", "found"),
    [
        (MAX_PARTS, []),
        (MAX_PARTS + 1, [("VP405", f"Arbetsboken består av {MAX_PARTS + 1} delar; en uppföljning har ett tjugotal.")]),
    ],
)
def test_at_most_500_parts(tmp_path: Path, count: int, found: list[tuple[str, str]]) -> None:
    path = archive(tmp_path / "bok.xlsx", {f"xl/del{i}.bin": b"x" for i in range(count)})
    assert refused(path) == found


@pytest.mark.parametrize(
    ("size", "found"),
    [
        (MIB, []),  # 1 MiB of zeros packs to almost nothing, and is still allowed
        (MIB + 1, [("VP405", "Delen xl/nollor.bin blir orimligt stor uppackad (en så kallad zip-bomb).")]),
    ],
)
def test_a_part_that_unpacks_far_past_its_size_is_a_zip_bomb_from_1_mib(
    tmp_path: Path, size: int, found: list[tuple[str, str]]
) -> None:
    path = archive(tmp_path / "bok.xlsx", {"xl/nollor.bin": bytes(size)})
    assert refused(path) == found


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("bok.xlsx", []),
        ("bok.XLSX", []),
        ("bok.xlsm", [("VP403", "Arbetsboken kan innehålla makron (filtypen är .xlsm).")]),
        ("bok.XLSM", [("VP403", "Arbetsboken kan innehålla makron (filtypen är .XLSM).")]),
        ("bok.xltm", [("VP403", "Arbetsboken kan innehålla makron (filtypen är .xltm).")]),
        ("bok.xlsb", [("VP403", "Arbetsboken kan innehålla makron (filtypen är .xlsb).")]),
    ],
)
def test_file_types_that_may_hold_macros_are_refused_by_name(
    tmp_path: Path, name: str, found: list[tuple[str, str]]
) -> None:
    path = archive(tmp_path / name, {"xl/workbook.xml": b"<workbook/>"})
    assert refused(path) == found
