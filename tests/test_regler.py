"""Every rule and every loader hazard, as data: each case must give exactly its expected findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruledata import RuleCase, load_cases
from valdsprogram.sources import context_of, followup_files
from valdsprogram.validation import validate

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_rule_case(case: RuleCase, tmp_path: Path) -> None:
    (tmp_path / "program.yaml").write_bytes(case.program.encode(case.encoding))
    for name, text in case.followups.items():
        target = tmp_path / "uppfoljning" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode(case.encoding))
    folder = tmp_path / "uppfoljning"
    targets = [folder / name for name in case.targets] or followup_files(folder)
    context = context_of(targets, folder) if case.targets else []
    result = validate(tmp_path / "program.yaml", targets, context=context, base=tmp_path)
    found = sorted((d.path.removeprefix("uppfoljning/"), d.line, d.code) for d in result.diagnostics)
    assert found == sorted(case.expected), "\n".join(
        f"{d.path}:{d.line}: {d.code} {d.message}" for d in result.diagnostics
    )


def test_base_program_is_clean(tmp_path: Path) -> None:
    """The cases' shared program gives no findings, so every finding in a case comes from its own change."""
    from ruledata import BASE_PROGRAM

    assert validate(BASE_PROGRAM, []).diagnostics == []
