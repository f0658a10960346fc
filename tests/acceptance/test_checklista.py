"""Rendering: escaping in HTML and Markdown, the shipped and the user's own templates, and template errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from valdsprogram.cli.app import app
from valdsprogram.model.periods import Period
from valdsprogram.output.formats import DocumentFormat
from valdsprogram.output.templates import TemplateProblem, markdown_cell, markdown_text, render
from valdsprogram.report.checklist import build_checklist
from valdsprogram.workspace import open_workspace

HOSTILE = 'Gör <script>alert("x")</script> och <img src=x onerror=alert(1)> | a\nb `kod` *fet*'


@pytest.fixture
def hostile_workspace(tmp_path: Path) -> Path:
    text = (ROOT / "tests" / "data" / "program.yaml").read_text(encoding="utf-8")
    text = text.replace("text: Utbilda medarbetare", f"text: {HOSTILE!r}".replace("\\n", "\\\\n"))
    text = text.replace("text: Andel utbildade", f"text: {HOSTILE!r}".replace("\\n", "\\\\n"))
    (tmp_path / "program.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_markdown_escaping() -> None:
    assert markdown_text("a | b\nc *d* <e>") == "a \\| b c \\*d\\* \\<e\\>"
    assert markdown_cell("a | b\nc") == "a \\| b<br>c"


def test_html_escapes_program_text(hostile_workspace: Path) -> None:
    workspace = open_workspace(hostile_workspace / "program.yaml", None)
    data = build_checklist(workspace, "sdn-syd", Period(2024, 0))
    html = render("checklista", DocumentFormat.HTML, {"c": data})
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html


def test_markdown_keeps_tables_intact(hostile_workspace: Path) -> None:
    workspace = open_workspace(hostile_workspace / "program.yaml", None)
    markdown = render("checklista", DocumentFormat.MD, {"c": build_checklist(workspace, "sdn-syd", Period(2024, 2))})
    rows = [line for line in markdown.splitlines() if line.startswith("| **I1.1**")]
    assert len(rows) == 1
    assert rows[0].count(" | ") == 7  # eight cells: no cell split by the | in the text
    assert "\\<script\\>" in rows[0]


def test_users_own_template_overrides_the_shipped_one(tmp_path: Path) -> None:
    (tmp_path / "checklista.md.j2").write_text("Egen: {{ c.body_name }} {{ c.per|datum }}\n", encoding="utf-8")
    workspace = open_workspace(ROOT / "program.yaml", None)
    data = build_checklist(workspace, "sdn-sodermalm", Period(2024, 0))
    assert (
        render("checklista", DocumentFormat.MD, {"c": data}, user_folder=tmp_path)
        == "Egen: Södermalms stadsdelsnämnd 2024-04-30\n"
    )


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{ c.body_name.__class__.__mro__ }}", "kunde inte användas"),
        ("{{ c.saknas }}", "använder ett värde som inte finns"),
        ("{% for x in %}", "checklista.md.j2:1: mallen har ett syntaxfel"),
        ('{% include "../../../etc/passwd" %}', "finns inte"),
    ],
)
def test_a_users_template_cannot_escape_and_errors_are_swedish(tmp_path: Path, template: str, message: str) -> None:
    (tmp_path / "checklista.md.j2").write_text(template, encoding="utf-8")
    workspace = open_workspace(ROOT / "program.yaml", None)
    data = build_checklist(workspace, "sdn-sodermalm", Period(2024, 0))
    with pytest.raises(TemplateProblem, match=message):
        render("checklista", DocumentFormat.MD, {"c": data}, user_folder=tmp_path)


def test_template_error_exits_2_without_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mallar").mkdir()
    (tmp_path / "mallar" / "checklista.md.j2").write_text("{{ c.saknas }}", encoding="utf-8")
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["checklista", "sdn-sodermalm", "--mallar", str(tmp_path / "mallar")])
    assert result.exit_code == 2
    assert "använder ett värde som inte finns" in result.output


def test_output_file_is_not_overwritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "lista.md"
    target.write_text("mitt arbete\n", encoding="utf-8")
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["checklista", "sdn-sodermalm", "-o", str(target)])
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8") == "mitt arbete\n"
    result = CliRunner().invoke(app, ["checklista", "sdn-sodermalm", "-o", str(target), "--skriv-over"])
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Checklista: Södermalms stadsdelsnämnd")


def test_html_is_self_contained_and_swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    html = CliRunner().invoke(app, ["checklista", "sdn-sodermalm", "-f", "html"]).output
    assert html.startswith('<!DOCTYPE html>\n<html lang="sv">')
    for external in ("src=", "href=", "@import", "url("):
        assert external not in html
    assert "@page { size: A4" in html
    assert dt.date(2024, 4, 30).isoformat() in html


@pytest.mark.parametrize("fmt", list(DocumentFormat))
def test_control_characters_are_shown_as_escapes_in_documents(tmp_path: Path, fmt: DocumentFormat) -> None:
    (tmp_path / f"checklista.{fmt.template}.j2").write_text("{{ t }}|{{ t|md }}|{{ t|cell }}\n", encoding="utf-8")
    text = render("checklista", fmt, {"t": "a\x1b[31mb\x00c\x07d\x85e\u202ef\ng"}, user_folder=tmp_path)
    assert text == (
        "a\\x1b[31mb\\x00c\\x07d\\x85e\\u202ef\ng"
        "|a\\\\x1b\\[31mb\\\\x00c\\\\x07d\\\\x85e\\\\u202ef g"
        "|a\\\\x1b\\[31mb\\\\x00c\\\\x07d\\\\x85e\\\\u202ef"
        + ("<br>" if fmt is DocumentFormat.MD else "&lt;br&gt;")  # the cell filter is for Markdown tables
        + "g\n"
    )
