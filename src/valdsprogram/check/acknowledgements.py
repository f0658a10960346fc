"""Warnings a follow-up acknowledges on an item (`kvittera: {VP314: "skäl"}`): marked with their reason, and
acknowledgements that do not fit (an error, an unknown code, a warning that is not given there) reported."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from valdsprogram.check.rules.finding import Finding
from valdsprogram.check.suggest import did_you_mean
from valdsprogram.codes import CODES
from valdsprogram.diagnostics import Diagnostic, Severity

OWN_CODES = ("VP327", "VP328")
"""The codes about acknowledgements themselves, which cannot be acknowledged."""
EMITS = OWN_CODES
"""The codes this module gives, each in the catalogue (tests/test_rule_codes.py holds them to it)."""


def apply(
    acknowledged: Iterable[tuple[str, str, str, str]], diagnostics: list[Diagnostic]
) -> tuple[list[Diagnostic], list[Finding]]:
    """The file's diagnostics with the warnings it acknowledges (each a section, id, code and reason) marked, and
    findings about its acknowledgements (VP327: nothing to acknowledge there, VP328: an error, an unknown code or
    one that cannot be acknowledged)."""
    marked = list(diagnostics)
    findings: list[Finding] = []
    for section, ident, code, reason in acknowledged:
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
