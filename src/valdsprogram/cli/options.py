"""The options and arguments the commands share, and the exit codes: one definition each, in Swedish."""

import os
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from valdsprogram import DocumentFormat, ViewFormat

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def file_path(value: str) -> Path:
    """`-o`'s value as a file's path. A value ending in a separator (`-o ut/mapp/`) names a folder, which a file
    must not silently be written as: Path would drop the separator and write a file called `mapp`."""
    from valdsprogram import printable_path

    if value.endswith(("/", os.sep)):
        raise typer.BadParameter(f"{printable_path(value)} slutar på {value[-1]} och är en mapp; ange ett filnamn.")
    return Path(value)


def shown_path(path: Path) -> str:
    """A path in a line of output, its control characters written as escapes (`\\x1b`), like diagnostics."""
    from valdsprogram import printable_path

    return printable_path(path.as_posix())


def complete(kind: str) -> Callable[[typer.Context, str], list[tuple[str, str]]]:
    """A shell completion of ids of one kind from the program (`--program`, or program.yaml here)."""

    def complete(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
        from valdsprogram import completion_choices

        program = ctx.params.get("program")
        return completion_choices(program if isinstance(program, Path) else Path("program.yaml"), kind, incomplete)

    return complete


def id_argument(kind: str, help: str, *, metavar: str = "") -> Any:
    """A positional id of one kind (organ, period, mal, aktivitet, indikator), completed from the program."""
    return typer.Argument(help=help, show_default=False, metavar=metavar or kind.upper(), autocompletion=complete(kind))


PeriodOption = Annotated[
    str | None,
    typer.Option(
        "--period",
        help="Perioden, till exempel 2024-T2 (standard: den senaste av programmets perioder som har uppföljningar).",
        show_default=False,
        metavar="PERIOD",
        autocompletion=complete("period"),
    ),
]


DocumentFormatOption = Annotated[
    DocumentFormat,
    typer.Option("--format", "-f", help="Markdown, HTML eller PDF (PDF kräver pip install 'valdsprogram[pdf]')."),
]


ViewFormatOption = Annotated[ViewFormat, typer.Option("--format", "-f", help="Tabeller i terminalen, eller JSON.")]


DateOption = Annotated[
    str | None,
    typer.Option(
        "--datum",
        help="Visa programmet som det såg ut denna dag (ÅÅÅÅ-MM-DD) i stället för per periodens sista dag.",
        show_default=False,
        metavar="DATUM",
    ),
]


OverwriteOption = Annotated[bool, typer.Option("--skriv-over", help="Ersätt befintliga filer.")]


TemplatesOption = Annotated[
    Path | None,
    typer.Option(
        "--mallar",
        help="En mapp med egna Jinja2-mallar som ersätter de inbyggda.",
        file_okay=False,
        exists=True,
        metavar="MAPP",
    ),
]


ProgramOption = Annotated[
    Path, typer.Option("--program", "-p", help="Programfilen.", show_default=True, dir_okay=False, metavar="FIL")
]


FollowUpOption = Annotated[
    Path,
    typer.Option(
        "--uppfoljning", "-u", help="Mappen med uppföljningar.", show_default=True, file_okay=False, metavar="MAPP"
    ),
]


NoHistoryOption = Annotated[
    bool,
    typer.Option(
        "--utan-historik",
        help="Visa inte när varje uppföljning senast ändrades i git (av vem, i vilken incheckning).",
    ),
]


OnlyReportingOption = Annotated[
    bool,
    typer.Option(
        "--bara-rapporterande",
        help="Räkna bara med organ som har minst en uppföljning i mappen (när inte alla organ har sina här).",
    ),
]

DEFAULT_FOLLOWUPS = Path("uppfoljning")

"""Where follow-ups are unless -u names another folder; unlike a folder the user names, it may be missing."""
CompilationOption = Annotated[
    Path | None,
    typer.Option(
        "--sammanstallning",
        help="Mappen med socialnämndens sammanställningar (standard: sammanstallning/ bredvid uppföljningsmappen).",
        show_default=False,
        file_okay=False,
        metavar="MAPP",
    ),
]
