"""Validate loaded YAML against a model and turn pydantic's errors into located, Swedish diagnostics."""

from __future__ import annotations

import dataclasses
import difflib
import math
import re
import types
import typing
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from valdsprogram.check.suggest import explained, meant_period, meant_word
from valdsprogram.codes import code
from valdsprogram.diagnostics import Diagnostic, place_of
from valdsprogram.model.fields import PATTERN_DESCRIPTIONS, UNION_TAGS
from valdsprogram.model.periods import PERIOD_PATTERN
from valdsprogram.text import describe, shorten
from valdsprogram.yaml.reader import Loc, YamlDocument

EMITS = ("VP101", "VP102", "VP103", "VP104", "VP105", "VP331")
"""The codes this module gives, each in the catalogue (tests/test_rule_codes.py holds them to it)."""

M = TypeVar("M", bound=BaseModel)

_KINDS = {
    "string_type": "en text",
    "int_type": "ett heltal",
    "float_type": "ett tal",
    "bool_type": "true eller false",
    "list_type": "en lista",
    "dict_type": "en mappning",
    "model_type": "en mappning",
    "model_attributes_type": "en mappning",
    "int_from_float": "ett heltal",
}


@dataclass(frozen=True, slots=True)
class ModelProblem:
    """One way the data does not fit the model, with where it is."""

    loc: Loc
    """The value (or key) at fault."""
    at_key: bool
    """Whether the key itself is at fault (an unknown key, an id of the wrong form) rather than its value."""
    diagnostic: Diagnostic
    """The problem as the user reads it."""
    meant: Loc | None = None
    """For an unknown key, the known key it most resembles (the one its hint suggests)."""
    value: object = None
    """The value at fault, as read."""


def validate_model(model: type[M], document: YamlDocument) -> tuple[M | None, list[Diagnostic]]:
    """The document's data as `model`, or None and the diagnostics saying why not."""
    result, problems = validate_located(model, document, document.data)
    return result, [p.diagnostic for p in problems]


def validate_located(model: type[M], document: YamlDocument, data: object) -> tuple[M | None, list[ModelProblem]]:
    """`data` (the document's, or a part-repaired copy of it) as `model`, or None and each problem with its loc.

    A mapping none of whose keys the model knows is another kind of file (a list of accounts, a configuration):
    it gets one problem, not one unknown key per line, and no line of it is quoted back."""
    known = _field_names(model, ())
    if isinstance(data, dict) and data and known and not any(key in known for key in data if isinstance(key, str)):
        return None, [ModelProblem((), False, _another_kind(model, document, known))]
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        errors = error.errors(include_url=False)
    # A misspelt required key is one mistake, not two: `Organ:` gives "unknown key 'Organ', did you mean
    # 'organ'?", and the "'organ' is missing" it also causes is left out.
    meant = {_meant(model, e) for e in errors if e["type"] == "extra_forbidden"}
    errors = [e for e in errors if not (e["type"] == "missing" and _key_loc(e) in meant)]
    return None, [
        ModelProblem(
            _key_loc(e),
            "[key]" in e["loc"] or e["type"] == "extra_forbidden",
            _diagnostic(model, document, e),
            _split_meant(document, e) or _meant(model, e) if e["type"] == "extra_forbidden" else None,
            e.get("input"),
        )
        for e in errors
    ]


_FILE_KINDS = {"Program": "ett program", "FollowUp": "en uppföljning", "Compilation": "en sammanställning"}
"""What each model's file is called in a message."""


def _another_kind(model: type[BaseModel], document: YamlDocument, known: list[str]) -> Diagnostic:
    what = _FILE_KINDS.get(model.__name__, "en fil i formatet")
    return code("VP103").at(
        document.path,
        *document.positions.of_value(()),
        f"Ingen av filens nycklar finns i formatet: det här är inte {what} utan någon annan sorts fil.",
        f"Kontrollera att det är rätt fil. {_allowed(known)}",
    )


def _key_loc(error: ErrorDetails) -> Loc:
    return tuple(part for part in error["loc"] if part != "[key]" and part not in UNION_TAGS)


