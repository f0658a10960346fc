"""A generated corpus for the personnummer guard: leaky forms that must be found and safe forms that must not.

Deterministic (a fixed seed). Each entry is a whole follow-up file, so that escapes, folded text, numbers and
comments go through the YAML reader as a user's file would.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

HEAD = "organ: sdn-syd\nperiod: 2024-T1\naktiviteter:\n"


def luhn_digit(nine: str) -> str:
    total = 0
    for index, char in enumerate(nine):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def identity(rng: random.Random, *, samordning: bool) -> tuple[str, str, str, str]:
    """A valid number as (century, YYMMDD, three-digit serial + check digit) and its kind's name."""
    born = dt.date(1920, 1, 1) + dt.timedelta(days=rng.randrange(365 * 104))
    day = born.day + (60 if samordning else 0)
    short = f"{born.year % 100:02d}{born.month:02d}{day:02d}"
    serial = f"{rng.randrange(1000):03d}"
    return f"{born.year // 100}", short, serial + luhn_digit(short + serial), "sam" if samordning else "pnr"


def _in_comment(text: str) -> str:
    return f"{HEAD}  A1.1: {{status: pågående}}  # {text}\n"


def _plain(text: str) -> str:
    return f"{HEAD}  A1.1: {{status: pågående, kommentar: 'Gäller {text} som fått stöd.'}}\n"


def _double(text: str) -> str:
    return f'{HEAD}  A1.1: {{status: pågående, kommentar: "Gäller {text} som fått stöd."}}\n'


def _bare(value: str) -> str:
    """The value written as YAML source after `kommentar:` (a number, a quoted text with escapes, …)."""
    return f"{HEAD}  A1.1: {{status: pågående, kommentar: {value}}}\n"


def _folded(first: str, second: str) -> str:
    return f"{HEAD}  A1.1:\n    status: pågående\n    kommentar: >\n      Klient {first}\n      {second}\n"


def _pairs(rng: random.Random, count: int) -> str:
    return " ".join(f"{rng.randrange(100):02d}" for _ in range(count))


def _escaped(text: str, rng: random.Random) -> str:
    escaped = "".join(rng.choice((f"\\u{ord(c):04x}", f"\\x{ord(c):02x}", c)) if c.isdigit() else c for c in text)
    return _double(escaped)


def _number(century: str, short: str, serial: str) -> int:
    """The number as a spreadsheet would store it; 00MMDD… in the 12-digit form, as it loses two zeros otherwise."""
    return int((century if short.startswith("00") else "") + short + serial)


_SUPERSCRIPT = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")
_CIRCLED = str.maketrans("0123456789", "\u24ea\u2460\u2461\u2462\u2463\u2464\u2465\u2466\u2467\u2468")


