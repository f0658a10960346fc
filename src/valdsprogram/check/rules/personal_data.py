"""The personal data guard: follow-ups are public records, so no personnummer or samordningsnummer in them.

Two passes, both linear: the raw text (where comments live) and every decoded value (strings, keys and numbers,
where YAML escapes, line continuations, folded text and floats like `8.112189876e9` hide a number from the raw
text). Both see the text after `normalise`, which turns the dashes, spaces and invisible characters people paste
from Word, Outlook and PDFs, and full-width or other Unicode digits, into plain ASCII.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator

from valdsprogram.check.rules.finding import Finding
from valdsprogram.check.rules.rule import rule
from valdsprogram.yaml.reader import Loc, YamlDocument

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d"
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
_INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"


_FULL_WIDTH = {"\uff0b": "+", "\uff0e": ".", "\uff0f": "/", "\u2024": "."}


class _Normal(dict[int, str | None]):
    """The translation table for `normalise`, filled in as characters are met (Unicode has 1.1 million)."""

    def __missing__(self, point: int) -> str | None:
        char = chr(point)
        if char in _DASHES:
            result: str | None = "-"
        elif char in _SPACES:
            result = " "
        elif char in _INVISIBLE:
            result = None
        elif char.isdecimal():  # full-width (０-９), Arabic-Indic, Devanagari … digits
            result = str(unicodedata.decimal(char))
        else:
            result = _FULL_WIDTH.get(char, char)
        self[point] = result
        return result


_NORMAL = _Normal()


_LOOK_ALIKE = re.compile("[" + re.escape("\t" + _DASHES + _SPACES + _INVISIBLE + "".join(_FULL_WIDTH)) + "]")
_OTHER_DIGIT = re.compile(r"[^\x00-\x7f\D]")
"""With `_LOOK_ALIKE`, exactly the characters `normalise` changes: every non-ASCII decimal digit (a test checks
this over all of Unicode). Two scans of one character class each are cheaper than translating each character, or
than one scan for either."""


def normalise(text: str) -> str:
    """Plain ASCII digits, `-`, `+`, `.` and space for their look-alikes; invisible characters removed."""
    changes = _LOOK_ALIKE.search(text) or _OTHER_DIGIT.search(text)
    return text.translate(_NORMAL) if changes else text


# A date of birth (YYMMDD or YYYYMMDD, its parts optionally apart by one space, dot or dash), a separator
# (none, one of `- + .`, a space, or a dash between spaces) and four digits. Not glued to other digits, nor
# to a digit group by `-`, `/` or `.` (a date range, a diarienummer such as `KS 2020/924`, a decimal number).
_CANDIDATE = re.compile(
    r"(?<!\d)(?<!\d[-/.])"
    r"((?:\d{2}){1,2})[ .-]?(\d{2})[ .-]?(\d{2})"
    r"( ?[-+.] ?| |T)?"
    r"(\d{4})"
    r"(?!\d)(?![-.,]\d)"
)
_ROUGH = re.compile(r"\d\d[ .-]?\d\d[ .-]?\d\d(?: ?[-+.] ?| |T)?\d{4}")
"""What every candidate holds from its date's last six digits on, without the look-arounds: one cheap scan tells
whether a text can hold a candidate at all (most follow-ups cannot: a date, a year or a count is never followed
by four more digits)."""
_SERIAL_END = re.compile(r"\d{4}(?!\d)")
"""The last four digits of a run of four or more: where every candidate's serial ends."""
_REACH = 17
"""The longest candidate: `YYYY-MM-DD - NNNN`."""
_SHORTEST = 10
"""The shortest candidate: `YYMMDDNNNN`."""
_LOOKAROUND = 2
"""How far `_CANDIDATE` looks past a match's end."""
_PHONE_HINT = (
    "Ta bort numret och allt annat som kan identifiera en enskild person. Om det är ett telefonnummer, "
    "skriv det med mellanslag, till exempel 070-123 45 67."
)


@rule("VP315")
def personal_numbers(document: YamlDocument) -> Iterator[Finding]:
    """VP315: every valid personnummer or samordningsnummer in the file's text or its decoded values."""
    seen: set[str] = set()
    for digits, kind, line, column in _in_text(document.text):
        seen.add(digits)
        yield _finding(line, column, kind)
    if not _any_in_values(document.data):
        return  # the usual case: one scan of all the values together, and no walk that names each one's place
    for loc, at_key, value in _values(document.data, ()):
        for digits, kind in _numbers_in(value):
            if digits not in seen:
                seen.add(digits)
                positions = document.positions
                line, column = positions.of_key(loc) if at_key else positions.of_value(loc)
                yield _finding(line, column, kind)


_APART = "\x00\x00\x00"
"""What `_any_in_values` puts between two values: no part of a candidate, and no digit for its look-arounds to see,
so each value is scanned as if alone."""


