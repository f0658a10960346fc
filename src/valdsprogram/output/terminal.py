"""Terminal views: rich renderables for `visa` and `status`, built from the plain data in `lookup`, and their text
as the terminal shows it (`plain_text`); nothing is printed here.

Every piece of data goes in as `Text`, never as a string: rich reads strings as markup, so a name holding
`[/i]` would crash, `[se bilaga]` would vanish and `[link=…]` would become a link. Control characters are
shown as escapes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from valdsprogram.controls import visible
from valdsprogram.git.worktree import UNCOMMITTED
from valdsprogram.report.lookup import Data
from valdsprogram.report.status_matrix import SYMBOLS, Matrix, Row, State


@dataclass(frozen=True, slots=True)
class Screen:
    """Where a table is shown: how wide it is, and whether it carries the terminal's colours."""

    width: int | None = 100
    """Characters; None: as wide as the terminal the tool runs in, as rich measures it on the screen."""
    colour: bool = False
    """The terminal's escape codes, as rich chooses them for it (none under NO_COLOR or TERM=dumb)."""


def plain_text(renderable: RenderableType, screen: Screen) -> str:
    """What the terminal shows of a renderable on `screen`."""
    out = io.StringIO()
    if screen.colour:
        console = Console(file=out, width=screen.width, soft_wrap=False, force_terminal=True)
    else:
        console = Console(file=out, width=screen.width, color_system=None, soft_wrap=False)
    console.print(renderable)
    return out.getvalue()


def _text(value: object, style: str = "") -> Text:
    return Text(visible(str(value)), style=style)


def _row(table: Table, *cells: RenderableType) -> None:
    """A table row whose text cells are plain text, never markup."""
    table.add_row(*(_text(cell) if isinstance(cell, str) else cell for cell in cells))


def goals_table(rows: list[Data]) -> RenderableType:
    table = Table(title="Programmets mål", title_justify="left")
    table.add_column("Id", no_wrap=True)
    table.add_column("Mål")
    table.add_column("Aktiviteter", justify="right")
    table.add_column("Indikatorer", justify="right")
    for row in rows:
        _row(table, row["id"], row["titel"], str(row["aktiviteter"]), str(row["indikatorer"]))
    return table


def revisions_view(data: Data) -> RenderableType:
    if not data["revisioner"]:
        return _text("Programmet har inga revisioner: det gäller i ursprunglig lydelse.")
    title = "Programmets revisioner" + (f" (per {data['per']}: {data['lydelse']})" if data["per"] else "")
    table = Table(title=title, title_justify="left")
    for name in ("Gäller från", "Beslut", "Ändringar"):
        table.add_column(name, no_wrap=name == "Gäller från")
    for r in data["revisioner"]:
        decision = r["beslut"] + (" (utkast)" if r["utkast"] else "")
        _row(table, r["datum"], decision, "\n".join(f"• {line}" for line in r["andringar"]))
    return table


def goal_view(data: Data) -> RenderableType:
    per = f" (per {data['per']})" if data["per"] else ""
    parts: list[RenderableType] = [_text(f"{data['id']} {data['titel']}{per}", style="bold")]
    if data["pa_plats"]:
        parts.append(Text("Vad som behöver vara på plats:"))
        parts += [_text(f"  • {line}") for line in data["pa_plats"]]
    activities = Table(title="Aktiviteter", title_justify="left")
    for name in ("Id", "Aktivitet", "Ansvariga"):
        activities.add_column(name, no_wrap=name == "Id")
    for a in data["aktiviteter"]:
        _row(activities, a["id"], a["text"], _responsible(a["ansvariga"]))
    indicators = Table(title="Indikatorer", title_justify="left")
    for name in ("Id", "Indikator", "Enhet", "Periodicitet", "Riktning", "Ansvariga"):
        indicators.add_column(name, no_wrap=name == "Id")
    for i in data["indikatorer"]:
        responsible = _responsible(i["ansvariga"])
        _row(indicators, i["id"], i["text"], i["enhet"], i["periodicitet"], i["riktning"], responsible)
    return Group(*parts, activities, indicators)