LEAKY_FORMS: dict[str, Callable[[str, str, str, random.Random], str]] = {
    "YYMMDD-NNNN": lambda c, d, s, r: _plain(f"{d}-{s}"),
    "YYMMDDNNNN": lambda c, d, s, r: _plain(f"{d}{s}"),
    "YYYYMMDD-NNNN": lambda c, d, s, r: _plain(f"{c}{d}-{s}"),
    "YYYYMMDDNNNN": lambda c, d, s, r: _plain(f"{c}{d}{s}"),
    "YYMMDD+NNNN": lambda c, d, s, r: _plain(f"{d}+{s}"),
    "YYMMDD NNNN": lambda c, d, s, r: _plain(f"{d} {s}") if int(s[:2]) >= 24 or int(s[2:]) >= 60 else _plain(d + s),
    "tankstreck": lambda c, d, s, r: _plain(f"{d}\u2013{s}"),
    "hårt bindestreck": lambda c, d, s, r: _plain(f"{d}\u2011{s}"),
    "minustecken": lambda c, d, s, r: _plain(f"{d}\u2212{s}"),
    "mjukt bindestreck": lambda c, d, s, r: _plain(f"{d}\u00ad{s}"),
    "hårt mellanslag": lambda c, d, s, r: _plain(f"{c}{d}\u00a0-\u00a0{s}"),
    "nollbrett mellanslag": lambda c, d, s, r: _plain(f"{d}\u200b-{s}"),
    "mellanslag-streck-mellanslag": lambda c, d, s, r: _plain(f"{d} - {s}"),
    "punkt": lambda c, d, s, r: _plain(f"{d}.{s}"),
    "fast vid bindestreck": lambda c, d, s, r: _plain(f"pnr-{d}-{s}-"),
    "fast vid snedstreck": lambda c, d, s, r: _plain(f"klient/{d}-{s}/2024"),
    "grupperat datum": lambda c, d, s, r: _plain(f"{c}{d[:2]} {d[2:4]} {d[4:]}-{s}"),
    "grupperat datum med streck": lambda c, d, s, r: _plain(f"{c}{d[:2]}-{d[2:4]}-{d[4:]}-{s}"),
    "fullbredd": lambda c, d, s, r: _plain(
        f"{d}-{s}".translate({ord(x): chr(0xFF10 + int(x)) for x in "0123456789"} | {ord("-"): "\uff0d"})
    ),
    "escape \\u och \\x": lambda c, d, s, r: _escaped(f"{d}-{s}", r),
    "radfortsättning": lambda c, d, s, r: (
        f'{HEAD}  A1.1: {{status: pågående, kommentar: "{d[:4]}\\\n    {d[4:]}-{s}"}}\n'
    ),
    "vikt text": lambda c, d, s, r: (
        f"{HEAD}  A1.1:\n    status: pågående\n    kommentar: >\n      Klient {d}-\n      {s}\n"
    ),
    "flyttal med exponent": lambda c, d, s, r: (
        f"{HEAD}  A1.1: {{status: pågående, kommentar: {_number(c, d, s) / 1e9!r}e9}}\n"
    ),
    "heltal": lambda c, d, s, r: f"{HEAD}  A1.1: {{status: pågående, kommentar: {_number(c, d, s)}}}\n",
    "decimaltal": lambda c, d, s, r: f"{HEAD}  A1.1: {{status: pågående, kommentar: {d}.{s}}}\n",
    "kommentar": lambda c, d, s, r: _in_comment(f"Uppgiftslämnare {c}{d}-{s}"),
    "nyckel": lambda c, d, s, r: f"{HEAD}  A1.1: {{status: pågående}}\n  '{d}-{s}': 1\n",
    # Issue 25: line breaks of every kind YAML and Excel make, more separators, Unicode digits and marks.
    "radbrytning som escape": lambda c, d, s, r: _double(f"{d}-\\n{s}"),
    "bokstavligt block": lambda c, d, s, r: (
        f"{HEAD}  A1.1:\n    status: pågående\n    kommentar: |\n      Klient {d}-\n      {s}\n"
    ),
    "bokstavligt block utan streck": lambda c, d, s, r: (
        f"{HEAD}  A1.1:\n    status: pågående\n    kommentar: |\n      Klient {c}{d[:4]}\n      {d[4:]}{s}\n"
    ),
    "radavskiljare \\L": lambda c, d, s, r: _double(f"{d}-\\L{s}"),
    "styckeavskiljare \\P": lambda c, d, s, r: _double(f"{d}\\P{s}"),
    "Alt+Enter i Excel": lambda c, d, s, r: _double(f"{d}\\r\\n{s}"),
    "snedstreck": lambda c, d, s, r: _plain(f"{d}/{s}"),
    "understreck": lambda c, d, s, r: _plain(f"{d}_{s}"),
    "kolon": lambda c, d, s, r: _plain(f"{d}:{s}"),
    "punkter i par": lambda c, d, s, r: _plain(f"{d[:2]}.{d[2:4]}.{d[4:]}-{s[:2]}.{s[2:]}"),
    "par med mellanslag": lambda c, d, s, r: _plain(f"{d[:2]} {d[2:4]} {d[4:]} {s[:2]} {s[2:]}"),
    "grupper om fyra": lambda c, d, s, r: _plain(f"{d[:4]} {d[4:]}{s[:2]} {s[2:]}"),
    "url-kodat streck": lambda c, d, s, r: _plain(f"{d}%2D{s}"),
    "upphöjda siffror": lambda c, d, s, r: _plain(f"{d}-{s}".translate(_SUPERSCRIPT)),
    "inringade siffror": lambda c, d, s, r: _plain(f"{d}-{s}".translate(_CIRCLED)),
    "kombinerande tecken": lambda c, d, s, r: _plain("\u034f".join(f"{d}-{s}")),
    "kombinerande understrykning": lambda c, d, s, r: _plain("".join(f"{x}\u0332" for x in f"{d}-{s}")),
}


def _date(rng: random.Random) -> dt.date:
    return dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(365 * 40))


_PHONE_WORDS = ("tel", "Tel.", "telefon", "mobil", "Mobilnr:", "Ring", "sms till", "telefonnummer")


