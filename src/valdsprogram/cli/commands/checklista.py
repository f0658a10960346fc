"""`valdsprogram checklista`: what one body (or, with --alla, every body) must do and report in a period."""

from pathlib import Path
from typing import Annotated

import typer

from valdsprogram import DocumentFormat
from valdsprogram.cli.options import (
    DocumentFormatOption,
    FollowUpOption,
    OverwriteOption,
    PeriodOption,
    ProgramOption,
    TemplatesOption,
    file_path,
    id_argument,
    shown_path,
)
from valdsprogram.cli.output import emit, no_pdf_to_terminal, required


def checklista(
    organ: Annotated[
        str | None,
        id_argument("organ", "Organets id, till exempel sdn-sodermalm (utelämnas med --alla)."),
    ] = None,
    *,
    period: PeriodOption = None,
    format: DocumentFormatOption = DocumentFormat.MD,
    utfil: Annotated[
        str | None,
        typer.Option(
            "--utfil", "-o", help="Skriv till filen (med --alla: mappen) i stället för till terminalen.", metavar="FIL"
        ),
    ] = None,
    alla: Annotated[bool, typer.Option("--alla", help="En checklista per organ som finns under perioden.")] = False,
    mallar: TemplatesOption = None,
    program: ProgramOption = Path("program.yaml"),
    uppfoljning: FollowUpOption = Path("uppfoljning"),
    skriv_over: OverwriteOption = False,
) -> None:
    """Vad ett organ ska göra och rapportera, mål för mål: aktiviteter, indikatorer och rapporteringstillfällen."""
    from valdsprogram import (
        ValdsprogramError,
        build_checklist,
        check_targets,
        open_workspace,
        render_checklist,
        write_all,
    )

    if alla == (organ is not None):
        raise ValdsprogramError("ange antingen ett organ eller --alla.")
    if format is DocumentFormat.PDF and utfil is None and not alla:
        no_pdf_to_terminal()
    workspace = open_workspace(program, uppfoljning, base=Path.cwd(), required=required(uppfoljning))
    chosen = workspace.period(period)
    organs = [b.id for b in workspace.bodies_in(chosen)] if alla else [str(organ)]
    documents = {
        name: render_checklist(build_checklist(workspace, name, chosen), format, templates=mallar) for name in organs
    }
    if not alla:
        emit(documents[str(organ)], None if utfil is None else file_path(utfil), overwrite=skriv_over)
        return
    folder = Path(utfil or "checklistor")
    targets = {folder / f"{name}-{chosen}.{format.value}": document for name, document in documents.items()}
    check_targets(list(targets), overwrite=skriv_over)
    write_all(targets, overwrite=skriv_over)  # all or none: a full disk leaves no checklist of the batch
    typer.echo(f"Skrev {len(documents)} checklistor för {chosen} till {shown_path(folder)}/.")
