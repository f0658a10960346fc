"""Complementary suppression of small counts: which values and sums a report may publish so that no masked value
can be worked out from the others.

A value under the threshold is masked (primary suppression). The published sums (a city-wide total, a sum over the
bodies compared with last year) let a reader subtract: what a sum leaves after its published parts and published
sub-sums is itself known. So in every such remainder a masked small value must have company: at least two masked
values there, together more than zero. Where it has none, the next smallest part is masked too (secondary
suppression), or, when nothing is left to mask, a sub-sum is not published. Every masked value is shown the same
way, so a reader cannot tell the small ones from those masked to protect them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

MASKED = "maskerat"
"""How every masked value is shown: small ones and those masked to protect them alike."""


@dataclass(frozen=True, slots=True)
class Masking:
    """What may be published of one set of values (one indicator in one period)."""

    hidden: frozenset[str]
    """The values that are not published."""
    sums: frozenset[frozenset[str]]
    """The sums that may be published (each a set of value names)."""

    def shows(self, name: str) -> bool:
        return name not in self.hidden

    def shows_sum(self, names: Collection[str]) -> bool:
        return frozenset(names) in self.sums


def protect(
    values: Mapping[str, int],
    threshold: int,
    sums: Sequence[Collection[str]],
    *,
    shown: Collection[str] | None = None,
    hidden: Collection[str] = (),
    sensitive: Collection[str] = (),
) -> Masking:
    """Mask so that no value under `threshold` can be derived from what is published.

    `values` are non-negative counts by name; `sums` the sums the report would publish, which must nest or be
    disjoint (a laminar family); `shown` the values the report would publish one by one (default: all), and
    `hidden` values to mask in any case, and `sensitive` values to protect like small ones whatever their size (a
    body's forecast when its outcome is masked: a forecast derived from a masked count alone must not be readable).
    A sum under the threshold is itself a small count and is not published.
    """
    names = set(values)
    masked = (names - set(names if shown is None else shown)) | set(hidden)
    masked |= {n for n in names if values[n] < threshold}
    protected = {n for n in names if values[n] < threshold} | (set(sensitive) & names)
    published = {frozenset(s) for s in sums if s and sum(values[n] for n in s) >= threshold}
    _check_laminar(published)
    while True:
        problem = _first_exposed(values, protected, published, masked)
        if problem is None:
            return Masking(frozenset(masked), frozenset(published))
        parent, remainder = problem
        candidates = sorted((values[n], n) for n in remainder if n not in masked)
        if candidates:
            masked.add(candidates[0][1])
        else:  # every part of the remainder is masked already: stop publishing the smallest sub-sum, or the sum
            children = _children(parent, published) or [parent]
            published.remove(min(children, key=lambda c: (sum(values[n] for n in c), sorted(c))))


def _first_exposed(
    values: Mapping[str, int], protected: set[str], published: set[frozenset[str]], masked: set[str]
) -> tuple[frozenset[str], set[str]] | None:
    """The first published sum whose remainder (after its published sub-sums) would give a protected value away."""
    for parent in sorted(published, key=lambda s: (len(s), sorted(s))):
        remainder = set(parent).difference(*_children(parent, published))
        hidden = [n for n in remainder if n in masked]
        if not any(n in protected for n in hidden):
            continue
        if len(hidden) >= 2 and sum(values[n] for n in hidden) > 0:
            continue
        return parent, remainder
    return None


def _children(parent: frozenset[str], published: set[frozenset[str]]) -> list[frozenset[str]]:
    """The largest published sums inside `parent`."""
    inside = [s for s in published if s < parent]
    return [s for s in inside if not any(s < other for other in inside)]


def _check_laminar(published: set[frozenset[str]]) -> None:
    for a in published:
        for b in published:
            if a & b and not (a <= b or b <= a):
                raise ValueError(f"sums overlap without nesting: {sorted(a)} and {sorted(b)}")
