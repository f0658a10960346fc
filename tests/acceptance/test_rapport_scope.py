"""A period's report depends only on what it reads: errors in later periods and other compilations neither stop
it nor put a warning on it, and the command line names them beside it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from valdsprogram.cli.app import app
from valdsprogram.model.periods import Period
from valdsprogram.report.scope import error_scope
from valdsprogram.workspace import open_workspace

NOTE = (
    "valdsprogram: obs: uppföljningarna har fel i perioder som rapporten för 2024-T1 inte läser: 4 fel i 2024-T2 "
    "(se valdsprogram validera). Rapporten påverkas inte av dem.\n"
)


@pytest.fixture
def city(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped data with a fresh, unfilled form for 2024-T2 (as `mall` writes it: 4 errors until filled)."""
    for name in ("uppfoljning", "sammanstallning"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "program.yaml", tmp_path)
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(app, ["mall", "sdn-sodermalm", "2024-T2"]).exit_code == 0
    return tmp_path


def test_an_unfinished_later_form_does_not_stop_or_mark_the_report_of_a_clean_period(city: Path) -> None:
    result = CliRunner().invoke(app, ["rapport", "--period", "2024-T1", "--bara-rapporterande"])
    assert result.exit_code == 0
    assert result.stderr == NOTE
    assert "Varning" not in result.stdout
    assert result.stdout.startswith("# Uppföljning av ")
    json = CliRunner().invoke(app, ["rapport", "--period", "2024-T1", "-f", "json"])
    assert (json.exit_code, json.stderr) == (0, NOTE)


def test_with_trots_fel_the_clean_period_carries_no_banner(city: Path) -> None:
    forced = CliRunner().invoke(app, ["rapport", "--period", "2024-T1", "--trots-fel", "--bara-rapporterande"])
    clean = CliRunner().invoke(app, ["rapport", "--period", "2024-T1", "--bara-rapporterande"])
    assert forced.exit_code == 0
    assert forced.stdout == clean.stdout


def test_the_period_with_the_errors_is_still_refused(city: Path) -> None:
    refused = CliRunner().invoke(app, ["rapport", "--period", "2024-T2"])
    assert refused.exit_code == 1
    assert "ange --trots-fel" in refused.stderr


def test_an_error_in_an_earlier_period_the_report_reads_still_stops_it(city: Path) -> None:
    (city / "uppfoljning" / "2024-T2" / "sdn-sodermalm.yaml").unlink()
    earlier = city / "uppfoljning" / "2023-T2" / "sdn-sodermalm.yaml"
    earlier.write_text(earlier.read_text(encoding="utf-8").replace("utfall: 261", "utfall: -261"), encoding="utf-8")
    refused = CliRunner().invoke(app, ["rapport", "--period", "2024-T1", "--bara-rapporterande"])
    assert refused.exit_code == 1
    assert "VP309" in refused.stderr


def test_only_the_periods_own_compilation_is_read(city: Path) -> None:
    (city / "sammanstallning" / "2023-VB.yaml").write_text("period: [\n", encoding="utf-8")
    workspace = open_workspace(city / "program.yaml", city / "uppfoljning", base=city)
    here, last_year = error_scope(workspace, Period(2024, 0)), error_scope(workspace, Period(2023, 2))
    assert (here.concerning, here.elsewhere) == ([], {"2023-VB": 1, "2024-T2": 4})
    assert [d.path for d in last_year.concerning] == ["sammanstallning/2023-VB.yaml"]
    assert last_year.elsewhere == {"2024-T2": 4}


def test_a_misplaced_follow_up_counts_by_the_period_it_names_too(city: Path) -> None:
    form = city / "uppfoljning" / "2024-T2" / "sdn-sodermalm.yaml"
    form.write_text(form.read_text(encoding="utf-8").replace("period: 2024-T2", "period: 2024-T1"), encoding="utf-8")
    workspace = open_workspace(city / "program.yaml", city / "uppfoljning", base=city)
    scope = error_scope(workspace, Period(2024, 0))
    assert scope.elsewhere == {}
    assert {d.path for d in scope.concerning} == {"uppfoljning/2024-T2/sdn-sodermalm.yaml"}
