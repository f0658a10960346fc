"""Rendering with Jinja2: the shipped templates (or a user's own folder) to Markdown and self-contained HTML.

HTML is autoescaped by the `.html.j2` suffix (Jinja2's `select_autoescape` only looks at the last extension, so
it would miss `.html.j2`). Templates run in a bounded sandbox (`sandbox.py`), so a user's template cannot reach
Python internals, files outside its folder or unbounded work, and `StrictUndefined` turns a misspelt variable
into an error instead of an empty string.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from markupsafe import Markup

from valdsprogram.controls import visible
from valdsprogram.model.units import swedish
from valdsprogram.output.formats import DocumentFormat
from valdsprogram.output.sandbox import (
    BoundedEnvironment,
    FolderLoader,
    TemplateLimit,
    bounded_filter,
    frames,
    render_bounded,
    template_root,
)
from valdsprogram.output.sandbox import TemplateProblem as TemplateProblem
from valdsprogram.text import join_swedish, os_error_text, shorten

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


_FOLDED = re.compile(r"[^\S\u00a0\u202f]+")
"""Runs of white space to fold into one space: all but the no-break spaces, which keep `1 511` in one piece."""


def markdown_text(value: object) -> str:
    """Inline Markdown text: special characters escaped, line breaks folded into spaces."""
    return _MD_SPECIAL.sub(r"\\\1", _FOLDED.sub(" ", visible(str(value))).strip())


def markdown_cell(value: object) -> str:
    """A Markdown table cell: escaped like text, `|` escaped, line breaks kept as `<br>`."""
    lines = [markdown_text(line) for line in visible(str(value)).splitlines() if line.strip()]
    return "<br>".join(lines)


def _escape_html_autoescape(name: str | None) -> bool:
    return name is not None and name.endswith((".html.j2", ".html"))


def _date(value: object) -> str:
    if not isinstance(value, dt.date):
        raise jinja2.TemplateRuntimeError(f"filtret datum tar ett datum, inte {type(value).__name__}")
    return value.isoformat()


def _number(value: object) -> str:
    """A count as readers see it, written the one way every number is (`swedish`): `1 511`."""
    if not isinstance(value, int | float):
        raise jinja2.TemplateRuntimeError(f"filtret tal tar ett tal, inte {type(value).__name__}")
    return swedish(value)


def _visible(value: object) -> object:
    """What a template writes: the user's text with control characters shown as escapes (not the tool's Markup)."""
    return visible(value) if isinstance(value, str) and not isinstance(value, Markup) else value


@functools.lru_cache(maxsize=8)
def environment(user_folder: Path | None = None) -> BoundedEnvironment:
    """A sandboxed environment over the user's folder (first, if given) and the shipped templates.

    One per folder and process, so that `checklista --alla` compiles each shipped template once rather than once
    per body (440 times for ten cities, a third of its time)."""
    folders = [user_folder] if user_folder is not None else []
    env = BoundedEnvironment(
        loader=FolderLoader([*folders, shipped_templates()], shipped=shipped_templates()),
        autoescape=_escape_html_autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_visible,
    )
    env.filters["md"] = bounded_filter(markdown_text)
    env.filters["cell"] = bounded_filter(markdown_cell)
    env.filters["datum"] = bounded_filter(_date)
    env.filters["tal"] = bounded_filter(_number)
    return env


def shipped_templates() -> Path:
    """The templates folder shipped inside the package (the repository's top-level templates/)."""
    return Path(str(resources.files("valdsprogram.templates")))


TEMPLATE_NAMES = tuple(
    dict.fromkeys(f"{name}.{fmt.template}.j2" for name in ("checklista", "rapport") for fmt in DocumentFormat)
)
"""The templates a user's folder may replace."""


def render(name: str, fmt: DocumentFormat, context: dict[str, Any], *, user_folder: Path | None = None) -> str:
    """Render `<name>.<fmt>.j2`; raises TemplateProblem with a Swedish message on any template error.

    With `user_folder`, the template must be in that folder (no silent fall-back to the shipped one); what it
    includes or extends may come from the shipped templates.
    """
    template_name = f"{name}.{fmt.template}.j2"
    if user_folder is not None:
        _require_user_template(user_folder, template_name)
    try:
        template = environment(user_folder).get_template(template_name)
        return render_bounded(template, context, count_steps=user_folder is not None)
    except TemplateProblem:
        raise
    except jinja2.TemplateSyntaxError as error:
        where = _shown(error.filename or error.name or template_name, user_folder)
        raise TemplateProblem(f"{where}:{error.lineno}: mallen har ett syntaxfel: {error.message}") from None
    except jinja2.TemplateNotFound as error:
        raise TemplateProblem(
            f"{_where(error, template_name, user_folder)}: mallen {error.name} finns inte"
            + (f" i {user_folder} eller bland de inbyggda mallarna." if user_folder else ".")
        ) from None
    except (jinja2.TemplateError, ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as error:
        raise TemplateProblem(f"{_where(error, template_name, user_folder)}: {_why(error)}") from None
    except RecursionError:
        raise TemplateProblem(
            f"{_shown(template_name, user_folder)}: mallen inkluderar eller anropar sig själv utan slut."
        ) from None
    except MemoryError:
        raise TemplateProblem(f"{_shown(template_name, user_folder)}: minnet räckte inte till mallen.") from None


def _require_user_template(folder: Path, template_name: str) -> None:
    """A user's folder must hold the template asked for; say which names it may hold when it does not."""
    template_root(folder)
    if os.path.lexists(folder / template_name):
        return
    present = sorted(p.name for p in _listing(folder) if p.name.endswith((".j2", ".jinja", ".jinja2", ".md", ".html")))
    found = f" Mappen innehåller {', '.join(present[:10])}." if present else " Mappen innehåller inga mallar."
    raise TemplateProblem(
        f"Mallen {template_name} finns inte i {folder}.{found} En egen mall ska heta "
        f"{join_swedish(TEMPLATE_NAMES, 'eller')}."
    )


def _listing(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError as error:
        raise TemplateProblem(f"Mallmappen {folder} kan inte läsas: {os_error_text(error)}.") from None


def _where(error: BaseException, template_name: str, user_folder: Path | None) -> str:
    """`template:line` of the innermost template frame of the error, or the template's name alone."""
    located = list(frames(error))
    if not located:
        return _shown(template_name, user_folder)
    filename, line = located[-1]
    return f"{_shown(filename, user_folder)}:{line}"


def _shown(filename: str, user_folder: Path | None) -> str:
    shipped = str(shipped_templates())
    if filename.startswith(shipped + os.sep):
        return filename[len(shipped) + 1 :]
    if user_folder is not None and not os.path.isabs(filename):
        return str(user_folder / filename)
    return filename


_WHY = {
    ZeroDivisionError: "division med noll",
    OverflowError: "ett tal blir för stort",
    IndexError: "indexet finns inte i listan",
    KeyError: "nyckeln finns inte",
    AttributeError: "värdet har ingen sådan egenskap",
    TypeError: "ett värde av fel sort, eller fel antal argument till ett filter eller en funktion",
    ValueError: "ett ogiltigt värde",
}


def _why(error: BaseException) -> str:
    if isinstance(error, jinja2.UndefinedError):
        return f"mallen använder ett värde som inte finns ({shorten(str(error.message), 120)})."
    if isinstance(error, TemplateLimit) or type(error) is jinja2.TemplateRuntimeError:
        text = str(error)
        return "mallen kunde inte användas: " + f"{text[:1].lower()}{text[1:]}".rstrip(".") + "."
    if isinstance(error, SecurityError):
        return "mallen kunde inte användas: sandlådan tillåter inte åtkomsten."
    reason = next((text for kind, text in _WHY.items() if isinstance(error, kind)), "ett fel i mallen")
    return f"mallen kunde inte användas: {reason} ({type(error).__name__}: {shorten(str(error), 120)})."


def safe(html: str) -> Markup:
    """Mark HTML that the tool itself produced (never user text) as safe to insert, e.g. an SVG chart."""
    return Markup(html)
