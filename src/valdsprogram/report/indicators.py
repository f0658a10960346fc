"""One indicator in the city-wide report: judged on what fits the period, compared like with like, and masked so
that no small count can be worked out."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from valdsprogram.model.followup_file import FollowUpFile
from valdsprogram.model.periods import Period
from valdsprogram.model.program import Indicator
from valdsprogram.model.program_index import ProgramIndex
from valdsprogram.model.units import swedish, value_text
from valdsprogram.model.vocabulary import DIRECTIONS, MEASURES
from valdsprogram.report.aggregation import (
    Aggregate,
    Met,
    Reported,
    aggregate,
    aggregate_met,
    aggregate_text,
    target_met,
)
from valdsprogram.report.masking import MASKED, Masking, protect
from valdsprogram.report.trends import (
    Cells,
    Comparison,
    Matched,
    Point,
    chart_series,
    comparison,
    matched,
    partial_bodies,
    point,
    series_periods,
    within_year,
)
from valdsprogram.text import join_swedish

Basis = Literal["utfall", "prognos", "ej bedömd"]
_MONTHS = {4: "april", 8: "augusti", 12: "december"}


@dataclass(frozen=True, slots=True)
class BodyValue:
    """One body's values for the indicator."""

    body_id: str
    body_name: str
    outcome: str
    outcome_number: bool | int | float | None
    forecast: str
    forecast_number: bool | int | float | None
    target: str
    target_number: bool | int | float | None
    met: str
    """`helt`, `delvis`, `inte`, `ej bedömd`, or `maskerat`."""
    masked: bool
    covers: str = ""
    """The part of the period the body's value covers when it was formed during the year (`juli–december`)."""
    weight: int | None = None
    """The body's weight in the city-wide value: its denominator (`vagd`), 1 (`ovagd`), or None (sums, ja/nej)."""
    numerator: int | None = None
    denominator: int | None = None
    weight_text: str = ""
    """For a weighted share, what it weighs: `170 av 200`, or `saknas` without the counts."""


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    """One indicator, city-wide and per body."""

    id: str
    text: str
    unit: str
    direction: str
    measure: str
    measure_text: str
    """How the indicator is measured, in words."""
    value: str
    """The city-wide outcome (for `ackumulerad` at the tertials: so far this year), masked where sensitive."""
    number: bool | int | float | None
    masked: bool
    value_label: str
    """What the value is: `hittills i år (januari–april)`, `läge per 30 april`, `helår`."""
    forecast: str
    forecast_number: bool | int | float | None
    method: str
    method_key: str
    """How the bodies' values are combined, as the data names it: `summa`, `vagd`, `ovagd` or `antal_ja`."""
    target: str
    target_number: bool | int | float | None
    basis: Basis
    """What the target is judged on: the outcome, the forecast, or nothing (`ej bedömd`)."""
    basis_text: str
    """Why, in words, e.g. `prognos för helåret` or `ej bedömd: prognos saknas från Södermalm`."""
    met: Met | Literal["maskerat"] | None
    """Whether the city-wide target is met; `maskerat` when what it is judged on is masked."""
    trend: list[Point]
    """The same kind of period across years, oldest first, ending with this period."""
    chart: list[Point]
    """What a chart draws: the like-for-like part of the trend (`trends.chart_series`); empty under two points."""
    comparison: Comparison | None
    within_year: list[Point]
    within_label: str
    """`hittills i år` or `läge`: what the within-year points are."""
    bodies: list[BodyValue]
    has_forecasts: bool
    """Whether any body gave a forecast (the per-body table then has a column for it)."""
    notes: list[str] = field(default_factory=list)
    """What the reader must know, e.g. that the points cover different bodies."""


def judged_on(indicator: Indicator, period: Period) -> Basis:
    """What an annual target is judged on in the period: VB and states as they stand, counts so far on a forecast."""
    if period.is_annual or indicator.measure == "lage":
        return "utfall"
    return "prognos"


def value_label(indicator: Indicator, period: Period) -> str:
    if period.is_annual:
        return "helår"
    day = period.last_day
    if indicator.measure == "lage":
        return f"läge per {day.day} {_MONTHS[day.month]}"
    return f"hittills i år (januari–{_MONTHS[day.month]})"


