"""Complementary suppression: hand-checked cases, and a property test that no masked small value can be derived
from the published values and sums, found by brute force over every assignment a reader could try."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masking_oracle import another_value_fits
from valdsprogram.report.masking import Masking, protect


def test_a_small_value_beside_a_total_takes_the_next_smallest_with_it() -> None:
    # The example: 3 next to the total 154 and 151 gave the 3 away.
    masking = protect({"ni": 3, "sodermalm": 151}, 5, [{"ni", "sodermalm"}])
    assert masking.hidden == {"ni", "sodermalm"}
    assert masking.shows_sum({"ni", "sodermalm"})
    three = protect({"a": 3, "b": 151, "c": 40}, 5, [{"a", "b", "c"}])
    assert three.hidden == {"a", "c"}


def test_nothing_is_masked_when_nothing_is_small() -> None:
    assert protect({"a": 5, "b": 9}, 5, [{"a", "b"}]) == Masking(frozenset(), frozenset({frozenset({"a", "b"})}))


def test_a_small_total_is_not_published() -> None:
    masking = protect({"a": 1, "b": 2}, 5, [{"a", "b"}])
    assert masking.hidden == {"a", "b"}
    assert not masking.shows_sum({"a", "b"})


def test_zeros_alone_are_not_enough_company() -> None:
    masking = protect({"a": 0, "b": 0, "c": 30}, 5, [{"a", "b", "c"}])
    assert masking.hidden == {"a", "b", "c"}


def test_a_sub_sum_that_would_give_a_value_away_is_dropped() -> None:
    # Total a+b and the sub-sum b (bodies compared with last year): a = total - b, and nothing else to mask.
    masking = protect({"a": 2, "b": 40}, 5, [{"a", "b"}, {"b"}], shown=[])
    assert masking.sums == {frozenset({"a", "b"})}
    assert masking.hidden == {"a", "b"}


def test_sums_must_nest() -> None:
    with pytest.raises(ValueError, match="overlap"):
        protect({"a": 9, "b": 9, "c": 9}, 5, [{"a", "b"}, {"b", "c"}])


@st.composite
def problems(draw: st.DrawFn) -> tuple[dict[str, int], int, list[set[str]], set[str]]:
    n = draw(st.integers(1, 6))
    names = [f"o{i}" for i in range(n)]
    values = {name: draw(st.integers(0, 12)) for name in names}
    threshold = draw(st.integers(1, 6))
    sums: list[set[str]] = [set(names)]
    inner = set(draw(st.lists(st.sampled_from(names), unique=True)))
    if inner:
        sums.append(inner)
        innermost = set(draw(st.lists(st.sampled_from(sorted(inner)), unique=True)))
        if innermost:
            sums.append(innermost)
    rest = sorted(set(names) - inner)
    if rest:
        sums.append(set(draw(st.lists(st.sampled_from(rest), unique=True, min_size=1))))
    shown = set(draw(st.lists(st.sampled_from(names), unique=True)))
    return values, threshold, sums, shown


@settings(max_examples=400, deadline=None)
@given(problems())
def test_no_masked_small_value_can_be_derived(problem: tuple[dict[str, int], int, list[set[str]], set[str]]) -> None:
    values, threshold, sums, shown = problem
    masking = protect(values, threshold, sums, shown=shown)
    small = {n for n, v in values.items() if v < threshold}
    assert small <= masking.hidden
    assert set(values) - set(shown) <= masking.hidden
    assert masking.sums <= {frozenset(s) for s in sums}
    assert all(sum(values[n] for n in s) >= threshold for s in masking.sums)
    for name in sorted(small):
        assert another_value_fits(values, masking, name, threshold), (name, masking)


def test_a_masked_point_is_a_gap_in_the_chart_not_a_number() -> None:
    from valdsprogram.output.charts import trend_chart
    from valdsprogram.report.trends import Point

    points = [
        Point("2022-VB", "40", 40.0, 40, False, ["a", "b"], ["A", "B"]),
        Point("2023-VB", "maskerat", None, None, True, ["a"], ["A"]),
        Point("2024-VB", "52", 52.0, 52, False, ["a", "b"], ["A", "B"]),
    ]
    svg = trend_chart("t", "Titel", points, "antal")
    assert "maskerat" in svg
    assert "<polyline" not in svg  # no line joins 40 and 52 across the masked year
    assert svg.count("<circle") == 2
    assert "2023-VB: maskerat (1 organ)" in svg
