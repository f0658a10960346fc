"""Shared test options and fixtures: `--update-golden` rewrites golden files instead of comparing with them, and
`repo_copy` gives a test its own copy of the shipped program and follow-ups."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
ROOT = TESTS.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Skriv om golden-filerna med dagens utdata.")


@pytest.fixture
def repo_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped program.yaml and uppfoljning/ copied to a temporary folder, which is made the working folder."""
    shutil.copy(ROOT / "program.yaml", tmp_path / "program.yaml")
    shutil.copytree(ROOT / "uppfoljning", tmp_path / "uppfoljning")
    monkeypatch.chdir(tmp_path)
    return tmp_path


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
