"""`valdsprogram status`: who has reported which period, with git's last change; exit 1 when a period is incomplete."""

from pathlib import Path
from typing import Annotated

import typer

from valdsprogram import StatusFormat
from valdsprogram.cli.options import (
    EXIT_FINDINGS,
    FollowUpOption,
    NoHistoryOption,
    OnlyReportingOption,
    ProgramOption,
    complete,
)
from valdsprogram.cli.output import on_screen, required


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
    from valdsprogram import last_changes, open_workspace, render_status, status_matrix, uncommitted_followups

    workspace = open_workspace(program, uppfoljning, base=Path.cwd(), required=required(uppfoljning))
    periods = [workspace.period(period)] if period is not None else None
    changes = {} if utan_historik else last_changes(uppfoljning)
    edited = frozenset() if utan_historik else uncommitted_followups(uppfoljning)
    table = status_matrix(workspace, periods, only_reporting=bara_rapporterande, changes=changes, uncommitted=edited)
    typer.echo(render_status(table, format, width=None, colour=on_screen()), nl=False)
    if period is not None and not table.complete(table.periods[0]):
        raise typer.Exit(EXIT_FINDINGS)
