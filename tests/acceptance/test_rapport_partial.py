"""`rapport` knows a body formed during the year: its year-to-date figures cover part of the period, are marked so
in every format, are never called `helår`, and are left out of trends and comparisons, which say so."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from conftest import TESTS
from valdsprogram.cli.app import app

# sdn-mitt is formed on 2023-07-01 (after sdn-norr): its 2023-VB covers July–December.
VALUES = {"2023-VB": {"sdn-syd": 200, "sdn-mitt": 100}, "2024-VB": {"sdn-syd": 210, "sdn-mitt": 200}}


def write(folder: Path) -> None:
    (folder / "program.yaml").write_text((TESTS / "data" / "program.yaml").read_text(encoding="utf-8"), "utf-8")
    for period, bodies in VALUES.items():
        for organ, count in bodies.items():
            path = folder / "uppfoljning" / period / f"{organ}.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(
                f"organ: {organ}\nperiod: {period}\n"
                "aktiviteter: {A1.1: {status: genomförd}, A1.2: {status: genomförd}}\n"
                f"indikatorer: {{I1.1: {{utfall: 50, arsmal: 60, taljare: 1, namnare: 2}}, "
                f"I1.2: {{utfall: {count}, arsmal: 150}}}}\n"
                "mal: {M1: {bedomning: delvis, analys: Som väntat.}}\n",
                encoding="utf-8",
            )


def run(folder: Path, period: str, fmt: str) -> str:
    args = ["rapport", "--period", period, "-f", fmt, "--bara-rapporterande"]
    args += ["--program", str(folder / "program.yaml"), "--uppfoljning", str(folder / "uppfoljning")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.output


def section(text: str, heading: str) -> str:
    return text.split(heading, 1)[1].split("\n### ", 1)[0]


def test_a_half_year_is_marked_and_not_called_a_full_year(tmp_path: Path) -> None:
    write(tmp_path)
    i12 = section(run(tmp_path, "2023-VB", "md"), "### I1.2 ")
    assert "- Utfall, helår; Mitts stadsdelsnämnd bara juli–december: 300 (summa, 2 organ)\n" in i12
    assert "| Mitts stadsdelsnämnd | 100 (juli–december) | 150 | inte |" in i12
    indicators = {i["id"]: i for i in json.loads(run(tmp_path, "2023-VB", "json"))["indikatorer"]}
    covers = {i: {b["organ"]: b["avser"] for b in indicators[i]["per_organ"]} for i in ("I1.1", "I1.2")}
    # A share is a state on 31 December, whole whenever the body was formed.
    assert covers == {
        "I1.1": {"sdn-mitt": None, "sdn-syd": None},
        "I1.2": {"sdn-mitt": "juli–december", "sdn-syd": None},
    }
    assert "juli–december" in run(tmp_path, "2023-VB", "csv")


def test_a_half_year_is_left_out_of_the_comparison_and_the_trend(tmp_path: Path) -> None:
    # Before: 300 → 410 (+37 %), a rise made by Mitt's half year.
    write(tmp_path)
    text = run(tmp_path, "2024-VB", "md")
    i12 = section(text, "### I1.2 ")
    assert "- Utveckling, verksamhetsberättelse år för år: 2023-VB: 200 (Syds stadsdelsnämnd); 2024-VB: 410" in i12
    assert "- Förändring mot 2023-VB över samma organ: 200 → 210 (+5 %); Syds stadsdelsnämnd\n" in i12
    note = "Mitts stadsdelsnämnd avser 2023-VB bara juli–december (bildad under året) och ingår inte i trender och"
    assert note in i12
    assert "+37 %" not in text
    i12_json = next(i for i in json.loads(run(tmp_path, "2024-VB", "json"))["indikatorer"] if i["id"] == "I1.2")
    assert (i12_json["jamforelse"]["fran"], i12_json["jamforelse"]["till"]) == (200, 210)
    # The chart beside the text draws the same comparison, each point with its body count.
    html = run(tmp_path, "2024-VB", "html")
    assert (
        '<desc id="trend-I1-2-d">2023-VB: 200 (1 organ), 2024-VB: 210 (1 organ); samma organ vid varje punkt</desc>'
        in html
    )
