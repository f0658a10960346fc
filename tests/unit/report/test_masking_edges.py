"""Masking at its threshold: a value or a sum of exactly `maskeringsgrans` is published, one less is not."""

from __future__ import annotations

import pytest

from valdsprogram.report.masking import protect

THRESHOLD = 5


@pytest.mark.parametrize(
    ("values", "hidden", "sum_shown"),
    [
        # The sum at the threshold itself is published (README: "en summa under gränsen ... visas inte").
        ({"a": 2, "b": 3}, {"a", "b"}, True),
        ({"a": 1, "b": 3}, {"a", "b"}, False),  # one below
        ({"a": 2, "b": 4}, {"a", "b"}, True),  # one above
        ({"a": 0, "b": 5}, {"a", "b"}, True),  # 0 is small; the 5 is masked to keep it company
        ({"a": 0, "b": 4}, {"a", "b"}, False),
    ],
)
def test_a_sum_is_published_from_the_threshold_on(values: dict[str, int], hidden: set[str], sum_shown: bool) -> None:
    masking = protect(values, THRESHOLD, [set(values)])
    assert (set(masking.hidden), masking.shows_sum(set(values))) == (hidden, sum_shown)


@pytest.mark.parametrize(
    ("value", "masked"),
    [(THRESHOLD - 1, True), (THRESHOLD, False), (THRESHOLD + 1, False), (0, True)],
)
def test_a_value_is_masked_below_the_threshold_only(value: int, masked: bool) -> None:
    masking = protect({"a": value, "b": 30, "c": 40}, THRESHOLD, [])
    assert (not masking.shows("a"), masking.shows("b"), masking.shows("c")) == (masked, True, True)


@pytest.mark.parametrize(
    ("values", "hidden"),
    [
        # One small value beside the total: the next smallest is masked with it, never a larger one.
        ({"a": 4, "b": 10, "c": 11}, {"a", "b"}),
        ({"a": 4, "b": 11, "c": 10}, {"a", "c"}),
        # Two small values are company for each other when together more than 0.
        ({"a": 4, "b": 1, "c": 30}, {"a", "b"}),
        ({"a": 0, "b": 1, "c": 30}, {"a", "b"}),
        ({"a": 0, "b": 0, "c": 30}, {"a", "b", "c"}),  # two zeros tell a reader both are 0
    ],
)
def test_a_small_value_under_a_published_total_has_company(values: dict[str, int], hidden: set[str]) -> None:
    masking = protect(values, THRESHOLD, [set(values)])
    assert set(masking.hidden) == hidden
    assert masking.shows_sum(set(values))


def test_values_not_shown_or_asked_hidden_are_masked_whatever_their_size() -> None:
    masking = protect({"a": 30, "b": 40, "c": 50}, THRESHOLD, [], shown=["a", "b"], hidden=["b"])
    assert set(masking.hidden) == {"b", "c"}


def test_a_sensitive_value_needs_company_whatever_its_size() -> None:
    # A forecast of 9 is not small, but it belongs to a masked small count: alone in a sum, the sum is not published.
    alone = protect({"a": 9}, THRESHOLD, [{"a"}], hidden={"a"}, sensitive={"a"})
    assert (set(alone.hidden), alone.sums) == ({"a"}, frozenset())
    beside = protect({"a": 9, "b": 20}, THRESHOLD, [{"a", "b"}], hidden={"a"}, sensitive={"a"})
    assert (set(beside.hidden), beside.shows_sum({"a", "b"})) == ({"a", "b"}, True)
    # Without being called sensitive, a masked 9 is its own sum's only part and the sum is published.
    assert protect({"a": 9}, THRESHOLD, [{"a"}], hidden={"a"}).shows_sum({"a"})