def item_view(data: Data) -> RenderableType:
    """An activity or indicator: its facts, then the bodies responsible on the period's last day."""
    facts = Table.grid(padding=(0, 2))
    _row(facts, Text("Id", style="bold"), data["id"])
    _row(facts, Text("Mål", style="bold"), f"{data['mal']['id']} {data['mal']['titel']}")
    _row(facts, Text("Text", style="bold"), data["text"])
    for key, label in (("enhet", "Enhet"), ("periodicitet", "Periodicitet"), ("riktning", "Riktning")):
        if key in data:
            _row(facts, Text(label, style="bold"), str(data[key]))
    _row(facts, Text("Ansvariga", style="bold"), _responsible(data["ansvariga"]))
    if data["fran"] or data["till"]:
        _row(facts, Text("Ingår", style="bold"), f"{data['fran'] or '…'} – {data['till'] or '…'}")
    _row(facts, Text("Källa", style="bold"), data["kalla"] + (" (utkast)" if data["utkast"] else ""))
    if not data["i_kraft"]:
        _row(facts, Text("Obs", style="bold"), f"Ingår inte i programmet per {data['per']}.")
    period = f" ({data['period']})" if data["period"] else ""
    bodies = Table(title=_text(f"Ansvariga organ per {data['per']}{period}"), title_justify="left")
    bodies.add_column("Id", no_wrap=True)
    bodies.add_column("Organ")
    for b in data["ansvariga_organ"]:
        _row(bodies, b["id"], b["namn"])
    return Group(facts, bodies)


def _responsible(entries: list[str | Data]) -> str:
    """`ansvariga` as a reader reads it: `aldrenamnden, alla-stadsdelsnamnder till 2023-12-31`."""
    texts = []
    for entry in entries:
        if isinstance(entry, str):
            texts.append(entry)
            continue
        dates = [f"från {entry['fran']}"] if entry["fran"] else []
        dates += [f"till {entry['till']}"] if entry["till"] else []
        texts.append(" ".join([entry["organ"], *dates]))
    return ", ".join(texts)


def bodies_view(data: Data) -> RenderableType:
    bodies = Table(title="Organ", title_justify="left")
    for name in ("Id", "Namn", "Typ", "Från", "Till", "Ersatt av"):
        bodies.add_column(name, no_wrap=name in ("Id", "Från", "Till"))
    for b in data["organ"]:
        _row(bodies, b["id"], b["namn"], b["typ"], b["fran"] or "", b["till"] or "", b["ersatts_av"] or "")
    groups = Table(title="Grupper", title_justify="left")
    for name in ("Id", "Namn", "Omfattar"):
        groups.add_column(name, no_wrap=name == "Id")
    for g in data["grupper"]:
        _row(groups, g["id"], g["namn"], ", ".join([*g["typer"], *g["medlemmar"]]))
    return Group(bodies, groups)


def body_view(data: Data) -> RenderableType:
    facts = Table.grid(padding=(0, 2))
    _row(facts, Text("Organ", style="bold"), f"{data['namn']} ({data['id']}), {data['typ']}")
    if data["fran"] or data["till"]:
        _row(facts, Text("Finns", style="bold"), f"{data['fran'] or '…'} – {data['till'] or '…'}")
    if data["ersatte"]:
        _row(facts, Text("Ersatte", style="bold"), ", ".join(data["ersatte"]))
    if data["ersatts_av"]:
        _row(facts, Text("Ersatt av", style="bold"), data["ersatts_av"])
    _row(facts, Text("Grupper", style="bold"), ", ".join(data["grupper"]) or "–")
    if not data["finns"]:
        _row(facts, Text("Obs", style="bold"), f"Organet finns inte per {data['per']}.")
    activities = Table(title=_text(f"Aktiviteter per {data['per']} ({data['period']})"), title_justify="left")
    for name in ("Id", "Mål", "Aktivitet"):
        activities.add_column(name, no_wrap=name != "Aktivitet")
    for a in data["aktiviteter"]:
        _row(activities, a["id"], a["mal"], a["text"])
    indicators = Table(title=_text(f"Indikatorer per {data['per']} ({data['period']})"), title_justify="left")
    for name in ("Id", "Mål", "Indikator", "Enhet", f"Rapporteras {data['period']}"):
        indicators.add_column(name, no_wrap=name in ("Id", "Mål"))
    for i in data["indikatorer"]:
        _row(indicators, i["id"], i["mal"], i["text"], i["enhet"], "ja" if i["rapporteras"] else "nej")
    return Group(facts, activities, indicators)


