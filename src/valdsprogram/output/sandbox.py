"""The template sandbox: a loader that reads only regular files inside the template folders, and bounded work.

Jinja2's `FileSystemLoader` follows symbolic links when it opens a file, so a user's template folder could hand
out `/etc/passwd` or `/proc/self/environ`. This loader resolves every path, refuses what lies outside its folders
or is not a regular file, and reads at most `MAX_TEMPLATE_BYTES` through a descriptor opened without following
links. The environment bounds what a template can make the tool do: ranges, powers, repetitions, widths, the
size of every intermediate value, the number of steps and the size of the output, and, for a user's templates,
the characters all the values it builds and keeps take together (`MAX_BUILT_CHARS`: 80,000 distinct texts of 10 KB
each appended to a list took 828 MB, each of them under the bound for one value).
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import math
import os
import stat
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2
from jinja2.compiler import CodeGenerator, Frame
from jinja2.loaders import split_template_path
from jinja2.nodes import Concat
from jinja2.sandbox import SandboxedEnvironment

from valdsprogram.errors import ValdsprogramError
from valdsprogram.text import os_error_text

MAX_TEMPLATE_BYTES = 1024 * 1024
"""A template file is at most 1 MiB; the shipped ones are a few kB."""
MAX_OUTPUT_CHARS = 20 * 1024 * 1024
"""A rendered document (and any text or list a template builds on the way) is at most 20 Mi characters."""
MAX_ARGUMENT = 100_000
"""No number a template passes to a filter or method (a width, a count) may exceed this."""
MAX_POWER_BITS = 4096
"""`a ** b` is refused when the result would need more bits than this (`9**(9**9)` would never finish)."""
MAX_BUILT_CHARS = 64 * 1024 * 1024
"""The characters a user's template may build in one rendering, together: every text or list a `~`, an operator, a
method or a filter returns, and every value handed to a list's or dict's `append`, `extend`, `insert`, `update` or
`setdefault` (a `{% set %}` block's text is built outside the operators, and kept only by such a call). About
three times `MAX_OUTPUT_CHARS`, so that at most a few hundred MB are held however the template keeps them."""
MAX_STEPS = 5_000_000
"""Lines of template code one rendering may run (the shipped report on the city's data runs well under 1 %)."""
_FORBIDDEN_ROOTS = (Path("/proc"), Path("/sys"), Path("/dev"))


class TemplateProblem(ValdsprogramError):
    """A template is missing or broken; the message is Swedish and names the template and line."""


class TemplateLimit(jinja2.TemplateRuntimeError):
    """A template asked for more work than the sandbox allows; the message is Swedish."""


class FolderLoader(jinja2.BaseLoader):
    """Templates from folders, first match wins, each path resolved and kept inside its folder."""

    def __init__(self, folders: list[Path], *, shipped: Path | None = None) -> None:
        self.folders = folders
        self.shipped = shipped
        """The package's own templates, which do not change while it runs: compiled once, not at every use."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses `..` with TemplateNotFound
        for folder in self.folders:
            found = read_template(folder, pieces, template)
            if found is not None:
                # A user's template is read and checked again at every use (it may have become a link).
                return found, str(folder / template), (lambda: True) if folder == self.shipped else (lambda: False)
        raise jinja2.TemplateNotFound(template)


def template_root(folder: Path) -> Path:
    """The folder's real path; TemplateProblem when it cannot be read or lies in /proc, /sys or /dev."""
    try:
        root = folder.resolve(strict=True)
    except (OSError, RuntimeError) as error:
        raise TemplateProblem(f"Mallmappen {folder} kan inte läsas: {_os_text(error)}.") from None
    if any(root == forbidden or forbidden in root.parents for forbidden in _FORBIDDEN_ROOTS):
        raise TemplateProblem(f"Mallmappen {folder} ligger i systemets /{root.parts[1]} och används inte.")
    return root


def read_template(folder: Path, pieces: list[str], name: str) -> str | None:
    """The template's text, None when the folder has no such file; TemplateProblem when it must not be read."""
    root = template_root(folder)
    candidate = root.joinpath(*pieces)
    if not os.path.lexists(candidate):
        return None
    try:
        real = candidate.resolve(strict=True)
    except (OSError, RuntimeError) as error:
        raise TemplateProblem(f"Mallen {name} kan inte läsas: {_os_text(error)}.") from None
    if real != root and root not in real.parents:
        raise TemplateProblem(
            f"Mallen {name} leder via en symbolisk länk ut ur mallmappen {folder}; den läses inte. "
            "Kopiera filen in i mappen i stället för att länka."
        )
    try:
        descriptor = os.open(real, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise TemplateProblem(f"Mallen {name} kan inte läsas: {os_error_text(error)}.") from None
    with os.fdopen(descriptor, "rb") as handle:
        if stat.S_ISDIR(os.fstat(descriptor).st_mode):
            raise TemplateProblem(f"Mallen {name} är en mapp, inte en fil.")
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise TemplateProblem(f"Mallen {name} är ingen vanlig fil (utan till exempel en pipe eller en enhet).")
        raw = handle.read(MAX_TEMPLATE_BYTES + 1)
    if len(raw) > MAX_TEMPLATE_BYTES:
        raise TemplateProblem(f"Mallen {name} är större än {MAX_TEMPLATE_BYTES // 1024} kB; den läses inte.")
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise TemplateProblem(
            f"{folder / name}:{line}: mallen är inte sparad som UTF-8. Spara den som UTF-8."
        ) from None


def _os_text(error: OSError | RuntimeError) -> str:
    return os_error_text(error) if isinstance(error, OSError) else "för många nivåer av symboliska länkar"


class _BoundedCodeGenerator(CodeGenerator):
    """Compiles `a ~ b` so that its result is checked against the size bound (a doubling loop would not end)."""

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        self.write("environment.bounded(")
        super().visit_Concat(node, frame)
        self.write(")")


class BoundedEnvironment(SandboxedEnvironment):
    """Jinja2's sandbox with bounds on the work a template can ask for."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _BoundedCodeGenerator

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["range"] = _bounded_range
        del self.globals["lipsum"]  # lipsum(100000) writes gigabytes of Latin
        for name, function in list(self.filters.items()):
            self.filters[name] = bounded_filter(function)

    @staticmethod
    def bounded(value: Any) -> Any:
        """A value built by the template, refused when it exceeds the size bound."""
        return _checked(value)

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            _check_power(left, right)
        elif operator == "*":
            for count, other in ((left, right), (right, left)):
                if isinstance(count, int) and isinstance(other, (str, list, tuple)):
                    _check_size(len(other) * max(count, 0))
        elif operator == "%" and isinstance(left, str):
            _check_format_spec(left)
        elif operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            _check_size(len(left) + len(right))
        return _checked(super().call_binop(context, operator, left, right))

    def call(__self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _check_arguments(args, kwargs)
        method = getattr(__obj, "__name__", "")
        owner = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)  # str.format comes wrapped
        if isinstance(owner, (list, dict, set)) and method in _KEEPING:
            _spend(_kept(args) + _kept(tuple(kwargs.values())))
        if isinstance(owner, str) and method == "replace":
            _check_replace(owner, *args)
        elif isinstance(owner, str) and method in ("format", "format_map"):
            _check_format_spec(owner)
        return _checked(super().call(__context, __obj, *args, **kwargs))


_PASSED = (jinja2.runtime.Context, jinja2.nodes.EvalContext, jinja2.Environment)
"""What Jinja2 passes before the value to a filter marked pass_context, pass_eval_context or pass_environment."""


def bounded_filter(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose arguments (after the value) and result are held to the sandbox's bounds."""

    @functools.wraps(function)  # keeps Jinja2's pass_context / pass_environment marks
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = [a for a in args if not isinstance(a, _PASSED)]
        _check_arguments(tuple(values[1:]), kwargs)
        if values and isinstance(values[0], str):
            if function.__name__ == "do_format":
                _check_format_spec(values[0])
            elif function.__name__ == "do_replace":
                _check_replace(values[0], *values[1:])
            elif function.__name__ == "do_indent":
                width = values[1] if len(values) > 1 else kwargs.get("width", 4)
                extra = width if isinstance(width, int) else len(str(width))
                _check_size(len(values[0]) + (values[0].count("\n") + 1) * extra)
        return _checked(function(*args, **kwargs))

    return wrapper


def _bounded_range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_ARGUMENT:
        raise TemplateLimit(f"range ger {len(numbers)} tal; gränsen är {MAX_ARGUMENT}.")
    return numbers


def _check_power(base: Any, exponent: Any) -> None:
    whole = isinstance(base, int) and isinstance(exponent, int) and exponent > 0 and abs(base) > 1
    if whole and exponent * math.log2(abs(base)) > MAX_POWER_BITS:
        raise TemplateLimit(f"Potensen ** ger ett tal med över {MAX_POWER_BITS} bitar.")
    if isinstance(exponent, (int, float)) and abs(exponent) > MAX_ARGUMENT:
        raise TemplateLimit(f"Exponenten i ** är större än {MAX_ARGUMENT}.")


def _check_arguments(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_ARGUMENT:
            raise TemplateLimit(f"Talet {value} är större än {MAX_ARGUMENT}, den största bredd eller antal som tas.")


def _check_format_spec(text: str) -> None:
    """Refuse widths and precisions over the bound in `%` and `{}` formats, before the string is built."""
    digits = 0
    for char in text:
        digits = digits + 1 if char.isdigit() else 0
        if digits > len(str(MAX_ARGUMENT)):
            raise TemplateLimit(f"Formatet {text[:40]!r} anger en bredd över {MAX_ARGUMENT} tecken.")


def _check_replace(text: str, old: Any = "", new: Any = "", *rest: Any) -> None:
    if isinstance(old, str) and isinstance(new, str):
        count = text.count(old) if old else len(text) + 1
        _check_size(len(text) + count * len(new))


def _check_size(size: int) -> None:
    if size > MAX_OUTPUT_CHARS:
        raise TemplateLimit(f"En text eller lista i mallen blir större än {MAX_OUTPUT_CHARS // 1_048_576} Mi tecken.")


def _checked(value: Any) -> Any:
    if isinstance(value, (str, list, tuple, dict)):
        _check_size(len(value))
        _spend(len(value))
    return value


_BUDGET: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("template_budget", default=None)
"""The characters left of `MAX_BUILT_CHARS` in the user's rendering under way (one counter in a list), or None."""
_KEEPING = frozenset({"append", "extend", "insert", "update", "setdefault", "add"})
"""The methods by which a template keeps a value in a list, dict or set it holds."""


def _spend(size: int) -> None:
    budget = _BUDGET.get()
    if budget is not None:
        budget[0] -= size
        if budget[0] < 0:
            raise TemplateLimit(
                f"Den bygger mer än {MAX_BUILT_CHARS // 1_048_576} Mi tecken sammanlagt (texter och listor den "
                "skapar eller lägger till); gränsen skyddar minnet."
            )


def _kept(arguments: tuple[Any, ...]) -> int:
    """The size a template keeps by handing these values to a collection's method: texts count their characters,
    collections their items and texts, anything else one."""
    size = 0
    for value in arguments:
        if isinstance(value, str):
            size += len(value)
        elif isinstance(value, dict):
            size += len(value) + _kept(tuple(value.values()))
        elif isinstance(value, (list, tuple, set)):
            size += len(value) + sum(len(item) for item in value if isinstance(item, str))
        else:
            size += 1
    return size


def render_bounded(template: jinja2.Template, context: dict[str, Any], *, count_steps: bool) -> str:
    """Render with the output bound, and (for a user's templates) the step bound and the budget of built values."""
    parts: list[str] = []
    size = 0
    budget = _BUDGET.set([MAX_BUILT_CHARS] if count_steps else None)
    try:
        with _step_limit(enabled=count_steps):
            for part in template.generate(context):
                size += len(part)
                if size > MAX_OUTPUT_CHARS:
                    raise TemplateLimit(f"Den skriver mer än {MAX_OUTPUT_CHARS // 1_048_576} Mi tecken.")
                parts.append(part)
    finally:
        _BUDGET.reset(budget)
    return "".join(parts)


class _StepCounter:
    """A trace function that counts the lines run in template code (Jinja2 compiles templates to Python)."""

    def __init__(self) -> None:
        self.steps = 0

    def global_trace(self, frame: types.FrameType, event: str, arg: object) -> Callable[..., Any] | None:
        return self.local_trace if frame.f_code.co_filename.endswith(".j2") else None

    def local_trace(self, frame: types.FrameType, event: str, arg: object) -> Callable[..., Any] | None:
        if event == "line":
            self.steps += 1
            if self.steps > MAX_STEPS:
                raise TemplateLimit(
                    f"Den gör mer än {MAX_STEPS:_} steg; den har troligen en loop utan slut.".replace("_", " ")
                )
        return self.local_trace


@contextlib.contextmanager
def _step_limit(*, enabled: bool) -> Iterator[None]:
    if not enabled:
        yield
        return
    previous = sys.gettrace()
    sys.settrace(_StepCounter().global_trace)
    try:
        yield
    finally:
        sys.settrace(previous)


def frames(error: BaseException) -> Iterator[tuple[str, int]]:
    """(template file, line) of each template frame in the error's traceback, innermost last."""
    tb = error.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".j2"):
            yield name, tb.tb_lineno
        tb = tb.tb_next