def indicator_row(
    index: ProgramIndex, indicator: Indicator, period: Period, by_period: dict[Period, list[FollowUpFile]]
) -> IndicatorRow:
    """The indicator's row: `by_period` holds the error-free reports of every period with data, in name order."""
    names = {b.id: b.namn for b in index.program.organ}
    cells = {p: _cells(indicator, p, files) for p, files in by_period.items() if indicator.due(p)}
    parts = partial_bodies(index, indicator, cells.get(period, Cells(period, {})))
    label = _partial_label(
        value_label(indicator, period), parts, names, len(cells.get(period, Cells(period, {})).values)
    )
    here = cells.get(period, Cells(period, {}))
    # Values covering part of their period (a body formed during the year) are shown for the period itself, marked,
    # but left out of every trend and comparison: half a year next to a whole one is no change.
    partial = {p: partial_bodies(index, indicator, c) for p, c in cells.items()}
    whole = {p: Cells(p, {b: v for b, v in c.values.items() if b not in partial[p]}) for p, c in cells.items()}
    with_data = sorted(p for p, c in whole.items() if c.values)
    trend_periods = series_periods(period, with_data)
    last_year = Period(period.year - 1, period.index)
    compare = period in whole and last_year in whole and bool(whole[period].values)
    match = matched(index, indicator, whole[last_year], whole[period]) if compare else None
    limit = index.program.maskeringsgrans if indicator.kanslig and indicator.enhet == "antal" else 0
    maskings = _maskings(cells, whole, period, last_year, match, limit)
    outcome_mask, forecast_mask = maskings.get(period, _open([])), maskings["prognos"]  # no cells: nothing to mask

    result = aggregate(indicator, here.values, period.year)
    basis = judged_on(indicator, period)
    forecasts = {b: v for b, v in here.values.items() if v.forecast is not None}
    missing_forecast = [names.get(b, b) for b in here.values if b not in forecasts]
    judged: Aggregate | None = result
    if basis == "prognos":
        complete = here.values and not missing_forecast
        judged = (
            aggregate(indicator, {b: _as_outcome(v) for b, v in here.values.items()}, period.year) if complete else None
        )
    met = aggregate_met(indicator, judged) if judged is not None else None
    if result is None:
        basis, basis_text = "ej bedömd", "ingen har rapporterat"
    elif basis == "prognos" and judged is None:
        basis, basis_text = "ej bedömd", "ej bedömd: prognos saknas från " + join_swedish(missing_forecast)
    elif result.lacking or (judged is not None and judged.lacking):
        basis, basis_text = "ej bedömd", "ej bedömd: " + lacking_text(result.lacking, names)
    else:
        basis_text = {"utfall": label, "prognos": "prognos för helåret"}[basis]
    total_masked = result is not None and not outcome_mask.shows_sum(here.values)
    forecast_total = None
    if basis == "prognos" and judged is not None and judged.value is not None:
        forecast_total = judged.value if forecast_mask.shows_sum(forecasts) else None
    bodies = [
        _body_value(indicator, period, body_id, names.get(body_id, body_id), v, outcome_mask, result, parts)
        for body_id, v in sorted(here.values.items(), key=lambda item: names.get(item[0], item[0]))
    ]
    reported = [p for p in trend_periods if p in whole and whole[p].values]
    trend = [point(indicator, whole[p], maskings.get(p), names) for p in reported]
    # A period nobody has reported yet has no point of its own, so no line through the year either.
    year = within_year(period, with_data) if period in with_data else []
    within = [point(indicator, whole[p], maskings.get(p), names) for p in year]
    compared = comparison(indicator, whole, last_year, whole[period], match, maskings, names) if match else None
    left_out = {
        (names.get(b, b), str(p), span)
        for p in [*trend_periods, *year, last_year]
        for b, span in partial.get(p, {}).items()
    }
    row = IndicatorRow(
        id=indicator.id,
        text=indicator.text,
        unit=indicator.enhet,
        direction=DIRECTIONS[indicator.riktning],
        measure=indicator.measure,
        measure_text=MEASURES[indicator.measure],
        value=MASKED if total_masked else aggregate_text(indicator, result),
        number=None if total_masked or result is None else result.value,
        masked=total_masked,
        value_label=label,
        forecast=_forecast_text(indicator, basis, judged, forecast_total),
        forecast_number=forecast_total,
        method=_method_text(indicator, result, total_masked),
        method_key=indicator.weighting or "antal_ja",
        target=_target_text(indicator, result),
        target_number=result.target if result is not None else None,
        basis=basis,
        basis_text=basis_text,
        met=met,
        trend=trend,
        chart=chart_series(trend, compared, str(period), names),
        comparison=compared,
        within_year=within,
        within_label="hittills i år" if indicator.measure == "ackumulerad" else "läge",
        bodies=bodies,
        has_forecasts=bool(forecasts),
        notes=_notes(trend, within, compared) + _partial_notes(sorted(left_out, key=lambda t: (t[1], t[0]))),
    )
    return disclosed(row)


