"""Output formats: every command's choices as enums, and nothing else, so that the command line can name them
before a command runs (`--help` imports this module). What `validera` writes in each of its formats is in
`validation_output.py`.
"""

from __future__ import annotations

import enum


class ValidationFormat(enum.StrEnum):
    """What `validera --format` writes."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    GITLAB = "gitlab"


class DocumentFormat(enum.StrEnum):
    """What checklists and reports are rendered as through templates: PDF is the HTML template made into PDF."""

    MD = "md"
    HTML = "html"
    PDF = "pdf"

    @property
    def template(self) -> str:
        """The template suffix: `md` or `html`."""
        return "html" if self is DocumentFormat.PDF else self.value


class ReportFormat(enum.StrEnum):
    """What `rapport --format` writes: a document, or the report's data as JSON."""

    MD = "md"
    HTML = "html"
    PDF = "pdf"
    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"


class StatusFormat(enum.StrEnum):
    """What `status --format` accepts: the table, JSON, or CSV (a row per body and period)."""

    TEXT = "text"
    JSON = "json"
    CSV = "csv"


class TemplateFormat(enum.StrEnum):
    """What `mall --format` writes: the follow-up YAML, or a workbook to fill in and read back with `importera`."""

    YAML = "yaml"
    XLSX = "xlsx"


class ViewFormat(enum.StrEnum):
    """How `status` and `visa` show what they find: tables in the terminal, or JSON."""

    TEXT = "text"
    JSON = "json"
