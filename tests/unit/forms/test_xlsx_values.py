"""The workbook's cell readers at every documented edge: percent and other formats, whole numbers, ja/nej, dates and
serials, empty text; each row is the raw cell, its number format and what the follow-up gets, exactly."""

from __future__ import annotations

import datetime as dt

import pytest

from valdsprogram.forms.xlsx.layout import ASSESSMENT_CHOICES, STATUS_CHOICES
from valdsprogram.forms.xlsx.values import (
    ASSESSMENT_ALIASES,
    EMPTY,
    STATUS_ALIASES,
    Reading,
    clean,
    is_percent_format,
    read_acknowledgements,
    read_choice,
    read_date,
    read_number,
    read_text,
)

COUNT = "Skriv ett heltal, till exempel 12."
SHARE = "Skriv andelen i procent som ett tal mellan 0 och 100, till exempel 62,5."
YES_NO = "Välj ja eller nej."
ANY = "Skriv ett tal, till exempel 12 eller 62,5."
SEPARATOR = "Skriv talet med decimalkomma, eller utan avgränsare."


def ambiguous(text: str, digits: str) -> Reading:
    """What a number with a separator that may mean thousands reads as: the text and the question."""
    return Reading(text, f"{text!r} kan vara {digits} (med tusentalsavgränsare) eller ett decimaltal", SEPARATOR)


def dated(hint: str) -> Reading:
    """What a date cell reads as where a number is wanted."""
    return Reading("2024-05-21", "är ett datum men ska vara ett tal", hint)


def exact(reading: Reading) -> tuple[str, object, str, str]:
    """A reading with its value's type, so that 62 and 62.0 (and True and 1) are told apart."""
    return type(reading.value).__name__, reading.value, reading.problem, reading.hint


