"""The public Python API: only the names `valdsprogram` exports, giving exactly what the command line gives."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import valdsprogram as vp
from conftest import ROOT, TESTS

SCENARIOS = TESTS / "data" / "scenarios"


@pytest.fixture(scope="module")
def workspace() -> vp.Workspace:
    return vp.open_workspace(ROOT / "program.yaml", ROOT / "uppfoljning", base=ROOT)


def _golden_output(scenario: str) -> str:
    """What the command printed in a golden scenario, without its exit-code line."""
    text = (SCENARIOS / scenario / "forvantat.txt").read_text(encoding="utf-8")
    return text.split("\n", 1)[1]


def test_every_exported_name_resolves_and_is_listed() -> None:
    assert vp.__all__ == ["__version__", *sorted(set(vp.__all__) - {"__version__"})]
    for name in vp.__all__:
        assert getattr(vp, name) is not None, name
    assert set(vp.__all__) <= set(dir(vp))
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        vp.nothing  # noqa: B018


def test_importing_the_package_is_cheap() -> None:
    probe = "import sys, valdsprogram; print(sorted(m for m in ('pydantic', 'jinja2', 'yaml') if m in sys.modules))"
    shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert shown == "[]\n"


def test_validate_counts_every_file_and_renders_each_format(workspace: vp.Workspace) -> None:
    followups = sorted((ROOT / "uppfoljning").rglob("*.yaml")) + sorted((ROOT / "sammanstallning").glob("*.yaml"))
    result = vp.validate(ROOT / "program.yaml", followups, base=ROOT)
    assert (result.files, result.error_count, result.warning_count) == (1 + len(followups), 0, 0)
    assert workspace.validation.files == result.files
    # The shipped data acknowledges one warning (a raised target, VP314): shown, but not counted.
    assert vp.render_validation(result).endswith(f"Inga fel i {result.files} filer. 1 varning är kvitterad.\n")
    for fmt in vp.ValidationFormat:
        assert vp.render_validation(result, fmt).endswith("\n"), fmt


def test_the_report_is_what_rapport_writes(workspace: vp.Workspace) -> None:
    html = vp.render_report(vp.build_report(workspace, vp.Period(2024, 0), only_reporting=True), vp.ReportFormat.HTML)
    assert html == _golden_output("rapport-html")
    markdown = vp.render_report(vp.build_report(workspace, workspace.period("2023-VB"), only_reporting=True))
    assert markdown == _golden_output("rapport-md")


def test_the_checklist_is_what_checklista_writes(workspace: vp.Workspace) -> None:
    checklist = vp.build_checklist(workspace, "sdn-sodermalm", workspace.period("2024-T2"))
    assert vp.render_checklist(checklist, vp.DocumentFormat.HTML) == _golden_output("checklista-sdn-html")


def test_the_status_matrix_is_what_status_shows(workspace: vp.Workspace) -> None:
    everything = vp.status_matrix(workspace, only_reporting=True)
    assert everything.periods == workspace.reported_periods()
    assert vp.render_status(everything, width=100) == _golden_output("status")
    one = vp.status_matrix(workspace, [vp.Period(2023, 2)], only_reporting=True)
    assert vp.render_status(one, vp.StatusFormat.JSON) == _golden_output("status-json")
    assert one.complete(vp.Period(2023, 2))


def test_each_template_context_holds_its_documented_names(workspace: vp.Workspace) -> None:
    report = vp.build_report(workspace, vp.Period(2024, 0))
    assert vp.report_context(report, vp.DocumentFormat.MD) == {"r": report, "diagram": {}, "trender": {}}
    html = vp.report_context(report, vp.DocumentFormat.HTML)
    assert set(html) == set(vp.ReportContext.__annotations__)
    assert set(html["diagram"]) == {"status", "bedomning"}
    assert set(html["trender"]) == {i.id for g in report.goals for i in g.indicators}
    assert html["diagram"]["status"].startswith("<svg")
    checklist = vp.build_checklist(workspace, "sdn-sodermalm", vp.Period(2024, 0))
    assert vp.checklist_context(checklist) == {"c": checklist}
    assert set(vp.checklist_context(checklist)) == set(vp.ChecklistContext.__annotations__)


def test_errors_are_exceptions_with_swedish_messages(workspace: vp.Workspace, tmp_path: Path) -> None:
    with pytest.raises(vp.WorkspaceError, match="Organet 'sdn-sodermalmm' finns inte"):
        vp.build_checklist(workspace, "sdn-sodermalmm", vp.Period(2024, 0))
    with pytest.raises(vp.WorkspaceError, match="hittar inte programfilen"):
        vp.open_workspace(tmp_path / "program.yaml", None)
    (tmp_path / "checklista.md.j2").write_text("{{ c.finns_inte }}\n", encoding="utf-8")
    checklist = vp.build_checklist(workspace, "sdn-sodermalm", vp.Period(2024, 0))
    with pytest.raises(vp.TemplateProblem, match="värde som inte finns"):
        vp.render_checklist(checklist, templates=tmp_path)


@pytest.mark.needs("pdf")
def test_the_readme_example_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Som Python-bibliotek", 1)[1]
    example = section.split("```python\n", 1)[1].split("```", 1)[0]
    shutil.copy(ROOT / "program.yaml", tmp_path / "program.yaml")
    shutil.copytree(ROOT / "uppfoljning", tmp_path / "uppfoljning")
    monkeypatch.chdir(tmp_path)
    exec(compile(example, "README.md", "exec"), {})
    assert (tmp_path / "rapport.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (tmp_path / "rapport.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "sdn-sodermalm-2024-T2.xlsx").read_bytes().startswith(b"PK")
    imported = tmp_path / "uppfoljning" / "2024-T2" / "sdn-sodermalm.yaml"
    assert imported.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    printed = capsys.readouterr().out
    assert "Inga fel i" in printed
    assert "# Checklista: Södermalms stadsdelsnämnd" in printed
    assert "Rapporterade uppföljningar" in printed
    assert "uppfoljning/2024-T2/sdn-sodermalm.yaml:" in printed  # the imported file's problems, at their lines


def test_no_public_name_is_also_a_module_name() -> None:
    """`valdsprogram.x` is both a function and a submodule otherwise: importing the module would replace it."""
    from importlib import resources

    modules = {p.name.removesuffix(".py") for p in resources.files("valdsprogram").iterdir()}
    assert set(vp.__all__) & modules == set()


def test_a_workspace_keeps_each_set_of_field_names_once_and_copies_stay_apart(workspace: vp.Workspace) -> None:
    """The follow-ups a workspace keeps share their records' field-name sets (memory at city scale); a copy with
    changes gets its own set, and the records it was copied from are left as they were."""
    reports = [r for f in workspace.files for r in f.followup.aktiviteter.values()]
    by_names: dict[frozenset[str], set[int]] = {}
    for report in reports:
        by_names.setdefault(frozenset(report.model_fields_set), set()).add(id(report.model_fields_set))
    assert len(reports) > len(by_names)
    assert all(len(ids) == 1 for ids in by_names.values())
    first = reports[0]
    before = set(first.model_fields_set)
    copy = first.model_copy(update={"kommentar": "Ändrad i en kopia."})
    assert "kommentar" in copy.model_fields_set
    assert copy.model_fields_set is not first.model_fields_set
    assert first.model_fields_set == before
