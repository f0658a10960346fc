"""Follow-up rules at their edges: each case is a follow-up of tests/data/program.yaml and exactly the findings it
gives, as (line, column, code)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import TESTS
from valdsprogram.check.validation import validate

VB = """organ: sdn-syd
period: 2024-VB
aktiviteter: {A1.1: {status: pågående}, A1.2: {status: genomförd}}
mal: {M1: {bedomning: helt}}
indikatorer:
  I1.2: {utfall: 4, arsmal: 10}
"""
"""A valid annual report; each case adds the line of I1.1 (procent: share, numerator and denominator)."""

T1 = """organ: sdn-syd
period: 2024-T1
aktiviteter: {A1.1: {status: pågående}, A1.2: {status: genomförd}}
indikatorer:
"""
"""A tertial report; each case adds the line of I1.2 (antal, accumulated: outcome so far and forecast)."""


def findings(tmp_path: Path, text: str) -> list[tuple[int, int, str]]:
    shutil.copy(TESTS / "data" / "program.yaml", tmp_path / "program.yaml")
    path = tmp_path / "uppfoljning" / text.split("period: ")[1][:7] / "sdn-syd.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    found = validate(tmp_path / "program.yaml", [path], base=tmp_path).diagnostics
    return [(d.line, d.column, d.code) for d in found]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("I1.1: {utfall: 100, arsmal: 80, taljare: 40, namnare: 40}", []),  # täljare = nämnare: 100 %
        ("I1.1: {utfall: 97.5, arsmal: 80, taljare: 39, namnare: 40}", []),
        ("I1.1: {utfall: 100, arsmal: 80, taljare: 41, namnare: 40}", [(7, 44, "VP309")]),  # täljare > nämnare
        ("I1.1: {utfall: 0, arsmal: 80, taljare: 0, namnare: 40}", []),
        ("I1.1: {utfall: 33.3, arsmal: 80, taljare: 1, namnare: 3}", []),  # 0,033 from 1/3: rounded, not wrong
        ("I1.1: {utfall: 33.38, arsmal: 80, taljare: 1, namnare: 3}", []),  # 0,047 off
        ("I1.1: {utfall: 33.4, arsmal: 80, taljare: 1, namnare: 3}", [(7, 18, "VP309")]),  # 0,067 off
        ("I1.1: {utfall: 33.2, arsmal: 80, taljare: 1, namnare: 3}", [(7, 18, "VP309")]),
        ("I1.1: {utfall: 50, arsmal: 80, taljare: 1}", [(7, 9, "VP309")]),  # täljare without nämnare
        # A share between 0 and 1 looks like a fraction (VP333); 0 and 1 themselves do not.
        ("I1.1: {utfall: 0.99, arsmal: 80}", [(7, 18, "VP333")]),
        ("I1.1: {utfall: 1.0, arsmal: 80}", []),
        ("I1.1: {utfall: 0.0, arsmal: 80}", []),
        ("I1.1: {utfall: 0.01, arsmal: 80}", [(7, 18, "VP333")]),
        # A share is 0–100, both included.
        ("I1.1: {utfall: 100, arsmal: 80}", []),
        ("I1.1: {utfall: 100.1, arsmal: 80}", [(7, 18, "VP309")]),
        ("I1.1: {utfall: -0.1, arsmal: 80}", [(7, 18, "VP309")]),
    ],
)
def test_a_share_with_numerator_and_denominator(
    tmp_path: Path, line: str, expected: list[tuple[int, int, str]]
) -> None:
    assert findings(tmp_path, VB + "  " + line + "\n") == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # A full-year forecast of a count that accumulates is at least the outcome so far.
        ("I1.2: {utfall: 4, arsmal: 10, prognos: 4}", []),
        ("I1.2: {utfall: 4, arsmal: 10, prognos: 5}", []),
        ("I1.2: {utfall: 4, arsmal: 10, prognos: 3}", [(5, 42, "VP325")]),
        # A count is a whole number, 0 included.
        ("I1.2: {utfall: 0, arsmal: 10}", []),
        ("I1.2: {utfall: -1, arsmal: 10}", [(5, 18, "VP309")]),
    ],
)
def test_a_forecast_at_a_tertial(tmp_path: Path, line: str, expected: list[tuple[int, int, str]]) -> None:
    assert findings(tmp_path, T1 + "  " + line + "\n") == expected


ACTIVITY = """organ: sdn-syd
period: {period}
aktiviteter: {{A1.1: {{status: {status}}}, A1.2: {{status: genomförd}}}}
indikatorer: {{I1.2: {{utfall: 4, arsmal: 10}}}}
"""


@pytest.mark.parametrize(
    ("period", "status", "expected"),
    [
        # Not started needs a comment from tertial 2 on; delayed and dropped always.
        ("2024-T1", "ej påbörjad", []),
        ("2024-T2", "ej påbörjad", [(3, 30, "VP311")]),
        ("2024-T1", "försenad", [(3, 30, "VP311")]),
        ("2024-T1", "utgår", [(3, 30, "VP311")]),
        ("2024-T2", "pågående", []),
    ],
)
def test_an_activity_explained(tmp_path: Path, period: str, status: str, expected: list[tuple[int, int, str]]) -> None:
    assert findings(tmp_path, ACTIVITY.format(period=period, status=status)) == expected
