"""The PDF's bound on text: a long text in the report or checklist data is cut, with a note saying where the whole
text is, before the document goes to WeasyPrint.

WeasyPrint lays out a paragraph in time that grows faster than its length (a goal analysis of 100 KB took 6.6 s,
400 KB 37.9 s, 4.8 MB over 300 s), while HTML and the other formats take about a second whatever the length. So
each text is at most `TEXT_LIMIT` characters in a PDF, and once the document's texts together have used
`TOTAL_LIMIT`, each further text at most `AFTER_TOTAL_LIMIT`. The data is walked generically (every text field of
every frozen dataclass, list, tuple and dict in it), so a new text field is bounded without being named here, and
templates (the shipped ones and a user's) stay as they are.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from markupsafe import Markup

TEXT_LIMIT = 5_000
"""The most characters of one text a PDF shows: about a page and a half, more than any analysis the city writes."""
TOTAL_LIMIT = 300_000
"""The characters the texts of one PDF may use together (about a hundred pages) before each text is cut shorter."""
AFTER_TOTAL_LIMIT = 500
"""The most characters of one text once `TOTAL_LIMIT` is used up."""

_Data = TypeVar("_Data")


def bounded(data: _Data, *, whole_text_in: str) -> _Data:
    """The data with every text over its limit cut at a word and followed by a note in Swedish that says how long
    the text is and where it is whole (`whole_text_in`, such as "HTML-rapporten (--format html) och i
    uppföljningsfilen")."""
    return _Walk(whole_text_in).walk(data)  # type: ignore[no-any-return]


class _Walk:
    """One walk over one document's data, counting the characters its texts use."""

    def __init__(self, whole_text_in: str) -> None:
        self.whole_text_in = whole_text_in
        self.used = 0

    def walk(self, value: Any) -> Any:
        if isinstance(value, Markup):
            return value  # the tool's own HTML (charts): cutting it would break its tags
        if isinstance(value, str):
            return self.text(value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {f.name: self.walk(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
            return dataclasses.replace(value, **changes)
        if isinstance(value, list):
            return [self.walk(item) for item in value]
        if isinstance(value, tuple):
            return tuple(self.walk(item) for item in value)
        if isinstance(value, dict):
            return {key: self.walk(item) for key, item in value.items()}
        return value

    def text(self, text: str) -> str:
        limit = TEXT_LIMIT if self.used < TOTAL_LIMIT else AFTER_TOTAL_LIMIT
        if len(text) <= limit:
            self.used += len(text)
            return text
        cut = text[:limit]
        space = cut.rfind(" ", limit * 3 // 4)  # at a word, unless the last quarter holds none
        cut = (cut[:space] if space > 0 else cut).rstrip()
        self.used += len(cut)
        length = f"{len(text):,}".replace(",", "\u00a0")
        return (
            f"{cut} … [Texten är avkortad i PDF:en; den har {length} tecken. Hela texten finns i {self.whole_text_in}.]"
        )
