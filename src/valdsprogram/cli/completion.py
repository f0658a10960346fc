"""Shell completion that cannot become a shell command: answered only when a shell's script asks, and every
value escaped for the shell that reads it.

Typer's completion scripts call `valdsprogram` without arguments, with `_VALDSPROGRAM_COMPLETE` and the shell's own
variables set; a stray `_VALDSPROGRAM_COMPLETE` around a real command (`validera`) is ignored. What the answer holds
comes from program.yaml (see `completion_choices`, which offers only ids that pass the id rule and plain-text
descriptions); the classes here escape it again for the shell's script, so that no text of the program is ever
evaluated as a command: zsh `eval`s the answer, bash puts it on the command line as it is, and Typer's own classes
quote neither fully (a backslash in zsh, anything in bash) and read descriptions as rich markup.
"""

import re
from collections.abc import Mapping, Sequence

from typer._click.shell_completion import CompletionItem, add_completion_class
from typer._completion_classes import BashComplete, FishComplete, PowerShellComplete, ZshComplete

COMPLETE_VAR = "_VALDSPROGRAM_COMPLETE"
"""The variable the completion scripts set to ask for completion (`complete_bash`) or a script (`source_bash`)."""

_SHELL_VARIABLES = {
    "bash": ("COMP_WORDS", "COMP_CWORD"),
    "zsh": ("_TYPER_COMPLETE_ARGS",),
    "fish": ("_TYPER_COMPLETE_ARGS", "_TYPER_COMPLETE_FISH_ACTION"),
    "powershell": ("_TYPER_COMPLETE_ARGS",),
    "pwsh": ("_TYPER_COMPLETE_ARGS",),
}
"""What each shell's script sets besides COMPLETE_VAR when it asks for completion."""

_BASH_PLAIN = re.compile(r"[A-Za-z0-9._+,/=@%-]+")
_BASH_SPECIAL = re.compile(r"[^A-Za-z0-9._+,/=@%-]")


def shell_asked(argv: Sequence[str], environ: Mapping[str, str], complete_var: str = COMPLETE_VAR) -> bool:
    """Whether a shell's completion script really asked: the variable names an instruction, the program got no
    arguments (every script calls it without), and, for a completion, the shell's own variables are set."""
    instruction, _, shell = environ.get(complete_var, "").partition("_")
    if argv or shell not in _SHELL_VARIABLES:
        return False
    if instruction == "source":
        return True
    if instruction != "complete" or not all(name in environ for name in _SHELL_VARIABLES[shell]):
        return False
    if shell == "bash":
        return environ["COMP_CWORD"].strip().isdigit()
    return shell != "fish" or environ["_TYPER_COMPLETE_FISH_ACTION"] in ("get-args", "is-args")


def _one_line(text: str) -> str:
    """Text on one line, without control characters: a line break would split the answer into two."""
    return " ".join("".join(" " if not c.isprintable() else c for c in text).split())


def bash_word(value: str) -> str:
    """A value as bash would quote it on the command line: bash inserts completions as they are."""
    value = _one_line(value)
    if _BASH_PLAIN.fullmatch(value):
        return value
    return _BASH_SPECIAL.sub(lambda m: "\\" + m[0], value) if value else "''"


def zsh_item(value: str, description: str) -> str:
    """One entry of the `_arguments '*: :((…))'` answer that zsh's script `eval`s, and `_arguments` `eval`s again
    as an array (`ws=( … )`): quoted for the double quotes there and for the single quotes around them."""

    def double_quoted(text: str) -> str:
        return '"' + re.sub(r'([\\"$`])', r"\\\1", _one_line(text)) + '"'

    entry = double_quoted(value.replace(":", "\\:"))  # `_describe` splits a value from its description at a colon
    if description:
        entry += ":" + double_quoted(description)
    return entry.replace("'", "'\\''")


def fish_line(value: str, description: str) -> str:
    """One line of fish's answer: the value, a tab and the description; fish quotes the value itself."""
    value = _one_line(value)
    return f"{value}\t{_one_line(description)}" if description else value


class SafeBashComplete(BashComplete):
    """Typer's bash completion, each value quoted for bash."""

    def format_completion(self, item: CompletionItem) -> str:
        return bash_word(item.value)


class SafeZshComplete(ZshComplete):
    """Typer's zsh completion, each value and description quoted for the `eval`s of zsh's script."""

    def format_completion(self, item: CompletionItem) -> str:
        return zsh_item(item.value, item.help or "")


class SafeFishComplete(FishComplete):
    """Typer's fish completion, each line one value and a plain description."""

    def format_completion(self, item: CompletionItem) -> str:
        return fish_line(item.value, item.help or "")


class SafePowerShellComplete(PowerShellComplete):
    """Typer's PowerShell completion, with plain descriptions instead of rich markup read."""

    def format_completion(self, item: CompletionItem) -> str:
        return f"{_one_line(item.value)}:::{_one_line(item.help or '') or ' '}"


def use_safe_completion() -> None:
    """Put the safe classes in place of Typer's (which Typer registers when it builds the app)."""
    for shell, cls in (
        ("bash", SafeBashComplete),
        ("zsh", SafeZshComplete),
        ("fish", SafeFishComplete),
        ("powershell", SafePowerShellComplete),
        ("pwsh", SafePowerShellComplete),
    ):
        add_completion_class(cls, shell)
