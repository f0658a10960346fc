"""JSON Schemas generated from the models: for editors' completion (program, follow-ups, compilations) and for
tools that read `rapport --format json`."""

from __future__ import annotations

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from valdsprogram.controls import json_text
from valdsprogram.model.compilation import Compilation
from valdsprogram.model.followup import FollowUp
from valdsprogram.model.program import Program
from valdsprogram.output.report_json import Rapport

SCHEMAS: dict[str, type[BaseModel]] = {
    "program.schema.json": Program,
    "uppfoljning.schema.json": FollowUp,
    "sammanstallning.schema.json": Compilation,
    "rapport.schema.json": Rapport,
}
"""File name under schema/ → the model it is generated from."""


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
