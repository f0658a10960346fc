"""What `validera` writes: a `Validation` rendered as text, JSON, GitHub annotations or GitLab's Code Quality
report, each format a pure function from the validation to text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from valdsprogram.controls import json_text
from valdsprogram.diagnostics import Diagnostic, Severity, Validation
from valdsprogram.output.formats import ValidationFormat


def summary(validation: Validation) -> str:
    """One Swedish sentence: how many errors and warnings in how many files."""
    files = _count(validation.files, "fil", "filer")
    acknowledged = validation.acknowledged_count
    also = ""
    if acknowledged:
        also = " 1 varning är kvitterad." if acknowledged == 1 else f" {acknowledged} varningar är kvitterade."
    if not validation.error_count and not validation.warning_count:
        return f"Inga fel i {files}.{also}"
    errors = _count(validation.error_count, "fel", "fel")
    warnings = _count(validation.warning_count, "varning", "varningar")
    return f"{errors} och {warnings} i {files}.{also}"


def render_text(validation: Validation) -> str:
    lines: list[str] = []
    for d in validation.diagnostics:
        where = f"{d.path}:{d.line}:{d.column}" if d.line else d.path
        severity = f"{d.severity.value} (kvitterad)" if d.acknowledged else d.severity.value
        lines.append(f"{where}: {d.code} {severity}: {d.message}")
        if d.acknowledged:
            lines.append(f"    kvitterad: {d.acknowledged}")
        elif d.hint:
            lines.append(f"    tips: {d.hint}")
    lines.append(summary(validation))
    return "\n".join(lines) + "\n"


def validation_json(validation: Validation) -> str:
    document = {
        "version": 1,
        "summary": {
            "files": validation.files,
            "errors": validation.error_count,
            "warnings": validation.warning_count,
            "acknowledged": validation.acknowledged_count,
        },
        "diagnostics": [
            {
                "code": d.code,
                "severity": d.severity.english,
                "path": d.path,
                "line": d.line,
                "column": d.column,
                "place": d.place,
                "message": d.message,
                "hint": d.hint,
                "acknowledged": d.acknowledged or None,
            }
            for d in validation.diagnostics
        ],
    }
    return json_text(document)


def render_github(validation: Validation) -> str:
    """GitHub Actions workflow commands: each diagnostic becomes an annotation on its line."""
    lines = []
    for d in validation.diagnostics:
        # An acknowledged warning stays visible on its line, as a notice with its reason.
        command = "error" if d.severity is Severity.FEL else "notice" if d.acknowledged else "warning"
        props = [f"file={_gh_property(d.path)}"]
        if d.line:
            props += [f"line={d.line}", f"col={d.column}"]
        props.append(f"title={d.code} (kvitterad)" if d.acknowledged else f"title={d.code}")
        if d.acknowledged:
            text = f"{d.message}\nKvitterad: {d.acknowledged}"
        else:
            text = f"{d.message}\n{d.hint}" if d.hint else d.message
        lines.append(f"::{command} {','.join(props)}::{_gh_data(text)}")
    lines.append(summary(validation))
    return "\n".join(lines) + "\n"


def render_gitlab(validation: Validation) -> str:
    """GitLab's Code Quality report (a JSON array), for `artifacts: reports: codequality`.

    GitLab matches issues between the base and the merge request by fingerprint, so a fingerprint must not
    change when lines are added above the problem: it is made of the file, the code and the place in the data
    (see `fingerprints`), never of the line and column.
    """
    issues = [
        {
            "description": f"{d.code}: {d.message}" + _gitlab_note(d),
            "check_name": d.code,
            "fingerprint": fingerprint,
            "severity": "major" if d.severity is Severity.FEL else "info" if d.acknowledged else "minor",
            "location": {"path": d.path, "lines": {"begin": max(d.line, 1)}},
        }
        for d, fingerprint in zip(validation.diagnostics, fingerprints(validation.diagnostics), strict=True)
    ]
    return json_text(issues)


def fingerprints(diagnostics: list[Diagnostic]) -> list[str]:
    """A stable, unique fingerprint for each diagnostic: file, code and place in the data (or, for a problem
    tied to no item, the message), and a running number among diagnostics that share all three."""
    seen: dict[str, int] = {}
    result = []
    for d in diagnostics:
        key = f"{d.path}\0{d.code}\0{d.place or d.message}"
        seen[key] = seen.get(key, 0) + 1
        result.append(hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()[:32])
    return result


RENDERERS: dict[ValidationFormat, Callable[[Validation], str]] = {
    ValidationFormat.TEXT: render_text,
    ValidationFormat.JSON: validation_json,
    ValidationFormat.GITHUB: render_github,
    ValidationFormat.GITLAB: render_gitlab,
}


def render_validation(validation: Validation, fmt: ValidationFormat = ValidationFormat.TEXT) -> str:
    """The validation as `validera --format` writes it."""
    return RENDERERS[fmt](validation)


def _gitlab_note(d: Diagnostic) -> str:
    if d.acknowledged:
        return f" Kvitterad: {d.acknowledged}"
    return f" Tips: {d.hint}" if d.hint else ""


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")
