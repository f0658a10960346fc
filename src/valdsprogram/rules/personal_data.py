"""The personal data guard: follow-ups are public records, so no personnummer or samordningsnummer in them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from valdsprogram.codes import code
from valdsprogram.diagnostics import Diagnostic
from valdsprogram.yamlfile import YamlDocument

# 6 or 8 digits (date of birth), an optional separator, 4 digits; not part of a longer run of digits,
# and not glued to a date or a diarienummer (e.g. `KS 2020/924`, `2024-05-01`).
_CANDIDATE = re.compile(r"(?<![\d/-])(\d{6}|\d{8})([-+ ]?)(\d{4})(?![\d/-])")  # never spans a line break


def personal_numbers(document: YamlDocument) -> Iterator[Diagnostic]:
    """VP315: every valid personnummer or samordningsnummer in the file's text, comments included."""
    for number, row, column in _candidates(document.text):
        kind = _identity_kind(number)
        if kind:
            yield code("VP315").at(
                document.path,
                row,
                column,
                f"Texten innehåller ett giltigt {kind}. Uppföljningar är allmänna handlingar.",
                "Ta bort numret och allt annat som kan identifiera en enskild person. Om det är ett telefonnummer, "
                "skriv det med mellanslag, till exempel 070-123 45 67.",
            )


def _candidates(text: str) -> Iterator[tuple[str, int, int]]:
    """Each digit run shaped like an identity number, with its 1-based line and column.

    One pass of the regex over the whole text (a line-by-line scan cost a fifth of `validera`'s run time);
    lines are counted only for the rare match.
    """
    for match in _CANDIDATE.finditer(text):
        start = match.start()
        yield match[0], text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)


def _identity_kind(number: str) -> str:
    """`personnummer`, `samordningsnummer`, or empty when the number is neither (check digit or date wrong)."""
    from stdnum import luhn  # imported on the first candidate only: stdnum pulls in ssl and socket
    from stdnum.se import personnummer

    digits = re.sub(r"\D", "", number)
    birth = digits[:-4]
    day = int(birth[-2:])
    if day <= 60:
        separator = number[len(birth)] if len(number) > len(digits) and number[len(birth)] in "-+" else "-"
        return "personnummer" if personnummer.is_valid(f"{birth}{separator}{digits[-4:]}") else ""
    # A samordningsnummer is a personnummer whose day has 60 added; stdnum's module does not take it.
    if not luhn.is_valid(digits[-10:]):
        return ""
    month, real_day = int(birth[-4:-2]), day - 60
    years = [int(birth[:4])] if len(birth) == 8 else [1900 + int(birth[:2]), 2000 + int(birth[:2])]
    for year in years:
        try:
            dt.date(year, month, real_day)
        except ValueError:
            continue
        return "samordningsnummer"
    return ""
