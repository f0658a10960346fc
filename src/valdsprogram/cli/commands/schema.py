"""`valdsprogram schema`: the JSON Schemas for editors written, leaving those already current untouched."""

from pathlib import Path
from typing import Annotated

import typer

from valdsprogram.cli.options import OverwriteOption, shown_path


def schema(
    mapp: Annotated[
        Path, typer.Option("--mapp", help="Mappen schemana skrivs till.", file_okay=False, metavar="MAPP")
    ] = Path("schema"),
    skriv_over: OverwriteOption = False,
) -> None:
    """Skriv JSON-scheman för program och uppföljningar (för autokomplettering i editorn).

    Ett schema som redan är aktuellt lämnas orört; ett som skiljer sig ersätts bara med --skriv-over."""
    from valdsprogram import changed_schemas, check_targets, write_atomic

    changed = changed_schemas(mapp)
    check_targets(list(changed), overwrite=skriv_over)
    for target, text in changed.items():
        write_atomic(target, text, overwrite=skriv_over)
        typer.echo(f"Skrev {shown_path(target)}")
    if not changed:
        typer.echo(f"Schemana i {mapp.as_posix()}/ är redan aktuella.")
