"""Rules over the program's dated items: activities, indicators, responsibility entries and per-year targets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from valdsprogram.check.rules.finding import Finding
from valdsprogram.check.rules.rule import rule
from valdsprogram.model.program import Activity, DatedResponsibility, Indicator, within
from valdsprogram.model.program_index import ProgramIndex
from valdsprogram.yaml.reader import Loc

ONE_DAY = dt.timedelta(days=1)


@rule("VP214")
def items_run_forwards(index: ProgramIndex) -> Iterator[Finding]:
    """VP214: an activity, indicator or responsibility entry does not end before it starts."""
    for loc, item in _items(index):
        if _backwards(item.fran, item.till):
            yield Finding(
                "VP214", (*loc, "till"), f"{item.id} slutar ({item.till}) innan den börjar ({item.fran}).", _FIX
            )
        for k, entry in _dated_entries(item):
            if _backwards(entry.fran, entry.till):
                yield Finding(
                    "VP214",
                    (*loc, "ansvariga", k, "till"),
                    f"Ansvaret för {item.id} hos {entry.organ} slutar ({entry.till}) innan det börjar ({entry.fran}).",
                    _FIX,
                )


@rule("VP215")
def responsibility_within_body_life(index: ProgramIndex) -> Iterator[Finding]:
    """VP215: a dated responsibility names a body only for days the body exists (an open end runs to the item's
    end, or the program's)."""
    validity = index.program.giltighet
    for loc, item in _items(index):
        for k, entry in _dated_entries(item):
            body = index.bodies.get(entry.organ)
            if body is None or _backwards(entry.fran, entry.till):
                continue  # VP202 and VP214 say what is wrong
            start = entry.fran or item.fran or dt.date(validity.fran, 1, 1)
            end = entry.till or item.till or dt.date(validity.till, 12, 31)
            if body.fran is not None and start < body.fran:
                yield Finding(
                    "VP215",
                    (*loc, "ansvariga", k, "fran" if entry.fran else "organ"),
                    f"{body.namn} finns från {body.fran} men är ansvarig för {item.id} från {start}.",
                    f"Låt ansvaret börja tidigast {body.fran}: fran: {body.fran}.",
                )
            if body.till is not None and end > body.till:
                successor = index.successor(body)
                after = f", och ange {successor.id} som ansvarig därefter" if successor else ""
                yield Finding(
                    "VP215",
                    (*loc, "ansvariga", k, "till" if entry.till else "organ"),
                    f"{body.namn} upphörde {body.till} men är ansvarig för {item.id} till {end}.",
                    f"Låt ansvaret sluta senast {body.till}: till: {body.till}{after}.",
                )


@rule("VP216")
def responsibility_without_gaps(index: ProgramIndex) -> Iterator[Finding]:
    """VP216: where responsibility is dated, someone is responsible on every day the item is in effect."""
    for loc, item, segments in _dated_segments(index):
        gaps: list[list[dt.date]] = []
        for start, end, held in segments:
            if any(held.values()):
                continue
            if gaps and gaps[-1][1] + ONE_DAY == start:
                gaps[-1][1] = end
            else:
                gaps.append([start, end])
        for first, last in gaps:
            yield Finding(
                "VP216",
                (*loc, "ansvariga"),
                f"Ingen är ansvarig för {item.id} {_days(first, last)}.",
                "Låt nästa ansvar börja dagen efter att det förra slutar, eller ange med till: när aktiviteten "
                "eller indikatorn upphörde.",
                at_key=True,
            )


@rule("VP217")
def responsibility_without_overlaps(index: ProgramIndex) -> Iterator[Finding]:
    """VP217: where responsibility is dated, no body is responsible twice on the same day (two entries name it,
    directly or through a group): a moved responsibility whose dates overlap."""
    for loc, item, segments in _dated_segments(index):
        reported: set[tuple[str, int]] = set()
        for start, end, held in segments:
            seen: dict[str, int] = {}
            for k, bodies in held.items():
                for body in bodies:
                    if body in seen and (body, k) not in reported:
                        reported.add((body, k))
                        first, last = _overlap_extent(segments, body, seen[body], k, start, end)
                        name = index.bodies[body].namn
                        yield Finding(
                            "VP217",
                            (*loc, "ansvariga", k),
                            f"{name} är ansvarig för {item.id} två gånger {_days(first, last)}: genom "
                            f"{item.refs[seen[body]]} och {item.refs[k]}.",
                            "Rätta datumen så att ansvaret flyttas utan att överlappa.",
                        )
                    seen.setdefault(body, k)


@rule("VP218")
def targets_within_validity(index: ProgramIndex) -> Iterator[Finding]:
    """VP218: a per-year annual target names a year of the program's validity when the indicator is in effect."""
    validity = index.program.giltighet
    for loc, item in _items(index):
        if not isinstance(item, Indicator) or not isinstance(item.arsmal, dict):
            continue
        for year in item.arsmal:
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
            if not validity.fran <= year <= validity.till:
                message = f"Programmet gäller {validity.fran}–{validity.till}, men {item.id} har ett årsmål för {year}."
            elif not _meets(item.fran, item.till, first, last):
                message = f"{item.id} ingår inte i programmet {year} men har ett årsmål för det året."
            else:
                continue
            yield Finding("VP218", (*loc, "arsmal", year), message, "Ta bort året eller rätta det.", at_key=True)


_FIX = "Rätta datumen: fran är den första dagen, till den sista."


def _items(index: ProgramIndex) -> Iterator[tuple[Loc, Activity | Indicator]]:
    for i, goal in enumerate(index.program.mal):
        for j, activity in enumerate(goal.aktiviteter):
            yield ("mal", i, "aktiviteter", j), activity
        for j, indicator in enumerate(goal.indikatorer):
            yield ("mal", i, "indikatorer", j), indicator


def _dated_entries(item: Activity | Indicator) -> Iterator[tuple[int, DatedResponsibility]]:
    for k, entry in enumerate(item.ansvariga):
        if isinstance(entry, DatedResponsibility):
            yield k, entry


Segment = tuple[dt.date, dt.date, dict[int, list[str]]]
"""A run of days on which the same entries hold and resolve to the same bodies: first, last, entry → body ids."""


def _dated_segments(index: ProgramIndex) -> Iterator[tuple[Loc, Activity | Indicator, list[Segment]]]:
    """For each item with dated responsibility (and dates that run forwards), the item's days within the
    program's validity cut where any entry, group membership or body changes."""
    validity = index.program.giltighet
    for loc, item in _items(index):
        if not item.dated or _backwards(item.fran, item.till):
            continue
        if any(_backwards(e.fran, e.till) for _, e in _dated_entries(item)):
            continue
        first = max(dt.date(validity.fran, 1, 1), item.fran or dt.date.min)
        last = min(dt.date(validity.till, 12, 31), item.till or dt.date.max)
        if first > last:
            continue
        cuts = {first}
        dates = [(e.fran, e.till) for _, e in _dated_entries(item)] + [(b.fran, b.till) for b in index.program.organ]
        for fran, till in dates:
            cuts.update(d for d in (fran, till + ONE_DAY if till and till < dt.date.max else None) if d)
        starts = sorted(d for d in cuts if first <= d <= last)
        segments: list[Segment] = []
        for n, start in enumerate(starts):
            end = starts[n + 1] - ONE_DAY if n + 1 < len(starts) else last
            held = {
                k: [b.id for b in index.resolve([ref], start)]
                for k, (entry, ref) in enumerate(zip(item.ansvariga, item.refs, strict=True))
                if isinstance(entry, str) or entry.holds(start)
            }
            segments.append((start, end, held))
        yield loc, item, segments


def _overlap_extent(
    segments: list[Segment], body: str, a: int, b: int, start: dt.date, end: dt.date
) -> tuple[dt.date, dt.date]:
    """The run of days, from the segment starting `start`, on which entries `a` and `b` both give `body`."""
    last = end
    for first, until, held in segments:
        if first == last + ONE_DAY and body in held.get(a, []) and body in held.get(b, []):
            last = until
    return start, last


def _backwards(fran: dt.date | None, till: dt.date | None) -> bool:
    return fran is not None and till is not None and till < fran


def _meets(fran: dt.date | None, till: dt.date | None, first: dt.date, last: dt.date) -> bool:
    """Whether [fran, till] shares a day with [first, last]."""
    return within(fran, None, last) and within(None, till, first)


def _days(first: dt.date, last: dt.date) -> str:
    return f"{first}" if first == last else f"{first}–{last}"


@rule("VP219")
def revisions_in_order(index: ProgramIndex) -> Iterator[Finding]:
    """VP219: revisions stand oldest first, at most one a day."""
    revisions = index.program.revisioner
    for k in range(1, len(revisions)):
        before, this = revisions[k - 1].datum, revisions[k].datum
        if this <= before:
            same = "samma dag som" if this == before else "före"
            yield Finding(
                "VP219",
                ("revisioner", k, "datum"),
                f"Revisionen {this} står efter revisionen {before} men är daterad {same} den.",
                "Ordna revisionerna äldst först och slå ihop två beslut som gäller från samma dag till en revision.",
            )


@rule("VP220")
def revisions_within_validity(index: ProgramIndex) -> Iterator[Finding]:
    """VP220: a revision is dated within the program's years."""
    validity = index.program.giltighet
    for k, revision in enumerate(index.program.revisioner):
        if not validity.fran <= revision.datum.year <= validity.till:
            yield Finding(
                "VP220",
                ("revisioner", k, "datum"),
                f"Revisionen {revision.datum} ligger utanför programmets giltighet {validity.fran}–{validity.till}.",
                "Kontrollera datumet: det är dagen ändringen gäller från.",
            )