def matrix_data(table: Matrix) -> Data:
    """The reporting matrix as JSON-ready data."""
    return {
        "perioder": [str(p) for p in table.periods],
        "organ": [
            {
                "id": row.body.id,
                "namn": row.body.namn,
                "status": {str(p): s.value for p, s in zip(table.periods, row.states, strict=True)},
                **({"andrad": _changed(table, row)} if table.changes or table.uncommitted else {}),
            }
            for row in table.rows
        ],
        "saknas": {str(p): [b.id for b in table.missing(p)] for p in table.periods},
        "med_fel": {str(p): [b.id for b in table.with_errors(p)] for p in table.periods},
    }


def _changed(table: Matrix, row: Row) -> Data:
    """Per period with a follow-up in git: when it was last committed, by whom, in which commit, and whether it has
    changes since that are not committed (`inte_incheckad`; the commit fields are null for a file never committed)."""
    found: Data = {}
    for period in table.periods:
        commit = table.changed(row.body.id, period)
        edited = table.edited(row.body.id, period)
        if commit is not None or edited:
            found[str(period)] = {
                "datum": commit.date if commit else None,
                "av": commit.author if commit else None,
                "incheckning": commit.short if commit else None,
                "rubrik": commit.subject if commit else None,
                "inte_incheckad": edited,
            }
    return found


def matrix_view(table: Matrix) -> RenderableType:
    """Bodies × periods, with words for missing reports (never colour alone), and a summary line per period."""
    grid = Table(
        title="Rapporterade uppföljningar",
        title_justify="left",
        caption="✓ rapporterad, fel = rapporterad med fel, saknas = förväntad men saknas, – förväntas inte",
        caption_justify="left",
    )
    grid.add_column("Organ")
    for period in table.periods:
        grid.add_column(str(period), justify="center", no_wrap=True)
    for row in table.rows:
        if all(s is State.NOT_EXPECTED for s in row.states):
            continue
        _row(grid, row.body.namn, *[SYMBOLS[s] for s in row.states])
    lines: list[RenderableType] = [grid]
    for period in table.periods:
        missing, broken = table.missing(period), table.with_errors(period)
        if missing:
            count = "1 rapport saknas" if len(missing) == 1 else f"{len(missing)} rapporter saknas"
            lines.append(_text(f"{period}: {count}: " + ", ".join(b.namn for b in missing) + "."))
        if broken:
            count = "1 rapport har fel" if len(broken) == 1 else f"{len(broken)} rapporter har fel"
            names = ", ".join(b.namn for b in broken)
            lines.append(_text(f"{period}: {count}: {names} (se valdsprogram validera)."))
        if not missing and not broken:
            lines.append(Text(f"{period}: inga rapporter saknas."))
    return Group(*lines, *_last_changes(table))


def _last_changes(table: Matrix) -> list[RenderableType]:
    """When each follow-up of the last period was last changed in git; one date per cell would not fit the matrix
    (JSON and CSV have every period)."""
    if not (table.changes or table.uncommitted) or not table.periods:
        return []
    last = table.periods[-1]
    known = [(row.body.namn, table.changed(row.body.id, last), table.edited(row.body.id, last)) for row in table.rows]
    grid = Table(title=f"Senast ändrade i git, {last}", title_justify="left")
    for title in ("Organ", "Ändrad", "Incheckning", "Av"):
        grid.add_column(title, no_wrap=title in ("Ändrad", "Incheckning"))
    for name, commit, edited in known:
        if edited:  # who changed it since, git cannot say
            _row(grid, name, UNCOMMITTED, f"senast {commit.short}" if commit else "aldrig", "–")
        elif commit is not None:
            _row(grid, name, commit.date, commit.short, commit.author)
    return [Text(""), grid] if grid.row_count else []
