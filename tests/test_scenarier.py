"""Golden scenarios: a folder of input files, the command run in it, and the exact expected output.

Each folder under tests/scenarier/ holds `kommando.txt` (the arguments, one line, run in that folder) and
`forvantat.txt` (the exit code and everything printed). Regenerate with `pytest --update-golden`.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import check_golden
from valdsprogram.cli import app

SCENARIOS = sorted(p for p in (Path(__file__).parent / "scenarier").iterdir() if (p / "kommando.txt").exists())


@pytest.mark.parametrize("folder", SCENARIOS, ids=[p.name for p in SCENARIOS])
def test_scenario(folder: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool) -> None:
    monkeypatch.chdir(folder)
    args = shlex.split((folder / "kommando.txt").read_text(encoding="utf-8"))
    result = CliRunner().invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    check_golden(folder / "forvantat.txt", f"slutkod: {result.exit_code}\n{result.output}", update=update_golden)
