"""Swedish diagnostics for files that are not valid UTF-8 or not valid YAML."""

from __future__ import annotations

import re
from typing import Protocol

import yaml

from valdsprogram.codes import code
from valdsprogram.diagnostics import Diagnostic

EMITS = ("VP003", "VP004", "VP007", "VP017")
"""The codes this module gives, each in the catalogue (tests/test_rule_codes.py holds them to it)."""

# libyaml's problem texts, most specific first, with what they mean to someone editing by hand. Every text
# libyaml can give is here (found with `strings` on the compiled parser), so no English reaches the user.
_TAG_HINT = "Taggar stöds inte: ta bort taggen, eller sätt citattecken runt ett värde som börjar med `!`."
_DIRECTIVE = ("Felaktigt YAML-direktiv (en rad som börjar med `%`).", "Ta bort raden; filen behöver inga direktiv.")
_ESCAPE_HINT = "Använd enkla citattecken, eller skriv `\\\\` för ett omvänt snedstreck."
_PROBLEMS: tuple[tuple[str, str, str], ...] = (
    (
        "tab character that violates indentation",
        "Tabbtecken i indraget.",
        "Använd mellanslag för indrag, aldrig tabbtecken.",
    ),
    (
        "tab character where an indentation space is expected",
        "Tabbtecken i indraget i en text över flera rader (`|` eller `>`).",
        "Använd mellanslag för indrag, aldrig tabbtecken.",
    ),
    (
        "mapping values are not allowed",
        "Kolon på fel ställe: ett värde kan inte börja en ny mappning här.",
        "Sätt citattecken runt värden som innehåller ': ', eller rätta indraget.",
    ),
    (
        "mapping keys are not allowed",
        "Ett frågetecken (`? `) inleder en nyckel på ett ställe där ingen nyckel får stå.",
        "Rätta indraget, eller sätt citattecken runt ett värde som börjar med `?`.",
    ),
    (
        "found unexpected ':'",
        "Kolon på fel ställe.",
        "Sätt citattecken runt värden som innehåller ':', eller rätta indraget.",
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
        _ESCAPE_HINT,
    ),
    (
        "did not find expected hexdecimal number",
        "En escape-sekvens (`\\x`, `\\u` eller `\\U`) inom dubbla citattecken har för få hexadecimala siffror.",
        _ESCAPE_HINT,
    ),
    (
        "invalid Unicode character escape code",
        "En escape-sekvens (`\\u` eller `\\U`) inom dubbla citattecken anger inget giltigt tecken.",
        _ESCAPE_HINT,
    ),
    (
        "found unexpected end of stream",
        "Filen tar slut mitt i ett värde.",
        "Ett citattecken eller en parentes avslutas troligen inte.",
    ),
    (
        "found unexpected document indicator",
        "En rad som börjar med `---` eller `...` står mitt i en text inom citattecken.",
        "Avsluta citattecknet före raden, eller dra in raden.",
    ),
    (
        "did not find expected alphabetic or numeric character",
        "Ett ankare (`&`) eller alias (`*`) saknar namn eller har otillåtna tecken i namnet.",
        "Ankare och alias stöds inte. Sätt citattecken runt ett värde som börjar med & eller *.",
    ),
    (
        "found an indentation indicator equal to 0",
        "En text över flera rader (`|` eller `>`) har indraget 0 angivet.",
        "Ta bort siffran efter `|` eller `>`.",
    ),
    (
        "found incompatible YAML document",
        "Filen anger en YAML-version som inte stöds (raden `%YAML`).",
        "Ta bort raden som börjar med `%YAML`.",
    ),
    ("found unknown directive name", "Okänt YAML-direktiv (en rad som börjar med `%`).", _DIRECTIVE[1]),
    ("directive name", *_DIRECTIVE),
    ("version number", *_DIRECTIVE),
    ("digit or '.' character", *_DIRECTIVE),
    ("duplicate %YAML directive", *_DIRECTIVE),
    ("duplicate %TAG directive", *_DIRECTIVE),
    ("did not find expected '!'", *_DIRECTIVE),
    ("non-alphabetical character", *_DIRECTIVE),
    ("did not find the expected '>'", "En tagg (`!<…>`) avslutas inte.", _TAG_HINT),
    ("tag URI", "En tagg (ett värde som börjar med `!`) är felskriven.", _TAG_HINT),
    ("URI escaped octet", "En tagg (ett värde som börjar med `!`) är felskriven.", _TAG_HINT),
    ("UTF-8 octet", "En tagg (ett värde som börjar med `!`) är felskriven.", _TAG_HINT),
    ("undefined tag handle", "En tagg (ett värde som börjar med `!`) är felskriven.", _TAG_HINT),
    (
        "did not find expected node content",
        "Ett värde väntades här men saknas, eller börjar med ett tecken som inte kan inleda ett värde.",
        "Kontrollera parenteser och kommatecken, eller sätt citattecken runt värdet.",
    ),
    (
        "did not find expected <document start>",
        "Oväntat innehåll efter ett avslutat värde, till exempel en parentes för mycket.",
        "Ta bort det som står över, eller sätt citattecken runt hela värdet.",
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
_COMMENT_OR_BREAK = (
    ("block scalar", "Text står efter `|` eller `>` på samma rad.", "Börja texten på nästa rad, med indrag."),
    ("directive", "Oväntad text efter ett YAML-direktiv (en rad som börjar med `%`).", _DIRECTIVE[1]),
    ("", "Oväntad text efter värdet.", "Sätt citattecken runt hela värdet."),
)
"""`did not find expected comment or line break` and `... whitespace`, by what libyaml was reading."""
_GENERIC = (
    "YAML-syntaxfel: filen kan inte tolkas här.",
    "Kontrollera indrag, kolon, parenteser och citattecken på raden.",
)
DEPTH_HINT = "Kontrollera indragen och hakparenteserna; ingen del av formatet är så djup."
_TAB_HINT = ("Tabbtecken i indraget.", "Använd mellanslag för indrag, aldrig tabbtecken.")
_RESERVED_HINT = ("Tecknet kan inte inleda ett värde i YAML.", "Sätt citattecken runt värdet.")


class _Mark(Protocol):
    """A libyaml position: 0-based line and column."""

    line: int
    column: int


def syntax_diagnostic(error: yaml.YAMLError, raw: bytes, path: str) -> Diagnostic:
    """The one diagnostic for a file that libyaml could not parse, in Swedish, at the line to look at."""
    if isinstance(error, yaml.reader.ReaderError):
        line, column = _line_and_column(raw, error.position)
        return code("VP004").at(
            path,
            line,
            column,
            "Filen innehåller ett otillåtet kontrolltecken.",
            "Ta bort tecknet; kanske har en binär fil eller ett kopierat specialtecken hamnat här.",
        )
    problem = str(getattr(error, "problem", None) or error)
    context = str(getattr(error, "context", None) or "")
    mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    line, column = _within(raw, mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
    if "maximum nesting depth" in problem:  # libyaml's own limit, met while scanning ahead of our builder
        return code("VP007").at(path, line, column, "Nästlingen är orimligt djup (över 1 000 nivåer).", DEPTH_HINT)
    message, hint = _GENERIC
    for fragment, text, advice in _PROBLEMS:
        if fragment in problem:
            message, hint = text, advice
            break
    else:
        if "comment or line break" in problem or "expected whitespace" in problem:
            message, hint = next((m, h) for where, m, h in _COMMENT_OR_BREAK if where in context)
    if "did not find expected key" in problem and mark is not None:
        char = _char_at(raw, mark.line, mark.column)
        if char in ("}", "]"):  # e.g. `a: {b: c}}`: libyaml is back in the block mapping when it meets it
            message = f"Tecknet {char!r} står där ingen parentes är öppen."
            hint = "Ta bort tecknet, eller kontrollera att parenteserna går jämnt ut."
        elif char == ",":  # e.g. `a: [b], c`
            message = "Ett kommatecken står efter en avslutad lista eller mappning inom parenteser."
            hint = "Flytta kommatecknet innanför parentesen, eller sätt citattecken runt hela värdet."
    if "cannot start any token" in problem and mark is not None:
        char = _char_at(raw, mark.line, mark.column)
        message, hint = _TAB_HINT if char == "\t" else _RESERVED_HINT
        if char and char != "\t":
            message = f"Tecknet {char!r} kan inte inleda ett värde i YAML."
    if context_mark is not None:
        start = (context_mark.line + 1, context_mark.column + 1)
        if "end of stream" in problem:
            line, column = start
            message = "Värdet som börjar här avslutas aldrig; filen tar slut innan."
        elif "could not find expected ':'" in problem:
            line, column = start  # where the would-be key starts, not where libyaml gave up looking
        elif "expected ',' or" in problem and start[0] != line:
            message = message.removesuffix(".") + f" (den börjar på rad {start[0]})."
    if mark is not None and _KEY_PROBLEMS.search(problem):
        key_start = _long_key(raw, mark)
        if key_start is not None:
            # libyaml reads at most 1,024 characters as a key, so a longer one looks like a misplaced colon.
            line, column = mark.line + 1, key_start
            message = "Nyckeln är för lång: YAML tillåter högst 1 024 tecken i en nyckel."
            hint = "Korta nyckeln, eller skriv den långa texten som ett värde."
    if mark is not None and _QUOTES_IN_QUOTES_PROBLEMS.search(problem):
        inner = _quotes_in_quotes(_line_text(raw, mark.line))
        if inner is not None:
            return code("VP017").at(path, mark.line + 1, mark.column + 1, *inner)
    return code("VP004").at(path, line, column, message, hint)


_QUOTES_IN_QUOTES_PROBLEMS = re.compile(
    "did not find expected key|did not find expected ',' or|expected <document start>"
)
# A key, then a text in quotes that ends before the line does, then more text: `kommentar: "Ett "citat" här"`.
_QUOTED_THEN_MORE = re.compile(
    r"""^(?P<lead>.*?(?::[ \t]+|[{\[,][ \t]*|^[ \t]*-[ \t]+))"""
    r"""(?P<quote>["'])(?P<text>.*)(?P=quote)[ \t]*(?P<end>[,}\]]*)[ \t]*$"""
)


def _quotes_in_quotes(line: str) -> tuple[str, str] | None:
    """Message and hint when the line holds a quoted text with the same quotes inside it; None otherwise."""
    requoted = _requoted(line)
    if requoted is None:
        return None
    lead, fixed, end, quote = requoted
    if quote == '"':
        around, other = "enkla", 'skriv \\" för varje citattecken inne i texten'
    else:
        around, other = "dubbla", "skriv '' för varje apostrof inne i texten"
    exact = f": {lead.strip()} {fixed}{end}" if len(fixed) <= 100 else ""
    return (
        "Citattecken inne i texten avslutar den för tidigt.",
        f"Använd {around} citattecken runt texten eller {other}{exact}",
    )


def _requoted(line: str) -> tuple[str, str, str, str] | None:
    """The line's lead, its text in the other kind of quotes, what follows, and the quote used; None if no such text."""
    match = _QUOTED_THEN_MORE.match(line)
    if match is None or match["quote"] not in match["text"]:
        return None
    text, quote = match["text"], match["quote"]
    if quote == '"':
        fixed = "'" + text.replace("'", "''") + "'"
    else:
        fixed = '"' + text.replace("''", "'").replace("\\", "\\\\").replace('"', '\\"') + '"'
    return match["lead"], fixed, match["end"], quote


def quote_repair(error: yaml.YAMLError, raw: bytes) -> bytes | None:
    """The file with the line of a quotes-in-quotes error (VP017) requoted, so that reading can go on; else None."""
    mark = getattr(error, "problem_mark", None)
    if mark is None or not _QUOTES_IN_QUOTES_PROBLEMS.search(str(getattr(error, "problem", ""))):
        return None
    lines = raw.decode("utf-8").splitlines(keepends=True)
    if mark.line >= len(lines):
        return None
    line = lines[mark.line]
    body = line.rstrip("\r\n")
    requoted = _requoted(body)
    if requoted is None:
        return None
    lead, fixed, end, _ = requoted
    lines[mark.line] = lead + fixed + end + line[len(body) :]
    return "".join(lines).encode("utf-8")


_KEY_PROBLEMS = re.compile("could not find expected ':'|mapping values are not allowed")
_SIMPLE_KEY_LIMIT = 1024


def _long_key(raw: bytes, mark: _Mark) -> int | None:
    """The 1-based column where an over-long key starts, when the text before `mark` on its line is one."""
    before = _line_text(raw, mark.line)[: mark.column]
    key = before.lstrip(" -?\t")
    if len(key) > _SIMPLE_KEY_LIMIT and ": " not in key and " #" not in key:
        return len(before) - len(key) + 1
    return None


def _within(raw: bytes, line: int, column: int) -> tuple[int, int]:
    """A position moved back onto the file's last line when libyaml reports one past the final line break."""
    if line <= 1:
        return line, column
    lines = raw.decode("utf-8", "replace").splitlines()
    if line > len(lines) >= 1:
        return len(lines), len(lines[-1]) + 1
    return line, column


_UTF16_32 = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
_BINARY_SIGNATURES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\x7fELF")
"""PNG, JPEG, GIF, PDF, zip (and so docx and xlsx), old Office documents, programs."""


def undecodable_diagnostic(raw: bytes, error: UnicodeDecodeError, path: str) -> Diagnostic:
    """The diagnostic for bytes that are not UTF-8, saying what the file seems to be instead."""
    for bom, encoding in _UTF16_32:
        if raw.startswith(bom):
            return code("VP003").at(
                path,
                1,
                1,
                f"Filen är sparad som {encoding}, inte som UTF-8.",
                "Spara den som UTF-8 (i Anteckningar: Spara som, Kodning: UTF-8).",
            )
    wide = wide_text_diagnostic(raw, path)
    if wide is not None:
        return wide
    if raw.startswith(_BINARY_SIGNATURES) or b"\x00" in raw[:1024]:
        return code("VP003").at(
            path,
            1,
            1,
            "Filen är ingen textfil utan till exempel en bild, ett PDF- eller Office-dokument.",
            "Kontrollera att det är rätt fil: en uppföljning är en textfil i YAML.",
        )
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


def wide_text_diagnostic(raw: bytes, path: str) -> Diagnostic | None:
    """VP003 when the file is UTF-16 or UTF-32 text without a BOM (plain ASCII text in them is valid UTF-8, with
    a NUL byte beside every character); else None."""
    encoding = _wide_text(raw) if b"\x00" in raw[:1024] else ""
    if not encoding:
        return None
    return code("VP003").at(
        path,
        1,
        1,
        f"Filen är sparad som {encoding} utan byte-ordningsmärke, inte som UTF-8.",
        "Spara den som UTF-8 (i Anteckningar: Spara som, Kodning: UTF-8).",
    )


def _wide_text(raw: bytes) -> str:
    """`UTF-16` or `UTF-32` when the start of the file reads as text in that encoding without a BOM, else "".

    Text in these encodings has NUL bytes in nearly every character of Swedish text (all below U+0100), and
    decodes to printable text (line breaks and tabs allowed): a binary file with NUL bytes does not, and Latin-1
    read as UTF-16 gives characters far above U+0100."""
    sample = raw[:1024]
    for encoding, width in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        usable = sample[: len(sample) // width * width]
        if len(usable) < 2 * width:
            continue
        try:
            text = usable.decode(encoding)
        except UnicodeDecodeError:
            continue
        narrow = sum(c < "\u0100" for c in text)
        if narrow * 2 >= len(text) and all((c.isprintable() and c != "\x00") or c in "\r\n\t" for c in text):
            return encoding[:6].upper()
    return ""


def _line_and_column(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line_start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[line_start:].decode("utf-8", "replace")) + 1


def _line_text(raw: bytes, line: int) -> str:
    lines = raw.decode("utf-8", "replace").splitlines()
    return lines[line] if line < len(lines) else ""


def _char_at(raw: bytes, line: int, column: int) -> str:
    lines = raw.decode("utf-8", "replace").splitlines()
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""
