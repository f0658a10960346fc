"""The shell: completion of ids from program.yaml in bash, zsh and fish, and Swedish help and usage errors."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from completion_protocol import complete
from conftest import ROOT
from valdsprogram.cli.app import app

ENGLISH = ("Usage", "Options", "Arguments", "Commands", "Show this", "default:", "required", "<list", "<str>",
           "<file>", "<dir>", "<path>", "Error", "Try ", "[OPTIONS]", "COMMAND", "Install completion")  # fmt: skip


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(ROOT)
    return ROOT


def test_bash_completes_bodies_periods_and_ids(in_repo: Path) -> None:
    assert complete("bash", "valdsprogram mall sdn-no").split() == ["sdn-norrmalm", "sdn-norra-innerstaden"]
    assert complete("bash", "valdsprogram mall sdn-norrmalm 2023-").split() == ["2023-T1", "2023-T2", "2023-VB"]
    assert complete("bash", "valdsprogram visa indikator I1.").split() == ["I1.1", "I1.2", "I1.3"]
    assert complete("bash", "valdsprogram visa aktivitet A7.").split()[0] == "A7.1"
    assert complete("bash", "valdsprogram visa mal M").split() == [f"M{n}" for n in range(1, 8)]
    assert complete("bash", "valdsprogram rapport --period 2025-V").split() == ["2025-VB"]


def test_zsh_and_fish_show_what_each_id_is(in_repo: Path) -> None:
    assert '"sdn-sodermalm":"Södermalms stadsdelsnämnd"' in complete("zsh", "valdsprogram checklista sdn-so")
    fish = complete("fish", "valdsprogram status --period 2024-")
    assert fish.splitlines() == ["2024-T1\ttertialrapport 1 2024", "2024-T2\ttertialrapport 2 2024",
                                 "2024-VB\tverksamhetsberättelse 2024"]  # fmt: skip


def test_completion_follows_program_and_never_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(ROOT / "tests" / "data" / "program.yaml", tmp_path / "annat.yaml")
    assert complete("bash", "valdsprogram mall --program annat.yaml sdn-").split() == [
        "sdn-norr",
        "sdn-syd",
        "sdn-mitt",
    ]
    assert complete("bash", "valdsprogram mall sdn-").split() == []  # no program.yaml here: nothing, no error
    (tmp_path / "program.yaml").write_text("organ: [{id: [", encoding="utf-8")
    assert complete("bash", "valdsprogram mall sdn-").split() == []


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("bash") is None, reason="bash saknas")
def test_the_script_completes_in_real_bash(tmp_path: Path) -> None:
    """The script `--show-completion bash` prints, sourced in bash, completes through the installed command."""
    command = Path(sys.executable).parent / "valdsprogram"
    if not command.exists():
        pytest.skip("valdsprogram är inte installerat i den här miljön")
    env = {**os.environ, "PATH": f"{command.parent}{os.pathsep}{os.environ['PATH']}"}
    env["_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"] = "1"  # take the shell as --show-completion's value
    script = subprocess.run(
        ["valdsprogram", "--show-completion", "bash"], capture_output=True, text=True, env=env, check=True
    ).stdout
    (tmp_path / "komplettering.sh").write_text(script, encoding="utf-8")
    session = (
        f"source {tmp_path / 'komplettering.sh'}\n"
        "COMP_WORDS=(valdsprogram visa organ sdn-n); COMP_CWORD=3\n"
        "_valdsprogram_completion valdsprogram\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    env.pop("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION")
    result = subprocess.run(["bash", "-c", session], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    assert result.stdout.split() == ["sdn-norrmalm", "sdn-norra-innerstaden"]


def _commands() -> list[list[str]]:
    found: list[list[str]] = [[]]
    for info in app.registered_commands:
        found.append([str(info.name)])
    for group in app.registered_groups:
        found.append([str(group.name)])
        assert group.typer_instance is not None
        found += [[str(group.name), str(c.name)] for c in group.typer_instance.registered_commands]
    return found


@pytest.mark.parametrize("command", _commands(), ids=lambda c: " ".join(c) or "valdsprogram")
def test_help_is_swedish(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"], prog_name="valdsprogram")
    assert result.exit_code == 0
    assert result.output.startswith(f"Användning: {' '.join(['valdsprogram', *command])} [VAL]")
    assert "Visa den här hjälpen och avsluta." in result.output
    assert [word for word in ENGLISH if word in result.output] == []


@pytest.mark.parametrize(
    ("args", "usage", "message"),
    [
        (["validera", "--strik"], "validera", "Fel: Valet --strik finns inte. Menade du --strikt?"),
        (["valider"], "", "Fel: Kommandot 'valider' finns inte. Menade du 'validera'?"),
        (["mall", "sdn-sodermalm"], "mall", "Fel: Argumentet PERIOD saknas."),
        (["validera", "-f", "xml"], "validera", "Fel: Ogiltigt värde för '--format' / '-f': 'xml' är inte något av"),
        (["validera", "--program"], None, "Fel: Valet --program behöver ett värde."),
        (["status", "extra"], "status", "Fel: Okänt extra argument: extra."),
        (
            ["checklista", "--mallar", "saknas"],
            "checklista",
            "Fel: Ogiltigt värde för '--mallar': 'saknas' finns inte.",
        ),
    ],
)
def test_usage_errors_are_swedish(args: list[str], usage: str | None, message: str, in_repo: Path) -> None:
    result = CliRunner().invoke(app, args, prog_name="valdsprogram")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    if usage is not None:  # Click's parser knows no command for a missing option value
        command = f"valdsprogram {usage}".strip()
        assert lines[0].startswith(f"Användning: {command} [VAL]")
        assert lines[1] == f"Skriv '{command} -h' för hjälp."
    assert lines[-1].startswith(message), lines[-1]
    assert [word for word in ENGLISH if word in result.stderr] == []


def test_a_group_without_its_command_shows_its_help_once_and_no_error(in_repo: Path) -> None:
    result = CliRunner().invoke(app, ["visa"], prog_name="valdsprogram")
    assert result.exit_code == 2
    assert result.stderr.startswith("Användning: valdsprogram visa [VAL] KOMMANDO [ARGUMENT]...\n\n  Slå upp")
    assert result.stderr.count("Användning:") == 1
    assert "Fel:" not in result.stderr


def test_a_usage_error_still_gives_gitlab_valid_json(in_repo: Path) -> None:
    result = CliRunner().invoke(app, ["validera", "--format", "gitlab", "--strik"], prog_name="valdsprogram")
    assert (result.exit_code, result.stdout) == (2, "[]\n")


def test_install_completion_in_swedish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")  # take the shell as the value
    result = CliRunner().invoke(app, ["--install-completion", "bash"], prog_name="valdsprogram")
    assert result.exit_code == 0
    script = tmp_path / ".bash_completions" / "valdsprogram.sh"
    assert result.output == (
        f"Kompletteringar för bash är installerade i {script}. De gäller från nästa gång du öppnar en terminal.\n"
    )
    assert "_VALDSPROGRAM_COMPLETE=complete_bash" in script.read_text(encoding="utf-8")
    assert f"source '{script}'" in (tmp_path / ".bashrc").read_text(encoding="utf-8")
