"""Acknowledged warnings (`kvittera`): not counted by --strikt, shown with their reason in every validation
format, and quoted in the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from runner import run

DATA = Path(__file__).parents[1] / "data"
REASON = "Årsmålet höjdes genom nämndens beslut 2024-03-20."

T1 = """\
organ: sdn-syd
period: 2024-T1
aktiviteter: {A1.1: {status: pågående}, A1.2: {status: pågående}}
indikatorer: {I1.2: {utfall: 4, arsmal: 10}}
"""
T2 = f"""\
organ: sdn-syd
period: 2024-T2
aktiviteter: {{A1.1: {{status: pågående}}, A1.2: {{status: pågående}}}}
indikatorer:
  I1.2:
    utfall: 9
    arsmal: 12
    kvittera: {{VP314: "{REASON}"}}
"""


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "program.yaml").write_text((DATA / "program.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    for period, text in (("2024-T1", T1), ("2024-T2", T2)):
        target = tmp_path / "uppfoljning" / period / "sdn-syd.yaml"
        target.parent.mkdir(parents=True)
        target.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_an_acknowledged_warning_passes_strict_and_is_shown_with_its_reason(workdir: Path) -> None:
    assert run("validera", "--strikt") == (
        0,
        "uppfoljning/2024-T2/sdn-syd.yaml:7:13: VP314 varning (kvitterad): Årsmålet för I1.2 är 12 men var 10 i"
        " 2024-T1.\n"
        f"    kvitterad: {REASON}\n"
        "Inga fel i 3 filer. 1 varning är kvitterad.\n",
    )


def test_without_the_acknowledgement_strict_fails(workdir: Path) -> None:
    path = workdir / "uppfoljning" / "2024-T2" / "sdn-syd.yaml"
    path.write_text(T2.replace(f'    kvittera: {{VP314: "{REASON}"}}\n', ""), encoding="utf-8")
    code, output = run("validera", "--strikt")
    assert code == 1
    assert output.splitlines()[-1] == "0 fel och 1 varning i 3 filer."


def test_json_github_and_gitlab_say_acknowledged(workdir: Path) -> None:
    document = json.loads(run("validera", "--format", "json")[1])
    assert document["summary"] == {"files": 3, "errors": 0, "warnings": 0, "acknowledged": 1}
    assert [(d["code"], d["severity"], d["acknowledged"]) for d in document["diagnostics"]] == [
        ("VP314", "warning", REASON)
    ]
    assert run("validera", "--format", "github")[1].splitlines()[0] == (
        "::notice file=uppfoljning/2024-T2/sdn-syd.yaml,line=7,col=13,title=VP314 (kvitterad)::Årsmålet för I1.2 är"
        f" 12 men var 10 i 2024-T1.%0AKvitterad: {REASON}"
    )
    [issue] = json.loads(run("validera", "--format", "gitlab")[1])
    assert issue["severity"] == "info"
    assert issue["description"] == f"VP314: Årsmålet för I1.2 är 12 men var 10 i 2024-T1. Kvitterad: {REASON}"


def test_an_error_cannot_be_acknowledged(workdir: Path) -> None:
    path = workdir / "uppfoljning" / "2024-T2" / "sdn-syd.yaml"
    path.write_text(T2.replace("A1.2: {status: pågående}", "A1.2: {kvittera: {VP316: Vi vet.}}"), encoding="utf-8")
    code, output = run("validera")
    assert code == 1
    assert "VP316 fel: Fyll i status för A1.2." in output
    assert "VP328 varning: VP316 är ett fel och kan inte kvitteras." in output


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_report_quotes_the_reason(workdir: Path, fmt: str) -> None:
    """The warning in words and the reason, without the rule's code: a committee reads the report."""
    code, output = run("rapport", "--period", "2024-T2", "--format", fmt, "--bilagor")
    assert code == 0, output
    assert "Kvitterade varningar:" in output
    assert "I1.2</span>: Årsmålet" in output if fmt == "html" else "- I1.2: Årsmålet" in output
    assert "Årsmålet för I1.2 är 12 men var 10 i 2024-T1." in output
    assert "VP314" not in output
    assert REASON in output


def test_mall_does_not_carry_an_acknowledgement_into_the_next_report(workdir: Path) -> None:
    assert run("mall", "sdn-syd", "2024-VB")[0] == 0
    text = (workdir / "uppfoljning" / "2024-VB" / "sdn-syd.yaml").read_text(encoding="utf-8")
    assert "arsmal: 12" in text
    assert "kvittera" not in text
