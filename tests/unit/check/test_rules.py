"""Every rule and every loader hazard, as data: each case must give exactly its expected findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruledata import Finding, RuleCase, load_cases, parse_finding, run_case
from valdsprogram.check.validation import validate

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_rule_case(case: RuleCase, tmp_path: Path) -> None:
    diagnostics = run_case(case, tmp_path)
    found = sorted(Finding.of(d) for d in diagnostics)
    assert found == sorted(case.expected), "\n".join(
        f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}" for d in diagnostics
    )


def test_base_program_is_clean(tmp_path: Path) -> None:
    """The cases' shared program gives no findings, so every finding in a case comes from its own change."""
    from ruledata import BASE_PROGRAM

    assert validate(BASE_PROGRAM, []).diagnostics == []


@pytest.mark.parametrize("item", [[4, "VP104"], ["2024-T1/sdn-syd.yaml", 4, "VP104"], [4, "19", "VP104"]])
def test_a_finding_without_its_column_is_refused(item: list[object]) -> None:
    with pytest.raises(ValueError, match=r"\[rad, kolumn, kod\]"):
        parse_finding(item, "fallet")


def test_a_finding_names_its_column() -> None:
    assert parse_finding([4, 19, "VP104"], "fallet") == Finding("program.yaml", 4, 19, "VP104")
    assert parse_finding(["2024-T1/a.yaml", 4, 19, "VP104"], "fallet") == Finding("2024-T1/a.yaml", 4, 19, "VP104")
