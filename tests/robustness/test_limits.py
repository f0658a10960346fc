"""The documented bounds on input (README "Robusthet"): each refused early, in Swedish, with exit 2 or a finding.

The limits are lowered here so that the tests stay small; `python bench/hazards.py --skala` measures the real
ones with time and peak memory.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import TESTS
from valdsprogram import sources
from valdsprogram.cli.app import app
from valdsprogram.yaml import reader as yamlfile
from valdsprogram.yaml.reader import MAX_NODES, parse_yaml

PROGRAM = TESTS / "data" / "program.yaml"
FOLLOWUP = "organ: sdn-syd\nperiod: 2024-T1\naktiviteter:\n  A1.1: {status: pågående}\n"


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(PROGRAM, tmp_path / "program.yaml")
    for i in range(4):
        target = tmp_path / "uppfoljning" / f"kopia-{i}" / "2024-T1" / "sdn-syd.yaml"
        target.parent.mkdir(parents=True)
        target.write_text(FOLLOWUP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_file_with_too_many_keys_and_values_is_refused_where_the_limit_is_passed() -> None:
    raw = b"kommentarer: [" + b"1, " * MAX_NODES + b"1]\n"
    doc = parse_yaml(raw, "f.yaml")
    [diagnostic] = doc.diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("VP002", 1, 15 + 3 * (MAX_NODES - 3))
    assert diagnostic.message == "Filen har fler än 100\u00a0000 nycklar och värden; gränsen är 100\u00a0000."
    assert not doc.ok


def test_a_file_at_the_limit_is_read() -> None:
    raw = b"k: [" + b"1, " * (MAX_NODES - 4) + b"1]\n"  # the root mapping, the key, the list and its items
    assert parse_yaml(raw, "f.yaml").diagnostics == []


@pytest.mark.parametrize("command", ["validera", "status", "rapport", "checklista sdn-syd"])
def test_a_folder_with_too_many_files_is_refused_before_any_is_read(
    command: str, work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "MAX_FILES", 3)
    result = CliRunner().invoke(app, command.split())
    assert result.exit_code == 2
    assert result.stderr == (
        "valdsprogram: uppfoljning innehåller fler än 3 YAML-filer, vilket är gränsen. Kontrollera att det är "
        "rätt mapp (staden har ett par hundra uppföljningar om året); gränsen hävs med miljövariabeln "
        "VALDSPROGRAM_GRANSER=av, och då kan körningen ta minuter och gigabyte.\n"
    )


@pytest.mark.parametrize("command", ["validera", "validera uppfoljning", "status", "checklista sdn-syd"])
def test_the_folder_bounds_are_lifted_on_purpose(command: str, work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "MAX_FILES", 3)
    monkeypatch.setattr(sources, "MAX_TOTAL_BYTES", 10)
    monkeypatch.setenv("VALDSPROGRAM_GRANSER", "av")
    result = CliRunner().invoke(app, command.split())
    assert result.exit_code in (0, 1), result.output  # the four copies are read (and are duplicates)
    assert "gränsen" not in result.output


def test_a_folder_with_too_many_bytes_is_refused_before_any_is_read(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "MAX_TOTAL_BYTES", 3 * len(FOLLOWUP.encode()))
    result = CliRunner().invoke(app, ["validera"])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "valdsprogram: YAML-filerna i uppfoljning är 0,0 MiB tillsammans; gränsen är 0 MiB."
    )
    monkeypatch.setattr(sources, "MAX_TOTAL_BYTES", 4 * len(FOLLOWUP.encode()))
    assert CliRunner().invoke(app, ["validera"]).exit_code == 1  # read: the copies are duplicates (VP318)


def test_mall_refuses_a_file_larger_than_validera_reads_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each indicator takes one line in the program but several, with explanations, in the template.
    indicators = "".join(
        f"      - {{id: I2.{n}, text: Mät, enhet: antal, periodicitet: tertial, riktning: hogre_ar_battre, "
        "ansvariga: [alla], kalla: Test}\n"
        for n in range(2, 40)
    )
    (tmp_path / "program.yaml").write_text(PROGRAM.read_text(encoding="utf-8") + indicators, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    size = (tmp_path / "program.yaml").stat().st_size
    monkeypatch.setattr(yamlfile, "MAX_BYTES", size + 100)
    result = CliRunner().invoke(app, ["mall", "sdn-syd", "2024-T1"])
    assert result.exit_code == 2, result.output
    assert "men validera läser högst 0 MiB per fil" in result.stderr
    assert "Inget skrevs." in result.stderr
    assert not (tmp_path / "uppfoljning").exists() or not any((tmp_path / "uppfoljning").rglob("*.yaml"))
