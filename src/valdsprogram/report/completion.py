"""What the shell completes: ids of bodies, periods, goals, activities and indicators, read from program.yaml.

The program is read with the plain YAML loader (no model), quickly and forgivingly: a completion must never
fail, so a program that cannot be read completes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from valdsprogram.model.periods import periods_between
from valdsprogram.yaml.reader import read_yaml

Items = Iterator[tuple[str, object]]


def completion_choices(program: Path, kind: str, incomplete: str = "") -> list[tuple[str, str]]:
    """Every id of one kind (`organ`, `period`, `mal`, `aktivitet`, `indikator`) that starts with
    `incomplete`, with a short description, in program order."""
    document = read_yaml(program)
    data = document.data if document.ok and isinstance(document.data, dict) else {}
    found = KINDS[kind](data)
    return [(ident, _short(about)) for ident, about in found if ident.startswith(incomplete)]


def _bodies(data: dict[str, object]) -> Items:
    for body in _items(data.get("organ")):
        yield str(body["id"]), body.get("namn")


def _periods(data: dict[str, object]) -> Items:
    validity = data.get("giltighet")
    first = validity.get("fran") if isinstance(validity, dict) else None
    last = validity.get("till") if isinstance(validity, dict) else None
    if isinstance(first, int) and isinstance(last, int) and 1900 <= first <= last <= 2099:
        for period in periods_between(first, last):
            yield str(period), period.name


def _goals(data: dict[str, object]) -> Items:
    for goal in _items(data.get("mal")):
        yield str(goal["id"]), goal.get("titel")


def _under_goals(key: str) -> Callable[[dict[str, object]], Items]:
    def items(data: dict[str, object]) -> Items:
        for goal in _items(data.get("mal")):
            for item in _items(goal.get(key)):
                yield str(item["id"]), item.get("text")

    return items


KINDS: dict[str, Callable[[dict[str, object]], Items]] = {
    "organ": _bodies,
    "period": _periods,
    "mal": _goals,
    "aktivitet": _under_goals("aktiviteter"),
    "indikator": _under_goals("indikatorer"),
}
"""What can be completed, and where in the program it is found."""


def _items(value: object) -> list[dict[str, object]]:
    """The mappings with a text id in a list; anything else (a broken program) gives none."""
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict) and isinstance(item.get("id"), str)]


def _short(about: object) -> str:
    text = " ".join(about.split()) if isinstance(about, str) else ""
    return text if len(text) <= 60 else text[:59] + "…"
