"""The city-wide assessment of a ja/nej indicator at its edges: all, all but one, one and none of the bodies
answering as the target asks, for a target of ja and of nej."""

from __future__ import annotations

from typing import Any

import pytest

from valdsprogram.model.program import Indicator
from valdsprogram.report.aggregation import Reported, aggregate, aggregate_met


def yes_no(**fields: Any) -> Indicator:
    base: dict[str, Any] = {
        "id": "I1.3",
        "text": "Rutin finns",
        "enhet": "ja/nej",
        "periodicitet": "ar",
        "riktning": "hogre_ar_battre",
        "ansvariga": ["x"],
        "kalla": "k",
    }
    return Indicator.model_validate(base | fields)


@pytest.mark.parametrize(
    ("target", "answers", "value", "met"),
    [
        (True, [True, True, True], 3, "helt"),
        (True, [True, True, False], 2, "delvis"),
        (True, [True, False, False], 1, "delvis"),
        (True, [False, False, False], 0, "inte"),
        (False, [False, False, False], 0, "helt"),  # the target is nej, and every body says nej
        (False, [True, False, False], 1, "delvis"),
        (False, [True, True, False], 2, "delvis"),
        (False, [True, True, True], 3, "inte"),
        (True, [True], 1, "helt"),
        (False, [True], 1, "inte"),
    ],
)
def test_yes_no_city_wide(target: bool, answers: list[bool], value: int, met: str) -> None:
    indicator = yes_no(arsmal=target)
    result = aggregate(indicator, {str(i): Reported(a, target) for i, a in enumerate(answers)}, 2024)
    assert result is not None
    assert (result.value, result.n, result.target, aggregate_met(indicator, result)) == (
        value,
        len(answers),
        target,
        met,
    )


def test_yes_no_without_a_target_is_not_judged() -> None:
    result = aggregate(yes_no(), {"o": Reported(True, None)}, 2024)
    assert result is not None
    assert aggregate_met(yes_no(), result) is None


def share(**fields: Any) -> Indicator:
    """A share in per cent, as `yes_no` builds a ja/nej indicator."""
    return yes_no(**{"id": "I1.1", "text": "Andel utbildade", "enhet": "procent"} | fields)


@pytest.mark.parametrize(
    ("values", "value", "target", "lacking"),
    [
        ({"a": Reported(70, 80)}, 70.0, 80.0, []),  # one body: its share is the city's, weight or not
        ({"a": Reported(70, 80, 7, 10)}, 70.0, 80.0, []),
        ({"a": Reported(70, 80), "b": Reported(50, 80, 1, 2)}, None, None, ["a"]),  # two: the weight is needed
        ({"a": Reported(70, 80, 7, 10), "b": Reported(50, 60, 1, 2)}, 66.7, 76.7, []),
    ],
)
def test_a_weighted_share_needs_weights_only_across_bodies(
    values: dict[str, Reported], value: float | None, target: float | None, lacking: list[str]
) -> None:
    result = aggregate(share(sammanvagning="vagd"), values, 2024)
    assert result is not None
    assert (result.value, result.target, result.lacking) == (value, target, lacking)
