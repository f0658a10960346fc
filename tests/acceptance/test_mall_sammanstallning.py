"""Socialnämnden's compilation file: `mall sammanstallning` writes one that asks only to be filled in, `validera`
finds it beside uppfoljning/, and the report shows it, or says that it is missing."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from runner import run


@pytest.fixture
def repo_copy(repo_copy: Path) -> Path:
    """The shared copy, with the schemas that mall's modeline points at."""
    shutil.copytree(ROOT / "schema", repo_copy / "schema")
    return repo_copy


def test_a_fresh_compilation_asks_for_the_summary_and_each_goal_and_filled_in_is_clean(repo_copy: Path) -> None:
    assert run("mall", "sammanstallning", "2023-VB")[0] == 0
    path = repo_copy / "sammanstallning" / "2023-VB.yaml"
    code, output = run("validera")
    assert code == 0
    found = re.findall(r"^sammanstallning/2023-VB\.yaml:(\d+):\d+: (VP\d+)", output, re.MULTILINE)
    assert [c for _, c in found] == ["VP504"] + ["VP505"] * 7
    text = path.read_text(encoding="utf-8")
    text = text.replace("sammanfattning:  #", "sammanfattning: Ett år av framsteg.  #")
    text = text.replace("    bedomning:\n    analys:\n", "    bedomning: delvis\n    analys: Inte överallt.\n")
    path.write_text(text, encoding="utf-8")
    code, output = run("validera", "--strikt")  # the examples' one warning is acknowledged, and shown
    assert (code, output.splitlines()[-1]) == (0, "Inga fel i 18 filer. 1 varning är kvitterad."), output


def test_mall_never_overwrites_a_compilation(repo_copy: Path) -> None:
    assert run("mall", "sammanstallning", "2024-T1")[0] == 0
    path = repo_copy / "sammanstallning" / "2024-T1.yaml"
    path.write_text("period: 2024-T1\nsammanfattning: Mitt arbete.\n", encoding="utf-8")
    code, _ = run("mall", "sammanstallning", "2024-T1")
    assert code == 1
    assert "Mitt arbete." in path.read_text(encoding="utf-8")


def test_validera_reports_a_broken_compilation_at_its_line(repo_copy: Path) -> None:
    folder = repo_copy / "sammanstallning"
    folder.mkdir()
    (folder / "2023-VB.yaml").write_text(
        "period: 2023-VB\nsammanfattning: Text.\nmal:\n  M1: {bedomning: inte}\n", encoding="utf-8"
    )
    code, output = run("validera")
    assert code == 1
    assert "sammanstallning/2023-VB.yaml:4:19: VP506 fel: M1 bedöms uppfyllas inte men analys saknas." in output


def test_the_report_shows_the_compilation_or_says_it_is_missing(repo_copy: Path) -> None:
    shutil.copytree(ROOT / "sammanstallning", repo_copy / "sammanstallning")
    code, with_it = run("rapport", "--period", "2023-VB")
    assert code == 0
    assert "Stadens arbete enligt programmet har under 2023 kommit längst i skolan" in with_it
    assert "**Stadens bedömning:** uppfylls inte." in with_it  # M6
    assert "Beslut: 2024-03-19, SN 2024/0215." in with_it
    shutil.rmtree(repo_copy / "sammanstallning")
    code, without = run("rapport", "--period", "2023-VB")
    assert code == 0
    assert "Socialnämndens sammanfattning och analys saknas" in without
    assert without.count("Stadens bedömning och analys saknas.") == 7


def test_a_compilation_with_errors_stops_the_report_like_a_follow_up(repo_copy: Path) -> None:
    folder = repo_copy / "sammanstallning"
    folder.mkdir()
    (folder / "2023-VB.yaml").write_text("period: 2023-VB\nmal: {M1: {bedomning: inte}}\n", encoding="utf-8")
    code, output = run("rapport", "--period", "2023-VB")
    assert code == 1
    assert "VP506" in output
