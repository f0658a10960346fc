"""The coordinator's compilation file (sammanstallning/<period>.yaml): socialnämnden's own summary, the city's
assessment and analysis of each goal, proposed measures and the decision, for one period."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import ConfigDict, Field

from valdsprogram.model.fields import GoalId, Text
from valdsprogram.model.followup import ASSESSMENT_CHOICES_TEXT, Assessment, Decision, PeriodText
from valdsprogram.model.periods import Period
from valdsprogram.model.program import StrictModel
from valdsprogram.model.program_index import ProgramIndex
from valdsprogram.yaml.reader import YamlDocument


class CityGoal(StrictModel):
    model_config = ConfigDict(
        title="Stadens målbedömning", json_schema_extra={"description": "Stadens samlade bedömning av ett mål."}
    )

    bedomning: Assessment | None = Field(
        None, description=f"Uppfylls målet för staden {ASSESSMENT_CHOICES_TEXT}? En prognos i T1 och T2."
    )
    analys: str | None = Field(None, description="Socialnämndens analys; krävs när bedömningen är delvis eller inte.")


class Compilation(StrictModel):
    """Socialnämnden's compilation of one period for the whole city."""

    model_config = ConfigDict(
        title="Sammanställning",
        json_schema_extra={
            "description": "Socialnämndens sammanställning av en period: sammanfattning, stadens bedömning och "
            "analys per mål, föreslagna åtgärder och beslut."
        },
    )

    period: PeriodText = Field(description="Perioden: ÅÅÅÅ-T1, ÅÅÅÅ-T2 eller ÅÅÅÅ-VB.")
    sammanfattning: str | None = Field(None, description="Socialnämndens sammanfattning av perioden.")
    mal: dict[GoalId, CityGoal] | None = Field(None, description="Stadens bedömning och analys per mål.")
    atgarder: list[Text] | None = Field(None, description="Föreslagna åtgärder, en per punkt.")
    beslut: Decision | None = Field(None, description="Socialnämndens beslut om uppföljningen.")


@dataclass(frozen=True, slots=True)
class CompilationFile:
    """One compilation file that fits the model."""

    document: YamlDocument
    """The file as read, for positions and its path."""
    compilation: Compilation
    """The file's data."""
    period: Period
    """The period it compiles."""
    index: ProgramIndex = field(compare=False, repr=False)
    """The program it is checked against."""
    support: dict[str, frozenset[str]] | None = field(default=None, compare=False, repr=False)
    """Goal id → the assessments the bodies' follow-ups of the period give it; None when the follow-ups were not
    all read (a compilation checked alone), so that nothing is judged on part of them, or none of the period gives
    an assessment."""

    @classmethod
    def build(
        cls,
        index: ProgramIndex,
        document: YamlDocument,
        compilation: Compilation,
        support: dict[tuple[Period, str], set[str]] | None = None,
    ) -> CompilationFile:
        period = Period.parse(compilation.period)
        assert period is not None, "the model has checked the period's form"
        # Without any follow-up of the period there is nothing to weigh the verdict against (the report says so).
        goals = {g: frozenset(a) for (p, g), a in (support or {}).items() if p == period}
        return cls(document, compilation, period, index, goals if goals else None)

    @property
    def goals(self) -> dict[str, CityGoal]:
        return self.compilation.mal or {}


def unsupported_verdict(assessment: str | None, given: frozenset[str]) -> str:
    """Why the city's assessment of a goal has no support in the bodies' assessments of it, in Swedish; empty when
    it has (or there is no assessment): no body assessed the goal, or the city says `helt` and no body does."""
    if assessment is None:
        return ""
    if not given:
        return "inget organ har bedömt målet"
    if assessment == "helt" and "helt" not in given:
        return "inget organ bedömer att målet uppfylls helt"
    return ""
