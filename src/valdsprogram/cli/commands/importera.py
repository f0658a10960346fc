"""`valdsprogram importera`."""

from pathlib import Path
from typing import Annotated

import typer

from valdsprogram.cli.options import EXIT_FINDINGS, EXIT_OK, FollowUpOption, OverwriteOption, ProgramOption
from valdsprogram.cli.output import usage_errors, workspace_for, write
from valdsprogram.output.formats import ValidationFormat


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
    from valdsprogram.diagnostics import Validation
    from valdsprogram.forms.xlsx.import_check import check_imported
    from valdsprogram.forms.xlsx.importer import import_workbook
    from valdsprogram.output.validation import RENDERERS

    render = RENDERERS[format]
    with usage_errors():
        imported = import_workbook(
            workspace_for(program, uppfoljning, may_be_missing=True),
            fil,
            uppfoljning,
            schema=program.parent / "schema" / "uppfoljning.schema.json",
            base=Path.cwd(),
        )
    if imported.refused or imported.yaml is None or imported.target is None:
        typer.echo(render(Validation(imported.refused, 1)), nl=False)
        typer.echo(f"valdsprogram: {imported.source} lästes inte in; inget skrevs.", err=True)
        raise typer.Exit(EXIT_FINDINGS)
    target = utfil or imported.target
    write(target, imported.yaml.text, overwrite=skriv_over)
    typer.echo(f"Skrev {target.as_posix()} ur {imported.source}.", err=True)
    result = Validation(check_imported(imported, program, uppfoljning, target, base=Path.cwd()), 1)
    typer.echo(render(result), nl=False)
    raise typer.Exit(EXIT_FINDINGS if result.error_count else EXIT_OK)
