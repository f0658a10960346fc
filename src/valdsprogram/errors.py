"""The one exception root: every refusal the tool raises is a `ValdsprogramError`, with a message and an exit code."""

from __future__ import annotations


class ValdsprogramError(Exception):
    """The tool cannot do what was asked; `str(error)` is the Swedish message, `exit_code` what the CLI exits with.

    The command line catches this one class: it prints the message after `valdsprogram: ` and exits with the code.
    """

    exit_code: int = 2
    """2: the command could not run as asked. A subclass or an instance may say 1 (findings, or a refusal that
    is the user's data rather than the command line's)."""
