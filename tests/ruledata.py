"""Rule test cases as data: tests/data/rules/*.yaml, each case a program (and follow-ups) plus expected findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml

from valdsprogram.check.validation import validate
from valdsprogram.diagnostics import Diagnostic
from valdsprogram.sources import context_of

RULE_CASES = Path(__file__).parent / "data" / "rules"
BASE_PROGRAM = Path(__file__).parent / "data" / "program.yaml"


class Finding(NamedTuple):
    """Where a diagnostic points and which code it has: what a rule case pins."""

    path: str
    """Relative to the case's folder, with `uppfoljning/` left out."""
    line: int
    column: int
    code: str

    @classmethod
    def of(cls, diagnostic: Diagnostic) -> Finding:
        return cls(diagnostic.path.removeprefix("uppfoljning/"), diagnostic.line, diagnostic.column, diagnostic.code)


@dataclass(frozen=True)
class RuleCase:
    """One case: files to write and the findings validation must give, no more, no fewer."""

    name: str
    program: str
    followups: dict[str, str] = field(default_factory=dict)
    compilations: dict[str, str] = field(default_factory=dict)
    """sammanstallning/<name>: socialnämnden's compilation files."""
    expected: list[Finding] = field(default_factory=list)
    encoding: str = "utf-8"
    targets: list[str] = field(default_factory=list)
    """The follow-ups named on the command line (`validera: [...]`); empty: the whole folder."""


def load_cases() -> list[RuleCase]:
    cases = []
    for source in sorted(RULE_CASES.glob("*.yaml")):
        for raw in yaml.safe_load(source.read_text(encoding="utf-8")):
            name = f"{source.stem}: {raw['namn']}"
            expected = [parse_finding(item, name) for item in raw["forvantat"]]
            cases.append(
                RuleCase(
                    name=name,
                    program=raw.get("program") or BASE_PROGRAM.read_text(encoding="utf-8"),
                    followups=raw.get("uppfoljning", {}),
                    compilations=raw.get("sammanstallning", {}),
                    expected=expected,
                    encoding=raw.get("kodning", "utf-8"),
                    targets=raw.get("validera", []),
                )
            )
    return cases


def write_case(case: RuleCase, folder: Path) -> list[Path]:
    """Write the case's files into the folder; the follow-up and compilation files to validate."""
    (folder / "program.yaml").write_bytes(case.program.encode(case.encoding))
    paths = []
    for subfolder, files in (("uppfoljning", case.followups), ("sammanstallning", case.compilations)):
        for name, text in files.items():
            target = folder / subfolder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode(case.encoding))
            paths.append(target)
    return sorted(paths)


def parse_finding(item: list[object], case: str) -> Finding:
    """`[line, column, code]` is in program.yaml; `[file, line, column, code]` names the file."""
    if len(item) == 3 and isinstance(item[0], int):
        return Finding("program.yaml", int(item[0]), _int(item[1], item, case), str(item[2]))
    if len(item) == 4:
        return Finding(str(item[0]), _int(item[1], item, case), _int(item[2], item, case), str(item[3]))
    raise ValueError(f"{case}: {item} ska vara [rad, kolumn, kod] eller [fil, rad, kolumn, kod]")


def _int(value: object, item: list[object], case: str) -> int:
    if not isinstance(value, int):
        raise ValueError(f"{case}: {item} ska vara [rad, kolumn, kod] eller [fil, rad, kolumn, kod]")
    return value


def run_case(case: RuleCase, folder: Path) -> list[Diagnostic]:
    """Write the case's files into `folder` and validate them as `valdsprogram validera` would."""
    written = write_case(case, folder)
    followups = folder / "uppfoljning"
    targets = [followups / name for name in case.targets] or written
    context = context_of(targets, followups) if case.targets else []
    return validate(folder / "program.yaml", targets, context=context, base=folder, whole=not case.targets).diagnostics
