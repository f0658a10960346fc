"""Which follow-ups have changes git has not committed: edited since the last commit, staged, or new and untracked.

Kept apart from the log on purpose: it asks git one question (`git status`) and needs nothing else from it.
"""

from __future__ import annotations

from pathlib import Path

from valdsprogram.git.log import GitUnavailable, run_git

UNCOMMITTED = "ändrad, inte incheckad"
"""What a reader is told about a follow-up whose content is not the last commit's."""


def uncommitted_paths(folder: Path) -> set[str]:
    """The files below `folder` whose content differs from the last commit (edited, staged or untracked), as paths
    relative to the repository's top folder with `/`; empty outside git or without git."""
    if not folder.is_dir():
        return set()
    try:
        output = run_git(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--", "."], folder)
    except GitUnavailable:
        return set()
    found: set[str] = set()
    for entry in output.decode("utf-8", "replace").split("\0"):
        state, path = entry[:2], entry[3:]
        if path and "D" not in state:  # a deleted file has no content to show
            found.add(path)
    return found


def uncommitted_followups(folder: Path) -> frozenset[tuple[str, str]]:
    """(organ, period) of each follow-up `<period>/<organ>.yaml` below `folder` with uncommitted changes; empty
    outside git or without git."""
    found: set[tuple[str, str]] = set()
    for path in uncommitted_paths(folder):
        parts = path.split("/")
        if len(parts) >= 2 and parts[-1].endswith((".yaml", ".yml")):
            found.add((parts[-1].rsplit(".", 1)[0], parts[-2]))
    return frozenset(found)
