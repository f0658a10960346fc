"""Values as people type them by hand (`62 %`, `62,5`, `"298"`, `ja`, `21/5 2024`): what they meant, and the exact fix.

YAML reads each of these as text, so the model can only say "not a number". Read here first, each gets a
message naming what made it text and the line to write instead, in the indicator's own unit where the
program is known.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from valdsprogram.codes import code
from valdsprogram.diagnostics import Diagnostic, place_of
from valdsprogram.model.units import is_count, is_percentage
from valdsprogram.text import join_swedish
from valdsprogram.yaml.reader import Loc, YamlDocument

EMITS = ("VP331", "VP332", "VP335")
"""The codes this module gives, each in the catalogue (tests/test_rule_codes.py holds them to it)."""

VALUE_KEYS = {"utfall": "Utfallet", "arsmal": "Årsmålet", "prognos": "Prognosen"}
"""The keys of an indicator report that hold a value in the indicator's unit, and how a message names them."""

_TRUE_WORDS = frozenset({"ja", "yes", "sant", "sann", "j", "y", "true"})
_FALSE_WORDS = frozenset({"nej", "no", "falskt", "falsk", "n", "false"})
_SPACES = "\u00a0\u202f\u2009 "
_NUMBER = re.compile(r"([-+−]?)(\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+|\d+)(?:([.,])(\d+))?")
_PERCENT = re.compile(r"\s*(%|procent|proc\.?)$", re.IGNORECASE)
_PIECES = re.compile(r"\s*(st|st\.|stycken|styck)$", re.IGNORECASE)
MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4, "maj": 5,
    "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
"""Swedish month names and their usual abbreviations."""


@dataclass(frozen=True, slots=True)
class TypedNumber:
    """A number typed as text, and what made it text."""

    value: int | float
    """The number meant."""
    marks: tuple[str, ...]
    """What made it text, in Swedish: `procenttecken`, `enhet efter talet`, `mellanslag i talet`, `decimalkomma`,
    `citattecken`."""


def typed_bool(text: str) -> bool | None:
    """`ja`, `nej`, `yes`, `no` (any case) as the truth value meant; None for anything else."""
    word = text.strip().lower()
    return True if word in _TRUE_WORDS else False if word in _FALSE_WORDS else None


def typed_number(text: str) -> TypedNumber | None:
    """`62 %`, `62,5`, `1 298` or a quoted `298` as the number meant; None when the text is no number."""
    stripped = text.strip()
    marks: list[str] = []
    percent = _PERCENT.search(stripped)
    if percent:
        stripped = stripped[: percent.start()].rstrip()
        marks.append("procenttecken")
    pieces = _PIECES.search(stripped) if not percent else None
    if pieces and pieces.start() > 0:
        stripped = stripped[: pieces.start()].rstrip()
        marks.append("enhet efter talet")
    match = _NUMBER.fullmatch(stripped)
    if match is None:
        return None
    sign, whole, separator, decimals = match.groups()
    if any(space in whole for space in _SPACES):
        marks.append("mellanslag i talet")
    if separator == ",":
        marks.append("decimalkomma")
    if not marks:
        marks.append("citattecken")
    digits = "".join(c for c in whole if c.isdigit())
    negative = sign in ("-", "−")
    if decimals:
        number: int | float = float(f"{digits}.{decimals}")
    else:
        number = int(digits)
    return TypedNumber(-number if negative else number, tuple(marks))


def typed_date(text: str) -> dt.date | None:
    """`21/5 2024`, `2024-5-21`, `21 maj 2024`, `21.5.2024`, `20240521` as the date meant; None otherwise."""
    text = text.strip().lower().rstrip(".")
    for pattern, order in _DATE_FORMS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        parts = dict(zip(order, match.groups(), strict=True))
        month = MONTHS.get(parts["m"]) if not parts["m"].isdigit() else int(parts["m"])
        if month is None:
            return None
        try:
            return dt.date(int(parts["y"]), month, int(parts["d"]))
        except ValueError:
            return None
    return None


_DATE_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})"), "ymd"),
    (re.compile(r"(\d{4})(\d{2})(\d{2})"), "ymd"),
    (re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-]?\s*(\d{4})"), "dmy"),
    (re.compile(r"(\d{1,2})\s*(\d{1,2})\s+(\d{4})"), "dmy"),
    (re.compile(r"(\d{1,2})\s*(?:e\s+|:e\s+)?([a-zåäö]+)\.?,?\s+(\d{4})"), "dmy"),
)


