"""The one way the package calls git, safely, and what git knows of the follow-up files: commits and what each changed.

Every git call goes through `run_git`: a fixed argument list and no shell, nothing of the repository's own
configuration that could start a program (signature checks, pagers, external diffs, text conversion, fsmonitor,
hooks, a bare repository planted in the folder), git's messages in one language and a time limit. A path is
always passed after `--` and read literally. Commits are read as NUL-separated records (`-z`, `%x00`), which no
commit message, author name or path can hold, so a crafted message cannot forge or hide a version; each hash is
checked before it is used. Authors and subjects are made visible as diagnostics are (`controls.visible`).
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from valdsprogram.controls import visible
from valdsprogram.errors import ValdsprogramError
from valdsprogram.text import shorten

TIMEOUT = 30.0
"""Seconds one git call may take; beyond it git is stopped and the command refused (a hung file system)."""
_CONFIG = (
    "core.quotepath=off",
    "core.abbrev=auto",
    "core.fsmonitor=false",
    "core.hooksPath=/dev/null",
    "core.pager=cat",
    "log.showSignature=false",  # else a signed commit runs the repository's gpg.program
    "log.showRoot=true",  # else the first commit shows no file and its version is lost
    "log.follow=false",
    "diff.external=",
    "diff.relative=false",
    "color.ui=false",
    "i18n.logOutputEncoding=UTF-8",  # UTF-16 output would hold NUL bytes
    "safe.bareRepository=explicit",  # a bare repository committed inside the data is not opened
    "protocol.allow=never",  # a partial clone never fetches (and so never runs ssh)
)
"""Configuration that overrides the repository's own, passed as `-c` to every call."""
_QUIET = {
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_OPTIONAL_LOCKS": "0",
    "LC_ALL": "C",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_PAGER": "cat",
    "PAGER": "cat",
    "GIT_NO_REPLACE_OBJECTS": "1",
    "GIT_GRAFT_FILE": "/dev/null",  # .git/info/grafts would rewrite history (hide a commit) as replace objects do
    "GIT_LITERAL_PATHSPECS": "1",
    "GIT_NO_LAZY_FETCH": "1",
}
"""Never ask for a password, take a lock for reading, page, swap objects, graft history or read a path as a
pattern."""
_LOG = (
    "log",
    "--no-show-signature",
    "--no-ext-diff",
    "--no-textconv",
    "--no-color",
    "--encoding=UTF-8",
    "-z",
    "--raw",  # blobs abbreviated like %h (`--no-abbrev` would lengthen %h too); cat-file takes them
    "--format=%H%x00%h%x00%P%x00%ad%x00%an%x00%s%x00",
    "--date=format:%Y-%m-%d %H:%M",
)
_HASH = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
_SHORT = re.compile(r"[0-9a-f]{4,64}")


class GitUnavailable(ValdsprogramError):
    """git cannot answer here: it is not installed, or the folder is not in a git repository. Swedish message."""


@dataclass(frozen=True, slots=True)
class Commit:
    """One commit that touched a follow-up file; its texts are made visible (control characters as escapes)."""

    hash: str
    short: str
    """The abbreviated hash, as `git log --oneline` shows it."""
    date: str
    """The author's date and time, `ÅÅÅÅ-MM-DD TT:MM` in the author's own time zone (from git, not the clock)."""
    author: str
    """The author's name, cut to 100 characters."""
    subject: str
    """The first line of the commit message, cut to 200 characters."""


@dataclass(frozen=True, slots=True)
class FileChange:
    """One file a commit changed, as `git log --raw` has it."""

    status: str
    """`A`, `M`, `D`, `R`, `C`, `T`…"""
    mode: str
    """The file's mode after the commit: `100644`, `120000` for a symbolic link, `160000` for a submodule."""
    blob: str
    """The file's contents after the commit, abbreviated (all zeros when it was deleted)."""
    path: str
    """The path after the commit, relative to the top folder (or the folder with `--relative`); bytes that are not
    UTF-8 kept as surrogates."""


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One commit of a log and the files it changed."""

    commit: Commit
    root: bool
    """Whether the commit has no parent: the repository's first, or where a shallow clone is cut."""
    files: list[FileChange]


