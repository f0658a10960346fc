"""Inline SVG charts for the HTML report: every chart names itself, describes its numbers in text, and tells
categories apart by pattern as well as by colour (a table with the same numbers stands beside each chart).
"""

from __future__ import annotations

import re
from html import escape

from valdsprogram.model.followup import DELAYED, DONE, DROPPED, NOT_STARTED, ONGOING
from valdsprogram.model.units import swedish
from valdsprogram.report.build import Count, GoalPart
from valdsprogram.report.trends import Point

UNREPORTED = "ej rapporterad"
UNASSESSED = "ingen bedömning"
_WIDTH = 640
_LABEL = 56
_BAR = 22
_GAP = 10

# Fill for each category: a pattern id and the pattern's drawing. Patterns, not colours alone, tell them apart.
_PATTERNS = {
    NOT_STARTED: ("#ffffff", '<circle cx="3" cy="3" r="1.3" fill="#1b1b1b"/>'),
    ONGOING: ("#cfe3f3", '<path d="M0 6 L6 0" stroke="#00497a" stroke-width="1.6"/>'),
    DELAYED: ("#fde2c4", '<path d="M0 6 L6 0 M0 0 L6 6" stroke="#8a4b00" stroke-width="1.2"/>'),
    DONE: ("#1f6f3a", ""),
    DROPPED: ("#e6e6e6", '<path d="M0 3 H6" stroke="#3a3a3a" stroke-width="1.4"/>'),
    # Assessments in the colours readers of ILS know (green, yellow, red), each with its own pattern as well.
    "helt": ("#2e7d32", ""),
    "delvis": ("#f9d648", '<path d="M0 6 L6 0" stroke="#5c4a00" stroke-width="1.6"/>'),
    "inte": ("#d32f2f", '<path d="M0 6 L6 0 M0 0 L6 6" stroke="#ffffff" stroke-width="1.2"/>'),
    # What is expected and missing is a part of its own, so that shares are over everyone expected.
    UNREPORTED: ("#bdbdbd", '<path d="M3 0 V6 M0 3 H6" stroke="#4a4a4a" stroke-width="0.8"/>'),
    UNASSESSED: ("#bdbdbd", '<path d="M3 0 V6 M0 3 H6" stroke="#4a4a4a" stroke-width="0.8"/>'),
}
_COUNT_ROOM = 44
"""Room at the end of each bar for its total."""


def stacked_chart(chart_id: str, title: str, rows: list[tuple[str, list[Count]]]) -> str:
    """One horizontal bar per row (e.g. per goal), split by category in proportion to the counts: each part is
    labelled with its count and each bar with its total, so that the shares come with the numbers."""
    labels = [c.label for c in rows[0][1]] if rows else []
    legend_y = len(rows) * (_BAR + _GAP) + 8
    height = legend_y + 20  # the legend's boxes are 16 high; no empty band under the chart
    desc = "; ".join(f"{name}: " + ", ".join(f"{c.label} {swedish(c.n)}" for c in counts) for name, counts in rows)
    parts = [_open(chart_id, title, desc, height), _patterns(chart_id, labels)]
    for row, (name, counts) in enumerate(rows):
        y = row * (_BAR + _GAP)
        parts.append(f'<text x="0" y="{y + 16}" font-size="13">{escape(name)}</text>')
        total = sum(c.n for c in counts)
        x = float(_LABEL)
        span = _WIDTH - _LABEL - _COUNT_ROOM
        if total == 0:
            parts.append(f'<text x="{_LABEL}" y="{y + 16}" font-size="12">inga rapporter</text>')
            continue
        for c in counts:
            if not c.n:
                continue
            w = span * c.n / total
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{_BAR}" fill="url(#{chart_id}-{_slug(c.label)})"'
                f' stroke="#1b1b1b" stroke-width="0.8"><title>{escape(name)}, {escape(c.label)}: {swedish(c.n)} av'
                f" {swedish(total)} ({round(100 * c.n / total)} %)</title></rect>"
            )
            if w >= 18:  # the count on a white tag, readable on any pattern
                middle = x + w / 2
                parts.append(
                    f'<rect x="{middle - 8:.1f}" y="{y + 4}" width="16" height="14" rx="2" fill="#ffffff"'
                    f' stroke="#1b1b1b" stroke-width="0.5"/><text x="{middle:.1f}" y="{y + 15}" font-size="11"'
                    f' text-anchor="middle">{swedish(c.n)}</text>'
                )
            x += w
        parts.append(f'<text x="{_WIDTH - _COUNT_ROOM + 6}" y="{y + 16}" font-size="12">{swedish(total)}</text>')
    parts.append(_legend(chart_id, labels, legend_y))
    parts.append("</svg>")
    return "".join(parts)


