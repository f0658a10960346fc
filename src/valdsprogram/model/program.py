"""The program's data model (program.yaml): the schema lives here and nowhere else."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

from valdsprogram.model.fields import (
    BY_YEAR_TAG,
    DATED_TAG,
    ID_TAG,
    MAX_VALUE,
    ONE_VALUE_TAG,
    ActivityId,
    Date,
    GoalId,
    IndicatorId,
    Slug,
    Text,
    Value,
    Year,
    YearKey,
)
from valdsprogram.model.periods import Period

BodyType = Literal["stadsdelsnamnd", "facknamnd", "kommunstyrelse", "bolagsstyrelse"]
Unit = Literal["antal", "procent", "ja/nej"]
Periodicity = Literal["tertial", "ar"]
Direction = Literal["hogre_ar_battre", "lagre_ar_battre"]
Measure = Literal["ackumulerad", "lage"]
Weighting = Literal["vagd", "ovagd", "summa"]
DEFAULT_WEIGHTING: dict[str, Weighting | None] = {"antal": "summa", "procent": "vagd", "ja/nej": None}
"""How the bodies' values combine city-wide when the program does not say: counts add up, shares weigh by their
denominators; ja/nej answers are counted, not combined."""

DEFAULT_MEASURE: dict[str, Measure] = {"antal": "ackumulerad", "procent": "lage", "ja/nej": "lage"}
"""How an indicator is measured when `matning` is left out: counts add up over the year, shares and yes/no are
states on the period's last day."""


class StrictModel(BaseModel):
    """Strict, closed, immutable: the user's data is checked, never coerced or extended."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, defer_build=True)


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


class DatedResponsibility(StrictModel):
    """A responsibility entry that holds only between two dates."""

    model_config = ConfigDict(
        title="Ansvar med datum",
        json_schema_extra={"description": "Ett organ eller en grupp som är ansvarig bara mellan två datum."},
    )

    organ: Slug = Field(description="Organets eller gruppens id.")
    fran: Date | None = Field(None, description="Första dagen ansvaret gäller (utelämnas om från början).")
    till: Date | None = Field(None, description="Sista dagen ansvaret gäller (utelämnas om det gäller framåt).")

    def holds(self, on: dt.date) -> bool:
        return within(self.fran, self.till, on)


Responsibility = Annotated[
    Annotated[Slug, Tag(ID_TAG)] | Annotated[DatedResponsibility, Tag(DATED_TAG)],
    Discriminator(lambda v: DATED_TAG if isinstance(v, dict | DatedResponsibility) else ID_TAG),
]
"""An entry in `ansvariga`: an id that holds as long as the item, or `{organ, fran, till}`."""

Target = Annotated[
    Annotated[Value, Tag(ONE_VALUE_TAG)]
    | Annotated[
        dict[YearKey, Value], Tag(BY_YEAR_TAG), Field(json_schema_extra={"propertyNames": {"pattern": "^20[0-9]{2}$"}})
    ],
    Discriminator(lambda v: BY_YEAR_TAG if isinstance(v, dict) else ONE_VALUE_TAG),
]
"""An annual target: one value for every year, or one per year (`{2024: 400, 2025: 450}`)."""


def within(fran: dt.date | None, till: dt.date | None, on: dt.date) -> bool:
    """Whether the day lies between the dates; a missing date is open."""
    return (fran is None or fran <= on) and (till is None or on <= till)


def _responsible_field() -> Any:
    return Field(
        min_length=1,
        description="Ansvariga organ och grupper: ett id, eller {organ: ID, fran: DATUM, till: DATUM} när ansvaret "
        "bara gäller mellan två datum.",
    )


def _from_field() -> Any:
    return Field(None, description="Första dagen den ingår i programmet (utelämnas om från programmets början).")


def _until_field() -> Any:
    return Field(None, description="Sista dagen den ingår i programmet (utelämnas om den finns kvar).")


SHORT_TITLE = 60
"""The longest title, in characters, that an item's text is cut to when it has no `kort` of its own."""


