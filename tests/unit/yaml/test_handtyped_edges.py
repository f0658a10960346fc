"""A value typed as text in a follow-up (VP331) at the edges of its unit: a share from 0 to 100 %, both included,
and a count from 0 up, whole. Each case is the text as written, what made it text, and the exact fix."""

from __future__ import annotations

import pytest

from valdsprogram.yaml.handtyped import handtyped_values
from valdsprogram.yaml.reader import parse_yaml

NOT_A_NUMBER = "gör det till text, inte ett tal."
SHARE = "och en andel i procent ligger mellan 0 och 100."
COUNT = "och ett antal är ett heltal som inte är negativt."
RANGE = "Skriv procenttalet som ett tal mellan 0 och 100, utan procenttecken och citattecken."


@pytest.mark.parametrize(
    ("unit", "text", "marks", "problem", "hint"),
    [
        ("procent", "0 %", "procenttecken", NOT_A_NUMBER, "Ta bort procenttecknet: utfall: 0"),
        ("procent", "100 %", "procenttecken", NOT_A_NUMBER, "Ta bort procenttecknet: utfall: 100"),
        ("procent", "100,5 %", "procenttecken och decimalkomma", SHARE, RANGE),
        ("procent", "-0,5 %", "procenttecken och decimalkomma", SHARE, RANGE),
        ("antal", "0", "citattecken", NOT_A_NUMBER, "Ta bort citattecknen: utfall: 0"),
        (
            "antal",
            "-1",
            "citattecken",
            COUNT,
            "Skriv ett antal som är 0 eller mer, utan citattecken, till exempel utfall: 0",
        ),
        ("antal", "12,5", "decimalkomma", COUNT, "Skriv antalet som ett heltal: utfall: 12 eller utfall: 13"),
    ],
)
def test_a_value_typed_as_text_at_the_edges_of_its_unit(
    unit: str, text: str, marks: str, problem: str, hint: str
) -> None:
    document = parse_yaml(f'indikatorer:\n  I1.1: {{utfall: "{text}"}}\n'.encode(), "f.yaml")
    found = [(d.line, d.column, d.code, d.message, d.hint) for _, d in handtyped_values(document, {"I1.1": unit})]
    said = (
        f"{text!r}: {marks} {problem}"
        if problem == NOT_A_NUMBER
        else f"{text!r} ({marks} gör det till text), {problem}"
    )
    assert found == [(2, 18, "VP331", f"Utfallet för I1.1 är texten {said}", hint)]
