"""Rendering with Jinja2: the shipped templates (or a user's own folder) to Markdown and self-contained HTML.

HTML is autoescaped by the `.html.j2` suffix (Jinja2's `select_autoescape` only looks at the last extension, so
it would miss `.html.j2`). Templates run in Jinja2's sandbox, so a user's template cannot reach Python
internals, and `StrictUndefined` turns a misspelt variable into an error instead of an empty string.
"""

from __future__ import annotations

import enum
import re
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup


class Format(enum.Enum):
    """What checklists and reports can be written as; the value is the template suffix."""

    MD = "md"
    HTML = "html"


class TemplateProblem(Exception):
    """A template is missing or broken; the message is Swedish and names the template and line."""


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def markdown_text(value: object) -> str:
    """Inline Markdown text: special characters escaped, line breaks folded into spaces."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def markdown_cell(value: object) -> str:
    """A Markdown table cell: escaped like text, `|` escaped, line breaks kept as `<br>`."""
    lines = [markdown_text(line) for line in str(value).splitlines() if line.strip()]
    return "<br>".join(lines)


def _escape_html_autoescape(name: str | None) -> bool:
    return name is not None and name.endswith((".html.j2", ".html"))


def environment(user_folder: Path | None = None) -> SandboxedEnvironment:
    """A sandboxed environment over the user's folder (first, if given) and the shipped templates."""
    loaders: list[jinja2.BaseLoader] = []
    if user_folder is not None:
        loaders.append(jinja2.FileSystemLoader(user_folder, followlinks=False))
    loaders.append(jinja2.FileSystemLoader(str(shipped_templates())))
    env = SandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=_escape_html_autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_text
    env.filters["cell"] = markdown_cell
    env.filters["datum"] = lambda d: d.isoformat()
    return env


def shipped_templates() -> Path:
    """The templates folder shipped inside the package (the repository's top-level templates/)."""
    return Path(str(resources.files("valdsprogram.templates")))


def render(name: str, fmt: Format, context: dict[str, Any], *, user_folder: Path | None = None) -> str:
    """Render `<name>.<fmt>.j2`; raises TemplateProblem with a Swedish message on any template error."""
    template_name = f"{name}.{fmt.value}.j2"
    try:
        template = environment(user_folder).get_template(template_name)
        return template.render(context)
    except jinja2.TemplateNotFound as error:
        raise TemplateProblem(f"Mallen {error.name} finns inte.") from None
    except jinja2.TemplateSyntaxError as error:
        raise TemplateProblem(
            f"{error.filename or error.name or template_name}:{error.lineno}: mallen har ett syntaxfel: {error.message}"
        ) from None
    except jinja2.UndefinedError as error:
        raise TemplateProblem(f"Mallen {template_name} använder ett värde som inte finns: {error.message}") from None
    except jinja2.TemplateError as error:
        raise TemplateProblem(f"Mallen {template_name} kunde inte användas: {error}") from None


def safe(html: str) -> Markup:
    """Mark HTML that the tool itself produced (never user text) as safe to insert, e.g. an SVG chart."""
    return Markup(html)
