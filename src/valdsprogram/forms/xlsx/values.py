"""Values typed into a workbook, read as a Swede types them: converted where the meaning is certain, else explained.

Excel gives a cell's value as a number, a date, a truth value or text. A controller may type "62,5", "62 %",
"1 234", "ja" or "Pågående " and may paste numbers that end up stored as text. Each reader returns the value
for the follow-up, or (when two readings are possible, or none) the text as typed and a Swedish explanation.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from valdsprogram.model.followup import DELAYED, DONE, DROPPED, NOT_STARTED, ONGOING
from valdsprogram.model.units import swedish
from valdsprogram.text import join_swedish
from valdsprogram.yaml.handtyped import typed_bool, typed_date, typed_number


@dataclass(frozen=True, slots=True)
class Reading:
    """What a cell's value means for the follow-up."""

    value: object
    """The value to write: converted, or the text as typed when `problem` says why it could not be."""
    problem: str = ""
    """Why the value could not be read with certainty, in Swedish; empty when it could."""
    hint: str = ""
    """What to type instead."""


EMPTY = Reading(None)

_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")
_POINT_THOUSAND = re.compile(r"[-+]?\d{1,3}\.\d{3}")
_COMMA_THOUSAND = re.compile(r"[-+]?\d{1,3},\d{3}")


def clean(text: str) -> str:
    """Text as typed, without the invisible differences: outer spaces, hard spaces, a typographic minus."""
    text = unicodedata.normalize("NFC", text).replace("\u2212", "-").replace("\r\n", "\n")
    return text.strip(" \t\n\r\u00a0\u2007\u202f")


def is_percent_format(number_format: str) -> bool:
    """Whether Excel shows the cell as a percentage (so 0.62 is shown, and meant, as 62 %)."""
    bare = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format)
    return "%" in bare


def read_number(raw: object, number_format: str, unit: str, *, whole: bool = False) -> Reading:
    """An outcome, target or forecast in the indicator's unit (`whole`: a count such as täljare or nämnare)."""
    if raw is None:
        return EMPTY
    if isinstance(raw, bool):
        if unit == "ja/nej":
            return Reading(raw)
        return Reading(swedish(raw), "är ett sanningsvärde men ska vara ett tal", _number_hint(unit, whole))
    if isinstance(raw, int | float):
        if unit == "procent" and not whole and is_percent_format(number_format):
            return Reading(_tidy(round(raw * 100, 9)))  # Excel keeps 62 % as 0.62
        if unit == "ja/nej":
            return Reading(raw, "är ett tal men indikatorn är ja/nej", "Välj ja eller nej.")
        return Reading(_tidy(raw) if whole or unit == "antal" else raw)
    if isinstance(raw, dt.datetime | dt.date):
        shown = raw.date() if isinstance(raw, dt.datetime) else raw
        return Reading(shown.isoformat(), "är ett datum men ska vara ett tal", _number_hint(unit, whole))
    text = clean(str(raw))
    if not text:
        return EMPTY
    if unit == "ja/nej" and not whole:
        meant = typed_bool(text)
        if meant is None:
            return Reading(text, f"{text!r} är varken ja eller nej", "Välj ja eller nej.")
        return Reading(meant)
    if typed_bool(text) is not None:
        return Reading(text, f"{text!r} är ett ja eller nej men ska vara ett tal", _number_hint(unit, whole))
    count = whole or unit == "antal"
    # Where Swedish and English typing disagree the reading is not certain: 1.234, and (for a count) 1,234.
    if _POINT_THOUSAND.fullmatch(text) or (count and _COMMA_THOUSAND.fullmatch(text)):
        digits = text.replace(".", "").replace(",", "")
        return Reading(
            text,
            f"{text!r} kan vara {digits} (med tusentalsavgränsare) eller ett decimaltal",
            "Skriv talet med decimalkomma, eller utan avgränsare.",
        )
    number = typed_number(text)
    if number is None:
        return Reading(text, f"{text!r} går inte att läsa som ett tal", _number_hint(unit, whole))
    if "procenttecken" in number.marks and (unit != "procent" or whole):
        return Reading(text, f"{text!r} har ett procenttecken men ska vara ett antal", _number_hint(unit, whole))
    return Reading(_tidy(number.value) if count else number.value)


