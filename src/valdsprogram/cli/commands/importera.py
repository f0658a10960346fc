"""`valdsprogram importera`: a filled workbook back to the follow-up YAML, each problem at its cell and line."""

from pathlib import Path
from typing import Annotated

import typer

from valdsprogram import ValidationFormat
from valdsprogram.cli.options import (
    EXIT_FINDINGS,
    EXIT_OK,
    FollowUpOption,
    OverwriteOption,
    ProgramOption,
    file_path,
    shown_path,
)


def importera(
    fil: Annotated[
        Path,
        typer.Argument(
            help="Arbetsboken (.xlsx) från valdsprogram mall --format xlsx, ifylld.", show_default=False, metavar="FIL"
        ),
    ],
    *,
    utfil: Annotated[
        Path | None,
        typer.Option(
            "--utfil",
            "-o",
            help="YAML-filen att skriva (standard: uppfoljning/PERIOD/ORGAN.yaml).",
            show_default=False,
            metavar="FIL",
            parser=file_path,
        ),
    ] = None,
    format: Annotated[
        ValidationFormat, typer.Option("--format", "-f", help="Utdataformat för felen.")
    ] = ValidationFormat.TEXT,
    program: ProgramOption = Path("program.yaml"),
    uppfoljning: FollowUpOption = Path("uppfoljning"),
    skriv_over: OverwriteOption = False,
) -> None:
    """Läs in en ifylld arbetsbok som uppföljning (YAML) och validera den; varje fel anges med cell och rad.

    Slutkod 0: inga fel, 1: fel i värdena eller arbetsboken avvisad (då skrivs inget), 2: kunde inte köras.
    """
    from valdsprogram import import_workbook, open_workspace, render_validation

    workspace = open_workspace(program, uppfoljning, base=Path.cwd())  # the folder may be missing: the first file
    imported = import_workbook(fil, workspace, target=utfil, overwrite=skriv_over, folder=uppfoljning, base=Path.cwd())
    if imported.path is None:  # refused: nothing was written
        typer.echo(render_validation(imported.validation, format), nl=False)
        typer.echo(f"valdsprogram: {imported.refusal}", err=True)
        raise typer.Exit(EXIT_FINDINGS)
    typer.echo(f"Skrev {shown_path(imported.path)} ur {imported.source}.", err=True)
    typer.echo(render_validation(imported.validation, format), nl=False)
    raise typer.Exit(EXIT_FINDINGS if imported.validation.error_count else EXIT_OK)
