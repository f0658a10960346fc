"""Warnings a follow-up acknowledges on an item (`kvittera: {VP314: "skäl"}`): marked with their reason, and
acknowledgements that do not fit (an error, an unknown code, a warning that is not given there) reported."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from valdsprogram.codes import CODES
from valdsprogram.diagnostics import Diagnostic, Severity
from valdsprogram.followup import FollowUp
from valdsprogram.rules.finding import Finding
from valdsprogram.suggest import did_you_mean

OWN_CODES = ("VP327", "VP328")
"""The codes about acknowledgements themselves, which cannot be acknowledged."""


def acknowledgements(followup: FollowUp) -> Iterator[tuple[str, str, str, str]]:
    """Every (section, id, code, reason) the follow-up acknowledges, in file order."""
    sections: tuple[tuple[str, dict[str, object]], ...] = (
        ("aktiviteter", dict(followup.aktiviteter)),
        ("indikatorer", dict(followup.indikatorer)),
        ("mal", dict(followup.mal)),
    )
    for section, items in sections:
        for ident, report in items.items():
            for code, reason in getattr(report, "kvittera", {}).items():
                yield section, ident, code, reason


def apply(followup: FollowUp, diagnostics: list[Diagnostic]) -> tuple[list[Diagnostic], list[Finding]]:
    """The file's diagnostics with the warnings it acknowledges marked, and findings about its acknowledgements
    (VP327: nothing to acknowledge there, VP328: an error, an unknown code or one that cannot be acknowledged)."""
    marked = list(diagnostics)
    findings: list[Finding] = []
    for section, ident, code, reason in acknowledgements(followup):
        loc = (section, ident, "kvittera", code)
        known = CODES.get(code)
        if known is None:
            hint = did_you_mean(code, list(CODES)) or "Se docs/koder.md för kodernas betydelse."
            findings.append(Finding("VP328", loc, f"{code} är ingen kod i valdsprogram.", hint, at_key=True))
            continue
        if known.severity is Severity.FEL or code in OWN_CODES:
            what = "ett fel" if known.severity is Severity.FEL else "en varning om kvitteringar"
            findings.append(
                Finding(
                    "VP328",
                    loc,
                    f"{code} är {what} och kan inte kvitteras.",
                    "Rätta det som är fel i stället, och ta bort kvitteringen.",
                    at_key=True,
                )
            )
            continue
        item = f"{section}.{ident}"
        hits = [
            n
            for n, d in enumerate(marked)
            if d.code == code and d.severity is Severity.VARNING and (d.place == item or d.place.startswith(item + "."))
        ]
        if not hits:
            findings.append(
                Finding(
                    "VP327",
                    loc,
                    f"{code} kvitteras för {ident}, men ges inte där.",
                    "Ta bort kvitteringen.",
                    at_key=True,
                )
            )
        for n in hits:
            marked[n] = dataclasses.replace(marked[n], acknowledged=reason)
    return marked, findings