NUMBERS: list[tuple[object, str, str, bool, Reading]] = [
    # raw, number format, unit, whole (täljare/nämnare), reading
    (None, "General", "antal", False, EMPTY),
    (None, "0%", "procent", True, EMPTY),
    # Excel's own percentages: 62 % is stored as 0.62, and only a procent value is scaled.
    (0.62, "0%", "procent", False, Reading(62)),
    (0.625, "0.0%", "procent", False, Reading(62.5)),
    (0.0, "0%", "procent", False, Reading(0)),
    (1.0, "0%", "procent", False, Reading(100)),
    (1.005, "0.0%", "procent", False, Reading(100.5)),
    (0.62, "[Red]0%", "procent", False, Reading(62)),  # a colour in brackets is no part of the format
    (0.62, '0" %"', "procent", False, Reading(0.62)),  # a quoted % is text shown after the number, not a scale
    (0.62, "0\\%", "procent", False, Reading(0.62)),  # an escaped % likewise
    (0.62, "0.00", "procent", False, Reading(0.62)),  # no % at all: the number as typed (VP333 asks about it)
    (62, "General", "procent", False, Reading(62)),
    (62.0, "General", "procent", False, Reading(62.0)),  # a share keeps its float
    (62.5, "General", "procent", False, Reading(62.5)),
    # A count (täljare, nämnare) in a cell formatted as a percentage is still the count.
    (5, "0%", "procent", True, Reading(5)),
    (5.0, "0%", "procent", True, Reading(5)),
    (40.0, "0.0%", "procent", True, Reading(40)),
    (0.62, "0%", "antal", False, Reading(0.62)),  # an antal indicator is never scaled
    # Whole numbers: Excel stores every number as a float; a count that is whole becomes an int below 2**53.
    (12.0, "General", "antal", False, Reading(12)),
    (12.5, "General", "antal", False, Reading(12.5)),  # not whole: left for the unit check (VP309)
    (12.0, "General", "procent", True, Reading(12)),
    (-3.0, "General", "antal", False, Reading(-3)),
    (2.0**53 - 1, "General", "antal", False, Reading(2**53 - 1)),
    (2.0**53, "General", "antal", False, Reading(2.0**53)),
    # ja/nej: a truth value where one is meant, and nowhere else.
    (True, "General", "ja/nej", False, Reading(True)),
    (False, "General", "ja/nej", False, Reading(False)),
    (True, "General", "antal", False, Reading("ja", "är ett sanningsvärde men ska vara ett tal", COUNT)),
    (False, "General", "procent", False, Reading("nej", "är ett sanningsvärde men ska vara ett tal", SHARE)),
    (True, "General", "procent", True, Reading("ja", "är ett sanningsvärde men ska vara ett tal", COUNT)),
    (1, "General", "ja/nej", False, Reading(1, "är ett tal men indikatorn är ja/nej", YES_NO)),
    (0.0, "0%", "ja/nej", False, Reading(0.0, "är ett tal men indikatorn är ja/nej", YES_NO)),
    ("ja", "General", "ja/nej", False, Reading(True)),
    ("Nej ", "General", "ja/nej", False, Reading(False)),
    ("JA", "@", "ja/nej", False, Reading(True)),
    ("1", "General", "ja/nej", False, Reading("1", "'1' är varken ja eller nej", YES_NO)),
    ("kanske", "General", "ja/nej", False, Reading("kanske", "'kanske' är varken ja eller nej", YES_NO)),
    ("ja", "General", "antal", False, Reading("ja", "'ja' är ett ja eller nej men ska vara ett tal", COUNT)),
    ("nej", "General", "procent", False, Reading("nej", "'nej' är ett ja eller nej men ska vara ett tal", SHARE)),
    ("ja", "General", "ja/nej", True, Reading("ja", "'ja' är ett ja eller nej men ska vara ett tal", COUNT)),
    # Dates: a date cell is no number.
    (dt.date(2024, 5, 21), "yyyy-mm-dd", "antal", False, dated(COUNT)),
    (dt.datetime(2024, 5, 21, 14, 30), "yyyy-mm-dd hh:mm", "procent", False, dated(SHARE)),
    (dt.date(2024, 5, 21), "yyyy-mm-dd", "ja/nej", False, dated(YES_NO)),
    # Empty text is an empty cell.
    ("", "General", "antal", False, EMPTY),
    ("   ", "General", "procent", False, EMPTY),
    ("\u00a0\u202f", "@", "ja/nej", False, EMPTY),
    # Numbers typed as text.
    ("102", "@", "antal", False, Reading(102)),
    ("62,5", "General", "procent", False, Reading(62.5)),
    ("62 %", "General", "procent", False, Reading(62)),
    ("62,5%", "General", "procent", False, Reading(62.5)),
    ("62 %", "General", "antal", False, Reading("62 %", "'62 %' har ett procenttecken men ska vara ett antal", COUNT)),
    ("40 %", "General", "procent", True, Reading("40 %", "'40 %' har ett procenttecken men ska vara ett antal", COUNT)),
    ("1 234", "General", "antal", False, Reading(1234)),
    ("1\u00a0234", "General", "antal", False, Reading(1234)),
    ("12 st", "General", "antal", False, Reading(12)),
    ("12,0", "General", "antal", False, Reading(12)),
    ("12,0", "General", "procent", False, Reading(12.0)),
    ("\u22125", "General", "antal", False, Reading(-5)),  # a typographic minus
    (" 7 ", "General", "antal", False, Reading(7)),
    ("ca 300", "General", "antal", False, Reading("ca 300", "'ca 300' går inte att läsa som ett tal", COUNT)),
    ("ca 30", "General", "procent", False, Reading("ca 30", "'ca 30' går inte att läsa som ett tal", SHARE)),
    ("ca 3", "General", "okänd", False, Reading("ca 3", "'ca 3' går inte att läsa som ett tal", ANY)),
    # Where Swedish and English typing disagree: three digits after a point, or (for a count) after a comma.
    ("1.234", "General", "antal", False, ambiguous("1.234", "1234")),
    ("1.234", "General", "procent", False, ambiguous("1.234", "1234")),
    ("999.999", "General", "procent", False, ambiguous("999.999", "999999")),
    ("1,234", "General", "antal", False, ambiguous("1,234", "1234")),
    ("1,234", "General", "procent", True, ambiguous("1,234", "1234")),
    ("1,234", "General", "procent", False, Reading(1.234)),  # a share with a decimal comma
    ("1.23", "General", "procent", False, Reading(1.23)),  # two decimals: no thousands
    ("1.2345", "General", "procent", False, Reading(1.2345)),  # four decimals: no thousands
    ("1234.5", "General", "procent", False, Reading(1234.5)),  # four digits before the point: no thousands
    ("1,2345", "General", "antal", False, Reading(1.2345)),
]


