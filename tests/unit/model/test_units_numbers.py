"""Numbers as readers see them: one function writes every figure, the Swedish way."""

from __future__ import annotations

import pytest

from valdsprogram.model.units import swedish

NNBSP = "\u202f"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0"),
        (999, "999"),
        (1000, f"1{NNBSP}000"),
        (1511, f"1{NNBSP}511"),
        (1511.0, f"1{NNBSP}511"),
        (74.8, "74,8"),
        (12345.5, f"12{NNBSP}345,5"),
        (-2650, f"-2{NNBSP}650"),
        (1234567, f"1{NNBSP}234{NNBSP}567"),
        (True, "ja"),
        (False, "nej"),
    ],
)
def test_a_number_has_a_decimal_comma_and_thin_spaces_between_thousands(value: float, text: str) -> None:
    assert swedish(value) == text


def test_csv_gets_the_number_without_separators_so_excel_reads_it() -> None:
    assert swedish(12345.5, grouped=False) == "12345,5"
