"""What `visa` writes: each look-up as the terminal's tables or as JSON, through one registry of formats."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import RenderableType

from valdsprogram.controls import json_text
from valdsprogram.output import terminal
from valdsprogram.output.formats import ViewFormat
from valdsprogram.report.views import Lookup

LOOKUP_VIEWS: dict[str, Callable[[Any], RenderableType]] = {
    "goals": terminal.goals_table,
    "goal": terminal.goal_view,
    "revisions": terminal.revisions_view,
    "activity": terminal.item_view,
    "indicator": terminal.item_view,
    "bodies": terminal.bodies_view,
    "body": terminal.body_view,
}
"""Each kind of look-up's view in the terminal."""


def _lookup_text(found: Lookup, screen: terminal.Screen) -> str:
    return terminal.plain_text(LOOKUP_VIEWS[found.kind](found.data), screen)


def _lookup_json(found: Lookup, screen: terminal.Screen) -> str:
    return json_text(found.data)


LOOKUP_RENDERERS: dict[ViewFormat, Callable[[Lookup, terminal.Screen], str]] = {
    ViewFormat.TEXT: _lookup_text,
    ViewFormat.JSON: _lookup_json,
}
"""`visa --format`: each format's renderer; only the tables use the screen."""


def render_lookup(
    found: Lookup, fmt: ViewFormat = ViewFormat.TEXT, *, width: int | None = None, colour: bool = False
) -> str:
    """A look-up as `valdsprogram visa` shows it: tables (`width` characters wide; None: the terminal's width, as
    the command line uses; with the terminal's colours when `colour`), or JSON."""
    return LOOKUP_RENDERERS[fmt](found, terminal.Screen(width, colour))
