"""Deterministic generator of city-scale benchmark data: program.yaml and a valid follow-up for every body and period.

Run: python bench/generate.py OUT_DIR [--skala N] [--ar ÅR] [--organ N] [--fro FRÖ] [--ersatt]

OUT_DIR gets program.yaml (a copy of the repository's; with --skala N > 1 every body is added N-1 more times,
as `<id>-s2` "… (stad 2)" and so on, with the same duties), schema/ (so that the files' modeline resolves) and
uppfoljning/<period>/<organ>.yaml for every body that exists on each period's last day, 2021-T1 … 2025-VB. Every
file passes `valdsprogram validera --strikt`. The same seed, scale and limits give byte-identical output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from valdsprogram import Period, WorkspaceError, open_workspace
from valdsprogram.model.periods import periods_between
from valdsprogram.model.program import Body, Goal, Indicator
from valdsprogram.model.program_index import ProgramIndex, exists

ROOT = Path(__file__).resolve().parent.parent
SOURCE_PROGRAM = ROOT / "program.yaml"
SOURCE_SCHEMAS = ROOT / "schema"
SEED = 2021
MARKER = "GENERERAD TESTDATA"
"""Every generated follow-up says this in its header; --ersatt only removes folders where every file does."""
MODELINE = "# yaml-language-server: $schema=../../schema/uppfoljning.schema.json"

_REFERENCE_LIST = re.compile(r"((?:ansvariga|medlemmar): \[)([^\]\n]*)(\])")
_ANY_REFERENCE_KEY = re.compile(r"\b(?:ansvariga|medlemmar):")
_LONG_DIGITS = re.compile(r"\d{6}")
"""A run of six digits could start a personnummer; generated files never contain one."""

# Rank of a status: within a year a later report never has a lower one (`utgår` is final).
_RANK = {"ej påbörjad": 0, "pågående": 1, "försenad": 1, "genomförd": 2, "utgår": 3}
# Next status given the current one: (status, weight). Every step keeps or raises the rank.
_NEXT: dict[str, tuple[tuple[str, int], ...]] = {
    "": (("ej påbörjad", 12), ("pågående", 55), ("försenad", 10), ("genomförd", 20), ("utgår", 3)),
    "ej påbörjad": (("ej påbörjad", 30), ("pågående", 50), ("försenad", 15), ("genomförd", 5)),
    "pågående": (("pågående", 50), ("försenad", 12), ("genomförd", 35), ("utgår", 3)),
    "försenad": (("försenad", 35), ("pågående", 30), ("genomförd", 32), ("utgår", 3)),
    "genomförd": (("genomförd", 97), ("utgår", 3)),
    "utgår": (("utgår", 1),),
}
_ASSESSMENTS = (("helt", 55), ("delvis", 35), ("inte", 10))
_ASSESSMENT_WORDS = {"helt": "uppfyllas helt", "delvis": "uppfyllas delvis", "inte": "inte uppfyllas"}
_UNIT_WORDS = {"antal": "antal", "procent": "procent", "ja/nej": "ja/nej"}
_DIRECTION_WORDS = {"hogre_ar_battre": "högre är bättre", "lagre_ar_battre": "lägre är bättre"}
_MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober")

# The vocabulary comments are built from: whole Swedish sentences with a few slots ({n}, {manad}, …).
_OPENINGS: dict[str, tuple[str, ...]] = {
    "ej påbörjad": (
        "Arbetet har ännu inte påbörjats eftersom förvaltningens resurser under perioden prioriterades till "
        "ärendehandläggningen.",
        "Aktiviteten har inte startat; planeringen väntar på stadens gemensamma riktlinjer som beslutas i {manad}.",
        "Arbetet är inte påbörjat eftersom en ny enhetschef för {verksamhet} tillträder först i {manad}.",
        "Aktiviteten har inte kunnat påbörjas på grund av vakanser inom {verksamhet}.",
    ),
    "pågående": (
        "Arbetet pågår enligt plan och har hittills omfattat {n} medarbetare inom {verksamhet}.",
        "Aktiviteten pågår; en arbetsgrupp med representanter för {verksamhet} träffas varannan vecka.",
        "Arbetet fortsätter enligt plan. Under perioden har {n} medarbetare deltagit i utbildningen.",
        "Aktiviteten pågår och följs upp månadsvis i förvaltningens ledningsgrupp.",
        "Arbetet har kommit en bit på väg; rutinen är framtagen och börjar nu tillämpas inom {verksamhet}.",
    ),
    "försenad": (
        "Arbetet är försenat på grund av hög personalomsättning inom {verksamhet}.",
        "Aktiviteten är försenad eftersom samverkan med {partner} har tagit längre tid att förankra än planerat.",
        "Arbetet har blivit försenat då upphandlingen av utbildningen fick göras om under {manad}.",
        "Aktiviteten är försenad; underlaget från {partner} kom senare än beräknat.",
    ),
    "genomförd": (
        "Aktiviteten är genomförd och rutinen tillämpas nu i alla verksamheter inom {verksamhet}.",
        "Utbildningen har genomförts för samtliga chefer och för {n} medarbetare inom {verksamhet}.",
        "Aktiviteten är genomförd enligt plan och har redovisats för nämnden i {manad}.",
        "Arbetet är slutfört; den nya rutinen beslutades i {manad} och har spridits till alla enheter.",
    ),
    "utgår": (
        "Aktiviteten utgår efter beslut i nämnden i {manad}, eftersom uppdraget har flyttats till {partner}.",
        "Aktiviteten utgår genom nämndens beslut; insatsen ersätts av ett gemensamt arbete med {partner}.",
        "Nämnden beslutade i {manad} att aktiviteten utgår, då motsvarande stöd nu ges av {partner}.",
    ),
}
_DETAILS = (
    "Erfarenheterna från {verksamhet} har dokumenterats och delats med övriga enheter.",
    "Deltagarnas utvärderingar var genomgående positiva.",
    "Uppföljningen visar att kunskapen om våldets uttryck och konsekvenser har ökat.",
    "Samverkan med {partner} har fungerat väl under perioden.",
    "Materialet finns nu på svenska, engelska, arabiska och somaliska.",
    "Frågor om våld ställs rutinmässigt i nybesök, och andelen har ökat sedan förra året.",
    "Arbetet har skett i nära dialog med brukarrådet och civilsamhällets organisationer.",
    "{n} ärenden har hanterats enligt den nya rutinen under perioden.",
)
_NEXT_STEPS = (
    "Arbetet beräknas vara klart under hösten.",
    "Förvaltningen återkommer med en fördjupad redovisning i nästa tertialrapport.",
    "Planeringen fortsätter, och arbetet startar i {manad} nästa år.",
    "En handlingsplan tas fram tillsammans med {partner}.",
    "Nämnden följer arbetet särskilt under resten av året.",
    "Resurser har omfördelats så att arbetet kan fortsätta under nästa period.",
)
_INDICATOR_NOTES = (
    "Uppgiften bygger på ett stickprov av {n} ärenden under perioden.",
    "Utfallet är hämtat ur verksamhetssystemet och avser perioden till och med rapportdagen.",
    "Ökningen tolkas som att fler våldsutsatta upptäcks sedan frågor om våld ställs rutinmässigt.",
    "Utfallet ligger nära årsmålet; förvaltningen bedömer att målet nås under året.",
    "Rutinen reviderades under året och är beslutad av förvaltningens ledningsgrupp.",
    "Uppgiften har kvalitetssäkrats mot registreringen i {verksamhet}.",
)
_ANALYSES = (
    "Målet bedöms {bedomning} eftersom flera aktiviteter fortfarande pågår inom {verksamhet}.",
    "Arbetet har kommit i gång men har inte nått alla verksamheter, och utfallet ligger under årsmålet.",
    "Samverkan med {partner} har utvecklats under året, men skriftliga överenskommelser saknas fortfarande.",
    "Utbildningsinsatserna har inte nått alla medarbetare på grund av hög personalomsättning.",
    "Förvaltningen prioriterar arbetet under nästa år och följer upp indikatorerna varje tertial.",
    "Resultaten från uppföljningen används för att planera insatserna för barn och unga.",
)
_SLOTS = {
    "verksamhet": (
        "socialtjänsten",
        "förskolan",
        "hemtjänsten",
        "äldreomsorgen",
        "elevhälsan",
        "mottagningsenheten",
        "barn- och ungdomsenheten",
        "ekonomiskt bistånd",
        "fritidsverksamheten",
    ),
    "partner": (
        "polisen",
        "Region Stockholm",
        "Kriminalvården",
        "socialnämnden",
        "kvinnojourerna",
        "Barnahus Stockholm",
        "bostadsbolagen",
        "civilsamhällets organisationer",
    ),
    "manad": _MONTHS,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the options, generate, and print a one-line summary in Swedish."""
    parser = argparse.ArgumentParser(description="Skriv deterministisk testdata i stadens skala för prestandamätning.")
    parser.add_argument("utmapp", type=Path, help="Mappen som får program.yaml, schema/ och uppfoljning/.")
    parser.add_argument("--skala", type=int, default=1, help="Antal städer: varje organ finns så många gånger.")
    parser.add_argument("--ar", type=int, default=None, help="Bara detta år (för tester); standard: alla år.")
    parser.add_argument("--organ", type=int, default=None, help="Bara de N första organen i varje stad (för tester).")
    parser.add_argument("--fro", type=int, default=SEED, help=f"Slumpfrö (standard {SEED}).")
    parser.add_argument(
        "--ersatt", action="store_true", help="Ersätt en befintlig uppfoljning/ som bara innehåller genererad data."
    )
    options = parser.parse_args(argv)
    if options.skala < 1 or (options.organ is not None and options.organ < 1):
        parser.error("--skala och --organ måste vara minst 1")
    try:
        count = generate(
            options.utmapp,
            scale=options.skala,
            year=options.ar,
            bodies=options.organ,
            seed=options.fro,
            replace=options.ersatt,
        )
    except GenerationError as error:
        print(f"generate.py: {error}", file=sys.stderr)
        return 2
    print(f"Skrev {count} uppföljningar och program.yaml (skala {options.skala}) till {options.utmapp}.")
    return 0


