"""The personal data guard: follow-ups are public records, so no personnummer or samordningsnummer in them.

Two passes, both linear: the raw text (where comments live) and every decoded value (strings, keys and numbers,
where YAML escapes, line continuations, folded text and floats like `8.112189876e9` hide a number from the raw
text). Both see the text after `normalise`, which turns the dashes, spaces, line breaks and invisible characters
people paste from Word, Outlook, Excel and PDFs, combining marks, and every character Unicode gives a digit value
(full-width, superscript, circled …), into plain ASCII.
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
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\r"
_BREAKS = "\x0b\x0c\x85\u2028\u2029"
"""YAML's and Unicode's other line breaks (`\\L`, `\\P`, NEL): a `\\n` each. A carriage return is a space, so that
Excel's Alt+Enter (`\\r\\n`) and a Windows line end stay one line break."""
_INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f\U000e0100-\U000e01ef"
"""The blocks of combining marks (accents, U+034F, a combining underline, keycaps) and variation selectors, as
ranges for a character class: removed, so that a mark on each digit does not hide the number."""
_FULL_WIDTH = {"\uff0b": "+", "\uff0e": ".", "\uff0f": "/", "\u2024": "."}


def _in_ranges(char: str, ranges: str) -> bool:
    return re.fullmatch(f"[{ranges}]", char) is not None


class _Normal(dict[int, str | None]):
    """The translation table for `normalise`, filled in as characters are met (Unicode has 1.1 million)."""

    def __missing__(self, point: int) -> str | None:
        char = chr(point)
        if char in _DASHES:
            result: str | None = "-"
        elif char in _SPACES:
            result = " "
        elif char in _BREAKS:
            result = "\n"
        elif char in _INVISIBLE or _in_ranges(char, _MARKS):
            result = None
        elif char.isdigit() and point > 0x7F:  # full-width (０-９), Arabic-Indic, superscript, circled … digits
            result = str(unicodedata.digit(char))
        else:
            result = _FULL_WIDTH.get(char, char)
        self[point] = result
        return result


_NORMAL = _Normal()


_MAY_CHANGE = re.compile(r"[^\n\x20-\x7eåäöÅÄÖéÉüÜ…“”‘’«»§°€•·]")
"""Every character `normalise` may change, and more: anything but printable ASCII, a line feed, the Swedish letters
and common typography (a test checks this over all of Unicode). One scan for it is much cheaper than translating
each character, and a follow-up written in Swedish has none."""


def normalise(text: str) -> str:
    """Plain ASCII digits, `-`, `+`, `.`, space and `\\n` for their look-alikes; invisible characters and
    combining marks removed."""
    return text.translate(_NORMAL) if _MAY_CHANGE.search(text) else text


# A date of birth (YYMMDD or YYYYMMDD, its parts optionally apart by one space, dot or dash, or a line break), a
# separator (none, one of `- + . / _ :`, a space, a dash between spaces, a line break after any of them, or a
# URL-encoded dash) and four digits, optionally in two pairs apart by a space, a dot or a line break. Not glued to
# other digits, nor to a digit group by `-`, `/` or `.` (a date range, a diarienummer such as `KS 2020/924`, a
# decimal number), nor followed by `:` and a digit (`2005-05-21 19:57` is a time, not `050521-2119`). A line break
# may carry up to `_INDENT` spaces of indentation (a block scalar in the raw text).
_INDENT = 16
_BREAK = rf" ?\n {{0,{_INDENT}}}"
_GAP = rf"(?:[ .-]|{_BREAK})?"
_SEPARATOR = rf"( ?[-+./_:] ?(?:\n {{0,{_INDENT}}})?|{_BREAK}| |T|%2[dD])?"
_HALF = rf"(?:[ .]|{_BREAK})?"
_BODY = rf"((?:\d{{2}}){{1,2}}){_GAP}(\d{{2}}){_GAP}(\d{{2}}){_SEPARATOR}(\d{{2}}){_HALF}(\d{{2}})"
_CANDIDATE = re.compile(r"(?<!\d)(?<!\d[-/.])" + _BODY + r"(?!\d)(?![-.,:]\d)")
_ROUGH = re.compile(r"\d\d[ .-]?\d\d[ .-]?\d\d(?: ?[-+./_:] ?| |T|%2[dD])?\d\d[ .]?\d\d")
_ACROSS_LINES = re.compile(r"\n *\d")
"""What every candidate holds from its date's last six digits on, without the look-arounds, when it stays on one
line, and what it holds when it does not (a line that begins with a digit): two cheap scans tell whether a text can
hold a candidate at all (most follow-ups cannot: a date, a year or a count is never followed by four more digits,
and YAML lines begin with a key or a dash). One pattern for both, or `_CANDIDATE`'s own, is several times slower."""
_SERIAL_END = re.compile(r"\d\d(?!\d)")
"""The last two digits of a run of two or more: where every candidate's serial ends."""
_REACH = 4 + 2 + 2 + 3 * (2 + _INDENT) + (4 + _INDENT) + 2 + 2
"""The longest candidate: `YYYY\\nMM\\nDD - \\nNN\\nNN`, each line break followed by `_INDENT` spaces."""
_SHORTEST = 10
"""The shortest candidate: `YYMMDDNNNN`."""
_LOOKAROUND = 2
"""How far `_CANDIDATE` looks past a match's end."""
_PHONE_WORD = re.compile(r"(?i)\b(?:tel|telefon\w*|mobil\w*|sms|ring\w*)\b")
"""A word that names a telephone number: before a ten-digit number that starts with 07, it makes it a mobile
number, not a person (`tel 0701234569`, `Mobil: 0701234569`)."""
_PHONE_CONTEXT = 24
"""How many characters before a number `_PHONE_WORD` is looked for."""
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
    at all in a text with neither `_ROUGH` nor `_ACROSS_LINES`.

    A candidate ends in its serial, whose last two digits end a run of digits, and is at most `_REACH` characters
    long, so it lies within `_REACH` characters before such an end. Those stretches, merged where they overlap, are
    scanned alone, with the text around them in view (the pattern looks at most 3 characters back and
    `_LOOKAROUND` past a match), so each finds what the scan of the whole text finds there.
    """
    if _ROUGH.search(text) is None and _ACROSS_LINES.search(text) is None:
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
    year, month, day, separator, first, last = match.groups()
    serial = first + last
    digits = f"{year}{month}{day}{serial}"
    # Only the century form: `811218 0008` is how many write a personnummer, and one serial in seven reads as a time.
    if len(year) == 4 and separator in (" ", "T") and match.start(6) == match.end(5) and _is_time(serial):
        return digits, ""  # `20240521 1430`: a date and a time of day, not a person
    if not _luhn(digits[-10:]) or _is_mobile(match):
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


def _is_mobile(match: re.Match[str]) -> bool:
    """Whether the candidate is a mobile number named as one: ten digits in a row starting with 07, after a word
    such as `tel` or `mobil` on the same line of the same text (never across `_APART`). Without the word it is a
    person: 070 plus a month and a day is also the date of birth of someone born in 2007."""
    whole = match.group()
    if len(whole) != _SHORTEST or not whole.startswith("07"):
        return False
    before = match.string[max(0, match.start() - _PHONE_CONTEXT) : match.start()]
    return _PHONE_WORD.search(before[max(before.rfind("\x00"), before.rfind("\n")) + 1 :]) is not None


def _is_time(serial: str) -> bool:
    return int(serial[:2]) < 24 and int(serial[2:]) < 60


def _luhn(digits: str) -> bool:
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0