def disclosed(row: IndicatorRow) -> IndicatorRow:
    """The final disclosure-control pass over a row: a figure that follows from a masked figure alone is masked too.

    Whether the city-wide target is met follows from the figure it is judged on (the outcome, or at the tertials
    the forecast) and the target, which is published: when that figure is masked, so is the assessment, or a
    reader would learn which side of the target the masked figure lies.
    """
    judged_masked = row.masked if row.basis == "utfall" else row.forecast_number is None
    if row.met is not None and row.met != MASKED and row.basis != "ej bedömd" and judged_masked:
        return replace(row, met="maskerat")
    return row


def body_met(indicator: Indicator, period: Period, values: Reported) -> Met | Literal["ej bedömd"] | None:
    """One body's target judged on what fits the period; None without a target."""
    if values.target is None:
        return None
    if judged_on(indicator, period) == "prognos":
        if values.forecast is None:
            return "ej bedömd"
        return target_met(indicator, values.forecast, values.target)
    return target_met(indicator, values.outcome, values.target)


def _cells(indicator: Indicator, period: Period, files: list[FollowUpFile]) -> Cells:
    found: dict[str, Reported] = {}
    for f in files:
        v = f.followup.indikatorer.get(indicator.id)
        if v is not None and v.utfall is not None:
            found[f.followup.organ] = Reported(v.utfall, v.arsmal, v.taljare, v.namnare, v.prognos)
    return Cells(period, found)


def _maskings(
    cells: dict[Period, Cells],
    whole: dict[Period, Cells],
    period: Period,
    last_year: Period,
    match: Matched | None,
    limit: int,
) -> dict[Period | str, Masking]:
    """Per period, what may be published, and under `prognos` this period's forecasts. Limit 0: nothing masked.

    The period's own total covers every body; the trend points and comparisons cover only whole-period values."""
    result: dict[Period | str, Masking] = {}
    for p, c in cells.items():
        sums: list[set[str]] = [set(whole[p].values)]
        if p == period:
            sums.append(set(c.values))
        if match is not None and p == period:
            sums.append(set(match.later))
        if match is not None and p == last_year:
            sums.append(set(match.earlier))
        if not limit:
            result[p] = _open(sums)
            continue
        counts = {b: int(v.outcome) for b, v in c.values.items()}
        result[p] = protect(counts, limit, sums, shown=set(c.values) if p == period else set())
    here = cells.get(period, Cells(period, {})).values
    forecasts = {b: int(v.forecast) for b, v in here.items() if v.forecast is not None}
    if not limit or period not in result:
        result["prognos"] = _open([set(forecasts)])
        return result
    # A body's outcome and forecast are masked together (each bounds the other), until nothing more is needed; a
    # small one makes the other as sensitive as itself, so no published sum gives that one away either.
    counts = {b: int(v.outcome) for b, v in here.items()}
    sums = [set(here), set(whole[period].values), *([set(match.later)] if match is not None else [])]
    small = {b for b, n in counts.items() if n < limit} | {b for b, n in forecasts.items() if n < limit}
    hidden: frozenset[str] = frozenset()
    while True:
        outcome = protect(counts, limit, sums, hidden=hidden, sensitive=small)
        forecast = protect(forecasts, limit, [set(forecasts)], hidden=hidden & set(forecasts), sensitive=small)
        both = outcome.hidden | forecast.hidden
        if both == hidden:
            result[period], result["prognos"] = outcome, forecast
            return result
        hidden = both


def _open(sums: list[set[str]]) -> Masking:
    return Masking(frozenset(), frozenset(frozenset(s) for s in sums if s))


def _as_outcome(values: Reported) -> Reported:
    """The forecast in the outcome's place; a weighted share keeps the outcome's denominator as its weight."""
    assert values.forecast is not None
    return Reported(values.forecast, values.target, None, values.denominator)