class GenerationError(Exception):
    """The data cannot be generated as asked; the message is Swedish."""


def generate(
    out_dir: Path,
    *,
    scale: int = 1,
    year: int | None = None,
    bodies: int | None = None,
    seed: int = SEED,
    replace: bool = False,
) -> int:
    """Write program.yaml, schema/ and uppfoljning/ to `out_dir`; return how many follow-ups were written."""
    folder = out_dir / "uppfoljning"
    program_path = out_dir / "program.yaml"
    source = SOURCE_PROGRAM.read_text(encoding="utf-8")
    _check_program_target(program_path, source)
    _clear(folder, replace=replace)
    original = _index(SOURCE_PROGRAM)
    validity = original.program.giltighet
    if year is not None and not validity.fran <= year <= validity.till:
        raise GenerationError(f"Programmet gäller {validity.fran}–{validity.till}, inte {year}.")
    out_dir.mkdir(parents=True, exist_ok=True)
    program_path.write_text(scaled_program(source, original, scale), encoding="utf-8", newline="\n")
    schemas = out_dir / "schema"
    schemas.mkdir(exist_ok=True)
    for schema in sorted(SOURCE_SCHEMAS.glob("*.schema.json")):
        shutil.copyfile(schema, schemas / schema.name)
    index = _index(program_path)
    chosen = _chosen_bodies(original, index, scale, bodies)
    _check_copies(original, index, chosen, scale)
    years = [year] if year is not None else list(range(validity.fran, validity.till + 1))
    header = f"# {MARKER} för prestandamätning (bench/generate.py, frö {seed}, skala {scale}): påhittade uppgifter."
    count = 0
    for each_year in years:
        files: dict[Path, str] = {}
        for body in chosen:
            rng = random.Random(f"{seed}:{body.id}:{each_year}")
            for period, text in _year_of_reports(index, body, each_year, rng, header):
                files[folder / str(period) / f"{body.id}.yaml"] = text
        for path in sorted(files):
            text = files[path]
            if _LONG_DIGITS.search(text):
                raise GenerationError(f"{path} skulle innehålla sex siffror i följd, som kan vara ett personnummer.")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
        count += len(files)
    return count


