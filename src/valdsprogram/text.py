"""Text the tool quotes or explains in its messages: user text cut to a readable length, values described in
Swedish, lists and sizes written the Swedish way, and operating-system errors in Swedish.
"""

from __future__ import annotations

import errno
import math
from collections.abc import Sequence
from typing import Any


def shorten(text: str, limit: int = 60) -> str:
    """User text quoted in a message, cut to a readable length (a hostile file may hold megabyte-long keys)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def join_swedish(items: Sequence[str], last: str = "och") -> str:
    """A list as a Swede writes it: "a", "a och b", "a, b och c" (no comma before "och"); with `last="eller"`,
    a list of choices: "a, b eller c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {last} " + items[-1]


def mebibytes(size: int) -> str:
    """A size in MiB with one decimal and a decimal comma, as the limits' messages show it: "1,5"."""
    return f"{size / 1_048_576:.1f}".replace(".", ",")


def describe(value: Any) -> str:
    """A short Swedish description of a value for error messages: its kind and, briefly, itself."""
    if value is None:
        return "ett tomt värde"
    if isinstance(value, bool):
        return f"sanningsvärdet {str(value).lower()}"
    if isinstance(value, int):
        return f"heltalet {value}" if abs(value) < 10**40 else f"ett heltal med {len(str(abs(value)))} siffror"
    if isinstance(value, float):
        return f"decimaltalet {value}" if math.isfinite(value) else "ett orimligt stort tal"
    if isinstance(value, str):
        return f"texten {shorten(value, 40)!r}"
    if isinstance(value, list):
        return "en lista"
    if isinstance(value, dict):
        return "en mappning"
    return "ett värde av okänt slag"


_OS_ERRORS = {
    errno.EACCES: "Åtkomst nekad",
    errno.EPERM: "Åtgärden är inte tillåten",
    errno.ENOENT: "Filen eller mappen finns inte",
    errno.EISDIR: "Det är en mapp",
    errno.ENOTDIR: "En del av sökvägen är inte en mapp",
    errno.ELOOP: "För många nivåer av symboliska länkar",
    errno.ENAMETOOLONG: "Filnamnet är för långt",
    errno.EIO: "In- eller utmatningsfel",
    errno.ENOSPC: "Inget utrymme kvar på enheten",
    errno.EDQUOT: "Diskkvoten är överskriden",
    errno.EROFS: "Filsystemet är skrivskyddat",
    errno.EMFILE: "För många öppna filer",
    errno.ENFILE: "För många öppna filer i systemet",
    errno.ENXIO: "Enheten finns inte",
    errno.ENODEV: "Enheten finns inte",
    errno.EBUSY: "Enheten eller resursen är upptagen",
    errno.ETXTBSY: "Filen är upptagen",
    errno.EEXIST: "Filen finns redan",
    errno.EINVAL: "Ogiltigt argument",
    errno.ENOMEM: "Minnet räcker inte",
    errno.EFBIG: "Filen är för stor",
    errno.EAGAIN: "Resursen är tillfälligt otillgänglig",
    errno.EINTR: "Avbrutet",
    errno.ESTALE: "Filen finns inte längre på nätverksenheten",
    errno.EXDEV: "Filen kan inte flyttas mellan två filsystem",
}


def os_error_text(error: OSError) -> str:
    """What went wrong, in Swedish: the C library's `strerror` is English whatever the user's language."""
    if error.errno in _OS_ERRORS:
        return _OS_ERRORS[error.errno]
    if error.errno is not None:
        return f"Systemfel {errno.errorcode.get(error.errno, error.errno)}"
    return "Okänt systemfel"
