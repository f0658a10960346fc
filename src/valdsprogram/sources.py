"""Which files a command works on: program.yaml, the follow-up files under uppfoljning/ and socialnämnden's
compilations in sammanstallning/."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from valdsprogram.errors import ValdsprogramError
from valdsprogram.model.periods import Period
from valdsprogram.text import mebibytes, os_error_text
from valdsprogram.yaml.reader import ESCAPE_HINT, MAX_BYTES, leaves_project, printable_path

YAML_SUFFIXES = (".yaml", ".yml")
MAX_FILES = 10_000
"""A folder with more YAML files is refused before any is read: the city has about 45 bodies reporting 15 periods
(some 700 files), so ten thousand is a city ten times over, or a wrong folder."""
LIFT_BOUNDS = "VALDSPROGRAM_GRANSER=av"
"""What a user sets to lift the folder bounds on purpose (a benchmark at national scale); see `bounds_hold`."""
MAX_TOTAL_BYTES = 16 * 1024 * 1024
"""Nor are more bytes of YAML in all: reading, checking and reporting take about half a second of CPU a MiB, so
this keeps every command within ten seconds on two cores. Ten cities' follow-ups (`bench/generate.py --skala 10`)
are 15.7 MiB."""
COMPILATION_FOLDER = "sammanstallning"
"""Socialnämnden's compilation files, `sammanstallning/<period>.yaml`, beside uppfoljning/."""


class SourceError(ValdsprogramError):
    """The program file or the follow-up folder cannot be used; the message is Swedish and says why."""


def bounds_hold() -> bool:
    """Whether the folder bounds hold: `VALDSPROGRAM_GRANSER=av` in the environment lifts them on purpose."""
    name, _, off = LIFT_BOUNDS.partition("=")
    return os.environ.get(name, "").strip().lower() != off


def program_problem(path: Path, root: Path | None = None) -> str | None:
    """Why the program file cannot be read (missing, a folder, not a regular file, an OS error), or None.

    Like every input, a program file inside `root` (the working folder) that leads out of it through a symbolic
    link is not read, nor one that leads into /proc, /sys or /dev."""
    shown = printable_path(str(path))
    try:
        info = path.stat()
    except FileNotFoundError:
        return f"hittar inte programfilen {shown}. Ange den med --program."
    except (OSError, ValueError) as error:  # ValueError: a NUL byte in the name
        reason = os_error_text(error) if isinstance(error, OSError) else "Ogiltigt filnamn"
        return f"programfilen {shown} kan inte läsas: {reason}."
    if stat.S_ISDIR(info.st_mode):
        return f"{shown} är en mapp, inte programfilen. Ange programfilen med --program."
    if not stat.S_ISREG(info.st_mode):
        return f"programfilen {shown} är ingen vanlig fil (utan till exempel en pipe eller en enhet)."
    escape = leaves_project(path, root)
    if escape:
        return f"programfilen {shown} {escape}; den läses inte. {ESCAPE_HINT}"
    return None


def followup_files(folder: Path, *, required: bool = False, bounded: bool = True) -> list[Path]:
    """Every YAML file below the folder, sorted; symlinked folders are not followed (no loops) but listed, so that
    reading one says why it is not read.

    A folder named like a YAML file (`x.yaml/`) is listed, not entered: reading it then says that it is a
    folder, rather than the mistake passing in silence. A missing folder is no files, unless `required` (the user
    named it); a folder or subfolder that cannot be read raises SourceError rather than being skipped. With
    `bounded`, more than MAX_FILES files or MAX_TOTAL_BYTES bytes raise SourceError before any is read.
    """
    try:
        info = folder.stat()
    except FileNotFoundError:
        if not required:
            return []
        raise SourceError(f"uppföljningsmappen {folder} finns inte. Ange den med --uppfoljning.") from None
    except (OSError, ValueError) as error:
        reason = os_error_text(error) if isinstance(error, OSError) else "Ogiltigt filnamn"
        raise SourceError(f"uppföljningsmappen {folder} kan inte läsas: {reason}.") from None
    if not stat.S_ISDIR(info.st_mode):
        raise SourceError(
            f"{folder} är ingen mapp (utan en fil, en pipe eller en enhet). Ange uppföljningsmappen med --uppfoljning."
        )
    found: list[Path] = []
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        visible = [d for d in dirs if not d.startswith(".")]
        dirs[:] = sorted(d for d in visible if not d.endswith(YAML_SUFFIXES))
        names = [*files, *(d for d in visible if d.endswith(YAML_SUFFIXES))]
        found += (Path(root) / name for name in names if name.endswith(YAML_SUFFIXES) and not name.startswith("."))
        # A linked folder is not entered, but listed: reading it then refuses it, as a linked file is refused,
        # rather than its follow-ups going missing without a word.
        found += (Path(root) / d for d in visible if not d.endswith(YAML_SUFFIXES) and os.path.islink(Path(root) / d))
        if bounded and len(found) > MAX_FILES:
            raise SourceError(
                f"{folder} innehåller fler än {_number(MAX_FILES)} YAML-filer, vilket är gränsen. Kontrollera att "
                f"det är rätt mapp (staden har ett par hundra uppföljningar om året); {_LIFT}"
            )
    if errors:
        raise SourceError(f"mappen {errors[0].filename} kan inte läsas: {os_error_text(errors[0])}.")
    # A file over the per-file limit is refused unread (VP002), which costs nothing, so it does not count.
    total = sum(size for size in map(_size, found) if size <= MAX_BYTES) if bounded else 0
    if total > MAX_TOTAL_BYTES:
        shown = mebibytes(total)
        raise SourceError(
            f"YAML-filerna i {folder} är {shown} MiB tillsammans; gränsen är {MAX_TOTAL_BYTES // 1_048_576} MiB. "
            f"Kontrollera att det är rätt mapp och att inga stora filer hamnat där; {_LIFT}"
        )
    return sorted(found)


