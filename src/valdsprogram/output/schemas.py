"""JSON Schemas generated from the models: for editors' completion (program, follow-ups, compilations) and for
tools that read `rapport --format json`."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from valdsprogram.controls import json_text
from valdsprogram.model.compilation import Compilation
from valdsprogram.model.followup import FollowUp
from valdsprogram.model.program import Program
from valdsprogram.output.report_json import Rapport
from valdsprogram.writing import check_targets, write_atomic

SCHEMAS: dict[str, type[BaseModel]] = {
    "program.schema.json": Program,
    "uppfoljning.schema.json": FollowUp,
    "sammanstallning.schema.json": Compilation,
    "rapport.schema.json": Rapport,
}
"""File name under schema/ → the model it is generated from."""
SCHEMA_FOLDER = "schema"
"""Where `valdsprogram schema` writes the schemas by default: schema/ beside the program, in a repository's root."""


class _Generator(GenerateJsonSchema):
    """pydantic's generator, with id keys that an editor checks as strictly as `validera` does."""

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        # pydantic writes a key pattern as patternProperties alone, which lets `X1.2:` through as an extra key;
        # propertyNames makes every key match the pattern, as the model requires (VP105).
        result = super().dict_schema(schema)
        patterns = list(result.get("patternProperties", {}))
        if len(patterns) == 1:
            result["propertyNames"] = {"pattern": patterns[0], **result.get("propertyNames", {})}
        return result


def schema_text(model: type[BaseModel]) -> str:
    """The model's JSON Schema as stable, human-diffable text."""
    generated = model.model_json_schema(schema_generator=_Generator)
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **generated}
    return json_text(schema)


def all_schemas() -> dict[str, str]:
    """Every schema file's name and text."""
    return {name: schema_text(model) for name, model in SCHEMAS.items()}


def program_schema() -> str:
    """The JSON Schema of program.yaml (schema/program.schema.json)."""
    return schema_text(Program)


def followup_schema() -> str:
    """The JSON Schema of a follow-up, uppfoljning/<period>/<organ>.yaml (schema/uppfoljning.schema.json)."""
    return schema_text(FollowUp)


def schema_file(program: Path, kind: str) -> Path:
    """The schema a file of `kind` (`uppfoljning`, `sammanstallning`) names in its modeline: schema/ beside the
    program, where `valdsprogram schema` writes it, wherever the file itself is written."""
    return program.parent / SCHEMA_FOLDER / f"{kind}.schema.json"


def changed_schemas(folder: Path) -> dict[Path, str]:
    """The schema files in `folder` that are missing or differ from the current ones, with their current text."""
    return {folder / name: text for name, text in all_schemas().items() if not _holds(folder / name, text)}


def write_schemas(folder: Path, *, overwrite: bool = False) -> list[Path]:
    """Write every schema into `folder` and return those written: a schema already current is left alone, one that
    differs is replaced only with `overwrite`.

    Every target is checked before the first is written (NothingWritten, naming each refusal); a write that fails
    raises WriteRefused.
    """
    changed = changed_schemas(folder)
    check_targets(list(changed), overwrite=overwrite)
    for target, text in changed.items():
        write_atomic(target, text, overwrite=overwrite)
    return list(changed)


def _holds(path: Path, text: str) -> bool:
    """Whether `path` is a regular file holding exactly `text` (read no further than that)."""
    expected = text.encode("utf-8")
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return False
        with path.open("rb") as handle:
            return handle.read(len(expected) + 1) == expected
    except OSError:
        return False
