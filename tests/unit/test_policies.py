"""The shared homes of policies once written in several places: each pinned exactly, at its boundaries."""

from __future__ import annotations

import datetime as dt
from typing import Any, get_args

import pytest

from valdsprogram.controls import json_text
from valdsprogram.model.followup import (
    ASSESSMENT_CHOICES_TEXT,
    ASSESSMENTS,
    STATUS_CHOICES_TEXT,
    STATUSES,
    UNDER_WAY,
    Assessment,
    Status,
)
from valdsprogram.model.periods import Period
from valdsprogram.model.program import Indicator, Program
from valdsprogram.model.program_index import ProgramIndex, reports_instead
from valdsprogram.model.units import PERCENT_RANGE, is_count, is_percentage, unit_problem
from valdsprogram.output.tables import CITY_COLUMNS, INDICATOR_COLUMNS
from valdsprogram.report import lookup
from valdsprogram.text import join_swedish, mebibytes
from valdsprogram.yaml.handtyped import handtyped_values
from valdsprogram.yaml.reader import parse_yaml


@pytest.mark.parametrize(
    ("items", "last", "joined"),
    [
        (["a"], "och", "a"),
        (["a", "b"], "och", "a och b"),
        (["a", "b", "c"], "och", "a, b och c"),
        (("a", "b", "c", "d"), "och", "a, b, c och d"),
        (["a"], "eller", "a"),
        (["a", "b", "c"], "eller", "a, b eller c"),
    ],
)
def test_join_swedish_has_no_comma_before_the_last_word(items: list[str], last: str, joined: str) -> None:
    assert join_swedish(items, last) == joined


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (0, "0,0"),
        (1, "0,0"),
        (1_048_576, "1,0"),
        (1_572_864, "1,5"),
        (5 * 1_048_576 + 1, "5,0"),
        (16 * 1_048_576 + 104_858, "16,1"),
    ],
)
def test_mebibytes_have_one_decimal_and_a_decimal_comma(size: int, shown: str) -> None:
    assert mebibytes(size) == shown


def test_json_text_is_indented_unescaped_utf8_with_controls_escaped_and_a_final_newline() -> None:
    data = {"namn": "Åsa\x1b\u202e\u2028\x85", "värden": [1, 2.5, None, True], "tom": {}}
    assert json_text(data) == (
        "{\n"
        '  "namn": "Åsa\\u001b\\u202e\\u2028\\u0085",\n'
        '  "värden": [\n'
        "    1,\n"
        "    2.5,\n"
        "    null,\n"
        "    true\n"
        "  ],\n"
        '  "tom": {}\n'
        "}\n"
    )


def test_json_text_refuses_nan() -> None:
    with pytest.raises(ValueError, match="not JSON compliant"):
        json_text({"x": float("nan")})


def _indicator(unit: str) -> Indicator:
    fields: dict[str, Any] = {
        "id": "I1.1",
        "text": "t",
        "enhet": unit,
        "periodicitet": "ar",
        "riktning": "hogre_ar_battre",
        "ansvariga": ["x"],
        "kalla": "k",
    }
    return Indicator.model_validate(fields)


@pytest.mark.parametrize(
    ("value", "fits"),
    [
        *((value, True) for value in (0, 0.0, 62.5, 100, 100.0)),
        *((value, False) for value in (100.0001, -1, -0.0001)),
    ],
)
def test_a_percentage_lies_between_0_and_100_inclusive(value: float, fits: bool) -> None:
    assert PERCENT_RANGE == (0, 100)
    assert is_percentage(value) is fits
    assert (unit_problem(_indicator("procent"), value) == "") is fits


@pytest.mark.parametrize(
    ("value", "fits"), [(0, True), (12, True), (12.0, True), (1.5, False), (-1, False), (-1.0, False), (0.0001, False)]
)
def test_a_count_is_a_whole_number_not_below_zero(value: float, fits: bool) -> None:
    assert is_count(value) is fits
    assert (unit_problem(_indicator("antal"), value) == "") is fits


def test_unit_problems_say_why_in_swedish() -> None:
    percent = unit_problem(_indicator("procent"), 100.0001)
    assert percent == "är 100.0001, men en andel i procent ligger mellan 0 och 100"
    assert unit_problem(_indicator("antal"), 1.5) == "är 1.5, men ett antal är ett heltal som inte är negativt"
    assert unit_problem(_indicator("antal"), True) == "är true, men enheten är antal"
    assert unit_problem(_indicator("ja/nej"), 1) == "är 1, men en ja/nej-indikator tar true eller false"
    assert unit_problem(_indicator("ja/nej"), False) == ""


def _typed(value: str, unit: str) -> list[str]:
    document = parse_yaml(f"indikatorer:\n  I1.1: {{utfall: '{value}'}}\n".encode(), "uppfoljning/x.yaml")
    return [d.message for _, d in handtyped_values(document, {"I1.1": unit})]


def test_hand_typed_values_use_the_same_bounds() -> None:
    assert _typed("100", "procent") == [
        "Utfallet för I1.1 är texten '100': citattecken gör det till text, inte ett tal."
    ]
    assert _typed("100,0001", "procent") == [
        "Utfallet för I1.1 är texten '100,0001' (decimalkomma gör det till text), och en andel i procent ligger "
        "mellan 0 och 100."
    ]
    assert _typed("-1", "antal") == [
        "Utfallet för I1.1 är texten '-1' (citattecken gör det till text), och ett antal är ett heltal som inte är "
        "negativt."
    ]
    # Typed with decimals a count is refused even when they are zero.
    assert _typed("12,0", "antal") == [
        "Utfallet för I1.1 är texten '12,0' (decimalkomma gör det till text), och ett antal är ett heltal som inte "
        "är negativt."
    ]


