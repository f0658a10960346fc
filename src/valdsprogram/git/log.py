"""What git knows about the follow-up files: their commits and old contents, read with the git command.

git runs as a subprocess with a fixed argument list and no shell; a path is always passed after `--`, so a file
named like an option stays a file name.
"""

from __future__ import annotations

import itertools
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from valdsprogram.errors import ValdsprogramError

_FIELDS = "%H%x1f%h%x1f%ad%x1f%an%x1f%s"
_RECORD = "\x1e"
_DATE = "--date=format:%Y-%m-%d %H:%M"
_QUIET = {"GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
"""Never ask for a password, never take a lock for reading, and give messages in one language."""


class GitUnavailable(ValdsprogramError):
    """git cannot answer here: it is not installed, or the folder is not in a git repository. Swedish message."""


@dataclass(frozen=True, slots=True)
class Commit:
    """One commit that touched a follow-up file."""

    hash: str
    short: str
    """The abbreviated hash, as `git log --oneline` shows it."""
    date: str
    """The author's date and time, `ÅÅÅÅ-MM-DD TT:MM` in the author's own time zone (from git, not the clock)."""
    author: str
    subject: str
    """The first line of the commit message."""


@dataclass(frozen=True, slots=True)
class Version:
    """A commit and the path the file had in it (it may have been renamed since)."""

    commit: Commit
    path: str
    """Relative to the repository's top folder, with `/`."""


def _git(args: list[str], cwd: Path) -> bytes:
    """git's output; GitUnavailable when git is missing or fails (not a repository, unknown path)."""
    try:
        done = subprocess.run(  # fixed arguments, no shell
            ["git", "-c", "core.quotepath=off", *args],  # git is looked up on PATH, as a user runs it
            cwd=cwd,
            capture_output=True,
            check=False,
            env={**os.environ, **_QUIET},
        )
    except FileNotFoundError:
        raise GitUnavailable("git är inte installerat, så historiken kan inte läsas.") from None
    except OSError as error:
        raise GitUnavailable(f"git kunde inte köras: {error.strerror}.") from None
    if done.returncode != 0:
        if b"not a git repository" in done.stderr:
            raise GitUnavailable(f"{cwd} ligger inte i ett git-arkiv, så det finns ingen historik att visa.")
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitUnavailable(f"git svarade med fel: {message[-1] if message else done.returncode}.")
    return done.stdout


def top_folder(folder: Path) -> Path:
    """The top folder of the git repository that holds `folder`; GitUnavailable outside one."""
    return Path(_git(["rev-parse", "--show-toplevel"], folder).decode("utf-8").strip())


def _commits(output: bytes) -> list[tuple[Commit, list[str]]]:
    """`git log --format=<record mark><fields> --name-only` output as commits and the paths each touched."""
    found: list[tuple[Commit, list[str]]] = []
    for record in output.decode("utf-8", "replace").split(_RECORD)[1:]:
        head, _, names = record.partition("\n")
        fields = head.split("\x1f")
        if len(fields) != 5:
            continue
        found.append((Commit(*fields), [n for n in names.splitlines() if n]))
    return found


def versions(path: Path) -> list[Version]:
    """Every committed version of the file, oldest first, following true renames; GitUnavailable outside git.

    `git log --follow` guesses renames and copies by likeness, so it may jump to another body's file that still
    exists (a new file written from a neighbour's). An audit trail must not invent a move: a change of path is
    kept only when the old path is gone in that commit and the new one did not exist before it; otherwise the
    history is the file's own path only.
    """
    followed = _versions(path, follow=True)
    top = top_folder(path.parent)
    for older, newer in itertools.pairwise(followed):
        if older.path == newer.path:
            continue
        commit = newer.commit.hash
        if _exists(top, commit, older.path) or _exists(top, f"{commit}^", newer.path):
            return _versions(path, follow=False)
    return followed


def _versions(path: Path, *, follow: bool) -> list[Version]:
    args = ["log", *(["--follow"] if follow else []), f"--format={_RECORD}{_FIELDS}", _DATE, "--name-only"]
    found = _commits(_git([*args, "--", path.name], path.parent))
    return [Version(commit, names[-1]) for commit, names in reversed(found) if names]


def _exists(top: Path, revision: str, path: str) -> bool:
    """Whether the path is a file in the revision (False for the parent of the first commit)."""
    try:
        _git(["cat-file", "-e", f"{revision}:{path}"], top)
    except GitUnavailable:
        return False
    return True


def contents(top: Path, version: Version) -> bytes:
    """The file as it was in the version's commit."""
    return _git(["show", f"{version.commit.hash}:{version.path}"], top)


def path_changes(folder: Path) -> dict[str, Commit]:
    """The latest commit that changed each file below `folder`, by path relative to it with `/`, in one git call.

    Empty outside git or without git: the history is then simply left out. A file deleted since may be listed
    with its last commit before that; the caller looks up the files it has.
    """
    args = ["log", f"--format={_RECORD}{_FIELDS}", _DATE, "--name-only", "--no-renames", "--diff-filter=d"]
    args += ["--relative", "--", "."]
    try:
        output = _git(args, folder)
    except GitUnavailable:
        return {}
    latest: dict[str, Commit] = {}
    for commit, names in _commits(output):
        for name in names:
            latest.setdefault(name, commit)
    return latest


def followup_changes(folder: Path) -> dict[tuple[str, str], Commit]:
    """The latest commit of each follow-up `<period>/<organ>.yaml` below `folder`, by (organ, period); one git call.

    Empty outside git or without git.
    """
    found: dict[tuple[str, str], Commit] = {}
    for name, commit in path_changes(folder).items():
        parts = name.split("/")
        if len(parts) >= 2 and parts[-1].endswith((".yaml", ".yml")):
            key = (parts[-1].rsplit(".", 1)[0], parts[-2])
            if key not in found or commit.date > found[key].date:
                found[key] = commit
    return found


def last_changes(folder: Path) -> dict[tuple[str, str], Commit]:
    """When each follow-up below `folder` was last changed in git, by (organ, period): what `status` and the
    report's appendices show. Empty when the folder is missing, outside git or without git; one git call."""
    return followup_changes(folder) if folder.is_dir() else {}


def changed_text(commit: Commit) -> str:
    """`2024-05-05 10:00 av Anna Andersson, incheckning d43efd4`: a follow-up's last change, as a reader sees it."""
    return f"{commit.date} av {commit.author}, incheckning {commit.short}"
