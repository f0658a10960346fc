"""The PDF's bound on text: each text at most TEXT_LIMIT characters, cut at a word with a note saying where the
whole text is, and shorter once the document's texts have used TOTAL_LIMIT; the tool's own HTML is never cut."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from valdsprogram.output.pdf_bounds import AFTER_TOTAL_LIMIT, TEXT_LIMIT, TOTAL_LIMIT, bounded


@dataclass(frozen=True, slots=True)
class _Goal:
    id: str
    analysis: str
    rows: list[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class _Doc:
    title: str
    goals: list[_Goal]
    charts: dict[str, Markup]


def test_a_long_text_is_cut_at_a_word_with_a_note_and_short_ones_stay() -> None:
    long = "ord " * 100_000  # 400 000 characters
    doc = _Doc("Rapport", [_Goal("M1", long, [("A1.1", "kort")])], {"status": Markup("<svg>" + "x" * 9000)})
    cut = bounded(doc, whole_text_in="rapporten i HTML")
    analysis = cut.goals[0].analysis
    assert analysis.startswith("ord ord")
    assert len(analysis.partition(" … [")[0]) <= TEXT_LIMIT
    assert analysis.partition(" … [")[0].endswith("ord")  # at a word
    assert analysis.endswith(
        "… [Texten är avkortad i PDF:en; den har 400\u00a0000 tecken. Hela texten finns i rapporten i HTML.]"
    )
    assert cut.title == "Rapport"
    assert cut.goals[0].rows == [("A1.1", "kort")]
    assert cut.goals[0].id == "M1"
    assert cut.charts == doc.charts  # the tool's own HTML is never cut


def test_once_the_total_is_used_each_text_is_cut_shorter() -> None:
    many = [_Goal(f"M{n}", "a" * TEXT_LIMIT, []) for n in range(TOTAL_LIMIT // TEXT_LIMIT + 3)]
    cut = bounded(_Doc("R", many, {}), whole_text_in="x")
    kept = [len(goal.analysis.partition(" … [")[0]) for goal in cut.goals]
    assert kept[: TOTAL_LIMIT // TEXT_LIMIT] == [TEXT_LIMIT] * (TOTAL_LIMIT // TEXT_LIMIT)
    assert kept[-2:] == [AFTER_TOTAL_LIMIT, AFTER_TOTAL_LIMIT]
