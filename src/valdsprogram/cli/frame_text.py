"""The Swedish words of the command line's own frame: usage lines, help sections and parse errors.

Typer's bundled Click writes these in English; `cli.py` passes them through here. Pure strings, no Typer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

USAGE = "Användning: "
HELP_OPTION = "Visa den här hjälpen och avsluta."
OPTIONS_METAVAR = "[VAL]"
SUBCOMMAND_METAVAR = "KOMMANDO [ARGUMENT]..."
ABORTED = "Avbrutet."

WORDS = {
    "Arguments": "Argument",
    "Options": "Val",
    "Commands": "Kommandon",
    "required": "krävs",
    "default: {default}": "standard: {default}",
    "env var: {var}": "miljövariabel: {var}",
    "(dynamic)": "(beräknas)",
    "Missing command.": "Kommando saknas.",
    "No such command {name!r}.": "Kommandot {name!r} finns inte.",
    "Aborted!": ABORTED,
}
"""Click's and Typer's translatable strings (their gettext message ids) in Swedish."""

_ERRORS: tuple[tuple[str, str], ...] = (
    (r"No such option: (\S+)", r"Valet \1 finns inte."),
    (r"No such command '(.+?)'\.?", r"Kommandot '\1' finns inte."),
    (r"Did you mean (.+?)\?", r"Menade du \1?"),
    (r"\(Possible options: (.+?)\)", r"Menade du \1?"),
    (r"Missing argument '(.+?)'\.", r"Argumentet \1 saknas."),
    (r"Missing option '(.+?)'\.", r"Valet \1 saknas."),
    (r"Missing parameter: (\S+)", r"Värdet \1 saknas."),
    (r"Missing command\.", "Kommando saknas."),
    (r"Got unexpected extra arguments?(?:\(s\))? \((.+?)\)", r"Okänt extra argument: \1."),
    (r"Option '(.+?)' requires an argument\.", r"Valet \1 behöver ett värde."),
    (r"Option '(.+?)' requires (\d+) arguments\.", r"Valet \1 behöver \2 värden."),
    (r"Option '(.+?)' does not take a value\.", r"Valet \1 tar inget värde."),
    (r"Invalid value for (.+?): ", r"Ogiltigt värde för \1: "),
    (r"Invalid value: ", "Ogiltigt värde: "),
    (r"Value error, ", ""),
    (r"'(.*?)' is not one of (.+?)\.", r"'\1' är inte något av \2."),
    (r"(?i:file|directory|dir|path) '(.+?)' does not exist\.", r"'\1' finns inte."),
    (r"(?i:file|directory|dir|path) '(.+?)' is a file\.", r"'\1' är en fil, inte en mapp."),
    (r"(?i:file|directory|dir|path) '(.+?)' is a directory\.", r"'\1' är en mapp, inte en fil."),
    (r"Value '(.*?)' is not a valid (\w+)\.", r"'\1' är inget giltigt värde."),
    (r"'(.*?)' is not a valid (?:integer|float)\.", r"'\1' är inget tal."),
)


def word(message_id: str) -> str:
    """A translatable Click or Typer string in Swedish (unknown ones as they are)."""
    return WORDS.get(message_id, message_id)


def usage_error(message: str) -> str:
    """A Click usage error's message in Swedish; parts without a translation stay as they are."""
    for pattern, replacement in _ERRORS:
        message = re.sub(pattern, replacement, message)
    return message


def try_help(command_path: str, option: str) -> str:
    """Where to find help, under the usage line of an error."""
    return f"Skriv '{command_path} {option}' för hjälp."


def error(message: str) -> str:
    """A usage error as shown to the user."""
    return f"Fel: {usage_error(message)}"


_TYPE_LABEL = re.compile(r" <(?:list\[\w+\]|str|int|float|file|dir|path|Path|bool)>")


def without_type_label(name: str) -> str:
    """An argument's or option's name in help without Typer's English type label: `paths... <list[Path]>`."""
    return _TYPE_LABEL.sub("", name)


USAGE_PIECES = {"[OPTIONS]": OPTIONS_METAVAR, "COMMAND [ARGS]...": SUBCOMMAND_METAVAR}
"""Click's placeholders in a usage line, in Swedish."""


def asks_for_gitlab(argv: Sequence[str]) -> bool:
    """Whether the command line asks for GitLab's report (`--format gitlab`, `-f gitlab`, `--format=gitlab`)."""
    pairs = zip(["", *argv], argv, strict=False)
    return any(
        arg in ("--format=gitlab", "-fgitlab") or (arg == "gitlab" and before in ("--format", "-f"))
        for before, arg in pairs
    )
