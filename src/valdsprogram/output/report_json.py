"""The report's data as JSON for other tools (Power BI, Excel, a web page): the document's shape as models, from
which schema/rapport.schema.json is generated, and the conversion from the report.

A masked value is `null` with `maskerad: true`; the masked number is nowhere in the document.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from valdsprogram.controls import json_text
from valdsprogram.report.build import Report, body_statuses
from valdsprogram.report.indicators import IndicatorRow
from valdsprogram.report.trends import Point

Number = bool | int | float


class _Out(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class OrganStatus(_Out):
    model_config = ConfigDict(title="Organets status")

    organ: str = Field(description="Organets id.")
    namn: str = Field(description="Organets namn.")
    status: Literal["rapporterad", "med fel", "saknas"] = Field(
        description="rapporterad: ingår i siffrorna; med fel: rapporten har fel och ingår inte i någon siffra; "
        "saknas: ingen rapport."
    )


class RevisionIKraft(_Out):
    model_config = ConfigDict(
        title="Revision i kraft",
        json_schema_extra={"description": "Den revision av programmet som gäller på periodens sista dag."},
    )

    datum: str = Field(description="Dagen revisionen gäller från.")
    beslut: str = Field(description="Beslutet: organ och diarienummer.")
    andringar: list[str] = Field(description="Vad som ändrades, en rad per ändring.")
    utkast: bool = Field(description="true om revisionen är ett exempel eller utkast och inte ett beslut.")


class Organ(_Out):
    model_config = ConfigDict(title="Organ", json_schema_extra={"description": "Vilka organ som rapporterat."})

    forvantade: list[str] = Field(description="Organ som ska rapportera perioden (id).")
    rapporterade: list[str] = Field(description="Organ vars rapport ingår i siffrorna (utan fel).")
    med_fel: list[str] = Field(description="Organ vars rapport har fel; deras uppgifter ingår inte i någon siffra.")
    saknas: list[str] = Field(description="Förväntade organ utan rapport.")
    status: list[OrganStatus] = Field(
        description="Varje förväntat organ med namn och status, i programmets ordning: också de som saknas eller "
        "har fel, som inte finns i något annat av rapportens värden."
    )


class OrganVarde(_Out):
    model_config = ConfigDict(title="Organets värde")

    organ: str = Field(description="Organets id.")
    utfall: Number | None = Field(description="Utfallet; null om maskerat.")
    prognos: Number | None = Field(description="Helårsprognosen (T1, T2); null om ingen eller maskerad.")
    arsmal: Number | None = Field(description="Organets årsmål.")
    maskerad: bool = Field(description="true om organets värden är maskerade.")
    uppnas: Literal["helt", "delvis", "nära målet", "inte", "ej bedömd"] | None = Field(
        description="Om organets årsmål uppnås, bedömt på det som passar perioden; null utan årsmål eller om maskerad."
    )
    vikt: int | None = Field(
        None,
        description="Organets vikt i stadens värde: nämnaren (metod vagd), 1 (ovagd); null för summa och antal_ja, "
        "när nämnaren saknas eller om maskerad.",
    )
    taljare: int | None = Field(None, description="Antalet som uppfyller villkoret (procent), om organet angett det.")
    namnare: int | None = Field(None, description="Antalet som andelen räknas på (procent), om organet angett det.")
    avser: str | None = Field(
        None,
        description="Den del av perioden ett ackumulerat värde gäller när organet bildades under året, till "
        "exempel juli–december; sådana värden ingår inte i trend och jämförelse. null: hela perioden.",
    )


class Punkt(_Out):
    model_config = ConfigDict(title="Punkt", json_schema_extra={"description": "Stadens värde en period."})

    period: str
    varde: Number | None = Field(description="Stadens värde; null om maskerat.")
    maskerad: bool
    organ: list[str] = Field(description="Organen som värdet omfattar (id).")


class Jamforelse(_Out):
    model_config = ConfigDict(
        title="Jämförelse", json_schema_extra={"description": "Förändringen mot samma period i fjol, samma organ."}
    )

    fran_period: str
    fran: Number | None = Field(description="Värdet då, över organen som jämförs; null om maskerat.")
    till: Number | None = Field(description="Värdet nu, över organen som jämförs; null om maskerat.")
    maskerad: bool
    organ: dict[str, list[str]] = Field(description="Varje organ nu → organen då som räknas in i det.")


class Indikator(_Out):
    model_config = ConfigDict(title="Indikator", json_schema_extra={"description": "En indikator, för hela staden."})

    id: str
    utkast: bool = Field(description="true om programmet märker indikatorn som utkast.")
    enhet: Literal["antal", "procent", "ja/nej"]
    matning: Literal["ackumulerad", "lage"]
    utfall: Number | None = Field(
        description="Stadens utfall (hittills i år för ackumulerade i T1, T2); null om "
        "maskerat eller inget rapporterat."
    )
    maskerad: bool
    prognos: Number | None = Field(description="Stadens helårsprognos (T1, T2, ackumulerade); null annars.")
    arsmal: Number | None = Field(description="Stadens årsmål, när alla rapporterande angett ett.")
    underlag: Literal["utfall", "prognos", "ej bedömd"] = Field(description="Vad årsmålet bedöms på.")
    underlag_text: str = Field(description="Vad årsmålet bedöms på i ord, eller varför det inte bedöms.")
    metod: Literal["summa", "vagd", "ovagd", "antal_ja"] = Field(
        description="Hur organens värden vägs samman för staden, utfall och årsmål lika: summa, vagd (efter varje "
        "organs nämnare, se per_organ.vikt), ovagd (vanligt medelvärde) eller antal_ja (hur många som svarat ja)."
    )
    uppnas: Literal["helt", "delvis", "nära målet", "inte"] | None
    per_organ: list[OrganVarde]
    trend: list[Punkt] = Field(description="Samma slags period år för år (VB med VB, T1 med T1).")
    jamforelse: Jamforelse | None
    under_aret: list[Punkt] = Field(description="Årets perioder hittills (T1, T2, VB).")


class Malbedomning(_Out):
    model_config = ConfigDict(title="Målbedömning")

    organ: str
    bedomning: Literal["helt", "delvis", "inte"]


class Mal(_Out):
    model_config = ConfigDict(title="Mål", json_schema_extra={"description": "Organens bedömning av ett mål."})

    id: str
    prognos: bool = Field(description="true i T1 och T2: bedömningarna är prognoser för helåret.")
    bedomningar: list[Malbedomning]


class Forandring(_Out):
    model_config = ConfigDict(title="Förändring")

    organ: str
    aktivitet: str
    fran: str
    till: str


class Stillastaende(_Out):
    model_config = ConfigDict(title="Stillastående")

    organ: str
    aktivitet: str
    rapporter: int = Field(description="Antal rapporter i rad med pågående eller försenad.")
    statusar: dict[str, int] = Field(description="Hur många av dem som sa varje status.")


class Forandringar(_Out):
    model_config = ConfigDict(title="Förändringar", json_schema_extra={"description": "Sedan förra perioden."})

    sedan: str | None
    nya_forseningar: list[Forandring]
    framat: list[Forandring]
    bakat: list[Forandring]
    ny_omgang: list[Forandring]
    avslutade: list[Forandring]
    stillastaende: list[Stillastaende]


class Rapport(_Out):
    """The report's data for other tools."""

    model_config = ConfigDict(
        title="Rapport",
        json_schema_extra={
            "description": "Stadens samlade uppföljning av en period, som data (valdsprogram rapport --format json)."
        },
    )

    period: str
    per: str = Field(description="Periodens sista dag.")
    revision: str | None = Field(
        description="Dagen då den revision av programmet som rapporten bygger på började gälla (den senaste "
        "på eller före periodens sista dag); null: programmet i ursprunglig lydelse."
    )
    revision_i_kraft: RevisionIKraft | None = Field(
        description="Den revisionen: beslut, ändringar och om den är ett utkast; null: programmet i "
        "ursprunglig lydelse."
    )
    utkast: bool = Field(
        description="true när rapporten bygger på utkast: aktiviteter eller indikatorer som programmet märker som "
        "utkast, eller en revision som är ett utkast (rapporten säger det till läsaren)."
    )
    utkast_i_rapporten: list[str] = Field(description="Aktiviteter och indikatorer i rapporten som är utkast (id).")
    anmarkning: str | None = Field(description="Programmets anmärkning om utkast, som rapporten visar; null om ingen.")
    organ: Organ
    indikatorer: list[Indikator]
    mal: list[Mal]
    forandringar: Forandringar


