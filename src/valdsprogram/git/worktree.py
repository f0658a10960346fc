"""Which follow-ups have changes git has not committed: their content is not the last commit's, or they are new.

Kept apart from the log on purpose. It does not ask `git status`, which runs the repository's own clean filters
(`filter.*.clean`: any command) and trusts the index's skip-worktree and assume-unchanged flags (an edit hidden
from git). It reads the last commit's blob ids with `git ls-tree` and hashes each file's bytes as git would, here.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from valdsprogram.git.log import GitUnavailable, has_commits, run_git, top_folder
from valdsprogram.sources import SourceError, followup_files

UNCOMMITTED = "ändrad, inte incheckad"
"""What a reader is told about a follow-up whose content is not the last commit's."""


def uncommitted_paths(folder: Path) -> set[str]:
    """The follow-up files below `folder` whose bytes differ from the last commit's (edited, staged or untracked),
    as paths relative to the repository's top folder with `/`; empty outside git or without git."""
    if not folder.is_dir():
        return set()
    try:
        top = top_folder(folder)
        algorithm = run_git(["rev-parse", "--show-object-format"], folder).decode("ascii", "replace").strip()
        # No commit yet: every file is new.
        listing = run_git(["ls-tree", "-r", "-z", "--full-tree", "HEAD"], folder) if has_commits(folder) else b""
    except GitUnavailable:
        return set()  # outside git, or without git
    committed: dict[str, str] = {}
    for entry in listing.split(b"\0"):
        meta, _, name = entry.partition(b"\t")
        parts = meta.split()
        if len(parts) == 3 and parts[1] == b"blob":
            committed[name.decode("utf-8", "surrogateescape")] = parts[2].decode("ascii", "replace")
    try:
        paths = followup_files(folder, bounded=False)
    except SourceError:
        return set()  # validera names what cannot be read
    found: set[str] = set()
    for path in paths:
        if path.is_symlink():
            continue  # never followed: a link out of the project is refused where follow-ups are read
        try:
            relative = repository_path(path, top)
            data = path.read_bytes()
        except (OSError, ValueError):
            continue  # a file that cannot be read is reported by validera, not here
        if committed.get(relative) != _blob_id(data, algorithm):
            found.add(relative)
    return found


def repository_path(path: Path, top: Path) -> str:
    """`path` as git names it, relative to the repository's top folder: its folder resolved as git resolves it (the
    project may lie behind a linked folder), the file itself not followed."""
    return Path(os.path.relpath(path.parent.resolve() / path.name, top.resolve())).as_posix()


def _blob_id(data: bytes, algorithm: str) -> str:
    """The id git gives a file with these bytes (no filters: the bytes as they are on disk)."""
    digest = hashlib.sha256() if algorithm == "sha256" else hashlib.sha1(usedforsecurity=False)
    digest.update(b"blob %d\0" % len(data))
    digest.update(data)
    return digest.hexdigest()


def uncommitted_followups(folder: Path) -> frozenset[tuple[str, str]]:
    """(organ, period) of each follow-up `<period>/<organ>.yaml` below `folder` with uncommitted changes; empty
    outside git or without git."""
    found: set[tuple[str, str]] = set()
    for path in uncommitted_paths(folder):
        parts = path.split("/")
        if len(parts) >= 2 and parts[-1].endswith((".yaml", ".yml")):
            found.add((parts[-1].rsplit(".", 1)[0], parts[-2]))
    return frozenset(found)
