"""`valdsprogram rapport`: the city-wide follow-up of a period: a document (md, html, pdf) or data (json, csv, xlsx)."""

from pathlib import Path
from typing import Annotated

import typer

from valdsprogram import ReportFormat
from valdsprogram.cli.options import (
    CompilationOption,
    FollowUpOption,
    NoHistoryOption,
    OnlyReportingOption,
    OverwriteOption,
    PeriodOption,
    ProgramOption,
    TemplatesOption,
    file_path,
    shown_path,
)
from valdsprogram.cli.output import emit, no_pdf_to_terminal, required


def rapport(
    *,
    period: PeriodOption = None,
    format: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            help="Markdown, HTML, PDF (kräver pip install 'valdsprogram[pdf]') eller rapportens data: JSON, CSV (en "
            "tabell) eller xlsx (en tabell per blad).",
        ),
    ] = ReportFormat.MD,
    utfil: Annotated[
        Path | None,
        typer.Option(
            "--utfil", "-o", help="Skriv till filen i stället för till terminalen.", metavar="FIL", parser=file_path
        ),
    ] = None,
    trots_fel: Annotated[
        bool, typer.Option("--trots-fel", help="Bygg rapporten även om valideringen hittar fel (det står då överst).")
    ] = False,
    datum: Annotated[
        str | None, typer.Option("--datum", help="Datum att skriva som sammanställningsdag (utelämnas annars).")
    ] = None,
    bara_rapporterande: OnlyReportingOption = False,
    bilagor: Annotated[
        bool, typer.Option("--bilagor", help="Ta med varje organs rapport som bilaga (Markdown, HTML och PDF).")
    ] = False,
    utan_historik: NoHistoryOption = False,
    mallar: TemplatesOption = None,
    program: ProgramOption = Path("program.yaml"),
    uppfoljning: FollowUpOption = Path("uppfoljning"),
    sammanstallning: CompilationOption = None,
    skriv_over: OverwriteOption = False,
) -> None:
    """Den stadsövergripande uppföljningen av en period: Markdown, fristående HTML med diagram, eller JSON."""
    from valdsprogram import (
        ValdsprogramError,
        build_report,
        last_changes,
        open_workspace,
        parse_day,
        render_report,
        uncommitted_followups,
        write_atomic,
    )

    if datum is not None and parse_day(datum) is None:
        raise ValdsprogramError(f"--datum {datum!r} är inget datum; skriv ÅÅÅÅ-MM-DD, till exempel 2025-02-14.")
    workspace = open_workspace(
        program, uppfoljning, base=Path.cwd(), compilations=sammanstallning, required=required(uppfoljning)
    )
    chosen = workspace.period(period)
    data = build_report(
        workspace,
        chosen,
        generated=datum or "",
        only_reporting=bara_rapporterande,
        appendices=bilagor,
        last_commits=last_changes(uppfoljning) if bilagor and not utan_historik else None,
        despite_errors=trots_fel,
        uncommitted=uncommitted_followups(uppfoljning) if bilagor and not utan_historik else frozenset(),
    )
    if format is ReportFormat.XLSX:
        target = utfil or Path(f"rapport-{chosen}.xlsx")
        write_atomic(target, render_report(data, format), overwrite=skriv_over)
        typer.echo(f"Skrev {shown_path(target)}.")
    else:
        if format is ReportFormat.PDF and utfil is None:
            no_pdf_to_terminal()
        emit(render_report(data, format, templates=mallar), utfil, overwrite=skriv_over)
    # Errors in periods the report does not read are named, but the report of its own clean period stands (exit 0):
    # validera and status are where a CI fails on them.
    if note := data.elsewhere_note():
        typer.echo(f"valdsprogram: {note}", err=True)
