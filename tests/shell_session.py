"""A real interactive shell (bash, zsh or fish) in a pseudo-terminal, for tests of what pressing TAB does.

The keys are typed ahead all at once: the shell reads them in order, so a completion has finished before the next
key is read, and the session ends with a line whose output (a sum the echo of the typed line cannot show) says that
every key before it was handled. Nothing is timed by sleeping.
"""

from __future__ import annotations

import fcntl
import os
import select
import shutil
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

SHELL_COMMAND = {
    "bash": ["bash", "--noprofile", "--rcfile", "{rc}", "-i"],
    "zsh": ["zsh", "-f", "-i"],
    "fish": ["fish", "--no-config", "-i", "-C", "source {rc}"],
}
"""How each shell starts interactively without the machine's or the user's own start-up files."""
_LOAD_RC = {"zsh": "source {rc}\n"}
"""zsh -f reads no start-up file, so its own is sourced as the first typed line."""
END = "SLUT42"
_END_COMMAND = {"bash": "echo SLUT$((6*7))\n", "zsh": "print -r -- SLUT$((6*7))\n", "fish": "echo SLUT(math 6 \\* 7)\n"}
_EXIT = "exit\n"
TIMEOUT = 120.0


def installed_valdsprogram() -> Path:
    """The folder of the installed `valdsprogram` command that the completion scripts call; skips without it."""
    command = Path(sys.executable).parent / "valdsprogram"
    if not command.exists():
        pytest.skip("valdsprogram är inte installerat i den här miljön")
    return command.parent


def completion_script(shell: str, env: dict[str, str]) -> str:
    """The script `valdsprogram --show-completion SHELL` prints for that shell."""
    env = {**env, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}  # take the shell as the option's value
    return subprocess.run(
        ["valdsprogram", "--show-completion", shell], capture_output=True, text=True, env=env, check=True
    ).stdout


def _controlling_terminal() -> None:
    """In the child: a session of its own, with the pseudo-terminal (its stdin) as the controlling terminal."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def type_into(shell: str, rc: Path, keys: str, *, cwd: Path, env: dict[str, str]) -> str:
    """Start `shell` interactively in a pseudo-terminal with start-up file `rc`, type `keys` (TAB as `\\t`, Enter
    as `\\n`), and return everything the terminal showed until the session's last line had run."""
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} saknas")
    primary, secondary = os.openpty()
    command = [word.format(rc=rc) for word in SHELL_COMMAND[shell]]
    process = subprocess.Popen(
        command,
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        cwd=cwd,
        env={**env, "TERM": "xterm", "HOME": str(cwd)},
        preexec_fn=_controlling_terminal,  # safe here: the test starts no threads
    )
    os.close(secondary)
    typed = _LOAD_RC.get(shell, "").format(rc=rc) + keys + _END_COMMAND[shell] + _EXIT
    shown = b""
    deadline = time.monotonic() + TIMEOUT
    try:
        os.write(primary, typed.encode())
        while END.encode() not in shown.replace(b"\r", b"") and time.monotonic() < deadline:
            ready, _, _ = select.select([primary], [], [], 0.5)
            if ready:
                try:
                    shown += os.read(primary, 65536)
                except OSError:  # the shell has exited and closed the terminal
                    break
    finally:
        process.kill()
        process.wait()
        os.close(primary)
    text = shown.decode("utf-8", errors="replace")
    assert END in text.replace("\r", ""), f"{shell} svarade inte inom {TIMEOUT} s:\n{text}"
    return text