def _mobile(rng: random.Random) -> str:
    """A ten-digit mobile number that a personnummer's check would pass (070 + a month + a day + a Luhn digit)."""
    nine = f"070{rng.randrange(1, 10)}{rng.randrange(1, 29):02d}{rng.randrange(1000):03d}"
    return nine + luhn_digit(nine)


def _org_number(rng: random.Random) -> str:
    nine = f"{rng.choice('125789')}{rng.randrange(10)}{rng.randrange(2, 10)}{rng.randrange(10**6):06d}"
    return f"{nine[:6]}-{nine[6:]}{luhn_digit(nine)}"


SAFE_FORMS: dict[str, Callable[[random.Random], str]] = {
    "datum": lambda r: f"{_date(r).isoformat()}",
    "datum utan streck": lambda r: f"{_date(r):%Y%m%d}",
    "tidsstämpel ÅÅÅÅMMDD TTMM": lambda r: f"{_date(r):%Y%m%d} {r.randrange(24):02d}{r.randrange(60):02d}",
    "tidsstämpel ÅÅÅÅ-MM-DD TTMM": lambda r: f"{_date(r).isoformat()} {r.randrange(24):02d}{r.randrange(60):02d}",
    "tidsstämpel med kolon": lambda r: f"{_date(r).isoformat()} {r.randrange(24):02d}:{r.randrange(60):02d}",
    "datumintervall": lambda r: f"{_date(r).isoformat()}\u2013{_date(r).isoformat()}",
    "datumintervall utan streck": lambda r: f"{_date(r):%Y%m%d}-{_date(r):%Y%m%d}",
    "klockslag": lambda r: f"kl. {r.randrange(24):02d}.{r.randrange(60):02d}",
    "diarienummer": lambda r: f"{r.choice(['KS', 'SDN', 'SY', 'SOF'])} {r.randrange(2015, 2030)}/{r.randrange(10000)}",
    "diarienummer med punkter": lambda r: f"Dnr 3.1.{r.randrange(9)}-{r.randrange(1000)}/{r.randrange(2015, 2030)}",
    "mobilnummer": lambda r: (
        f"07{r.randrange(10)}-{r.randrange(1000):03d} {r.randrange(100):02d} {r.randrange(100):02d}"
    ),
    "telefonnummer": lambda r: f"08-{r.randrange(100, 1000)} {r.randrange(100, 1000)} {r.randrange(100):02d}",
    "telefonnummer internationellt": lambda r: (
        f"+46 7{r.randrange(10)} {r.randrange(1000):03d} {r.randrange(100):02d} {r.randrange(100):02d}"
    ),
    "mobilnummer med ett streck": lambda r: f"07{r.randrange(10)}-{r.randrange(10**7):07d}",
    "organisationsnummer": _org_number,
    "belopp": lambda r: f"{r.randrange(1, 999)} {r.randrange(1000):03d} {r.randrange(1000):03d} kr",
    "postnummer": lambda r: f"{r.randrange(100, 999)} {r.randrange(100):02d} Stockholm",
    "år": lambda r: f"{r.randrange(2015, 2030)}\u2013{r.randrange(2015, 2030)}",
    # Issue 25: a mobile number written as ten digits, named as one, is no person even when its check digit fits.
    "mobilnummer utan avskiljare": lambda r: f"{r.choice(_PHONE_WORDS)} {_mobile(r)}",
    "mobilnummer med mellanslag": lambda r: f"{(m := _mobile(r))[:3]} {m[3:6]} {m[6:8]} {m[8:]}",
}


def leaky(count_each: int, seed: int = 13) -> list[tuple[str, str]]:
    """(form, file text) for every leaky form, `count_each` times, half personnummer and half samordningsnummer."""
    rng = random.Random(seed)
    cases = []
    for name, form in LEAKY_FORMS.items():
        for index in range(count_each):
            century, short, serial, _ = identity(rng, samordning=index % 2 == 1)
            cases.append((name, form(century, short, serial, rng)))
    return cases


def safe(count_each: int, seed: int = 13) -> list[tuple[str, str]]:
    """(form, file text) for every safe form, each in a comment and in a value."""
    rng = random.Random(seed)
    cases = []
    for name, form in SAFE_FORMS.items():
        for index in range(count_each):
            text = form(rng)
            cases.append((name, _in_comment(text) if index % 2 else _plain(text)))
    return cases
