"""`valdsprogram mall`: a pre-filled follow-up (YAML or workbook) or socialnämnden's compilation, never over a file."""

from pathlib import Path
from typing import Annotated

import typer

from valdsprogram import TemplateFormat
from valdsprogram.cli.options import (
    CompilationOption,
    FollowUpOption,
    OverwriteOption,
    ProgramOption,
    file_path,
    id_argument,
    shown_path,
)


def mall(
    organ: Annotated[
        str,
        id_argument(
            "organ", "Organets id, till exempel sdn-sodermalm; `sammanstallning` för socialnämndens sammanställning."
        ),
    ],
    period: Annotated[
        str,
        id_argument("period", "Perioden, till exempel 2024-T2."),
    ],
    *,
    format: Annotated[
        TemplateFormat,
        typer.Option(
            "--format", "-f", help="En YAML-fil, eller en Excel-arbetsbok att fylla i och läsa in med importera."
        ),
    ] = TemplateFormat.YAML,
    utfil: Annotated[
        Path | None,
        typer.Option(
            "--utfil",
            "-o",
            help="Filen att skriva (standard: uppfoljning/PERIOD/ORGAN.yaml, eller ORGAN-PERIOD.xlsx).",
            show_default=False,
            parser=file_path,
        ),
    ] = None,
    program: ProgramOption = Path("program.yaml"),
    uppfoljning: FollowUpOption = Path("uppfoljning"),
    sammanstallning: CompilationOption = None,
    skriv_over: OverwriteOption = False,
) -> None:
    """Skriv en förifylld uppföljning för ett organ och en period, eller (`mall sammanstallning PERIOD`)
    socialnämndens sammanställning med periodens nyckeltal. Skriver aldrig över utan --skriv-over.

    Som arbetsbok (--format xlsx) innehåller uppföljningen organets inlämnade värden för perioden, om de finns,
    så att de kan rättas i Excel.
    """
    from valdsprogram import followup_workbook, open_workspace, prefilled_yaml, write_atomic

    # mall writes the first file, so the follow-up folder may be missing
    workspace = open_workspace(program, uppfoljning, base=Path.cwd(), compilations=sammanstallning)
    if format is TemplateFormat.XLSX:
        book = followup_workbook(workspace, organ, period)
        target = utfil or book.path
        write_atomic(target, book.data, overwrite=skriv_over)
        source = (
            f" Med den inlämnade uppföljningen för {book.period}."
            if book.filed
            else (f" Status och årsmål från {book.carried_from}." if book.carried_from else "")
        )
        typer.echo(
            f"Skrev {shown_path(target)}.{source} Fyll i den i Excel och läs in den med "
            f"`valdsprogram importera {target.as_posix()}`."
        )
        return
    result = prefilled_yaml(workspace, organ, period, folder=uppfoljning)
    target = utfil or result.path
    write_atomic(target, result.text, overwrite=skriv_over)
    carried = f" Status och årsmål från {result.carried_from}." if result.carried_from else ""
    typer.echo(f"Skrev {shown_path(target)}.{carried} Fyll i den och kör `valdsprogram validera`.")
    if not result.schema.is_file():
        folder = result.schema.parent.as_posix()
        typer.echo(
            f"Editorn hittar inget schema i {folder}/ för att komplettera och kontrollera filen; "
            f"skriv det med `valdsprogram schema --mapp {folder}`."
        )
