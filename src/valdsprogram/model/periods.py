"""Reporting periods: tertial 1 (per 30 April), tertial 2 (per 31 August) and the annual report (VB)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

PERIOD_PATTERN = r"^((?:19|20)[0-9]{2})-(T1|T2|VB)$"
"""Years 1900–2099 in ASCII digits (`\\d` would take any Unicode digit): never a year a date cannot hold."""

_LAST_DAY = {"T1": (4, 30), "T2": (8, 31), "VB": (12, 31)}
_NAMES = {"T1": "tertialrapport 1", "T2": "tertialrapport 2", "VB": "verksamhetsberättelse"}
_ORDER = ("T1", "T2", "VB")


@dataclass(frozen=True, order=True, slots=True)
class Period:
    """One reporting period, ordered in time."""

    year: int
    """The calendar year."""
    index: int
    """0 for T1, 1 for T2, 2 for VB."""

    @classmethod
    def parse(cls, text: str) -> Period | None:
        """`2024-T1` as a Period; None when the text is not a period."""
        match = re.fullmatch(PERIOD_PATTERN, text)
        if match is None:
            return None
        return cls(int(match[1]), _ORDER.index(match[2]))

    @classmethod
    def of_day(cls, day: dt.date) -> Period:
        """The period a day is reported in: the first whose last day is on or after it."""
        return next(p for p in (cls(day.year, i) for i in range(3)) if day <= p.last_day)

    @property
    def kind(self) -> str:
        """`T1`, `T2` or `VB`."""
        return _ORDER[self.index]

    @property
    def is_annual(self) -> bool:
        """Whether this is the annual report (VB), which reports the full year; T1 and T2 report the year so far."""
        return self.index == 2

    @property
    def last_day(self) -> dt.date:
        """The day the period reports per: a body must exist then to report it."""
        month, day = _LAST_DAY[self.kind]
        return dt.date(self.year, month, day)

    @property
    def name(self) -> str:
        """The Swedish name of the report, e.g. `tertialrapport 1 2024`."""
        return f"{_NAMES[self.kind]} {self.year}"

    def __str__(self) -> str:
        return f"{self.year}-{self.kind}"


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_day(text: str) -> dt.date | None:
    """A day written exactly ÅÅÅÅ-MM-DD in ASCII digits, or None: no week dates (`2024-W21-2`), ordinal dates,
    times, other digits or surrounding spaces, all of which `date.fromisoformat` takes."""
    if not _DAY.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def periods_between(first_year: int, last_year: int) -> list[Period]:
    """Every period of the years, in order."""
    return [Period(year, index) for year in range(first_year, last_year + 1) for index in range(3)]
