"""Suggestions for mistyped values: the word meant, by what people write for it and never across meanings.

Plain edit distance suggests `ej påbörjad` for `påbörjad`, the opposite status. Here each allowed word has the
forms people write for it (`påbörjad`, `pågår`, `startad` for `pågående`), matched after folding case, å/ä/ö
and separators; only then is spelling compared, and never between a negated and a plain word.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from valdsprogram.model.followup import DELAYED, DONE, DROPPED, NOT_STARTED, ONGOING
from valdsprogram.model.periods import Period
from valdsprogram.model.vocabulary import STATUS_MEANINGS
from valdsprogram.text import join_swedish

SAYINGS: dict[str, tuple[str, ...]] = {
    # Activity statuses.
    NOT_STARTED: (
        "inte påbörjad", "ej påbörjat", "inte påbörjat", "ej startad", "inte startad", "ej startat", "inte startat",
        "ej börjat", "inte börjat", "ej igång", "inte igång", "ej i gång", "inte i gång", "ej aktuell", "ej påbörjade",
        "ej", "nej", "ingen",
    ),
    ONGOING: (
        "påbörjad", "påbörjat", "påbörjade", "pågår", "pågående arbete", "startad", "startat", "igång", "i gång",
        "under arbete", "pågende", "påg", "pågaende", "aktiv", "delvis genomförd", "delvis klar", "påbörjas",
    ),
    DELAYED: (
        "försenat", "försenade", "sen", "sent", "fördröjd", "fördröjt", "försening", "senarelagd", "uppskjuten",
    ),
    DONE: (
        "genomfört", "genomförda", "klar", "klart", "klara", "färdig", "färdigt", "slutförd", "slutfört", "utförd",
        "utfört", "avslutad", "avslutat", "genomfördes", "klar!", "ja", "done",
    ),
    DROPPED: (
        "utgått", "utgick", "struken", "strukits", "stryks", "borttagen", "avbruten", "avbrutet", "avförd", "utgar",
    ),
    # Goal assessments.
    "helt": ("uppfyllt", "uppfylls", "helt uppfyllt", "uppfylls helt", "uppnått", "helt uppnått", "fullt", "ja", "hel"),
    "delvis": ("delvis uppfyllt", "uppfylls delvis", "delvis uppnått", "till viss del", "delvist", "del vis", "del"),
    "inte": (
        "ej", "nej", "inte uppfyllt", "ej uppfyllt", "uppfylls inte", "inte uppnått", "ej uppnått", "icke", "ej alls",
        "inte alls", "ingen",
    ),
    # Units, periodicities, directions and kinds of body in the program.
    "procent": ("%", "andel", "procentandel", "pct", "proc", "procentsats"),
    "antal": ("st", "stycken", "styck", "antal st", "siffra", "tal"),
    "ja/nej": ("ja nej", "janej", "ja eller nej", "j/n", "bool", "boolean", "sant/falskt", "sant falskt"),
    "tertial": ("per tertial", "tertialvis", "varje tertial", "tertialer", "t1 t2 vb"),
    "ar": ("årlig", "årligen", "per år", "helår", "varje år", "vb", "år"),
    "hogre_ar_battre": ("högre är bättre", "högre", "hög", "öka", "ökande", "uppåt"),
    "lagre_ar_battre": ("lägre är bättre", "lägre", "låg", "minska", "minskande", "nedåt"),
    "stadsdelsnamnd": ("stadsdelsnämnd", "sdn", "stadsdel"),
    "facknamnd": ("facknämnd", "nämnd"),
    "bolagsstyrelse": ("bolag", "styrelse", "bolagsstyrelsen"),
    "kommunstyrelse": ("ks", "kommunstyrelsen"),
}  # fmt: skip
"""Each enumerated word of the format, and what people write when they mean it."""

_NEGATIONS = ("ej", "inte", "icke", "ingen", "nej")
_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "_": " ", "-": " "})


def fold(text: str) -> str:
    """Text as compared: lower case, å/ä/ö as a/a/o, `_` and `-` as spaces, spaces collapsed, ends trimmed."""
    folded = text.lower().translate(_FOLD)
    return " ".join(re.sub(r"[.,:;!?()\"']", " ", folded).split()) or folded.strip()


def _negated(folded: str) -> bool:
    words = folded.split()
    return any(word in _NEGATIONS for word in words) or folded.startswith(("ej", "inte"))


def meant_word(value: object, allowed: Iterable[str]) -> str | None:
    """The allowed word the value means (`påbörjad` → `pågående`, `Klar` → `genomförd`), or None.

    A known form wins; else the closest spelling among the allowed words and their forms, but only between
    words that are both negated or both not (`påbörjad` is never `ej påbörjad`).
    """
    if not isinstance(value, str) or not value.strip():
        return None
    words = list(allowed)
    folded = fold(value)
    forms: dict[str, str] = {}
    for word in words:
        for form in (word, *SAYINGS.get(word, ())):
            forms.setdefault(fold(form), word)
    if folded in forms:
        return forms[folded]
    same_sense = [form for form in forms if _negated(form) == _negated(folded)]
    close = difflib.get_close_matches(folded, same_sense, n=1, cutoff=0.75)
    return forms[close[0]] if close else None


def explained(allowed: Iterable[str]) -> str:
    """The allowed words, with what each status means (the assessments `helt`, `delvis`, `inte` say it themselves)."""
    words = list(allowed)
    if all(word in STATUS_MEANINGS for word in words):
        return "Tillåtna värden: " + ", ".join(f"{word} ({STATUS_MEANINGS[word]})" for word in words) + "."
    return "Tillåtna värden: " + ", ".join(words) + "."


_YEAR = r"(\d{2}|\d{4})"
_TERTIAL = r"(?:t|tertial|tertialrapport)\s*([12])"
_ANNUAL = r"(vb|ar|helar|bokslut|verksamhetsberattelse|arsredovisning|t3|tertial 3)"
_PERIOD_FORMS = (
    (re.compile(_YEAR + r"\s*[-/ .]?\s*" + _TERTIAL), "yk"),
    (re.compile(_TERTIAL + r"\s*[-/ .,]?\s*" + _YEAR), "ky"),
    (re.compile(_YEAR + r"\s*[-/ .]?\s*" + _ANNUAL), "yv"),
    (re.compile(_ANNUAL + r"\s*[-/ .,]?\s*" + _YEAR), "vy"),
)


def meant_period(text: str) -> str | None:
    """The period a hand-written form means (`2024-t2`, `T2 2024`, `2024 T2`, `24-T2`, `2024-år` …), or None."""
    folded = fold(text).replace(" ", " ")
    for pattern, order in _PERIOD_FORMS:
        match = pattern.fullmatch(folded)
        if match is None:
            continue
        year = match[1] if order[0] == "y" else match[2]
        if len(year) == 2:
            year = "20" + year
        kind = "VB" if "v" in order else "T" + (match[2] if order == "yk" else match[1])
        meant = f"{year}-{kind}"
        return meant if Period.parse(meant) is not None and meant != text else None
    return None


def did_you_mean(value: str, known: Iterable[str], *, most: int = 1) -> str:
    """`Menade du 'a'?` (or `'a', 'b' eller 'c'`) for the closest known values; empty when none is close."""
    names = [repr(c) for c in difflib.get_close_matches(value, list(known), n=most, cutoff=0.6 if most == 1 else 0.5)]
    if not names:
        return ""
    return f"Menade du {join_swedish(names, 'eller')}?"