def test_the_status_and_assessment_words_are_written_once() -> None:
    assert get_args(Status) == STATUSES
    assert get_args(Assessment) == ASSESSMENTS
    assert STATUS_CHOICES_TEXT == "ej påbörjad, pågående, försenad, genomförd eller utgår"
    assert ASSESSMENT_CHOICES_TEXT == "helt, delvis eller inte"
    assert UNDER_WAY == ("pågående", "försenad")


def _body(ident: str, **dates: Any) -> dict[str, Any]:
    return {"id": ident, "namn": f"Nämnden {ident}", "typ": "stadsdelsnamnd", **dates}


ENDED = dt.date(2023, 6, 30)
BEGAN = dt.date(2023, 7, 1)


@pytest.fixture(scope="module")
def index() -> ProgramIndex:
    program = Program.model_validate(
        {
            "id": "p",
            "titel": "Programmet om allt",
            "giltighet": {"fran": 2021, "till": 2025},
            "vision": "v",
            "organ": [
                _body("a", till=ENDED, ersatts_av="ny"),
                _body("b"),
                _body("c", till=ENDED, ersatts_av="ny"),
                _body("d", till=ENDED, ersatts_av="ny"),
                _body("ny", fran=BEGAN),
                _body("slut", till=ENDED),
            ],
            "mal": [
                {
                    "id": "M1",
                    "titel": "Mål",
                    "aktiviteter": [{"id": "A1.1", "text": "Gör", "ansvariga": ["b"], "kalla": "k"}],
                    "indikatorer": [
                        {
                            "id": "I1.1",
                            "text": "Mät",
                            "enhet": "procent",
                            "periodicitet": "tertial",
                            "riktning": "hogre_ar_battre",
                            "ansvariga": ["b"],
                            "kalla": "k",
                        }
                    ],
                }
            ],
        }
    )
    return ProgramIndex.build(program)


def test_predecessors_are_the_bodies_replaced_in_program_order(index: ProgramIndex) -> None:
    assert [b.id for b in index.predecessors("ny")] == ["a", "c", "d"]
    assert index.predecessors("b") == []
    assert index.predecessors("okänd") == []


def test_a_successor_is_the_body_named_by_ersatts_av(index: ProgramIndex) -> None:
    successor = index.successor(index.bodies["a"])
    assert successor is not None
    assert successor.id == "ny"
    assert index.successor(index.bodies["b"]) is None
    assert index.successor(index.bodies["slut"]) is None


def test_stand_ins_report_in_a_body_s_place_when_it_does_not_exist(index: ProgramIndex) -> None:
    after, before = dt.date(2024, 4, 30), dt.date(2023, 4, 30)
    assert [b.id for b in index.stand_ins(index.bodies["a"], after)] == ["ny"]
    assert [b.id for b in index.stand_ins(index.bodies["ny"], before)] == ["a", "c", "d"]
    assert index.stand_ins(index.bodies["a"], before) == []  # it exists then
    assert index.stand_ins(index.bodies["slut"], after) == []  # ended with no successor


def test_reports_instead_joins_by_och_alone(index: ProgramIndex) -> None:
    assert reports_instead([]) == ""
    assert reports_instead([index.bodies["ny"]]) == "Nämnden ny (ny) rapporterar i stället."
    # As the messages always were: "och" between every name, not "a, b och c".
    assert reports_instead(index.predecessors("ny")) == (
        "Nämnden a (a) och Nämnden c (c) och Nämnden d (d) rapporterar i stället."
    )


def test_program_name_is_the_short_name_or_else_the_title(index: ProgramIndex) -> None:
    assert index.program.name == "Programmet om allt"
    assert index.program.model_copy(update={"kortnamn": "Allt"}).name == "Allt"


def test_visa_looks_up_activities_and_indicators_through_one_function(index: ProgramIndex) -> None:
    period = Period(2024, 0)
    activity = lookup.item(index, "aktivitet", "A1.1", period)
    assert activity == lookup.activity(index, "A1.1", period)
    assert list(activity) == [
        *("id", "text", "kalla", "utkast", "valdstyper", "ansvariga", "fran", "till", "period", "per", "i_kraft"),
        *("ansvariga_organ", "mal"),
    ]
    indicator = lookup.item(index, "indikator", "I1.1", period)
    assert indicator == lookup.indicator(index, "I1.1", period)
    assert list(indicator)[-6:] == ["enhet", "periodicitet", "riktning", "arsmal", "tolerans", "mal"]
    with pytest.raises(lookup.NotFound, match=r"^Indikatorn 'A1\.1' finns inte i programmet"):
        lookup.item(index, "indikator", "A1.1", period)


def test_both_indicator_tables_share_their_indicator_and_value_columns() -> None:
    assert list(INDICATOR_COLUMNS) == [
        *("period", "mal", "indikator", "indikator_text", "utkast", "enhet", "matning", "organ", "organ_namn"),
        *("utfall", "prognos", "arsmal", "maskerad", "uppnas", "metod", "vikt", "taljare", "namnare", "avser"),
    ]
    assert list(CITY_COLUMNS) == [
        *("period", "mal", "indikator", "indikator_text", "utkast", "enhet", "matning"),
        *("utfall", "prognos", "arsmal", "maskerad", "underlag", "uppnas", "metod"),
    ]
