"""Every output format on small inputs built here: the validation formats, the status formats, the report's data
as JSON and CSV, and the checklist. Each output is compared whole with its golden file in tests/data/formats/
(regenerate with `pytest --update-golden` and read the diff), with the edge cases a user's data can bring:
nothing at all, zero counts, masked values, long names and characters that need escaping.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import TESTS, check_golden
from reportdata import write_report_folder
from valdsprogram import (
    Diagnostic,
    DocumentFormat,
    ReportFormat,
    Severity,
    StatusFormat,
    Validation,
    ValidationFormat,
    build_report,
    open_workspace,
    render_checklist,
    render_report,
    render_status,
    render_validation,
)
from valdsprogram.model.periods import Period
from valdsprogram.model.program import Body
from valdsprogram.report.checklist import ActivityItem, Checklist, Deadline, GoalSection, IndicatorItem
from valdsprogram.report.status_matrix import Matrix, Row, State

GOLDEN = TESTS / "data" / "formats"
FOLLOWUP = "uppfoljning/2024-T1/sdn-syd.yaml"

DIAGNOSTICS = [
    Diagnostic(
        "VP104",
        Severity.FEL,
        FOLLOWUP,
        4,
        19,
        "Värdet för 'bedomning' kan inte vara texten 'kanske'.",
        "Tillåtna värden: helt, delvis, inte.",
        "mal.M1.bedomning",
    ),
    Diagnostic("VP307", Severity.FEL, FOLLOWUP, 3, 1, "Aktiviteten A1.2 saknas: Erbjuda stödsamtal", "", "aktiviteter"),
    Diagnostic(
        "VP314",
        Severity.VARNING,
        FOLLOWUP,
        7,
        29,
        "Årsmålet för I1.2 är 12 men var 10 i 2024-T1.",
        "Skriv samma årsmål som tidigare.",
        "indikatorer.I1.2.arsmal",
        acknowledged="Nämnden höjde målet i maj.",
    ),
    # A path with the characters workflow commands must escape, and a message with %, quotes, < and & in it.
    Diagnostic(
        "VP315",
        Severity.VARNING,
        "uppfoljning/2024-T1/a:b,c%.yaml",
        2,
        5,
        'Texten "50 % <b>&</b>" innehåller ett giltigt personnummer.',
        "Ta bort det.",
        "kommentar",
    ),
    Diagnostic("VP011", Severity.FEL, "uppfoljning/2024-T1/tom.yaml", 0, 0, "Filen är tom.", "Fyll i den."),
    # Two findings of one code at one place: their fingerprints differ by a running number.
    Diagnostic(
        "VP305", Severity.FEL, FOLLOWUP, 9, 3, "Aktiviteten A1.9 finns inte i programmet.", "", "aktiviteter.A1.9"
    ),
    Diagnostic(
        "VP305", Severity.FEL, FOLLOWUP, 10, 3, "Aktiviteten A1.9 finns inte i programmet.", "", "aktiviteter.A1.9"
    ),
    # A control character in a message is shown, not obeyed.
    Diagnostic("VP012", Severity.FEL, FOLLOWUP, 11, 7, "Värdet innehåller kontrolltecknet \x1b[31m.", ""),
]
VALIDATIONS = {
    "inga-filer": Validation([], 0),
    "en-fil-utan-fel": Validation([], 1),
    "en-kvitterad-varning": Validation([DIAGNOSTICS[2]], 1),
    "blandat": Validation(DIAGNOSTICS, 3),
}


@pytest.mark.parametrize("fmt", list(ValidationFormat), ids=[f.value for f in ValidationFormat])
@pytest.mark.parametrize("case", list(VALIDATIONS))
def test_validation_format(case: str, fmt: ValidationFormat, update_golden: bool) -> None:
    output = render_validation(VALIDATIONS[case], fmt)
    if fmt in (ValidationFormat.JSON, ValidationFormat.GITLAB):
        json.loads(output)
    check_golden(GOLDEN / f"validering-{case}-{fmt.value}.txt", output, update=update_golden)


def _crlf_lines(csv: str) -> str:
    """CSV ends every line with CRLF, as RFC 4180 and Excel want; the golden file holds the lines."""
    assert csv.count("\r\n") == csv.count("\n"), "every line ends with CRLF"
    return csv.replace("\r\n", "\n")


def _body(ident: str, name: str) -> Body:
    return Body(id=ident, namn=name, typ="stadsdelsnamnd")


PERIODS = [Period(2024, 0), Period(2024, 1), Period(2024, 2)]
MATRICES = {
    # Nobody is expected in these periods: an empty table, and the data says so.
    "ingen-forvantas": Matrix(PERIODS, [Row(_body("sdn-syd", "Syds stadsdelsnämnd"), [State.NOT_EXPECTED] * 3)]),
    "alla-lagen": Matrix(
        PERIODS,
        [
            Row(_body("sdn-syd", "Syds stadsdelsnämnd"), [State.REPORTED, State.WITH_ERRORS, State.MISSING]),
            # A long name, and one with the characters CSV must quote.
            Row(_body("sdn-lang", "Stadsdelsnämnden" + " med ett mycket långt namn" * 4), [State.MISSING] * 3),
            Row(
                _body("sdn-citat", 'Nämnden "Norr, Mitt"; och <Syd>'),
                [State.NOT_EXPECTED, State.REPORTED, State.REPORTED],
            ),
            # Expected nowhere: left out of the table, kept in the data.
            Row(_body("sdn-borta", "Borta"), [State.NOT_EXPECTED] * 3),
        ],
    ),
}


@pytest.mark.parametrize("fmt", list(StatusFormat), ids=[f.value for f in StatusFormat])
@pytest.mark.parametrize("case", list(MATRICES))
def test_status_format(case: str, fmt: StatusFormat, update_golden: bool) -> None:
    output = render_status(MATRICES[case], fmt, width=100)
    if fmt is StatusFormat.CSV:
        output = _crlf_lines(output)
    check_golden(GOLDEN / f"status-{case}-{fmt.value}.txt", output, update=update_golden)


REPORT_CASES = {"ingen-har-rapporterat": Period(2022, 2), "maskerat-och-escape": Period(2024, 2)}


@pytest.mark.parametrize("fmt", [ReportFormat.JSON, ReportFormat.CSV], ids=["json", "csv"])
@pytest.mark.parametrize("case", list(REPORT_CASES))
def test_report_data_format(case: str, fmt: ReportFormat, tmp_path: Path, update_golden: bool) -> None:
    """The report's data from a small workspace: masked counts (a sensitive indicator), `<script>` and `|` in
    an analysis, and a period nobody has reported (every total zero)."""
    folder = write_report_folder(tmp_path)
    workspace = open_workspace(folder / "program.yaml", folder / "uppfoljning")
    report = build_report(workspace, REPORT_CASES[case], only_reporting=True)
    output = render_report(report, fmt)
    assert isinstance(output, str)
    if fmt is ReportFormat.JSON:
        json.loads(output)
    else:
        output = _crlf_lines(output)
    check_golden(GOLDEN / f"rapport-{case}-{fmt.value}.txt", output, update=update_golden)


DEADLINES = [Deadline(str(p), p.name, p.last_day, p.index == 0) for p in PERIODS]
CHECKLISTS = {
    "tom": Checklist(
        program_title="Program",
        program_name="Program",
        wording="i ursprunglig lydelse",
        note="",
        body_id="sdn-a",
        body_name="A",
        body_type="stadsdelsnämnd",
        history=[],
        period="2024-T1",
        period_name="tertial 1 2024",
        per=dt.date(2024, 4, 30),
        reported="Inte rapporterad ännu.",
        deadlines=DEADLINES,
        goals=[],
    ),
    "escape": Checklist(
        program_title="Program mot <våld> & förtryck",
        program_name="Våld | program",
        wording="i lydelsen från 2024-01-01 (utkast)",
        note="*Utkast* <b>",
        body_id="sdn-a",
        body_name='Nämnden "A" & <B>',
        body_type="stadsdelsnämnd",
        history=["Ersatte <Norr> den 1 juli 2023."],
        period="2024-T2",
        period_name="tertial 2 2024",
        per=dt.date(2024, 8, 31),
        reported="Rapporterad i uppfoljning/2024-T2/sdn-a.yaml.",
        deadlines=[
            Deadline("2024-T1", "tertial 1 2024", dt.date(2024, 4, 30), False),
            Deadline("2024-T2", "tertial 2 2024", dt.date(2024, 8, 31), True),
        ],
        goals=[
            GoalSection(
                "M1",
                "Mål med | och <em>",
                ["Rutiner <finns>"],
                [
                    ActivityItem("A1.1", "Utbilda | personal & <chefer>", True, "genomförd (2024-T1)", "Källa *1*"),
                    ActivityItem("A1.2", "x" * 200, False, "ej rapporterad", "K"),
                ],
                [
                    IndicatorItem(
                        "I1.1",
                        "Andel <utbildade>",
                        "procent",
                        "år",
                        "högre är bättre",
                        False,
                        "80 % (programmet)",
                        "–",
                        "Enkät",
                    ),
                    IndicatorItem(
                        "I1.2", "Antal | ärenden", "antal", "tertial", "lägre är bättre", True, "–", "3 (2024-T1)", "K"
                    ),
                ],
            )
        ],
    ),
}


@pytest.mark.parametrize("fmt", [DocumentFormat.MD, DocumentFormat.HTML], ids=["md", "html"])
@pytest.mark.parametrize("case", list(CHECKLISTS))
def test_checklist_format(case: str, fmt: DocumentFormat, update_golden: bool) -> None:
    output = render_checklist(CHECKLISTS[case], fmt)
    assert isinstance(output, str)
    check_golden(GOLDEN / f"checklista-{case}-{fmt.value}.txt", output, update=update_golden)
