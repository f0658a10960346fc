"""`valdsprogram visa`."""

from pathlib import Path
from typing import Annotated

import typer

from valdsprogram.cli.frame import SwedishCommand, SwedishGroup
from valdsprogram.cli.options import (
    DateOption,
    FollowUpOption,
    PeriodOption,
    ProgramOption,
    ViewFormatOption,
    id_argument,
)
from valdsprogram.cli.output import show, usage_errors, when, workspace_for
from valdsprogram.output.formats import ViewFormat

visa = typer.Typer(
    cls=SwedishGroup,
    help="Slå upp mål, aktiviteter, indikatorer och organ i programmet.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@visa.command("mal", cls=SwedishCommand)
def visa_mal(
    mal: Annotated[
        str | None,
        id_argument("mal", "Målets id, till exempel M1; utelämnas för alla mål.", metavar="MÅL"),
    ] = None,
    *,
    datum: DateOption = None,
    format: ViewFormatOption = ViewFormat.TEXT,
    program: ProgramOption = Path("program.yaml"),
) -> None:
    """Programmets mål, eller ett mål med sina aktiviteter och indikatorer (med --datum: de som gällde då)."""
    from valdsprogram.output import terminal
    from valdsprogram.report import lookup

    with usage_errors():
        workspace = workspace_for(program, None)
        index = workspace.index
        on = workspace.day(datum)[1] if datum is not None else None
        if mal is None:
            rows = lookup.goals(index)
            show(rows, terminal.goals_table(rows) if format is ViewFormat.TEXT else None)
        else:
            data = lookup.goal(index, mal, on)
            show(data, terminal.goal_view(data) if format is ViewFormat.TEXT else None)


@visa.command("revisioner", cls=SwedishCommand)
def visa_revisioner(
    *,
    datum: DateOption = None,
    format: ViewFormatOption = ViewFormat.TEXT,
    program: ProgramOption = Path("program.yaml"),
) -> None:
    """Besluten som ändrat programmet, äldst först (med --datum: vilken lydelse som gällde då)."""
    from valdsprogram.output import terminal
    from valdsprogram.report import lookup

    with usage_errors():
        workspace = workspace_for(program, None)
        on = workspace.day(datum)[1] if datum is not None else None
        data = lookup.revisions(workspace.index, on)
        show(data, terminal.revisions_view(data) if format is ViewFormat.TEXT else None)


@visa.command("aktivitet", cls=SwedishCommand)
def visa_aktivitet(
    aktivitet: Annotated[
        str,
        id_argument("aktivitet", "Aktivitetens id, till exempel A1.1."),
    ],
    *,
    period: PeriodOption = None,
    datum: DateOption = None,
    format: ViewFormatOption = ViewFormat.TEXT,
    program: ProgramOption = Path("program.yaml"),
    uppfoljning: FollowUpOption = Path("uppfoljning"),
) -> None:
    """En aktivitet och vilka organ som är ansvariga för den under perioden (eller en dag)."""
    _show_item("aktivitet", aktivitet, period, datum, format, program, uppfoljning)


@visa.command("indikator", cls=SwedishCommand)
def visa_indikator(
    indikator: Annotated[
        str,
        id_argument("indikator", "Indikatorns id, till exempel I1.1."),
    ],
    *,
    period: PeriodOption = None,
    datum: DateOption = None,
    format: ViewFormatOption = ViewFormat.TEXT,
    program: ProgramOption = Path("program.yaml"),
    uppfoljning: FollowUpOption = Path("uppfoljning"),
) -> None:
    """En indikator och vilka organ som rapporterar den under perioden (eller en dag)."""
    _show_item("indikator", indikator, period, datum, format, program, uppfoljning)


def _show_item(
    kind: str, ident: str, period: str | None, datum: str | None, fmt: ViewFormat, program: Path, folder: Path
) -> None:
    """`visa aktivitet` and `visa indikator`: the item and who is responsible for it in the period or on a day."""
    from valdsprogram.output import terminal
    from valdsprogram.report import lookup

    find = lookup.activity if kind == "aktivitet" else lookup.indicator
    with usage_errors():
        workspace = workspace_for(program, folder)
        chosen, on = when(workspace, period, datum)
        data = find(workspace.index, ident, chosen, on)
    show(data, terminal.item_view(data) if fmt is ViewFormat.TEXT else None)


@visa.command("organ", cls=SwedishCommand)
def visa_organ(
    organ: Annotated[
        str | None,
        id_argument("organ", "Organets id; utelämnas för alla organ och grupper."),
    ] = None,
    *,
    period: PeriodOption = None,
    datum: DateOption = None,
    format: ViewFormatOption = ViewFormat.TEXT,
    program: ProgramOption = Path("program.yaml"),
    uppfoljning: FollowUpOption = Path("uppfoljning"),
) -> None:
    """Alla organ och grupper (och vem som ersatt vem), eller ett organ och allt det ansvarar för."""
    from valdsprogram.output import terminal
    from valdsprogram.report import lookup

    with usage_errors():
        workspace = workspace_for(program, uppfoljning)
        if organ is None:
            everything = lookup.bodies(workspace.index)
            show(everything, terminal.bodies_view(everything) if format is ViewFormat.TEXT else None)
            return
        chosen, on = when(workspace, period, datum)
        data = lookup.body(workspace.index, organ, chosen, on)
    show(data, terminal.body_view(data) if format is ViewFormat.TEXT else None)
