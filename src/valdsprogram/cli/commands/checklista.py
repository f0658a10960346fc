"""`valdsprogram checklista`."""

from pathlib import Path
from typing import Annotated

import typer

from valdsprogram.cli.options import (
    DocumentFormatOption,
    FollowUpOption,
    OverwriteOption,
    PeriodOption,
    ProgramOption,
    TemplatesOption,
    id_argument,
)
from valdsprogram.cli.output import (
    as_pdf,
    check_targets,
    emit,
    fail,
    no_pdf_to_terminal,
    usage_errors,
    workspace_for,
    write,
)
from valdsprogram.output.formats import DocumentFormat


def checklista(
    organ: Annotated[
        str | None,
        id_argument("organ", "Organets id, till exempel sdn-sodermalm (utelämnas med --alla)."),
    ] = None,
    *,
    period: PeriodOption = None,
    format: DocumentFormatOption = DocumentFormat.MD,
    utfil: Annotated[
        Path | None,
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
    from valdsprogram import build_checklist, render_checklist

    if alla == (organ is not None):
        raise fail("ange antingen ett organ eller --alla.")
    pdf = format is DocumentFormat.PDF
    if pdf and utfil is None and not alla:
        no_pdf_to_terminal()
    with usage_errors():
        workspace = workspace_for(program, uppfoljning)
        chosen = workspace.period(period)
        organs = [b.id for b in workspace.bodies_in(chosen)] if alla else [str(organ)]
        documents: dict[str, str | bytes] = {}
        for name in organs:
            checklist = build_checklist(workspace, name, chosen)
            if pdf:
                documents[name] = as_pdf(render_checklist(checklist, DocumentFormat.HTML, templates=mallar))
            else:
                documents[name] = render_checklist(checklist, format, templates=mallar)
    if not alla:
        emit(documents[str(organ)], utfil, overwrite=skriv_over)
        return
    folder = utfil or Path("checklistor")
    targets = {folder / f"{name}-{chosen}.{format.value}": document for name, document in documents.items()}
    check_targets(list(targets), overwrite=skriv_over)
    for target, document in targets.items():
        write(target, document, overwrite=skriv_over)
    typer.echo(f"Skrev {len(documents)} checklistor för {chosen} till {folder.as_posix()}/.")
