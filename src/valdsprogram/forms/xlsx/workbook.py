"""The follow-up workbook `mall --format xlsx` writes, as one call: the form, its bytes and where it goes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from valdsprogram.forms.form import build_form
from valdsprogram.forms.xlsx.writer import form_workbook
from valdsprogram.model.periods import Period
from valdsprogram.sources import COMPILATION_FOLDER
from valdsprogram.workspace import Workspace, WorkspaceError


@dataclass(frozen=True, slots=True)
class FollowUpWorkbook:
    """A follow-up workbook to write, fill in in Excel and read back with `import_workbook`."""

    path: Path
    """The file name `mall` gives it by default: <organ>-<period>.xlsx in the working folder."""
    data: bytes
    """The .xlsx file; the same form always gives the same bytes."""
    period: Period
    """The period it reports."""
    filed: bool
    """Whether it holds the body's filed follow-up for the period (a correction)."""
    carried_from: Period | None
    """The earlier report this year whose statuses and targets were carried forward, if any."""


def followup_workbook(workspace: Workspace, body_id: str, period_text: str) -> FollowUpWorkbook:
    """The body's follow-up of the period as a workbook, holding its filed values for the period when there are
    some; raises WorkspaceError when the body or period does not allow it (a compilation is YAML only)."""
    if body_id == COMPILATION_FOLDER:
        raise WorkspaceError("sammanställningen skrivs bara som YAML; utelämna --format xlsx.")
    form = build_form(workspace, body_id, period_text, use_filed=True)
    path = Path(f"{form.body.id}-{form.period}.xlsx")
    return FollowUpWorkbook(path, form_workbook(form), form.period, form.filed, form.earlier)
