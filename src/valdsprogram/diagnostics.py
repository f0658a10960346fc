"""The one type every problem is reported as: a located, coded, Swedish `Diagnostic`."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from valdsprogram.controls import visible
from valdsprogram.text import shorten


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
    place: str = ""
    """Where in the data, as keys and ids joined by dots (`indikatorer.I3.3.utfall`, `mal.M1.aktiviteter.A1.2`);
    empty when the problem is not tied to one item. Unlike the line, it stays put when lines are added above."""
    acknowledged: str = ""
    """For a warning the follow-up acknowledges (`kvittera`), the reason it gives; such a warning is shown with
    its reason and not counted by `validera --strikt`."""

    def __post_init__(self) -> None:
        # Messages quote the user's keys, values and file names: no control character reaches any output.
        for name in ("path", "message", "hint", "acknowledged"):
            text = getattr(self, name)
            if not text.isprintable():
                object.__setattr__(self, name, visible(text, keep_breaks=False))

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)


def place_of(data: object, loc: tuple[str | int, ...]) -> str:
    """A location in loaded data as a stable dotted name: a list item with an `id` is named by that id.

    Each part is cut like any user text a message quotes (`text.shorten`): a key may be a megabyte long."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int) and isinstance(data, list) and 0 <= part < len(data):
            data = data[part]
            ident = data.get("id") if isinstance(data, dict) else None
            parts.append(ident if isinstance(ident, str) and ident else str(part))
        else:
            data = data.get(part) if isinstance(data, dict) else None
            parts.append(str(part))
    return ".".join(shorten(part) for part in parts)


@dataclass(frozen=True, slots=True)
class Validation:
    """The outcome of checking a program and its follow-ups: every problem, and how many files were read."""

    diagnostics: list[Diagnostic]
    """Every problem in every file, sorted by file, line and column."""
    files: int
    """How many files were checked (the program and each follow-up)."""

    @property
    def error_count(self) -> int:
        """How many diagnostics are errors (`fel`)."""
        return sum(1 for d in self.diagnostics if d.severity is Severity.FEL)

    @property
    def warning_count(self) -> int:
        """How many diagnostics are warnings that no follow-up has acknowledged."""
        return sum(1 for d in self.diagnostics if d.severity is Severity.VARNING and not d.acknowledged)

    @property
    def acknowledged_count(self) -> int:
        """How many warnings the follow-ups acknowledge (`kvittera`)."""
        return sum(1 for d in self.diagnostics if d.acknowledged)


def sorted_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics ordered by file, line and column, duplicates removed."""
    return sorted(set(diagnostics), key=lambda d: d.sort_key)
