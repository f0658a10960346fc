"""The layering the architecture page promises, checked on the source: only the cli imports Typer, the cli uses
only the public API, and no cli module grows past a screenful or two."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import valdsprogram
from conftest import ROOT

PACKAGE = ROOT / "src" / "valdsprogram"
CLI = PACKAGE / "cli"
MAX_CLI_LINES = 250


def _imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """Each import in a module: its line, the module imported from, and the names taken from it."""
    found: list[tuple[int, str, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module is not None and node.level == 0:
            found.append((node.lineno, node.module, [alias.name for alias in node.names]))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name, []) for alias in node.names)
    return found


def _shown(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", sorted(CLI.rglob("*.py")), ids=_shown)
def test_the_command_line_uses_only_the_public_api(path: Path) -> None:
    wrong = [
        f"{_shown(path)}:{line}: {module} {names}"
        for line, module, names in _imports(path)
        if (module == "valdsprogram" and not set(names) <= set(valdsprogram.__all__))
        or (module.startswith("valdsprogram.") and not module.startswith("valdsprogram.cli"))
    ]
    assert wrong == []


@pytest.mark.parametrize("path", sorted(CLI.rglob("*.py")), ids=_shown)
def test_no_command_line_module_is_long(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_CLI_LINES


def test_only_the_command_line_imports_typer() -> None:
    outside = [path for path in PACKAGE.rglob("*.py") if CLI not in path.parents]
    wrong = [
        f"{_shown(path)}:{line}"
        for path in outside
        for line, module, _ in _imports(path)
        if module.split(".")[0] in ("typer", "click")
    ]
    assert outside
    assert wrong == []


def test_git_is_called_in_one_place_only() -> None:
    """Every git call goes through `valdsprogram.git.log.run_git`, which shuts out the repository's own programs:
    no other module starts a process that names git."""
    callers = [
        _shown(path)
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != PACKAGE / "git" / "log.py"
        and "subprocess" in (text := path.read_text(encoding="utf-8"))
        and '"git"' in text
    ]
    assert callers == []
