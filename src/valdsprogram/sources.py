"""Which files a command works on: program.yaml and the follow-up files under uppfoljning/."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

YAML_SUFFIXES = (".yaml", ".yml")


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


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
        return False
