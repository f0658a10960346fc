"""One format registry per document kind: every format of every enum has a renderer, text formats give `str`, PDF
and xlsx give `bytes`, and PDF is the bytes `--format pdf` writes."""

from __future__ import annotations

import enum
from pathlib import Path

import pytest
from typer.testing import CliRunner

import valdsprogram as vp
from conftest import ROOT
from valdsprogram.cli.app import app
from valdsprogram.git.history import BodyHistory
from valdsprogram.output import documents
from valdsprogram.output.lookups import LOOKUP_RENDERERS
from valdsprogram.output.validation import RENDERERS as VALIDATION_RENDERERS

BYTES = {"pdf", "xlsx"}
"""The formats that are bytes; every other is text."""

REGISTRIES: dict[str, tuple[type[enum.Enum], list[enum.Enum]]] = {
    "validation": (vp.ValidationFormat, list(VALIDATION_RENDERERS)),
    "checklist": (vp.DocumentFormat, list(documents.CHECKLIST_RENDERERS)),
    "report": (vp.ReportFormat, list(documents.REPORT_RENDERERS)),
    "status": (vp.StatusFormat, list(documents.STATUS_RENDERERS)),
    "history": (vp.ViewFormat, list(documents.HISTORY_RENDERERS)),
    "lookup": (vp.ViewFormat, list(LOOKUP_RENDERERS)),
}
"""Each document kind: its format enum, and the formats its registry renders."""


@pytest.fixture(scope="module")
def workspace() -> vp.Workspace:
    return vp.open_workspace(ROOT / "program.yaml", ROOT / "uppfoljning", base=ROOT)


@pytest.mark.parametrize("document", list(REGISTRIES))
def test_every_format_of_every_kind_has_a_renderer(document: str) -> None:
    kind, registry = REGISTRIES[document]
    assert registry == list(kind)


def _is_rendered(output: str | bytes, fmt: enum.Enum) -> bool:
    if fmt.value in BYTES:
        return isinstance(output, bytes) and output[:4] == (b"%PDF" if fmt.value == "pdf" else b"PK\x03\x04")
    return isinstance(output, str) and output.endswith("\n")


@pytest.mark.needs("pdf")
def test_each_checklist_and_report_format_renders(workspace: vp.Workspace) -> None:
    checklist = vp.build_checklist(workspace, "sdn-sodermalm", workspace.period("2024-T2"))
    for document_format in vp.DocumentFormat:
        assert _is_rendered(vp.render_checklist(checklist, document_format), document_format), document_format
    report = vp.build_report(workspace, workspace.period("2023-VB"))
    for report_format in vp.ReportFormat:
        assert _is_rendered(vp.render_report(report, report_format), report_format), report_format


def test_each_status_validation_and_history_format_renders(workspace: vp.Workspace) -> None:
    matrix = vp.status_matrix(workspace)
    for status_format in vp.StatusFormat:
        assert _is_rendered(vp.render_status(matrix, status_format), status_format), status_format
    for validation_format in vp.ValidationFormat:
        assert _is_rendered(vp.render_validation(workspace.validation, validation_format), validation_format)
    history = BodyHistory(workspace.body("sdn-sodermalm"), None, Path("uppfoljning"), [])
    for view_format in vp.ViewFormat:
        assert _is_rendered(vp.render_history(history, view_format), view_format), view_format


def test_a_workbook_is_the_report_workbook(workspace: vp.Workspace) -> None:
    report = vp.build_report(workspace, workspace.period("2023-VB"))
    assert vp.render_report(report, vp.ReportFormat.XLSX) == vp.report_workbook(report)


@pytest.mark.needs("pdf")
def test_a_pdf_is_the_bytes_the_command_writes(repo_copy: Path) -> None:
    result = CliRunner().invoke(app, ["rapport", "--period", "2023-VB", "-f", "pdf", "-o", "rapport.pdf"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(app, ["checklista", "sdn-sodermalm", "-f", "pdf", "-o", "checklista.pdf"])
    assert result.exit_code == 0, result.output
    workspace = vp.open_workspace(Path("program.yaml"), Path("uppfoljning"), base=repo_copy)
    report = vp.build_report(workspace, workspace.period("2023-VB"))
    assert vp.render_report(report, vp.ReportFormat.PDF) == Path("rapport.pdf").read_bytes()
    checklist = vp.build_checklist(workspace, "sdn-sodermalm", workspace.default_period())
    assert vp.render_checklist(checklist, vp.DocumentFormat.PDF) == Path("checklista.pdf").read_bytes()


def test_pdf_without_weasyprint_is_a_valdsprogram_error(
    workspace: vp.Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # `import weasyprint` now raises ImportError
    report = vp.build_report(workspace, workspace.period("2023-VB"))
    with pytest.raises(vp.ValdsprogramError, match=r"PDF kräver tillägget pdf") as refused:
        vp.render_report(report, vp.ReportFormat.PDF)
    assert refused.value.exit_code == 2
