"""The documents the tool writes (checklist, city-wide report, status matrix, a body's history): for each, a
registry from its format enum to a renderer, and one `render_*` call that looks the format up; the template
contexts, charts included. Used alike by the CLI and by Python callers.

Text formats give `str`; PDF and xlsx give `bytes`. The contexts are a public contract: a folder given with
`--mallar` receives exactly these names.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypedDict, overload

from markupsafe import Markup

from valdsprogram.controls import json_text
from valdsprogram.git.history import BodyHistory, history_json, history_text
from valdsprogram.output.charts import report_charts, trend_chart
from valdsprogram.output.formats import DocumentFormat, ReportFormat, StatusFormat, ViewFormat
from valdsprogram.output.pdf import html_to_pdf
from valdsprogram.output.pdf_bounds import bounded
from valdsprogram.output.templates import render, safe
from valdsprogram.report.build import Report
from valdsprogram.report.checklist import Checklist
from valdsprogram.report.status_matrix import Matrix

if TYPE_CHECKING:
    from valdsprogram.output.terminal import Screen


class ChecklistContext(TypedDict):
    """What `checklista.md.j2` and `checklista.html.j2` receive."""

    c: Checklist
    """The checklist: the body, the period, and per goal what the body must do and report."""


class ReportContext(TypedDict):
    """What `rapport.md.j2` and `rapport.html.j2` receive."""

    r: Report
    """The city-wide follow-up as plain data: coverage, summaries, per goal, changes and the appendix."""
    diagram: dict[str, Markup]
    """HTML only (empty in Markdown): the overview charts as inline SVG, `status` (activities' status per goal)
    and `bedomning` (the bodies' goal assessments)."""
    trender: dict[str, Markup]
    """HTML only (empty in Markdown): per indicator id, its city-wide trend as inline SVG (empty when there are
    fewer than two points)."""


def checklist_context(checklist: Checklist) -> ChecklistContext:
    """The checklist templates' context."""
    return {"c": checklist}


def report_context(report: Report, fmt: DocumentFormat) -> ReportContext:
    """The report templates' context: the report, and for HTML its charts."""
    if fmt is not DocumentFormat.HTML:
        return {"r": report, "diagram": {}, "trender": {}}
    charts = report_charts(report.goals, assessment_label=report.assessment_label)
    trends = {
        i.id: safe(
            trend_chart(
                f"trend-{i.id.replace('.', '-')}",
                f"{i.id}, stadens värde i {report.series_name} år för år, samma organ vid varje punkt",
                i.chart,
                i.unit,
            )
        )
        for g in report.goals
        for i in g.indicators
    }
    return {"r": report, "diagram": {name: safe(svg) for name, svg in charts.items()}, "trender": trends}


Templates = Path | None
"""A folder of templates that replace the shipped ones (`--mallar`), or None for the shipped ones."""


def _checklist_template(fmt: DocumentFormat) -> Callable[[Checklist, Templates], str]:
    def rendered(checklist: Checklist, templates: Templates) -> str:
        return render("checklista", fmt, dict(checklist_context(checklist)), user_folder=templates)

    return rendered


def _checklist_pdf(checklist: Checklist, templates: Templates) -> bytes:
    cut = bounded(checklist, whole_text_in="checklistan i HTML (--format html) och i program.yaml")
    return html_to_pdf(_checklist_template(DocumentFormat.HTML)(cut, templates))


CHECKLIST_RENDERERS: dict[DocumentFormat, Callable[[Checklist, Templates], str | bytes]] = {
    DocumentFormat.MD: _checklist_template(DocumentFormat.MD),
    DocumentFormat.HTML: _checklist_template(DocumentFormat.HTML),
    DocumentFormat.PDF: _checklist_pdf,
}
"""`checklista --format`: each format's renderer; PDF is the HTML document made into PDF."""


@overload
def render_checklist(
    checklist: Checklist,
    fmt: Literal[DocumentFormat.MD, DocumentFormat.HTML] = ...,
    *,
    templates: Templates = None,
) -> str: ...
@overload
def render_checklist(
    checklist: Checklist, fmt: Literal[DocumentFormat.PDF], *, templates: Templates = None
) -> bytes: ...
@overload
def render_checklist(checklist: Checklist, fmt: DocumentFormat, *, templates: Templates = None) -> str | bytes: ...
def render_checklist(
    checklist: Checklist, fmt: DocumentFormat = DocumentFormat.MD, *, templates: Templates = None
) -> str | bytes:
    """The checklist as Markdown, HTML, or PDF (bytes); `templates` is a folder of templates that replace the
    shipped ones.

    Raises TemplateProblem (a Swedish message) when a template is missing or broken, and PdfUnavailable when PDF
    is asked for without WeasyPrint (`pip install 'valdsprogram[pdf]'`).
    """
    return CHECKLIST_RENDERERS[fmt](checklist, templates)


def _report_template(fmt: DocumentFormat) -> Callable[[Report, Templates], str]:
    def rendered(report: Report, templates: Templates) -> str:
        return render("rapport", fmt, dict(report_context(report, fmt)), user_folder=templates)

    return rendered


def _report_pdf(report: Report, templates: Templates) -> bytes:
    cut = bounded(report, whole_text_in="rapporten i HTML (--format html) och i uppföljningsfilen")
    return html_to_pdf(_report_template(DocumentFormat.HTML)(cut, templates))


def _report_json(report: Report, templates: Templates) -> str:
    from valdsprogram.output.report_json import report_json_text

    return report_json_text(report)


def _report_csv(report: Report, templates: Templates) -> str:
    from valdsprogram.output.tables import report_table, to_csv

    return to_csv(report_table(report))


def _report_xlsx(report: Report, templates: Templates) -> bytes:
    return report_workbook(report)


REPORT_RENDERERS: dict[ReportFormat, Callable[[Report, Templates], str | bytes]] = {
    ReportFormat.MD: _report_template(DocumentFormat.MD),
    ReportFormat.HTML: _report_template(DocumentFormat.HTML),
    ReportFormat.PDF: _report_pdf,
    ReportFormat.JSON: _report_json,
    ReportFormat.CSV: _report_csv,
    ReportFormat.XLSX: _report_xlsx,
}
"""`rapport --format`: each format's renderer; the data formats take no templates."""


@overload
def render_report(
    report: Report,
    fmt: Literal[ReportFormat.MD, ReportFormat.HTML, ReportFormat.JSON, ReportFormat.CSV] = ...,
    *,
    templates: Templates = None,
) -> str: ...
@overload
def render_report(
    report: Report, fmt: Literal[ReportFormat.PDF, ReportFormat.XLSX], *, templates: Templates = None
) -> bytes: ...
@overload
def render_report(report: Report, fmt: ReportFormat, *, templates: Templates = None) -> str | bytes: ...
def render_report(report: Report, fmt: ReportFormat = ReportFormat.MD, *, templates: Templates = None) -> str | bytes:
    """The report as Markdown, self-contained HTML with charts, PDF (bytes), its data as JSON (see
    schema/rapport.schema.json), CSV (a row per indicator and body) or an Excel workbook (bytes, a table a sheet).

    Raises TemplateProblem (a Swedish message) when a template is missing or broken, and PdfUnavailable when PDF
    is asked for without WeasyPrint (`pip install 'valdsprogram[pdf]'`).
    """
    return REPORT_RENDERERS[fmt](report, templates)


def report_workbook(report: Report) -> bytes:
    """The report's tables as an Excel workbook (what `rapport --format xlsx` writes)."""
    from valdsprogram.output.tables import report_tables, tables_workbook

    return tables_workbook(report_tables(report), report.per)


def _status_text(matrix: Matrix, screen: Screen) -> str:
    from valdsprogram.output import terminal

    return terminal.plain_text(terminal.matrix_view(matrix), screen)


def _status_json(matrix: Matrix, screen: Screen) -> str:
    from valdsprogram.output import terminal

    return json_text(terminal.matrix_data(matrix))


def _status_csv(matrix: Matrix, screen: Screen) -> str:
    from valdsprogram.output import terminal
    from valdsprogram.output.tables import status_table, to_csv

    return to_csv(status_table(terminal.matrix_data(matrix)))


STATUS_RENDERERS: dict[StatusFormat, Callable[[Matrix, Screen], str]] = {
    StatusFormat.TEXT: _status_text,
    StatusFormat.JSON: _status_json,
    StatusFormat.CSV: _status_csv,
}
"""`status --format`: each format's renderer; only the table uses the screen."""


def render_status(
    matrix: Matrix, fmt: StatusFormat = StatusFormat.TEXT, *, width: int | None = 100, colour: bool = False
) -> str:
    """The reporting matrix as `valdsprogram status` shows it: a table (`width` characters wide; None: the
    terminal's width, as the command line uses; with the terminal's colours when `colour`), JSON, or CSV.

    Built with the git data `last_changes` gives, it is what the command shows.
    """
    from valdsprogram.output.terminal import Screen

    return STATUS_RENDERERS[fmt](matrix, Screen(width, colour))


def _history_text(history: BodyHistory) -> str:
    body = history.body
    if not history.files:
        when = f" för {history.period}" if history.period else ""
        return f"Det finns ingen uppföljning från {body.namn}{when} i {history.folder.as_posix()}.\n"
    return history_text(f"{body.namn} ({body.id})", history.files)


def _history_json(history: BodyHistory) -> str:
    return history_json(history.body.id, history.files)


HISTORY_RENDERERS: dict[ViewFormat, Callable[[BodyHistory], str]] = {
    ViewFormat.TEXT: _history_text,
    ViewFormat.JSON: _history_json,
}
"""`historik --format`: each format's renderer."""


def render_history(history: BodyHistory, fmt: ViewFormat = ViewFormat.TEXT) -> str:
    """A body's history from git (`file_history`) as `valdsprogram historik` writes it: terminal text, or JSON."""
    return HISTORY_RENDERERS[fmt](history)