def _number_hint(unit: str, whole: bool) -> str:
    if whole or unit == "antal":
        return "Skriv ett heltal, till exempel 12."
    if unit == "procent":
        return "Skriv andelen i procent som ett tal mellan 0 och 100, till exempel 62,5."
    if unit == "ja/nej":
        return "Välj ja eller nej."
    return "Skriv ett tal, till exempel 12 eller 62,5."


def _tidy(value: int | float) -> int | float:
    """A float that holds a whole number as an int: Excel stores every number as a float."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def read_choice(raw: object, choices: tuple[str, ...], aliases: dict[str, str], what: str) -> Reading:
    """One of `choices` (status, bedömning), whatever its case, spaces and missing accents; `aliases` map other
    words whose meaning is certain (`genomfört` → `genomförd`)."""
    if raw is None:
        return EMPTY
    text = clean(str(raw))
    if not text:
        return EMPTY
    word = _SPACES.sub(" ", text.lower())
    plain = {_unaccented(c): c for c in choices}
    found = word if word in choices else aliases.get(word) or plain.get(_unaccented(word))
    if found is not None:
        return Reading(found)
    return Reading(text, f"{text!r} är ingen {what}", f"Välj {join_swedish(choices, 'eller')} i listan.")


def _unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


STATUS_ALIASES = {
    "ej påbörjat": NOT_STARTED,
    "inte påbörjad": NOT_STARTED,
    "inte påbörjat": NOT_STARTED,
    "pågår": ONGOING,
    "försenat": DELAYED,
    "genomfört": DONE,
    "utgått": DROPPED,
}
ASSESSMENT_ALIASES = {
    "helt uppfyllt": "helt",
    "delvis uppfyllt": "delvis",
    "inte uppfyllt": "inte",
    "ej uppfyllt": "inte",
    "ej": "inte",
}


def read_text(raw: object) -> Reading:
    """A comment, analysis or diarienummer: text without outer spaces; a number or date as it was shown."""
    if raw is None:
        return EMPTY
    if isinstance(raw, bool):
        return Reading("ja" if raw else "nej")
    if isinstance(raw, int | float):
        return Reading(swedish(_tidy(raw)))
    if isinstance(raw, dt.datetime):
        return Reading(raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat(sep=" "))
    if isinstance(raw, dt.date):
        return Reading(raw.isoformat())
    text = clean(str(raw))
    return Reading(text or None)


_ACKNOWLEDGEMENT = re.compile(r"(VP[0-9]{3})\s*:\s*(\S.*)", re.IGNORECASE)


def read_acknowledgements(raw: object) -> Reading:
    """The Kvittera cell: one `VP314: skäl` a line, as code → reason; a line that is not one is said, not guessed."""
    text = read_text(raw).value
    if text is None:
        return EMPTY
    found: dict[str, str] = {}
    for line in str(text).split("\n"):
        if not line.strip():
            continue
        match = _ACKNOWLEDGEMENT.fullmatch(clean(line))
        if match is None:
            return Reading(
                found or None,
                f"{clean(line)[:40]!r} är ingen kvittering",
                "Skriv en rad per varning: koden, kolon och skälet, till exempel VP314: Årsmålet höjdes av nämnden.",
            )
        found[match[1].upper()] = match[2].strip()
    return Reading(found or None)


def read_date(raw: object) -> Reading:
    """A decision date: a date cell, or text as a Swede writes a date (2024-05-21, 21/5 2024, 21 maj 2024)."""
    if raw is None:
        return EMPTY
    if isinstance(raw, dt.datetime):
        if raw.time() == dt.time():
            return Reading(raw.date())
        return Reading(raw.isoformat(sep=" "), "har ett klockslag", "Skriv bara datumet, ÅÅÅÅ-MM-DD.")
    if isinstance(raw, dt.date):
        return Reading(raw)
    text = clean(str(raw))
    if not text:
        return EMPTY
    meant = typed_date(text)
    if meant is None:
        return Reading(
            text, f"{text!r} går inte att läsa som ett datum", "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2024-05-21."
        )
    return Reading(meant)
