"""The city-wide report and the status matrix: trends, changes, masking, refusal on invalid data, exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, TESTS
from valdsprogram.cli import app
from valdsprogram.periods import Period
from valdsprogram.report import Report, build_report
from valdsprogram.workspace import open_workspace

FOLLOWUPS = {
    "2023-VB/sdn-syd.yaml": """organ: sdn-syd
period: 2023-VB
aktiviteter: {A1.1: {status: pågående}, A1.2: {status: genomförd}}
indikatorer: {I1.1: {utfall: 70, arsmal: 80}, I1.2: {utfall: 2, arsmal: 10}}
mal: {M1: {bedomning: delvis, analys: Nästan.}}
""",
    "2024-T1/sdn-syd.yaml": """organ: sdn-syd
period: 2024-T1
aktiviteter: {A1.1: {status: pågående}, A1.2: {status: genomförd}}
indikatorer: {I1.2: {utfall: 3, arsmal: 10}}
""",
    "2024-T2/sdn-syd.yaml": """organ: sdn-syd
period: 2024-T2
aktiviteter: {A1.1: {status: pågående}, A1.2: {status: genomförd}}
indikatorer: {I1.2: {utfall: 6, arsmal: 10}}
""",
    "2024-VB/sdn-syd.yaml": """organ: sdn-syd
period: 2024-VB
aktiviteter: {A1.1: {status: pågående}, A1.2: {status: genomförd}}
indikatorer: {I1.1: {utfall: 50, arsmal: 80, taljare: 1, namnare: 2}, I1.2: {utfall: 9, arsmal: 10}}
mal: {M1: {bedomning: delvis, analys: "Se <script>alert(1)</script> | tabell"}}
""",
    "2024-VB/sdn-mitt.yaml": """organ: sdn-mitt
period: 2024-VB
aktiviteter: {A1.1: {status: genomförd}, A1.2: {status: ej påbörjad, kommentar: Personalbrist.}}
indikatorer: {I1.1: {utfall: 90, arsmal: 80, taljare: 9, namnare: 10}, I1.2: {utfall: 3, arsmal: 4}}
mal: {M1: {bedomning: helt}}
""",
    "2024-T2/sdn-mitt.yaml": """organ: sdn-mitt
