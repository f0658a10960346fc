"""`valdsprogram visa`: look-ups in the program: goals, revisions, an activity, an indicator, the bodies."""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from valdsprogram import ViewFormat
from valdsprogram.cli.frame import SwedishCommand, SwedishGroup
from valdsprogram.cli.options import (
    DateOption,
    FollowUpOption,
    PeriodOption,
    ProgramOption,
    ViewFormatOption,
    id_argument,
)
from valdsprogram.cli.output import on_screen, required

if TYPE_CHECKING:
    from valdsprogram import Lookup, Workspace

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
    from valdsprogram import lookup_goals

    _show(lookup_goals(_program(program), mal, date=datum), format)


@visa.command("revisioner", cls=SwedishCommand)
def visa_revisioner(
    *,
    datum: DateOption = None,
    format: ViewFormatOption = ViewFormat.TEXT,
    program: ProgramOption = Path("program.yaml"),
) -> None:
    """Besluten som ändrat programmet, äldst först (med --datum: vilken lydelse som gällde då)."""
    from valdsprogram import lookup_revisions

    _show(lookup_revisions(_program(program), date=datum), format)


def _item_command(kind: str, argument_help: str, lookup: str, doc: str) -> Callable[..., None]:
    """`visa aktivitet` and `visa indikator`, alike but for the kind of item and its look-up."""

    def command(
        ident: Annotated[str, id_argument(kind, argument_help)],
        *,
        period: PeriodOption = None,
        datum: DateOption = None,
        format: ViewFormatOption = ViewFormat.TEXT,
        program: ProgramOption = Path("program.yaml"),
        uppfoljning: FollowUpOption = Path("uppfoljning"),
    ) -> None:
        import valdsprogram

        find = getattr(valdsprogram, lookup)
        _show(find(_with_followups(program, uppfoljning), ident, period=period, date=datum), format)

    command.__doc__ = doc
    return command


visa.command("aktivitet", cls=SwedishCommand)(
    _item_command(
        "aktivitet",
        "Aktivitetens id, till exempel A1.1.",
        "lookup_activity",
        "En aktivitet och vilka organ som är ansvariga för den under perioden (eller en dag).",
    )
)
visa.command("indikator", cls=SwedishCommand)(
    _item_command(
        "indikator",
        "Indikatorns id, till exempel I1.1.",
        "lookup_indicator",
        "En indikator och vilka organ som rapporterar den under perioden (eller en dag).",
    )
)


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
    from valdsprogram import lookup_bodies

    _show(lookup_bodies(_with_followups(program, uppfoljning), organ, period=period, date=datum), format)


def _program(program: Path) -> "Workspace":
    """The program alone: goals and revisions need no follow-ups."""
    from valdsprogram import open_workspace

    return open_workspace(program, None, base=Path.cwd())


def _with_followups(program: Path, folder: Path) -> "Workspace":
    """The program and its follow-ups, whose latest period is the default one."""
    from valdsprogram import open_workspace

    return open_workspace(program, folder, base=Path.cwd(), required=required(folder))


def _show(found: "Lookup", fmt: ViewFormat) -> None:
    from valdsprogram import render_lookup

    typer.echo(render_lookup(found, fmt, width=None, colour=on_screen()), nl=False)
