"""The report at its edges: bodies that rate a goal the same without an analysis are one grouped row from four on."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportdata import write_report_folder
from valdsprogram.model.periods import Period
from valdsprogram.report.build import GROUPED_FROM, build_report
from valdsprogram.workspace import open_workspace

DISTRICTS = ["sdn-a", "sdn-b", "sdn-c", "sdn-d", "sdn-e"]
PROGRAM = (
    """id: kanttest
titel: Kanttest 2021–2025
giltighet: {fran: 2021, till: 2025}
vision: En stad fri från våld.
valdstyper:
  - {id: vald-i-nara-relationer, namn: Våld i nära relationer}
organ:
"""
    + "".join(f"  - {{id: {d}, namn: {d[-1].upper()}s stadsdelsnämnd, typ: stadsdelsnamnd}}\n" for d in DISTRICTS)
    + """grupper:
  - {id: alla-stadsdelsnamnder, namn: Alla stadsdelsnämnder, typer: [stadsdelsnamnd]}
mal:
  - id: M1
    titel: Stadens verksamheter arbetar våldsförebyggande
    aktiviteter:
      - {id: A1.1, text: Utbilda medarbetare, ansvariga: [alla-stadsdelsnamnder], kalla: Test}
"""
)


def unexplained(folder: Path, bare: int) -> list[tuple[str, int, list[str]]]:
    """The grouped rows of M1 when `bare` of the five districts rate it helt without an analysis (the rest with)."""
    (folder / "program.yaml").write_text(PROGRAM, encoding="utf-8")
    for number, district in enumerate(DISTRICTS):
        analysis = "" if number < bare else ", analys: Rutinen finns."
        path = folder / "uppfoljning" / "2024-VB" / f"{district}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"organ: {district}\nperiod: 2024-VB\naktiviteter: {{A1.1: {{status: pågående}}}}\n"
            f"mal: {{M1: {{bedomning: helt{analysis}}}}}\n",
            encoding="utf-8",
        )
    workspace = open_workspace(folder / "program.yaml", folder / "uppfoljning")
    assert workspace.errors == []
    (goal,) = build_report(workspace, Period(2024, 2)).goals
    assert [(c.label, c.n) for c in goal.assessment_counts] == [("helt", 5), ("delvis", 0), ("inte", 0)]
    return [(c.label, c.n, c.names) for c in goal.unexplained]


def test_grouped_from_four() -> None:
    assert GROUPED_FROM == 4


@pytest.mark.parametrize(
    ("bare", "grouped"),
    [
        (0, []),
        (3, []),  # three bodies without an analysis: a row each
        (4, [("helt", 4, ["As stadsdelsnämnd", "Bs stadsdelsnämnd", "Cs stadsdelsnämnd", "Ds stadsdelsnämnd"])]),
        (
            5,
            [
                (
                    "helt",
                    5,
                    [
                        "As stadsdelsnämnd",
                        "Bs stadsdelsnämnd",
                        "Cs stadsdelsnämnd",
                        "Ds stadsdelsnämnd",
                        "Es stadsdelsnämnd",
                    ],
                )
            ],
        ),
    ],
)
def test_bodies_without_an_analysis_are_one_row_from_four_on(
    tmp_path: Path, bare: int, grouped: list[tuple[str, int, list[str]]]
) -> None:
    assert unexplained(tmp_path, bare) == grouped


def test_a_sensitive_share_is_not_masked_only_a_sensitive_count(tmp_path: Path) -> None:
    """README: a count under maskeringsgrans is masked; a share (procent) of 3 % is no count of 3 people."""
    folder = write_report_folder(tmp_path)
    program = folder / "program.yaml"
    text = program.read_text(encoding="utf-8").replace(
        "text: Andel utbildade,", "text: Andel utbildade, kanslig: true,"
    )
    program.write_text(text, encoding="utf-8")
    syd = folder / "uppfoljning" / "2024-VB" / "sdn-syd.yaml"
    syd.write_text(
        syd.read_text(encoding="utf-8").replace(
            "I1.1: {utfall: 50, arsmal: 80, taljare: 1, namnare: 2}",
            "I1.1: {utfall: 3, arsmal: 80, taljare: 3, namnare: 100}",
        ),
        encoding="utf-8",
    )
    mitt = folder / "uppfoljning" / "2024-VB" / "sdn-mitt.yaml"
    mitt.write_text(
        mitt.read_text(encoding="utf-8").replace(
            "I1.1: {utfall: 90, arsmal: 80, taljare: 9, namnare: 10}",
            "I1.1: {utfall: 4, arsmal: 80, taljare: 4, namnare: 100}",
        ),
        encoding="utf-8",
    )
    workspace = open_workspace(program, folder / "uppfoljning")
    assert workspace.errors == []
    i11, i12 = build_report(workspace, Period(2024, 2)).goals[0].indicators[:2]
    assert (i11.value, [(b.outcome, b.masked) for b in i11.bodies]) == ("3,5 %", [("4 %", False), ("3 %", False)])
    assert (i12.value, [(b.outcome, b.masked) for b in i12.bodies]) == ("12", [("maskerat", True), ("maskerat", True)])


TREND = "Punkterna år för år omfattar olika organ; se organen vid varje punkt."
WITHIN = "Punkterna under året omfattar olika organ; se organen vid varje punkt."
LEFT_OUT = (
    "Förändringen mot 2023-VB räknas bara över organ som rapporterat båda gångerna; utanför: Mitts stadsdelsnämnd."
)


@pytest.mark.parametrize(
    ("period", "notes"),
    [
        (Period(2024, 0), {"I1.2": []}),  # one point, one body: nothing to say
        (Period(2024, 1), {"I1.2": [WITHIN]}),  # T1 Syd, T2 Syd and Mitt; the T2 series is one point
        (Period(2024, 2), {"I1.1": [TREND, LEFT_OUT], "I1.2": [TREND, WITHIN, LEFT_OUT], "I1.3": []}),
    ],
)
def test_a_note_when_the_points_cover_different_bodies(
    tmp_path: Path, period: Period, notes: dict[str, list[str]]
) -> None:
    folder = write_report_folder(tmp_path)
    report = build_report(open_workspace(folder / "program.yaml", folder / "uppfoljning"), period)
    assert {i.id: i.notes for i in report.goals[0].indicators} == notes
