"""PDF from the tool's own HTML documents, made with WeasyPrint (the optional extra `valdsprogram[pdf]`).

The PDF is tagged (PDF/UA-1), in Swedish (`Lang` sv-SE), titled and bookmarked per heading, as Swedish public
bodies must publish accessible documents. The same HTML gives the same bytes: WeasyPrint writes no date unless
asked. Nothing outside the document is fetched: every resource is inline, and any other request is refused.
"""

from __future__ import annotations

import logging
from typing import Any

from valdsprogram.errors import ValdsprogramError

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
    try:
        stylesheet = weasyprint.CSS(string=_PDF_CSS)
        document = weasyprint.HTML(string=html, url_fetcher=_refuse).render(stylesheets=[stylesheet])
        document.metadata.lang = "sv-SE"
        data: bytes = document.write_pdf(pdf_variant="pdf/ua-1")
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
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


def _refuse(url: str, *args: object, **kwargs: object) -> dict[str, object]:
    """The URL fetcher: the documents are self-contained, so any request is a mistake or an attack."""
    raise ValueError(f"{url}: dokumentet hämtar inget utanför sig självt")
