"""The command line, run in-process: exit codes, every output format, and errors without tracebacks."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import typer.core
import typer.main
from typer.testing import CliRunner

from runner import run
from valdsprogram.cli.app import COMMANDS as CLI_COMMANDS
from valdsprogram.cli.app import _app_for, app
from valdsprogram.output.formats import ValidationFormat
from valdsprogram.output.validation import RENDERERS

DATA = Path(__file__).parents[1] / "data"
BROKEN = (
    "organ: sdn-syd\nperiod: 2024-T1\nmal:\n  M1: {bedomning: kanske}\n  M1: {bedomning: helt, analys: no}\n"
    "aktiviteter: {A1.1: {status: pågående}, A1.2: {status: pågående}}\nindikatorer: {I1.2: {utfall: 4, arsmal: 10}}\n"
)
COMPLETE = """organ: sdn-syd
period: 2024-T1
aktiviteter: {A1.1: {status: pågående}, A1.2: {status: pågående}}
indikatorer: {I1.2: {utfall: 4, arsmal: 10}}
mal: {M1: {bedomning: helt, analys: no}}
"""


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "program.yaml").write_text((DATA / "program.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    target = tmp_path / "uppfoljning" / "2024-T1" / "sdn-syd.yaml"
    target.parent.mkdir(parents=True)
    target.write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_format_has_a_renderer() -> None:
    assert set(RENDERERS) == set(ValidationFormat)


BROKEN_FINDINGS = [
    ("VP005", "uppfoljning/2024-T1/sdn-syd.yaml", 5, 3),
    ("VP008", "uppfoljning/2024-T1/sdn-syd.yaml", 5, 33),
    ("VP104", "uppfoljning/2024-T1/sdn-syd.yaml", 4, 19),
]
"""(code, file, line, column) of every finding in BROKEN, in code order."""

Finding = tuple[str, str, int, int | None]
_TEXT_LINE = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<column>\d+): (?P<code>VP\d{3}) ")
_GITHUB_LINE = re.compile(
    r"^::(?:error|warning|notice) file=(?P<path>[^,]+),line=(?P<line>\d+),col=(?P<column>\d+),title=(?P<code>VP\d{3})"
)


def _from_lines(pattern: re.Pattern[str], output: str) -> list[Finding]:
    found = [pattern.match(line) for line in output.splitlines()]
    return [(m["code"], m["path"], int(m["line"]), int(m["column"])) for m in found if m]


def _from_json(output: str) -> list[Finding]:
    return [(d["code"], d["path"], d["line"], d["column"]) for d in json.loads(output)["diagnostics"]]


def _from_gitlab(output: str) -> list[Finding]:
    """Code Quality reports carry no column."""
    return [(i["check_name"], i["location"]["path"], i["location"]["lines"]["begin"], None) for i in json.loads(output)]


FINDINGS_IN: dict[ValidationFormat, Callable[[str], list[Finding]]] = {
    ValidationFormat.TEXT: lambda output: _from_lines(_TEXT_LINE, output),
    ValidationFormat.JSON: _from_json,
    ValidationFormat.GITHUB: lambda output: _from_lines(_GITHUB_LINE, output),
    ValidationFormat.GITLAB: _from_gitlab,
}


@pytest.mark.parametrize("fmt", list(ValidationFormat), ids=[f.value for f in ValidationFormat])
def test_every_format_reports_the_same_findings(workdir: Path, fmt: ValidationFormat) -> None:
    code, output = run("validera", "--format", fmt.value)
    assert code == 1
    expected = [
        (c, path, line, None if fmt is ValidationFormat.GITLAB else column) for c, path, line, column in BROKEN_FINDINGS
    ]
    assert sorted(FINDINGS_IN[fmt](output)) == expected, output


def test_text_format(workdir: Path) -> None:
    code, output = run("validera")
    assert code == 1
    assert output.splitlines() == [
        "uppfoljning/2024-T1/sdn-syd.yaml:4:19: VP104 fel: Värdet för 'bedomning' kan inte vara texten 'kanske'.",
        "    tips: Tillåtna värden: helt, delvis, inte.",
        "uppfoljning/2024-T1/sdn-syd.yaml:5:3: VP005 fel: Nyckeln 'M1' står redan på rad 4.",
        "    tips: Ta bort den ena eller slå ihop dem; båda värdena kan inte gälla.",
        "uppfoljning/2024-T1/sdn-syd.yaml:5:33: VP008 varning: Värdet no läses som text, men som ett sanningsvärde"
        " av YAML 1.1.",
        "    tips: Skriv true eller false för ja/nej, eller sätt citattecken runt texten.",
        "2 fel och 1 varning i 2 filer.",
    ]


def test_json_format(workdir: Path) -> None:
    code, output = run("validera", "--format", "json")
    document = json.loads(output)
    assert code == 1
    assert document["version"] == 1
    assert document["summary"] == {"files": 2, "errors": 2, "warnings": 1, "acknowledged": 0}
    assert document["diagnostics"][0] == {
        "code": "VP104",
        "severity": "error",
        "path": "uppfoljning/2024-T1/sdn-syd.yaml",
        "line": 4,
        "column": 19,
        "place": "mal.M1.bedomning",
        "message": "Värdet för 'bedomning' kan inte vara texten 'kanske'.",
        "hint": "Tillåtna värden: helt, delvis, inte.",
        "acknowledged": None,
    }
    assert [d["severity"] for d in document["diagnostics"]] == ["error", "error", "warning"]


def test_github_format(workdir: Path) -> None:
    _, output = run("validera", "--format", "github")
    lines = output.splitlines()
    assert lines[0] == (
        "::error file=uppfoljning/2024-T1/sdn-syd.yaml,line=4,col=19,title=VP104::Värdet för 'bedomning' kan inte"
        " vara texten 'kanske'.%0ATillåtna värden: helt, delvis, inte."
    )
    assert lines[2].startswith("::warning file=uppfoljning/2024-T1/sdn-syd.yaml,line=5,col=33,title=VP008::")


def test_gitlab_format(workdir: Path) -> None:
    _, output = run("validera", "--format", "gitlab")
    issues = json.loads(output)
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("VP104", "major", {"path": "uppfoljning/2024-T1/sdn-syd.yaml", "lines": {"begin": 4}}),
        ("VP005", "major", {"path": "uppfoljning/2024-T1/sdn-syd.yaml", "lines": {"begin": 5}}),
        ("VP008", "minor", {"path": "uppfoljning/2024-T1/sdn-syd.yaml", "lines": {"begin": 5}}),
    ]
    assert len({i["fingerprint"] for i in issues}) == 3


def test_gitlab_fingerprints_stay_when_lines_move(workdir: Path) -> None:
    """GitLab pairs issues by fingerprint: a comment added above must not turn every issue into fixed plus new."""
    target = workdir / "uppfoljning" / "2024-T1" / "sdn-syd.yaml"
    findings = """organ: sdn-syd
