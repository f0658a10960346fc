"""Who must report at the edges: a body with only an indicator, a yearly indicator outside VB, and a body that
ends or starts on a period's last day."""

from __future__ import annotations

import pytest

from valdsprogram.model.periods import Period
from valdsprogram.report.status_matrix import State, status_matrix
from valdsprogram.workspace import open_workspace

PROGRAM = """id: kanttest
titel: Kanttest 2021–2025
giltighet: {fran: 2021, till: 2025}
vision: En stad fri från våld.
valdstyper:
  - {id: vald-i-nara-relationer, namn: Våld i nära relationer}
organ:
  - {id: sdn-syd, namn: Syds stadsdelsnämnd, typ: stadsdelsnamnd}
  - {id: socialnamnden, namn: Socialnämnden, typ: facknamnd}
  - {id: ab-bostader, namn: AB Bostäder, typ: bolagsstyrelse}
  - {id: sdn-slut, namn: Slutets stadsdelsnämnd, typ: stadsdelsnamnd, till: 2024-04-30, ersatts_av: sdn-syd}
  - {id: sdn-kort, namn: Kortets stadsdelsnämnd, typ: stadsdelsnamnd, till: 2024-04-29, ersatts_av: sdn-syd}
  - {id: sdn-ny, namn: Nyas stadsdelsnämnd, typ: stadsdelsnamnd, fran: 2024-08-31}
  - {id: sdn-sen, namn: Senas stadsdelsnämnd, typ: stadsdelsnamnd, fran: 2024-09-01}
grupper:
  - {id: alla-stadsdelsnamnder, namn: Alla stadsdelsnämnder, typer: [stadsdelsnamnd]}
mal:
  - id: M1
    titel: Stadens verksamheter arbetar våldsförebyggande
    aktiviteter:
      - {id: A1.1, text: Utbilda medarbetare, ansvariga: [alla-stadsdelsnamnder], kalla: Test}
    indikatorer:
      - {id: I1.1, text: Antal ärenden, enhet: antal, periodicitet: tertial, riktning: hogre_ar_battre,
         ansvariga: [socialnamnden], kalla: Test}
      - {id: I1.2, text: Rutin finns, enhet: ja/nej, periodicitet: ar, riktning: hogre_ar_battre,
         arsmal: true, ansvariga: [ab-bostader], kalla: Test}
"""

REPORTED = "organ: sdn-syd\nperiod: {period}\naktiviteter: {{A1.1: {{status: pågående}}}}\n"

R, M, N = State.REPORTED, State.MISSING, State.NOT_EXPECTED


@pytest.fixture(scope="module")
def states(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[State]]:
    folder = tmp_path_factory.mktemp("kanttest")
    (folder / "program.yaml").write_text(PROGRAM, encoding="utf-8")
    for period in ("2024-T1", "2024-T2", "2024-VB"):
        path = folder / "uppfoljning" / period / "sdn-syd.yaml"
        path.parent.mkdir(parents=True)
        goal = "mal: {M1: {bedomning: helt}}\n" if period.endswith("VB") else ""
        path.write_text(REPORTED.format(period=period) + goal, encoding="utf-8")
    workspace = open_workspace(folder / "program.yaml", folder / "uppfoljning")
    assert workspace.errors == []
    matrix = status_matrix(workspace, [Period(2024, 0), Period(2024, 1), Period(2024, 2)])
    return {row.body.id: row.states for row in matrix.rows}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("sdn-syd", [R, R, R]),
        # Responsible for a tertial indicator and nothing else: expected every period, and missing.
        ("socialnamnden", [M, M, M]),
        # Responsible for a yearly indicator only: expected in VB, not in the tertials.
        ("ab-bostader", [N, N, M]),
        # A body that exists on the period's last day reports it; one that ended the day before does not.
        ("sdn-slut", [M, N, N]),
        ("sdn-kort", [N, N, N]),
        ("sdn-ny", [N, M, M]),
        ("sdn-sen", [N, N, M]),
    ],
)
def test_who_is_expected_to_report(states: dict[str, list[State]], body: str, expected: list[State]) -> None:
    assert states[body] == expected