def trend_chart(chart_id: str, title: str, points: list[Point], unit: str) -> str:
    """A small line chart of an indicator's city-wide value over periods; empty when under two numbers.

    `points` is the like-for-like series the text compares (`IndicatorRow.chart`). The y-axis starts at zero and
    is labelled at zero and its top; under each period stands how many bodies the point covers, and the text
    alternative gives the same numbers. A masked point keeps its place on the axis, marked `maskerat`, and the line
    breaks there rather than joining its neighbours as if nothing lay between them.
    """
    values = [p.number for p in points]
    numeric = [v for v in values if v is not None]
    if len(numeric) < 2:
        return ""
    low, high = (0.0, 100.0) if unit == "procent" else (min(0.0, *numeric), max(numeric) or 1.0)
    width, height, left, top, bottom = 420, 180, 56, 20, 46
    step = (width - left - 75) / (len(points) - 1)  # room for the last period label inside the chart
    desc = ", ".join(f"{p.period}: {p.value} ({len(p.bodies)} organ)" for p in points)
    if len({tuple(sorted(p.bodies)) for p in points}) == 1:
        desc += "; samma organ vid varje punkt"

    def y_of(v: float) -> float:
        return top + (height - top - bottom) * (1 - (v - low) / ((high - low) or 1))

    suffix = " %" if unit == "procent" else ""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" width="{width}"'
        f' height="{height}" aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(title)}</title><desc id="{chart_id}-d">{escape(desc)}</desc>',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}" stroke="#4a4a4a"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" stroke="#4a4a4a"/>',
    ]
    for tick in (low, high):
        y = y_of(tick)
        parts.append(
            f'<line x1="{left - 4}" y1="{y:.1f}" x2="{left}" y2="{y:.1f}" stroke="#4a4a4a"/>'
            f'<text x="{left - 7}" y="{y + 4:.1f}" font-size="12" text-anchor="end">{swedish(tick)}{suffix}</text>'
        )
    runs: list[list[tuple[float, float]]] = [[]]
    for i, v in enumerate(values):
        if v is None:
            runs.append([])
        else:
            runs[-1].append((left + 15 + i * step, y_of(v)))
    for run in runs:
        if len(run) > 1:
            parts.append(
                '<polyline points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y in run) + '" fill="none"'
                ' stroke="#00497a" stroke-width="2"/>'
            )
    for i, (point, v) in enumerate(zip(points, values, strict=True)):
        x = left + 15 + i * step
        if v is None:
            label_y = (top + height - bottom) / 2
        else:
            y = y_of(v)
            label_y = max(y - 8, 12)
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="#00497a"/>')
        parts.append(
            f'<text x="{x:.1f}" y="{label_y:.1f}" font-size="13" text-anchor="middle">{escape(point.value)}</text>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{height - 26}" font-size="12" text-anchor="middle">{escape(point.period)}</text>'
            f'<text x="{x:.1f}" y="{height - 10}" font-size="12" text-anchor="middle">{len(point.bodies)} organ</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def report_charts(goals: list[GoalPart], *, assessment_label: str = "") -> dict[str, str]:
    """The report's overview charts by name; `assessment_label` (e.g. `prognos för helåret`) qualifies the goal
    assessments."""
    assessed = "Organens bedömning av målen" + (f" ({assessment_label})" if assessment_label else "")
    return {
        "status": stacked_chart(
            "diagram-status",
            "Aktiviteternas status per mål",
            [(g.id, [*g.status_counts, Count(UNREPORTED, g.unreported, [])]) for g in goals],
        ),
        "bedomning": stacked_chart(
            "diagram-bedomning",
            assessed,
            [(g.id, [*g.assessment_counts, Count(UNASSESSED, g.unassessed, [])]) for g in goals],
        ),
    }


def _open(chart_id: str, title: str, desc: str, height: int) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {_WIDTH} {height}" width="{_WIDTH}"'
        f' height="{height}" aria-labelledby="{chart_id}-t {chart_id}-d">'
        f'<title id="{chart_id}-t">{escape(title)}</title><desc id="{chart_id}-d">{escape(desc)}</desc>'
    )


def _patterns(chart_id: str, labels: list[str]) -> str:
    defs = []
    for label in labels:
        background, drawing = _PATTERNS.get(label, ("#cccccc", ""))
        defs.append(
            f'<pattern id="{chart_id}-{_slug(label)}" width="6" height="6" patternUnits="userSpaceOnUse">'
            f'<rect width="6" height="6" fill="{background}"/>{drawing}</pattern>'
        )
    return "<defs>" + "".join(defs) + "</defs>"


def _legend(chart_id: str, labels: list[str], y: int) -> str:
    parts = []
    x = _LABEL
    for label in labels:
        parts.append(
            f'<rect x="{x}" y="{y}" width="16" height="16" fill="url(#{chart_id}-{_slug(label)})" stroke="#1b1b1b"'
            f' stroke-width="0.8"/><text x="{x + 21}" y="{y + 13}" font-size="12">{escape(label)}</text>'
        )
        x += 30 + 8 * len(label)
    return "".join(parts)


def _slug(label: str) -> str:
    """The label as part of an id and a `url(#…)`: only a–z, digits and hyphens, so no label can break the SVG."""
    folded = label.lower().replace("å", "a").replace("ä", "a").replace("ö", "o")
    return re.sub(r"[^a-z0-9]", "-", folded)
