"""Which files a command works on: program.yaml and the follow-up files under uppfoljning/."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

YAML_SUFFIXES = (".yaml", ".yml")


def followup_files(folder: Path) -> list[Path]:
    """Every YAML file below the folder, sorted; symlinked folders are not followed (no loops)."""
    if not folder.is_dir():
        return []
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += (Path(root) / name for name in files if name.endswith(YAML_SUFFIXES) and not name.startswith("."))
    return sorted(found)


def expand(paths: Sequence[Path], program: Path) -> list[Path]:
    """The follow-up files that PATHS name: files as given, folders expanded; the program itself left out."""
    chosen: list[Path] = []
    for path in paths:
        if path.is_dir():
            chosen += followup_files(path)
        elif not _same(path, program):
            chosen.append(path)
    return list(dict.fromkeys(chosen))


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