period: 2024-T1
aktiviteter: {A1.1: {status: pågående}, A1.2: {status: försenad}}
indikatorer: {I1.2: {utfall: 4.5, arsmal: -10}, I9.9: {utfall: 1}}
mal: {M1: {bedomning: inte, analys: no}}
"""
    target.write_text(findings, encoding="utf-8")
    before = json.loads(run("validera", "--format", "gitlab")[1])
    target.write_text("# Ny kommentar\n\n" + target.read_text(encoding="utf-8"), encoding="utf-8")
    program = workdir / "program.yaml"
    program.write_text("# Ny kommentar\n" + program.read_text(encoding="utf-8"), encoding="utf-8")
    after = json.loads(run("validera", "--format", "gitlab")[1])
    assert [i["location"]["lines"]["begin"] + 2 for i in before] == [i["location"]["lines"]["begin"] for i in after]
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]
    assert len({i["fingerprint"] for i in after}) == len(after) == 6


def test_places_name_items_by_id(workdir: Path) -> None:
    """The place in the data names list items by id, so inserting an item above leaves the others' places."""
    program = workdir / "program.yaml"
    program.write_text(program.read_text(encoding="utf-8").replace("enhet: antal", "enhet: st", 1), encoding="utf-8")
    document = json.loads(run("validera", "--format", "json")[1])
    places = {(d["code"], d["place"]) for d in document["diagnostics"] if d["path"] == "program.yaml"}
    assert places == {("VP104", "mal.M1.indikatorer.I1.2.enhet")}