def scaled_program(source: str, index: ProgramIndex, scale: int) -> str:
    """program.yaml with every body present `scale` times; copies have the same groups and direct duties."""
    if scale == 1:
        return source
    references = _ANY_REFERENCE_KEY.findall(source)
    flow_lists = _REFERENCE_LIST.findall(source)
    if len(references) != len(flow_lists):
        raise GenerationError("program.yaml har ansvariga eller medlemmar i blockform; generatorn kan bara [a, b].")

    def extend(match: re.Match[str]) -> str:
        refs = [ref.strip() for ref in match[2].split(",") if ref.strip()]
        copies = [_copy_id(ref, k) for k in range(2, scale + 1) for ref in refs if ref in index.bodies]
        return match[1] + ", ".join([*refs, *copies]) + match[3]

    lines = _REFERENCE_LIST.sub(extend, source).splitlines(keepends=True)
    if "organ:\n" not in lines:
        raise GenerationError("program.yaml saknar avsnittet organ: på en egen rad.")
    start = lines.index("organ:\n")
    last_body = start
    for number in range(start + 1, len(lines)):
        line = lines[number]
        if line.strip() and not line.startswith((" ", "#")):
            break  # the next top-level key
        if line.lstrip().startswith("- "):
            last_body = number
    added = [f"  # Stad {k}: kopior av alla organ (bench/generate.py --skala {scale}).\n" for k in range(2, scale + 1)]
    block: list[str] = []
    for k, comment in zip(range(2, scale + 1), added, strict=True):
        block.append(comment)
        block += (_body_line(body, k) for body in index.program.organ)
    note = f"# {MARKER} för prestandamätning: programmet med varje organ {scale} gånger (bench/generate.py).\n"
    return "".join([lines[0], note, *lines[1 : last_body + 1], *block, *lines[last_body + 1 :]])


