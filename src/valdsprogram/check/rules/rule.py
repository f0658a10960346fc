"""The shape every rule has: a function of what it checks, yielding findings, that declares the codes it may give."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol, TypeVar, cast

from valdsprogram.check.rules.finding import Finding

Subject = TypeVar("Subject", contravariant=True)
Checked = TypeVar("Checked")


class Rule(Protocol[Subject]):
    """A rule over one kind of subject (the program, a follow-up, all follow-ups, a compilation, a file's text)."""

    __name__: str
    codes: tuple[str, ...]
    """The codes it may give, each in `codes.CODES`: a test runs the rule cases and holds each rule to them."""

    def __call__(self, subject: Subject, /) -> Iterator[Finding]: ...


def rule(*codes: str) -> Callable[[Callable[[Checked], Iterator[Finding]]], Rule[Checked]]:
    """Declare the codes a rule may give, where it is written: `@rule("VP301")` above its `def`."""

    def declare(check: Callable[[Checked], Iterator[Finding]]) -> Rule[Checked]:
        # The function itself, not a wrapper around it: a call costs what it did before it was declared.
        declared = cast(Rule[Checked], check)
        declared.codes = codes
        return declared

    return declare