@pytest.mark.parametrize("fmt", ["json", "gitlab"])
def test_machine_formats_stay_parseable_when_validera_cannot_run(workdir: Path, fmt: str) -> None:
    (workdir / "program.yaml").unlink()
    result = CliRunner().invoke(app, ["validera", "--format", fmt])
    assert result.exit_code == 2
    parsed = json.loads(result.stdout)
    assert "finns inte" in json.dumps(parsed, ensure_ascii=False)
    assert "hittar inte programfilen program.yaml" in result.stderr


def test_warnings_pass_unless_strict(workdir: Path) -> None:
    target = workdir / "uppfoljning" / "2024-T1" / "sdn-syd.yaml"
    target.write_text(COMPLETE, encoding="utf-8")
    assert run("validera")[0] == 0
    assert run("validera", "--strikt")[0] == 1


def test_paths_limit_what_is_validated(workdir: Path) -> None:
    (workdir / "uppfoljning" / "2024-T2" / "sdn-syd.yaml").parent.mkdir()
    (workdir / "uppfoljning" / "2024-T2" / "sdn-syd.yaml").write_text(COMPLETE.replace("T1", "T2"), encoding="utf-8")
    code, output = run("validera", "uppfoljning/2024-T2")
    assert (code, output.splitlines()[-1]) == (0, "0 fel och 1 varning i 2 filer.")


def test_naming_the_program_validates_every_follow_up(workdir: Path) -> None:
    """A program change can break any follow-up, and pre-commit passes only the changed program.yaml."""
    (workdir / "uppfoljning" / "2024-T2" / "sdn-syd.yaml").parent.mkdir()
    (workdir / "uppfoljning" / "2024-T2" / "sdn-syd.yaml").write_text(COMPLETE.replace("T1", "T2"), encoding="utf-8")
    assert run("validera", "program.yaml") == run("validera")
    code, output = run("validera", "uppfoljning/2024-T2", "program.yaml")
    assert (code, output.splitlines()[-1]) == (1, "2 fel och 2 varningar i 3 filer.")


def test_a_path_that_does_not_exist_is_a_finding(workdir: Path) -> None:
    code, output = run("validera", "saknas.yaml")
    assert code == 1
    assert output.startswith("saknas.yaml: VP001 fel: Filen finns inte.")


def test_missing_program_cannot_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = run("validera")
    assert code == 2
    assert "hittar inte programfilen program.yaml" in output


def test_bad_option_exits_2(workdir: Path) -> None:
    assert run("validera", "--format", "xml")[0] == 2


def test_clean_data_exits_0(workdir: Path) -> None:
    (workdir / "uppfoljning" / "2024-T1" / "sdn-syd.yaml").unlink()
    assert run("validera") == (0, "Inga fel i 1 fil.\n")


def test_module_entry_point_and_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "valdsprogram", "--version"], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout.startswith("valdsprogram ")) == (0, True)


COMMANDS = [command.name or "" for command in app.registered_commands]
GROUPS = {group.name or "": group.typer_instance for group in app.registered_groups}
EVERY_COMMAND = [
    *([name] for name in COMMANDS),
    *([name, command.name or ""] for name, group in GROUPS.items() if group for command in group.registered_commands),
]


@pytest.mark.parametrize("words", EVERY_COMMAND, ids=" ".join)
def test_a_run_builds_only_the_command_it_names(words: list[str]) -> None:
    built = typer.main.get_command(_app_for([*words, "--help"]))
    assert isinstance(built, typer.core.TyperGroup)
    assert list(built.commands) == [words[0]]
    runner = CliRunner()
    whole, alone = (runner.invoke(one, [*words, "--help"]) for one in (app, _app_for([*words, "--help"])))
    assert (alone.exit_code, alone.output) == (whole.exit_code, whole.output) == (0, whole.output)
    assert whole.output.startswith(f"Användning: valdsprogram {' '.join(words)} ")