def _copy_id(body_id: str, city: int) -> str:
    return f"{body_id}-s{city}"


def _body_line(body: Body, city: int) -> str:
    parts = [f"id: {_copy_id(body.id, city)}", f"namn: {_quoted(f'{body.namn} (stad {city})')}", f"typ: {body.typ}"]
    if body.fran is not None:
        parts.append(f"fran: {body.fran.isoformat()}")
    if body.till is not None:
        parts.append(f"till: {body.till.isoformat()}")
    if body.ersatts_av is not None:
        parts.append(f"ersatts_av: {_copy_id(body.ersatts_av, city)}")
    return "  - {" + ", ".join(parts) + "}\n"


def _index(path: Path) -> ProgramIndex:
    try:
        return open_workspace(path, None).index
    except WorkspaceError as error:
        shown = "; ".join(f"{d.line}: {d.code} {d.message}" for d in error.diagnostics[:3]) or str(error)
        raise GenerationError(f"{path} validerar inte: {shown}") from None


def _chosen_bodies(original: ProgramIndex, index: ProgramIndex, scale: int, limit: int | None) -> list[Body]:
    """The bodies to write follow-ups for: the first `limit` of each city (all by default), city by city."""
    firsts = original.program.organ[:limit] if limit is not None else original.program.organ
    ids = [body.id for body in firsts] + [_copy_id(body.id, k) for k in range(2, scale + 1) for body in firsts]
    return [index.bodies[ident] for ident in ids]


def _check_copies(original: ProgramIndex, index: ProgramIndex, chosen: list[Body], scale: int) -> None:
    """Each copy must have exactly its original's duties on every period's last day, or the scale is wrong."""
    if len(index.program.organ) != scale * len(original.program.organ):
        raise GenerationError("program.yaml fick fel antal organ; kontrollera avsnittet organ:.")
    validity = index.program.giltighet
    for period in periods_between(validity.fran, validity.till):
        day = period.last_day
        for body in chosen:
            base = body.id.rsplit("-s", 1)[0] if body.id not in original.bodies else body.id
            mine, theirs = index.responsibilities(body.id, day), index.responsibilities(base, day)
            same = [a.id for _, a in mine.activities] == [a.id for _, a in theirs.activities] and [
                i.id for _, i in mine.indicators
            ] == [i.id for _, i in theirs.indicators]
            if not same:
                raise GenerationError(f"{body.id} har inte samma ansvar som {base} per {day}.")


def _check_program_target(path: Path, source: str) -> None:
    """Refuse to overwrite a program.yaml that is neither the repository's copy nor generated."""
    if not path.exists():
        return
    if path.resolve() == SOURCE_PROGRAM.resolve():
        raise GenerationError("Utmappen är repositoryt självt; ange en annan mapp.")
    existing = path.read_text(encoding="utf-8", errors="replace")
    if existing != source and MARKER not in existing:
        raise GenerationError(f"{path} finns redan och är inte genererad; {path.parent} lämnas orörd.")


