"""Swedish diagnostics for files that are not valid UTF-8 or not valid YAML."""

from __future__ import annotations

import yaml

from valdsprogram.codes import code
from valdsprogram.diagnostics import Diagnostic

# libyaml's problem texts, most specific first, with what they mean to someone editing by hand.
_PROBLEMS: tuple[tuple[str, str, str], ...] = (
    (
        "tab character that violates indentation",
        "Tabbtecken i indraget.",
        "Använd mellanslag för indrag, aldrig tabbtecken.",
    ),
    (
        "mapping values are not allowed",
        "Kolon på fel ställe: ett värde kan inte börja en ny mappning här.",
        "Sätt citattecken runt värden som innehåller ': ', eller rätta indraget.",
    ),
    (
        "did not find expected key",
        "Fel indrag: raden passar inte in i mappningen ovanför.",
        "Rätta indraget så att nyckeln står rakt under sina syskon.",
    ),
    (
        "did not find expected '-' indicator",
        "Fel indrag i en lista: här väntades ett nytt listelement (`- `).",
        "Rätta indraget eller börja raden med `- `.",
    ),
    (
        "could not find expected ':'",
        "Ett kolon saknas efter nyckeln.",
        "Skriv `nyckel: värde`, eller sätt citattecken runt en text som löper över flera rader.",
    ),
    (
        "did not find expected ',' or ']'",
        "En lista inom hakparenteser avslutas inte.",
        "Lägg till `]` eller ett kommatecken.",
    ),
    (
        "did not find expected ',' or '}'",
        "En mappning inom klammerparenteser avslutas inte.",
        "Lägg till `}` eller ett kommatecken.",
    ),
    (
        "found unknown escape character",
        "Okänd escape-sekvens med `\\` inom dubbla citattecken.",
        "Använd enkla citattecken, eller skriv `\\\\` för ett omvänt snedstreck.",
    ),
    (
        "found unexpected end of stream",
        "Filen tar slut mitt i ett värde.",
        "Ett citattecken eller en parentes avslutas troligen inte.",
    ),
    (
        "found unknown directive name",
        "Okänt YAML-direktiv (en rad som börjar med `%`).",
        "Ta bort raden eller sätt citattecken runt värdet.",
    ),
    (
        "block sequence entries are not allowed",
        "Ett listelement (`- `) står där ett värde väntades.",
        "Börja listan på en ny rad med större indrag.",
    ),
    (
        "found undefined alias",
        "Ett alias (`*namn`) hänvisar till ett ankare som inte finns.",
        "Ankare och alias stöds inte: skriv ut värdet.",
    ),
)
DEPTH_HINT = "Kontrollera indragen och hakparenteserna; ingen del av formatet är så djup."
_TAB_HINT = ("Tabbtecken i indraget.", "Använd mellanslag för indrag, aldrig tabbtecken.")
_RESERVED_HINT = ("Tecknet kan inte inleda ett värde i YAML.", "Sätt citattecken runt värdet.")


def syntax_diagnostic(error: yaml.YAMLError, raw: bytes, path: str) -> Diagnostic:
    """The one diagnostic for a file that libyaml could not parse."""
    if isinstance(error, yaml.reader.ReaderError):
        line, column = _line_and_column(raw, error.position)
        return code("VP004").at(
            path,
            line,
            column,
            "Filen innehåller ett otillåtet kontrolltecken.",
            "Ta bort tecknet; kanske har en binär fil eller ett kopierat specialtecken hamnat här.",
        )
    problem = getattr(error, "problem", None) or str(error)
    mark = getattr(error, "problem_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
    if "maximum nesting depth" in problem:  # libyaml's own limit, met while scanning ahead of our builder
        return code("VP007").at(path, line, column, "Nästlingen är orimligt djup.", DEPTH_HINT)
    message, hint = "", ""
    for fragment, text, advice in _PROBLEMS:
        if fragment in problem:
            message, hint = text, advice
            break
    if "cannot start any token" in problem and mark is not None:
        char = _char_at(raw, mark.line, mark.column)
        message, hint = _TAB_HINT if char == "\t" else _RESERVED_HINT
        if char and char != "\t":
            message = f"Tecknet {char!r} kan inte inleda ett värde i YAML."
    context_mark = getattr(error, "context_mark", None)
    if "end of stream" in problem and context_mark is not None:
        line, column = context_mark.line + 1, context_mark.column + 1
        message = "Värdet som börjar här avslutas aldrig; filen tar slut innan."
    if not message:
        message, hint = f"YAML-syntaxfel ({problem}).", "Kontrollera indrag, kolon och citattecken på raden."
    return code("VP004").at(path, line, column, message, hint)


def undecodable_diagnostic(raw: bytes, error: UnicodeDecodeError, path: str) -> Diagnostic:
    """The diagnostic for bytes that are not UTF-8, with a hint when they look like Windows-1252."""
    line, column = _line_and_column(raw, error.start)
    hint = "Spara filen som UTF-8."
    try:
        sample = raw[error.start : error.start + 1].decode("cp1252")
    except UnicodeDecodeError:
        sample = ""
    if sample.isalpha():
        hint = (
            f"Filen verkar vara sparad som Windows-1252 eller Latin-1 (tecknet ser ut som {sample!r}). "
            "Spara den som UTF-8."
        )
    return code("VP003").at(path, line, column, "Filen är inte giltig UTF-8.", hint)


def _line_and_column(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line_start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[line_start:].decode("utf-8", "replace")) + 1


def _char_at(raw: bytes, line: int, column: int) -> str:
    lines = raw.decode("utf-8", "replace").splitlines()
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""
