"""`valdsprogram historik`: a body's follow-ups version by version from git, as the values each changed."""

from pathlib import Path
from typing import Annotated

import typer

from valdsprogram import ViewFormat
from valdsprogram.cli.options import FollowUpOption, ProgramOption, ViewFormatOption, id_argument


def historik(
    organ: Annotated[
        str,
        id_argument(
            "organ", "Organets id; ett organ som ersatts går också, och ett nytt organ tar med föregångarnas filer."
        ),
    ],
    period: Annotated[
        str | None,
        id_argument("period", "Perioden, till exempel 2024-T1; utelämnas för alla perioder."),
    ] = None,
    *,
    format: ViewFormatOption = ViewFormat.TEXT,
    program: ProgramOption = Path("program.yaml"),
    uppfoljning: FollowUpOption = Path("uppfoljning"),
) -> None:
    """En uppföljnings versioner i git: när, vem, vilken incheckning, och vilka värden som ändrades."""
    from valdsprogram import file_history, open_workspace, render_history

    workspace = open_workspace(program, None, base=Path.cwd())
    history = file_history(workspace, organ, period, folder=uppfoljning, base=Path.cwd())
    typer.echo(render_history(history, format), nl=False)
