"""Every rule and every loader hazard, as data: each case must give exactly its expected findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruledata import RuleCase, load_cases, run_case
from valdsprogram.validation import validate

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_rule_case(case: RuleCase, tmp_path: Path) -> None:
    diagnostics = run_case(case, tmp_path)
    found = sorted((d.path.removeprefix("uppfoljning/"), d.line, d.code) for d in diagnostics)
    assert found == sorted(case.expected), "\n".join(f"{d.path}:{d.line}: {d.code} {d.message}" for d in diagnostics)


def test_base_program_is_clean(tmp_path: Path) -> None:
    """The cases' shared program gives no findings, so every finding in a case comes from its own change."""
    from ruledata import BASE_PROGRAM

    assert validate(BASE_PROGRAM, []).diagnostics == []
