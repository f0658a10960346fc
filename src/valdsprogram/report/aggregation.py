"""Indicator arithmetic: whether an annual target is met, and how the bodies' outcomes add up city-wide."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from valdsprogram.model.followup import Assessment
from valdsprogram.model.program import Indicator
from valdsprogram.model.units import value_text

Value = bool | int | float


NEAR: Literal["nära målet"] = "nära målet"
"""An outcome that misses the target by no more than the indicator's `nara_malet` (a share of the target)."""
Met = Assessment | Literal["nära målet"]
"""Whether an annual target is met: fully, partly (within `tolerans`), near it (within `nara_malet`) or not."""


def target_met(indicator: Indicator, outcome: Value, target: Value) -> Met:
    """Is the annual target met fully, partly (within the indicator's tolerance), nearly, or not?

    Direction decides which side is good; `tolerans` is how far on the wrong side still counts as partly
    met, inclusive; `nara_malet` is how far, in per cent of the target, still counts as near the target
    (790 against 800 at 2 %), inclusive. Without them a target is met fully or not at all. For ja/nej only
    equality counts.
    """
    if indicator.enhet == "ja/nej" or isinstance(outcome, bool) or isinstance(target, bool):
        return "helt" if outcome == target else "inte"
    shortfall = target - outcome if indicator.riktning == "hogre_ar_battre" else outcome - target
    if shortfall <= 0:
        return "helt"
    if indicator.tolerans is not None and shortfall <= indicator.tolerans + 1e-9:
        return "delvis"
    if indicator.nara_malet is not None and shortfall <= abs(target) * indicator.nara_malet / 100 + 1e-9:
        return NEAR
    return "inte"


@dataclass(frozen=True, slots=True)
class Reported:
    """One body's values for one indicator in one period."""

    outcome: Value
    target: Value | None
    numerator: int | None = None
    denominator: int | None = None
    forecast: Value | None = None
    """The full-year forecast given at a tertial."""


METHODS = {"summa": "summa", "vagd": "vägt medelvärde", "ovagd": "ovägt medelvärde", "antal_ja": "antal ja"}
"""Each way of combining the bodies' values (as the report's data names it) and its name in the text."""


@dataclass(frozen=True, slots=True)
class Aggregate:
    """The city-wide value of an indicator over the bodies that reported it."""

    value: Value | None
    """The sum (antal), the weighted or unweighted mean (procent), or the number of `ja` (ja/nej); None when a body
    lacks what the method needs (`lacking`): the city figure is then not computed another way."""
    n: int
    """How many bodies reported an outcome."""
    method: str
    """How the value was computed, in Swedish: `summa`, `vägt medelvärde`, `ovägt medelvärde`, `antal ja`."""
    low: Value | None = None
    """The lowest body value (unweighted procent only)."""
    high: Value | None = None
    """The highest body value (unweighted procent only)."""
    target: Value | None = None
    """The comparable city-wide target, combined the same way as the value, when every reporting body gave one."""
    key: str = ""
    """The method as the report's data names it: `summa`, `vagd`, `ovagd` or `antal_ja`."""
    weights: dict[str, int | None] = field(default_factory=dict)
    """Each body's weight (`vagd`: its denominator; `ovagd`: 1); empty for sums and counts of ja."""
    lacking: list[str] = field(default_factory=list)
    """The bodies that lack what the method needs (a denominator for `vagd`), by id."""


def aggregate(indicator: Indicator, values: Mapping[str, Reported], year: int) -> Aggregate | None:
    """The city-wide value, by body id, combined the one way the indicator declares (`sammanvagning`): `summa`
    adds counts, `vagd` weighs each body's share by its denominator (täljare/nämnare summed), `ovagd` takes the
    plain mean with min and max; `ja/nej` counts the bodies that said ja (against the program's target for the
    year). The target is combined the same way as the value. None when nobody reported.
    """
    if not values:
        return None
    n = len(values)
    targets = [v.target for v in values.values()]
    complete = all(t is not None for t in targets)
    if indicator.enhet == "ja/nej":
        yes = sum(1 for v in values.values() if v.outcome is True)
        return Aggregate(yes, n, METHODS["antal_ja"], target=indicator.target(year), key="antal_ja")
    how = indicator.weighting
    if how == "summa":
        total_target = sum(float(t) for t in targets if t is not None) if complete else None
        total = _number(sum(float(v.outcome) for v in values.values()))
        return Aggregate(total, n, METHODS[how], target=_maybe(total_target), key=how)
    if how == "vagd":
        weights = {b: v.denominator for b, v in values.items()}
        lacking = [b for b, w in weights.items() if not w]
        if lacking and n == 1:  # one body's share is the city's share, whatever its weight
            only = next(iter(values.values()))
            target = float(only.target) if only.target is not None else None
            return Aggregate(
                round(float(only.outcome), 1), 1, METHODS[how], target=_maybe(target), key=how, weights=weights
            )
        if lacking:
            return Aggregate(None, n, METHODS[how], key=how, weights=weights, lacking=lacking)
        weight = sum(w or 0 for w in weights.values())
        if all(v.numerator is not None for v in values.values()):
            value = 100 * sum(v.numerator or 0 for v in values.values()) / weight
        else:  # a forecast has no numerator of its own: its share weighs by the outcome's denominator
            value = sum(float(v.outcome) * (weights[b] or 0) for b, v in values.items()) / weight
        target = sum(float(v.target or 0) * (weights[b] or 0) for b, v in values.items()) / weight
        return Aggregate(
            round(value, 1), n, METHODS[how], target=_maybe(target if complete else None), key=how, weights=weights
        )
    outcomes = [float(v.outcome) for v in values.values()]
    mean_target = sum(float(t) for t in targets if t is not None) / n if complete else None
    return Aggregate(
        round(sum(outcomes) / n, 1),
        n,
        METHODS["ovagd"],
        _number(min(outcomes)),
        _number(max(outcomes)),
        _maybe(mean_target),
        key="ovagd",
        weights=dict.fromkeys(values, 1),
    )


def aggregate_met(indicator: Indicator, result: Aggregate) -> Met | None:
    """Whether the city-wide value meets the city-wide target; for ja/nej, helt when all said ja."""
    if indicator.enhet == "ja/nej":
        if result.target is None:
            return None
        wanted = result.n if result.target is True else 0
        return "helt" if result.value == wanted else "delvis" if result.value not in (0, result.n) else "inte"
    if result.target is None or result.value is None:
        return None
    return target_met(indicator, result.value, result.target)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 1)


def _maybe(value: float | None) -> int | float | None:
    return None if value is None else _number(round(value, 1))


def aggregate_text(indicator: Indicator, result: Aggregate | None) -> str:
    """The city-wide value as shown: `290`, `62,5 %`, `2 av 3 ja`, or `–` when nobody reported."""
    if result is None:
        return "–"
    if result.value is None:
        return "ej bedömd"
    if indicator.enhet == "ja/nej":
        return f"{result.value} av {result.n} ja"
    return value_text(indicator, result.value)