def run_git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    """git's output; GitUnavailable when git is missing, fails (not a repository, unknown path) or hangs."""
    env = {**os.environ, **_QUIET}
    env.pop("GIT_EXTERNAL_DIFF", None)
    config = [word for setting in _CONFIG for word in ("-c", setting)]
    try:
        done = subprocess.run(  # fixed arguments, no shell
            ["git", "--no-pager", *config, *args],  # git is looked up on PATH, as a user runs it
            cwd=cwd,
            input=stdin if stdin is not None else b"",
            capture_output=True,
            check=False,
            env=env,
            timeout=TIMEOUT,
        )
    except FileNotFoundError:
        raise GitUnavailable("git är inte installerat, så historiken kan inte läsas.") from None
    except subprocess.TimeoutExpired:
        raise GitUnavailable(f"git svarade inte inom {TIMEOUT:g} sekunder och avbröts.") from None
    except OSError as error:
        raise GitUnavailable(f"git kunde inte köras: {error.strerror}.") from None
    if done.returncode != 0:
        if b"not a git repository" in done.stderr:
            where = visible(str(cwd), keep_breaks=False)
            raise GitUnavailable(f"{where} ligger inte i ett git-arkiv, så det finns ingen historik att visa.")
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        last = visible(message[-1], keep_breaks=False) if message else str(done.returncode)
        raise GitUnavailable(f"git svarade med fel: {last}.")
    return done.stdout


def top_folder(folder: Path) -> Path:
    """The top folder of the git repository that holds `folder`; GitUnavailable outside one."""
    return Path(os.fsdecode(run_git(["rev-parse", "--show-toplevel"], folder).removesuffix(b"\n")))


def is_shallow(folder: Path) -> bool:
    """Whether the repository holding `folder` is a shallow clone (its oldest commits are cut off)."""
    return run_git(["rev-parse", "--is-shallow-repository"], folder).strip() == b"true"


def has_commits(folder: Path) -> bool:
    """Whether the repository holding `folder` has a commit yet (`git log` fails in one that has none)."""
    try:
        run_git(["rev-parse", "--quiet", "--verify", "HEAD^{commit}"], folder)
    except GitUnavailable:
        top_folder(folder)  # outside a repository, say that instead
        return False
    return True


def git_log(args: list[str], cwd: Path) -> list[LogEntry]:
    """`git log` with `args` (options, then `--` and paths) as commits and the files each changed, newest first."""
    return _entries(run_git([*_LOG, *args], cwd))


def _garbled(what: str) -> GitUnavailable:
    return GitUnavailable(f"git gav en logg som inte kunde läsas ({what}).")


def _entries(output: bytes) -> list[LogEntry]:
    """`git log -z --raw` with `_LOG`'s format: per commit six fields and an empty one, then its `:` lines."""
    tokens = output.split(b"\0")
    found: list[LogEntry] = []
    i = 0
    while i < len(tokens) and not (i == len(tokens) - 1 and not tokens[i]):
        fields = [t.decode("utf-8", "replace") for t in tokens[i : i + 6]]
        if len(fields) < 6 or tokens[i + 6 : i + 7] != [b""]:
            raise _garbled("en incheckning har fel antal fält")
        full, short, parents, date, author, subject = fields
        if not _HASH.fullmatch(full) or not _SHORT.fullmatch(short) or not full.startswith(short):
            raise _garbled("en incheckning har ingen giltig hash")
        if any(not _HASH.fullmatch(p) for p in parents.split()):
            raise _garbled("en incheckning har en ogiltig förälder")
        shown = visible(date, keep_breaks=False), shorten(_visible(author), 100), shorten(_visible(subject), 200)
        commit = Commit(full, short, *shown)
        i += 7
        files: list[FileChange] = []
        while i < len(tokens) and tokens[i].lstrip(b"\n").startswith(b":"):
            change, i = _file_change(tokens, i)
            files.append(change)
        found.append(LogEntry(commit, not parents, files))
    return found


def _visible(text: str) -> str:
    return visible(text, keep_breaks=False)


def _file_change(tokens: list[bytes], i: int) -> tuple[FileChange, int]:
    """One `:mode… oid… status` record at `tokens[i]` and its paths; returns the index after them."""
    record = tokens[i].lstrip(b"\n").decode("ascii", "replace")
    parents = len(record) - len(record.lstrip(":"))
    parts = record[parents:].split(" ")
    if len(parts) != 2 * (parents + 1) + 1 or any(not _SHORT.fullmatch(oid) for oid in parts[parents + 1 : -1]):
        raise _garbled("en ändrad fil har ett ogiltigt format")
    status = parts[-1][:1]
    count = 2 if parents == 1 and status in "RC" else 1
    paths = tokens[i + 1 : i + 1 + count]
    if len(paths) != count or not all(paths):
        raise _garbled("en ändrad fil saknar sökväg")
    path = paths[-1].decode("utf-8", "surrogateescape")
    return FileChange(status, parts[parents], parts[-2], path), i + 1 + count


def path_changes(folder: Path) -> dict[str, Commit]:
    """The latest commit that changed each file below `folder`, by path relative to it with `/`, in one git call.

    Empty outside git or without git: the history is then simply left out. A file deleted since may be listed
    with its last commit before that; the caller looks up the files it has.
    """
    try:
        entries = git_log(["--no-renames", "--diff-filter=d", "--relative", "--", "."], folder)
    except GitUnavailable:
        return {}
    latest: dict[str, Commit] = {}
    for entry in entries:
        for change in entry.files:
            latest.setdefault(change.path, entry.commit)
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
