"""The direction of every status change (all 25 pairs, within a year and across a year boundary), and what
counts as standing still."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import TESTS
from valdsprogram.model.periods import Period
from valdsprogram.report.status_changes import Kind, changes, direction
from valdsprogram.workspace import open_workspace

# Rows: from; columns: to, in the order ej påbörjad, pågående, försenad, genomförd, utgår.
# "" = unchanged, F framåt, B bakåt, D ny försening, R ny omgång, C avslutad genom beslut.
WITHIN_YEAR = """
ej påbörjad  |    | F  | D  | F  | C
pågående     | B  |    | D  | F  | C
försenad     | B  | F  |    | F  | C
genomförd    | B  | B  | D  |    | C
utgår        | R  | R  | D  | R  |
"""
ACROSS_YEARS = """
ej påbörjad  |    | F  | D  | F  | C
pågående     | B  |    | D  | F  | C
försenad     | B  | F  |    | F  | C
genomförd    | R  | R  | D  |    | C
utgår        | R  | R  | D  | R  |
"""
STATUSES = ["ej påbörjad", "pågående", "försenad", "genomförd", "utgår"]
KINDS = {"": None, "F": Kind.FORWARD, "B": Kind.BACKWARD, "D": Kind.NEW_DELAY, "R": Kind.NEW_ROUND, "C": Kind.CLOSED}


def table(text: str, *, new_year: bool) -> list[tuple[str, str, bool, Kind | None]]:
    rows = []
    for line in text.strip().splitlines():
        before, *cells = [cell.strip() for cell in line.split("|")]
        rows += [(before, after, new_year, KINDS[cell]) for after, cell in zip(STATUSES, cells, strict=True)]
    return rows


PAIRS = table(WITHIN_YEAR, new_year=False) + table(ACROSS_YEARS, new_year=True)


def test_the_table_has_all_25_pairs_twice() -> None:
    assert len(PAIRS) == 50
    assert len({(b, a, y) for b, a, y, _ in PAIRS}) == 50


@pytest.mark.parametrize(
    ("before", "after", "new_year", "kind"), PAIRS, ids=[f"{b}→{a}{' (nytt år)' if y else ''}" for b, a, y, _ in PAIRS]
)
def test_direction_of_every_status_change(before: str, after: str, new_year: bool, kind: Kind | None) -> None:
    assert direction(before, after, new_year=new_year) is kind  # type: ignore[arg-type]


FILES = {
    "2023-VB/sdn-syd.yaml": "A1.1: {status: genomförd}, A1.2: {status: pågående}",
    "2024-T1/sdn-syd.yaml": "A1.1: {status: pågående}, A1.2: {status: försenad, kommentar: Sent.}",
    "2024-T2/sdn-syd.yaml": "A1.1: {status: utgår, kommentar: Beslut.}, A1.2: {status: försenad, kommentar: Sent.}",
    "2024-VB/sdn-syd.yaml": "A1.1: {status: utgår, kommentar: Beslut.}, A1.2: {status: pågående}",
    "2023-T2/sdn-mitt.yaml": "A1.1: {status: pågående}, A1.2: {status: pågående}",
    "2023-VB/sdn-mitt.yaml": "A1.1: {status: pågående}, A1.2: {status: pågående}",
    "2024-T1/sdn-mitt.yaml": "A1.1: {status: pågående}, A1.2: {status: pågående}",
    "2024-T2/sdn-mitt.yaml": "A1.1: {status: pågående}, A1.2: {status: pågående}",
    "2024-VB/sdn-mitt.yaml": "A1.1: {status: pågående}, A1.2: {status: genomförd}",
}


def workspace_with(tmp_path: Path, files: dict[str, str]) -> Path:
    (tmp_path / "program.yaml").write_text((TESTS / "data" / "program.yaml").read_text(encoding="utf-8"))
    for name, activities in files.items():
        period, organ = name.removesuffix(".yaml").split("/")
        path = tmp_path / "uppfoljning" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"organ: {organ}\nperiod: {period}\naktiviteter: {{{activities}}}\n", encoding="utf-8")
    return tmp_path


def listed(tmp_path: Path, period: Period) -> tuple[dict[str, list[str]], list[str]]:
    workspace = open_workspace(tmp_path / "program.yaml", tmp_path / "uppfoljning")
    files = [f for f in workspace.files if f.period == period]
    history = {f.followup.organ: workspace.reports_of(f.followup.organ) for f in files}
    found = changes(files, history, period)
    lists = {kind.value: [f"{c.body_id} {c.activity}: {c.text}" for c in found.by_kind[kind]] for kind in Kind}
    return lists, [f"{s.body_id} {s.activity}: {s.text}" for s in found.standstill]


def test_a_new_year_starts_a_new_round_and_a_delay_is_new(tmp_path: Path) -> None:
    lists, still = listed(workspace_with(tmp_path, FILES), Period(2024, 0))
    assert lists == {
        "nya_forseningar": ["sdn-syd A1.2: pågående → försenad"],
        "framat": [],
        "bakat": [],
        "ny_omgang": ["sdn-syd A1.1: genomförd → pågående (ny omgång)"],
        "avslutade": [],
    }
    assert still == ["sdn-mitt A1.1: pågående 3 i 3 rapporter i rad", "sdn-mitt A1.2: pågående 3 i 3 rapporter i rad"]


def test_utgar_is_closed_and_standing_still_names_each_status(tmp_path: Path) -> None:
    lists, still = listed(workspace_with(tmp_path, FILES), Period(2024, 1))
    assert lists["avslutade"] == ["sdn-syd A1.1: pågående → utgår"]
    assert lists["framat"] == lists["bakat"] == lists["nya_forseningar"] == []
    assert still == [
        "sdn-mitt A1.1: pågående 4 i 4 rapporter i rad",
        "sdn-mitt A1.2: pågående 4 i 4 rapporter i rad",
        "sdn-syd A1.2: pågående 1, försenad 2 i 3 rapporter i rad",
    ]
    lists, still = listed(workspace_with(tmp_path, FILES), Period(2024, 2))
    assert lists["framat"] == ["sdn-mitt A1.2: pågående → genomförd", "sdn-syd A1.2: försenad → pågående"]
    assert still == [
        "sdn-mitt A1.1: pågående 5 i 5 rapporter i rad",
        "sdn-syd A1.2: pågående 2, försenad 2 i 4 rapporter i rad",
    ]


def test_a_gap_breaks_the_run(tmp_path: Path) -> None:
    gap = {k: v for k, v in FILES.items() if k != "2024-T1/sdn-mitt.yaml"}
    _, still = listed(workspace_with(tmp_path, gap), Period(2024, 2))
    assert [s for s in still if s.startswith("sdn-mitt")] == []
