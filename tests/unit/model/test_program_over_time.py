"""The program over time: moving a responsibility from a date keeps earlier follow-ups valid, and a later
follow-up is checked against the new responsibility."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from ruledata import BASE_PROGRAM
from valdsprogram.check.validation import validate
from valdsprogram.cli.app import app
from valdsprogram.report.build import build_report
from valdsprogram.report.checklist import build_checklist
from valdsprogram.sources import followup_files
from valdsprogram.workspace import open_workspace

# A1.2 ("Erbjuda stödsamtal") moves from every district committee to socialnämnden on 2024-01-01.
UNDATED = "{id: A1.2, text: Erbjuda stödsamtal, ansvariga: [alla-stadsdelsnamnder], kalla: Test}"
MOVED = (
    "{id: A1.2, text: Erbjuda stödsamtal, kalla: Test, ansvariga: [{organ: alla-stadsdelsnamnder, till: 2023-12-31},"
    " {organ: socialnamnden, fran: 2024-01-01}]}"
)

FOLLOWUPS = {
    "2023-T1/sdn-syd.yaml": """\
organ: sdn-syd
period: 2023-T1
aktiviteter: {A1.1: {status: pågående}, A1.2: {status: pågående}}
indikatorer: {I1.2: {utfall: 3, arsmal: 8}}
""",
    "2023-VB/sdn-syd.yaml": """\
organ: sdn-syd
period: 2023-VB
aktiviteter: {A1.1: {status: genomförd}, A1.2: {status: genomförd}}
indikatorer:
  I1.1: {utfall: 70, arsmal: 80}
  I1.2: {utfall: 9, arsmal: 8}
mal: {M1: {bedomning: helt}}
""",
    "2023-VB/socialnamnden.yaml": """\
organ: socialnamnden
period: 2023-VB
aktiviteter: {A1.1: {status: genomförd}, A2.1: {status: genomförd}}
indikatorer: {I1.1: {utfall: 90, arsmal: 80}, I1.3: {utfall: true, arsmal: true}, I2.1: {utfall: 12, arsmal: 10}}
mal: {M1: {bedomning: helt}, M2: {bedomning: helt}}
""",
    # Written as before the move: Syd still reports A1.2 and socialnämnden does not.
    "2024-T1/sdn-syd.yaml": """\
organ: sdn-syd
period: 2024-T1
aktiviteter: {A1.1: {status: pågående}, A1.2: {status: pågående}}
indikatorer: {I1.2: {utfall: 4, arsmal: 10}}
""",
    "2024-T1/socialnamnden.yaml": """\
organ: socialnamnden
period: 2024-T1
aktiviteter: {A1.1: {status: pågående}, A2.1: {status: pågående}}
""",
}


def _findings(tmp_path: Path, activity: str) -> list[tuple[str, int, str, str]]:
    tmp_path.mkdir(exist_ok=True)
    program = BASE_PROGRAM.read_text(encoding="utf-8")
    assert UNDATED in program
    (tmp_path / "program.yaml").write_text(program.replace(UNDATED, activity), encoding="utf-8")
    for name, text in FOLLOWUPS.items():
        target = tmp_path / "uppfoljning" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    result = validate(tmp_path / "program.yaml", followup_files(tmp_path / "uppfoljning"), base=tmp_path)
    return [(d.path, d.line, d.code, d.message) for d in result.diagnostics]


def test_moving_a_responsibility_keeps_the_past_and_checks_the_future(tmp_path: Path) -> None:
    assert _findings(tmp_path / "fore", UNDATED) == []
    assert _findings(tmp_path / "efter", MOVED) == [
        (
            "uppfoljning/2024-T1/sdn-syd.yaml",
            3,
            "VP306",
            "Syds stadsdelsnämnd är inte ansvarig för A1.2 per 2024-04-30.",
        ),
        ("uppfoljning/2024-T1/socialnamnden.yaml", 3, "VP307", "Aktiviteten A1.2 saknas: Erbjuda stödsamtal"),
    ]


def test_checklists_follow_the_move(tmp_path: Path) -> None:
    _findings(tmp_path, MOVED)
    workspace = open_workspace(tmp_path / "program.yaml", tmp_path / "uppfoljning")
    periods = {p: workspace.period(p) for p in ("2023-VB", "2024-T1")}

    def activities(organ: str, period: str) -> list[str]:
        checklist = build_checklist(workspace, organ, periods[period])
        return [a.id for g in checklist.goals for a in g.activities]

    assert activities("sdn-syd", "2023-VB") == ["A1.1", "A1.2"]
    assert activities("sdn-syd", "2024-T1") == ["A1.1"]
    assert activities("socialnamnden", "2023-VB") == ["A1.1", "A2.1"]
    assert activities("socialnamnden", "2024-T1") == ["A1.1", "A1.2", "A2.1"]


REVISIONS = """
revisioner:
  - {datum: 2022-03-01, beslut: KF 2022/1, andringar: [Ny indikator]}
  - {datum: 2024-01-01, beslut: KF 2023/7, andringar: [A1.2 flyttas till socialnämnden, Nytt årsmål], utkast: true}
"""


def test_checklists_and_reports_say_which_wording_they_follow(tmp_path: Path) -> None:
    _findings(tmp_path, MOVED)
    program = tmp_path / "program.yaml"
    program.write_text(program.read_text(encoding="utf-8") + REVISIONS, encoding="utf-8")
    workspace = open_workspace(program, tmp_path / "uppfoljning")
    assert not [d for d in workspace.validation.diagnostics if d.path.endswith("program.yaml")]

    def wording(period: str) -> tuple[str, str, object]:
        chosen = workspace.period(period)
        report = build_report(workspace, chosen, despite_errors=True)  # the follow-ups here hold findings
        return build_checklist(workspace, "sdn-syd", chosen).wording, report.wording, report.revision

    assert wording("2021-VB") == ("i ursprunglig lydelse", "i ursprunglig lydelse", None)
    assert wording("2023-VB") == ("i lydelsen från 2022-03-01",) * 2 + (dt.date(2022, 3, 1),)
    assert wording("2024-T1") == ("i lydelsen från 2024-01-01 (utkast)",) * 2 + (dt.date(2024, 1, 1),)


def run_cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_visa_revisioner_lists_them_and_the_wording_on_a_day(tmp_path: Path) -> None:
    _findings(tmp_path, MOVED)
    program = tmp_path / "program.yaml"
    program.write_text(program.read_text(encoding="utf-8") + REVISIONS, encoding="utf-8")
    code, output = run_cli("visa", "revisioner", "--datum", "2023-06-30", "-f", "json", "-p", str(program))
    assert code == 0
    assert json.loads(output) == {
        "per": "2023-06-30",
        "lydelse": "i lydelsen från 2022-03-01",
        "revisioner": [
            {"datum": "2022-03-01", "beslut": "KF 2022/1", "andringar": ["Ny indikator"], "utkast": False},
            {
                "datum": "2024-01-01",
                "beslut": "KF 2023/7",
                "andringar": ["A1.2 flyttas till socialnämnden", "Nytt årsmål"],
                "utkast": True,
            },
        ],
    }
    code, output = run_cli("visa", "revisioner", "-p", str(program))
    assert code == 0
    assert "KF 2023/7 (utkast)" in output
    assert "• Nytt årsmål" in output
    code, output = run_cli("visa", "revisioner", "-p", str(BASE_PROGRAM))
    assert (code, output) == (0, "Programmet har inga revisioner: det gäller i ursprunglig lydelse.\n")
