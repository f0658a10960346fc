"""A bare six-command Typer app, configured like valdsprogram's: the floor for `valdsprogram --help`.

Run: python bench/bare_typer_app.py --help
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    name="bar",
    help="En app med sex kommandon och inget annat: golvet för hur snabbt --help kan gå.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)

FileOption = Annotated[Path, typer.Option("--fil", "-f", help="En fil.", dir_okay=False)]
FolderOption = Annotated[Path, typer.Option("--mapp", "-m", help="En mapp.", file_okay=False)]


@app.command("ett")
def one(
    paths: Annotated[list[Path] | None, typer.Argument(help="Sökvägar.")] = None, *, fil: FileOption = Path("a")
) -> None:
    """Det första kommandot."""
    typer.echo(f"{paths} {fil}")


@app.command("tva")
def two(namn: Annotated[str, typer.Argument(help="Ett namn.")], *, mapp: FolderOption = Path("b")) -> None:
    """Det andra kommandot."""
    typer.echo(f"{namn} {mapp}")


@app.command("tre")
def three(*, strikt: Annotated[bool, typer.Option("--strikt", help="Strikt.")] = False) -> None:
    """Det tredje kommandot."""
    typer.echo(str(strikt))


@app.command("fyra")
def four(*, fil: FileOption = Path("c"), mapp: FolderOption = Path("d")) -> None:
    """Det fjärde kommandot."""
    typer.echo(f"{fil} {mapp}")


@app.command("fem")
def five(period: Annotated[str, typer.Argument(help="En period.")], *, antal: int = 1) -> None:
    """Det femte kommandot."""
    typer.echo(f"{period} {antal}")


@app.command("sex")
def six(*, format: Annotated[str, typer.Option("--format", help="Format.")] = "text") -> None:
    """Det sjätte kommandot."""
    typer.echo(format)


if __name__ == "__main__":
    app()
