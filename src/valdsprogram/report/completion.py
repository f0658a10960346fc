"""What the shell completes: ids of bodies, periods, goals, activities and indicators, read from program.yaml.

The program is read with the plain YAML loader (no model), quickly and forgivingly: a completion must never
fail, so a program that cannot be read completes nothing. What it offers ends up on the user's command line, and
the shells' completion scripts evaluate it: only ids that pass the id rule of their kind are offered (an id such
as `sdn-$(touch x)` never is), and each description is plain text, without control characters, quotes, dollar
signs, backslashes or brackets that a script or Typer's rich markup would read.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

from valdsprogram.model.ids import ACTIVITY_PATTERN, GOAL_PATTERN, INDICATOR_PATTERN, SLUG_PATTERN, passes
from valdsprogram.model.periods import periods_between
from valdsprogram.yaml.reader import read_yaml

Items = Iterator[tuple[str, object]]

DESCRIPTION_LENGTH = 60
"""A description longer than this is cut, with an ellipsis: it is one line of a completion menu."""
_PUNCTUATION = frozenset(" .,;:?%&+/()–—-")
"""The punctuation a description keeps besides letters and digits: none of it is special inside the double quotes
of zsh's completion script, and no shell reads it in a description."""


def completion_choices(program: Path, kind: str, incomplete: str = "") -> list[tuple[str, str]]:
    """Every id of one kind (`organ`, `period`, `mal`, `aktivitet`, `indikator`) that starts with
    `incomplete` and passes its id rule, with a short plain-text description, in program order.

    The program is read as every command reads it from the working folder: a link out of the folder is not.
    """
    try:
        here = Path.cwd()
    except OSError:  # the working folder was removed
        return []
    document = read_yaml(program, root=here)
    data = document.data if document.ok and isinstance(document.data, dict) else {}
    found = KINDS[kind](data)
    return [(ident, plain(about)) for ident, about in found if ident.startswith(incomplete)]


def _bodies(data: dict[str, object]) -> Items:
    for body in _items(data.get("organ"), SLUG_PATTERN):
        yield str(body["id"]), body.get("namn")


def _periods(data: dict[str, object]) -> Items:
    validity = data.get("giltighet")
    first = validity.get("fran") if isinstance(validity, dict) else None
    last = validity.get("till") if isinstance(validity, dict) else None
    if isinstance(first, int) and isinstance(last, int) and 1900 <= first <= last <= 2099:
        for period in periods_between(first, last):
            yield str(period), period.name


def _goals(data: dict[str, object]) -> Items:
    for goal in _items(data.get("mal"), GOAL_PATTERN):
        yield str(goal["id"]), goal.get("titel")


def _under_goals(key: str, pattern: str) -> Callable[[dict[str, object]], Items]:
    def items(data: dict[str, object]) -> Items:
        for goal in _items(data.get("mal"), GOAL_PATTERN):
            for item in _items(goal.get(key), pattern):
                yield str(item["id"]), item.get("text")

    return items


KINDS: dict[str, Callable[[dict[str, object]], Items]] = {
    "organ": _bodies,
    "period": _periods,
    "mal": _goals,
    "aktivitet": _under_goals("aktiviteter", ACTIVITY_PATTERN),
    "indikator": _under_goals("indikatorer", INDICATOR_PATTERN),
}
"""What can be completed, and where in the program it is found."""


def _items(value: object, pattern: str) -> list[dict[str, object]]:
    """The mappings in a list whose id passes the id rule; anything else (a broken program) gives none."""
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict) and passes(pattern, item.get("id"))]


def plain(about: object) -> str:
    """A description as plain text on one line: letters, digits, spaces and harmless punctuation, cut to
    DESCRIPTION_LENGTH; every other character (controls, quotes, `$`, `\\`, brackets, backticks) becomes a space."""
    if not isinstance(about, str):
        return ""
    kept = "".join(c if c.isalnum() or c in _PUNCTUATION else " " for c in unicodedata.normalize("NFC", about))
    text = " ".join(kept.split())
    return text if len(text) <= DESCRIPTION_LENGTH else text[: DESCRIPTION_LENGTH - 1] + "…"
