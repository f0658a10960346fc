"""How a command writes: its documents to the terminal or a file (atomically, never over a file unasked), look-ups
as JSON or tables, and refusals as a Swedish message with an exit code."""

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from valdsprogram.cli.options import DEFAULT_FOLLOWUPS, EXIT_FINDINGS, EXIT_USAGE

if TYPE_CHECKING:
    import datetime as dt

    from valdsprogram import Period, Workspace
    from valdsprogram.writing import WriteRefused


def fail(message: str) -> typer.Exit:
    typer.echo(f"valdsprogram: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


def workspace_for(
    program: Path, uppfoljning: Path | None, sammanstallning: Path | None = None, *, may_be_missing: bool = False
) -> "Workspace":
    """The program and follow-ups; a broken program is reported on stderr and raises WorkspaceError.

    A follow-up folder named with -u must exist, unless `may_be_missing` (mall writes the first file there).
    """
    from valdsprogram import Validation, WorkspaceError, open_workspace, render_validation

    try:
        required = uppfoljning is not None and named(uppfoljning) and not may_be_missing
        return open_workspace(
            program, uppfoljning, base=Path.cwd(), compilations=sammanstallning, required=required, bounded=bounded()
        )
    except WorkspaceError as error:
        if error.diagnostics:
            typer.echo(render_validation(Validation(error.diagnostics, 1)), err=True, nl=False)
        raise


def named(folder: Path) -> bool:
    """Whether -u named another follow-up folder than the default, so that it must exist."""
    return folder != DEFAULT_FOLLOWUPS


def bounded() -> bool:
    """Whether the folder bounds hold: `VALDSPROGRAM_GRANSER=av` lifts them on purpose (national-scale runs)."""
    from valdsprogram.sources import LIFT_BOUNDS

    name, _, off = LIFT_BOUNDS.partition("=")
    return os.environ.get(name, "").strip().lower() != off


@contextlib.contextmanager
def usage_errors() -> "Iterator[None]":
    """Turn the core's WorkspaceError, TemplateProblem and PdfUnavailable into a Swedish message and exit code 2."""
    from valdsprogram import TemplateProblem, WorkspaceError
    from valdsprogram.output.pdf import PdfUnavailable

    try:
        yield
    except (WorkspaceError, TemplateProblem, PdfUnavailable) as error:
        raise fail(str(error)) from None


def show(data: object, renderable: object | None) -> None:
    """Print a look-up: as JSON, or (in the terminal format) as rich tables."""
    if renderable is None:
        import json

        from valdsprogram.controls import json_visible

        typer.echo(json_visible(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)))
        return
    from rich.console import Console

    Console(soft_wrap=False).print(renderable)


def as_pdf(html: str) -> bytes:
    """The HTML document as PDF; PdfUnavailable (no WeasyPrint) becomes exit 2 in `usage_errors`."""
    from valdsprogram.output.pdf import html_to_pdf

    return html_to_pdf(html)


def no_pdf_to_terminal() -> None:
    """A PDF is bytes: it goes to a file, or through a pipe, never onto the screen."""

    if sys.stdout.isatty():
        raise fail("en PDF skrivs inte till terminalen; ange en fil med -o, till exempel -o rapport.pdf.")


def emit(text: str | bytes, target: Path | None, *, overwrite: bool) -> None:
    if target is None:
        typer.echo(text, nl=False)
        return
    write(target, text, overwrite=overwrite)
    typer.echo(f"Skrev {target.as_posix()}.")


def write(target: Path, text: str | bytes, *, overwrite: bool) -> None:
    """Write atomically; an existing file without --skriv-over is exit 1, any other failure exit 2."""
    from valdsprogram.writing import WriteRefused, write_atomic

    try:
        write_atomic(target, text, overwrite=overwrite)
    except WriteRefused as error:
        raise refusal([error]) from None


def check_targets(targets: list[Path], *, overwrite: bool) -> None:
    """Check every target of a batch before the first is written, so that a batch never stops halfway."""
    from valdsprogram.writing import WriteRefused, check_target

    refused: list[WriteRefused] = []
    for target in targets:
        try:
            check_target(target, overwrite=overwrite)
        except WriteRefused as error:
            refused.append(error)
    if refused:
        typer.echo("valdsprogram: inget skrevs.", err=True)
        raise refusal(refused)


def refusal(errors: "list[WriteRefused]") -> typer.Exit:
    for error in errors:
        hint = " Ange --skriv-over för att ersätta den." if error.exists else ""
        typer.echo(f"valdsprogram: {error}{hint}", err=True)
    return typer.Exit(EXIT_FINDINGS if all(e.exists for e in errors) else EXIT_USAGE)


def last_commits(folder: Path) -> dict[tuple[str, str], Any]:
    """Each follow-up's last commit from git, in one call; empty outside git or without git."""
    from valdsprogram.git.log import followup_changes

    return followup_changes(folder) if folder.is_dir() else {}


def when(workspace: "Workspace", period: str | None, datum: str | None) -> "tuple[Period, dt.date | None]":
    """The period and (with --datum) the day a look-up is made on; both given is a usage error."""
    from valdsprogram.workspace import WorkspaceError

    if datum is None:
        return workspace.period(period), None
    if period is not None:
        raise WorkspaceError("ange antingen --period eller --datum.")
    return workspace.day(datum)


def is_date(text: str) -> bool:
    from valdsprogram.model.periods import parse_day

    return parse_day(text) is not None


def refuse_unreadable_size(text: str) -> None:
    """Refuse to write a template larger than `validera` reads, rather than a file that is refused at once."""
    from valdsprogram.yaml.reader import MAX_BYTES

    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        shown = f"{size / 1_048_576:.1f}".replace(".", ",")
        raise fail(
            f"mallen skulle bli {shown} MiB, men validera läser högst {MAX_BYTES // 1_048_576} MiB per fil; "
            "programmet har för många aktiviteter och indikatorer, eller för långa texter. Inget skrevs."
        )
