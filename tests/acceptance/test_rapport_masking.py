"""Masking end to end: for random small and large counts, with a merger, forecasts and bodies that did not report,
nothing the JSON report publishes (per body, totals, trend points, the comparison with last year, forecasts, whether
the city meets its target) lets a reader work out a masked small count or a forecast that belongs to one."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import TESTS
from masking_oracle import another_value_fits
from valdsprogram.cli.app import app
from valdsprogram.report.masking import Masking


def write(folder: Path, values: dict[str, dict[str, tuple[int, int | None]]]) -> None:
    program = (TESTS / "data" / "program.yaml").read_text(encoding="utf-8")
    program = program.replace("text: Antal ärenden, enhet: antal,", "text: Antal ärenden, kanslig: true, enhet: antal,")
    (folder / "program.yaml").write_text(program, encoding="utf-8")
    for period, bodies in values.items():
        for organ, (outcome, forecast) in bodies.items():
            path = folder / "uppfoljning" / period / f"{organ}.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            extra = f", prognos: {forecast}" if forecast is not None else ""
            path.write_text(
                f"organ: {organ}\nperiod: {period}\n"
                "aktiviteter: {A1.1: {status: pågående}, A1.2: {status: pågående}}\n"
                f"indikatorer: {{I1.2: {{utfall: {outcome}{extra}, arsmal: 100}}}}\n",
                encoding="utf-8",
            )


def derivable(values: Mapping[str, int], shown: Mapping[str, int], sums: list[tuple[list[str], int]]) -> list[str]:
    """The small hidden values a reader can pin down from the shown values and the published sums."""
    hidden = frozenset(n for n in values if n not in shown)
    masking = Masking(hidden, frozenset(frozenset(names) for names, _ in sums))
    for names, total in sums:
        assert sum(values[n] for n in names) == total, "the report's sum is not the sum of its parts"
    return [n for n in sorted(hidden) if values[n] < 5 and not another_value_fits(values, masking, n, 5)]


counts = st.one_of(st.integers(0, 6), st.integers(5, 40))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    earlier=st.fixed_dictionaries({"sdn-syd": counts}, optional={"sdn-norr": counts}),
    later=st.fixed_dictionaries({"sdn-syd": counts}, optional={"sdn-mitt": counts}),
    extra=st.fixed_dictionaries({"sdn-mitt": st.integers(0, 30), "sdn-syd": st.integers(0, 30)}),
    forecast_from=st.sets(st.sampled_from(["sdn-mitt", "sdn-syd"])),
)
# The case 4: one body's small count, and its forecast of 9 (not small in itself) as the city's forecast.
@example(earlier={"sdn-syd": 10}, later={"sdn-syd": 3}, extra={"sdn-mitt": 0, "sdn-syd": 6}, forecast_from={"sdn-syd"})
def test_nothing_published_gives_a_small_count_away(
    tmp_path_factory: object,
    earlier: dict[str, int],
    later: dict[str, int],
    extra: dict[str, int],
    forecast_from: set[str],
) -> None:
    folder = tmp_path_factory.mktemp("r")  # type: ignore[attr-defined]
    forecasts = {b: later[b] + extra[b] for b in forecast_from if b in later}
    write(
        folder,
        {
            "2023-T1": {b: (v, None) for b, v in earlier.items()},
            "2024-T1": {b: (v, forecasts.get(b)) for b, v in later.items()},
        },
    )
    result = CliRunner().invoke(
        app,
        [
            "rapport",
            "--period",
            "2024-T1",
            "-f",
            "json",
            "--bara-rapporterande",
            "--program",
            str(folder / "program.yaml"),
            "--uppfoljning",
            str(folder / "uppfoljning"),
        ],
    )
    assert result.exit_code == 0, result.output
    i12 = next(i for i in json.loads(result.output)["indikatorer"] if i["id"] == "I1.2")
    shown = {b["organ"]: b["utfall"] for b in i12["per_organ"] if b["utfall"] is not None}
    shown_forecasts = {b["organ"]: b["prognos"] for b in i12["per_organ"] if b["prognos"] is not None}
    now: list[tuple[list[str], int]] = []
    then: list[tuple[list[str], int]] = []
    for p in i12["trend"]:
        if p["varde"] is not None:
            (now if p["period"] == "2024-T1" else then).append((p["organ"], p["varde"]))
    comparison = i12["jamforelse"]
    if comparison is not None and not comparison["maskerad"]:
        now.append((list(comparison["organ"]), comparison["till"]))
        then.append(([b for group in comparison["organ"].values() for b in group], comparison["fran"]))
    assert derivable(later, shown, now) == []
    assert derivable(earlier, {}, then) == []
    if i12["prognos"] is not None:
        assert derivable(forecasts, shown_forecasts, [(sorted(forecasts), i12["prognos"])]) == []
        # A forecast is as sensitive as the small outcome it belongs to: not shown, and not pinned down by the sum.
        small = {b for b in forecasts if later[b] < 5}
        assert not small & set(shown_forecasts)
        pinned = sorted(forecasts.keys() - shown_forecasts.keys())
        assert not (len(pinned) == 1 and set(pinned) & small), (forecasts, i12["prognos"])
    assert not set(shown) & {b for b, v in later.items() if v < 5}
    assert all(b["uppnas"] is None for b in i12["per_organ"] if b["maskerad"])
    # Whether the city meets its target follows from the forecast it is judged on: hidden when that is.
    if i12["underlag"] == "prognos" and i12["prognos"] is None:
        assert i12["uppnas"] is None
