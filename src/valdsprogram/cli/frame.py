"""The Swedish frame around the commands: Click's usage lines, help sections, parse errors and completion install.

Typer's bundled Click speaks English in the frame around our texts; these classes and `frame_text` put it in
Swedish. Click's exception and formatter types come from Typer's bundled copy (`click` itself is banned, see
pyproject.toml): Typer exposes no public name for them.
"""

import os
import sys
from collections.abc import MutableMapping, Sequence
from typing import Any

import typer
import typer.core
from typer._click.core import Context, Parameter
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
from typer._click.formatting import HelpFormatter

from valdsprogram import ValdsprogramError
from valdsprogram.cli import frame_text

typer.core._ = frame_text.word  # type: ignore[attr-defined,assignment]  # Typer's gettext strings: titles, "default"

_COMPLETION_HELP = {
    "install_completion": "Installera kompletteringar för skalet du använder (bash, zsh eller fish).",
    "show_completion": "Visa kompletteringsskriptet för skalet, för att kopiera det eller installera det själv.",
}


def _usage(command: typer.core.TyperCommand | typer.core.TyperGroup, ctx: Context, formatter: HelpFormatter) -> None:
    pieces = [frame_text.USAGE_PIECES.get(piece, piece) for piece in command.collect_usage_pieces(ctx)]
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=frame_text.USAGE)


def _options(command: typer.core.TyperCommand | typer.core.TyperGroup, ctx: Context, formatter: HelpFormatter) -> None:
    """Arguments and options with Swedish help and without Typer's English type labels (`<list[Path]>`)."""
    sections: dict[str, list[tuple[str, str]]] = {frame_text.word("Arguments"): [], frame_text.word("Options"): []}
    for param in command.get_params(ctx):
        if isinstance(param, typer.core.TyperOption) and param.name in _COMPLETION_HELP:
            param.help = _COMPLETION_HELP[param.name]
        record = param.get_help_record(ctx)
        if record is not None:
            section = "Arguments" if param.param_type_name == "argument" else "Options"
            sections[frame_text.word(section)].append((frame_text.without_type_label(record[0]), record[1]))
    for title, rows in sections.items():
        if rows:
            with formatter.section(title):
                formatter.write_dl(rows)


def _help_option(option: typer.core.TyperOption | None) -> typer.core.TyperOption | None:
    if option is not None:
        option.help = frame_text.HELP_OPTION
    return option


class SwedishCommand(typer.core.TyperCommand):
    """A command whose usage line, help sections and help option speak Swedish."""

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        _usage(self, ctx, formatter)

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        _options(self, ctx, formatter)

    def get_help_option(self, ctx: Context) -> typer.core.TyperOption | None:
        return _help_option(super().get_help_option(ctx))


class SwedishGroup(typer.core.TyperGroup):
    """A group like `SwedishCommand`, whose `main` also shows parse errors in Swedish and answers shell completion
    only when a shell's script asks, with every value escaped for that shell (`cli.completion`)."""

    _argv: Sequence[str] = ()

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        _usage(self, ctx, formatter)

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        _options(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def get_help_option(self, ctx: Context) -> typer.core.TyperOption | None:
        return _help_option(super().get_help_option(ctx))

    def get_params(self, ctx: Context) -> list[Parameter]:
        params = super().get_params(ctx)
        for param in params:
            if param.name == "install_completion":
                param.callback = _install_completion
        return params

    def _main_shell_completion(
        self, ctx_args: MutableMapping[str, Any], prog_name: str, complete_var: str | None = None
    ) -> None:
        var = complete_var or f"_{prog_name}_COMPLETE".replace("-", "_").upper()
        if var not in os.environ:
            return
        from valdsprogram.cli.completion import shell_asked, use_safe_completion

        if shell_asked(self._argv, os.environ, var):  # else a stray variable, ignored: the command runs
            use_safe_completion()
            super()._main_shell_completion(ctx_args, prog_name, var)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(args) if args is not None else sys.argv[1:]
        self._argv = argv
        try:
            code = super().main(argv, prog_name, complete_var, False, windows_expand_args, **extra)
        except NoArgsIsHelpError as error:  # `valdsprogram visa` alone: the help, which is no error message
            typer.echo(error.format_message(), err=True)
            code = error.exit_code
        except UsageError as error:
            _show_usage_error(error, argv)
            code = error.exit_code
        except ClickException as error:
            typer.echo(frame_text.error(error.format_message()), err=True)
            code = error.exit_code
        except typer.Abort:
            typer.echo(frame_text.ABORTED, err=True)
            code = 1
        except ValdsprogramError as error:  # a refusal of the library: the one place it meets the user
            from valdsprogram.cli.output import show_refusal

            code = show_refusal(error)
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


def _install_completion(ctx: Context, param: Parameter, value: object) -> object:
    """Typer's `--install-completion`, telling in Swedish where the script went."""
    from typer._completion_shared import install

    if not value or ctx.resilient_parsing:
        return value
    shell, path = install(shell=value if isinstance(value, str) else None)
    typer.echo(
        f"Kompletteringar för {shell} är installerade i {path}. De gäller från nästa gång du öppnar en terminal."
    )
    raise typer.Exit()


def _show_usage_error(error: UsageError, argv: Sequence[str]) -> None:
    """Click's usage error in Swedish: the usage line, where to find help, and what was wrong."""
    ctx = error.ctx
    if ctx is not None:
        typer.echo(ctx.get_usage(), err=True)
        typer.echo(frame_text.try_help(ctx.command_path, ctx.help_option_names[0]) + "\n", err=True)
    if frame_text.asks_for_gitlab(argv):  # a CI job's Code Quality report must be valid JSON even now
        typer.echo("[]")
    typer.echo(frame_text.error(error.format_message()), err=True)
