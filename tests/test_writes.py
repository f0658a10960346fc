"""Commands that only read write nothing, and commands that write never replace a file unasked."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from valdsprogram.cli import app

READ_ONLY = [
    ["validera"],
    ["validera", "--format", "json"],
    ["status"],
    ["status", "--period", "2024-T1"],
    ["visa", "mal", "M1"],
    ["visa", "organ", "sdn-sodermalm"],
    ["visa", "aktivitet", "A1.1", "--format", "json"],
    ["checklista", "sdn-sodermalm"],
    ["rapport", "--period", "2023-VB"],
]


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(ROOT / "program.yaml", tmp_path)
    shutil.copytree(ROOT / "uppfoljning", tmp_path / "uppfoljning")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("args", READ_ONLY, ids=[" ".join(a) for a in READ_ONLY])
def test_reading_commands_write_nothing(copy: Path, args: list[str]) -> None:
    before = snapshot(copy)
    result = CliRunner().invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert snapshot(copy) == before


@pytest.mark.parametrize(
    "args",
    [
        ["mall", "sdn-sodermalm", "2024-T1"],
        ["checklista", "sdn-sodermalm", "-o", "uppfoljning/2024-T1/sdn-sodermalm.yaml"],
        ["rapport", "-o", "program.yaml"],
    ],
)
def test_writing_commands_never_replace_a_file_unasked(copy: Path, args: list[str]) -> None:
    before = snapshot(copy)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert "finns redan och skrivs inte över" in result.output
    assert snapshot(copy) == before
