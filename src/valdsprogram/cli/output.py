"""How a command writes: documents to the terminal or a file (atomically, never over a file unasked), and a refusal
of the library as the problems behind it, a Swedish message and its exit code."""

import sys
from pathlib import Path

import typer

from valdsprogram import ValdsprogramError
from valdsprogram.cli.options import DEFAULT_FOLLOWUPS, shown_path


def show_refusal(error: ValdsprogramError) -> int:
    """Print a refusal on stderr (what lies behind it first: the program's problems, the follow-ups' errors, each
    file not written) and give its exit code. The one place a command's refusal reaches the user."""
    from valdsprogram import FollowUpsHaveErrors, NothingWritten, Validation, WorkspaceError, render_validation

    if isinstance(error, WorkspaceError) and error.diagnostics:
        typer.echo(render_validation(Validation(error.diagnostics, 1)), err=True, nl=False)
    if isinstance(error, FollowUpsHaveErrors):
        typer.echo(render_validation(error.validation), err=True, nl=False)
    typer.echo(f"valdsprogram: {error}{_hint(error)}", err=True)
    for refusal in error.refusals if isinstance(error, NothingWritten) else []:
        typer.echo(f"valdsprogram: {refusal}{_hint(refusal)}", err=True)
    return error.exit_code


def _hint(error: ValdsprogramError) -> str:
    from valdsprogram import WriteRefused

    return " Ange --skriv-over för att ersätta den." if isinstance(error, WriteRefused) and error.exists else ""


def required(folder: Path) -> bool:
    """Whether -u named another follow-up folder than the default, so that it must exist."""
    return folder != DEFAULT_FOLLOWUPS


def no_pdf_to_terminal() -> None:
    """A PDF is bytes: it goes to a file, or through a pipe, never onto the screen."""
    if sys.stdout.isatty():
        raise ValdsprogramError("en PDF skrivs inte till terminalen; ange en fil med -o, till exempel -o rapport.pdf.")


def on_screen() -> bool:
    """Whether output goes to a terminal, so that tables carry its colours."""
    return sys.stdout.isatty()


def emit(text: str | bytes, target: Path | None, *, overwrite: bool) -> None:
    """A document to the terminal, or to a file with a line saying so."""
    from valdsprogram import write_atomic

    if target is None:
        typer.echo(text, nl=False)
        return
    write_atomic(target, text, overwrite=overwrite)
    typer.echo(f"Skrev {shown_path(target)}.")
