"""`valdsprogram rapport`."""

from pathlib import Path
from typing import Annotated

import typer

from valdsprogram.cli.options import (
    EXIT_FINDINGS,
    CompilationOption,
    FollowUpOption,
    NoHistoryOption,
    OnlyReportingOption,
    OverwriteOption,
    PeriodOption,
    ProgramOption,
    TemplatesOption,
)
from valdsprogram.cli.output import (
    as_pdf,
    emit,
    fail,
    is_date,
    last_commits,
    no_pdf_to_terminal,
    usage_errors,
    workspace_for,
    write,
)
from valdsprogram.output.formats import ReportFormat


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
        typer.Option("--utfil", "-o", help="Skriv till filen i stället för till terminalen.", metavar="FIL"),
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
    from valdsprogram import build_report, render_report, render_validation, report_workbook

    if datum is not None and not is_date(datum):
        raise fail(f"--datum {datum!r} är inget datum; skriv ÅÅÅÅ-MM-DD, till exempel 2025-02-14.")
    with usage_errors():
        workspace = workspace_for(program, uppfoljning, sammanstallning)
        chosen = workspace.period(period)
        if workspace.errors and not trots_fel:
            typer.echo(render_validation(workspace.validation), err=True, nl=False)
            typer.echo("valdsprogram: uppföljningarna har fel; rätta dem, eller ange --trots-fel.", err=True)
            raise typer.Exit(EXIT_FINDINGS)
        data = build_report(
            workspace,
            chosen,
            generated=datum or "",
            only_reporting=bara_rapporterande,
            appendices=bilagor,
            last_commits=last_commits(uppfoljning) if bilagor and not utan_historik else None,
        )
        if format is ReportFormat.XLSX:
            target = utfil or Path(f"rapport-{chosen}.xlsx")
            write(target, report_workbook(data), overwrite=skriv_over)
            typer.echo(f"Skrev {target.as_posix()}.")
            return
        if format is ReportFormat.PDF:
            if utfil is None:
                no_pdf_to_terminal()
            document: str | bytes = as_pdf(render_report(data, ReportFormat.HTML, templates=mallar))
        else:
            document = render_report(data, format, templates=mallar)
    emit(document, utfil, overwrite=skriv_over)
