"""The report at its edges: bodies that rate a goal the same without an analysis are one grouped row from four on."""

from __future__ import annotations

from pathlib import Path

import pytest

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
