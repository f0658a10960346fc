"""Typer's completion protocol driven in-process: what the shell's script would be answered for the words typed."""

from __future__ import annotations

from typer.testing import CliRunner

from valdsprogram.cli.app import app


def complete(shell: str, words: str) -> str:
    """What Typer's completion protocol answers the shell's script with, for the words typed so far."""
    env = {"_VALDSPROGRAM_COMPLETE": f"complete_{shell}", "_TYPER_COMPLETE_ARGS": words}
    if shell == "bash":
        env |= {"COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
    if shell == "fish":
        env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    result = CliRunner().invoke(app, [], env=env, prog_name="valdsprogram")
    assert result.exit_code == 0, result.output
    return result.output