def _meant(model: type[BaseModel], error: ErrorDetails) -> Loc | None:
    """For an unknown key, the loc of the known key it most resembles (the one its hint suggests)."""
    loc = _key_loc(error)
    close = difflib.get_close_matches(str(loc[-1]), _field_names(model, loc[:-1]), n=1, cutoff=0.6)
    return (*loc[:-1], close[0]) if close else None


def _comma_split(data: object, loc: Loc) -> tuple[str, int] | None:
    """`{utfall: 62,5}`: YAML reads `utfall: 62` and an empty key `5`; the key before it and its number, if so."""
    key = loc[-1] if loc else None
    for part in loc[:-1]:
        data = data.get(part) if isinstance(data, dict) else None
    if not (isinstance(key, str) and key.isdigit() and isinstance(data, dict) and data.get(key) is None):
        return None
    keys = list(data)
    before = keys[keys.index(key) - 1] if keys.index(key) > 0 else None
    number = data.get(before) if isinstance(before, str) else None
    if isinstance(number, int) and not isinstance(number, bool) and isinstance(before, str):
        return before, number
    return None


def _split_meant(document: YamlDocument, error: ErrorDetails) -> Loc | None:
    """For a key split off a number by a decimal comma, the loc of the number it belongs to."""
    loc = _key_loc(error)
    split = _comma_split(document.data, loc)
    return (*loc[:-1], split[0]) if split else None