@pytest.mark.parametrize(("raw", "number_format", "unit", "whole", "expected"), NUMBERS)
def test_read_number(raw: object, number_format: str, unit: str, whole: bool, expected: Reading) -> None:
    assert exact(read_number(raw, number_format, unit, whole=whole)) == exact(expected)


PERCENT_FORMATS = [
    ("0%", True),
    ("0.0%", True),
    ("0.00 %", True),
    ("[Red]0%", True),
    ("[$-41D]0%", True),
    ("0%;[Red]-0%", True),
    ("General", False),
    ("0", False),
    ("0.00", False),
    ("@", False),
    ('0" %"', False),
    ('0"%"', False),
    ("0\\%", False),
    ("[%]0", False),
    ("", False),
]


@pytest.mark.parametrize(("number_format", "percent"), PERCENT_FORMATS)
def test_is_percent_format(number_format: str, percent: bool) -> None:
    assert is_percent_format(number_format) is percent


STATUS_HINT = "Välj ej påbörjad, pågående, försenad, genomförd eller utgår i listan."
CHOICES: list[tuple[object, bool, Reading]] = [
    # raw, a status (else a bedömning), reading
    (None, True, EMPTY),
    ("", True, EMPTY),
    ("  ", False, EMPTY),
    ("pågående", True, Reading("pågående")),
    ("Pågående ", True, Reading("pågående")),
    ("PÅGÅENDE", True, Reading("pågående")),
    ("pagaende", True, Reading("pågående")),  # accents left out
    ("ej  påbörjad", True, Reading("ej påbörjad")),  # two spaces
    ("ej\u00a0påbörjad", True, Reading("ej påbörjad")),  # a hard space
    ("Inte påbörjat", True, Reading("ej påbörjad")),
    ("genomfört", True, Reading("genomförd")),
    ("utgått", True, Reading("utgår")),
    ("klar", True, Reading("klar", "'klar' är ingen status", STATUS_HINT)),
    ("helt", False, Reading("helt")),
    ("Delvis uppfyllt", False, Reading("delvis")),
    ("ej", False, Reading("inte")),
    ("bra", False, Reading("bra", "'bra' är ingen bedömning", "Välj helt, delvis eller inte i listan.")),
    (3, False, Reading("3", "'3' är ingen bedömning", "Välj helt, delvis eller inte i listan.")),
]


@pytest.mark.parametrize(("raw", "status", "expected"), CHOICES)
def test_read_choice(raw: object, status: bool, expected: Reading) -> None:
    if status:
        found = read_choice(raw, STATUS_CHOICES, STATUS_ALIASES, "status")
    else:
        found = read_choice(raw, ASSESSMENT_CHOICES, ASSESSMENT_ALIASES, "bedömning")
    assert exact(found) == exact(expected)


TEXTS: list[tuple[object, Reading]] = [
    (None, EMPTY),
    ("", EMPTY),
    ("  \u00a0 ", EMPTY),
    ("  Rutinen finns.  ", Reading("Rutinen finns.")),
    ("rad ett\r\nrad två", Reading("rad ett\nrad två")),
    (True, Reading("ja")),
    (False, Reading("nej")),
    (12, Reading("12")),
    (12.0, Reading("12")),
    (12.5, Reading("12,5")),
    (dt.datetime(2024, 5, 21), Reading("2024-05-21")),
    (dt.datetime(2024, 5, 21, 14, 30), Reading("2024-05-21 14:30:00")),
    (dt.date(2024, 5, 21), Reading("2024-05-21")),
]


