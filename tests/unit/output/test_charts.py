"""Every chart function in charts.py on small inputs built here, compared whole with its golden SVG in
tests/data/charts/ (regenerate with `pytest --update-golden`, then open the files and look): the empty chart, a
row nobody reported, a masked point, long names and names that must be escaped. Each SVG must also parse as XML.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from conftest import TESTS, check_golden
from valdsprogram.output.charts import report_charts, stacked_chart, trend_chart
from valdsprogram.report.build import Count, GoalPart
from valdsprogram.report.trends import Point

GOLDEN = TESTS / "data" / "charts"
STATUSES = ["ej påbörjad", "pågående", "försenad", "genomförd", "utgår"]


def _counts(labels: list[str], numbers: list[int]) -> list[Count]:
    return [Count(label, n, [f"organ {i}" for i in range(n)]) for label, n in zip(labels, numbers, strict=True)]


def _point(period: str, number: float | None, value: str = "") -> Point:
    masked = number is None
    shown = value or ("maskerat" if masked else f"{number:g}".replace(".", ","))
    return Point(period, shown, number, None if masked else number, masked, ["sdn-a"], ["A"])


STACKED = {
    "inga-rader": [],
    "en-rad": [("M1", _counts(STATUSES, [1, 2, 0, 3, 1]))],
    # A row with no reports at all, a one-body row (one part under the width that gets a count tag), and a long
    # name with characters SVG must escape.
    "noll-och-escape": [
        ("M1", _counts(STATUSES, [0, 0, 0, 0, 0])),
        ("M2", _counts(STATUSES, [0, 0, 0, 40, 1])),
        ('<M3> & "långt mål" ' + "x" * 60, _counts(STATUSES, [5, 0, 0, 0, 0])),
    ],
    "bedomningar": [
        ("M1", _counts(["helt", "delvis", "inte"], [2, 1, 1])),
        ("M2", _counts(["helt", "delvis", "inte"], [0, 0, 3])),
    ],
    "okand-kategori": [("M1", _counts(["<annat>"], [2]))],
}


@pytest.mark.parametrize("case", list(STACKED))
def test_stacked_chart(case: str, update_golden: bool) -> None:
    svg = stacked_chart(f"d-{case}", 'Status per mål <"&">', STACKED[case])
    ET.fromstring(svg)
    check_golden(GOLDEN / f"staplar-{case}.svg", svg + "\n", update=update_golden)


TRENDS = {
    "procent": ([_point("2023-VB", 62.5), _point("2024-VB", 70)], "procent"),
    "antal-med-maskerat": ([_point("2024-T1", 12), _point("2024-T2", None), _point("2024-VB", 30)], "antal"),
    "maskerat-emellan-en-i-taget": ([_point("2023-VB", 3), _point("2024-T1", None), _point("2024-VB", 0)], "antal"),
    "bara-noll": ([_point("2023-VB", 0), _point("2024-VB", 0)], "antal"),
    "negativt-och-escape": ([_point("<2023>", -5, "-5 & <fem>"), _point("2024-VB", 5)], "antal"),
}


@pytest.mark.parametrize("case", list(TRENDS))
def test_trend_chart(case: str, update_golden: bool) -> None:
    points, unit = TRENDS[case]
    svg = trend_chart(f"t-{case}", "I1.1 <över> tid & år", points, unit)
    ET.fromstring(svg)
    check_golden(GOLDEN / f"trend-{case}.svg", svg + "\n", update=update_golden)


@pytest.mark.parametrize(
    "points",
    [[], [_point("2024-VB", 5)], [_point("2023-VB", None), _point("2024-VB", 5)], [_point("2023-VB", None)] * 3],
    ids=["inga", "en", "en-av-tva-maskerad", "alla-maskerade"],
)
def test_a_trend_of_fewer_than_two_numbers_is_no_chart(points: list[Point]) -> None:
    assert trend_chart("t", "I1.1", points, "antal") == ""


def _goal(ident: str, statuses: list[int], assessments: list[int]) -> GoalPart:
    return GoalPart(
        ident,
        f"Mål {ident}",
        _counts(["helt", "delvis", "inte"], assessments),
        [],
        _counts(STATUSES, statuses),
        [],
        [],
        "",
        "",
    )


GOALS = [_goal("M1", [1, 2, 0, 3, 0], [1, 1, 0]), _goal("M2", [0, 0, 0, 0, 0], [0, 0, 0])]


def test_report_charts(update_golden: bool) -> None:
    charts = report_charts(GOALS)
    assert list(charts) == ["status", "bedomning"]
    for name, svg in charts.items():
        ET.fromstring(svg)
        check_golden(GOLDEN / f"rapport-{name}.svg", svg + "\n", update=update_golden)


def test_the_assessment_label_qualifies_only_the_assessment_chart() -> None:
    plain, forecast = report_charts(GOALS), report_charts(GOALS, assessment_label="prognos för helåret")
    assert forecast["status"] == plain["status"]
    title = "Organens bedömning av målen"
    assert forecast["bedomning"] == plain["bedomning"].replace(f">{title}<", f">{title} (prognos för helåret)<")
    assert forecast["bedomning"] != plain["bedomning"]


def test_report_charts_without_goals() -> None:
    charts = report_charts([])
    assert charts == {
        "status": stacked_chart("diagram-status", "Aktiviteternas status per mål", []),
        "bedomning": stacked_chart("diagram-bedomning", "Organens bedömning av målen", []),
    }