def _diagnostic(model: type[BaseModel], document: YamlDocument, error: ErrorDetails) -> Diagnostic:
    loc = _key_loc(error)
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if "[key]" in error["loc"]:  # a mapping key itself is wrong, e.g. an activity id under aktiviteter:
        where, name = document.positions.of_key(loc), "Nyckeln"
    else:
        where, name = document.positions.of_value(loc), _name(loc)
    if kind == "vp":
        diag = code(ctx["code"]).at(document.path, *where, error["msg"], ctx.get("hint", ""))
    elif kind == "extra_forbidden" and (split := _comma_split(document.data, loc)) is not None:
        before, number = split
        diag = code("VP331").at(
            document.path,
            *document.positions.of_value((*loc[:-1], before)),
            f"Decimalkommat i {before}: {number},{loc[-1]} delar talet: inom {{ }} läses det som {before}: {number} "
            f"och en nyckel {loc[-1]}.",
            f"Skriv decimalpunkt: {before}: {number}.{loc[-1]}",
        )
    elif kind == "extra_forbidden":
        known = _field_names(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        hint = f"Menade du {close[0]!r}?" if close else _allowed(known)
        diag = code("VP101").at(
            document.path, *document.positions.of_key(loc), f"Okänd nyckel {shorten(str(loc[-1]))!r}.", hint
        )
    elif kind == "missing":
        parent = loc[:-1]
        line, column = document.positions.of_key(parent) if parent else (1, 1)
        diag = code("VP102").at(
            document.path,
            line,
            column,
            f"Nyckeln {loc[-1]!r} saknas{_under(parent)}.",
            f"Lägg till {loc[-1]}: …",
        )
    elif kind in ("literal_error", "enum"):
        allowed = [str(a).strip("'") for a in _literal_values(ctx)]
        meant = meant_word(value, allowed)
        hint = f"Menade du {meant!r}? " if meant else ""
        diag = code("VP104").at(
            document.path, *where, f"{name} kan inte vara {describe(value)}.", hint + explained(allowed)
        )
    elif kind in _KINDS:
        hint = "Sätt citattecken runt texten." if kind == "string_type" and value is not None else ""
        if kind in ("int_type", "float_type") and isinstance(value, str) and value.strip().isdigit():
            hint = "Ta bort citattecknen runt talet."
        if kind == "list_type" and isinstance(value, str):
            hint = f"Skriv en lista: [{shorten(value, 40)}]."
        if kind in ("dict_type", "model_type", "model_attributes_type") and isinstance(value, list) and loc:
            under = loc[-1] if isinstance(loc[-1], str) or len(loc) < 2 else f"{loc[-2]} nr {loc[-1] + 1}"
            hint = f"Skriv nyckel: värde på egna rader under {under}, inte en lista med `- `."
        if not loc:
            hint = "Filen ska bestå av nycklar med värden (nyckel: värde), inte av en lista."
        diag = code("VP103").at(
            document.path, *where, f"{name} ska vara {_KINDS[kind]} men är {describe(value)}.", hint
        )
    else:
        hint = _pattern_hint(value, ctx) if kind == "string_pattern_mismatch" else ""
        diag = code("VP105").at(document.path, *where, _shape_message(name, kind, value, ctx), hint)
    return dataclasses.replace(diag, place=place_of(document.data, loc))


def _shape_message(name: str, kind: str, value: Any, ctx: dict[str, Any]) -> str:
    if kind == "string_pattern_mismatch":
        rule = PATTERN_DESCRIPTIONS.get(ctx.get("pattern", ""), f"mönstret {ctx.get('pattern')}")
        if name == "Nyckeln":
            return f"Nyckeln {shorten(str(value))!r} har fel form; skriv {rule}."
        return f"{name} har fel form ({describe(value)}); skriv {rule}."
    if kind == "string_too_short":
        return f"{name} får inte vara tomt."
    if kind == "too_short":
        return f"{name} måste innehålla minst {ctx.get('min_length', 1)} värde."
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than") and _non_finite(value):
        return f"{name} är orimligt stort."  # YAML reads 1e999 as inf, which no one meant
    if kind in ("greater_than_equal", "greater_than"):
        return f"{name} måste vara minst {_number(ctx.get('ge', ctx.get('gt')))}, inte {_number(value)}."
    if kind in ("less_than_equal", "less_than"):
        return f"{name} får vara högst {_number(ctx.get('le', ctx.get('lt')))}, inte {_number(value)}."
    return f"{name} har ett ogiltigt värde: {describe(value)}."


def _pattern_hint(value: Any, ctx: dict[str, Any]) -> str:
    """The exact value meant, when a period or id is written in a form people use (`2024 t2`, `i1.2`)."""
    if not isinstance(value, str) or len(value) > 60:
        return ""
    pattern = str(ctx.get("pattern", ""))
    if pattern == PERIOD_PATTERN:
        meant = meant_period(value)
    else:
        tidy = value.strip().replace(" ", "")
        meant = next((form for form in (tidy.upper(), tidy.lower()) if re.fullmatch(pattern, form)), None)
    return f"Skriv {meant}." if meant and meant != value else ""


def _non_finite(value: Any) -> bool:
    return isinstance(value, float) and not math.isfinite(value)


def _number(value: Any) -> str:
    """A number as a Swede writes it in running text: no trailing .0, and no screenful of digits."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and abs(value) >= 10**20:
        return f"ett tal med {len(str(abs(value)))} siffror"
    return shorten(str(value), 30)


def _name(loc: Loc) -> str:
    """How a location is named in a message: the nearest key, with its place in a list."""
    keys = [part for part in loc if isinstance(part, str)]
    return f"Värdet för {shorten(keys[-1])!r}" if keys else "Dokumentet"


def _under(parent: Loc) -> str:
    if len(parent) >= 2 and isinstance(parent[-1], int):
        return f" i {parent[-2]} nr {parent[-1] + 1}"
    keys = [part for part in parent if isinstance(part, str)]
    return f" under {shorten(keys[-1])!r}" if keys else ""


def _allowed(known: list[str]) -> str:
    return "Tillåtna nycklar här: " + ", ".join(known) + "." if known else "Ta bort nyckeln."


def _literal_values(ctx: dict[str, Any]) -> list[str]:
    expected = str(ctx.get("expected", ""))
    return [part.strip().strip("'") for part in expected.replace(" or ", ", ").split(",") if part.strip()]


def _field_names(model: type[BaseModel], loc: Loc) -> list[str]:
    """The keys allowed in the mapping at `loc`, found by walking the model's annotations."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel) and isinstance(part, str):
            field = current.model_fields.get(part)
            if field is None:
                return []
            current = field.annotation
        else:
            args = typing.get_args(_unwrap(current))
            if not args:
                return []
            current = args[-1]  # list[X] -> X, dict[K, V] -> V
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated and Optional so the underlying list, dict or model shows."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            rest = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(rest) != 1:
                return annotation
            annotation = rest[0]
        else:
            return annotation
