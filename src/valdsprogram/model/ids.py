"""The id rules: what an id of a body, group, goal, activity or indicator may look like.

Kept apart from the models (and from pydantic) so that shell completion can hold every id it offers to the same
rule without waiting for the models to load.
"""

from __future__ import annotations

import re

MAX_ID_LENGTH = 60
"""Longer ids are refused: no real one comes close, and a message never has to quote a megabyte."""
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
GOAL_PATTERN = r"^M[1-9][0-9]*$"
ACTIVITY_PATTERN = r"^A[1-9][0-9]*\.[1-9][0-9]*$"
INDICATOR_PATTERN = r"^I[1-9][0-9]*\.[1-9][0-9]*$"


def passes(pattern: str, ident: object) -> bool:
    """Whether `ident` is a text that the id rule `pattern` takes, within MAX_ID_LENGTH."""
    # fullmatch, not match: `$` also matches before a final line break, which an id may not end with.
    return isinstance(ident, str) and len(ident) <= MAX_ID_LENGTH and re.fullmatch(pattern, ident) is not None
