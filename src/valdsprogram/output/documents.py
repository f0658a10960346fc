"""The documents the tool writes (checklist, city-wide report, status matrix): for each, one function that assembles
its template context, charts included, and one that renders it, used alike by the CLI and by Python callers.

The contexts are a public contract: a folder given with `--mallar` receives exactly these names.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TypedDict

from markupsafe import Markup

from valdsprogram.controls import json_text
from valdsprogram.output.charts import report_charts, trend_chart
from valdsprogram.output.formats import DocumentFormat, ReportFormat, StatusFormat
from valdsprogram.output.templates import render, safe
from valdsprogram.report.build import Report
from valdsprogram.report.checklist import Checklist
from valdsprogram.report.status_matrix import Matrix


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
                f"{i.id}, stadens värde i {report.series_name} år för år",
                i.trend,
                i.unit,
            )
        )
        for g in report.goals
        for i in g.indicators
    }
    return {"r": report, "diagram": {name: safe(svg) for name, svg in charts.items()}, "trender": trends}


def render_checklist(
    checklist: Checklist, fmt: DocumentFormat = DocumentFormat.MD, *, templates: Path | None = None
) -> str:
    """The checklist as Markdown or HTML; `templates` is a folder of templates that replace the shipped ones.

    Raises TemplateProblem (a Swedish message) when a template is missing or broken.
    """
    return render("checklista", fmt, dict(checklist_context(checklist)), user_folder=templates)


def render_report(report: Report, fmt: ReportFormat = ReportFormat.MD, *, templates: Path | None = None) -> str:
    """The report as Markdown, self-contained HTML with charts, its data as JSON (see schema/rapport.schema.json)
    or as CSV (a row per indicator and body). A workbook is bytes: see `report_workbook`.

    Raises TemplateProblem (a Swedish message) when a template is missing or broken.
    """
    if fmt is ReportFormat.JSON:
        from valdsprogram.output.report_json import render_json

        return render_json(report)
    if fmt is ReportFormat.CSV:
        from valdsprogram.output.tables import report_table, to_csv

        return to_csv(report_table(report))
    if fmt is ReportFormat.XLSX:
        raise ValueError("a workbook is bytes, not text: use report_workbook")
    document = DocumentFormat(fmt.value)
    return render("rapport", document, dict(report_context(report, document)), user_folder=templates)


def report_workbook(report: Report) -> bytes:
    """The report's tables as an Excel workbook (what `rapport --format xlsx` writes)."""
    from valdsprogram.output.tables import report_tables, tables_workbook

    return tables_workbook(report_tables(report), report.per)


def render_status(matrix: Matrix, fmt: StatusFormat = StatusFormat.TEXT, *, width: int = 100) -> str:
    """The reporting matrix as a plain-text table (`width` characters wide), as JSON, or as CSV."""
    from valdsprogram.output import terminal

    if fmt is StatusFormat.JSON:
        return json_text(terminal.matrix_data(matrix))
    if fmt is StatusFormat.CSV:
        from valdsprogram.output.tables import status_table, to_csv

        return to_csv(status_table(terminal.matrix_data(matrix)))
    from rich.console import Console

    out = io.StringIO()
    Console(file=out, width=width, color_system=None, soft_wrap=False).print(terminal.matrix_view(matrix))
    return out.getvalue()
