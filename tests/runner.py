"""Running the command line in tests, and the one runner for tests kept as case folders.

A command runs in-process and may end with any exit code, but never with a traceback. A case folder (under
tests/data/scenarios/ or tests/data/hostile/) holds a case's input files, the command to run (`kommando.txt`, one line)
and the golden output (`forvantat.txt`); the golden holds the exit code and everything printed, and is rewritten
by `pytest --update-golden` (then read the diff).
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from conftest import TESTS, check_golden
from valdsprogram.cli.app import _app_for

FOLLOWUP = "uppfoljning/2024-T1/sdn-syd.yaml"
VALID = (
    "organ: sdn-syd\nperiod: 2024-T1\naktiviteter:\n  A1.1: {status: pågående}\n  A1.2: {status: genomförd}\n"
    "indikatorer:\n  I1.2: {utfall: 4, arsmal: 10}\nmal:\n  M1: {bedomning: helt}\n"
)
"""A follow-up of tests/data/program.yaml without findings, for cases that break something around it."""

Setup = Callable[[Path, pytest.MonkeyPatch], None]
"""Prepares what a case folder cannot hold (a FIFO, a link, a file the test patches) in the working folder."""


def invoke(args: list[str]) -> Result:
    """Run `valdsprogram` with the arguments in-process; whatever the exit code, nothing may raise past the CLI.

    The app is built as the console script builds it: with only the command the arguments name."""
    result = CliRunner().invoke(_app_for(args), args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def run(*args: str) -> tuple[int, str]:
    """The exit code and everything printed."""
    result = invoke(list(args))
    return result.exit_code, result.output


def case_folders(root: Path, marker: str) -> list[Path]:
    """The case folders under `root`: those that hold `marker`, in name order."""
    return sorted(p for p in root.iterdir() if (p / marker).exists())


def command_of(case: Path, default: str) -> list[str]:
    """The case's arguments from `kommando.txt`, or `default` when it has none."""
    command = case / "kommando.txt"
    return shlex.split(command.read_text(encoding="utf-8") if command.exists() else default)


def program_of(case: Path) -> Path | None:
    """The case's program: its own `program.yaml`, or the shared one its `program.txt` names (a path under tests/,
    such as `data/program.yaml`) so that no two cases hold copies of one program; None when it has neither."""
    if (case / "program.yaml").exists():
        return case / "program.yaml"
    named = case / "program.txt"
    return TESTS / named.read_text(encoding="utf-8").strip() if named.exists() else None


def transcript(result: Result) -> str:
    """The exit code and the output, as every golden file of a case folder begins."""
    return f"slutkod: {result.exit_code}\n{result.output}"


def check_case(case: Path, actual: str, *, update: bool) -> None:
    """Compare with the case's `forvantat.txt`, or rewrite it with `--update-golden`."""
    check_golden(case / "forvantat.txt", actual, update=update)
