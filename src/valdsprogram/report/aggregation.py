"""Indicator arithmetic: whether an annual target is met, and how the bodies' outcomes add up city-wide."""

from __future__ import annotations

from dataclasses import dataclass

from valdsprogram.model.followup import Assessment
from valdsprogram.model.program import Indicator
from valdsprogram.model.units import value_text

Value = bool | int | float


def target_met(indicator: Indicator, outcome: Value, target: Value) -> Assessment:
    """Is the annual target met fully, partly (within the indicator's tolerance) or not?

    Direction decides which side is good; `tolerans` is how far on the wrong side still counts as partly
    met, inclusive. Without a tolerance a target is met fully or not at all. For ja/nej only equality counts.
    """
    if indicator.enhet == "ja/nej" or isinstance(outcome, bool) or isinstance(target, bool):
        return "helt" if outcome == target else "inte"
    shortfall = target - outcome if indicator.riktning == "hogre_ar_battre" else outcome - target
    if shortfall <= 0:
        return "helt"
    if indicator.tolerans is not None and shortfall <= indicator.tolerans + 1e-9:
        return "delvis"
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


@dataclass(frozen=True, slots=True)
class Aggregate:
    """The city-wide value of an indicator over the bodies that reported it."""

    value: Value
    """The sum (antal), the weighted or unweighted mean (procent), or the number of `ja` (ja/nej)."""
    n: int
    """How many bodies reported an outcome."""
    method: str
    """How the value was computed, in Swedish: `summa`, `vägt medelvärde`, `ovägt medelvärde`, `antal ja`."""
    low: Value | None = None
    """The lowest body value (unweighted procent only)."""
    high: Value | None = None
    """The highest body value (unweighted procent only)."""
    target: Value | None = None
    """The comparable city-wide target, when every reporting body gave one."""


def aggregate(indicator: Indicator, values: list[Reported], year: int) -> Aggregate | None:
    """The city-wide value: `antal` summed; `procent` weighted by numerator/denominator when every body gave
    them, otherwise the unweighted mean with min and max; `ja/nej` as how many said ja (against the program's
    target for the year). None when nobody reported.
    """
    if not values:
        return None
    n = len(values)
    targets = [v.target for v in values]
    complete = all(t is not None for t in targets)
    if indicator.enhet == "antal":
        total_target = sum(float(t) for t in targets if t is not None) if complete else None
        return Aggregate(_number(sum(float(v.outcome) for v in values)), n, "summa", target=_maybe(total_target))
    if indicator.enhet == "ja/nej":
        return Aggregate(sum(1 for v in values if v.outcome is True), n, "antal ja", target=indicator.target(year))
    mean_target = sum(float(t) for t in targets if t is not None) / n if complete else None
    if all(v.numerator is not None and v.denominator for v in values):
        numerator = sum(v.numerator or 0 for v in values)
        denominator = sum(v.denominator or 0 for v in values)
        weighted = round(100 * numerator / denominator, 1)
        return Aggregate(weighted, n, "vägt medelvärde", target=_maybe(mean_target))
    outcomes = [float(v.outcome) for v in values]
    mean = round(sum(outcomes) / n, 1)
    return Aggregate(mean, n, "ovägt medelvärde", _number(min(outcomes)), _number(max(outcomes)), _maybe(mean_target))


def aggregate_met(indicator: Indicator, result: Aggregate) -> Assessment | None:
    """Whether the city-wide value meets the city-wide target; for ja/nej, helt when all said ja."""
    if indicator.enhet == "ja/nej":
        if result.target is None:
            return None
        wanted = result.n if result.target is True else 0
        return "helt" if result.value == wanted else "delvis" if result.value not in (0, result.n) else "inte"
    if result.target is None:
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
    if indicator.enhet == "ja/nej":
        return f"{result.value} av {result.n} ja"
    return value_text(indicator, result.value)