def _clear(folder: Path, *, replace: bool) -> None:
    """Make sure `folder` is absent, removing it only when asked and when it holds nothing but generated data."""
    if not folder.exists():
        return
    files = [path for path in folder.rglob("*") if path.is_file()]
    if not files:
        shutil.rmtree(folder)
        return
    if not replace:
        raise GenerationError(f"{folder} finns redan; ange --ersatt för att skriva om genererad data.")
    for path in files:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(400)
        if MARKER not in head:
            raise GenerationError(f"{path} är inte genererad testdata; {folder} lämnas orörd.")
    shutil.rmtree(folder)


@dataclass(slots=True)
class _YearState:
    """What one body has reported so far in one year: statuses and targets must stay consistent."""

    statuses: dict[str, str] = field(default_factory=dict)
    targets: dict[str, bool | int | float] = field(default_factory=dict)


def _year_of_reports(
    index: ProgramIndex, body: Body, year: int, rng: random.Random, header: str
) -> Iterator[tuple[Period, str]]:
    """The body's follow-ups for the year's periods where it exists, in period order."""
    state = _YearState()
    for period in (Period(year, kind) for kind in range(3)):
        if exists(body, period.last_day):
            yield period, _report(index, body, period, state, rng, header)


def _report(index: ProgramIndex, body: Body, period: Period, state: _YearState, rng: random.Random, header: str) -> str:
    duties = index.responsibilities(body.id, period.last_day)
    late = period.kind != "T1"
    lines = [MODELINE, header, f"# {body.namn}: {period.name}.", f"organ: {body.id}", f"period: {period}"]
    lines.append(_decision_line(body, period, rng))
    if duties.activities:
        lines.append("aktiviteter:")
    for _, activity in duties.activities:
        status = _weighted(rng, _NEXT[state.statuses.get(activity.id, "")])
        state.statuses[activity.id] = status
        lines += [f"  {activity.id}:  # {_short(activity.text)}", f"    status: {status}"]
        needs = status in ("försenad", "utgår") or (status == "ej påbörjad" and late)
        if needs or rng.random() < 0.55:
            lines.append(f"    kommentar: {_quoted(_activity_comment(rng, status))}")
    due = [
        indicator for _, indicator in duties.indicators if indicator.periodicitet == "tertial" or period.kind == "VB"
    ]
    if due:
        lines.append("indikatorer:")
    for indicator in due:
        lines += _indicator_lines(indicator, period, state, rng)
    assess = period.kind == "VB" or rng.random() < 0.35
    if duties.goals and assess:
        lines.append("mal:")
        for goal in duties.goals:
            lines += _goal_lines(goal, rng)
    return "\n".join(lines) + "\n"


def _decision_line(body: Body, period: Period, rng: random.Random) -> str:
    """The committee's decision: a few weeks after the period's last day, with a diarienummer."""
    decided = period.last_day + dt.timedelta(days=rng.randint(14, 60))
    prefix = "".join(ch for ch in body.namn.upper() if ch.isalpha())[:2]
    number = f"{decided.year}/{rng.randint(100, 2999):04d}"
    return f"beslut: {{datum: {decided.isoformat()}, diarienummer: {_quoted(f'{prefix} {number}')}}}"


def _indicator_lines(indicator: Indicator, period: Period, state: _YearState, rng: random.Random) -> list[str]:
    target = state.targets.get(indicator.id)
    if target is None:
        target = _target(indicator, rng)
        state.targets[indicator.id] = target
    lines = [
        f"  {indicator.id}:  # {_short(indicator.text, 60)} "
        f"({_UNIT_WORDS[indicator.enhet]}, {_DIRECTION_WORDS[indicator.riktning]})"
    ]
    if indicator.enhet == "ja/nej":
        outcome: str = _bool(rng.random() < (0.85 if period.kind == "VB" else 0.7))
        lines += [f"    utfall: {outcome}", f"    arsmal: {_bool(bool(target))}"]
    elif indicator.enhet == "antal":
        share = (0.3, 0.65, 1.0)[period.index] if indicator.periodicitet == "tertial" else 1.0
        outcome = str(max(0, round(int(target) * share * rng.uniform(0.75, 1.2))))
        lines += [f"    utfall: {outcome}", f"    arsmal: {int(target)}"]
    else:
        lines += _percent_lines(float(target), rng)
    if rng.random() < 0.3:
        lines.append(f"    kommentar: {_quoted(_sentences(rng, _INDICATOR_NOTES, _DETAILS, _NEXT_STEPS))}")
    return lines


