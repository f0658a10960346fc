"""Masking as an adversary sees it: two sets of follow-ups that differ only in masked values (and in what follows
from them: a forecast, whether a target is met) give byte-identical reports in every format, so nothing a report
publishes tells them apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import TESTS
from valdsprogram.cli.app import app

Values = dict[str, tuple[int, int | None, int]]
"""Body id → (utfall, prognos, arsmal) of the sensitive count I1.2."""

FORMATS = ("md", "html", "json", "csv", "xlsx")


def write(folder: Path, period: str, values: Values) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    program = (TESTS / "data" / "program.yaml").read_text(encoding="utf-8")
    program = program.replace("text: Antal ärenden, enhet: antal,", "text: Antal ärenden, kanslig: true, enhet: antal,")
    (folder / "program.yaml").write_text(program, encoding="utf-8")
    for organ, (outcome, forecast, target) in values.items():
        path = folder / "uppfoljning" / period / f"{organ}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        extra = f", prognos: {forecast}" if forecast is not None else ""
        annual = ", I1.1: {utfall: 50, arsmal: 60}" if period.endswith("VB") else ""
        path.write_text(
            f"organ: {organ}\nperiod: {period}\n"
            "aktiviteter: {A1.1: {status: pågående}, A1.2: {status: pågående}}\n"
            f"indikatorer: {{I1.2: {{utfall: {outcome}{extra}, arsmal: {target}}}{annual}}}\n"
            + ("mal: {M1: {bedomning: delvis, analys: Som väntat.}}\n" if period.endswith("VB") else ""),
            encoding="utf-8",
        )


def reports(
    folder: Path, period: str, monkeypatch: pytest.MonkeyPatch, formats: tuple[str, ...] = FORMATS
) -> dict[str, bytes]:
    monkeypatch.chdir(folder)
    out: dict[str, bytes] = {}
    for fmt in formats:
        args = ["rapport", "--period", period, "-f", fmt, "--bara-rapporterande", "-o", f"r.{fmt}", "--skriv-over"]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        out[fmt] = (folder / f"r.{fmt}").read_bytes()
    return out


CASES: dict[str, tuple[str, Values, Values]] = {
    # The case 4: one body's masked count; its forecast (9 or 200) and whether it meets 100 must not show.
    "one body, forecast": ("2024-T1", {"sdn-syd": (3, 9, 100)}, {"sdn-syd": (4, 200, 100)}),
    # At the year's end the outcome itself is judged: 3 meets the target 3, 2 does not.
    "one body, full year": ("2024-VB", {"sdn-syd": (3, None, 3)}, {"sdn-syd": (2, None, 3)}),
    # Two bodies with the same totals: the small one's forecast must not be readable beside the other's.
    "two bodies, same sums": (
        "2024-T1",
        {"sdn-syd": (3, 9, 100), "sdn-mitt": (40, 120, 100)},
        {"sdn-syd": (4, 30, 100), "sdn-mitt": (39, 99, 100)},
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_masked_values_change_nothing_a_report_publishes(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    period, one, other = CASES[case]
    write(tmp_path / "a", period, one)
    write(tmp_path / "b", period, other)
    first, second = reports(tmp_path / "a", period, monkeypatch), reports(tmp_path / "b", period, monkeypatch)
    assert [f for f in FORMATS if first[f] != second[f]] == []


def test_the_city_row_says_its_assessment_is_masked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "2024-T1", {"sdn-syd": (3, 9, 100)})
    text = reports(tmp_path, "2024-T1", monkeypatch)["md"].decode()
    assert "- Helårsprognos: maskerat\n" in text
    assert "- Årsmål: 100. Uppnås: maskerat (prognos för helåret)\n" in text
    assert "I1.2" not in text.split("**Indikatorer som inte helt når årsmålet")[1].split("\n")[0]


@pytest.mark.slow
@pytest.mark.parametrize("case", ["one body, forecast", "one body, full year"])
def test_masked_values_change_nothing_in_the_pdf(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    period, one, other = CASES[case]
    write(tmp_path / "a", period, one)
    write(tmp_path / "b", period, other)
    first = reports(tmp_path / "a", period, monkeypatch, ("pdf",))
    assert first == reports(tmp_path / "b", period, monkeypatch, ("pdf",))
