"""A follow-up file that fits the model, with the program facts its rules need worked out once."""

from __future__ import annotations

from dataclasses import dataclass, field

from valdsprogram.model.followup import FollowUp
from valdsprogram.model.periods import Period
from valdsprogram.model.program import Body, Indicator
from valdsprogram.model.program_index import ProgramIndex, Responsibilities, exists


@dataclass(frozen=True, slots=True)
class FollowUpFile:
    """One validated follow-up and its place in the program."""

    path: str
    """The file as shown to the user."""
    followup: FollowUp
    """The file's data."""
    period: Period
    """The period it reports."""
    body: Body | None
    """The reporting body; None when the program has no such body."""
    exists: bool
    """Whether the body exists on the period's last day, and so may report it."""
    duties: Responsibilities
    """What the body must report this period; empty when it does not exist then."""
    index: ProgramIndex = field(compare=False, repr=False)
    """The program it is checked against."""

    @classmethod
    def build(cls, index: ProgramIndex, path: str, followup: FollowUp) -> FollowUpFile:
        period = Period.parse(followup.period)
        assert period is not None, "the model has checked the period's form"
        body = index.bodies.get(followup.organ)
        alive = body is not None and exists(body, period.last_day)
        duties = index.responsibilities(followup.organ, period.last_day) if alive else Responsibilities()
        return cls(path, followup, period, body, alive, duties, index)

    @property
    def body_id(self) -> str:
        """The reporting body's id (the file's `organ`)."""
        return self.followup.organ

    @property
    def body_name(self) -> str:
        return self.body.namn if self.body is not None else self.followup.organ

    def due(self, indicator: Indicator) -> bool:
        """Whether the indicator is reported this period."""
        return indicator.due(self.period)