@pytest.mark.parametrize("args", [[], ["--version"], ["-h"], ["valider"], ["--help", "validera"]])
def test_anything_but_a_command_name_gets_the_whole_app(args: list[str]) -> None:
    assert _app_for(args) is app


def test_shell_completion_gets_the_whole_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_VALDSPROGRAM_COMPLETE", "bash_complete")
    assert _app_for(["validera"]) is app


def test_building_one_command_leaves_the_app_whole() -> None:
    _app_for(["validera"])
    assert [command.name for command in app.registered_commands] == COMMANDS
    assert "validera" in typer.main.get_command(app).commands  # type: ignore[attr-defined]


def test_help_imports_only_the_command_line() -> None:
    """`valdsprogram --help` loads Typer and the command line, none of the core and none of its libraries."""
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('valdsprogram', 'pydantic', 'yaml', 'jinja2', 'hashlib', 'json')), file=sys.stderr))\n"
        "sys.argv = ['valdsprogram', '--help']\n"
        "from valdsprogram.cli.app import main\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout.startswith("Användning: valdsprogram ")) == (0, True)
    loaded = ast.literal_eval(done.stderr)
    commands = [f"valdsprogram.cli.commands.{name}" for name in sorted(CLI_COMMANDS)]
    command_line = ["valdsprogram.cli", *(f"valdsprogram.cli.{m}" for m in ("app", "commands", "frame", "frame_text"))]
    command_line += ["valdsprogram.cli.options", "valdsprogram.cli.output"]
    formats = ["valdsprogram", "valdsprogram.errors", "valdsprogram.output", "valdsprogram.output.formats"]
    assert loaded == sorted([*formats, *command_line, *commands])


T1_DONE = """organ: sdn-syd
period: 2024-T1
aktiviteter: {A1.1: {status: genomförd}, A1.2: {status: pågående}}
indikatorer: {I1.2: {utfall: 4, arsmal: 10}}
"""
T2_BACK = """organ: sdn-syd
period: 2024-T2
aktiviteter: {A1.1: {status: pågående}, A1.2: {status: pågående}}
indikatorer: {I1.2: {utfall: 6, arsmal: 10}}
"""


@pytest.mark.parametrize("folder", ["uppfoljning", "annan"])
def test_a_named_file_is_checked_against_its_folder_tree(workdir: Path, folder: str) -> None:
    """As a commit hook runs it: only the changed file is named, yet its status is compared with T1's."""
    for name, text in (("2024-T1/sdn-syd.yaml", T1_DONE), ("2024-T2/sdn-syd.yaml", T2_BACK)):
        (workdir / folder / name).parent.mkdir(parents=True, exist_ok=True)
        (workdir / folder / name).write_text(text, encoding="utf-8")
    (workdir / folder / "2024-T1" / "sdn-mitt.yaml").write_text("organ: sdn-mitt\nokand: 1\n", encoding="utf-8")
    code, output = run("validera", f"{folder}/2024-T2/sdn-syd.yaml", "--format", "json")
    assert code == 0
    found = [(d["path"], d["code"]) for d in json.loads(output)["diagnostics"]]
    assert found == [(f"{folder}/2024-T2/sdn-syd.yaml", "VP313")]


def test_a_file_outside_any_follow_up_tree_has_no_context(workdir: Path) -> None:
    (workdir / "utkast.yaml").write_text(T2_BACK.replace("2024-T2", "2024-T1"), encoding="utf-8")
    code, output = run("validera", "utkast.yaml", "--format", "json")
    found = [(d["path"], d["code"]) for d in json.loads(output)["diagnostics"]]
    assert (code, found) == (1, [("utkast.yaml", "VP304"), ("utkast.yaml", "VP304")])
