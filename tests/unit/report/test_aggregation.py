"""Indicator arithmetic: targets met at the tolerance boundary, and city-wide aggregates of every unit."""

from __future__ import annotations

from typing import Any

import pytest

from valdsprogram.model.program import Indicator
from valdsprogram.report.aggregation import Reported, aggregate, aggregate_met, target_met


def by_body(*values: Reported) -> dict[str, Reported]:
    return {f"o{i}": v for i, v in enumerate(values)}


def indicator(**fields: Any) -> Indicator:
    base: dict[str, Any] = {
        "id": "I1.1",
        "text": "t",
        "enhet": "procent",
        "periodicitet": "ar",
        "riktning": "hogre_ar_battre",
        "ansvariga": ["x"],
        "kalla": "k",
    }
    return Indicator.model_validate(base | fields)


@pytest.mark.parametrize(
    ("riktning", "outcome", "target", "tolerans", "met"),
    [
        ("hogre_ar_battre", 80, 80, 5, "helt"),
        ("hogre_ar_battre", 75, 80, 5, "delvis"),  # exactly at the tolerance: still partly
        ("hogre_ar_battre", 74.9, 80, 5, "inte"),
        ("hogre_ar_battre", 79.9, 80, None, "inte"),  # no tolerance: fully or not at all
        ("lagre_ar_battre", 60, 60, 10, "helt"),
        ("lagre_ar_battre", 70, 60, 10, "delvis"),
        ("lagre_ar_battre", 70.1, 60, 10, "inte"),
        ("lagre_ar_battre", 40, 60, 10, "helt"),
    ],
)
def test_target_met_at_the_tolerance_boundary(
    riktning: str, outcome: float, target: float, tolerans: float | None, met: str
) -> None:
    assert target_met(indicator(riktning=riktning, tolerans=tolerans), outcome, target) == met


def test_yes_no_target_is_met_only_by_the_same_answer() -> None:
    yes_no = indicator(enhet="ja/nej")
    assert target_met(yes_no, True, True) == "helt"
    assert target_met(yes_no, False, True) == "inte"


def test_counts_are_summed_with_their_targets() -> None:
    result = aggregate(indicator(enhet="antal"), by_body(Reported(3, 5), Reported(4, 5), Reported(0, 2)), 2024)
    assert result is not None
    assert (result.value, result.n, result.method, result.target) == (7, 3, "summa", 12)


def test_percent_is_weighted_when_every_body_gives_numerator_and_denominator() -> None:
    values = by_body(Reported(50.0, 80, 1, 2), Reported(90.0, 80, 9, 10))
    result = aggregate(indicator(), values, 2024)
    assert result is not None
    assert (result.value, result.method) == (83.3, "vägt medelvärde")  # 10 of 12, not (50 + 90) / 2
    assert (result.key, result.weights) == ("vagd", {"o0": 2, "o1": 10})


def test_a_weighted_target_weighs_like_the_value() -> None:
    # The case 5: 85 % of 200 and 50 % of 2; targets 90 and 60 weigh the same way: (90·200 + 60·2) / 202.
    values = by_body(Reported(85.0, 90, 170, 200), Reported(50.0, 60, 1, 2))
    result = aggregate(indicator(), values, 2024)
    assert result is not None
    assert (result.value, result.target) == (84.7, 89.7)


def test_a_weighted_mean_without_a_body_s_counts_is_not_computed_another_way() -> None:
    values = by_body(Reported(85.0, 80, 170, 200), Reported(50.0, 80))
    result = aggregate(indicator(), values, 2024)
    assert result is not None
    assert (result.value, result.method, result.lacking) == (None, "vägt medelvärde", ["o1"])
    assert aggregate_met(indicator(), result) is None


def test_percent_is_an_unweighted_mean_with_range_when_declared() -> None:
    values = by_body(Reported(50.0, 80, 1, 2), Reported(90.0, 70))
    result = aggregate(indicator(sammanvagning="ovagd"), values, 2024)
    assert result is not None
    assert (result.value, result.method, result.low, result.high, result.target) == (
        70.0,
        "ovägt medelvärde",
        50,
        90,
        75,
    )
    assert (result.key, result.weights) == ("ovagd", {"o0": 1, "o1": 1})


def test_a_forecast_share_weighs_by_the_outcome_s_denominator() -> None:
    values = by_body(Reported(80.0, 80, None, 300), Reported(40.0, 80, None, 100))
    result = aggregate(indicator(), values, 2024)
    assert result is not None
    assert result.value == 70.0  # (80·300 + 40·100) / 400


def test_yes_no_counts_the_yes_answers() -> None:
    yes_no = indicator(enhet="ja/nej", arsmal=True)
    result = aggregate(yes_no, by_body(Reported(True, True), Reported(False, True), Reported(True, True)), 2024)
    assert result is not None
    assert (result.value, result.n, result.method) == (2, 3, "antal ja")
    assert aggregate_met(yes_no, result) == "delvis"


def test_no_target_when_a_body_gave_none() -> None:
    result = aggregate(indicator(enhet="antal"), by_body(Reported(3, 5), Reported(4, None)), 2024)
    assert result is not None
    assert result.target is None
    assert aggregate_met(indicator(enhet="antal"), result) is None


def test_nobody_reported() -> None:
    assert aggregate(indicator(), {}, 2024) is None


@pytest.mark.parametrize(
    ("riktning", "outcome", "tolerans", "met"),
    [
        ("hogre_ar_battre", 790, None, "nära målet"),  # the example: 790 against 800 at 2 %
        ("hogre_ar_battre", 784, None, "nära målet"),  # exactly 2 % short: still near
        ("hogre_ar_battre", 783.9, None, "inte"),
        ("hogre_ar_battre", 800, None, "helt"),
        ("hogre_ar_battre", 795, 5, "delvis"),  # within the tolerance: partly met comes first
        ("hogre_ar_battre", 790, 5, "nära målet"),
        ("lagre_ar_battre", 816, None, "nära målet"),
        ("lagre_ar_battre", 816.1, None, "inte"),
    ],
)
def test_near_the_target_within_nara_malet(riktning: str, outcome: float, tolerans: float | None, met: str) -> None:
    near = indicator(enhet="antal", riktning=riktning, tolerans=tolerans, nara_malet=2)
    assert target_met(near, outcome, 800) == met


def test_the_city_is_near_its_target_like_a_body() -> None:
    near = indicator(enhet="antal", nara_malet=2)
    result = aggregate(near, by_body(Reported(390, 400), Reported(400, 400)), 2024)
    assert result is not None
    assert aggregate_met(near, result) == "nära målet"
