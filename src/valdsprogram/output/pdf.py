"""PDF from the tool's own HTML documents, made with WeasyPrint (the optional extra `valdsprogram[pdf]`).

The PDF is tagged (PDF/UA-1), in Swedish (`Lang` sv-SE), titled and bookmarked per heading, as Swedish public
bodies must publish accessible documents. The same HTML gives the same bytes: WeasyPrint writes no date unless
asked. Nothing outside the document is fetched: every resource is inline, and a request for anything else (a user
template's `<img>`, `<link>`, `@import`, `url(…)`, `<object>`, even a `data:` URL) stops the PDF with a template
error. The fetcher works with every WeasyPrint the extra allows (62 to 70): a callable that refuses, carrying the
`_fail_on_errors` flag that WeasyPrint 68 reads and 70 requires.
"""

from __future__ import annotations

import logging
from typing import Any, NoReturn

from valdsprogram.errors import ValdsprogramError
from valdsprogram.output.sandbox import TemplateProblem
from valdsprogram.text import shorten

INSTALL = "pip install 'valdsprogram[pdf]'"

# Only the goals (h2) and the document (h1) are bookmarks: a bookmark per indicator or body would bury them.
_PDF_CSS = """
h1 { bookmark-level: 1; }
h2 { bookmark-level: 2; }
h3, h4, h5, h6 { bookmark-level: none; }
"""


class PdfUnavailable(ValdsprogramError):
    """WeasyPrint (or the Pango library it draws text with) is not installed; the message says how to install it."""


def html_to_pdf(html: str) -> bytes:
    """The HTML document as a tagged PDF/UA-1 in Swedish; raises PdfUnavailable without WeasyPrint."""
    weasyprint = _weasyprint()
    logger = logging.getLogger("weasyprint")
    # WeasyPrint logs what it skips (a CSS property it does not know): that is for developers, not for users.
    propagate, logger.propagate = logger.propagate, False
    handler = logging.NullHandler()
    logger.addHandler(handler)
    fetcher = _Refusing()
    data = b""
    # From WeasyPrint 68 on, a refusal with `_fail_on_errors` stops the rendering with this BaseException.
    fatal = getattr(getattr(weasyprint, "urls", None), "FatalURLFetchingError", ())
    try:
        stylesheet = weasyprint.CSS(string=_PDF_CSS, url_fetcher=fetcher)
        document = weasyprint.HTML(string=html, url_fetcher=fetcher).render(stylesheets=[stylesheet])
        if not fetcher.refused:
            document.metadata.lang = "sv-SE"
            data = document.write_pdf(pdf_variant="pdf/ua-1")
    except fatal:
        pass  # the refused address is in `fetcher.refused`
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
    if fetcher.refused:  # before WeasyPrint 68 a refusal is only logged, and the rendering goes on without it
        raise TemplateProblem(
            f"Mallen hämtar {shorten(fetcher.refused[0], 80)!r} utanför dokumentet, och en PDF hämtar ingenting "
            "utifrån. Ta bort bilder, stilmallar, typsnitt och objekt som mallen hämtar (<img>, <link>, <object>, "
            "@import, url(…), även data:-adresser); skriv stilen direkt i mallen."
        )
    return data


def _weasyprint() -> Any:
    try:
        import weasyprint
    except ImportError:
        raise PdfUnavailable(f"PDF kräver tillägget pdf (WeasyPrint). Installera det med: {INSTALL}") from None
    except OSError as error:  # WeasyPrint is installed, but the Pango library it needs is not
        raise PdfUnavailable(
            "PDF kräver biblioteket Pango, som WeasyPrint ritar text med, men det hittades inte "
            f"({error}). På Debian och Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0."
        ) from None
    return weasyprint


class _Refusing:
    """The URL fetcher: the documents are self-contained, so any request is a mistake or an attack; each is
    refused and remembered."""

    _fail_on_errors = True
    """Read by WeasyPrint 68 and 69 with getattr, by 70 as an attribute: a refusal stops the rendering."""

    def __init__(self) -> None:
        self.refused: list[str] = []
        """Every address WeasyPrint asked for, in order."""

    def __call__(self, url: str, *args: object, **kwargs: object) -> NoReturn:
        self.refused.append(url)
        raise ValueError("dokumentet hämtar inget utanför sig självt")

    fetch = __call__
    """WeasyPrint's own fetcher class names its method `fetch`; a later version may call it by that name."""
