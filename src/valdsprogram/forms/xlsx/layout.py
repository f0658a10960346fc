"""The follow-up workbook's layout, shared by the writer (`mall --format xlsx`) and the reader (`importera`)."""

from __future__ import annotations

from dataclasses import dataclass

from valdsprogram.model.followup import ASSESSMENTS, STATUSES

SHEET = "Uppföljning"
"""The sheet the body fills in."""
INSTRUCTIONS_SHEET = "Instruktioner"
META_SHEET = "Om arbetsboken"
"""The hidden sheet that says which program, body and period the workbook belongs to."""
FORMAT_MARK = "valdsprogram-uppföljning 1"
"""The first value of the hidden sheet: a workbook without it was not made by `mall`."""

TITLE_ROW = 1
DECISION_DATE_CELL = "C2"
DECISION_NUMBER_CELL = "C3"
HEADER_ROW = 5
FIRST_ROW = 6

KINDS = {"aktiviteter": "Aktivitet", "indikatorer": "Indikator", "mal": "Mål"}
"""Section of the follow-up → what the Typ column says for its rows."""
SECTION_TITLES = {"aktiviteter": "Aktiviteter", "indikatorer": "Indikatorer", "mal": "Mål"}


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the sheet."""

    letter: str
    header: str
    width: float
    fields: tuple[str, ...] = ()
    """The report fields the column holds, for any kind of row (`kommentar` for items, `analys` for goals)."""


COLUMNS = (
    Column("A", "Typ", 11),
    Column("B", "Id", 7),
    Column("C", "Text", 60),
    Column("D", "Enhet", 9),
    Column("E", "Status", 14, ("status",)),
    Column("F", "Utfall", 11, ("utfall",)),
    Column("G", "Prognos (helår)", 11, ("prognos",)),
    Column("H", "Årsmål", 11, ("arsmal",)),
    Column("I", "Täljare", 10, ("taljare",)),
    Column("J", "Nämnare", 10, ("namnare",)),
    Column("K", "Bedömning", 12, ("bedomning",)),
    Column("L", "Kommentar / analys", 60, ("kommentar", "analys")),
    Column("M", "Anmärkning", 34),
    Column("N", "Kvittera", 40, ("kvittera",)),
)
FIELD_COLUMN = {name: column.letter for column in COLUMNS for name in column.fields}
"""A report field → the letter of the column it is typed into."""
HEADERS = {column.header: column.letter for column in COLUMNS}

STATUS_CHOICES = STATUSES
ASSESSMENT_CHOICES = ASSESSMENTS
YES_NO_CHOICES = ("ja", "nej")

META_KEYS = ("format", "program", "revision", "organ", "period")
"""The hidden sheet's rows, in order: column A the key, column B the value."""

MAX_ROWS = 2000
"""A filled-in sheet has a few dozen rows; more than this is not a follow-up and is not read."""
MAX_COLUMNS = 40


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, CSV injection): such text is always written as text."""


def cell_name(letter: str, row: int, sheet: str = SHEET) -> str:
    """`Uppföljning!F7`, as a user finds it in Excel's name box."""
    return f"{sheet}!{letter}{row}"
