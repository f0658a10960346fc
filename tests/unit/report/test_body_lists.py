"""Compact lists of bodies: a group named instead of its members, with at most a few exceptions."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import ROOT
from valdsprogram.check.validation import load_program
from valdsprogram.model.program_index import exists
from valdsprogram.report.body_lists import bodies

INDEX = load_program(ROOT / "program.yaml").index
DAY = dt.date(2023, 12, 31)
assert INDEX is not None
ALIVE = [b for b in INDEX.program.organ if exists(b, DAY)]
DISTRICTS = [b.id for b in ALIVE if b.typ == "stadsdelsnamnd"]


@pytest.mark.parametrize(
    ("ids", "short"),
    [
        (DISTRICTS, "alla stadsdelsnämnder"),
        ([d for d in DISTRICTS if d != "sdn-sodermalm"], "alla stadsdelsnämnder utom Södermalms"),
        (
            [*(d for d in DISTRICTS if d not in ("sdn-sodermalm", "sdn-norra-innerstaden")), "utbildningsnamnden"],
            "alla stadsdelsnämnder utom Norra innerstadens och Södermalms, Utbildningsnämnden",
        ),
        (DISTRICTS[:4], ", ".join(b.namn for b in ALIVE if b.id in DISTRICTS[:4])),
        (["utbildningsnamnden", "sdn-sodermalm"], "Södermalms stadsdelsnämnd, Utbildningsnämnden"),
        ([], ""),
    ],
)
def test_groups_are_named_where_they_fit(ids: list[str], short: str) -> None:
    assert INDEX is not None
    found = bodies(INDEX, ids, DAY)
    assert found.short == short
    assert found.n == len(ids)
    assert found.names == [b.namn for b in INDEX.program.organ if b.id in ids]
