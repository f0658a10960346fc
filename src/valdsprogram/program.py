"""The program's data model (program.yaml): the schema lives here and nowhere else."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from valdsprogram.fields import ActivityId, Date, GoalId, IndicatorId, Slug, Text, Value, Year
from valdsprogram.periods import Period

BodyType = Literal["stadsdelsnamnd", "facknamnd", "kommunstyrelse", "bolagsstyrelse"]
Unit = Literal["antal", "procent", "ja/nej"]
Periodicity = Literal["tertial", "ar"]
Direction = Literal["hogre_ar_battre", "lagre_ar_battre"]
Measure = Literal["ackumulerad", "lage"]

DEFAULT_MEASURE: dict[str, Measure] = {"antal": "ackumulerad", "procent": "lage", "ja/nej": "lage"}
"""How an indicator is measured when `matning` is left out: counts add up over the year, shares and yes/no are
states on the period's last day."""


class StrictModel(BaseModel):
    """Strict, closed, immutable: the user's data is checked, never coerced or extended."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Validity(StrictModel):
    model_config = ConfigDict(title="Giltighet", json_schema_extra={"description": "Åren programmet gäller."})

    fran: Year = Field(description="Första året programmet gäller.")
    till: Year = Field(description="Sista året programmet gäller.")


class Named(StrictModel):
    model_config = ConfigDict(title="Namngivet", json_schema_extra={"description": "En våldstyp eller ett perspektiv."})

    id: Slug = Field(description="Stabilt id.")
    namn: Text = Field(description="Namn.")


class Body(StrictModel):
    """A committee (nämnd) or company board (bolagsstyrelse)."""

    model_config = ConfigDict(title="Organ", json_schema_extra={"description": "En nämnd eller bolagsstyrelse."})

    id: Slug = Field(description="Stabilt id, till exempel sdn-sodermalm.")
    namn: Text = Field(description="Organets officiella namn.")
    typ: BodyType = Field(description="Slag av organ.")
    fran: Date | None = Field(None, description="Första dagen organet finns (utelämnas om före programmet).")
    till: Date | None = Field(None, description="Sista dagen organet finns (utelämnas om det finns kvar).")
    ersatts_av: Slug | None = Field(None, description="Id för organet som tog över efter detta.")


class Group(StrictModel):
    """A named set of bodies, resolved by date, usable in `ansvariga`."""

    model_config = ConfigDict(
        title="Grupp",
        json_schema_extra={"description": "En namngiven grupp av organ som kan anges som ansvarig; bestäms per datum."},
    )

    id: Slug = Field(description="Stabilt id, till exempel alla-stadsdelsnamnder.")
    namn: Text = Field(description="Gruppens namn.")
    typer: list[BodyType] = Field(default_factory=list, description="Alla organ av dessa slag hör till gruppen.")
    medlemmar: list[Slug] = Field(default_factory=list, description="Dessa organ hör till gruppen.")


class Activity(StrictModel):
    model_config = ConfigDict(title="Aktivitet", json_schema_extra={"description": "Något ett organ ska göra."})

    id: ActivityId = Field(description="Id, till exempel A1.2.")
    text: Text = Field(description="Vad som ska göras.")
    ansvariga: list[Slug] = Field(min_length=1, description="Ansvariga organ och grupper.")
    valdstyper: list[Slug] = Field(default_factory=list, description="Våldstyper aktiviteten gäller.")
    kalla: Text = Field(description="Källa för aktivitetens text.")
    utkast: bool = Field(False, description="true om texten är ett utkast och inte programmets antagna text.")


class Indicator(StrictModel):
    model_config = ConfigDict(
        title="Indikator", json_schema_extra={"description": "Något ett organ mäter och rapporterar."}
    )

    id: IndicatorId = Field(description="Id, till exempel I1.2.")
    text: Text = Field(description="Vad som mäts.")
    enhet: Unit = Field(description="Enhet: antal, procent eller ja/nej.")
    periodicitet: Periodicity = Field(description="tertial: rapporteras T1, T2 och VB; ar: bara i VB.")
    riktning: Direction = Field(description="Om högre eller lägre värden är bättre.")
    arsmal: Value | None = Field(None, description="Förslag till årsmål för alla ansvariga.")
    tolerans: float | None = Field(
        None,
        ge=0,
        description="Hur långt från årsmålet utfallet får ligga för att målet ska räknas som delvis uppnått.",
    )
    ansvariga: list[Slug] = Field(min_length=1, description="Ansvariga organ och grupper.")
    valdstyper: list[Slug] = Field(default_factory=list, description="Våldstyper indikatorn gäller.")
    kalla: Text = Field(description="Källa för indikatorn.")
    utkast: bool = Field(False, description="true om indikatorn är ett utkast och inte programmets antagna text.")
    kanslig: bool = Field(False, description="true om indikatorn räknar personer: små antal maskeras då i rapporter.")
    matning: Measure | None = Field(
        None,
        description="Hur indikatorn mäts: ackumulerad (summerad över året hittills, till exempel ärenden "
        "januari–april) eller lage (ett läge periodens sista dag, till exempel en andel eller ja/nej). "
        "Utelämnad: ackumulerad för antal, lage för procent och ja/nej.",
    )

    @property
    def measure(self) -> Measure:
        """`matning`, or the default for the unit."""
        return self.matning or DEFAULT_MEASURE[self.enhet]

    def due(self, period: Period) -> bool:
        """Whether the indicator is reported in the period: tertial ones every period, yearly ones in VB."""
        return self.periodicitet == "tertial" or period.is_annual


class Goal(StrictModel):
    model_config = ConfigDict(
        title="Mål",
        json_schema_extra={"description": "Ett av programmets mål med aktiviteter och indikatorer."},
    )

    id: GoalId = Field(description="Id, till exempel M1.")
    titel: Text = Field(description="Målets titel.")
    kalla: Text | None = Field(None, description="Källa för titel och text.")
    pa_plats: list[Text] = Field(default_factory=list, description="Vad som behöver vara på plats för att nå målet.")
    aktiviteter: list[Activity] = Field(default_factory=list, description="Målets aktiviteter.")
    indikatorer: list[Indicator] = Field(default_factory=list, description="Målets indikatorer.")


class Program(StrictModel):
    """The whole program: the single source of truth."""

    model_config = ConfigDict(
        title="Program", json_schema_extra={"description": "Hela programmet: den enda källan till sanning."}
    )

    id: Slug = Field(description="Programmets id.")
    titel: Text = Field(description="Programmets fullständiga titel.")
    kortnamn: Text | None = Field(None, description="Kort namn för rubriker.")
    giltighet: Validity = Field(description="Åren programmet gäller.")
    anmarkning: Text | None = Field(
        None, description="Vad som är utkast och annat läsaren måste veta; visas i allt som skrivs ut."
    )
    vision: Text = Field(description="Programmets vision.")
    valdstyper: list[Named] = Field(default_factory=list, description="Våldstyper programmet omfattar.")
    perspektiv: list[Named] = Field(default_factory=list, description="Viktiga perspektiv.")
    organ: list[Body] = Field(min_length=1, description="Nämnder och bolagsstyrelser.")
    grupper: list[Group] = Field(default_factory=list, description="Namngivna grupper av organ.")
    mal: list[Goal] = Field(min_length=1, description="Programmets mål.")
    maskeringsgrans: int = Field(
        5,
        ge=1,
        description="Antal under denna gräns i känsliga indikatorer maskeras i rapporter, liksom de värden "
        "som annars skulle avslöja dem.",
    )
