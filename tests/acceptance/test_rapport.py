"""The city-wide report and the status matrix: trends, changes, masking, refusal on invalid data, exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from reportdata import FOLLOWUPS, write_report_folder
from valdsprogram.cli.app import app
from valdsprogram.model.periods import Period
from valdsprogram.report.build import Report, build_report
from valdsprogram.report.highlights import highlights
from valdsprogram.report.status_changes import Kind, StatusChange
from valdsprogram.workspace import open_workspace


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_report_folder(tmp_path)


def report_of(folder: Path, period: Period) -> Report:
    """The report as `rapport --trots-fel --bara-rapporterande` builds it."""
    workspace = open_workspace(folder / "program.yaml", folder / "uppfoljning")
    return build_report(workspace, period, only_reporting=True, despite_errors=True)


def test_percent_is_weighted_and_counts_summed_and_masked(folder: Path) -> None:
    report = report_of(folder, Period(2024, 2))
    i11, i12 = report.goals[0].indicators[0], report.goals[0].indicators[1]
    assert (i11.value, i11.method, i11.target, i11.met) == ("83,3 %", "vägt medelvärde, 2 organ", "80 %", "helt")
    assert (i12.value, i12.method, i12.target, i12.met) == ("12", "summa, 2 organ", "14", "inte")
    # Mitt's 3 is masked; Syd's 9 too, or the published 12 would give the 3 away.
    assert [(b.outcome, b.met, b.masked) for b in i12.bodies] == [("maskerat", "maskerat", True)] * 2


def test_trend_compares_the_same_kind_of_period_and_the_year_so_far_separately(folder: Path) -> None:
    i12 = report_of(folder, Period(2024, 2)).goals[0].indicators[1]
    assert [(p.period, p.value, p.bodies) for p in i12.trend] == [
        ("2023-VB", "maskerat", ["sdn-syd"]),  # 2 alone is a small count
        ("2024-VB", "12", ["sdn-mitt", "sdn-syd"]),
    ]
    assert [(p.period, p.value) for p in i12.within_year] == [
        ("2024-T1", "maskerat"),
        ("2024-T2", "7"),
        ("2024-VB", "12"),
    ]
    assert [p.number for p in i12.within_year] == [None, 7.0, 12.0]  # masked values are not charted
    assert i12.within_label == "hittills i år"
    # Only Syd reported both years, and its 2023 value is small: the comparison is masked, not computed over others.
    assert i12.comparison is not None
    assert (i12.comparison.masked, i12.comparison.groups, i12.comparison.left_out) == (
        True,
        {"sdn-syd": ["sdn-syd"]},
        ["Mitts stadsdelsnämnd"],
    )


def test_changes_forward_backward_and_standing_still(folder: Path) -> None:
    report = report_of(folder, Period(2024, 2))
    listed = {c.key: [(x.body_name, x.activity, x.text) for x in c.changes] for c in report.changes}
    assert listed == {
        "nya_forseningar": [],
        "framat": [("Mitts stadsdelsnämnd", "A1.1", "pågående → genomförd")],
        "bakat": [("Mitts stadsdelsnämnd", "A1.2", "pågående → ej påbörjad")],
        "ny_omgang": [],
        "avslutade": [],
    }
    assert [(c.body_name, c.activity, c.text) for c in report.standstill] == [
        ("Syds stadsdelsnämnd", "A1.1", "pågående 4 i 4 rapporter i rad")
    ]


def test_coverage_counts_and_missing_reports(folder: Path) -> None:
    report = report_of(folder, Period(2024, 0))
    assert (report.reported, report.expected, report.missing) == (["sdn-syd"], ["sdn-syd", "sdn-mitt"], ["sdn-mitt"])
    everyone = build_report(open_workspace(folder / "program.yaml", folder / "uppfoljning"), Period(2024, 0))
    assert (len(everyone.reported), len(everyone.expected)) == (1, 4)


def test_a_tertial_judges_counts_on_the_forecast_and_never_on_the_year_so_far(folder: Path) -> None:
    t2 = folder / "uppfoljning" / "2024-T2"
    (t2 / "sdn-syd.yaml").write_text(FOLLOWUPS["2024-T2/sdn-syd.yaml"].replace("utfall: 6,", "utfall: 6, prognos: 11,"))
    i12 = report_of(folder, Period(2024, 1)).goals[0].indicators[0]
    assert i12.id == "I1.2"
    # Mitt gave no forecast: the city-wide target is not judged, and 7 so far is never held against 14.
    assert (i12.basis, i12.met, i12.basis_text) == (
        "ej bedömd",
        None,
        "ej bedömd: prognos saknas från Mitts stadsdelsnämnd",
    )
    assert i12.value_label == "hittills i år (januari–augusti)"
    assert [(b.body_name, b.met) for b in i12.bodies] == [
        ("Mitts stadsdelsnämnd", "maskerat"),
        ("Syds stadsdelsnämnd", "maskerat"),
    ]
    (t2 / "sdn-mitt.yaml").write_text(
        FOLLOWUPS["2024-T2/sdn-mitt.yaml"].replace("utfall: 1,", "utfall: 1, prognos: 3,")
    )
    i12 = report_of(folder, Period(2024, 1)).goals[0].indicators[0]
    assert (i12.basis, i12.met, i12.forecast, i12.basis_text) == ("prognos", "helt", "14", "prognos för helåret")


def test_a_masked_value_appears_in_no_format(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Syd 151 and Mitt 3: the total 154 is published, and neither part anywhere, in any format."""
    (folder / "uppfoljning" / "2024-VB" / "sdn-syd.yaml").write_text(
        FOLLOWUPS["2024-VB/sdn-syd.yaml"].replace("utfall: 9, arsmal: 10", "utfall: 151, arsmal: 150"), encoding="utf-8"
    )
    (folder / "uppfoljning" / "2024-VB" / "sdn-mitt.yaml").write_text(
        FOLLOWUPS["2024-VB/sdn-mitt.yaml"].replace("utfall: 3, arsmal: 4", "utfall: 3, arsmal: 4, kommentar: Tre."),
        encoding="utf-8",
    )
    monkeypatch.chdir(folder)
    for fmt in ("md", "html", "json"):
        output = CliRunner().invoke(app, ["rapport", "--period", "2024-VB", "-f", fmt, "--bara-rapporterande"]).output
        assert "154" in output, fmt
        assert "151" not in output, fmt
        assert "Tre." not in output, fmt  # the comment on a masked value could repeat it


