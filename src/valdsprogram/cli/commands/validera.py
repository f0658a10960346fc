"""`valdsprogram validera`: the program, follow-ups and compilations checked, in text or a CI's format."""

from pathlib import Path
from typing import Annotated

import typer

from valdsprogram import ValidationFormat
from valdsprogram.cli.options import EXIT_FINDINGS, EXIT_OK, CompilationOption, FollowUpOption, ProgramOption
from valdsprogram.cli.output import required


def validera(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help=(
                "Filer eller mappar att validera (standard: programmet och hela uppföljningsmappen). "
                "Är programmet en av dem valideras alla uppföljningar, eftersom en ändring i programmet kan "
                "göra vilken som helst av dem fel. En fil kontrolleras mot de andra uppföljningarna i sin mapp, "
                "men bara filens egna fel visas."
            ),
            show_default=False,
            metavar="SÖKVÄG",
        ),
    ] = None,
    *,
    program: ProgramOption = Path("program.yaml"),
    uppfoljning: FollowUpOption = Path("uppfoljning"),
    sammanstallning: CompilationOption = None,
    format: Annotated[ValidationFormat, typer.Option("--format", "-f", help="Utdataformat.")] = ValidationFormat.TEXT,
    strikt: Annotated[bool, typer.Option("--strikt", help="Låt även varningar ge slutkod 1.")] = False,
) -> None:
    """Validera programmet, uppföljningarna och sammanställningarna.

    Slutkod 0: inga fel, 1: fel hittades, 2: kunde inte köras."""
    from valdsprogram import ValdsprogramError, render_validation, validate, validate_paths

    try:
        result = validate_paths(
            program,
            paths or [],
            followups=uppfoljning,
            compilations=sammanstallning,
            required=required(uppfoljning),
            base=Path.cwd(),
        )
    except ValdsprogramError:
        if format is not ValidationFormat.TEXT:  # a CI job's report file must still be valid JSON (or annotations)
            typer.echo(render_validation(validate(program, [], base=Path.cwd()), format), nl=False)
        raise
    typer.echo(render_validation(result, format), nl=False)
    failed = result.error_count > 0 or (strikt and result.warning_count > 0)
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)
