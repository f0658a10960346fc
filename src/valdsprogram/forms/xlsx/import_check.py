"""The imported follow-up validated, with every problem (the importer's own included) placed at its cell and line."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from valdsprogram.check.validation import shown, validate
from valdsprogram.codes import code
from valdsprogram.diagnostics import Diagnostic, sorted_diagnostics
from valdsprogram.forms.form import Loc
from valdsprogram.forms.xlsx.importer import Imported
from valdsprogram.sources import followup_files


def check_imported(
    imported: Imported, program: Path, folder: Path, written: Path, *, base: Path | None = None
) -> list[Diagnostic]:
    """Validate the written follow-up and place every problem, the importer's own included, at its cell and line."""
    assert imported.yaml is not None
    others = [p for p in (followup_files(folder) if folder.is_dir() else []) if p.resolve() != written.resolve()]
    target = shown(written, base)
    found = [d for d in validate(program, [written], context=others, base=base).diagnostics if d.path == target]
    if imported.target is not None and written != imported.target:
        found = [d for d in found if d.code != "VP304"]  # written elsewhere on purpose (-o), not a workbook error
    line_of = {loc: line for line, loc in imported.yaml.lines.items()}
    own_lines: set[int] = set()
    diagnostics: list[Diagnostic] = []
    text_lines = imported.yaml.text.splitlines()
    for problem in imported.problems:
        line = _line(line_of, problem.loc)
        if problem.code in ("VP412", "VP414"):
            own_lines.add(line)
        column = _value_column(text_lines[line - 1]) if line else 0
        diagnostics.append(
            code(problem.code).at(target, line, column, f"{problem.cell}: {problem.message}", problem.hint)
        )
    for d in found:
        if d.line in own_lines:
            continue  # the importer has already said what is wrong with this cell, in spreadsheet terms
        cell = _cell(imported, d.line)
        diagnostics.append(dataclasses.replace(d, message=f"{cell}: {d.message}") if cell else d)
    return sorted_diagnostics(diagnostics)


def _value_column(text: str) -> int:
    """Where the value starts on a `key: value` line (1-based), or where the key starts when it has none."""
    key_end = text.find(":")
    value = text[key_end + 1 :].lstrip(" ")
    if value and not value.startswith("#"):
        return len(text) - len(value) + 1
    return len(text) - len(text.lstrip(" ")) + 1


def _line(line_of: dict[Loc, int], loc: Loc) -> int:
    while loc and loc not in line_of:
        loc = loc[:-1]
    return line_of.get(loc, 0)


def _cell(imported: Imported, line: int) -> str:
    assert imported.yaml is not None
    loc = imported.yaml.lines.get(line)
    while loc:
        if loc in imported.cells:
            return imported.cells[loc]
        loc = loc[:-1]
    return ""
