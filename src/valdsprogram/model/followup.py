"""The follow-up file's data model (uppfoljning/<period>/<organ>.yaml): one body's report for one period."""

from __future__ import annotations

from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from valdsprogram.model.fields import ActivityId, Date, GoalId, IndicatorId, Slug, Text, Value
from valdsprogram.model.periods import PERIOD_PATTERN, Period
from valdsprogram.model.program import StrictModel
from valdsprogram.text import join_swedish

NOT_STARTED: Final = "ej påbörjad"
ONGOING: Final = "pågående"
DELAYED: Final = "försenad"
DONE: Final = "genomförd"
DROPPED: Final = "utgår"
"""An activity's statuses, each word written once for every module that tests or lists one."""
Status = Literal["ej påbörjad", "pågående", "försenad", "genomförd", "utgår"]
"""The five words above (a Literal cannot be built from constants; a test checks they agree)."""
Assessment = Literal["helt", "delvis", "inte"]
"""Whether a goal or target is met fully, partly or not (uppfyllt helt, delvis, inte)."""
PeriodText = Annotated[str, StringConstraints(pattern=PERIOD_PATTERN)]
CodeText = Annotated[str, StringConstraints(pattern=r"^VP[0-9]{3}$")]


def _acknowledgements() -> Any:
    return Field(
        default_factory=dict,
        description='Varningar som organet kvitterar här, med skäl: {VP314: "Årsmålet höjdes genom nämndens '
        'beslut 2024-03-20"}. En kvitterad varning räknas inte av validera --strikt; fel kan inte kvitteras.',
    )


ASSESSMENTS: tuple[Assessment, ...] = ("helt", "delvis", "inte")
"""The assessments in order, best first."""
NEEDS_ANALYSIS: tuple[Assessment, ...] = ("delvis", "inte")
"""A goal assessed so must be analysed in `analys`."""
ASSESSMENT_CHOICES_TEXT = join_swedish(ASSESSMENTS, "eller")
"""`helt, delvis eller inte`, for hints and descriptions."""

STATUSES: tuple[Status, ...] = (NOT_STARTED, ONGOING, DELAYED, DONE, DROPPED)
"""Activity statuses in the order work moves through them (`utgår`: dropped by decision)."""
STATUS_CHOICES_TEXT = join_swedish(STATUSES, "eller")
"""`ej påbörjad, pågående, försenad, genomförd eller utgår`, for hints and descriptions."""
UNDER_WAY: tuple[Status, ...] = (ONGOING, DELAYED)
"""Statuses of work under way; an activity in them for several reports in a row is standing still."""

STATUS_RANK: dict[str, int] = {NOT_STARTED: 0, ONGOING: 1, DELAYED: 1, DONE: 2, DROPPED: 3}
"""How far work has come; a later report with a lower rank has gone backwards. `utgår` is final."""


class Decision(StrictModel):
    model_config = ConfigDict(title="Beslut", json_schema_extra={"description": "Nämndens eller styrelsens beslut."})

    datum: Date | None = Field(None, description="Dagen nämnden eller styrelsen beslutade om uppföljningen.")
    diarienummer: Text | None = Field(None, description="Ärendets diarienummer, till exempel SÖ 2024/123.")


class ActivityReport(StrictModel):
    model_config = ConfigDict(title="Aktivitetsrapport", json_schema_extra={"description": "Hur en aktivitet går."})

    status: Status | None = Field(None, description=f"{STATUS_CHOICES_TEXT}.")
    kommentar: str | None = Field(None, description=f"Vad som gjorts; krävs när status är {NOT_STARTED} i T2 och VB.")
    kvittera: dict[CodeText, Text] = _acknowledgements()


class IndicatorReport(StrictModel):
    model_config = ConfigDict(title="Indikatorrapport", json_schema_extra={"description": "Utfall för en indikator."})

    utfall: Value | None = Field(None, description="Periodens utfall i indikatorns enhet.")
    arsmal: Value | None = Field(None, description="Årets mål i indikatorns enhet.")
    prognos: Value | None = Field(
        None,
        description="Helårsprognos i T1 och T2, i indikatorns enhet: vad utfallet väntas bli för hela året. "
        "Används för indikatorer som mäts ackumulerat; inte i VB.",
    )
    taljare: int | None = Field(None, ge=0, le=10**15, description="För procent: antalet som uppfyller villkoret.")
    namnare: int | None = Field(None, ge=1, le=10**15, description="För procent: antalet som andelen räknas på.")
    kommentar: str | None = Field(None, description="Kommentar till utfallet.")
    kvittera: dict[CodeText, Text] = _acknowledgements()


class GoalReport(StrictModel):
    model_config = ConfigDict(title="Målbedömning", json_schema_extra={"description": "Bedömning av ett mål."})

    bedomning: Assessment | None = Field(
        None, description=f"Uppfylls målet {ASSESSMENT_CHOICES_TEXT}? Krävs i VB; en prognos i T1 och T2."
    )
    analys: str | None = Field(None, description="Analys; krävs när bedömningen är delvis eller inte.")
    kvittera: dict[CodeText, Text] = _acknowledgements()


class FollowUp(StrictModel):
    """One body's follow-up of the program for one period."""

    model_config = ConfigDict(
        title="Uppföljning",
        json_schema_extra={"description": "Ett organs uppföljning av programmet för en period."},
    )

    organ: Slug = Field(description="Organets id i program.yaml, till exempel sdn-sodermalm.")
    period: PeriodText = Field(description="Perioden: ÅÅÅÅ-T1, ÅÅÅÅ-T2 eller ÅÅÅÅ-VB.")
    beslut: Decision | None = Field(None, description="Beslutet om uppföljningen.")
    aktiviteter: dict[ActivityId, ActivityReport] = Field(default_factory=dict, description="Per aktivitet.")
    indikatorer: dict[IndicatorId, IndicatorReport] = Field(default_factory=dict, description="Per indikator.")
    mal: dict[GoalId, GoalReport] = Field(default_factory=dict, description="Per mål.")


def settle(followup: FollowUp) -> FollowUp:
    """The follow-up, lighter to keep: every record with the same fields set shares one set of their names.

    A report holds every follow-up of every period, about a dozen records each, and pydantic gives each record its
    own set (`model_fields_set`). Sharing one is what `model_construct(_fields_set=…)` does, and is safe for these
    frozen records: only assigning a field adds to the set, and `model_copy` copies it first.
    """
    records: list[BaseModel] = [followup]
    if followup.beslut is not None:
        records.append(followup.beslut)
    records += [*followup.aktiviteter.values(), *followup.indikatorer.values(), *followup.mal.values()]
    for record in records:
        names = frozenset(record.model_fields_set)
        object.__setattr__(record, "__pydantic_fields_set__", _FIELDS_SETS.setdefault(names, set(names)))
    return followup


_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
"""One set of field names per combination; there are a few dozen."""


def lacks_analysis(assessment: Assessment | None, analysis: str | None) -> bool:
    """Whether a goal assessed as met only partly or not at all (`NEEDS_ANALYSIS`) has no analysis written: in a
    body's follow-up and in socialnämnden's compilation alike."""
    return assessment in NEEDS_ANALYSIS and not (analysis or "").strip()


def needs_comment(status: Status | None, period: Period) -> bool:
    """Whether an activity's status must be explained in `kommentar` in the period: a delayed or dropped activity
    always, one not started from tertial 2 on (by then it should have started).
    """
    return status in (DELAYED, DROPPED) or (status == NOT_STARTED and period.kind != "T1")