def document(report: Report) -> Rapport:
    """The report as the JSON document's model."""
    lists = {
        c.key: [Forandring(organ=x.body_id, aktivitet=x.activity, fran=x.before, till=x.after) for x in c.changes]
        for c in report.changes
    }
    return Rapport(
        period=report.period,
        per=report.per.isoformat(),
        revision=report.revision.isoformat() if report.revision else None,
        revision_i_kraft=None
        if report.revision is None
        else RevisionIKraft(
            datum=report.revision.isoformat(),
            beslut=report.revision_decision,
            andringar=report.revision_changes,
            utkast=report.revision_draft,
        ),
        utkast=bool(report.draft_items) or report.revision_draft,
        utkast_i_rapporten=report.draft_items,
        anmarkning=report.note or None,
        organ=Organ(
            forvantade=report.expected,
            rapporterade=report.reported,
            med_fel=report.with_errors,
            saknas=report.missing,
            status=[
                OrganStatus(organ=b, namn=report.names.get(b, b), status=status)  # type: ignore[arg-type]
                for b, status in body_statuses(report)
            ],
        ),
        indikatorer=[_indicator(i, report.draft_items) for g in report.goals for i in g.indicators],
        mal=[
            Mal(
                id=g.id,
                prognos=report.tertial,
                bedomningar=[
                    Malbedomning(organ=a.body_id, bedomning=a.assessment)  # type: ignore[arg-type]
                    for a in g.assessments
                ],
            )
            for g in report.goals
        ],
        forandringar=Forandringar(
            sedan=report.previous or None,
            stillastaende=[
                Stillastaende(organ=s.body_id, aktivitet=s.activity, rapporter=s.reports, statusar=dict(s.statuses))
                for s in report.standstill
            ],
            **lists,
        ),
    )


