"""The test program with hostile text in its names and titles, and the follow-up files `mall` must write from it.

Names and titles reach `mall`'s output only as comments; a line break in one (newline, CR, NEL, U+2028, U+2029)
must not end the comment, or the rest of the name becomes live YAML in the user's file.
"""

from __future__ import annotations

from conftest import TESTS

PLACES = {
    "program": "titel: Testprogrammet 2021–2025",
    "body": "namn: Syds stadsdelsnämnd",
    "goal": "titel: Stadens verksamheter arbetar våldsförebyggande",
    "activity": "text: Utbilda medarbetare",
    "indicator": "text: Antal ärenden",
}
"""Where a hostile text goes in tests/data/program.yaml: the line it replaces."""

EARLIER = (
    "organ: sdn-syd\nperiod: 2024-T1\naktiviteter:\n  A1.1: {status: pågående}\n"
    "  A1.2: {status: försenad, kommentar: Sen.}\n"
    "indikatorer:\n  I1.2: {utfall: 4, arsmal: 10}\nmal:\n  M1: {bedomning: inte, analys: Inte nått.}\n"
)
"""sdn-syd's 2024-T1 report: one status to carry, one that must be explained anew, a target, a goal not met."""

MALL_T2 = {
    "organ": "sdn-syd",
    "period": "2024-T2",
    "aktiviteter": {"A1.1": {"status": "pågående", "kommentar": None}, "A1.2": {"status": None, "kommentar": None}},
    "indikatorer": {"I1.2": {"utfall": None, "prognos": None, "arsmal": 10, "kommentar": None}},
    "mal": {"M1": {"bedomning": None, "analys": None}},
}
"""What `mall sdn-syd 2024-T2` writes after EARLIER, read back, whatever the names hold."""

COMPILATION_T1 = {
    "period": "2024-T1",
    "sammanfattning": None,
    "mal": {"M1": {"bedomning": None, "analys": None}, "M2": {"bedomning": None, "analys": None}},
    "atgarder": None,
}
"""What `mall sammanstallning 2024-T1` writes, read back, whatever the names hold."""


def program_with(texts: dict[str, str]) -> str:
    """tests/data/program.yaml with each place's name or title replaced by the text, as a double-quoted scalar."""
    program = (TESTS / "data" / "program.yaml").read_text(encoding="utf-8")
    for place, text in texts.items():
        line = PLACES[place]
        assert line in program
        program = program.replace(line, f"{line.split(':')[0]}: {_quoted(text)}", 1)
    return program


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar of exactly `text`: printable ASCII as it is, every other character escaped."""
    escaped = (c if c.isascii() and c.isprintable() and c not in '"\\' else f"\\U{ord(c):08x}" for c in text)
    return '"' + "".join(escaped) + '"'
