"""What some tests need from outside Python, found once per session: Chromium with node and axe-core (the browser
tests), LibreOffice Calc (the workbook saved by Calc) and poppler-utils with WeasyPrint (the PDF tests).

A test says what it needs with `@pytest.mark.needs("browser")` (or "libreoffice", "pdf"). When something is missing,
the tests that need it are skipped with the reason, and the summary says in one line what to install; with CI=true
(as GitHub and GitLab set it) the run stops before any test with that one line instead, since CI must run them all.
When npm is there but tests/browser has no node_modules yet, `npm ci` installs axe-core and playwright-core first.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BROWSER = Path(__file__).parent / "browser"


def chromium() -> Path | None:
    """Chromium as `$CHROMIUM` names it, or else as found on PATH."""
    named = os.environ.get("CHROMIUM")
    if named:
        return Path(named) if Path(named).is_file() else None
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return Path(found) if found else None


def _axe_installed() -> bool:
    return (BROWSER / "node_modules" / "axe-core").is_dir() and (BROWSER / "node_modules" / "playwright-core").is_dir()


def _module(name: str) -> Callable[[], bool]:
    return lambda: importlib.util.find_spec(name) is not None


def _pango() -> bool:
    """WeasyPrint is importable only where the Pango library it draws with is installed."""
    if importlib.util.find_spec("weasyprint") is None:
        return True  # said by the weasyprint entry
    try:
        import weasyprint  # noqa: F401
    except OSError:
        return False
    return True


@dataclass(frozen=True)
class Tool:
    name: str
    """What is missing, as the person installing it knows it."""
    package: str
    """The Debian and Ubuntu package that brings it, or else the command that installs it."""
    present: Callable[[], bool]


NEEDS: dict[str, tuple[Tool, ...]] = {
    "browser": (
        Tool("chromium", "chromium", lambda: chromium() is not None),
        Tool("node", "nodejs", lambda: shutil.which("node") is not None),
        # With npm there, the run installs them itself (`npm ci`): missing only without npm, or when that failed.
        Tool("axe-core i tests/browser", "npm", _axe_installed),
    ),
    "libreoffice": (
        Tool(
            "LibreOffice Calc",
            "libreoffice-calc-nogui",
            lambda: (shutil.which("soffice") or shutil.which("libreoffice")) is not None,
        ),
    ),
    "pdf": (
        Tool("weasyprint", "pip install -e '.[test]'", _module("weasyprint")),
        Tool("pypdf", "pip install -e '.[test]'", _module("pypdf")),
        Tool("Pango", "libpangoft2-1.0-0", _pango),
        Tool("pdftotext", "poppler-utils", lambda: shutil.which("pdftotext") is not None),
    ),
}


def install_browser_packages() -> str | None:
    """`npm ci` in tests/browser when npm is there and the packages are not; the reason when that fails."""
    npm = shutil.which("npm")
    if _axe_installed() or npm is None or shutil.which("node") is None:
        return None
    try:
        result = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=BROWSER,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"npm ci i tests/browser misslyckades: {error}"
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["okänt fel"])[-1]
        return f"npm ci i tests/browser misslyckades: {last}"
    return None


def missing(kinds: set[str]) -> list[Tool]:
    """The tools the given kinds of test need that are not there, each once, in a stable order."""
    found: list[Tool] = []
    for kind in sorted(kinds):
        for tool in NEEDS[kind]:
            if tool not in found and not tool.present():
                found.append(tool)
    return found


def advice(tools: list[Tool]) -> str:
    """One sentence: what is missing and how to install it."""
    packages = [t.package for t in tools if " " not in t.package]
    commands = [t.package for t in tools if " " in t.package]
    how = [f"apt-get install {' '.join(dict.fromkeys(packages))}"] if packages else []
    how += list(dict.fromkeys(commands))
    tail = " (testerna kör sedan npm ci i tests/browser)" if "npm" in packages else ""
    return f"det saknas {', '.join(t.name for t in tools)}. Installera med: {'; '.join(how)}{tail}"