_LIFT = f"gränsen hävs med miljövariabeln {LIFT_BOUNDS}, och då kan körningen ta minuter och gigabyte."


def _size(path: Path) -> int:
    """The file's size, 0 when it cannot be read (reading it then says why)."""
    try:
        return path.stat().st_size
    except (OSError, ValueError):
        return 0


def _number(count: int) -> str:
    """10 000, as Swedish writes it: a non-breaking space between groups of thousands."""
    return f"{count:_}".replace("_", "\u00a0")


def compilation_folder(followups: Path) -> Path:
    """Where the compilations are by default: sammanstallning/ beside the follow-up folder."""
    return followups.parent / COMPILATION_FOLDER


def is_compilation(path: Path) -> bool:
    """Whether a file is a compilation rather than a follow-up: it lies in a folder named sammanstallning."""
    return path.parent.name == COMPILATION_FOLDER


def chosen_files(
    paths: Sequence[Path], program: Path, folders: Sequence[Path], *, required: bool = False, bounded: bool = True
) -> list[Path]:
    """The files a `validera` run checks: every one under `folders` when no path is named or the program itself
    is (a program change can break any follow-up, and pre-commit passes only the changed file), else those the
    paths name. With `required`, the first folder (the follow-ups) must exist."""
    every = [
        path
        for i, folder in enumerate(folders)
        for path in followup_files(folder, required=required and i == 0, bounded=bounded)
    ]
    if not paths:
        return every
    named = expand(paths, program, bounded=bounded)
    if any(_same(path, program) for path in paths):
        return list(dict.fromkeys([*every, *named]))
    return named


def expand(paths: Sequence[Path], program: Path, *, bounded: bool = True) -> list[Path]:
    """The follow-up files that PATHS name: files as given, folders expanded; the program itself left out.

    A folder named like a YAML file is kept as given, so that validating it says it is a folder.
    """
    chosen: list[Path] = []
    for path in paths:
        if _is_dir(path) and not path.name.endswith(YAML_SUFFIXES):
            chosen += followup_files(path, required=True, bounded=bounded)
        elif not _same(path, program):
            chosen.append(path)
    return list(dict.fromkeys(chosen))


def context_of(targets: Sequence[Path], folder: Path, *, bounded: bool = True) -> list[Path]:
    """The other follow-ups the targets are checked against: every file in each target's follow-up tree.

    A target's tree is `folder` when the target lies inside it, else the folder above its period folder
    (`<tree>/2024-T2/<organ>.yaml`); a file in neither has none. The targets themselves are left out.
    """
    trees: list[Path] = []
    for target in targets:
        if _inside(target, folder):
            trees.append(folder)
        elif Period.parse(_absolute(target).parent.name) is not None:
            trees.append(_absolute(target).parent.parent)
    given = {_absolute(target) for target in targets}
    found = (path for tree in dict.fromkeys(trees) for path in followup_files(tree, bounded=bounded))
    return [path for path in dict.fromkeys(found) if _absolute(path) not in given]


def _absolute(path: Path) -> Path:
    # abspath, not resolve(): a symlink keeps its own name, and a symlink loop cannot raise here.
    return Path(os.path.normcase(os.path.abspath(path)))


def _inside(path: Path, folder: Path) -> bool:
    return _absolute(folder) in _absolute(path).parents


def _is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except (OSError, ValueError):
        return False  # read as a file, which then says what is wrong with it


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
        return False