def lacking_text(lacking: list[str], names: dict[str, str]) -> str:
    """Why a weighted mean is not computed: who lacks the counts it weighs by."""
    who = join_swedish([names.get(b, b) for b in lacking])
    return f"{who} saknar täljare och nämnare, som ett vägt medelvärde kräver"


def _body_value(
    indicator: Indicator,
    period: Period,
    body_id: str,
    name: str,
    v: Reported,
    masking: Masking,
    city: Aggregate | None,
    parts: dict[str, str],
) -> BodyValue:
    masked = not masking.shows(body_id)
    met = body_met(indicator, period, v)
    span = f" ({parts[body_id]})" if body_id in parts else ""
    return BodyValue(
        body_id=body_id,
        body_name=name,
        outcome=MASKED if masked else value_text(indicator, v.outcome) + span,
        outcome_number=None if masked else v.outcome,
        forecast="–" if v.forecast is None else MASKED if masked else value_text(indicator, v.forecast),
        forecast_number=None if masked else v.forecast,
        target=value_text(indicator, v.target) if v.target is not None else "–",
        target_number=v.target,
        met=MASKED if masked else met or "–",
        masked=masked,
        weight=None if masked or city is None else city.weights.get(body_id),
        numerator=None if masked else v.numerator,
        denominator=None if masked else v.denominator,
        covers=parts.get(body_id, ""),
        weight_text=_weight_text(indicator, v, masked),
    )


def _weight_text(indicator: Indicator, v: Reported, masked: bool) -> str:
    if indicator.enhet != "procent" or indicator.weighting != "vagd" or masked:
        return ""
    if v.numerator is None or not v.denominator:
        return "saknas"
    return f"{swedish(v.numerator)} av {swedish(v.denominator)}"


def _partial_label(label: str, parts: dict[str, str], names: dict[str, str], bodies: int) -> str:
    """The value's label when some bodies cover part of the period: a half year is never called `helår`."""
    if not parts:
        return label
    spans = set(parts.values())
    if len(parts) == bodies and len(spans) == 1:
        return spans.pop()
    which = "; ".join(
        f"{names.get(b, b)} bara {span}" for b, span in sorted(parts.items(), key=lambda i: names.get(i[0], i[0]))
    )
    return f"{label}; {which}"


def _partial_notes(left_out: list[tuple[str, str, str]]) -> list[str]:
    return [
        f"{name} avser {period} bara {span} (bildad under året) och ingår inte i trender och jämförelser."
        for name, period, span in left_out
    ]


def _notes(trend: list[Point], within: list[Point], comparison: Comparison | None) -> list[str]:
    notes = []
    if len({tuple(p.bodies) for p in trend}) > 1:
        notes.append("Punkterna år för år omfattar olika organ; se organen vid varje punkt.")
    if len({tuple(p.bodies) for p in within}) > 1:
        notes.append("Punkterna under året omfattar olika organ; se organen vid varje punkt.")
    if comparison is not None and comparison.left_out:
        notes.append(
            f"Förändringen mot {comparison.since} räknas bara över organ som rapporterat båda gångerna; "
            f"utanför: {join_swedish(comparison.left_out)}."
        )
    return notes


def _forecast_text(
    indicator: Indicator, basis: Basis, judged: Aggregate | None, shown: bool | int | float | None
) -> str:
    if basis != "prognos" or judged is None:
        return "–"
    return MASKED if shown is None else value_text(indicator, shown)


def _method_text(indicator: Indicator, result: Aggregate | None, masked: bool) -> str:
    if result is None:
        return "ingen har rapporterat"
    if masked:
        return f"{result.method}, {result.n} organ"
    if result.method == "ovägt medelvärde" and result.n > 1 and result.low is not None and result.high is not None:
        span = f"{value_text(indicator, result.low)}–{value_text(indicator, result.high)}"
        return f"ovägt medelvärde av {result.n} organ (lägst–högst {span})"
    return f"{result.method}, {result.n} organ"


def _target_text(indicator: Indicator, result: Aggregate | None) -> str:
    if result is None or result.target is None:
        return "–"
    if indicator.enhet == "ja/nej":
        return f"{'ja' if result.target else 'nej'} för alla"
    return value_text(indicator, result.target)
