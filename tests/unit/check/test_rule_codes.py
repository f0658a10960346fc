"""Every code in the catalogue has a declared home, a rule's `@rule(...)` or a module's `EMITS`, and gives no other."""

from __future__ import annotations

import ast
import importlib
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ruledata import load_cases, run_case
from valdsprogram.check import validation
from valdsprogram.check.rules import (
    COMPILATION_RULES,
    FOLLOWUP_RULES,
    FOLLOWUP_SET_RULES,
    PROGRAM_RULES,
    TEXT_RULES,
    Finding,
    Rule,
)
from valdsprogram.check.rules.rule import rule as declare
from valdsprogram.codes import CODES

PACKAGE = Path(validation.__file__).resolve().parent.parent
RULES_FOLDER = PACKAGE / "check" / "rules"
CODE = re.compile(r"VP\d{3}")
REGISTRIES: dict[str, tuple[Rule[Any], ...]] = {
    "PROGRAM_RULES": PROGRAM_RULES,
    "FOLLOWUP_RULES": FOLLOWUP_RULES,
    "FOLLOWUP_SET_RULES": FOLLOWUP_SET_RULES,
    "COMPILATION_RULES": COMPILATION_RULES,
    "TEXT_RULES": TEXT_RULES,
}
RULES = [rule for registry in REGISTRIES.values() for rule in registry]


def _module_name(path: Path) -> str:
    return ".".join(("valdsprogram", *path.relative_to(PACKAGE).with_suffix("").parts))


def _outside_rules() -> Iterator[Path]:
    """Every module but the catalogue and the rules, which declare their codes rule by rule."""
    for path in sorted(PACKAGE.rglob("*.py")):
        if path != PACKAGE / "codes.py" and RULES_FOLDER not in path.parents:
            yield path


def _module_homes() -> dict[str, tuple[str, ...]]:
    """Each module's `EMITS`, by module name."""
    homes = {}
    for path in _outside_rules():
        if "EMITS" in path.read_text(encoding="utf-8"):
            name = _module_name(path)
            homes[name] = tuple(importlib.import_module(name).EMITS)
    return homes


def _given(nodes: list[ast.stmt]) -> set[str]:
    """The codes written as literals in these statements, except where one is compared with (`d.code == "VP008"`:
    that reads a code another part gives), in a rule's decorator or in a module's `EMITS` (those declare them)."""
    inside = [sub for node in nodes if not _declares(node) for sub in ast.walk(node)]
    decorators = [d for node in inside if isinstance(node, ast.FunctionDef) for d in node.decorator_list]
    compares = [node for node in inside if isinstance(node, ast.Compare)]
    skipped = {id(sub) for node in decorators + compares for sub in ast.walk(node)}
    return {
        node.value
        for node in inside
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and CODE.fullmatch(node.value)
        and id(node) not in skipped
    }


def _declares(node: ast.stmt) -> bool:
    return isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "EMITS" for t in node.targets)


def test_every_rule_declares_codes_of_the_catalogue() -> None:
    for rule in RULES:
        assert rule.codes, f"{rule.__name__} declares no code: @rule(...) above its def"
        assert len(set(rule.codes)) == len(rule.codes), rule.__name__
        unknown = [c for c in rule.codes if c not in CODES]
        assert not unknown, f"{rule.__module__}.{rule.__name__} declares {unknown}, which the catalogue does not list"


def test_every_module_declares_codes_of_the_catalogue() -> None:
    for module, codes in _module_homes().items():
        unknown = [c for c in codes if c not in CODES]
        assert not unknown, f"{module}.EMITS declares {unknown}, which the catalogue does not list"


def test_every_code_in_the_catalogue_has_a_home() -> None:
    declared = {c for rule in RULES for c in rule.codes} | {c for codes in _module_homes().values() for c in codes}
    homeless = sorted(set(CODES) - declared)
    assert not homeless, f"no rule or module declares {homeless}: add it to a @rule(...) or a module's EMITS"


def test_each_module_gives_exactly_the_codes_it_declares() -> None:
    """A module that writes a code declares it in `EMITS`, and declares no code it does not write."""
    homes = _module_homes()
    for path in _outside_rules():
        name = _module_name(path)
        given = _given(ast.parse(path.read_text(encoding="utf-8")).body)
        declared = set(homes.get(name, ()))
        assert given <= declared, f"{name} gives {sorted(given - declared)} but does not declare them in EMITS"
        assert declared <= given, f"{name} declares {sorted(declared - given)} in EMITS but never writes them"


def test_each_rule_writes_only_the_codes_it_declares() -> None:
    """Read from the source: a rule's own body, and a rules module's helpers for the rules beside them."""
    by_name = {(rule.__module__, rule.__name__): rule for rule in RULES}
    for path in sorted(RULES_FOLDER.glob("*.py")):
        module = _module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        mine = [rule for (home, _), rule in by_name.items() if home == module]
        everything = {c for rule in mine for c in rule.codes}
        for node in tree.body:
            rule = by_name.get((module, node.name)) if isinstance(node, ast.FunctionDef) else None
            allowed = set(rule.codes) if rule is not None else everything
            given = _given([node])
            assert given <= allowed, (
                f"{module}: {getattr(node, 'name', 'module level')} writes {sorted(given - allowed)}"
            )


def test_each_rule_gives_only_the_codes_it_declares_over_every_rule_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every rule case runs with each rule watched: a finding whose code its rule did not declare fails, and so
    does a declared code that no case makes its rule give (a case for it is missing, or the declaration is stale)."""
    given: dict[tuple[str, str], set[str]] = defaultdict(set)
    wrong: list[str] = []

    def watched(rule: Rule[Any]) -> Rule[Any]:
        def check(subject: Any) -> Iterator[Finding]:
            for finding in rule(subject):
                given[rule.__module__, rule.__name__].add(finding.code)
                if finding.code not in rule.codes:
                    wrong.append(f"{rule.__module__}.{rule.__name__} gives {finding.code}, declares {rule.codes}")
                yield finding

        return declare(*rule.codes)(check)

    for name, registry in REGISTRIES.items():
        monkeypatch.setattr(validation, name, tuple(watched(rule) for rule in registry))
    for number, case in enumerate(load_cases()):
        folder = tmp_path / str(number)
        folder.mkdir()
        run_case(case, folder)
    assert not wrong, "\n".join(wrong)
    for rule in RULES:
        missing = set(rule.codes) - given[rule.__module__, rule.__name__]
        assert not missing, f"no rule case makes {rule.__module__}.{rule.__name__} give {sorted(missing)}"
