"""The one type every problem is reported as: a located, coded, Swedish `Diagnostic`."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Severity(enum.Enum):
    """How serious a finding is; the value is the Swedish word shown to users."""

    FEL = "fel"
    VARNING = "varning"

    @property
    def english(self) -> str:
        """The machine-readable name used in JSON output."""
        return "error" if self is Severity.FEL else "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem in one file."""

    code: str
    """Stable code, `VP` and three digits; see `codes.CODES`."""
    severity: Severity
    """Whether the finding fails validation (`fel`) or only warns (`varning`)."""
    path: str
    """The file, as the user named it (relative to the working folder where possible)."""
    line: int
    """1-based line; 0 when the problem concerns the whole file."""
    column: int
    """1-based column; 0 when the problem concerns the whole file or line."""
    message: str
    """What is wrong, in Swedish."""
    hint: str = ""
    """How to fix it, in Swedish; empty when the message says it all."""

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)


def sorted_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics ordered by file, line and column, duplicates removed."""
    return sorted(set(diagnostics), key=lambda d: d.sort_key)
