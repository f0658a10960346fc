"""HTML reports and checklists in real headless Chromium: axe-core's WCAG 2.1 A/AA rules pass with zero
violations, and hostile text in follow-ups and the program neither runs a script nor sends a request.

Needs Chromium, node and axe-core with playwright-core in tests/browser (`npm ci`, which the run does itself when
npm is there); `.ci/run` installs them. Without them the tests are skipped, or with CI=true the run stops, saying what
to install (tests/prerequisites.py).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import TESTS
from prerequisites import chromium
from valdsprogram.cli.app import app

BROWSER = TESTS / "browser"

pytestmark = pytest.mark.needs("browser")

PAYLOADS = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1">',
    '<a href="javascript:window.__xss=1">klicka</a>',
    '<svg onload="window.__xss=1"><script>window.__xss=1</script></svg>',
    '"><script>window.__xss=1</script>',
    "'><img src=x onerror=alert(1)>",
    "</title><script>alert(1)</script>",
    '<iframe src="https://exempel.invalid/"></iframe>',
    '<link rel="stylesheet" href="https://exempel.invalid/x.css">',
    "<style>@import url(https://exempel.invalid/y.css);</style>",
]


def _check(files: list[Path]) -> list[dict[str, object]]:
    result = subprocess.run(
        ["node", str(BROWSER / "check.mjs"), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "CHROMIUM": str(chromium())},
    )
    pages = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(pages) == len(files), result.stderr
    return pages


def _render(workdir: Path, *args: str) -> Path:
    target = workdir / f"{'-'.join(a.strip('-') for a in args if not a.startswith('2'))}.html"
    result = CliRunner().invoke(app, [*args, "-f", "html", "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target


def _make_hostile(workdir: Path) -> None:
    """Put every payload into a comment of each follow-up and into an activity's text in the program."""
    text = json.dumps(" ".join(PAYLOADS), ensure_ascii=False)
    for path in (workdir / "uppfoljning").rglob("*.yaml"):
        source = path.read_text(encoding="utf-8")
        path.write_text(source.replace('kommentar: "', f"kommentar: {text[:-1]} ", 1), encoding="utf-8")
    program = (workdir / "program.yaml").read_text(encoding="utf-8")
    program = program.replace('text: "Erbjuda föräldraskapsstöd', f"text: {text[:-1]} Erbjuda föräldraskapsstöd", 1)
    (workdir / "program.yaml").write_text(program, encoding="utf-8")


def test_reports_and_checklists_pass_axe_in_chromium(repo_copy: Path) -> None:
    workdir = repo_copy
    files = [
        _render(workdir, "rapport", "--period", "2023-VB", "--bara-rapporterande"),
        _render(workdir, "rapport", "--period", "2024-T1"),
        _render(workdir, "checklista", "sdn-sodermalm", "--period", "2024-T1"),
        _render(workdir, "checklista", "utbildningsnamnden", "--period", "2023-VB"),
        _render(workdir, "checklista", "ab-svenska-bostader", "--period", "2023-T2"),
    ]
    for page in _check(files):
        assert page["ok"], json.dumps(page, ensure_ascii=False, indent=2)
        assert page["passes"], "axe ran no rule at all"


def test_hostile_text_runs_no_script_and_sends_no_request(repo_copy: Path) -> None:
    workdir = repo_copy
    _make_hostile(workdir)
    report = _render(workdir, "rapport", "--period", "2023-VB", "--bara-rapporterande", "--trots-fel")
    checklist = _render(workdir, "checklista", "sdn-sodermalm", "--period", "2024-T1")
    assert "window.__xss" in report.read_text(encoding="utf-8")  # the payloads are there, as text
    assert "Erbjuda föräldraskapsstöd" in checklist.read_text(encoding="utf-8")
    for page in _check([report, checklist]):
        assert page["xss"] is False, page
        assert page["dialogs"] == [], page
        assert page["requests"] == [], page
        assert page["ok"], json.dumps(page, ensure_ascii=False, indent=2)


def test_the_trap_itself_catches_a_script_and_a_request(tmp_path: Path) -> None:
    """The checks above can fail: a page that runs a script and loads an image is caught."""
    page = tmp_path / "fälla.html"
    page.write_text(
        '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>f</title></head><body><main>'
        '<h1>f</h1><img src="x.png" alt="x"><script>window.__xss=1</script></main></body></html>',
        encoding="utf-8",
    )
    [result] = _check([page])
    assert (result["ok"], result["xss"], result["requests"]) == (False, True, [(tmp_path / "x.png").as_uri()])
