"""valdsprogram: a city's action programme as data, and checks of the follow-ups against it.

The public API: open a workspace (the program and its follow-ups), validate, build a checklist, the city-wide
report or the status matrix, and render each to each of its formats. Names are imported on first use, so
`import valdsprogram` stays cheap (the command line's `--help` does not wait for pydantic or Jinja2).

    >>> import valdsprogram as vp
    >>> ws = vp.open_workspace(Path("program.yaml"), Path("uppfoljning"))
    >>> html = vp.render_report(vp.build_report(ws, ws.period("2023-VB")), vp.ReportFormat.HTML)
    >>> pdf = vp.render_report(vp.build_report(ws, ws.period("2023-VB")), vp.ReportFormat.PDF)  # bytes

Every refusal is a `ValdsprogramError`: a Swedish message and the exit code the command line ends with.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_HOMES = {
    # every refusal
    "ValdsprogramError": "valdsprogram.errors",
    "FollowUpsHaveErrors": "valdsprogram.report.build",
    "NothingWritten": "valdsprogram.writing",
    "PdfUnavailable": "valdsprogram.output.pdf",
    "TemplateTooLarge": "valdsprogram.forms.followup_yaml",
    "WriteRefused": "valdsprogram.writing",
    "SourceError": "valdsprogram.sources",
    # load
    "open_workspace": "valdsprogram.workspace",
    "Workspace": "valdsprogram.workspace",
    "WorkspaceError": "valdsprogram.workspace",
    "Period": "valdsprogram.model.periods",
    "parse_day": "valdsprogram.model.periods",
    # check
    "validate": "valdsprogram.check.validation",
    "validate_paths": "valdsprogram.check.validation",
    "Validation": "valdsprogram.diagnostics",
    "Diagnostic": "valdsprogram.diagnostics",
    "Severity": "valdsprogram.diagnostics",
    "render_validation": "valdsprogram.output.validation",
    # summarise
    "build_checklist": "valdsprogram.report.checklist",
    "Checklist": "valdsprogram.report.checklist",
    "build_report": "valdsprogram.report.build",
    "Report": "valdsprogram.report.build",
    "status_matrix": "valdsprogram.report.status_matrix",
    "Matrix": "valdsprogram.report.status_matrix",
    # look up (visa)
    "lookup_goals": "valdsprogram.report.views",
    "lookup_revisions": "valdsprogram.report.views",
    "lookup_activity": "valdsprogram.report.views",
    "lookup_indicator": "valdsprogram.report.views",
    "lookup_bodies": "valdsprogram.report.views",
    "lookup_day": "valdsprogram.report.views",
    "Lookup": "valdsprogram.report.views",
    "completion_choices": "valdsprogram.report.completion",
    # git (historik, and the last changes in status and the report's appendices)
    "file_history": "valdsprogram.git.history",
    "BodyHistory": "valdsprogram.git.history",
    "last_changes": "valdsprogram.git.log",
    "uncommitted_followups": "valdsprogram.git.worktree",
    # forms (mall, importera)
    "prefilled_followup": "valdsprogram.forms.followup_yaml",
    "prefilled_yaml": "valdsprogram.forms.followup_yaml",
    "prefilled_compilation": "valdsprogram.forms.compilation_yaml",
    "Prefill": "valdsprogram.forms.followup_yaml",
    "followup_workbook": "valdsprogram.forms.xlsx.workbook",
    "FollowUpWorkbook": "valdsprogram.forms.xlsx.workbook",
    "import_workbook": "valdsprogram.forms.xlsx.importer",
    "WorkbookImport": "valdsprogram.forms.xlsx.importer",
    # schemas (schema)
    "program_schema": "valdsprogram.output.schemas",
    "followup_schema": "valdsprogram.output.schemas",
    "schema_file": "valdsprogram.output.schemas",
    "write_schemas": "valdsprogram.output.schemas",
    "changed_schemas": "valdsprogram.output.schemas",
    # render
    "render_checklist": "valdsprogram.output.documents",
    "render_report": "valdsprogram.output.documents",
    "render_status": "valdsprogram.output.documents",
    "render_history": "valdsprogram.output.documents",
    "render_lookup": "valdsprogram.output.lookups",
    "report_workbook": "valdsprogram.output.documents",
    "checklist_context": "valdsprogram.output.documents",
    "report_context": "valdsprogram.output.documents",
    "ChecklistContext": "valdsprogram.output.documents",
    "ReportContext": "valdsprogram.output.documents",
    "TemplateProblem": "valdsprogram.output.templates",
    "DocumentFormat": "valdsprogram.output.formats",
    "ReportFormat": "valdsprogram.output.formats",
    "ValidationFormat": "valdsprogram.output.formats",
    "StatusFormat": "valdsprogram.output.formats",
    "ViewFormat": "valdsprogram.output.formats",
    "TemplateFormat": "valdsprogram.output.formats",
    # write (atomically, never over a file unless asked) and say what went wrong, in Swedish
    "write_atomic": "valdsprogram.writing",
    "check_targets": "valdsprogram.writing",
    "write_all": "valdsprogram.writing",
    "os_error_text": "valdsprogram.text",
    "printable_path": "valdsprogram.yaml.reader",
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
    from valdsprogram.check.validation import validate as validate
    from valdsprogram.check.validation import validate_paths as validate_paths
    from valdsprogram.diagnostics import Diagnostic as Diagnostic
    from valdsprogram.diagnostics import Severity as Severity
    from valdsprogram.diagnostics import Validation as Validation
    from valdsprogram.errors import ValdsprogramError as ValdsprogramError
    from valdsprogram.forms.compilation_yaml import prefilled_compilation as prefilled_compilation
    from valdsprogram.forms.followup_yaml import Prefill as Prefill
    from valdsprogram.forms.followup_yaml import TemplateTooLarge as TemplateTooLarge
    from valdsprogram.forms.followup_yaml import prefilled_followup as prefilled_followup
    from valdsprogram.forms.followup_yaml import prefilled_yaml as prefilled_yaml
    from valdsprogram.forms.xlsx.importer import WorkbookImport as WorkbookImport
    from valdsprogram.forms.xlsx.importer import import_workbook as import_workbook
    from valdsprogram.forms.xlsx.workbook import FollowUpWorkbook as FollowUpWorkbook
    from valdsprogram.forms.xlsx.workbook import followup_workbook as followup_workbook
    from valdsprogram.git.history import BodyHistory as BodyHistory
    from valdsprogram.git.history import file_history as file_history
    from valdsprogram.git.log import last_changes as last_changes
    from valdsprogram.git.worktree import uncommitted_followups as uncommitted_followups
    from valdsprogram.model.periods import Period as Period
    from valdsprogram.model.periods import parse_day as parse_day
    from valdsprogram.output.documents import ChecklistContext as ChecklistContext
    from valdsprogram.output.documents import ReportContext as ReportContext
    from valdsprogram.output.documents import checklist_context as checklist_context
    from valdsprogram.output.documents import render_checklist as render_checklist
    from valdsprogram.output.documents import render_history as render_history
    from valdsprogram.output.documents import render_report as render_report
    from valdsprogram.output.documents import render_status as render_status
    from valdsprogram.output.documents import report_context as report_context
    from valdsprogram.output.documents import report_workbook as report_workbook
    from valdsprogram.output.formats import DocumentFormat as DocumentFormat
    from valdsprogram.output.formats import ReportFormat as ReportFormat
    from valdsprogram.output.formats import StatusFormat as StatusFormat
    from valdsprogram.output.formats import TemplateFormat as TemplateFormat
    from valdsprogram.output.formats import ValidationFormat as ValidationFormat
    from valdsprogram.output.formats import ViewFormat as ViewFormat
    from valdsprogram.output.lookups import render_lookup as render_lookup
    from valdsprogram.output.pdf import PdfUnavailable as PdfUnavailable
    from valdsprogram.output.schemas import changed_schemas as changed_schemas
    from valdsprogram.output.schemas import followup_schema as followup_schema
    from valdsprogram.output.schemas import program_schema as program_schema
    from valdsprogram.output.schemas import schema_file as schema_file
    from valdsprogram.output.schemas import write_schemas as write_schemas
    from valdsprogram.output.templates import TemplateProblem as TemplateProblem
    from valdsprogram.output.validation import render_validation as render_validation
    from valdsprogram.report.build import FollowUpsHaveErrors as FollowUpsHaveErrors
    from valdsprogram.report.build import Report as Report
    from valdsprogram.report.build import build_report as build_report
    from valdsprogram.report.checklist import Checklist as Checklist
    from valdsprogram.report.checklist import build_checklist as build_checklist
    from valdsprogram.report.completion import completion_choices as completion_choices
    from valdsprogram.report.status_matrix import Matrix as Matrix
    from valdsprogram.report.status_matrix import status_matrix as status_matrix
    from valdsprogram.report.views import Lookup as Lookup
    from valdsprogram.report.views import lookup_activity as lookup_activity
    from valdsprogram.report.views import lookup_bodies as lookup_bodies
    from valdsprogram.report.views import lookup_day as lookup_day
    from valdsprogram.report.views import lookup_goals as lookup_goals
    from valdsprogram.report.views import lookup_indicator as lookup_indicator
    from valdsprogram.report.views import lookup_revisions as lookup_revisions
    from valdsprogram.sources import SourceError as SourceError
    from valdsprogram.text import os_error_text as os_error_text
    from valdsprogram.workspace import Workspace as Workspace
    from valdsprogram.workspace import WorkspaceError as WorkspaceError
    from valdsprogram.workspace import open_workspace as open_workspace
    from valdsprogram.writing import NothingWritten as NothingWritten
    from valdsprogram.writing import WriteRefused as WriteRefused
    from valdsprogram.writing import check_targets as check_targets
    from valdsprogram.writing import write_all as write_all
    from valdsprogram.writing import write_atomic as write_atomic
    from valdsprogram.yaml.reader import printable_path as printable_path
