"""A coordinator's verdict that no body's assessment supports: flagged beside it in the report, a warning in
`validera`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from valdsprogram.cli.app import app

FLAG = "Obs: bedömningen saknar stöd i organens rapporter: inget organ har bedömt målet."


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("uppfoljning", "sammanstallning"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "program.yaml", tmp_path)
    # The shipped compilation's M5 verdict rests on Södermalm's assessment alone; without it no body has assessed M5.
    followup = tmp_path / "uppfoljning" / "2024-T1" / "sdn-sodermalm.yaml"
    text = followup.read_text(encoding="utf-8")
    assessment = "  M5:  # Våldsutsatta vuxna och barn medverkar i brottsutredningar\n    bedomning: helt\n"
    assert assessment in text
    followup.write_text(text.replace(assessment, ""), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_report_flags_the_verdict_no_body_supports(shipped: Path) -> None:
    markdown = CliRunner().invoke(app, ["rapport", "--period", "2024-T1"]).stdout
    verdicts = [line for line in markdown.splitlines() if line.startswith("**Stadens bedömning")]
    # M5 is then in no body's report for 2024-T1, yet the compilation says it is met in full.
    assert [line.endswith(f"*{FLAG}*") for line in verdicts] == [False] * 4 + [True] + [False] * 2
    html = CliRunner().invoke(app, ["rapport", "--period", "2024-T1", "-f", "html"]).stdout
    assert html.count(f'<em class="utan-stod">{FLAG}</em>') == 1


def test_helt_without_any_body_saying_helt_is_flagged(shipped: Path) -> None:
    path = shipped / "sammanstallning" / "2024-T1.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("M1: {bedomning: delvis,", "M1: {bedomning: helt,"), encoding="utf-8")
    markdown = CliRunner().invoke(app, ["rapport", "--period", "2024-T1"]).stdout
    assert (
        "uppfylls helt. *Obs: bedömningen saknar stöd i organens rapporter: inget organ bedömer att målet uppfylls "
        "helt.*"
    ) in markdown
    checked = CliRunner().invoke(app, ["validera"])
    assert checked.exit_code == 0  # a warning
    assert (
        "sammanstallning/2024-T1.yaml:9:19: VP508 varning: Staden bedömer att M1 uppfylls helt, men inget organ "
        "bedömer att målet uppfylls helt i 2024-T1." in checked.stdout
    )
    assert "sammanstallning/2024-T1.yaml:13:19: VP508 varning: Staden bedömer att M5 uppfylls helt" in checked.stdout


def test_a_compilation_checked_alone_is_not_judged_on_no_follow_ups(shipped: Path) -> None:
    alone = CliRunner().invoke(app, ["validera", "sammanstallning/2024-T1.yaml"])
    assert (alone.exit_code, "VP508" in alone.stdout) == (0, False)
