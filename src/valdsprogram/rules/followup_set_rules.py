"""Rules across follow-up files: one file per body and period, and consistency within a year."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath

from valdsprogram.followup import STATUS_RANK
from valdsprogram.followup_file import FollowUpFile
from valdsprogram.index import ProgramIndex
from valdsprogram.rules.finding import Finding

Placed = tuple[FollowUpFile, Finding]


def one_file_per_body_and_period(index: ProgramIndex, files: list[FollowUpFile]) -> Iterator[Placed]:
    """VP312: a body reports a period once."""
    seen: dict[tuple[str, str], FollowUpFile] = {}
    # The file whose name agrees with its content counts as the original; the others are reported.
    for file in sorted(files, key=lambda f: (PurePosixPath(f.document.path).stem != f.followup.organ, f.document.path)):
        key = (file.followup.organ, file.followup.period)
        if key in seen:
            first = seen[key].document.path
            yield (
                file,
                Finding(
                    "VP312",
                    ("organ",),
                    f"{file.body_name} har redan en uppföljning för {key[1]}: {first}.",
                    "Slå ihop filerna till en.",
                ),
            )
        else:
            seen[key] = file


def status_not_backwards(index: ProgramIndex, files: list[FollowUpFile]) -> Iterator[Placed]:
    """VP313: within a year, an activity's status does not fall back (genomförd, then pågående)."""
    statuses = _within_year(files, lambda f: {k: r.status for k, r in f.followup.aktiviteter.items()})
    for file, ident, status, before, earlier in statuses:
        if STATUS_RANK[str(status)] < STATUS_RANK[str(before)]:
            yield (
                file,
                Finding(
                    "VP313",
                    ("aktiviteter", ident, "status"),
                    f"{ident} är {status} men var {before} i {earlier.period}.",
                    f'Rätta statusen, eller kvittera varningen med skälet: kvittera: {{VP313: "…"}} under {ident}.',
                ),
            )


def target_stable(index: ProgramIndex, files: list[FollowUpFile]) -> Iterator[Placed]:
    """VP314: within a year, an indicator's annual target stays the same."""
    targets = _within_year(files, lambda f: {k: v.arsmal for k, v in f.followup.indikatorer.items()})
    for file, ident, target, before, earlier in targets:
        if target != before:
            yield (
                file,
                Finding(
                    "VP314",
                    ("indikatorer", ident, "arsmal"),
                    f"Årsmålet för {ident} är {target} men var {before} i {earlier.period}.",
                    f'Årsmål ändras genom beslut: kvittera varningen med beslutet, kvittera: {{VP314: "…"}} '
                    f"under {ident}.",
                ),
            )


def _within_year(
    files: list[FollowUpFile], values: Callable[[FollowUpFile], dict[str, object]]
) -> Iterator[tuple[FollowUpFile, str, object, object, FollowUpFile]]:
    """Each value a body reports, with the one it reported before it the same year and where (None skipped)."""
    for year_files in _by_body_and_year(files):
        latest: dict[str, tuple[object, FollowUpFile]] = {}
        for file in year_files:
            for ident, value in values(file).items():
                if value is None:
                    continue
                if ident in latest:
                    yield file, ident, value, *latest[ident]
                latest[ident] = (value, file)


def _by_body_and_year(files: list[FollowUpFile]) -> Iterator[list[FollowUpFile]]:
    """Each body's files for each year, in period order (duplicates of a period in path order)."""
    groups: dict[tuple[str, int], list[FollowUpFile]] = defaultdict(list)
    for file in files:
        groups[(file.followup.organ, file.period.year)].append(file)
    for key in sorted(groups):
        yield sorted(groups[key], key=lambda f: (f.period, f.document.path))
