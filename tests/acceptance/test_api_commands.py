"""The public API covers every command: each function gives what its command gives, and holds the command's
policy (refusals, the schema rule, the bounds switch, the report's gate on errors) for a Python caller too."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from test_importera import fill_workbook
from typer.testing import CliRunner

import valdsprogram as vp
from conftest import ROOT
from valdsprogram.cli.app import app
from valdsprogram.sources import bounds_hold
from valdsprogram.yaml.reader import MAX_BYTES


def run(*args: str) -> tuple[int, str, str]:
    """The exit code, stdout and stderr, line ends as written (`Result.stdout` would turn CSV's CRLF into LF)."""
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout_bytes.decode("utf-8"), result.stderr_bytes.decode("utf-8")


def _workspace() -> vp.Workspace:
    """The working folder's program and follow-ups, as the commands open them."""
    return vp.open_workspace(Path("program.yaml"), Path("uppfoljning"), base=Path.cwd())


def test_a_workbook_is_the_one_mall_writes(repo_copy: Path) -> None:
    assert run("mall", "sdn-sodermalm", "2024-T1", "--format", "xlsx", "-o", "bok.xlsx")[0] == 0
    book = vp.followup_workbook(_workspace(), "sdn-sodermalm", "2024-T1")
    assert book.data == Path("bok.xlsx").read_bytes()
    assert (book.path, str(book.period), book.filed) == (Path("sdn-sodermalm-2024-T1.xlsx"), "2024-T1", True)
    assert not vp.followup_workbook(_workspace(), "sdn-sodermalm", "2024-T2").filed
    with pytest.raises(vp.WorkspaceError, match="sammanställningen skrivs bara som YAML"):
        vp.followup_workbook(_workspace(), "sammanstallning", "2024-T2")


def test_an_import_writes_and_checks_what_importera_does(repo_copy: Path) -> None:
    assert run("mall", "sdn-sodermalm", "2024-VB", "--format", "xlsx", "-o", "bok.xlsx")[0] == 0
    fill_workbook(repo_copy / "bok.xlsx", {("I4.3", "Årsmål"): "ca 300"}, {})
    code, stdout, stderr = run("importera", "bok.xlsx", "-o", "cli.yaml")
    assert (code, stderr) == (1, "Skrev cli.yaml ur bok.xlsx.\n")
    imported = vp.import_workbook(Path("bok.xlsx"), _workspace(), target=Path("api.yaml"), base=Path.cwd())
    assert not imported.refused
    assert imported.path == Path("api.yaml")
    assert imported.text == Path("cli.yaml").read_text(encoding="utf-8") == Path("api.yaml").read_text("utf-8")
    assert vp.render_validation(imported.validation) == stdout.replace("cli.yaml", "api.yaml")
    assert imported.validation.error_count == 1
    with pytest.raises(vp.WriteRefused, match=r"api\.yaml finns redan") as refused:
        vp.import_workbook(Path("bok.xlsx"), _workspace(), target=Path("api.yaml"), base=Path.cwd())
    assert refused.value.exit_code == 1


def test_a_refused_workbook_writes_nothing(repo_copy: Path) -> None:
    Path("bok.xlsx").write_text("inte en arbetsbok", encoding="utf-8")
    code, stdout, stderr = run("importera", "bok.xlsx")
    imported = vp.import_workbook(Path("bok.xlsx"), _workspace(), base=Path.cwd())
    assert imported.refused
    assert (imported.path, imported.text) == (None, None)
    assert (code, vp.render_validation(imported.validation)) == (1, stdout)
    assert stderr == f"valdsprogram: {imported.refusal}\n"
    assert not (repo_copy / "uppfoljning" / "2024-VB" / "sdn-sodermalm.yaml").exists()


def test_a_compilation_is_the_one_mall_writes(repo_copy: Path) -> None:
    assert run("mall", "sammanstallning", "2024-T2", "-o", "s.yaml")[0] == 0
    prefill = vp.prefilled_compilation(_workspace(), "2024-T2")
    assert prefill.text == Path("s.yaml").read_text(encoding="utf-8")
    assert prefill.path == Path("sammanstallning/2024-T2.yaml")
    assert prefill.text.startswith("# yaml-language-server: $schema=../schema/sammanstallning.schema.json\n")


def test_the_schema_rule_names_schema_beside_the_program() -> None:
    assert vp.schema_file(Path("a/program.yaml"), "uppfoljning") == Path("a/schema/uppfoljning.schema.json")
    assert vp.schema_file(Path("program.yaml"), "sammanstallning") == Path("schema/sammanstallning.schema.json")


def test_a_template_larger_than_validera_reads_is_refused() -> None:
    from valdsprogram.forms.followup_yaml import refuse_unreadable_size

    refuse_unreadable_size("x" * MAX_BYTES)
    with pytest.raises(vp.TemplateTooLarge) as refused:
        refuse_unreadable_size("x" * (MAX_BYTES + 110_000))
    assert str(refused.value) == (
        "mallen skulle bli 5,1 MiB, men validera läser högst 5 MiB per fil; programmet har för många aktiviteter "
        "och indikatorer, eller för långa texter. Inget skrevs."
    )
    assert refused.value.exit_code == 2


def test_the_schemas_are_the_shipped_ones_and_written_only_when_they_differ(tmp_path: Path) -> None:
    assert vp.program_schema() == (ROOT / "schema" / "program.schema.json").read_text(encoding="utf-8")
    assert vp.followup_schema() == (ROOT / "schema" / "uppfoljning.schema.json").read_text(encoding="utf-8")
    folder = tmp_path / "schema"
    written = vp.write_schemas(folder)
    assert sorted(p.name for p in written) == sorted(p.name for p in (ROOT / "schema").iterdir())
    assert vp.write_schemas(folder) == []  # already current: left alone
    (folder / "program.schema.json").write_text("{}\n", encoding="utf-8")
    with pytest.raises(vp.NothingWritten) as refused:
        vp.write_schemas(folder)
    assert refused.value.exit_code == 1
    assert [str(r) for r in refused.value.refusals] == [
        f"{folder / 'program.schema.json'} finns redan och skrivs inte över."
    ]
    assert vp.write_schemas(folder, overwrite=True) == [folder / "program.schema.json"]
    assert (folder / "program.schema.json").read_text(encoding="utf-8") == vp.program_schema()


def test_the_folder_bounds_hold_unless_the_environment_lifts_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VALDSPROGRAM_GRANSER", raising=False)
    assert bounds_hold()
    monkeypatch.setenv("VALDSPROGRAM_GRANSER", " AV ")
    assert not bounds_hold()
    monkeypatch.setenv("VALDSPROGRAM_GRANSER", "på")
    assert bounds_hold()


def test_the_report_is_refused_on_errors_unless_asked_despite_them(repo_copy: Path) -> None:
    broken = repo_copy / "uppfoljning" / "2024-T1" / "sdn-sodermalm.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("organ: sdn-sodermalm", "organ: sdn-x"), "utf-8")
    code, _, stderr = run("rapport", "--period", "2024-T1")
    workspace = _workspace()
    with pytest.raises(vp.FollowUpsHaveErrors) as refused:
        vp.build_report(workspace, workspace.period("2024-T1"))
    assert refused.value.exit_code == code == 1
    assert stderr == vp.render_validation(refused.value.validation) + f"valdsprogram: {refused.value}\n"
    assert vp.build_report(workspace, workspace.period("2024-T1"), despite_errors=True)


def test_the_status_matrix_renders_as_status_shows_it(repo_copy: Path) -> None:
    workspace = _workspace()
    matrix = vp.status_matrix(workspace, changes=vp.last_changes(Path("uppfoljning")))
    for fmt in vp.StatusFormat:
        assert run("status", "--format", fmt.value)[1] == vp.render_status(matrix, fmt, width=None), fmt


@pytest.mark.parametrize(
    ("args", "look_up"),
    [
        (["mal"], lambda ws: vp.lookup_goals(ws)),
        (["mal", "M2", "--datum", "2022-05-01"], lambda ws: vp.lookup_goals(ws, "M2", date="2022-05-01")),
        (["revisioner", "--datum", "2024-01-02"], lambda ws: vp.lookup_revisions(ws, date="2024-01-02")),
        (["aktivitet", "A1.2", "--period", "2023-T1"], lambda ws: vp.lookup_activity(ws, "A1.2", period="2023-T1")),
        (["indikator", "I3.3"], lambda ws: vp.lookup_indicator(ws, "I3.3")),
        (["organ"], lambda ws: vp.lookup_bodies(ws)),
        (
            ["organ", "sdn-jarva", "--datum", "2023-06-01"],
            lambda ws: vp.lookup_bodies(ws, "sdn-jarva", date="2023-06-01"),
        ),
    ],
)
def test_each_look_up_is_what_visa_shows(
    repo_copy: Path, args: list[str], look_up: Callable[[vp.Workspace], vp.Lookup]
) -> None:
    found = look_up(_workspace())
    for fmt in vp.ViewFormat:
        code, stdout, _ = run("visa", *args, "--format", fmt.value)
        assert (code, stdout) == (0, vp.render_lookup(found, fmt)), fmt
    assert json.loads(vp.render_lookup(found, vp.ViewFormat.JSON)) == found.data


def test_a_look_up_takes_a_period_or_a_date(repo_copy: Path) -> None:
    workspace = _workspace()
    with pytest.raises(vp.WorkspaceError, match=r"^ange antingen --period eller --datum\.$"):
        vp.lookup_activity(workspace, "A1.2", period="2024-T1", date="2024-03-01")
    assert vp.lookup_day(workspace, date="2024-03-01") == (vp.Period(2024, 0), dt.date(2024, 3, 1))
    assert vp.lookup_day(workspace) == (workspace.default_period(), None)
    with pytest.raises(vp.ValdsprogramError, match=r"Aktiviteten 'A9\.9' finns inte i programmet"):
        vp.lookup_activity(workspace, "A9.9")
