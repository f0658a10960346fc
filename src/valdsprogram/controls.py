"""Control characters: which ones data may not hold, and how every output shows them instead of obeying them.

An escape (`\\e`), a NUL, a bell, a C1 control such as NEL (`\\x85`) or a bidirectional override (U+202E) in a
name would recolour or rewrite a terminal, reverse text in a report or split a line of YAML. YAML escapes let
them into the data, so the loader reports them (VP012), and every output writes them as visible escapes.
"""

from __future__ import annotations

import json
import re

_BIDI = "\u202a-\u202e\u2066-\u2069"
_NONCHARACTERS = "\ufffe\uffff"
"""Not allowed anywhere in a YAML or XML file, not even in a comment: an escape is the only way in."""
FORBIDDEN = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}{_NONCHARACTERS}]")
"""Characters the data may not hold: C0 controls but tab, line feed and carriage return; DEL; C1; bidi controls;
U+FFFE and U+FFFF."""
_UNSAFE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}{_NONCHARACTERS}\u2028\u2029\ud800-\udfff]")
_UNSAFE_OR_BREAK = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}{_NONCHARACTERS}\u2028\u2029\ud800-\udfff]")


def visible(text: str, *, keep_breaks: bool = True) -> str:
    """`text` with each control character written as an escape (`\\x1b`, `\\u202e`); lone surrogates become �.

    With `keep_breaks`, tab, line feed and carriage return stay as they are (for multi-line text in a report);
    without, they are escaped too (for one line of terminal output).
    """
    pattern = _UNSAFE if keep_breaks else _UNSAFE_OR_BREAK
    if text.isprintable() or not pattern.search(text):
        return text
    return pattern.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match[0]
    if "\ud800" <= char <= "\udfff":
        return "\ufffd"
    return char.encode("unicode_escape").decode("ascii")


def forbidden_in(text: str) -> list[str]:
    """The distinct characters data may not hold, in order of appearance, each written visibly."""
    return list(dict.fromkeys(_escape(found) for found in FORBIDDEN.finditer(text)))


def json_visible(text: str) -> str:
    """JSON text with the characters `json.dumps(ensure_ascii=False)` leaves raw (C1, bidi, U+2028) escaped."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def json_text(data: object) -> str:
    """Data as the tool's JSON: UTF-8 text indented by two, no NaN, control characters escaped, one final newline."""
    return json_visible(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)) + "\n"