@pytest.mark.parametrize(("raw", "expected"), TEXTS)
def test_read_text(raw: object, expected: Reading) -> None:
    assert exact(read_text(raw)) == exact(expected)


CLOCK = "Skriv bara datumet, ÅÅÅÅ-MM-DD."
DATE_HINT = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2024-05-21."
DATES: list[tuple[object, Reading]] = [
    (None, EMPTY),
    ("", EMPTY),
    (" ", EMPTY),
    (dt.datetime(2024, 5, 21), Reading(dt.date(2024, 5, 21))),
    (dt.datetime(2024, 5, 21, 0, 0, 1), Reading("2024-05-21 00:00:01", "har ett klockslag", CLOCK)),
    (dt.datetime(2024, 5, 21, 14, 30), Reading("2024-05-21 14:30:00", "har ett klockslag", CLOCK)),
    (dt.date(2024, 5, 21), Reading(dt.date(2024, 5, 21))),
    ("2024-05-21", Reading(dt.date(2024, 5, 21))),
    ("21/5 2024", Reading(dt.date(2024, 5, 21))),
    ("21 maj 2024", Reading(dt.date(2024, 5, 21))),
    ("21.5.2024", Reading(dt.date(2024, 5, 21))),
    ("2024-02-29", Reading(dt.date(2024, 2, 29))),
    ("2023-02-29", Reading("2023-02-29", "'2023-02-29' går inte att läsa som ett datum", DATE_HINT)),
    ("21 maja 2024", Reading("21 maja 2024", "'21 maja 2024' går inte att läsa som ett datum", DATE_HINT)),
    # A date serial in a cell not formatted as a date reaches the reader as a number, which is no date.
    (45433, Reading("45433", "'45433' går inte att läsa som ett datum", DATE_HINT)),
    (45433.0, Reading("45433.0", "'45433.0' går inte att läsa som ett datum", DATE_HINT)),
    (20240521, Reading(dt.date(2024, 5, 21))),  # the digits of a date, as typed without separators
]


@pytest.mark.parametrize(("raw", "expected"), DATES)
def test_read_date(raw: object, expected: Reading) -> None:
    assert exact(read_date(raw)) == exact(expected)


ACK_HINT = "Skriv en rad per varning: koden, kolon och skälet, till exempel VP314: Årsmålet höjdes av nämnden."
ACKNOWLEDGEMENTS: list[tuple[object, Reading]] = [
    (None, EMPTY),
    ("", EMPTY),
    ("VP314: Årsmålet höjdes", Reading({"VP314": "Årsmålet höjdes"})),
    ("vp314 :  Årsmålet höjdes ", Reading({"VP314": "Årsmålet höjdes"})),
    ("VP314: a\n\nVP333: b", Reading({"VP314": "a", "VP333": "b"})),
    ("VP314 skäl", Reading(None, "'VP314 skäl' är ingen kvittering", ACK_HINT)),
    ("VP314: a\nskäl", Reading({"VP314": "a"}, "'skäl' är ingen kvittering", ACK_HINT)),
    ("VP314:", Reading(None, "'VP314:' är ingen kvittering", ACK_HINT)),
    ("VP31: a", Reading(None, "'VP31: a' är ingen kvittering", ACK_HINT)),
]


@pytest.mark.parametrize(("raw", "expected"), ACKNOWLEDGEMENTS)
def test_read_acknowledgements(raw: object, expected: Reading) -> None:
    assert exact(read_acknowledgements(raw)) == exact(expected)


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("  a  ", "a"),
        ("\u00a0a\u202f", "a"),
        ("\u2212 5", "- 5"),
        ("a\r\nb", "a\nb"),
        ("a\u0308", "ä"),  # decomposed, as a Mac may type it
        ("\ta\n", "a"),
    ],
)
def test_clean(text: str, cleaned: str) -> None:
    assert clean(text) == cleaned
