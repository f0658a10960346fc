"""`valdsprogram historik`."""

from pathlib import Path
from typing import Annotated

import typer

from valdsprogram.cli.options import FollowUpOption, ProgramOption, ViewFormatOption, id_argument
from valdsprogram.cli.output import fail, usage_errors, workspace_for
from valdsprogram.output.formats import ViewFormat


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
    from valdsprogram.check.validation import shown
    from valdsprogram.git.history import body_files, file_history, history_json, history_text
    from valdsprogram.git.log import GitUnavailable, top_folder
    from valdsprogram.sources import SourceError

    with usage_errors():
        workspace = workspace_for(program, None)
        body = workspace.body(organ)
        chosen = str(workspace.period(period)) if period is not None else None
    ids = [body.id, *(b.id for b in workspace.index.program.organ if b.ersatts_av == body.id)]
    try:
        top_folder(uppfoljning if uppfoljning.is_dir() else Path.cwd())
        files = body_files(uppfoljning, ids, chosen)
        histories = [file_history(path, shown(path, Path.cwd())) for path in files]
    except (GitUnavailable, SourceError) as error:
        raise fail(str(error)) from None
    if format is ViewFormat.JSON:
        typer.echo(history_json(body.id, histories), nl=False)
    elif not histories:
        when = f" för {chosen}" if chosen else ""
        typer.echo(f"Det finns ingen uppföljning från {body.namn}{when} i {uppfoljning.as_posix()}.")
    else:
        typer.echo(history_text(f"{body.namn} ({body.id})", histories), nl=False)
