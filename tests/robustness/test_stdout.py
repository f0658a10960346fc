"""Any stdout: one that cannot encode Swedish (a Windows redirect in cp1252, `LANG=C`), a console that cannot,
and a closed one; each run as a real process, since the streams are the interpreter's own."""

from __future__ import annotations

import functools
import os
import subprocess
import sys

import pytest

from conftest import ROOT

MAIN = "from valdsprogram.cli.app import main; main()"
COMMANDS = [
    ["status", "--format", "csv", "--utan-historik"],
    ["status", "--utan-historik"],
    ["rapport", "--format", "md"],
    ["validera"],
    ["visa", "organ"],
]
"""What broke on a cp1252 stdout: the CSV's byte-order mark, ✓ in the status table, → and – in the report."""
NARROW = {
    "cp1252": {"PYTHONIOENCODING": "cp1252"},
    "latin-1": {"PYTHONIOENCODING": "latin-1"},
    "ascii": {"PYTHONIOENCODING": "ascii"},
    "LANG=C": {"LANG": "C", "LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"},
}


def _run(args: list[str], extra: dict[str, str], **options: object) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8", "LC_ALL", "LANG")}
    env |= {"LANG": "C.UTF-8", **extra}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-c", MAIN, *args], env=env, cwd=ROOT, check=False, **options
    )


CASES = [("cp1252", args) for args in COMMANDS] + [(n, COMMANDS[i]) for n in list(NARROW)[1:] for i in (0, 2)]
"""Every command in cp1252, the CSV and the report in the others (each case is two runs of about a second)."""


@functools.cache
def _utf8(args: tuple[str, ...]) -> tuple[int, bytes]:
    result = _run(list(args), {}, capture_output=True)
    return result.returncode, result.stdout


@pytest.mark.parametrize(("narrow", "args"), CASES, ids=[f"{n} {' '.join(a)}" for n, a in CASES])
def test_a_file_or_pipe_gets_utf8_whatever_the_locale(narrow: str, args: list[str]) -> None:
    result = _run(args, NARROW[narrow], capture_output=True)
    assert b"Traceback" not in result.stderr, result.stderr.decode("utf-8", "replace")
    assert (result.returncode, result.stdout) == _utf8(tuple(args))
    if args[:3] == ["status", "--format", "csv"]:
        assert result.stdout.startswith("\ufeff".encode())


def test_a_console_that_cannot_show_a_character_gets_a_question_mark() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8")}
    primary, secondary = os.openpty()
    process = subprocess.Popen(
        [sys.executable, "-c", MAIN, "rapport", "--format", "md"],
        env=env | NARROW["cp1252"],
        cwd=ROOT,
        stdout=secondary,
        stderr=subprocess.PIPE,
    )
    os.close(secondary)
    shown = b""
    try:
        while chunk := _read(primary):  # read as it comes: a full terminal would hold the process
            shown += chunk
    finally:
        os.close(primary)
        stderr = process.communicate(timeout=60)[1]
    assert (process.returncode, b"Traceback" in stderr) == (0, False)
    text = shown.decode("cp1252")
    assert "2021–2025" in text  # cp1252 has the en dash
    assert "?" in text  # but not the arrow
    assert "→" not in text


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except OSError:  # the other end is closed: all is read
        return b""


def test_a_closed_stdout_keeps_the_exit_code_and_says_so() -> None:
    clean = _run(["validera"], {}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    closed = _run(["validera"], {}, stdout=None, stderr=subprocess.PIPE, pass_fds=(), close_fds=True,
                  preexec_fn=lambda: os.close(1))  # fmt: skip
    assert (clean.returncode, closed.returncode) == (0, 0)
    assert closed.stderr.decode() == "valdsprogram: standardutdata är stängd, så utdata skrivs inte.\n"
    findings = _run(["validera", "--program", "tests/data/hostile/program-som-kontolista/program.yaml"], {},
                    stdout=None, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1))  # fmt: skip
    assert findings.returncode == 1
