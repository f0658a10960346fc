"""Golden scenarios: a folder of input files, the command run in it, and the exact expected output.

Each folder under tests/data/scenarios/ holds `kommando.txt` (the arguments, one line) and `forvantat.txt`: the
exit code, everything printed, and every file the command wrote. The command runs in a copy of the folder, so
nothing in the repository changes. A folder with `program.txt` runs on the program it names (a path under tests/,
such as the rule cases' `data/program.yaml`) rather than holding a copy of its own; a folder with neither
program.yaml nor program.txt runs on the repository's program.yaml, example follow-ups and example compilations.
Regenerate with `pytest --update-golden`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, TESTS
from runner import case_folders, check_case, command_of, invoke, program_of, transcript

SCENARIOS = case_folders(TESTS / "data" / "scenarios", "kommando.txt")


@pytest.mark.parametrize("folder", SCENARIOS, ids=[p.name for p in SCENARIOS])
def test_scenario(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool) -> None:
    work = tmp_path / folder.name
    shutil.copytree(folder, work, ignore=shutil.ignore_patterns("program.txt"))
    program = program_of(folder)
    if program is not None:
        shutil.copy(program, work / "program.yaml")
    else:
        shutil.copy(ROOT / "program.yaml", work / "program.yaml")
        shutil.copytree(ROOT / "uppfoljning", work / "uppfoljning", dirs_exist_ok=True)
        if (folder / "uppfoljning").exists():  # its own follow-ups (one filled in by hand) among the examples
            shutil.copytree(folder / "uppfoljning", work / "uppfoljning", dirs_exist_ok=True)
        shutil.copytree(ROOT / "sammanstallning", work / "sammanstallning")
    if not (work / "schema").exists():  # as in a repository, where `valdsprogram schema` has written them
        shutil.copytree(ROOT / "schema", work / "schema")
    before = _files(work)
    monkeypatch.chdir(work)
    monkeypatch.setenv("COLUMNS", "100")  # rich tables wrap to the terminal: fix the width so output is stable
    result = invoke(command_of(folder, ""))
    written = [
        f"--- {path} ---\n{content}" for path, content in sorted(_files(work).items()) if before.get(path) != content
    ]
    check_case(folder, transcript(result) + "".join(written), update=update_golden)


def _files(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8", errors="replace")
        for p in folder.rglob("*")
        if p.is_file()
    }
