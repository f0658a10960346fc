"""The one way git is called: what every call passes to shut out the repository's own programs and settings."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from valdsprogram.git import log


def test_every_git_call_overrides_what_could_start_a_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def fake_run(args: list[str], **options: Any) -> subprocess.CompletedProcess[bytes]:
        seen.update(args=args, **options)
        return subprocess.CompletedProcess(args, 0, b"", b"")

    monkeypatch.setenv("GIT_EXTERNAL_DIFF", "touch pwned")
    monkeypatch.setattr(subprocess, "run", fake_run)
    log.git_log(["--", "a.yaml"], tmp_path)
    args = seen["args"]
    settings = {args[i + 1] for i, word in enumerate(args) if word == "-c"}
    assert args[:2] == ["git", "--no-pager"]
    assert {
        "log.showSignature=false",
        "core.fsmonitor=false",
        "diff.external=",
        "core.hooksPath=/dev/null",
        "i18n.logOutputEncoding=UTF-8",
        "safe.bareRepository=explicit",
    } <= settings
    assert {"--no-show-signature", "--no-ext-diff", "--no-textconv", "-z"} <= set(args)
    assert args[-2:] == ["--", "a.yaml"]
    env = seen["env"]
    assert (env["GIT_CONFIG_NOSYSTEM"], env["GIT_PAGER"], env["GIT_NO_REPLACE_OBJECTS"]) == ("1", "cat", "1")
    assert "GIT_EXTERNAL_DIFF" not in env
    assert seen["timeout"] == log.TIMEOUT
    assert "shell" not in seen


@pytest.mark.parametrize(
    ("output", "why"),
    [
        (b"nothex\x00abc1234\x00\x002024-05-01 10:00\x00A\x00S\x00\x00", "ingen giltig hash"),
        (b"a" * 40 + b"\x00aaaaaaa\x00\x002024-05-01 10:00\x00A\x00", "fel antal fält"),
        (b"a" * 40 + b"\x00aaaaaaa\x00zz\x002024-05-01 10:00\x00A\x00S\x00\x00", "ogiltig förälder"),
        (b"a" * 40 + b"\x00aaaaaaa\x00\x00d\x00A\x00S\x00\x00\n:100644 100644 abc M\x00", "ogiltigt format"),
    ],
)
def test_a_log_that_does_not_parse_is_refused_not_guessed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, output: bytes, why: str
) -> None:
    monkeypatch.setattr(log, "run_git", lambda args, cwd, stdin=None: output)
    with pytest.raises(log.GitUnavailable, match=why) as refused:
        log.git_log([], tmp_path)
    assert refused.value.exit_code == 2