period: 2024-T2
aktiviteter: {A1.1: {status: pågående}, A1.2: {status: pågående}}
indikatorer: {I1.2: {utfall: 1, arsmal: 4}}
""",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    program = (TESTS / "data" / "program.yaml").read_text(encoding="utf-8")
    # Make I1.2 a sensitive count, so small numbers are masked.
    program = program.replace("text: Antal ärenden, enhet: antal,", "text: Antal ärenden, kanslig: true, enhet: antal,")
    (tmp_path / "program.yaml").write_text(program, encoding="utf-8")
    for name, text in FOLLOWUPS.items():
        path = tmp_path / "uppfoljning" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def report_of(folder: Path, period: Period) -> Report:
    return build_report(open_workspace(folder / "program.yaml", folder / "uppfoljning"), period, only_reporting=True)


def test_percent_is_weighted_and_counts_summed_and_masked(folder: Path) -> None:
    report = report_of(folder, Period(2024, 2))
    i11, i12 = report.goals[0].indicators[0], report.goals[0].indicators[1]
    assert (i11.value, i11.method, i11.target, i11.met) == ("83,3 %", "vägt medelvärde, 2 organ", "80 %", "helt")
    assert (i12.value, i12.method, i12.target, i12.met) == ("12", "summa, 2 organ", "14", "inte")
    assert [b.outcome for b in i12.bodies] == ["färre än 5", "9"]  # Mitt's 3 is masked, Syd's 9 is not


def test_trend_covers_earlier_years_and_earlier_periods_this_year(folder: Path) -> None:
    i12 = report_of(folder, Period(2024, 2)).goals[0].indicators[1]
    assert [(p.period, p.value) for p in i12.trend] == [
        ("2023-VB", "färre än 5"),
        ("2024-T1", "färre än 5"),
        ("2024-T2", "7"),
        ("2024-VB", "12"),
    ]
    assert [p.number for p in i12.trend] == [None, None, 7.0, 12.0]  # masked values are not charted


def test_changes_forward_backward_and_standing_still(folder: Path) -> None:
    report = report_of(folder, Period(2024, 2))
    assert [(c.body, c.activity, c.text) for c in report.forward] == [
        ("Mitts stadsdelsnämnd", "A1.1", "pågående → genomförd")
    ]
    assert [(c.body, c.activity, c.text) for c in report.backward] == [
        ("Mitts stadsdelsnämnd", "A1.2", "pågående → ej påbörjad")
    ]
    assert [(c.body, c.activity, c.text) for c in report.stuck] == [
        ("Syds stadsdelsnämnd", "A1.1", "pågående i 4 rapporter i rad")
    ]


def test_coverage_counts_and_missing_reports(folder: Path) -> None:
    report = report_of(folder, Period(2024, 0))
    assert (report.reported, report.expected, report.missing) == (1, 2, ["Mitts stadsdelsnämnd"])
    everyone = build_report(open_workspace(folder / "program.yaml", folder / "uppfoljning"), Period(2024, 0))
    assert (everyone.reported, everyone.expected) == (1, 4)


def test_user_text_is_escaped_in_html_and_tables_stay_intact_in_markdown(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder)
    html = CliRunner().invoke(app, ["rapport", "--period", "2024-VB", "-f", "html"]).output
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    markdown = CliRunner().invoke(app, ["rapport", "--period", "2024-VB"]).output
    row = next(line for line in markdown.splitlines() if line.startswith("| Syds stadsdelsnämnd | delvis"))
    assert row.endswith("\\<script\\>alert(1)\\</script\\> \\| tabell |")


def test_report_refuses_invalid_data_unless_told(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (folder / "uppfoljning" / "2024-VB" / "sdn-syd.yaml").write_text(
        FOLLOWUPS["2024-VB/sdn-syd.yaml"].replace("utfall: 9", "utfall: -9"), encoding="utf-8"
    )
    monkeypatch.chdir(folder)
    refused = CliRunner().invoke(app, ["rapport", "--period", "2024-VB"])
    assert refused.exit_code == 1
    assert "VP309" in refused.output
    assert "ange --trots-fel" in refused.output
    forced = CliRunner().invoke(app, ["rapport", "--period", "2024-VB", "--trots-fel"])
    assert forced.exit_code == 0
    assert "> **Varning:** Rapporten bygger på data med 1 fel" in forced.output


def test_report_is_deterministic_and_dated_only_when_asked(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder)
    first = CliRunner().invoke(app, ["rapport", "-f", "html"]).output
    assert first == CliRunner().invoke(app, ["rapport", "-f", "html"]).output
    dated = CliRunner().invoke(app, ["rapport", "--datum", "2025-02-14"]).output
    assert "sammanställd 2025-02-14" in dated
    assert "sammanställd" not in CliRunner().invoke(app, ["rapport"]).output
    bad = CliRunner().invoke(app, ["rapport", "--datum", "i fredags"])
    assert bad.exit_code == 2
    assert "--datum 'i fredags' är inget datum" in bad.output


def test_status_exits_1_on_the_example_datas_missing_report_and_0_once_added(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(ROOT / "program.yaml", tmp_path)
    shutil.copytree(ROOT / "uppfoljning", tmp_path / "uppfoljning")
    monkeypatch.chdir(tmp_path)
    missing = CliRunner().invoke(app, ["status", "--period", "2024-T1", "--bara-rapporterande"])
    assert missing.exit_code == 1
    assert "2024-T1: 1 rapport saknas: AB Svenska Bostäder." in missing.output
    assert CliRunner().invoke(app, ["mall", "ab-svenska-bostader", "2024-T1"]).exit_code == 0
    added = CliRunner().invoke(app, ["status", "--period", "2024-T1", "--bara-rapporterande"])
    assert added.exit_code == 0
    assert "2024-T1: inga rapporter saknas." in added.output
