"""The command line: parses options, calls the core, prints, and sets the exit code. The only Typer module.

Core modules are imported inside the commands so that `--help` stays fast.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from valdsprogram import __version__

if TYPE_CHECKING:
    from valdsprogram.index import ProgramIndex

app = typer.Typer(
    name="valdsprogram",
    help="Stockholms stads program mot våld 2021–2025 som data: validera program och uppföljningar.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class Format(enum.StrEnum):
    """Mirror of `formats.OutputFormat`, so that importing the core waits until a command runs."""

    text = "text"
    json = "json"
    github = "github"
    gitlab = "gitlab"


ProgramOption = Annotated[
    Path, typer.Option("--program", "-p", help="Programfilen.", show_default=True, dir_okay=False)
]
FollowUpOption = Annotated[
    Path,
    typer.Option("--uppfoljning", "-u", help="Mappen med uppföljningar.", show_default=True, file_okay=False),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"valdsprogram {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", help="Visa versionen och avsluta.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """Stockholms stads program mot våld 2021–2025 som data."""


def _fail(message: str) -> typer.Exit:
    typer.echo(f"valdsprogram: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


@app.command("validera")
def validera(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Filer eller mappar att validera (standard: programmet och hela uppföljningsmappen).",
            show_default=False,
        ),
    ] = None,
    *,
    program: ProgramOption = Path("program.yaml"),
    uppfoljning: FollowUpOption = Path("uppfoljning"),
    format: Annotated[Format, typer.Option("--format", "-f", help="Utdataformat.")] = Format.text,
    strikt: Annotated[bool, typer.Option("--strikt", help="Låt även varningar ge slutkod 1.")] = False,
) -> None:
    """Validera programmet och uppföljningarna. Slutkod 0: inga fel, 1: fel hittades, 2: kunde inte köras."""
    from valdsprogram.formats import RENDERERS, OutputFormat
    from valdsprogram.sources import expand, followup_files
    from valdsprogram.validation import validate

    if not program.is_file():
        raise _fail(f"hittar inte programfilen {program}. Ange den med --program.")
    files = expand(paths, program) if paths else followup_files(uppfoljning)
    result = validate(program, files, base=Path.cwd())
    typer.echo(RENDERERS[OutputFormat(format.value)](result), nl=False)
    failed = result.errors > 0 or (strikt and result.warnings > 0)
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


@app.command("mall")
def mall(
    organ: Annotated[str, typer.Argument(help="Organets id, till exempel sdn-sodermalm.", show_default=False)],
    period: Annotated[str, typer.Argument(help="Perioden, till exempel 2024-T2.", show_default=False)],
    *,
    program: ProgramOption = Path("program.yaml"),
    uppfoljning: FollowUpOption = Path("uppfoljning"),
    skriv_over: Annotated[bool, typer.Option("--skriv-over", help="Ersätt en befintlig fil.")] = False,
) -> None:
    """Skriv en förifylld uppföljning för ett organ och en period. Skriver aldrig över utan --skriv-over."""
    from valdsprogram.prefill import PrefillError, prefill
    from valdsprogram.writing import WriteRefused, write_atomic

    index = _program_index(program)
    try:
        result = prefill(index, organ, period, uppfoljning)
    except PrefillError as error:
        raise _fail(str(error)) from None
    try:
        write_atomic(result.path, result.text, overwrite=skriv_over)
    except WriteRefused as error:
        typer.echo(f"valdsprogram: {error} Ange --skriv-over för att ersätta den.", err=True)
        raise typer.Exit(EXIT_FINDINGS) from None
    carried = f" Status och årsmål från {result.carried_from}." if result.carried_from else ""
    typer.echo(f"Skrev {result.path.as_posix()}.{carried} Fyll i den och kör `valdsprogram validera`.")


def _program_index(program: Path) -> ProgramIndex:
    """The validated program, or exit 2 with its problems: a command cannot work from a broken program."""
    from valdsprogram.formats import render_text
    from valdsprogram.validation import Validation, load_program

    if not program.is_file():
        raise _fail(f"hittar inte programfilen {program}. Ange den med --program.")
    loaded = load_program(program)
    errors = [d for d in loaded.diagnostics if d.severity.value == "fel"]
    if loaded.index is None or errors:
        typer.echo(render_text(Validation(errors, 1)), err=True, nl=False)
        raise _fail(f"{program} har fel; rätta dem först (valdsprogram validera).")
    return loaded.index


@app.command("schema")
def schema(
    mapp: Annotated[Path, typer.Option("--mapp", help="Mappen schemana skrivs till.", file_okay=False)] = Path(
        "schema"
    ),
) -> None:
    """Skriv JSON-scheman för program och uppföljningar (för autokomplettering i editorn)."""
    from valdsprogram.schema import all_schemas
    from valdsprogram.writing import WriteRefused, write_atomic

    for name, text in all_schemas().items():
        target = mapp / name
        try:
            write_atomic(target, text, overwrite=True)
        except WriteRefused as error:
            raise _fail(str(error)) from None
        typer.echo(f"Skrev {target.as_posix()}")


def main() -> None:
    """Console-script entry point."""
    app()
