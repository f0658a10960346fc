"""Which files a command works on: program.yaml, the follow-up files under uppfoljning/ and socialnämnden's
compilations in sammanstallning/."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from valdsprogram.periods import Period

YAML_SUFFIXES = (".yaml", ".yml")
COMPILATION_FOLDER = "sammanstallning"
"""Socialnämnden's compilation files, `sammanstallning/<period>.yaml`, beside uppfoljning/."""


def followup_files(folder: Path) -> list[Path]:
    """Every YAML file below the folder, sorted; symlinked folders are not followed (no loops).

    A folder named like a YAML file (`x.yaml/`) is listed, not entered: reading it then says that it is a
    folder, rather than the mistake passing in silence.
    """
    if not folder.is_dir():
        return []
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        visible = [d for d in dirs if not d.startswith(".")]
        dirs[:] = sorted(d for d in visible if not d.endswith(YAML_SUFFIXES))
        names = [*files, *(d for d in visible if d.endswith(YAML_SUFFIXES))]
        found += (Path(root) / name for name in names if name.endswith(YAML_SUFFIXES) and not name.startswith("."))
    return sorted(found)


def compilation_folder(followups: Path) -> Path:
    """Where the compilations are by default: sammanstallning/ beside the follow-up folder."""
    return followups.parent / COMPILATION_FOLDER


def is_compilation(path: Path) -> bool:
    """Whether a file is a compilation rather than a follow-up: it lies in a folder named sammanstallning."""
    return path.parent.name == COMPILATION_FOLDER


def chosen_files(paths: Sequence[Path], program: Path, folders: Sequence[Path]) -> list[Path]:
    """The files a `validera` run checks: every one under `folders` when no path is named or the program itself
    is (a program change can break any follow-up, and pre-commit passes only the changed file), else those the
    paths name."""
    every = [path for folder in folders for path in followup_files(folder)]
    if not paths:
        return every
    named = expand(paths, program)
    if any(_same(path, program) for path in paths):
        return list(dict.fromkeys([*every, *named]))
    return named


def expand(paths: Sequence[Path], program: Path) -> list[Path]:
    """The follow-up files that PATHS name: files as given, folders expanded; the program itself left out.

    A folder named like a YAML file is kept as given, so that validating it says it is a folder.
    """
    chosen: list[Path] = []
    for path in paths:
        if path.is_dir() and not path.name.endswith(YAML_SUFFIXES):
            chosen += followup_files(path)
        elif not _same(path, program):
            chosen.append(path)
    return list(dict.fromkeys(chosen))


def context_of(targets: Sequence[Path], folder: Path) -> list[Path]:
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
    found = (path for tree in dict.fromkeys(trees) for path in followup_files(tree))
    return [path for path in dict.fromkeys(found) if _absolute(path) not in given]


def _absolute(path: Path) -> Path:
    # abspath, not resolve(): a symlink keeps its own name, and a symlink loop cannot raise here.
    return Path(os.path.normcase(os.path.abspath(path)))


def _inside(path: Path, folder: Path) -> bool:
    return _absolute(folder) in _absolute(path).parents


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
        return False
