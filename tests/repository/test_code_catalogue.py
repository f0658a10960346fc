"""docs/koder.md: the catalogue of every diagnostic code, with a real example taken from the rule cases.

The catalogue is generated here so that it cannot drift: every code must have a rule case (which proves
the rule can fire), and the example shown is that case's input line and the tool's actual output.
"""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, TESTS, check_golden
from ruledata import RuleCase, load_cases, run_case
from valdsprogram.codes import CODES
from valdsprogram.diagnostics import Diagnostic, Validation
from valdsprogram.output.validation import render_text

CATALOGUE = ROOT / "docs" / "koder.md"

# Codes about the file as a whole, which a YAML string in a rule case cannot show.
FILE_EXAMPLES = {
    "VP001": "uppfoljning/2024-T1/sdn-sodermalm.yaml: VP001 fel: Filen finns inte.\n"
    "    tips: Ange sökvägen till en YAML-fil.\n",
    "VP002": "uppfoljning/2024-T1/sdn-sodermalm.yaml: VP002 fel: Filen är 50,0 MiB; gränsen är 5 MiB.\n"
    "    tips: Kontrollera att det är rätt fil. Ett program eller en uppföljning är bara några kB.\n",
}


WORKBOOK_GOLDENS = sorted((TESTS / "data" / "workbooks").glob("*.txt"))
"""The output of `importera` on the workbooks built in tests/acceptance/test_importera.py: the examples of the VP4xx
codes."""


def workbook_example(code: str) -> str | None:
    for golden in WORKBOOK_GOLDENS:
        lines = golden.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if f": {code} " in line:
                hint = lines[i + 1] if i + 1 < len(lines) and lines[i + 1].startswith("    tips:") else None
                shown = "\n".join([line, hint] if hint else [line])
                where = golden.relative_to(ROOT).as_posix()
                return f"Ur `valdsprogram importera` i *{where}*:\n\n```text\n{shown}\n```\n"
    return None


def example(code: str, cases: list[tuple[RuleCase, list[Diagnostic], Path]]) -> str:
    if code in FILE_EXAMPLES:
        return f"```text\n{FILE_EXAMPLES[code]}```\n"
    if code.startswith("VP4"):
        from_workbook = workbook_example(code)
        assert from_workbook is not None, f"{code} har inget exempel i tests/data/workbooks/"
        return from_workbook
    for case, diagnostics, folder in cases:
        found = [d for d in diagnostics if d.code == code]
        if found:
            first = found[0]
            source = (folder / first.path).read_bytes().decode(case.encoding).splitlines()
            shown = source[first.line - 1] if first.line else ""
            output = render_text(Validation([first], 1)).rsplit("\n", 2)[0]
            return (
                f"Ur testfallet *{case.name}* ({first.path}, rad {first.line}):\n\n"
                f"```yaml\n{shown}\n```\n\n```text\n{output}\n```\n"
            )
    raise AssertionError(f"{code} har inget testfall i tests/data/rules/ och alltså inget exempel")


def catalogue(tmp_path: Path) -> str:
    cases = []
    for i, case in enumerate(load_cases()):
        folder = tmp_path / str(i)
        folder.mkdir()
        cases.append((case, run_case(case, folder), folder))
    parts = [
        "# Diagnostikkoder\n\n"
        "Alla koder som `valdsprogram validera` kan ge, med förklaring och ett verkligt exempel. Koderna är "
        "stabila: en kod byter aldrig betydelse. `fel` gör att valideringen misslyckas (slutkod 1); "
        "`varning` gör det bara med `--strikt`.\n\n"
        "Filen genereras av `tests/repository/test_code_catalogue.py` (`pytest --update-golden`); "
        "ändra inte i den för hand.\n\n"
        "| Kod | Allvar | Rubrik |\n|---|---|---|\n"
    ]
    parts += [f"| [{c.code}](#{c.code.lower()}) | {c.severity.value} | {c.title} |\n" for c in CODES.values()]
    for c in CODES.values():
        parts.append(f"\n## {c.code}\n\n**{c.title}** ({c.severity.value})\n\n{c.explanation}\n\n")
        parts.append(example(c.code, cases))
    return "".join(parts)


def test_catalogue_is_complete_and_current(tmp_path: Path, update_golden: bool) -> None:
    check_golden(CATALOGUE, catalogue(tmp_path), update=update_golden)


def test_codes_are_stable_and_well_formed() -> None:
    assert all(key == c.code and len(c.code) == 5 and c.code.startswith("VP") for key, c in CODES.items())
    assert list(CODES) == sorted(CODES)
