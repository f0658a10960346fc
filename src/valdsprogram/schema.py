"""JSON Schemas generated from the models: for editors' completion (program, follow-ups) and for tools that read
`rapport --format json`."""

from __future__ import annotations

import json

from pydantic import BaseModel

from valdsprogram.followup import FollowUp
from valdsprogram.program import Program
from valdsprogram.report_json import Rapport

SCHEMAS: dict[str, type[BaseModel]] = {
    "program.schema.json": Program,
    "uppfoljning.schema.json": FollowUp,
    "rapport.schema.json": Rapport,
}
"""File name under schema/ → the model it is generated from."""


def schema_text(model: type[BaseModel]) -> str:
    """The model's JSON Schema as stable, human-diffable text."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def all_schemas() -> dict[str, str]:
    """Every schema file's name and text."""
    return {name: schema_text(model) for name, model in SCHEMAS.items()}
