"""What a valid value of an indicator looks like, given its unit (antal, procent, ja/nej)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Only for annotations: yaml.handtyped, which model.program's fields use, checks typed values against the
    # units here, and a runtime import would close that loop.
    from valdsprogram.model.program import Indicator

PERCENT_RANGE = (0, 100)
"""The lowest and highest share in percent, inclusive: for checks, hints and a workbook's cell validation."""


def is_percentage(value: int | float) -> bool:
    """Whether the number is a share in percent: 0 to 100, both included."""
    return PERCENT_RANGE[0] <= value <= PERCENT_RANGE[1]


def is_count(value: int | float) -> bool:
    """Whether the number is a count: a whole number (12 or 12.0) that is not negative."""
    return not (value < 0 or value != int(value))


def unit_problem(indicator: Indicator, value: bool | int | float) -> str:
    """Why the value does not fit the indicator's unit, as the end of a Swedish sentence; empty if it fits."""
    if indicator.enhet == "ja/nej":
        return "" if isinstance(value, bool) else f"är {value}, men en ja/nej-indikator tar true eller false"
    if isinstance(value, bool):
        return f"är {str(value).lower()}, men enheten är {indicator.enhet}"
    if indicator.enhet == "procent" and not is_percentage(value):
        return f"är {value}, men en andel i procent ligger mellan 0 och 100"
    if indicator.enhet == "antal" and not is_count(value):
        return f"är {value}, men ett antal är ett heltal som inte är negativt"
    return ""


def unit_hint(indicator: Indicator) -> str:
    """What a valid value for the indicator looks like."""
    return {
        "ja/nej": "Skriv true (ja) eller false (nej).",
        "procent": "Skriv procenttalet utan procenttecken, till exempel 85 eller 85.5.",
        "antal": "Skriv ett heltal, till exempel 12.",
    }[indicator.enhet]


THIN_SPACE = "\u202f"
"""The thousands separator readers see: a narrow no-break space, so that `1 511` never breaks across lines."""


def swedish(value: bool | int | float, *, grouped: bool = True) -> str:
    """A value as Swedish text, the one way every report, chart and message writes a number: decimal comma, no
    trailing .0, ja/nej for booleans, and (unless not `grouped`, as in CSV for Excel) a narrow no-break space
    between thousands: `1 511`, `12 345,5`."""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if not grouped or "e" in text or "inf" in text or "nan" in text:
        return text.replace(".", ",")
    sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, dot, fraction = digits.partition(".")
    if len(whole) > 3:
        whole = f"{int(whole):,}".replace(",", THIN_SPACE)
    return sign + whole + ("," + fraction if dot else "")


def value_text(indicator: Indicator, value: bool | int | float, mask: int = 0) -> str:
    """A value as shown in checklists and reports: `62,5 %`, `12`, `ja`; below `mask` as `färre än N`."""
    if mask and not isinstance(value, bool) and value < mask:
        return f"färre än {mask}"
    text = swedish(value)
    return f"{text} %" if indicator.enhet == "procent" and not isinstance(value, bool) else text
