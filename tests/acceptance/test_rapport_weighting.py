"""`rapport` combines shares one declared way (`sammanvagning`), for the value and the target alike, says so in
every format with each body's weight, and gives no city figure when a body lacks what the method needs."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import TESTS
from valdsprogram.cli.app import app

LARGE = "{utfall: 85, arsmal: 90, taljare: 170, namnare: 200}"
SMALL = "{utfall: 50, arsmal: 60, taljare: 1, namnare: 2}"
SMALL_WITHOUT_COUNTS = "{utfall: 50, arsmal: 60}"


def write(folder: Path, i11: dict[str, str], weighting: str = "") -> None:
    program = (TESTS / "data" / "program.yaml").read_text(encoding="utf-8")
    if weighting:
        program = program.replace("text: Andel utbildade,", f"text: Andel utbildade, sammanvagning: {weighting},")
    (folder / "program.yaml").write_text(program, encoding="utf-8")
    for organ, values in i11.items():
        path = folder / "uppfoljning" / "2024-VB" / f"{organ}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"organ: {organ}\nperiod: 2024-VB\n"
            "aktiviteter: {A1.1: {status: genomförd}, A1.2: {status: genomförd}}\n"
            f"indikatorer: {{I1.1: {values}, I1.2: {{utfall: 40, arsmal: 40}}}}\n"
            "mal: {M1: {bedomning: delvis, analys: Som väntat.}}\n",
            encoding="utf-8",
        )


def run(folder: Path, fmt: str) -> str:
    args = ["rapport", "--period", "2024-VB", "-f", fmt, "--bara-rapporterande"]
    args += ["--program", str(folder / "program.yaml"), "--uppfoljning", str(folder / "uppfoljning")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.output


def i11_json(folder: Path) -> dict[str, object]:
    document = json.loads(run(folder, "json"))
    return next(i for i in document["indikatorer"] if i["id"] == "I1.1")


def test_a_weighted_share_weighs_its_target_the_same_way(tmp_path: Path) -> None:
    # 85 % of 200 and 50 % of 2: 171 of 202 = 84,7 %; the targets 90 and 60 weigh alike: 89,7 %, not 75 %.
    write(tmp_path, {"sdn-syd": LARGE, "sdn-mitt": SMALL})
    text = run(tmp_path, "md")
    assert "- Utfall, helår: 84,7 % (vägt medelvärde, 2 organ)\n" in text
    assert "- Årsmål: 89,7 %. Uppnås: delvis (helår)\n" in text
    assert "| Organ | Utfall | Årsmål | Uppnås | Vikt (täljare av nämnare) |\n" in text
    assert "| Mitts stadsdelsnämnd | 50 % | 60 % | inte | 1 av 2 |\n" in text
    i11 = i11_json(tmp_path)
    assert (i11["utfall"], i11["arsmal"], i11["metod"]) == (84.7, 89.7, "vagd")
    weights = {b["organ"]: (b["vikt"], b["taljare"], b["namnare"]) for b in i11["per_organ"]}  # type: ignore[attr-defined]
    assert weights == {"sdn-mitt": (2, 1, 2), "sdn-syd": (200, 170, 200)}
    rows = list(csv.DictReader(io.StringIO(run(tmp_path, "csv").lstrip("\ufeff")), delimiter=";"))
    assert {(r["organ"], r["metod"], r["vikt"]) for r in rows if r["id"] == "I1.1"} == {
        ("sdn-mitt", "vagd", "2"),
        ("sdn-syd", "vagd", "200"),
    }


def test_a_body_without_counts_leaves_a_weighted_share_unjudged_with_the_reason(tmp_path: Path) -> None:
    # Before, the method silently became an unweighted mean: 67,5 %.
    write(tmp_path, {"sdn-syd": LARGE, "sdn-mitt": SMALL_WITHOUT_COUNTS})
    text = run(tmp_path, "md")
    assert "- Utfall, helår: ej bedömd (vägt medelvärde, 2 organ)\n" in text
    reason = "ej bedömd: Mitts stadsdelsnämnd saknar täljare och nämnare, som ett vägt medelvärde kräver"
    assert f"Uppnås: – ({reason})\n" in text
    assert "67,5" not in text
    assert "| Mitts stadsdelsnämnd | 50 % | 60 % | inte | saknas |\n" in text
    i11 = i11_json(tmp_path)
    assert (i11["utfall"], i11["underlag"], i11["underlag_text"], i11["uppnas"]) == (None, "ej bedömd", reason, None)


@pytest.mark.parametrize(("weighting", "value", "target"), [("ovagd", "67,5 %", "75 %"), ("", "ej bedömd", "–")])
def test_an_unweighted_mean_is_given_only_when_declared(
    tmp_path: Path, weighting: str, value: str, target: str
) -> None:
    write(tmp_path, {"sdn-syd": LARGE, "sdn-mitt": SMALL_WITHOUT_COUNTS}, weighting)
    text = run(tmp_path, "md")
    assert f"- Utfall, helår: {value} (" in text
    assert f"- Årsmål: {target}. Uppnås: " in text