def report_json_text(report: Report) -> str:
    """The JSON text: stable key order, UTF-8, indented."""
    return json_text(document(report).model_dump(mode="json"))


def _indicator(i: IndicatorRow, drafts: list[str]) -> Indikator:
    comparison = i.comparison
    return Indikator(
        id=i.id,
        utkast=i.id in drafts,
        enhet=i.unit,  # type: ignore[arg-type]
        matning=i.measure,  # type: ignore[arg-type]
        utfall=i.number,
        maskerad=i.masked,
        prognos=i.forecast_number,
        arsmal=i.target_number,
        underlag=i.basis,
        underlag_text=i.basis_text,
        metod=i.method_key,  # type: ignore[arg-type]
        uppnas=i.met if i.met != "maskerat" else None,
        per_organ=[
            OrganVarde(
                organ=b.body_id,
                utfall=b.outcome_number,
                prognos=b.forecast_number,
                arsmal=b.target_number,
                maskerad=b.masked,
                uppnas=b.met if b.met in ("helt", "delvis", "nära målet", "inte", "ej bedömd") else None,  # type: ignore[arg-type]
                vikt=b.weight,
                taljare=b.numerator,
                namnare=b.denominator,
                avser=b.covers or None,
            )
            for b in i.bodies
        ],
        trend=[_point(p) for p in i.trend],
        jamforelse=None
        if comparison is None
        else Jamforelse(
            fran_period=comparison.since,
            fran=comparison.before_number,
            till=comparison.after_number,
            maskerad=comparison.masked,
            organ=comparison.groups,
        ),
        under_aret=[_point(p) for p in i.within_year],
    )


def _point(p: Point) -> Punkt:
    return Punkt(period=p.period, varde=p.exact, maskerad=p.masked, organ=p.bodies)
