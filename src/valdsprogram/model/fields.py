"""Field types shared by the models: ids, texts, dates and indicator values, with Swedish errors."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Any

from pydantic import Field, PlainValidator, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from valdsprogram.model.ids import ACTIVITY_PATTERN, GOAL_PATTERN, INDICATOR_PATTERN, MAX_ID_LENGTH, SLUG_PATTERN
from valdsprogram.model.periods import PERIOD_PATTERN
from valdsprogram.text import describe
from valdsprogram.yaml.handtyped import typed_date

EMITS = ("VP103", "VP105")
"""The codes this module gives, each in the catalogue (tests/test_rule_codes.py holds them to it)."""

ID_TAG, DATED_TAG = "organ-id", "organ-med-datum"
ONE_VALUE_TAG, BY_YEAR_TAG = "ett-varde", "per-ar"
UNION_TAGS = frozenset({ID_TAG, DATED_TAG, ONE_VALUE_TAG, BY_YEAR_TAG})
"""The names pydantic puts in an error's location for the branch of a tagged union; never a key in the data."""

PATTERN_DESCRIPTIONS = {
    SLUG_PATTERN: "små bokstäver a–z, siffror och bindestreck, till exempel sdn-sodermalm",
    GOAL_PATTERN: "M och ett nummer, till exempel M1",
    ACTIVITY_PATTERN: "A, målets nummer, punkt och ett löpnummer, till exempel A1.2",
    INDICATOR_PATTERN: "I, målets nummer, punkt och ett löpnummer, till exempel I1.2",
    PERIOD_PATTERN: "år, bindestreck och T1, T2 eller VB, till exempel 2024-T1",
}
"""How each id pattern is explained to a user when a value does not match it."""


def vp_error(code: str, message: str, hint: str = "") -> PydanticCustomError:
    """A validation error that `modelerrors` turns into a diagnostic with exactly this code and text."""
    return PydanticCustomError("vp", message, {"code": code, "hint": hint})


def _parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise vp_error("VP105", f"{value} är inget giltigt datum.", "Kontrollera månad och dag.") from None
    meant = typed_date(value) if isinstance(value, str) else None
    raise vp_error(
        "VP105",
        f"Väntade ett datum (ÅÅÅÅ-MM-DD) men fick {describe(value)}.",
        f"Skriv {meant.isoformat()}." if meant else "Skriv datumet som till exempel 2023-06-30.",
    )


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=MAX_ID_LENGTH)]
GoalId = Annotated[str, StringConstraints(pattern=GOAL_PATTERN, max_length=MAX_ID_LENGTH)]
ActivityId = Annotated[str, StringConstraints(pattern=ACTIVITY_PATTERN, max_length=MAX_ID_LENGTH)]
IndicatorId = Annotated[str, StringConstraints(pattern=INDICATOR_PATTERN, max_length=MAX_ID_LENGTH)]
Text = Annotated[str, StringConstraints(min_length=1)]
Date = Annotated[
    dt.date,
    PlainValidator(_parse_date),
    WithJsonSchema({"type": "string", "format": "date", "description": "Datum, ÅÅÅÅ-MM-DD."}),
]
Year = Annotated[int, Field(ge=2000, le=2100)]


def _year_key(value: Any) -> int:
    if isinstance(value, str) and re.fullmatch(r"20[0-9]{2}", value):
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 2000 <= value <= 2099:
        return value
    raise vp_error("VP105", f"{describe(value)} är inget år.", "Skriv året med fyra siffror, till exempel 2024: 450.")


YearKey = Annotated[int, PlainValidator(_year_key), WithJsonSchema({"type": "string", "pattern": "^20[0-9]{2}$"})]
"""A year as a mapping key (`arsmal: {2024: 400}`); YAML keys are read as text."""


MAX_VALUE = 10**15
"""Outcomes and targets beyond this are typing mistakes; refusing them keeps rule arithmetic exact and finite."""


def _number_or_bool(value: Any) -> bool | int | float:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        if not abs(value) <= MAX_VALUE:  # also catches inf, which YAML gives for 1e999 (and nan)
            shown = "" if isinstance(value, float) and not math.isfinite(value) else f" ({describe(value)})"
            raise vp_error(
                "VP105",
                f"Talet är orimligt stort{shown}.",
                "Kontrollera värdet; ett utfall eller årsmål är ett antal, en andel i procent eller true/false.",
            )
        return value
    hint = "Skriv ett tal (med decimalpunkt), eller true/false för ja/nej-indikatorer."
    if isinstance(value, str) and re.fullmatch(r"-?\d+,\d+", value.strip()):
        hint = f"Använd decimalpunkt: {value.strip().replace(',', '.')}."
    raise vp_error("VP103", f"Väntade ett tal eller true/false men fick {describe(value)}.", hint)


Value = Annotated[
    bool | int | float,
    PlainValidator(_number_or_bool),
    WithJsonSchema(
        {
            "type": ["number", "boolean"],
            "minimum": -MAX_VALUE,
            "maximum": MAX_VALUE,
            "description": "Tal, eller true/false (med små bokstäver) för ja/nej.",
        }
    ),
]
"""An outcome or annual target: whether it fits the indicator's unit is a rule, not a type."""
