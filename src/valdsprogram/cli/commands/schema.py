"""`valdsprogram schema`."""

import os
from pathlib import Path
from typing import Annotated

import typer

from valdsprogram.cli.options import OverwriteOption
from valdsprogram.cli.output import check_targets, write


def schema(
    mapp: Annotated[
        Path, typer.Option("--mapp", help="Mappen schemana skrivs till.", file_okay=False, metavar="MAPP")
    ] = Path("schema"),
    skriv_over: OverwriteOption = False,
) -> None:
    """Skriv JSON-scheman för program och uppföljningar (för autokomplettering i editorn).

    Ett schema som redan är aktuellt lämnas orört; ett som skiljer sig ersätts bara med --skriv-over."""
    from valdsprogram.output.schemas import all_schemas

    changed = {mapp / name: text for name, text in all_schemas().items() if not _holds(mapp / name, text)}
    check_targets(list(changed), overwrite=skriv_over)
    for target, text in changed.items():
        write(target, text, overwrite=skriv_over)
        typer.echo(f"Skrev {target.as_posix()}")
    if not changed:
        typer.echo(f"Schemana i {mapp.as_posix()}/ är redan aktuella.")


def _holds(path: Path, text: str) -> bool:
    """Whether `path` is a regular file holding exactly `text` (read no further than that)."""
    import stat

    expected = text.encode("utf-8")
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return False
        with path.open("rb") as handle:
            return handle.read(len(expected) + 1) == expected
    except OSError:
        return False
