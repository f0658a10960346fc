"""Rules across follow-up files: one file per body and period, and consistency within a year."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator

from valdsprogram.check.digest import Digest, Entry
from valdsprogram.check.rules.finding import Finding
from valdsprogram.check.rules.rule import rule
from valdsprogram.model.followup import STATUS_RANK


@rule("VP312")
def one_file_per_body_and_period(files: list[Digest]) -> Iterator[Finding]:
    """VP312: a body reports a period once."""
    seen: dict[tuple[str, object], Digest] = {}
    # The file whose name agrees with its content counts as the original; the others are reported.
    for file in sorted(files, key=lambda f: (not f.named_right, f.path)):
        key = (file.organ, file.period)
        if key in seen:
            yield Finding(
                "VP312",
                ("organ",),
                f"{file.body_name} har redan en uppföljning för {file.period}: {seen[key].path}.",
                "Slå ihop filerna till en.",
                path=file.path,
            )
        else:
            seen[key] = file


@rule("VP313")
def status_not_backwards(files: list[Digest]) -> Iterator[Finding]:
    """VP313: within a year, an activity's status does not fall back (genomförd, then pågående)."""
    for file, ident, status, before, earlier in _within_year(files, lambda f: f.statuses):
        if STATUS_RANK[str(status)] < STATUS_RANK[str(before)]:
            yield Finding(
                "VP313",
                ("aktiviteter", ident, "status"),
                f"{ident} är {status} men var {before} i {earlier.period}.",
                f'Rätta statusen, eller kvittera varningen med skälet: kvittera: {{VP313: "…"}} under {ident}.',
                path=file.path,
            )


@rule("VP314")
def target_stable(files: list[Digest]) -> Iterator[Finding]:
    """VP314: within a year, an indicator's annual target stays the same."""
    for file, ident, target, before, earlier in _within_year(files, lambda f: f.targets):
        if target != before:
            yield Finding(
                "VP314",
                ("indikatorer", ident, "arsmal"),
                f"Årsmålet för {ident} är {target} men var {before} i {earlier.period}.",
                f'Årsmål ändras genom beslut: kvittera varningen med beslutet, kvittera: {{VP314: "…"}} under {ident}.',
                path=file.path,
            )


def _within_year(
    files: list[Digest], entries: Callable[[Digest], Iterable[Entry]]
) -> Iterator[tuple[Digest, str, object, object, Digest]]:
    """Each value a body reports, with the one it reported before it the same year and where."""
    for year_files in _by_body_and_year(files):
        latest: dict[str, tuple[object, Digest]] = {}
        for file in year_files:
            for ident, value, _, _ in entries(file):
                if ident in latest:
                    yield file, ident, value, *latest[ident]
                latest[ident] = (value, file)


def _by_body_and_year(files: list[Digest]) -> Iterator[list[Digest]]:
    """Each body's files for each year, in period order (duplicates of a period in path order)."""
    groups: dict[tuple[str, int], list[Digest]] = defaultdict(list)
    for file in files:
        groups[(file.organ, file.period.year)].append(file)
    for key in sorted(groups):
        yield sorted(groups[key], key=lambda f: (f.period, f.path))
