"""Suggestions for mistyped ids and keys: "Menade du …?"."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(value: str, known: Iterable[str], *, most: int = 1) -> str:
    """`Menade du 'a'?` (or `'a', 'b' eller 'c'`) for the closest known values; empty when none is close."""
    names = [repr(c) for c in difflib.get_close_matches(value, list(known), n=most, cutoff=0.6 if most == 1 else 0.5)]
    if not names:
        return ""
    listed = ", ".join(names[:-1]) + " eller " + names[-1] if len(names) > 1 else names[0]
    return f"Menade du {listed}?"
