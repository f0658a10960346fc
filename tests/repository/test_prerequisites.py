"""Tests that need tools from outside Python say what to install: skipped with the reason and one summary line, or,
with CI=true, one line that stops the run before any test (not a stack of failures).

Chromium is hidden by naming one that does not exist; the rest of what the browser tests need must be there."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.needs("browser")

ADVICE = "det saknas chromium. Installera med: apt-get install chromium"


def _pytest(*, ci: bool) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    env["CHROMIUM"] = str(ROOT / "finns-inte" / "chromium")
    if ci:
        env["CI"] = "true"
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/acceptance/test_browser.py"]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)


def test_with_ci_a_missing_tool_stops_the_run_with_one_line() -> None:
    result = _pytest(ci=True)
    assert result.returncode == 4, result.stdout
    errors = [line for line in (result.stdout + result.stderr).splitlines() if line.startswith("ERROR")]
    assert errors == [f"ERROR: CI=true, men 3 tester kan inte köras: {ADVICE}. Eller kör utan CI=true."]
    assert "FAILED" not in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_without_ci_the_tests_are_skipped_saying_what_to_install() -> None:
    result = _pytest(ci=False)
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    assert f"3 tester hoppades över: {ADVICE}. Med CI=true stoppar det körningen." in lines
    assert f"SKIPPED [3] tests/acceptance/test_browser.py: {ADVICE}" in lines
    assert lines[-1].startswith("3 skipped in ")
