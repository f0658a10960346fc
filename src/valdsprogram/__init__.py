"""valdsprogram: a city's action programme as data, and checks of the follow-ups against it.

The public API: open a workspace (the program and its follow-ups), validate, build a checklist, the city-wide
report or the status matrix, and render each to each of its formats. Names are imported on first use, so
`import valdsprogram` stays cheap (the command line's `--help` does not wait for pydantic or Jinja2).

    >>> import valdsprogram as vp
    >>> ws = vp.open_workspace(Path("program.yaml"), Path("uppfoljning"))
    >>> html = vp.render_report(vp.build_report(ws, ws.period("2023-VB")), vp.ReportFormat.HTML)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_HOMES = {
    # load
    "open_workspace": "valdsprogram.workspace",
    "Workspace": "valdsprogram.workspace",
    "WorkspaceError": "valdsprogram.workspace",
    "Period": "valdsprogram.periods",
    # check
    "validate": "valdsprogram.validation",
    "Validation": "valdsprogram.diagnostics",
    "Diagnostic": "valdsprogram.diagnostics",
    "Severity": "valdsprogram.diagnostics",
    "render_validation": "valdsprogram.validation_output",
    # summarise
    "build_checklist": "valdsprogram.checklist",
    "Checklist": "valdsprogram.checklist",
    "build_report": "valdsprogram.report",
    "Report": "valdsprogram.report",
    "status_matrix": "valdsprogram.coverage",
    "Matrix": "valdsprogram.coverage",
    "prefilled_followup": "valdsprogram.prefill",
    "Prefill": "valdsprogram.prefill",
    # render
    "render_checklist": "valdsprogram.documents",
    "render_report": "valdsprogram.documents",
    "render_status": "valdsprogram.documents",
    "report_workbook": "valdsprogram.documents",
    "checklist_context": "valdsprogram.documents",
    "report_context": "valdsprogram.documents",
    "ChecklistContext": "valdsprogram.documents",
    "ReportContext": "valdsprogram.documents",
    "TemplateProblem": "valdsprogram.render",
    "DocumentFormat": "valdsprogram.formats",
    "ReportFormat": "valdsprogram.formats",
    "ValidationFormat": "valdsprogram.formats",
    "StatusFormat": "valdsprogram.formats",
}

__all__ = ["__version__", *sorted(_HOMES)]


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'valdsprogram' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from valdsprogram.checklist import Checklist as Checklist
    from valdsprogram.checklist import build_checklist as build_checklist
    from valdsprogram.coverage import Matrix as Matrix
    from valdsprogram.coverage import status_matrix as status_matrix
    from valdsprogram.diagnostics import Diagnostic as Diagnostic
    from valdsprogram.diagnostics import Severity as Severity
    from valdsprogram.diagnostics import Validation as Validation
    from valdsprogram.documents import ChecklistContext as ChecklistContext
    from valdsprogram.documents import ReportContext as ReportContext
    from valdsprogram.documents import checklist_context as checklist_context
    from valdsprogram.documents import render_checklist as render_checklist
    from valdsprogram.documents import render_report as render_report
    from valdsprogram.documents import render_status as render_status
    from valdsprogram.documents import report_context as report_context
    from valdsprogram.documents import report_workbook as report_workbook
    from valdsprogram.formats import DocumentFormat as DocumentFormat
    from valdsprogram.formats import ReportFormat as ReportFormat
    from valdsprogram.formats import StatusFormat as StatusFormat
    from valdsprogram.formats import ValidationFormat as ValidationFormat
    from valdsprogram.periods import Period as Period
    from valdsprogram.prefill import Prefill as Prefill
    from valdsprogram.prefill import prefilled_followup as prefilled_followup
    from valdsprogram.render import TemplateProblem as TemplateProblem
    from valdsprogram.report import Report as Report
    from valdsprogram.report import build_report as build_report
    from valdsprogram.validation import validate as validate
    from valdsprogram.validation_output import render_validation as render_validation
    from valdsprogram.workspace import Workspace as Workspace
    from valdsprogram.workspace import WorkspaceError as WorkspaceError
    from valdsprogram.workspace import open_workspace as open_workspace
