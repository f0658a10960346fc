"""Commands that only read write nothing, and commands that write never replace a file unasked."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from valdsprogram.cli.app import app

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


@pytest.mark.parametrize("args", READ_ONLY, ids=[" ".join(a) for a in READ_ONLY])
def test_reading_commands_write_nothing(repo_copy: Path, args: list[str]) -> None:
    before = snapshot(repo_copy)
    result = CliRunner().invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert snapshot(repo_copy) == before


@pytest.mark.parametrize(
    "args",
    [
        ["mall", "sdn-sodermalm", "2024-T1"],
        ["checklista", "sdn-sodermalm", "-o", "uppfoljning/2024-T1/sdn-sodermalm.yaml"],
        ["rapport", "-o", "program.yaml"],
    ],
)
def test_writing_commands_never_replace_a_file_unasked(repo_copy: Path, args: list[str]) -> None:
    before = snapshot(repo_copy)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert "finns redan och skrivs inte över" in result.output
    assert snapshot(repo_copy) == before