def _percent_lines(target: float, rng: random.Random) -> list[str]:
    wanted = min(100.0, max(0.0, target + rng.uniform(-15, 10)))
    target_text = _number(target)
    if rng.random() < 0.5:
        denominator = rng.randint(12, 640)
        numerator = min(denominator, max(0, round(denominator * wanted / 100)))
        share = 100 * numerator / denominator
        outcome = round(share, 1)
        while abs(outcome - share) > 0.04:  # a tie such as 12.25: the validator's 0.05 would be a float coin toss
            denominator += 1
            share = 100 * numerator / denominator
            outcome = round(share, 1)
        return [
            f"    utfall: {_number(outcome)}",
            f"    arsmal: {target_text}",
            f"    taljare: {numerator}",
            f"    namnare: {denominator}",
        ]
    # Never an outcome between 0 and 1 %: written without a numerator it reads as a fraction (VP333 warns).
    return [f"    utfall: {_number(max(1.0, round(wanted, 1)))}", f"    arsmal: {target_text}"]


def _target(indicator: Indicator, rng: random.Random) -> bool | int | float:
    """The body's annual target: the program's suggestion most of the time, otherwise its own."""
    suggested = indicator.target(2024)
    if indicator.enhet == "ja/nej":
        return True if suggested is None else bool(suggested)
    if indicator.enhet == "antal":
        base = int(suggested) if suggested is not None and not isinstance(suggested, bool) else rng.randint(20, 400)
        return base if rng.random() < 0.7 else max(1, base + rng.randint(-base // 4, base // 4))
    base_share = float(suggested) if suggested is not None and not isinstance(suggested, bool) else 75.0
    if rng.random() < 0.75:
        return int(base_share) if base_share.is_integer() else base_share
    return min(100, max(0, int(base_share) + rng.choice((-10, -5, 5, 10))))


def _goal_lines(goal: Goal, rng: random.Random) -> list[str]:
    assessment = _weighted(rng, _ASSESSMENTS)
    lines = [f"  {goal.id}:  # {_short(goal.titel)}", f"    bedomning: {assessment}"]
    if assessment != "helt" or rng.random() < 0.2:
        analysis = _sentences(rng, _ANALYSES, _ANALYSES, _NEXT_STEPS, bedomning=_ASSESSMENT_WORDS[assessment])
        lines.append(f"    analys: {_quoted(analysis)}")
    return lines


def _activity_comment(rng: random.Random, status: str) -> str:
    return _sentences(rng, _OPENINGS[status], _DETAILS, _NEXT_STEPS)


def _sentences(
    rng: random.Random,
    first: Sequence[str],
    middle: Sequence[str],
    last: Sequence[str],
    **fixed: str,
) -> str:
    """One to three sentences, 40–300 characters: an opening, maybe a detail, maybe what happens next."""
    limit = rng.randint(60, 300)
    text = _fill(rng.choice(first), rng, fixed)
    for pool in (middle, last):
        if rng.random() < 0.6:
            sentence = _fill(rng.choice(pool), rng, fixed)
            if sentence not in text and len(text) + 1 + len(sentence) <= limit:
                text = f"{text} {sentence}"
    return text


def _fill(template: str, rng: random.Random, fixed: dict[str, str]) -> str:
    values = {name: rng.choice(options) for name, options in _SLOTS.items()}
    values.update(fixed)
    values["n"] = str(rng.randint(3, 480))
    return template.format(**values)


def _weighted(rng: random.Random, choices: Sequence[tuple[str, int]]) -> str:
    return rng.choices([value for value, _ in choices], weights=[weight for _, weight in choices])[0]


def _number(value: float) -> str:
    """A number for YAML: integers without a decimal point, otherwise one decimal."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _short(text: str, limit: int = 80) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1].rstrip() + "…"


if __name__ == "__main__":
    sys.exit(main())