def short_title(text: str, limit: int = SHORT_TITLE) -> str:
    """The text's first sentence, cut at the last whole word within `limit` characters, with `…` when cut."""
    text = " ".join(text.split())
    sentence = text.split(". ", 1)[0].rstrip(".")
    if len(sentence) <= limit:
        return sentence + ("…" if sentence != text.rstrip(".") else "")
    cut = sentence[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return (cut or sentence[: limit - 1]) + "…"


class ProgramItem:
    """What activities and indicators share: who is responsible, and when the item is part of the program."""

    if TYPE_CHECKING:
        id: str
        text: str
        kort: str | None
        ansvariga: list[str | DatedResponsibility]
        fran: dt.date | None
        till: dt.date | None

    @property
    def title(self) -> str:
        """What readers call the item: its short title (`kort`), else its text cut at a word (`short_title`)."""
        return self.kort or short_title(self.text)

    def in_effect(self, on: dt.date) -> bool:
        """Whether the item is part of the program on the day."""
        return within(self.fran, self.till, on)

    @property
    def refs(self) -> list[str]:
        """Every body or group named in `ansvariga`, dated or not, in order."""
        return [entry if isinstance(entry, str) else entry.organ for entry in self.ansvariga]

    def refs_on(self, on: dt.date) -> list[str]:
        """The bodies and groups responsible on the day; none when the item is not in effect then."""
        if not self.in_effect(on):
            return []
        return [e if isinstance(e, str) else e.organ for e in self.ansvariga if isinstance(e, str) or e.holds(on)]

    @property
    def dated(self) -> bool:
        """Whether any responsibility entry carries a date."""
        return any(not isinstance(entry, str) for entry in self.ansvariga)


class Activity(ProgramItem, StrictModel):
    model_config = ConfigDict(title="Aktivitet", json_schema_extra={"description": "Något ett organ ska göra."})

    id: ActivityId = Field(description="Id, till exempel A1.2.")
    text: Text = Field(description="Vad som ska göras.")
    kort: Text | None = Field(None, description="Kort titel för läsare, till exempel i rapportens första sidor.")
    ansvariga: list[Responsibility] = _responsible_field()
    valdstyper: list[Slug] = Field(default_factory=list, description="Våldstyper aktiviteten gäller.")
    kalla: Text = Field(description="Källa för aktivitetens text.")
    utkast: bool = Field(False, description="true om texten är ett utkast och inte programmets antagna text.")
    fran: Date | None = _from_field()
    till: Date | None = _until_field()


class Indicator(ProgramItem, StrictModel):
    model_config = ConfigDict(
        title="Indikator", json_schema_extra={"description": "Något ett organ mäter och rapporterar."}
    )

    id: IndicatorId = Field(description="Id, till exempel I1.2.")
    text: Text = Field(description="Vad som mäts.")
    kort: Text | None = Field(None, description="Kort titel för läsare, till exempel i rapportens första sidor.")
    enhet: Unit = Field(description="Enhet: antal, procent eller ja/nej.")
    periodicitet: Periodicity = Field(description="tertial: rapporteras T1, T2 och VB; ar: bara i VB.")
    riktning: Direction = Field(description="Om högre eller lägre värden är bättre.")
    arsmal: Target | None = Field(
        None,
        description="Förslag till årsmål för alla ansvariga: ett värde, eller ett per år ({2024: 400, 2025: 450}).",
    )
    tolerans: float | None = Field(
        None,
        ge=0,
        le=MAX_VALUE,  # also refuses inf, which YAML gives for 1e999
        description="Hur långt från årsmålet utfallet får ligga för att målet ska räknas som delvis uppnått.",
    )
    nara_malet: float | None = Field(
        None,
        gt=0,
        le=100,
        description="Hur långt från årsmålet, i procent av årsmålet, utfallet får ligga för att bedömas som nära "
        "målet i stället för inte uppnått (till exempel 2: 790 mot 800).",
    )
    ansvariga: list[Responsibility] = _responsible_field()
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
    sammanvagning: Weighting | None = Field(
        None,
        description="Hur organens värden vägs samman för staden, för utfall och årsmål lika: summa (antal), vagd "
        "(procent, vägt efter varje organs nämnare: kräver taljare och namnare) eller ovagd (procent, vanligt "
        "medelvärde). Utelämnad: summa för antal, vagd för procent.",
    )
    fran: Date | None = _from_field()
    till: Date | None = _until_field()

    @property
    def weighting(self) -> Weighting | None:
        """`sammanvagning`, or the default for the unit (None for ja/nej: the ja answers are counted)."""
        return self.sammanvagning or DEFAULT_WEIGHTING[self.enhet]

    @property
    def measure(self) -> Measure:
        """`matning`, or the default for the unit."""
        return self.matning or DEFAULT_MEASURE[self.enhet]

    def target(self, year: int) -> bool | int | float | None:
        """The program's proposed annual target for the year: the single value, or that year's."""
        if isinstance(self.arsmal, dict):
            return self.arsmal.get(year)
        return self.arsmal

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


class Revision(StrictModel):
    """A decision that changed the program while it runs: when, which decision, and what changed."""

    model_config = ConfigDict(
        title="Revision",
        json_schema_extra={
            "description": "Ett beslut som ändrade programmet: när, vilket beslut och vad som ändrades."
        },
    )

    datum: Date = Field(description="Dagen ändringen gäller från, till exempel 2024-01-01.")
    beslut: Text = Field(description="Beslutet: organ och diarienummer, till exempel KF 2023/1234.")
    andringar: list[Text] = Field(min_length=1, description="Vad som ändrades, en rad per ändring.")
    utkast: bool = Field(False, description="true om revisionen är ett exempel eller utkast och inte ett beslut.")


def revision_in_force(program: Program, on: dt.date) -> Revision | None:
    """The latest revision in force on the day (dated on or before it), or None: the program as adopted."""
    return max((r for r in program.revisioner if r.datum <= on), key=lambda r: r.datum, default=None)


def wording(program: Program, on: dt.date) -> str:
    """Which wording of the program holds on the day, as a Swedish phrase: "i lydelsen från 2024-01-01"."""
    revision = revision_in_force(program, on)
    if revision is None:
        return "i ursprunglig lydelse"
    return f"i lydelsen från {revision.datum}{' (utkast)' if revision.utkast else ''}"


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
    revisioner: list[Revision] = Field(
        default_factory=list,
        description="Beslut som ändrat programmet under dess giltighet, äldst först. Allt som skrivs ut säger vilken "
        "lydelse det bygger på.",
    )
    maskeringsgrans: int = Field(
        5,
        ge=1,
        description="Antal under denna gräns i känsliga indikatorer maskeras i rapporter, liksom de värden "
        "som annars skulle avslöja dem.",
    )

    @property
    def name(self) -> str:
        """How headings and forms name the program: `kortnamn`, or the full title when there is none."""
        return self.kortnamn or self.titel
