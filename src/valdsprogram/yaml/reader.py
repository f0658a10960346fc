"""Safe YAML reading that keeps the line and column of every key and value.

The document is built straight from libyaml's event stream rather than with a PyYAML constructor: that
way duplicate keys, anchors, tags and over-deep nesting are seen as they arrive (an alias bomb is never
expanded), YAML 1.1's implicit typing is replaced by a small, predictable one, and positions are recorded
in one pass.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import re
import stat
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from valdsprogram.codes import code
from valdsprogram.controls import forbidden_in, visible
from valdsprogram.diagnostics import Diagnostic, place_of
from valdsprogram.text import mebibytes, os_error_text, shorten
from valdsprogram.yaml.syntax_errors import (
    DEPTH_HINT,
    quote_repair,
    syntax_diagnostic,
    undecodable_diagnostic,
    wide_text_diagnostic,
)

EMITS = ("VP001", "VP002", "VP004", "VP005", "VP006", "VP007", "VP008", "VP009", "VP010", "VP011", "VP012", "VP020")
"""The codes this module gives, each in the catalogue (tests/test_rule_codes.py holds them to it)."""

MAX_BYTES = 5 * 1024 * 1024
"""Larger files are refused unread: the real program is about 40 kB and a follow-up a few kB."""
MAX_NODES = 100_000
"""More keys and values than this are refused as soon as they are read: the real program has about 1,600, a
follow-up at most a few hundred. It bounds the memory and time every later step takes (positions, the model,
the rules, reports and terminal tables grow with it), which the byte limit alone does not: a 5 MiB program of
one-line activities would hold 100,000 of them."""
MAX_REPAIRS = 20
"""Lines with quotes inside quoted text that are requoted before reading gives up (each is still an error)."""
MAX_DEPTH = 32
"""Deeper nesting is refused; the deepest real path (program → mål → aktivitet → ansvariga → datum) is 6."""

Loc = tuple[str | int, ...]
"""A path into a document: mapping keys and sequence indexes, the same shape as pydantic's `loc`."""

_STR_TAG = "tag:yaml.org,2002:str"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUES = frozenset({"true", "True", "TRUE"})
_FALSES = frozenset({"false", "False", "FALSE"})
_CAPITALISED = frozenset({"Null", "NULL"})
_YAML11_BOOLS = frozenset(
    {"yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N"}
)
_LONE_CR = re.compile(rb"\r(?!\n)")
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?")
# What YAML 1.1 reads as a number but a person reads otherwise: 012 (octal), 0x1F, 1_000, 12:30 (base 60).
_YAML11_NUMBER = re.compile(r"[-+]?(?:0[0-9_]+|0[xob][0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+|[0-9]+_[0-9_]*)")
_NUMBER_START = frozenset("0123456789+-.")
_SHARED_LENGTH = 24
"""Texts this short (keys, ids, statuses, periods) are kept once per run, not once per file."""
_MAX_INT_DIGITS = 4300
"""Python's own default limit for int(text) (`sys.get_int_max_str_digits`); longer integers read as inf."""


@dataclass(slots=True)
class Positions:
    """1-based (line, column) of every value and every mapping key in one document."""

    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def of_value(self, loc: Loc) -> tuple[int, int]:
        """Where the value at `loc` starts, or the nearest enclosing value that exists."""
        while loc not in self.values and loc:
            loc = loc[:-1]
        return self.values.get(loc, (1, 1))

    def of_key(self, loc: Loc) -> tuple[int, int]:
        """Where the key naming `loc` stands; for a sequence item, where the item starts."""
        if loc in self.keys:
            return self.keys[loc]
        return self.of_value(loc)


@dataclass(slots=True)
class YamlDocument:
    """A file read as YAML: its data (None when it could not be trusted), positions and problems."""

    path: str
    data: object
    positions: Positions
    diagnostics: list[Diagnostic]
    ok: bool
    """False when the file could not be read as one plain document; its data must not be validated."""
    text: str = ""
    """The decoded file, comments included (empty when it could not be decoded); for checks of free text."""


