"""Rule test cases as data: tests/regler/*.yaml, each case a program (and follow-ups) plus expected findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from valdsprogram.diagnostics import Diagnostic
from valdsprogram.sources import context_of
from valdsprogram.validation import validate

RULE_CASES = Path(__file__).parent / "regler"
BASE_PROGRAM = Path(__file__).parent / "data" / "program.yaml"


@dataclass(frozen=True)
class RuleCase:
    """One case: files to write and the (file, line, code) triples validation must give, no more, no fewer."""

    name: str
    program: str
    followups: dict[str, str] = field(default_factory=dict)
    compilations: dict[str, str] = field(default_factory=dict)
    """sammanstallning/<name>: socialnämnden's compilation files."""
    expected: list[tuple[str, int, str]] = field(default_factory=list)
    encoding: str = "utf-8"
    targets: list[str] = field(default_factory=list)
    """The follow-ups named on the command line (`validera: [...]`); empty: the whole folder."""


def load_cases() -> list[RuleCase]:
    cases = []
    for source in sorted(RULE_CASES.glob("*.yaml")):
        for raw in yaml.safe_load(source.read_text(encoding="utf-8")):
            expected = [_triple(item) for item in raw["forvantat"]]
            cases.append(
                RuleCase(
                    name=f"{source.stem}: {raw['namn']}",
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


def _triple(item: list[object]) -> tuple[str, int, str]:
    """`[line, code]` is in program.yaml; `[file, line, code]` names the file."""
    if len(item) == 2:
        return ("program.yaml", int(str(item[0])), str(item[1]))
    return (str(item[0]), int(str(item[1])), str(item[2]))


def run_case(case: RuleCase, folder: Path) -> list[Diagnostic]:
    """Write the case's files into `folder` and validate them as `valdsprogram validera` would."""
    written = write_case(case, folder)
    followups = folder / "uppfoljning"
    targets = [followups / name for name in case.targets] or written
    context = context_of(targets, followups) if case.targets else []
    return validate(folder / "program.yaml", targets, context=context, base=folder).diagnostics
