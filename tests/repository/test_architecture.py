"""docs/architecture.md: the families and every module of src/valdsprogram, one line each, from the docstrings.

The page's prose above MARKER is written by hand; everything below it is generated here from each package's and
module's docstring (its first sentence), so that a module added, moved or removed without the page following fails
this test. Regenerate with `python -m pytest tests/repository/test_architecture.py --update-golden` and read the diff.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import ROOT, check_golden

PAGE = ROOT / "docs" / "architecture.md"
PACKAGE = ROOT / "src" / "valdsprogram"
MARKER = "<!-- Generated from the docstrings by tests/repository/test_architecture.py: do not edit below by hand. -->\n"

FAMILY_ORDER = ("", "yaml", "model", "check", "check/rules", "report", "output", "forms", "forms/xlsx", "git", "cli")
"""The families in the order data flows through them; a package not named here follows them, by name."""


def first_sentence(path: Path) -> str:
    """The first sentence of the file's docstring, on one line."""
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert docstring, f"{path.relative_to(ROOT)} has no docstring: open it with one sentence saying what it holds"
    paragraph = " ".join(docstring.split("\n\n")[0].split())
    return re.split(r"(?<=[.!?])\s+(?=[A-Z`\"(])", paragraph)[0]


def _family_key(folder: str) -> tuple[int, str]:
    return (FAMILY_ORDER.index(folder) if folder in FAMILY_ORDER else len(FAMILY_ORDER), folder)


def module_map() -> str:
    """Each package as a heading with its docstring, and each of its modules as one line."""
    found = {p.parent.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")}
    parts = []
    for folder in sorted((f.removeprefix(".") for f in found), key=_family_key):
        package = PACKAGE / folder
        name = ".".join(["valdsprogram", *filter(None, folder.split("/"))])
        parts.append(f"\n### `{name}`\n\n{first_sentence(package / '__init__.py')}\n\n")
        for module in sorted(package.glob("*.py")):
            if module.name != "__init__.py":
                where = f"{folder}/{module.name}" if folder else module.name
                parts.append(f"- `{where}`: {first_sentence(module)}\n")
    return "".join(parts)


def test_the_page_lists_every_family_and_module(update_golden: bool) -> None:
    page = PAGE.read_text(encoding="utf-8")
    assert MARKER in page, f"{PAGE.relative_to(ROOT)} has lost its marker line: {MARKER}"
    prose = page.split(MARKER)[0]
    check_golden(PAGE, prose + MARKER + module_map(), update=update_golden)
