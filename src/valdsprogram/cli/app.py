"""The `valdsprogram` app: its commands by name, the entry point, and what happens when output cannot be written.

Unlike the core, the cli modules do not use `from __future__ import annotations`: Typer reads every command's
signature when it builds the command line, and string annotations make it compile and evaluate each one again
(measured: `--help` about 8 % slower). Each command's module is imported only when that command runs.
"""

import codecs
import contextlib
import gc
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer

from valdsprogram import __version__
from valdsprogram.cli.frame import SwedishCommand, SwedishGroup
from valdsprogram.cli.options import EXIT_USAGE

COMMANDS = ("validera", "mall", "importera", "checklista", "rapport", "status", "historik", "schema", "visa")
"""Every command, in the order `--help` lists them; each is the function (or, for a group, the Typer app) of the
same name in `valdsprogram.cli.commands.<name>`."""


def _version(value: bool) -> None:
    if value:
        typer.echo(f"valdsprogram {__version__}")
        raise typer.Exit()


def main_options(
    version: Annotated[
        bool, typer.Option("--version", help="Visa versionen och avsluta.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """Stockholms stads program mot våld 2021–2025 som data."""


def build_app(names: Sequence[str] = COMMANDS) -> typer.Typer:
    """The app with the named commands (by default all of them)."""
    app = typer.Typer(
        name="valdsprogram",
        cls=SwedishGroup,
        help="Stockholms stads program mot våld 2021–2025 som data: validera program och uppföljningar.",
        no_args_is_help=True,
        add_completion=True,
        context_settings={"help_option_names": ["-h", "--help"]},
        rich_markup_mode=None,
        pretty_exceptions_show_locals=False,  # a bug report must never carry a user's data along
    )
    app.callback()(main_options)
    for name in names:
        command = getattr(importlib.import_module(f"valdsprogram.cli.commands.{name}"), name)
        if isinstance(command, typer.Typer):
            app.add_typer(command, name=name)
        else:
            app.command(name, cls=SwedishCommand)(command)
    return app


def whole_app() -> typer.Typer:
    """The app with every command, built once."""
    app = globals().get("app")
    if not isinstance(app, typer.Typer):
        app = globals()["app"] = build_app()
    return app


def __getattr__(name: str) -> Any:
    """`app`: the whole command line, built on first use (for tests and `typer.testing.CliRunner`)."""
    if name != "app":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return whole_app()


def main() -> None:
    """Console-script entry point."""
    # A short-lived run that builds many small objects and frees them at exit: the cyclic collector only
    # costs time here (measured: about 13 % of validera on the city-scale set, no change in peak memory).
    gc.disable()
    _prepare_streams()
    code: object = 0
    try:
        _app_for(sys.argv[1:])()
    except SystemExit as stop:
        code = stop.code
    except OSError as error:  # stdout or stderr could not be written: a full disk, a closed pipe
        _output_failed(error)
    try:
        sys.stdout.flush()
    except OSError as error:
        _output_failed(error)
    raise SystemExit(code)


def _app_for(args: Sequence[str]) -> typer.Typer:
    """The app with only the command that `args` name, when they start with one: Typer builds every command,
    reading each signature, before it runs one (measured: 3.5 ms, about 2 % of `validera` on one follow-up).

    Anything else (no arguments, an option before the command, an unknown name, shell completion) gets the whole
    app, since help, suggestions and completion need every command.
    """
    if not args or args[0] not in COMMANDS or any(n.startswith("_") and n.endswith("_COMPLETE") for n in os.environ):
        return whole_app()
    return build_app([args[0]])


def _prepare_streams() -> None:
    """Output that any stdout takes: a closed one (`>&-`) becomes a sink, said on stderr, so that the exit code is
    the command's; one that cannot encode Swedish (cp1252, latin-1, ascii) gets UTF-8 when it is a file or a pipe
    (so a CSV with its byte-order mark stays correct) and, on a console, `?` for what it cannot show."""
    _fit_encoding(sys.stderr)
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115  # open until the process ends
        with contextlib.suppress(OSError, AttributeError):
            sys.stderr.write("valdsprogram: standardutdata är stängd, så utdata skrivs inte.\n")
    _fit_encoding(sys.stdout)


def _fit_encoding(stream: Any) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None:
        return
    try:
        if codecs.lookup(stream.encoding).name == "utf-8":
            return
        if stream.isatty():
            reconfigure(errors="replace")
        else:
            reconfigure(encoding="utf-8", errors="strict")
    except (LookupError, OSError, ValueError):  # an unknown encoding, or a stream that is gone
        return


def _output_failed(error: OSError) -> None:
    """Say (on stderr, if it still works) that output was lost, and exit 2, never 0."""
    from valdsprogram import os_error_text

    with contextlib.suppress(OSError):
        sys.stderr.write(f"valdsprogram: utdata kunde inte skrivas: {os_error_text(error)}.\n")
    os._exit(EXIT_USAGE)  # no second attempt to flush the broken stream at interpreter exit