def handtyped_values(document: YamlDocument, units: Mapping[str, str]) -> Iterator[tuple[Loc, Diagnostic]]:
    """Each hand-typed value in a follow-up's raw data, as a diagnostic with the exact fix (VP331, VP332, VP335).

    `units` maps indicator ids to their unit (`antal`, `procent`, `ja/nej`); an unknown id gets advice that
    holds for any unit.
    """
    data = document.data
    if not isinstance(data, dict):
        return
    indicators = data.get("indikatorer")
    if isinstance(indicators, dict):
        for ident, values in indicators.items():
            if not isinstance(values, dict):
                continue
            for key, what in VALUE_KEYS.items():
                value = values.get(key)
                if isinstance(value, str):
                    found = _value_problem(value, units.get(str(ident), ""), f"{what} för {ident}", key)
                    if found is not None:
                        yield _located(document, ("indikatorer", ident, key), *found)
    decision = data.get("beslut")
    if isinstance(decision, dict) and isinstance(decision.get("datum"), str):
        text = decision["datum"]
        day = typed_date(text)
        if day is not None and day.isoformat() != text:
            yield _located(
                document,
                ("beslut", "datum"),
                "VP335",
                f"Datumet {text!r} har fel form; skriv år, månad och dag med bindestreck.",
                f"Skriv datum: {day.isoformat()}",
            )


def _value_problem(text: str, unit: str, what: str, key: str) -> tuple[str, str, str] | None:
    """Code, message and hint for a value typed as text; None when it reads as nothing meant."""
    truth = typed_bool(text)
    if truth is not None:
        word = "true" if truth else "false"
        if unit in ("ja/nej", ""):
            return (
                "VP332",
                f"{what} är texten {text!r}; en ja/nej-indikator tar true eller false.",
                f"Skriv true eller false: {key}: {word}",
            )
        return ("VP332", f"{what} är texten {text!r}, men indikatorn mäts i {unit}.", _unit_fix(unit, key))
    number = typed_number(text)
    if number is None:
        return None
    marks = join_swedish(number.marks)
    shown = _plain(number.value)
    if unit == "ja/nej":
        return ("VP331", f"{what} är texten {text!r}; en ja/nej-indikator tar true eller false.", _unit_fix(unit, key))
    # A count typed with decimals is refused even when they are zero: `12,0` is not how a count is written.
    if unit == "antal" and (isinstance(number.value, float) or not is_count(number.value)):
        lower = int(number.value) if number.value >= 0 else 0
        return (
            "VP331",
            f"{what} är texten {text!r} ({marks} gör det till text), och ett antal är ett heltal som inte är negativt.",
            f"Skriv antalet som ett heltal: {key}: {lower} eller {key}: {lower + 1}"
            if number.value >= 0
            else f"Skriv ett antal som är 0 eller mer, utan citattecken, till exempel {key}: 0",
        )
    if unit == "procent" and not is_percentage(number.value):
        return (
            "VP331",
            f"{what} är texten {text!r} ({marks} gör det till text), och en andel i procent ligger mellan 0 och 100.",
            "Skriv procenttalet som ett tal mellan 0 och 100, utan procenttecken och citattecken.",
        )
    fix = join_swedish([_FIXES[mark] for mark in number.marks])
    fix = fix[0].upper() + fix[1:]
    return ("VP331", f"{what} är texten {text!r}: {marks} gör det till text, inte ett tal.", f"{fix}: {key}: {shown}")


_FIXES = {
    "procenttecken": "ta bort procenttecknet",
    "mellanslag i talet": "ta bort mellanslaget",
    "decimalkomma": "skriv decimalpunkt",
    "citattecken": "ta bort citattecknen",
    "enhet efter talet": "ta bort enheten",
}


def _unit_fix(unit: str, key: str) -> str:
    return {
        "ja/nej": f"Skriv true (ja) eller false (nej): {key}: true",
        "procent": f"Skriv procenttalet utan procenttecken, till exempel {key}: 85.5",
        "antal": f"Skriv ett heltal, till exempel {key}: 12",
    }.get(unit, "Skriv ett tal med decimalpunkt, eller true/false för en ja/nej-indikator.")


def _plain(number: int | float) -> str:
    """A number as YAML wants it: decimal point, no trailing .0."""
    if isinstance(number, float) and number.is_integer():
        return str(int(number))
    return str(number)


def _located(document: YamlDocument, loc: Loc, code_id: str, message: str, hint: str) -> tuple[Loc, Diagnostic]:
    line, column = document.positions.of_value(loc)
    return loc, code(code_id).at(document.path, line, column, message, hint, place=place_of(document.data, loc))
