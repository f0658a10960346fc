"""A change since last year at its edges: a count under 20 changes by a number, from 20 on by a percentage."""

from __future__ import annotations

import pytest

from conftest import TESTS
from valdsprogram.check.validation import load_program
from valdsprogram.model.program import Indicator
from valdsprogram.model.program_index import ProgramIndex
from valdsprogram.report.trends import SMALL_BASE, change_text


def _index() -> ProgramIndex:
    loaded = load_program(TESTS / "data" / "program.yaml").index
    assert loaded is not None
    return loaded


INDEX = _index()


def indicator(ident: str) -> Indicator:
    return INDEX.indicators[ident][1]


def test_the_small_base_is_20() -> None:
    assert SMALL_BASE == 20


@pytest.mark.parametrize(
    ("ident", "before", "after", "change"),
    [
        ("I1.2", 19, 29, "+10"),  # under 20: the difference in number
        ("I1.2", 20, 30, "+50 %"),  # at 20: a percentage
        ("I1.2", 21, 31, "+48 %"),
        ("I1.2", 8, 12, "+4"),  # the README's example
        ("I1.2", 0, 3, "+3"),
        ("I1.2", 19, 10, "−9"),
        ("I1.2", 20, 10, "−50 %"),
        ("I1.2", 20, 20, "±0 %"),
        ("I1.2", 19, 19, "±0"),
        ("I1.2", 277, 290, "+5 %"),  # the README's example: rounded to a whole percent
        ("I1.2", 200, 201, "±0 %"),  # 0,5 % rounds (to even) to a whole 0 %
        ("I1.1", 19, 29, "+10 procentenheter"),  # a share changes in percentage points, at any base
        ("I1.1", 62.5, 60.25, "−2,2 procentenheter"),
        ("I1.1", 50, 50, "±0 procentenheter"),
        ("I1.3", True, False, ""),  # ja/nej has no change to give
    ],
)
def test_change_text(ident: str, before: bool | float, after: bool | float, change: str) -> None:
    assert change_text(indicator(ident), before, after) == change