class _Mark(Protocol):
    """A libyaml position: 0-based line and column."""

    line: int
    column: int


class _Stop(Exception):
    """Raised inside the builder when reading must end at once (too deep, several documents)."""


def read_yaml(path: Path, display: str | None = None, *, root: Path | None = None) -> YamlDocument:
    """Read one YAML file; every problem becomes a diagnostic, never an exception.

    A file inside `root` (the working folder) that leads out of it through a symbolic link, or any file that
    leads into /proc, /sys or /dev, is refused unread. Reading stops after `MAX_BYTES` bytes whatever the
    file system says its size is (files in /proc say 0).
    """
    shown = printable_path(display if display is not None else str(path))
    try:
        if not path.is_file():
            return _failed(shown, *_not_a_file(path))
        escape = leaves_project(path, root)
        if escape:
            return _failed(shown, f"Filen {escape}; den läses inte.", ESCAPE_HINT)
        with path.open("rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                return _failed(shown, *_not_a_file(path))
            if info.st_size > MAX_BYTES:
                return _too_big(shown, f"{mebibytes(info.st_size)} MiB")
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            return _too_big(shown, f"över {MAX_BYTES // 1_048_576} MiB")
    except (OSError, ValueError) as error:  # ValueError: a NUL byte in the name
        reason = os_error_text(error) if isinstance(error, OSError) else "Ogiltigt filnamn"
        return _failed(shown, f"Filen kan inte läsas: {reason}.", "Kontrollera behörigheterna.")
    return parse_yaml(raw, shown)


_SYSTEM_FOLDERS = ("/proc", "/sys", "/dev")


ESCAPE_HINT = "Ange en YAML-fil i projektets mappar; kopiera hellre än länka."


def leaves_project(path: Path, root: Path | None) -> str:
    """Why reading `path` would leave the project (a link out of `root`, or into /proc, /sys or /dev), as a clause
    that follows "Filen" ("leder till systemmappen /proc"), or ''."""
    real = os.path.realpath(path)
    for system in _SYSTEM_FOLDERS:
        if _inside(real, system):
            return f"leder till systemmappen {system}"
    if root is None:
        return ""
    named = os.path.abspath(root)
    if _inside(os.path.abspath(path), named) and not _inside(real, os.path.realpath(named)):
        return "är (eller ligger i) en symbolisk länk som leder ut ur projektmappen"
    return ""


def _inside(path: str, folder: str) -> bool:
    """Whether the absolute, normalised `path` lies strictly within `folder`."""
    return path != folder and path.startswith(folder if folder.endswith("/") else folder + "/")


def _too_big(path: str, size: str) -> YamlDocument:
    return _failed(
        path,
        f"Filen är {size}; gränsen är {MAX_BYTES // 1_048_576} MiB.",
        "Kontrollera att det är rätt fil. Ett program eller en uppföljning är bara några kB.",
        code_id="VP002",
    )


def printable_path(path: str) -> str:
    """A path as it can be shown on one line of output, whatever bytes its name holds.

    Bytes that are not UTF-8 (Python keeps them as lone surrogates) become �, which every terminal and JSON
    encoder takes; control characters such as a line break are written as escapes (`\\n`), so a file name
    cannot split or forge a line of output.
    """
    return visible(path, keep_breaks=False)


def _not_a_file(path: Path) -> tuple[str, str]:
    """Why `path`, which is no regular file, cannot be read: message and hint."""
    if path.is_symlink() and path.is_dir():
        return (
            "Mappen är en symbolisk länk; länkade mappar läses inte, eftersom de kan leda runt i en slinga eller ut "
            "ur projektmappen.",
            "Flytta eller kopiera mappens filer hit i stället för att länka mappen.",
        )
    if path.is_dir():
        return "Filen är en mapp.", "Ange en YAML-fil, eller byt namn på mappen så att namnet inte slutar på .yaml."
    if path.is_symlink():
        try:
            path.stat()
        except OSError as error:
            if error.errno == errno.ELOOP:
                return "Filen är en symbolisk länk som leder runt i en slinga.", "Ta bort eller rätta länken."
            try:
                target = printable_path(os.readlink(path))
            except OSError:
                target = "?"
            return f"Filen är en symbolisk länk till {target!r}, som inte finns.", "Ta bort eller rätta länken."
    if os.path.lexists(path):
        return (
            "Filen är ingen vanlig fil (utan till exempel en pipe eller en enhet).",
            "Ange sökvägen till en YAML-fil.",
        )
    return "Filen finns inte.", "Ange sökvägen till en YAML-fil."


def parse_yaml(raw: bytes, path: str) -> YamlDocument:
    """Parse YAML bytes (UTF-8, with or without BOM) into a positioned document."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    wide = wide_text_diagnostic(raw, path)
    if wide is not None:
        return YamlDocument(path, None, Positions(), [wide], ok=False)
    if b"\r" in raw:
        # libyaml counts a lone CR (old Mac line endings) as a line break, the raw-text checks and the error
        # positions count LF: one LF for each lone CR keeps every offset and makes both agree.
        raw = _LONE_CR.sub(b"\n", raw)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return YamlDocument(path, None, Positions(), [undecodable_diagnostic(raw, error, path)], ok=False)
    # Text in quotes with the same quotes inside it is requoted and read again (VP017), up to MAX_REPAIRS
    # times, so that one such line does not hide every other problem in the file.
    repaired: list[Diagnostic] = []
    while True:
        builder = _Builder(path)
        parser = yaml.CSafeLoader(raw)
        try:
            builder.run(parser)
        except yaml.YAMLError as error:
            diagnostic = syntax_diagnostic(error, raw, path)
            fixed = quote_repair(error, raw) if diagnostic.code == "VP017" and len(repaired) < MAX_REPAIRS else None
            if fixed is not None:
                repaired.append(diagnostic)
                raw = fixed
                continue
            builder.diagnostics.append(diagnostic)
            builder.ok = False
        except _Stop:
            builder.ok = False
        finally:
            parser.dispose()
        break
    for index, loc in builder.located:
        diagnostic = builder.diagnostics[index]
        builder.diagnostics[index] = dataclasses.replace(diagnostic, place=place_of(builder.root, loc))
    builder.diagnostics += repaired
    if builder.ok and builder.empty:
        builder.diagnostics.append(code("VP011").at(path, 1, 1, "Filen är tom.", "Fyll i filen eller ta bort den."))
        builder.ok = False
    return YamlDocument(path, builder.root, builder.positions, builder.diagnostics, builder.ok, text)


def _failed(path: str, message: str, hint: str, code_id: str = "VP001") -> YamlDocument:
    return YamlDocument(path, None, Positions(), [code(code_id).at(path, 0, 0, message, hint)], ok=False)


_NO_KEY = object()


class _Builder:
    """Turns parser events into plain Python values plus `Positions`."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.root: object = None
        self.empty = True
        self.ok = True
        self.positions = Positions()
        self.diagnostics: list[Diagnostic] = []
        # Open containers: [container, loc, pending key (mappings only)]; Any, as a list is the quickest frame.
        self.stack: list[list[Any]] = []
        self.aliases = 0
        self.nodes = 0
        # Which diagnostic concerns which loc; named by place once the whole document (and so every id) is read.
        self.located: list[tuple[int, Loc]] = []

    def run(self, parser: yaml.CSafeLoader) -> None:
        documents = 0
        while True:
            event: Any = parser.get_event()  # the stubs type events loosely; the kind is checked below
            kind = type(event)
            if kind is ScalarEvent:
                if event.anchor is not None or event.tag is not None:  # rare: most scalars have neither
                    self._check_anchor_and_tag(event, scalar=True)
                self._add(self._scalar(event), event.start_mark)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.anchor is not None or event.tag is not None:
                    self._check_anchor_and_tag(event, scalar=False)
                container: object = {} if kind is MappingStartEvent else []
                loc = self._add(container, event.start_mark)
                if len(self.stack) >= MAX_DEPTH:
                    self._report("VP007", event.start_mark, f"Nästlingen är djupare än {MAX_DEPTH} nivåer.", DEPTH_HINT)
                    raise _Stop
                self.stack.append([container, loc, _NO_KEY])
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                self.stack.pop()
            elif kind is AliasEvent:
                self.aliases += 1
                if self.aliases == 1:
                    self._report(
                        "VP006",
                        event.start_mark,
                        f"Aliaset *{shorten(event.anchor)} används; alias stöds inte.",
                        "Skriv ut värdet i stället för att hänvisa till ett ankare.",
                    )
                self.ok = False
                self._add(None, event.start_mark)
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self._report(
                        "VP009",
                        event.start_mark,
                        "Filen innehåller mer än ett YAML-dokument.",
                        "Ta bort `---` och allt efter det, eller dela upp i flera filer.",
                    )
                    raise _Stop
            elif kind is StreamEndEvent:
                break

    def _add(self, value: object, mark: _Mark) -> Loc:
        """Attach a value to the open container (or make it the root); return its loc."""
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self._report(
                "VP002",
                mark,
                f"Filen har fler än {MAX_NODES:_} nycklar och värden; gränsen är {MAX_NODES:_}.".replace("_", "\u00a0"),
                "Kontrollera att det är rätt fil. Programmet har några tusen nycklar och värden, en uppföljning "
                "några hundra.",
            )
            raise _Stop
        position = (mark.line + 1, mark.column + 1)
        if not self.stack:
            self.root = value
            self.empty = False
            self.positions.values[()] = position
            return ()
        container, parent, key = self.stack[-1]
        if type(container) is list:
            loc: Loc = (*parent, len(container))
            container.append(value)
            self.positions.values[loc] = position
            return loc
        if key is _NO_KEY:
            return self._add_key(self.stack[-1], container, parent, value, mark, position)
        self.stack[-1][2] = _NO_KEY
        if key is _DUPLICATE:
            return (*parent, "\0dubblett")
        loc = (*parent, key)
        container[key] = value
        self.positions.values[loc] = position
        return loc

    def _add_key(
        self,
        frame: list[object],
        container: dict[str, object],
        parent: Loc,
        value: object,
        mark: _Mark,
        position: tuple[int, int],
    ) -> Loc:
        if isinstance(value, (dict, list)):
            self._report(
                "VP004",
                mark,
                "En nyckel måste vara en enkel text, inte en lista eller mappning.",
                "Kontrollera indrag och kolon på raden.",
            )
            self.ok = False
            frame[2] = _DUPLICATE
            return (*parent, "\0nyckel")
        key = value if isinstance(value, str) else ""
        if key in container:
            first = self.positions.keys[(*parent, key)]
            self._report(
                "VP005",
                mark,
                f"Nyckeln {shorten(key)!r} står redan på rad {first[0]}.",
                "Ta bort den ena eller slå ihop dem; båda värdena kan inte gälla.",
                (*parent, key),
            )
            frame[2] = _DUPLICATE
        else:
            frame[2] = key
            self.positions.keys[(*parent, key)] = position
        return parent

    def _scalar(self, event: Any) -> object:
        value = self._scalar_value(event)
        if type(value) is str and len(value) <= _SHARED_LENGTH:
            return sys.intern(value)  # keys, ids and statuses: one object each, however many files name them
        return value

    def _scalar_value(self, event: Any) -> object:
        text: str = event.value
        if not text.isascii():
            # `å` typed on a Mac or pasted from a PDF may be `a` plus a combining ring (NFD); it looks the same,
            # so every key and value is compared, and shown, in the composed form (NFC).
            text = unicodedata.normalize("NFC", text)
        if not text.isprintable():
            self._check_controls(text, event.start_mark)
        if event.style or event.tag == _STR_TAG:  # quoted or block: always text
            return text
        frame = self.stack[-1] if self.stack else None
        if frame is not None and isinstance(frame[0], dict) and frame[2] is _NO_KEY:
            return text  # keys are always text: `012:` or `on:` as a key means what it says
        return self._resolve_plain(text, event.start_mark)

    def _resolve_plain(self, text: str, mark: _Mark) -> object:
        if text in _NULLS:
            if text in _CAPITALISED:
                self._report(
                    "VP020",
                    mark,
                    f"Värdet {text} läses som ett tomt värde.",
                    "Lämna värdet tomt (eller skriv null med små bokstäver).",
                )
            return None
        if text in _TRUES or text in _FALSES:
            canonical = text.lower()
            if text != canonical:
                self._report(
                    "VP020",
                    mark,
                    f"Värdet {text} läses som sanningsvärdet {canonical}.",
                    f"Skriv {canonical} med små bokstäver; bara true och false är sanningsvärden.",
                )
            return text in _TRUES
        if text in _YAML11_BOOLS:
            self._report(
                "VP008",
                mark,
                f"Värdet {text} läses som text, men som ett sanningsvärde av YAML 1.1.",
                "Skriv true eller false för ja/nej, eller sätt citattecken runt texten.",
            )
            return text
        if text[0] in _NUMBER_START:
            if _INT.fullmatch(text):
                # Python refuses (and would take quadratic time) to turn thousands of digits into an int;
                # such a "number" is no count anyone reports, so it reads as the float it overflows to (inf).
                digits = len(text) - (text[0] in "+-")  # the limit is on digits, as int()'s is; a sign is none
                return int(text) if digits <= _MAX_INT_DIGITS else float(text)
            if _YAML11_NUMBER.fullmatch(text):
                shown = shorten(text)
                self._report(
                    "VP008",
                    mark,
                    f"Värdet {shown} läses som text, men som ett tal av YAML 1.1.",
                    f'Sätt citattecken runt det ("{shown}") om det är text, eller skriv talet utan '
                    "inledande nolla, understreck eller kolon.",
                )
                return text
            if _FLOAT.fullmatch(text):
                return float(text)
        return text

    def _check_controls(self, text: str, mark: _Mark) -> None:
        found = forbidden_in(text)
        if found:
            shown = f"kontrolltecknet {found[0]}" if len(found) == 1 else "kontrolltecknen " + ", ".join(found[:6])
            self._report(
                "VP012",
                mark,
                f"Värdet innehåller {shown}.",
                "Ta bort tecknet; det kan färga om eller skriva över en terminal och vända text i en rapport.",
            )

    def _check_anchor_and_tag(self, event: Any, *, scalar: bool) -> None:
        if event.anchor is not None:
            self._report(
                "VP006",
                event.start_mark,
                f"Ankaret &{shorten(event.anchor)} används; ankare stöds inte.",
                "Ta bort ankaret och skriv ut värdena där de behövs.",
            )
            self.ok = False
        tag = event.tag
        if tag is not None and tag != "!" and not (scalar and tag == _STR_TAG):
            shown = shorten(tag.replace("tag:yaml.org,2002:", "!!"))
            self._report("VP010", event.start_mark, f"Taggen {shown} stöds inte.", "Ta bort taggen.")

    def _report(self, code_id: str, mark: _Mark, message: str, hint: str, loc: Loc | None = None) -> None:
        self.located.append((len(self.diagnostics), self._next_loc() if loc is None else loc))
        self.diagnostics.append(code(code_id).at(self.path, mark.line + 1, mark.column + 1, message, hint))

    def _next_loc(self) -> Loc:
        """The loc of the node being read: the pending key's value, or the next item of a list."""
        if not self.stack:
            return ()
        container, parent, key = self.stack[-1]
        assert isinstance(parent, tuple)
        if isinstance(container, list):
            return (*parent, len(container))
        return (*parent, key) if isinstance(key, str) else parent


_DUPLICATE = object()