def _any_in_values(data: object) -> bool:
    """Whether any decoded key or value holds an identity number: exactly when `_numbers_in` finds one in some
    value, since no candidate can span `_APART` and `normalise` changes each character alone."""
    texts: list[str] = []
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            texts += (key if isinstance(key, str) else _APART.join(_texts(key)) for key in value)
            stack += value.values()
        elif isinstance(value, list):
            stack += value
        else:
            texts += _texts(value)
    return any(_judge(match)[1] for match in _candidates(normalise(_APART.join(texts))))


def _finding(line: int, column: int, kind: str) -> Finding:
    message = f"Texten innehåller ett giltigt {kind}. Uppföljningar är allmänna handlingar."
    return Finding("VP315", (), message, _PHONE_HINT, line=line, column=column)


def _in_text(text: str) -> Iterator[tuple[str, str, int, int]]:
    """Each number in the raw text: digits, kind, line and column; lines counted as the scan moves on."""
    line, line_start, counted_to = 1, 0, 0
    normal = normalise(text)
    for match in _candidates(normal):
        digits, kind = _judge(match)
        if not kind:
            continue
        start = match.start()
        newlines = normal.count("\n", counted_to, start)
        if newlines:
            line += newlines
            line_start = normal.rfind("\n", counted_to, start) + 1
        counted_to = start
        yield digits, kind, line, start - line_start + 1


def _values(data: object, loc: Loc) -> Iterator[tuple[Loc, bool, object]]:
    """Every scalar and key in decoded data, with its loc and whether it is a key."""
    stack: list[tuple[Loc, object]] = [(loc, data)]
    while stack:
        here, value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                yield (*here, key), True, key
                stack.append(((*here, key), item))
        elif isinstance(value, list):
            stack.extend(((*here, index), item) for index, item in enumerate(value))
        else:
            yield here, False, value


def _numbers_in(value: object) -> Iterator[tuple[str, str]]:
    """The identity numbers in one decoded value: a text, or a number however YAML wrote it."""
    for text in _texts(value):
        if len(text) < _SHORTEST:
            continue
        for match in _candidates(text):
            digits, kind = _judge(match)
            if kind:
                yield digits, kind


def _texts(value: object) -> list[str]:
    """The texts a decoded value is searched as: the text normalised, or a number's digits however YAML wrote it."""
    if isinstance(value, bool) or value is None:
        return []
    if isinstance(value, str):
        return [normalise(value)]
    if isinstance(value, int):
        return [_whole(value)]
    if isinstance(value, float) and value == value and abs(value) < 1e13:  # not nan, inf or huge
        if value.is_integer():
            return [repr(value), _whole(int(value))]  # 811218.9876; 8.112189876e9
        return [repr(value)]
    return []


def _candidates(text: str) -> Iterator[re.Match[str]]:
    """Exactly `_CANDIDATE.finditer(text)`, with the full pattern tried only near where a serial can end, and not
    at all in a text without `_ROUGH`.

    A candidate ends in its serial, the last four digits of a run of digits, and is at most `_REACH` characters
    long, so it lies within `_REACH` characters before such an end. Those stretches, merged where they overlap, are
    scanned alone, with the text around them in view (the pattern looks at most 3 characters back and
    `_LOOKAROUND` past a match), so each finds what the scan of the whole text finds there.
    """
    if _ROUGH.search(text) is None:
        return
    start = end = -1
    for serial in _SERIAL_END.finditer(text):
        here = max(0, serial.end() - _REACH)
        if here > end:
            if end >= 0:
                yield from _within(text, start, end)
            start = here
        end = serial.end()
    if end >= 0:
        yield from _within(text, start, end)


def _within(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The candidates that start in text[start:end]."""
    for match in _CANDIDATE.finditer(text, start, min(len(text), end + _REACH + _LOOKAROUND)):
        if match.start() >= end:
            return
        yield match


def _whole(number: int) -> str:
    """A whole number's digits; nine digits get back the leading zero a spreadsheet drops (0105…)."""
    text = str(abs(number))
    return text.zfill(10) if len(text) == 9 else text


def _judge(match: re.Match[str]) -> tuple[str, str]:
    """The candidate's digits and kind (`personnummer`, `samordningsnummer`), or an empty kind when neither."""
    year, month, day, separator, serial = match.groups()
    digits = f"{year}{month}{day}{serial}"
    if separator in (" ", "T") and _is_time(serial):
        return digits, ""  # `20240521 1430`: a date and a time of day, not a person
    if not _luhn(digits[-10:]):
        return digits, ""
    samordning = int(day) > 60
    real_day = int(day) - 60 if samordning else int(day)
    years = [int(year)] if len(year) == 4 else [1900 + int(year), 2000 + int(year)]
    for full_year in years:
        try:
            dt.date(full_year, int(month), real_day)
        except ValueError:
            continue
        return digits, "samordningsnummer" if samordning else "personnummer"
    return digits, ""


def _is_time(serial: str) -> bool:
    return int(serial[:2]) < 24 and int(serial[2:]) < 60


def _luhn(digits: str) -> bool:
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0
