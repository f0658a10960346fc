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


def test_the_written_path_is_shown_with_its_control_characters_escaped(repo_copy: Path) -> None:
    result = CliRunner().invoke(app, ["rapport", "-o", "rapport\x1b]0;titel\x07\u202e.md"])
    assert (result.exit_code, result.output) == (0, "Skrev rapport\\x1b]0;titel\\x07\\u202e.md.\n")


@pytest.mark.parametrize(
    "args",
    [
        ["rapport", "-o", "ut/mapp/"],
        ["checklista", "sdn-sodermalm", "-o", "ut/mapp/"],
        ["mall", "sdn-sodermalm", "2024-T2", "-o", "ut/mapp/"],
        ["importera", "bok.xlsx", "-o", "ut/mapp/"],
    ],
    ids=lambda args: args[0],
)
def test_an_output_ending_in_a_separator_is_a_folder_not_a_file(repo_copy: Path, args: list[str]) -> None:
    (repo_copy / "bok.xlsx").write_bytes(b"")
    before = snapshot(repo_copy)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "ut/mapp/ slutar på / och är en mapp; ange ett filnamn." in result.stderr
    assert snapshot(repo_copy) == before
    assert not (repo_copy / "ut").exists()


def test_checklists_for_every_body_are_all_written_or_none(repo_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A disk that fills up at the fifth checklist leaves none of them, and no temporary file either."""
    import errno
    import os

    synced = 0
    real_fsync = os.fsync

    def fill_up(fd: int) -> None:
        nonlocal synced
        synced += 1
        if synced == 5:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fill_up)
    result = CliRunner().invoke(app, ["checklista", "--alla", "--period", "2024-T1"])
    assert result.exit_code == 2, result.output
    assert "Kunde inte skriva checklistor/" in result.stderr
    assert "Disken är full" in result.stderr or "utrymme" in result.stderr, result.stderr
    assert list((repo_copy / "checklistor").iterdir()) == []
    monkeypatch.setattr(os, "fsync", real_fsync)
    result = CliRunner().invoke(app, ["checklista", "--alla", "--period", "2024-T1"])
    assert result.exit_code == 0
    assert len(list((repo_copy / "checklistor").iterdir())) == 44
