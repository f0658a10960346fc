"""What a rule yields: a code and where in the checked document it is, before it becomes a Diagnostic."""

from __future__ import annotations

from dataclasses import dataclass

from valdsprogram.yaml.reader import Loc


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem a rule found, located by its path in the document rather than by line."""

    code: str
    """The diagnostic code, registered in `codes.CODES`."""
    loc: Loc
    """Where in the document: the same keys and indexes as the YAML."""
    message: str
    """What is wrong, in Swedish."""
    hint: str = ""
    """How to fix it, in Swedish."""
    at_key: bool = False
    """Point at the key naming `loc` rather than at its value (for unknown or misplaced keys)."""
    path: str = ""
    """For a rule across files, the file it is in (as the user reads it); empty for a rule over one file."""
    line: int = 0
    """For a rule that reads the raw text, the 1-based line where it found it; 0 when `loc` places it."""
    column: int = 0
    """For a rule that reads the raw text, the 1-based column where it found it."""
