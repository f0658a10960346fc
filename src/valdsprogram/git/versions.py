"""One file's versions in git and their contents, in a fixed number of git calls however long the history.

The versions come from one `git log --follow --raw`, which names each version's contents (its blob); the renames
it guesses are checked in one `git cat-file --batch-check`, and the contents of the versions shown are read in
one `git cat-file --batch`, never more than `MAX_BYTES` a version.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

from valdsprogram.git.log import Commit, GitUnavailable, git_log, has_commits, run_git
from valdsprogram.yaml.reader import MAX_BYTES

_FILE_MODES = ("100644", "100755")
MAX_TOTAL_BYTES = 4 * MAX_BYTES
"""The most bytes read of one file's versions together (newest first): 200 versions of almost 5 MiB each would
take a gigabyte and many minutes to check, so older versions beyond this are named but not read."""


@dataclass(frozen=True, slots=True)
class Version:
    """A commit and the path the file had in it (it may have been renamed since)."""

    commit: Commit
    path: str
    """Relative to the repository's top folder, with `/`; bytes that are not UTF-8 kept as surrogates."""
    blob: str
    """The file's contents in that commit, abbreviated (all zeros when the commit deleted it)."""
    mode: str
    """`100644` for a file; `120000` a symbolic link, `160000` a submodule."""
    root: bool
    """Whether the commit has no parent: the repository's first commit, or where a shallow clone is cut."""


def versions(path: Path) -> list[Version]:
    """Every committed version of the file, oldest first, following true renames; GitUnavailable outside git.

    `git log --follow` guesses renames and copies by likeness, so it may jump to another body's file that still
    exists (a new file written from a neighbour's). An audit trail must not invent a move: a change of path is
    kept only when the old path is gone in that commit and the new one did not exist before it; otherwise the
    history is the file's own path only.
    """
    if not has_commits(path.parent):
        return []
    followed = _versions(path, follow=True)
    moves = [(older, newer) for older, newer in itertools.pairwise(followed) if older.path != newer.path]
    questions = [
        q for older, newer in moves for q in (f"{newer.commit.hash}:{older.path}", f"{newer.commit.hash}^:{newer.path}")
    ]
    if any(_exist(path.parent, questions)):
        return _versions(path, follow=False)
    return followed


def _versions(path: Path, *, follow: bool) -> list[Version]:
    entries = git_log([*(["--follow"] if follow else []), "--", path.name], path.parent)
    return [
        Version(entry.commit, change.path, change.blob, change.mode, entry.root)
        for entry in reversed(entries)
        for change in entry.files[-1:]
    ]


def _exist(cwd: Path, questions: list[str]) -> list[bool]:
    """Whether each `<commit>:<path>` names an object, in one call; a path with a line break is taken as there
    (so the move is not believed), since the question could not be asked on one line."""
    asked = [q for q in questions if "\n" not in q and "\r" not in q]
    if not asked:
        return [True] * len(questions)
    stdin = "".join(f"{q}\n" for q in asked).encode("utf-8", "surrogateescape")
    lines = run_git(["cat-file", "--batch-check"], cwd, stdin).split(b"\n")
    answers = dict(zip(asked, (not line.endswith(b" missing") for line in lines), strict=False))
    return [answers.get(q, True) for q in questions]


def contents(cwd: Path, chosen: list[Version]) -> dict[str, bytes | str]:
    """The contents of each version's blob, by blob, in two calls (sizes, then contents); instead of the bytes,
    in Swedish why a version has none to read (deleted, a link, a submodule, too large)."""
    found: dict[str, bytes | str] = {}
    wanted: list[str] = []
    for version in chosen:
        if set(version.blob) == {"0"}:
            found[version.blob] = "filen togs bort i den här incheckningen"
        elif version.mode == "120000":
            found[version.blob] = "filen är här en symbolisk länk, som inte följs"
        elif version.mode not in _FILE_MODES:
            found[version.blob] = "filen är här ingen vanlig fil"
        elif version.blob not in wanted:
            wanted.append(version.blob)
    if not wanted:
        return found
    sizes = run_git(["cat-file", "--batch-check"], cwd, "".join(f"{b}\n" for b in wanted).encode()).split(b"\n")
    small: dict[str, str] = {}
    budget = MAX_TOTAL_BYTES
    for blob, line in reversed(list(zip(wanted, sizes, strict=False))):  # newest first
        parts = line.decode("ascii", "replace").split(" ")
        if len(parts) != 3 or parts[1] != "blob" or not parts[0].startswith(blob) or not parts[2].isdigit():
            found[blob] = "innehållet finns inte i den här klonen"
        elif int(parts[2]) > MAX_BYTES:
            found[blob] = f"filen är större än gränsen {MAX_BYTES // 1_048_576} MiB"
        elif int(parts[2]) > budget:
            found[blob] = f"de nyare versionerna är tillsammans nära gränsen {MAX_TOTAL_BYTES // 1_048_576} MiB"
        else:
            budget -= int(parts[2])
            small[parts[0]] = blob
    if small:
        read = _read_blobs(cwd, list(small))
        found.update({small[full]: raw for full, raw in read.items()})
    return found


def _read_blobs(cwd: Path, blobs: list[str]) -> dict[str, bytes]:
    """`git cat-file --batch`: for each blob a line `<oid> blob <size>`, the bytes and a line feed."""
    output = run_git(["cat-file", "--batch"], cwd, "".join(f"{b}\n" for b in blobs).encode())
    found: dict[str, bytes] = {}
    at = 0
    for blob in blobs:
        end = output.find(b"\n", at)
        parts = output[at:end].split(b" ") if end >= 0 else []
        if len(parts) != 3 or parts[0].decode("ascii", "replace") != blob or not parts[2].isdigit():
            raise GitUnavailable("git gav innehåll som inte kunde läsas (git cat-file).")
        size = int(parts[2])
        found[blob] = output[end + 1 : end + 1 + size]
        at = end + 1 + size + 1
    return found
