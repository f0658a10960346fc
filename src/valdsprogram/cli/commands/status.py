"""`valdsprogram status`."""

from pathlib import Path
from typing import Annotated

import typer

from valdsprogram.cli.options import (
    EXIT_FINDINGS,
    FollowUpOption,
    NoHistoryOption,
    OnlyReportingOption,
    ProgramOption,
    complete,
)
from valdsprogram.cli.output import last_commits, show, usage_errors, workspace_for
from valdsprogram.output.formats import StatusFormat


def status(
    *,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            help="Bara denna period; slutkod 1 om någon förväntad rapport saknas eller har fel.",
            metavar="PERIOD",
            autocompletion=complete("period"),
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        StatusFormat,
        typer.Option("--format", "-f", help="Tabell i terminalen, JSON, eller CSV (en rad per organ och period)."),
    ] = StatusFormat.TEXT,
    bara_rapporterande: OnlyReportingOption = False,
    utan_historik: NoHistoryOption = False,
    program: ProgramOption = Path("program.yaml"),
    uppfoljning: FollowUpOption = Path("uppfoljning"),
) -> None:
    """Vilka organ som rapporterat vilka perioder: rapporterad, rapporterad med fel, saknas eller förväntas inte.

    När uppföljningarna ligger i git visas också när varje uppföljning senast ändrades, av vem och i vilken
    incheckning (i tabellen för den sista perioden)."""
    from valdsprogram import render_status, status_matrix
    from valdsprogram.output import terminal

    with usage_errors():
        workspace = workspace_for(program, uppfoljning)
        periods = [workspace.period(period)] if period is not None else None
        changes = {} if utan_historik else last_commits(uppfoljning)
        table = status_matrix(workspace, periods, only_reporting=bara_rapporterande, changes=changes)
    if format is StatusFormat.CSV:
        typer.echo(render_status(table, format), nl=False)
    else:
        show(terminal.matrix_data(table), terminal.matrix_view(table) if format is StatusFormat.TEXT else None)
    if period is not None and not table.complete(table.periods[0]):
        raise typer.Exit(EXIT_FINDINGS)
