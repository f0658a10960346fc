"""Rules across follow-up files: one file per body and period, and consistency within a year."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import PurePosixPath

from valdsprogram.index import ProgramIndex
from valdsprogram.rules.finding import Finding
from valdsprogram.rules.followup_file import FollowUpFile

Placed = tuple[FollowUpFile, Finding]

# How far work has come; a later report with a lower rank goes backwards. `utgår` (dropped) is final.
_RANK = {"ej påbörjad": 0, "pågående": 1, "försenad": 1, "genomförd": 2, "utgår": 3}


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
    for year_files in _by_body_and_year(files):
        latest: dict[str, tuple[str, FollowUpFile]] = {}
        for file in year_files:
            for ident, report in file.followup.aktiviteter.items():
                if report.status is None:
                    continue
                before = latest.get(ident)
                if before is not None and _RANK[report.status] < _RANK[before[0]]:
                    yield (
                        file,
                        Finding(
                            "VP313",
                            ("aktiviteter", ident, "status"),
                            f"{ident} är {report.status} men var {before[0]} i {before[1].period}.",
                            "Rätta statusen, eller förklara i kommentaren varför arbetet gått tillbaka.",
                        ),
                    )
                latest[ident] = (report.status, file)


def target_stable(index: ProgramIndex, files: list[FollowUpFile]) -> Iterator[Placed]:
    """VP314: within a year, an indicator's annual target stays the same."""
    for year_files in _by_body_and_year(files):
        targets: dict[str, tuple[object, FollowUpFile]] = {}
        for file in year_files:
            for ident, values in file.followup.indikatorer.items():
                if values.arsmal is None:
                    continue
                before = targets.get(ident)
                if before is not None and before[0] != values.arsmal:
                    yield (
                        file,
                        Finding(
                            "VP314",
                            ("indikatorer", ident, "arsmal"),
                            f"Årsmålet för {ident} är {values.arsmal} men var {before[0]} i {before[1].period}.",
                            "Årsmål ändras genom beslut; förklara ändringen i kommentaren.",
                        ),
                    )
                targets[ident] = (values.arsmal, file)


def _by_body_and_year(files: list[FollowUpFile]) -> Iterator[list[FollowUpFile]]:
    """Each body's files for each year, in period order (duplicates of a period in path order)."""
    groups: dict[tuple[str, int], list[FollowUpFile]] = defaultdict(list)
    for file in files:
        groups[(file.followup.organ, file.period.year)].append(file)
    for key in sorted(groups):
        yield sorted(groups[key], key=lambda f: (f.period, f.document.path))
