"""Free text that YAML reads differently from how it was written: cut short at ` #`, or a birth date by a name."""

from __future__ import annotations

import re
from collections.abc import Iterator

from valdsprogram.check.rules.finding import Finding
from valdsprogram.check.rules.rule import rule
from valdsprogram.yaml.reader import Loc, YamlDocument

FREE_TEXT_KEYS = frozenset({"kommentar", "analys", "diarienummer"})
"""Keys whose values are free text a person writes, where ` #` is far more likely meant than a comment."""
_COMMENT = re.compile(r"[ \t]+#(.*)$")
_EXACT_LIMIT = 100
"""Longer texts get a description of the fix rather than the whole line written out."""


@rule("VP016")
def cut_at_hash(document: YamlDocument) -> Iterator[Finding]:
    """VP016: a free-text value without quotes, followed by ` #` on the same line, which YAML drops as a comment."""
    lines = document.text.splitlines()
    for loc, value in _free_texts(document.data, ()):
        line, column = document.positions.of_value(loc)
        if not 1 <= line <= len(lines):
            continue
        rest = lines[line - 1][column - 1 :]
        if not value or rest[:1] in ("'", '"', "|", ">") or not rest.startswith(value):
            continue  # quoted or block text keeps its `#`; text over several lines is not compared
        comment = _COMMENT.match(rest[len(value) :])
        if comment is None:
            continue
        lost = "#" + comment[1].rstrip()
        whole = (value + rest[len(value) :]).rstrip()
        if "{" in lines[line - 1][: column - 1] or "[" in lines[line - 1][: column - 1]:
            whole = whole.rstrip("}], ")  # inside { } the brackets that close the line are not the text's
            lost = lost.rstrip("}], ")
        key = str(loc[-1])
        if len(whole) <= _EXACT_LIMIT:
            quoted = "'" + whole.replace("'", "''") + "'"
            hint = f"Sätt citattecken runt hela texten: {key}: {quoted}"
        else:
            hint = "Sätt enkla citattecken runt hela texten, så att allt efter # kommer med (ett ' i texten skrivs '')."
        yield Finding(
            "VP016",
            loc,
            f"Texten slutar före #: {_short(lost)!r} läses som en kommentar och kommer inte med.",
            hint,
            line=line,
            column=column + len(value) + comment.start(1) - 1,
        )


def _free_texts(data: object, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key in FREE_TEXT_KEYS and isinstance(value, str):
                yield (*loc, key), value
            elif isinstance(value, dict):
                yield from _free_texts(value, (*loc, key))


_BORN = re.compile(
    r"\b(född|f\.)[ \t]*(?:den[ \t]+)?"
    r"(\d{4}-\d{1,2}-\d{1,2}|\d{6}(?:\d{2})?|\d{1,2}[ \t]+[a-zåäö]+\.?[ \t]+\d{4}|\d{1,2}/\d{1,2}[ \t]*\d{4}"
    r"|(?:19|20)\d{2})"
    r"(?!\d)",
    re.IGNORECASE,
)
_NAME_BEFORE = re.compile(r"(?<![\w-])[A-ZÅÄÖÉ][a-zåäöéü]+(?:[ \t]+[A-ZÅÄÖÉ][a-zåäöéü]+)*[ \t]*[,(]?[ \t]*$")


@rule("VP334")
def birth_dates(document: YamlDocument) -> Iterator[Finding]:
    """VP334: `född 1981-12-18` (or `f. 1981`) right after a name, in any text of the file, comments included."""
    lower = document.text.lower()
    if "född" not in lower and "f." not in lower:
        return  # most files: every match starts with one of these, in any case
    for number, line in enumerate(document.text.splitlines(), start=1):
        for match in _BORN.finditer(line):
            if _NAME_BEFORE.search(line, 0, match.start()) is None:
                continue
            yield Finding(
                "VP334",
                (),
                f"Texten har ett födelsedatum ({match[0]!r}) intill ett namn; det pekar ut en enskild person.",
                "Ta bort födelsedatumet och namnet. Uppföljningar är allmänna handlingar.",
                line=number,
                column=match.start() + 1,
            )


def _short(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
