"""The JSON Schemas an editor checks against say what `validera` says about the format (VP1xx), case by case.

Every rule case in tests/data/rules/ is run twice: through `validera`, and file by file through the committed JSON
Schema with python `jsonschema`, as an editor would. Both must find the same places in the data, apart from
the differences listed in ALLOWED, each with its reason. A difference not listed fails, and so does a listed one
that no longer occurs (the list must not go stale).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker, ValidationError

from conftest import ROOT
from ruledata import RuleCase, load_cases, write_case
from valdsprogram.check.validation import validate
from valdsprogram.diagnostics import place_of
from valdsprogram.sources import is_compilation
from valdsprogram.yaml.reader import read_yaml

CASES = load_cases()

COMPARED = ("VP1", "VP020", "VP331", "VP332", "VP335")
"""What the schema should say too: the format (VP1xx, and the hand-typed numbers, truth values and dates that
validera reads as meant, VP331, VP332, VP335) and the canonical spelling of truth values (VP020)."""

_SPELLING = (
    "JSON Schema sees the value an editor parsed (YAML 1.2 reads True, FALSE and Null as true, false and null), "
    "not how it was spelt, so only validera can warn about the spelling (VP020)"
)
_CAPITALS = "VP0-laddning: True, FALSE och Null läses som true, false och tomt, med varning (VP020)"

ALLOWED: dict[tuple[str, str, str], str] = {
    (_CAPITALS, "2024-VB/socialnamnden.yaml", f"validera: {place}"): _SPELLING
    for place in (
        "aktiviteter.A1.1.kommentar",
        "aktiviteter.A2.1.kommentar",
        "indikatorer.I1.3.utfall",
        "indikatorer.I1.3.arsmal",
    )
}
"""(case, file, "schema: place" or "validera: place") → why JSON Schema cannot say what validera says there."""


def _validator(name: str) -> Draft202012Validator:
    schema = json.loads((ROOT / "schema" / name).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


VALIDATORS = {
    "program": _validator("program.schema.json"),
    "uppfoljning": _validator("uppfoljning.schema.json"),
    "sammanstallning": _validator("sammanstallning.schema.json"),
}


def _schema_places(data: object, error: ValidationError) -> Iterator[str]:
    """The place(s) in the data an editor underlines for one schema error, named as validera names them."""
    path = tuple(error.absolute_path)
    if error.validator in ("anyOf", "oneOf") and error.context:
        # An optional value is `anyOf: [its schema, null]`: the editor shows why the value fails its own schema.
        inner = [e for e in error.context if not (e.validator == "type" and e.validator_value == "null")]
        # A value that is either an id or a mapping (a dated responsibility, a target per year): the editor
        # shows why it fails the branch of its own kind, not that it is not of the other kind.
        deeper = [e for e in inner if not (e.validator == "type" and tuple(e.absolute_path) == path)]
        inner = deeper or inner
        if inner:
            for e in inner:
                yield from _schema_places(data, e)
            return
    if error.validator == "required" and isinstance(error.instance, dict) and isinstance(error.validator_value, list):
        for key in error.validator_value:
            if key not in error.instance:
                yield place_of(data, (*path, key))
    elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = set(error.schema.get("properties", {})) if isinstance(error.schema, dict) else set()
        for key in error.instance:
            if key not in known:
                yield place_of(data, (*path, key))
    elif "propertyNames" in error.relative_schema_path and isinstance(error.instance, str):
        yield place_of(data, (*path, error.instance))  # the key itself is wrong
    else:
        yield place_of(data, path)


def differences(case: RuleCase, folder: Path) -> set[tuple[str, str, str]]:
    """(case, file, "schema: place") for what only the schema finds, "validera: place" for what only validera finds."""
    files = write_case(case, folder)
    result = validate(folder / "program.yaml", files, base=folder)
    found: set[tuple[str, str, str]] = set()
    for path in [folder / "program.yaml", *files]:
        shown = path.relative_to(folder).as_posix()
        document = read_yaml(path, shown)
        if not document.ok:
            continue  # the file is not YAML an editor could check either (VP0xx)
        by_validera = {d.place for d in result.diagnostics if d.path == shown and d.code.startswith(COMPARED)}
        kind = "program" if shown == "program.yaml" else "sammanstallning" if is_compilation(path) else "uppfoljning"
        validator = VALIDATORS[kind]
        by_schema = {
            place for error in validator.iter_errors(document.data) for place in _schema_places(document.data, error)
        }
        name = shown.removeprefix("uppfoljning/")
        found |= {(case.name, name, f"schema: {p}") for p in by_schema - by_validera}
        found |= {(case.name, name, f"validera: {p}") for p in by_validera - by_schema}
    return found


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_schema_finds_what_validera_finds(case: RuleCase, tmp_path: Path) -> None:
    found = differences(case, tmp_path)
    allowed = {key for key in ALLOWED if key[0] == case.name}
    assert sorted(found - allowed) == [], "skillnader som inte står i ALLOWED"
    assert sorted(allowed - found) == [], "ALLOWED nämner skillnader som inte längre finns"


def test_every_format_code_has_a_case() -> None:
    """The walk covers every VP1xx code in a program and in a follow-up."""
    expected = {(kind, f"VP10{n}") for kind in ("program", "uppfoljning") for n in range(1, 6)}
    covered = {
        ("program" if item.path == "program.yaml" else "uppfoljning", item.code)
        for case in CASES
        for item in case.expected
        if item.code.startswith("VP1")
    }
    assert sorted(expected - covered) == []
