"""`rapport --format csv|xlsx` and `status --format csv`: read back with Python's csv module and openpyxl."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from valdsprogram.cli.app import app
from valdsprogram.model.units import swedish
from valdsprogram.output.tables import CHANGE_COLUMNS, ONE_TABLE_COLUMNS, STATUS_COLUMNS
from valdsprogram.yaml.reader import read_yaml

PERIODS = ["2023-T1", "2023-T2", "2023-VB", "2024-T1"]


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def report_json(period: str) -> dict[str, object]:
    document = json.loads(run("rapport", "--period", period, "--format", "json"))
    assert isinstance(document, dict)
    return document


def per_body(document: dict[str, object]) -> dict[tuple[str, str], dict[str, object]]:
    indicators = document["indikatorer"]
    assert isinstance(indicators, list)
    return {(i["id"], b["organ"]): b for i in indicators for b in i["per_organ"]}


def csv_rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff"), "Swedish Excel needs the byte-order mark to read UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def shown(value: object) -> str:
    return "" if value is None else swedish(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("period", PERIODS)
def test_report_csv_is_one_tidy_table_with_the_reports_values(repo_copy: Path, period: str) -> None:
    text = run("rapport", "--period", period, "--format", "csv")
    assert text.splitlines()[0] == "\ufeff" + ";".join(ONE_TABLE_COLUMNS)
    rows = csv_rows(text)
    expected = per_body(report_json(period))
    indicators = {(r["id"], r["organ"]): r for r in rows if r["typ"] == "indikator"}
    assert set(indicators) == set(expected)
    for key, body in expected.items():
        row = indicators[key]
        assert (row["utfall"], row["prognos"], row["arsmal"]) == tuple(
            shown(body[k]) for k in ("utfall", "prognos", "arsmal")
        ), key
        assert row["maskerad"] == ("ja" if body["maskerad"] else "nej")
        assert row["period"] == period
    assert {r["typ"] for r in rows} == {"indikator", "aktivitet", "mål", "organ"}
    # Every expected body is there, the missing and the erroneous too, as the report's JSON says.
    status = report_json(period)["organ"]["status"]  # type: ignore[index]
    organ_rows = [(r["organ"], r["organ_namn"], r["status"]) for r in rows if r["typ"] == "organ"]
    assert organ_rows == [(b["organ"], b["namn"], b["status"]) for b in status]
    assert {r["lydelse"] for r in rows} == {
        "i lydelsen från 2024-01-01 (utkast)" if period > "2024" else "i ursprunglig lydelse"
    }


@pytest.mark.parametrize("period", PERIODS)
def test_no_masked_value_is_in_any_export(repo_copy: Path, period: str) -> None:
    masked = [key for key, body in per_body(report_json(period)).items() if body["maskerad"]]
    if period != "2023-T2":
        assert masked, "the example data has masked counts in this period"
    files = {f"uppfoljning/{period}/{organ}.yaml": organ for _, organ in masked}
    raw = {}
    for path, organ in files.items():
        data = read_yaml(repo_copy / path).data
        assert isinstance(data, dict)
        for ident, values in data["indikatorer"].items():
            raw[ident, organ] = values
    csv_by_key = {(r["id"], r["organ"]): r for r in csv_rows(run("rapport", "--period", period, "--format", "csv"))}
    run("rapport", "--period", period, "--format", "xlsx", "-o", f"{period}.xlsx")
    sheet = openpyxl.load_workbook(f"{period}.xlsx")["Indikatorer"]
    header = [c.value for c in sheet[1]]
    xlsx_by_key = {
        (r[header.index("indikator")], r[header.index("organ")]): dict(zip(header, r, strict=True))
        for r in sheet.iter_rows(min_row=2, values_only=True)
    }
    for key in masked:
        secret = raw[key]
        for row in (csv_by_key[key], xlsx_by_key[key]):
            assert row["utfall"] in ("", None), key
            assert row["prognos"] in ("", None), key
            assert row["maskerad"] == "ja"
            published = {str(v) for v in row.values()}
            for name in ("utfall", "prognos", "taljare", "namnare"):
                if secret.get(name) is not None:
                    assert str(secret[name]) not in published - {str(row["arsmal"])}, (key, name)


@pytest.mark.parametrize("period", PERIODS)
def test_report_workbook_has_tidy_sheets_with_the_reports_values(repo_copy: Path, period: str) -> None:
    run("rapport", "--period", period, "--format", "xlsx", "-o", "a.xlsx")
    run("rapport", "--period", period, "--format", "xlsx", "-o", "b.xlsx")
    assert Path("a.xlsx").read_bytes() == Path("b.xlsx").read_bytes()
    book = openpyxl.load_workbook("a.xlsx")
    assert book.sheetnames == [
        *("Om rapporten", "Status", "Indikatorer", "Indikatorer staden", "Aktiviteter", "Målbedömningar"),
    ]
    document = report_json(period)
    status = [tuple(r) for r in book["Status"].iter_rows(min_row=2, values_only=True)]
    assert status == [(period, b["organ"], b["namn"], b["status"]) for b in document["organ"]["status"]]  # type: ignore[index]
    about = {r[0]: r[1] for r in book["Om rapporten"].iter_rows(min_row=2, values_only=True)}
    assert (about["period"], about["utkast"], about["revision_datum"]) == (period, "ja", document["revision"])
    sheet = book["Indikatorer"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)]
    expected = per_body(document)
    assert {(r["indikator"], r["organ"]) for r in rows} == set(expected)
    for r in rows:
        body = expected[str(r["indikator"]), str(r["organ"])]
        for name in ("utfall", "prognos", "arsmal"):
            value = body[name]
            assert r[name] == (("ja" if value else "nej") if isinstance(value, bool) else value), (r, name)
    city = book["Indikatorer staden"]
    assert city.max_row - 1 == len(document["indikatorer"])  # type: ignore[arg-type]
    assert book["Aktiviteter"].max_row > 1


def test_status_csv_has_a_row_per_body_and_period(repo_copy: Path) -> None:
    data = json.loads(run("status", "--format", "json"))
    rows = csv_rows(run("status", "--format", "csv"))
    assert list(rows[0]) == [*STATUS_COLUMNS, *CHANGE_COLUMNS]  # the change columns, empty outside git
    assert [(r["organ"], r["period"], r["status"]) for r in rows] == [
        (b["id"], p, s) for b in data["organ"] for p, s in b["status"].items()
    ]


def test_text_that_starts_like_a_formula_is_written_as_text(repo_copy: Path) -> None:
    path = repo_copy / "uppfoljning" / "2024-T1" / "sdn-sodermalm.yaml"
    text = path.read_text(encoding="utf-8")
    attacks = ['=HYPERLINK("http://example.org","klicka")', "+1+1", "-2+3", "@SUM(1)"]
    for number, attack in enumerate(attacks):
        old = text.split("    kommentar: ", number + 2)[number + 1].split("\n", 1)[0]
        text = text.replace(f"    kommentar: {old}", f"    kommentar: {json.dumps(attack)}", 1)
    path.write_text(text, encoding="utf-8")
    comments = [r["kommentar"] for r in csv_rows(run("rapport", "--format", "csv"))]
    for attack in attacks:
        assert "'" + attack in comments
        assert attack not in comments
    run("rapport", "--format", "xlsx", "-o", "r.xlsx")
    cells = [c for row in openpyxl.load_workbook("r.xlsx")["Aktiviteter"].iter_rows() for c in row]
    found = {c.value: c for c in cells if c.value in attacks}
    assert set(found) == set(attacks)
    assert all(c.data_type == "s" for c in found.values())


def test_every_format_names_the_bodies_with_errors_and_the_missing(repo_copy: Path) -> None:
    (repo_copy / "uppfoljning" / "2024-T1" / "sdn-sodermalm.yaml").write_text("organ: [\n", encoding="utf-8")
    options = ("rapport", "--period", "2024-T1", "--trots-fel")
    document = json.loads(run(*options, "--format", "json"))
    states = {b["organ"]: b["status"] for b in document["organ"]["status"]}
    assert (states["sdn-sodermalm"], states["sdn-norra-innerstaden"], states["sdn-jarva"]) == (
        *("med fel", "rapporterad", "saknas"),
    )
    rows = csv_rows(run(*options, "--format", "csv"))
    assert [(r["organ"], r["status"]) for r in rows if r["typ"] == "organ"] == list(states.items())
    run(*options, "--format", "xlsx", "-o", "fel.xlsx")
    book = openpyxl.load_workbook("fel.xlsx")
    assert [(r[1], r[3]) for r in book["Status"].iter_rows(min_row=2, values_only=True)] == list(states.items())
    about = {r[0]: r[1] for r in book["Om rapporten"].iter_rows(min_row=2, values_only=True)}
    assert (about["med_fel"], about["saknas"], about["rapporterade"]) == (1, 41, 2)
    assert str(about["varning"]).startswith("Uppföljningarna har 1 fel")


def test_json_carries_the_draft_flag_and_the_revision_in_force(repo_copy: Path) -> None:
    before, after = (
        json.loads(run("rapport", "--period", "2023-VB", "-f", "json")),
        json.loads(run("rapport", "--period", "2024-T1", "-f", "json")),
    )
    assert (before["revision_i_kraft"], before["utkast"]) == (None, True)
    assert after["revision_i_kraft"] == {
        "datum": "2024-01-01",
        "beslut": "Exempel, inget verkligt beslut (diarienummer saknas)",
        "andringar": [
            "I3.2: från 2024 mäter äldrenämnden andelen för hela staden; stadsdelsnämnderna rapporterar den inte "
            "längre."
        ],
        "utkast": True,
    }
    assert "I3.3" in after["utkast_i_rapporten"]
    assert all(i["utkast"] for i in after["indikatorer"])
    assert after["anmarkning"].startswith("Titeln, visionen")
