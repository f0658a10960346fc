"""The benchmark scripts stay working: generated data validates, generation is deterministic, run.py runs."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

import valdsprogram as vp
from conftest import ROOT
from valdsprogram.cli.app import app

BENCH = ROOT / "bench"
SMALL = {"scale": 2, "year": 2023, "bodies": 10}
"""One year (with the 2023 district merger) for the first ten bodies of two cities: every rule, in a second."""


def _load(name: str) -> ModuleType:
    """A bench script as a module: bench/ is not a package."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is created
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    return _load("generate")


def _contents(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()
    }


def test_generated_data_validates_strictly(
    generate: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    count = generate.generate(tmp_path, **SMALL)
    # Four districts merged on 2023-07-01 report T1 only, their two successors T2 and VB: 2 × (10 × 3 − 4 × 2 − 2).
    assert count == len(list((tmp_path / "uppfoljning").rglob("*.yaml"))) == 40
    assert (tmp_path / "uppfoljning" / "2023-T2" / "sdn-norra-innerstaden-s2.yaml").is_file()
    assert not (tmp_path / "uppfoljning" / "2023-T2" / "sdn-norrmalm-s2.yaml").exists()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["validera", "--strikt"])
    assert result.exit_code == 0, result.output
    assert "Inga fel i 41 filer." in result.output


def test_generation_is_deterministic(generate: ModuleType, tmp_path: Path) -> None:
    first, second = tmp_path / "ett", tmp_path / "tva"
    generate.generate(first, **SMALL)
    generate.generate(second, **SMALL)
    assert _contents(first) == _contents(second)
    text = (first / "uppfoljning" / "2023-VB" / "sdn-sodermalm.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/uppfoljning.schema.json\n# GENERERAD")


def test_scale_one_program_is_the_repository_copy(generate: ModuleType, tmp_path: Path) -> None:
    generate.generate(tmp_path, scale=1, year=2021, bodies=1)
    assert (tmp_path / "program.yaml").read_bytes() == (BENCH.parent / "program.yaml").read_bytes()


def test_refuses_to_replace_data_it_did_not_write(generate: ModuleType, tmp_path: Path) -> None:
    own = tmp_path / "uppfoljning" / "2024-T1" / "sdn-sodermalm.yaml"
    own.parent.mkdir(parents=True)
    own.write_text("organ: sdn-sodermalm\n", encoding="utf-8")
    with pytest.raises(generate.GenerationError, match="inte genererad testdata"):
        generate.generate(tmp_path, replace=True, **SMALL)
    assert own.is_file()


@pytest.mark.slow
def test_run_script_quick_mode(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--snabb", "--upprepningar", "1", "--behall", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    for row in (
        "a1 marginalkostnad per fil",
        "a2 start: validera på en fil / import av stacken",
        "b  check-jsonschema / validera (10×)",
        "e  validera 10× / validera 1×",
        "f  största RSS, validera 10× / 1×",
        "g  största RSS, rapport html 10× / 1×",
        "h  valdsprogram --help / bar Typer-app",
        "i  rapport html / validera (1×)",
        "i  rapport html / validera (30×)",
        "j  validera / golvet (150×)",
        "j  största RSS, validera (150×)",
    ):
        assert row in done.stdout


def test_per_file_profile_runs_every_step(generate: ModuleType, tmp_path: Path) -> None:
    generate.generate(tmp_path, **SMALL)
    done = subprocess.run(
        [sys.executable, str(BENCH / "per_file.py"), str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("40 uppföljningar")
    for step in ("golv: yaml.load", "read_yaml", "personal_numbers", "salvage", "FOLLOWUP_RULES", "digest", "× golvet"):
        assert step in done.stdout, step


def test_the_city_report_gives_bodies_without_an_analysis_as_one_row_per_assessment(
    generate: ModuleType, tmp_path: Path
) -> None:
    """At city scale, bodies that say the same without an analysis are one row, a count with the names folded away,
    and none of them has a row of its own; every body with an analysis keeps a row, its own or one it shares with
    the bodies that wrote the same."""
    generate.generate(tmp_path, scale=1, year=2024, bodies=None)
    workspace = vp.open_workspace(tmp_path / "program.yaml", tmp_path / "uppfoljning")
    report = vp.build_report(workspace, vp.Period(2024, 2))
    html = vp.render_report(report, vp.ReportFormat.HTML)
    grouped = 0
    for goal in report.goals:
        for count in goal.unexplained:
            bare = [a.body_name for a in goal.assessments if a.assessment == count.label and not a.analysis]
            assert count.n == len(bare) >= 4
            assert sorted(count.names) == sorted(bare)
            assert f"<tr><td>{count.n} organ <details" in html
            grouped += 1
        table = html[html.index(f"<caption>Organens bedömning av {goal.id}") :]
        table = table[: table.index("</table>")]
        for a in goal.assessments:
            kept = a.analysis != "" or a.assessment not in {c.label for c in goal.unexplained}
            # Bodies with the same assessment and the same analysis, word for word, share one row.
            shared = [
                r for r in goal.assessment_rows if r.n > 1 and (r.assessment, r.analysis) == (a.assessment, a.analysis)
            ]
            own_row = f"<tr><td>{a.body_name}</td>" in table
            assert own_row == (kept and not shared), a
            if kept and shared:
                assert f"<tr><td>{shared[0].n} organ: {shared[0].bodies}</td>" in table
    assert grouped, "the generated city has goals where many bodies give no analysis"
