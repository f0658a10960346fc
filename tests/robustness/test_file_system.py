"""File system errors: every OSError is a Swedish message with the right wording and exit 2, never a traceback.

Each case prepares a working folder (tests/data/program.yaml and one follow-up), may break something (a file
where a folder should be, a FIFO, a device, a full disk, a folder that cannot be read, a link out of the tree),
runs one command in-process and records the exit code and output. The record for every case is the golden file
tests/data/file_system/forvantat.txt (read it after `--update-golden`); the working folder is shown as `ARBETE`.
Root reads every file, so permission errors are made by patching the call that would meet them.
"""

from __future__ import annotations

import errno
import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import TESTS, check_golden
from runner import FOLLOWUP, VALID, Setup, invoke
from valdsprogram.cli.app import app


def _nothing(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pass


def _file(name: str, text: str = "x\n") -> Setup:
    def setup(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(text, encoding="utf-8")

    return setup


def _fifo(name: str) -> Setup:
    def setup(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        os.mkfifo(work / name)

    return setup


def _link(name: str, target: str) -> Setup:
    def setup(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        (work / name).unlink(missing_ok=True)
        (work / name).symlink_to(target)

    return setup


def _os_error(module: Any, name: str, number: int, *, when: str = "") -> Setup:
    """Make `module.name` fail with `number` (when its first argument's text contains `when`)."""

    def setup(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        original = getattr(module, name)

        def fail(*args: Any, **kwargs: Any) -> Any:
            if when in str(args[0] if args else ""):
                raise OSError(number, os.strerror(number), str(args[0]))  # English, as the OS says it
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, fail)

    return setup


def _stale_temporary(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a run killed with -9 leaves: an old temporary file, and a fresh one that a live run may still write."""
    old = work / ".lista.md.abc123.tmp"
    old.write_text("halv", encoding="utf-8")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    (work / ".lista.md.def456.tmp").write_text("pågår", encoding="utf-8")
    (work / "uppfoljning" / "2024-T1" / ".sdn-syd.yaml.ghi789.tmp").write_text("organ: [", encoding="utf-8")


LONG = "n" * 300
CASES: dict[str, tuple[Setup, str]] = {
    "utfil-i-en-fil": (_file("fil.txt"), "checklista sdn-syd -o fil.txt/lista.md"),
    "utfil-i-ny-mapp-under-en-fil": (_file("fil.txt"), "checklista sdn-syd -o fil.txt/ny/lista.md"),
    "utfil-med-for-langt-namn": (_nothing, f"checklista sdn-syd -o {LONG}.md"),
    "utfil-ar-en-mapp": (_file("ut/x"), "checklista sdn-syd -o ut --skriv-over"),
    "utfil-ar-en-fifo": (_fifo("lista.md"), "checklista sdn-syd -o lista.md --skriv-over"),
    "utfil-ar-dev-full": (_nothing, "checklista sdn-syd -o /dev/full --skriv-over"),
    "utfil-ar-en-symbolisk-lank": (_link("lista.md", "program.yaml"), "checklista sdn-syd -o lista.md --skriv-over"),
    "utfil-atkomst-nekad": (
        _os_error(os, "link", errno.EACCES),
        "checklista sdn-syd -o lista.md",
    ),
    "utfil-disken-full": (_os_error(os, "fsync", errno.ENOSPC), "checklista sdn-syd -o lista.md"),
    "utfil-skrivskyddat-filsystem": (_os_error(os, "mkdir", errno.EROFS), "checklista sdn-syd -o ny/lista.md"),
    "utfil-finns-redan": (_file("lista.md"), "checklista sdn-syd -o lista.md"),
    "utfil-avbruten-korning-stadas": (_stale_temporary, "checklista sdn-syd -o lista.md"),
    "program-for-langt-namn": (_nothing, f"validera -p {LONG}.yaml"),
    "program-i-en-fil": (_nothing, "validera -p program.yaml/program.yaml"),
    "program-ar-en-mapp": (_nothing, "rapport -p uppfoljning"),
    "program-ar-en-fifo": (_fifo("fifo.yaml"), "status -p fifo.yaml"),
    "uppfoljning-saknas": (_nothing, "validera -u uppfoljnig"),
    "uppfoljning-ar-en-fil": (_nothing, "validera -u program.yaml"),
    "uppfoljning-ar-en-fifo": (_fifo("fifo"), "rapport -u fifo"),
    "uppfoljning-ar-en-enhet": (_nothing, "status -u /dev/null"),
    "uppfoljning-i-en-fil": (_nothing, "visa organ sdn-syd -u program.yaml/uppfoljning"),
    "uppfoljning-for-langt-namn": (_nothing, f"checklista sdn-syd -u {LONG}"),
    "mapp-som-inte-kan-lasas-validera": (_os_error(os, "scandir", errno.EACCES, when="2024-T1"), "validera"),
    "mapp-som-inte-kan-lasas-rapport": (_os_error(os, "scandir", errno.EACCES, when="2024-T1"), "rapport"),
    "sokvag-som-inte-kan-lasas": (_os_error(os, "scandir", errno.EACCES, when="2024-T1"), "validera uppfoljning"),
    "uppfoljning-lankad-till-proc": (_link(FOLLOWUP, "/proc/self/environ"), "validera"),
    "uppfoljning-lankad-ut-ur-tradet": (_link(FOLLOWUP, "../../../utanfor.yaml"), "validera"),
    "proc-fil-angiven": (_nothing, "validera /proc/self/status"),
    "schema-forsta-gangen": (_nothing, "schema --mapp sch"),
    "schema-redan-aktuellt": (_nothing, "schema --mapp sch"),
    "schema-andrat-utan-skriv-over": (_nothing, "schema --mapp sch"),
    "schema-andrat-med-skriv-over": (_nothing, "schema --mapp sch --skriv-over"),
    "checklistor-alla-en-finns-redan": (_file("ut/sdn-syd-2024-T1.md"), "checklista --alla -o ut"),
}
SCHEMA_BEFORE = {
    "schema-redan-aktuellt": "aktuellt",
    "schema-andrat-utan-skriv-over": "ändrat",
    "schema-andrat-med-skriv-over": "ändrat",
}


def _run(case: str, work: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    (work / FOLLOWUP).parent.mkdir(parents=True)
    shutil.copy(TESTS / "data" / "program.yaml", work / "program.yaml")
    (work / FOLLOWUP).write_text(VALID, encoding="utf-8")
    (work.parent / "utanfor.yaml").write_text(VALID, encoding="utf-8")
    monkeypatch.chdir(work)
    if case in SCHEMA_BEFORE:
        assert CliRunner().invoke(app, ["schema", "--mapp", "sch"]).exit_code == 0
        if SCHEMA_BEFORE[case] == "ändrat":
            (work / "sch" / "program.schema.json").write_text("{}\n", encoding="utf-8")
    setup, command = CASES[case]
    before = _listing(work)
    with monkeypatch.context() as patched:
        setup(work, patched)
        before = _listing(work)
        result = invoke(shlex.split(command))
    changed = sorted(set(_listing(work).items()) ^ set(before.items()))
    files = sorted({name for name, _ in changed})
    output = result.output.replace(str(work), "ARBETE").replace(LONG, "n…n")
    return (
        f"$ valdsprogram {command.replace(LONG, 'n…n')}\nslutkod: {result.exit_code}\nändrade filer: {files}\n{output}"
    )


def _listing(folder: Path, top: Path | None = None) -> dict[str, str]:
    """Every file below the folder with its content (or kind), to see what a command wrote or removed.

    Walks with os.listdir, which no case patches (os.walk uses os.scandir).
    """
    top = top or folder
    found = {}
    for name in os.listdir(folder):
        path = folder / name
        if path.is_dir() and not path.is_symlink():
            found.update(_listing(path, top))
        else:
            regular = path.is_file() and not path.is_symlink()
            found[path.relative_to(top).as_posix()] = path.read_text(encoding="utf-8") if regular else "(special)"
    return found


def test_file_system_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool) -> None:
    records = []
    for case in CASES:
        work = tmp_path / case / "arbete"
        work.mkdir(parents=True)
        records.append(f"## {case}\n{_run(case, work, monkeypatch)}\n")
    check_golden(TESTS / "data" / "file_system" / "forvantat.txt", "".join(records), update=update_golden)


def test_a_full_stdout_is_exit_2_never_success(tmp_path: Path) -> None:
    shutil.copy(TESTS / "data" / "program.yaml", tmp_path / "program.yaml")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "valdsprogram", "visa", "mal"],
            cwd=tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert (done.returncode, done.stderr) == (
        2,
        "valdsprogram: utdata kunde inte skrivas: Inget utrymme kvar på enheten.\n",
    )
