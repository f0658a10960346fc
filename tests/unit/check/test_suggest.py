"""The suggestion engine, as a table: what people write, and the word it must suggest (or none)."""

from __future__ import annotations

import pytest

from valdsprogram.check.suggest import meant_period, meant_word
from valdsprogram.model.followup import STATUSES

ASSESSMENTS = ("helt", "delvis", "inte")
UNITS = ("antal", "procent", "ja/nej")

WORDS = [
    # Statuses: the nearest spelling of `påbörjad` is `ej påbörjad`, the opposite; the meaning is `pågående`.
    ("påbörjad", STATUSES, "pågående"),
    ("Påbörjat", STATUSES, "pågående"),
    ("pågår", STATUSES, "pågående"),
    ("Pågående", STATUSES, "pågående"),
    ("pagaende", STATUSES, "pågående"),
    ("startad", STATUSES, "pågående"),
    ("inte påbörjad", STATUSES, "ej påbörjad"),
    ("ej_påbörjad", STATUSES, "ej påbörjad"),
    ("ejpåbörjad", STATUSES, "ej påbörjad"),
    ("ej startad", STATUSES, "ej påbörjad"),
    ("klar", STATUSES, "genomförd"),
    ("Genomfört", STATUSES, "genomförd"),
    ("genomförs", STATUSES, "genomförd"),
    ("försenat", STATUSES, "försenad"),
    ("struken", STATUSES, "utgår"),
    ("utgått", STATUSES, "utgår"),
    ("kanske", STATUSES, None),
    ("", STATUSES, None),
    # Assessments.
    ("uppfyllt", ASSESSMENTS, "helt"),
    ("delvis uppfyllt", ASSESSMENTS, "delvis"),
    ("ej uppfyllt", ASSESSMENTS, "inte"),
    ("uppfylls inte", ASSESSMENTS, "inte"),
    ("ej", ASSESSMENTS, "inte"),
    ("Helt", ASSESSMENTS, "helt"),
    ("kanske", ASSESSMENTS, None),
    # Units in the program.
    ("%", UNITS, "procent"),
    ("andel", UNITS, "procent"),
    ("st", UNITS, "antal"),
    ("ja-nej", UNITS, "ja/nej"),
    ("Ja/Nej", UNITS, "ja/nej"),
]


@pytest.mark.parametrize(("typed", "allowed", "meant"), WORDS, ids=[w[0] or "tomt" for w in WORDS])
def test_meant_word(typed: str, allowed: tuple[str, ...], meant: str | None) -> None:
    assert meant_word(typed, allowed) == meant


def test_a_suggestion_is_always_allowed() -> None:
    """`ej` means `inte` for an assessment, but is no status: only allowed words are suggested."""
    assert meant_word("ej", ("pågående", "genomförd")) is None


PERIODS = [
    ("2024-t2", "2024-T2"),
    ("2024 T2", "2024-T2"),
    ("2024T2", "2024-T2"),
    ("T2 2024", "2024-T2"),
    ("T2-2024", "2024-T2"),
    ("tertial 1 2024", "2024-T1"),
    ("24-T2", "2024-T2"),
    ("2024-vb", "2024-VB"),
    ("2024-år", "2024-VB"),
    ("VB 2024", "2024-VB"),
    ("2024-T3", "2024-VB"),
    ("2024-T2", None),
    ("2024-T4", None),
    ("hösten", None),
]


@pytest.mark.parametrize(("typed", "meant"), PERIODS, ids=[p[0] for p in PERIODS])
def test_meant_period(typed: str, meant: str | None) -> None:
    assert meant_period(typed) == meant
