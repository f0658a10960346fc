"""Shared test options and fixtures: `--update-golden` rewrites golden files instead of comparing with them,
`repo_copy` gives a test its own copy of the shipped program and follow-ups, and tests marked `needs(...)` run only
where what they need from outside Python is installed (see prerequisites.py).

`pytest -m "not slow"` is the quick loop. A test is `slow` when it starts a browser, LibreOffice, pre-commit, the
PDF tools, WeasyPrint or a real shell, or when it fuzzes or benchmarks; tests marked `needs(...)` are made slow
here. A test that is not marked slow and starts one of SLOW_PROGRAMS or WeasyPrint fails, saying to mark it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

import prerequisites

TESTS = Path(__file__).parent
ROOT = TESTS.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Skriv om golden-filerna med dagens utdata.")


SLOW_PROGRAMS = frozenset(
    {
        *("chromium", "chromium-browser", "node", "npm"),  # the browser tests
        *("soffice", "libreoffice"),
        *("pre-commit", "pre_commit"),  # pre_commit as in `python -m pre_commit`
        *("pdftotext", "pdfinfo"),
        *("bash", "zsh", "fish"),  # real shells, for completion
    }
)
"""What a test must be marked `slow` to start (the program's file name, or the module `python -m` runs)."""


def pytest_itemcollected(item: pytest.Item) -> None:
    """A test that needs something from outside Python is slow (marked before -m selects)."""
    if _needs(item) and item.get_closest_marker("slow") is None:
        item.add_marker(pytest.mark.slow)


_SKIPPED: list[str] = []
"""The one line that says why tests were skipped, for the summary."""


@pytest.hookimpl(trylast=True)  # after -m and -k have deselected what will not run
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    kinds = set().union(*(_needs(item) for item in items))
    if not kinds:
        return
    failed_npm = prerequisites.install_browser_packages() if "browser" in kinds else None
    if not (absent := prerequisites.missing(kinds)):
        return
    failure = f" ({failed_npm})" if failed_npm else ""
    line = prerequisites.advice(absent) + failure
    affected = [item for item in items if _needs(item) & _kinds_of(absent)]
    if os.environ.get("CI"):
        raise pytest.UsageError(f"CI=true, men {len(affected)} tester kan inte köras: {line}. Eller kör utan CI=true.")
    for item in affected:
        reason = prerequisites.advice(prerequisites.missing(_needs(item))) + (
            failure if "browser" in _needs(item) else ""
        )
        item.add_marker(pytest.mark.skip(reason=reason))
    _SKIPPED.append(f"{len(affected)} tester hoppades över: {line}. Med CI=true stoppar det körningen.")


def _needs(item: pytest.Item) -> set[str]:
    return {str(mark.args[0]) for mark in item.iter_markers("needs")}


def _kinds_of(tools: list[prerequisites.Tool]) -> set[str]:
    return {kind for kind, needed in prerequisites.NEEDS.items() if any(t in needed for t in tools)}


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for line in _SKIPPED:
        terminalreporter.write_line(line, yellow=True, bold=True)


@pytest.fixture
def repo_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped program.yaml and uppfoljning/ copied to a temporary folder, which is made the working folder."""
    shutil.copy(ROOT / "program.yaml", tmp_path / "program.yaml")
    shutil.copytree(ROOT / "uppfoljning", tmp_path / "uppfoljning")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(autouse=True)
def no_git_history(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """`status` and `rapport --bilagor` show each follow-up's last commit when the data is in git, and the test
    data is in the project's own repository: its history would move the goldens with every commit. Only tests
    marked `git_history` (which build their own repository) read git."""
    if request.node.get_closest_marker("git_history") is None:
        monkeypatch.setattr("valdsprogram.git.log.followup_changes", lambda folder: {})


@pytest.fixture(autouse=True)
def quick_tests_start_nothing_slow(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A test not marked `slow` fails when it starts one of SLOW_PROGRAMS or draws with WeasyPrint, so that
    `-m "not slow"` stays the quick loop."""
    if request.node.get_closest_marker("slow") is not None:
        return
    start = subprocess.Popen.__init__

    def refuse(self: subprocess.Popen[Any], args: Any, *more: Any, **options: Any) -> None:
        program = _program(args)
        if program in SLOW_PROGRAMS:
            pytest.fail(f"Testet startar {program}: märk det @pytest.mark.slow.", pytrace=False)
        start(self, args, *more, **options)

    monkeypatch.setattr(subprocess.Popen, "__init__", refuse)
    monkeypatch.setitem(sys.modules, "weasyprint", _RefusedWeasyPrint("weasyprint"))


def _program(args: Any) -> str:
    """The program a Popen argument list starts: the file's name, or the module after `python -m`."""
    words = [str(args)] if isinstance(args, str | bytes | os.PathLike) else [str(a) for a in args]
    name = Path(words[0]).name if words else ""
    if name.startswith("python") and len(words) > 2 and words[1] == "-m":
        return words[2]
    return name


class _RefusedWeasyPrint(types.ModuleType):
    """Stands in for WeasyPrint in a quick test: any use of it fails the test."""

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):
            raise AttributeError(name)
        pytest.fail("Testet ritar en PDF med WeasyPrint: märk det @pytest.mark.slow.", pytrace=False)


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def check_golden(path: Path, actual: str, *, update: bool) -> None:
    """Compare with a golden file, or rewrite it when `--update-golden` is given (then review the diff)."""
    if update:
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"{path} saknas: kör pytest --update-golden och granska filen"
    assert actual == path.read_text(encoding="utf-8")