def test_json_report_fits_its_schema_and_masks_with_null(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from valdsprogram.output.report_json import Rapport

    monkeypatch.chdir(folder)
    output = CliRunner().invoke(app, ["rapport", "--period", "2024-VB", "-f", "json", "--bara-rapporterande"]).output
    document = Rapport.model_validate_json(output)
    i12 = next(i for i in document.indikatorer if i.id == "I1.2")
    assert [(b.organ, b.utfall, b.maskerad) for b in i12.per_organ] == [
        ("sdn-mitt", None, True),
        ("sdn-syd", None, True),
    ]
    assert (i12.utfall, i12.maskerad, i12.underlag, i12.uppnas) == (12, False, "utfall", "inte")
    assert document.organ.rapporterade == ["sdn-syd", "sdn-mitt"]


def test_a_report_with_errors_is_its_own_state_and_out_of_every_number(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "uppfoljning" / "2024-VB" / "sdn-mitt.yaml").write_text(
        FOLLOWUPS["2024-VB/sdn-mitt.yaml"].replace("utfall: 90", "utfall: 190"), encoding="utf-8"
    )
    monkeypatch.chdir(folder)
    status = CliRunner().invoke(app, ["status", "--period", "2024-VB", "--bara-rapporterande"])
    assert status.exit_code == 1
    assert "2024-VB: 1 rapport har fel: Mitts stadsdelsnämnd (se valdsprogram validera)." in status.output
    assert "│ Mitts stadsdelsnämnd │   fel   │" in status.output
    refused = CliRunner().invoke(app, ["rapport", "--period", "2024-VB"])
    assert "2 fel och 1 varning i 7 filer." in refused.output  # as validera says it: every file, warnings too
    forced = CliRunner().invoke(app, ["rapport", "--period", "2024-VB", "--trots-fel", "--bara-rapporterande"])
    assert "- **Rapporterat:** 1 av 2 organ har rapporterat utan fel (50 %)." in forced.output
    assert "- **Rapporter med fel** (ingår inte i någon siffra; rätta dem och sammanställ igen): Mitts" in forced.output
    assert "Mitts stadsdelsnämnd: " not in forced.output
    report = report_of(folder, Period(2024, 2))
    assert (report.reported, report.with_errors, report.missing) == (["sdn-syd"], ["sdn-mitt"], [])
    assert report.goals[0].indicators[1].value == "9"  # Syd alone: Mitt's numbers are in no total


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
    assert "> **Varning:** Uppföljningarna har 1 fel" in forced.output


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


def test_status_exits_1_on_a_missing_report_and_on_one_with_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(ROOT / "program.yaml", tmp_path)
    shutil.copytree(ROOT / "uppfoljning", tmp_path / "uppfoljning")
    monkeypatch.chdir(tmp_path)
    missing = CliRunner().invoke(app, ["status", "--period", "2024-T1", "--bara-rapporterande"])
    assert missing.exit_code == 1
    assert "2024-T1: 1 rapport saknas: AB Svenska Bostäder." in missing.output
    (tmp_path / "uppfoljning" / "2024-T1" / "sdn-sodermalm.yaml").write_text("organ: [\n", encoding="utf-8")
    broken = CliRunner().invoke(app, ["status", "--period", "2024-T1", "--bara-rapporterande"])
    assert broken.exit_code == 1
    said = " ".join(broken.output.split())
    assert "2024-T1: 1 rapport har fel: Södermalms stadsdelsnämnd (se valdsprogram validera)." in said
    (tmp_path / "uppfoljning" / "2024-T1" / "sdn-sodermalm.yaml").write_bytes(
        (ROOT / "uppfoljning" / "2024-T1" / "sdn-sodermalm.yaml").read_bytes()
    )
    assert CliRunner().invoke(app, ["mall", "ab-svenska-bostader", "2024-T1"]).exit_code == 0
    started = CliRunner().invoke(app, ["status", "--period", "2024-T1", "--bara-rapporterande"])
    assert started.exit_code == 1  # a fresh template is not filled in yet: reported, with errors
    assert "2024-T1: 1 rapport har fel: AB Svenska Bostäder" in " ".join(started.output.split())
    assert "saknas:" not in started.output


@pytest.mark.parametrize("period", ["2023-VB", "2024-T1"])
def test_the_example_reports_json_fits_the_committed_schema(period: str) -> None:
    import json

    from jsonschema import Draft202012Validator

    from valdsprogram.output.report_json import report_json_text

    workspace = open_workspace(ROOT / "program.yaml", ROOT / "uppfoljning")
    document = json.loads(
        report_json_text(build_report(workspace, Period.parse(period) or Period(0, 0), only_reporting=True))
    )
    schema = json.loads((ROOT / "schema" / "rapport.schema.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(document)) == []
    masked = [b for i in document["indikatorer"] for b in i["per_organ"] if b["maskerad"]]
    assert masked
    assert all(b["utfall"] is None and b["prognos"] is None and b["uppnas"] is None for b in masked)


def test_a_sensitive_count_reported_out_of_its_period_is_not_shown(folder: Path) -> None:
    program = (folder / "program.yaml").read_text(encoding="utf-8")
    program = program.replace(
        "text: Antal utbildningar, enhet: antal,", "text: Antal utbildningar, kanslig: true, enhet: antal,"
    )
    (folder / "program.yaml").write_text(program, encoding="utf-8")
    (folder / "uppfoljning" / "2024-T1" / "socialnamnden.yaml").write_text(
        "organ: socialnamnden\nperiod: 2024-T1\naktiviteter: {A1.1: {status: pågående}, A2.1: {status: pågående}}\n"
        "indikatorer: {I2.1: {utfall: 2, arsmal: 10, kommentar: Två utbildningar.}}\n",
        encoding="utf-8",
    )
    report = report_of(folder, Period(2024, 0))
    appendix = next(a for a in report.appendix if a.body_id == "socialnamnden")
    assert appendix.indicators == [("I2.1", "maskerat", "maskerat", "10", "(visas inte: värdet är maskerat)")]


def test_a_misplaced_file_with_errors_is_out_of_the_totals_under_the_body_it_names(folder: Path) -> None:
    # Syd's 2024-VB report saved under Norr's name: the path is wrong (VP304), so its numbers count for nobody.
    (folder / "uppfoljning" / "2024-VB" / "sdn-syd.yaml").rename(folder / "uppfoljning" / "2024-VB" / "sdn-norr.yaml")
    report = report_of(folder, Period(2024, 2))
    assert "sdn-syd" in report.with_errors
    assert "sdn-syd" not in report.reported
    i12 = report.goals[0].indicators[1]
    assert (i12.masked, i12.number, i12.method) == (True, None, "summa, 1 organ")  # Mitt's 3 alone, masked


def test_new_delays_are_given_per_activity_in_the_programs_order() -> None:
    """'I korthet' names each delayed activity once, with the bodies that delayed it (A4.10 after A4.9)."""

    def delay(body: str, activity: str) -> StatusChange:
        return StatusChange(body.lower(), body, activity, "pågående", "försenad", Kind.NEW_DELAY, new_year=False)

    delays = [delay("Bromma", "A4.10"), delay("Kista", "A1.2"), delay("Kista", "A4.9"), delay("Solna", "A4.10")]
    facts = highlights(reported=3, expected=3, goals=[], indicators=[], new_delays=delays, missing=[], with_errors=[])
    assert facts.delays_by_activity == [("A1.2", ["Kista"]), ("A4.9", ["Kista"]), ("A4.10", ["Bromma", "Solna"])]
