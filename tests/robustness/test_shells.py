"""Hostile programs against shell completion: pressing TAB (and then Enter) in real bash, zsh and fish never runs
a command the program holds, and only ids that pass the id rule are offered."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from completion_protocol import complete
from shell_session import completion_script, installed_valdsprogram, type_into
from valdsprogram.cli.app import app

HOSTILE_PROGRAM = r"""
id: testprogram
giltighet: {fran: 2024, till: 2024}
organ:
  - {id: 'zz\', namn: ') ; touch pwned-zsh ; ws=('}
  - {id: 'zzb\', namn: 'a'}
  - {id: 'yy$(touch pwned-bash)', namn: 'b'}
  - {id: 'ww`touch pwned-backtick`', namn: 'c'}
  - {id: "vv\nsdn-norr", namn: 'd'}
  - {id: 'xx-ok', namn: "Giltigt organ $(touch pwned-name) `touch pwned-name` \" ' \\ [/x] \e[31m"}
mal:
  - {id: 'M1;touch pwned-mal', titel: 'e'}
  - {id: M2, titel: 'Mål två'}
"""
"""Ids no id rule takes, each built to run `touch` if a shell evaluated it, and descriptions with every character
a completion script or rich markup might read. Only xx-ok, M2 and the period are valid."""

LINES = ("zz", "yy", "ww", "vv", "xx")
"""What the user has typed after `valdsprogram mall` when pressing TAB."""

FUNCTION = {
    "bash": "valdsprogram() { printf 'ARGS:%s\\n' \"$*\"; }\n",
    "zsh": 'valdsprogram() { print -r -- "ARGS:$*"; }\n',
    "fish": 'function valdsprogram; echo "ARGS:$argv"; end\n',
}
"""Enter then runs this function instead of the tool, printing the line's words: the completion scripts call the
installed command through `env`, so TAB still asks the tool."""


def _session(tmp_path: Path, shell: str) -> tuple[list[str], list[str]]:
    """Type each line, TAB, Enter in a real `shell` over the hostile program: the words Enter ran with, and the
    files that appeared."""
    (tmp_path / "program.yaml").write_text(HOSTILE_PROGRAM, encoding="utf-8")
    folder = installed_valdsprogram()
    env = {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}
    rc = tmp_path / f"rc.{shell}"
    start = "autoload -Uz compinit && compinit -u -D\n" if shell == "zsh" else ""
    rc.write_text(start + completion_script(shell, env) + "\n" + FUNCTION[shell], encoding="utf-8")
    before = set(os.listdir(tmp_path))
    keys = "".join(f"valdsprogram mall {line}\t\n" for line in LINES)
    shown = type_into(shell, rc, keys, cwd=tmp_path, env=env).replace("\r", "")
    ran = [found.rstrip() for found in re.findall(r"ARGS:(mall [^\n]*)", shown)]
    appeared = sorted(set(os.listdir(tmp_path)) - before - {".zcompdump", ".local", ".config", ".bash_history"})
    return ran, appeared


@pytest.mark.slow
@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_tab_and_enter_over_a_hostile_program_run_nothing(tmp_path: Path, shell: str) -> None:
    ran, appeared = _session(tmp_path, shell)
    assert appeared == []
    assert ran == ["mall zz", "mall yy", "mall ww", "mall vv", "mall xx-ok"]


def _complete(shell: str, words: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "program.yaml").write_text(HOSTILE_PROGRAM, encoding="utf-8")
    return complete(shell, words)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_offers_only_valid_ids(shell: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bodies = _complete(shell, "valdsprogram mall ", tmp_path, monkeypatch)
    goals = _complete(shell, "valdsprogram visa mal ", tmp_path, monkeypatch)
    expected = {
        "bash": ("xx-ok\n", "M2\n"),
        "zsh": (
            '_arguments \'*: :(("xx-ok":"Giltigt organ (touch pwned-name) touch pwned-name /x 31m"))\'\n',
            '_arguments \'*: :(("M2":"Mål två"))\'\n',
        ),
        "fish": ("xx-ok\tGiltigt organ (touch pwned-name) touch pwned-name /x 31m\n", "M2\tMål två\n"),
    }
    assert (bodies, goals) == expected[shell]


NASTY = ["zz\\", 'a"b', "$(touch pwned)", "`touch pwned`", ") ; touch pwned ; ws=(", "it's", "a:b", "\\$HOME\\",
         "!!", "*", "~root", "a b", "tab\there", "line\nbreak", "å\u202eä", "[/x]", "%(!.#.$)"]  # fmt: skip
"""Values no id rule takes, for the escaping itself (the id rule keeps them out of completion long before)."""


def _one_line(value: str) -> str:
    """A value as the answer gives it: on one line, a control character (U+202E here) a space."""
    return " ".join(value.replace("\u202e", " ").split())


def _shell(shell: str, script: str, tmp_path: Path) -> list[str]:
    import subprocess

    result = subprocess.run([shell, "-f" if shell == "zsh" else "--norc", "-c", script], capture_output=True,
                            text=True, cwd=tmp_path, check=True)  # fmt: skip
    assert not list(tmp_path.iterdir()), "the shell ran a command from a value"
    return result.stdout.split("\0")[:-1]


@pytest.mark.slow
def test_zsh_reads_back_every_value_and_description_as_text(tmp_path: Path) -> None:
    """The answer goes through zsh's two `eval`s (the script's, and `_arguments`' `ws=( … )`, copied from it)."""
    from valdsprogram.cli.completion import zsh_item

    answer = "\n".join(zsh_item(value, f"om {value}") for value in NASTY)
    script = (
        '_arguments() { local action=${1#\\*: :}; local -a ws; eval ws\\=\\( "${action[3,-3]}" \\);'
        ' print -rN -- "${ws[@]}"; }\n'
        f"eval $(cat <<'SVAR'\n_arguments '*: :(({answer}))'\nSVAR\n)"
    )
    shown = [_one_line(value) for value in NASTY]
    assert _shell("zsh", script, tmp_path) == [f"{v.replace(':', chr(92) + ':')}:om {v}" for v in shown]


@pytest.mark.slow
def test_bash_reads_back_every_value_as_one_word(tmp_path: Path) -> None:
    """As bash's script takes the answer (one line a word, globbing on) and then runs the line with it on it."""
    from valdsprogram.cli.completion import bash_word

    answer = "\n".join(bash_word(value) for value in NASTY)
    script = (
        f"IFS=$'\\n'; COMPREPLY=( $(cat <<'SVAR'\n{answer}\nSVAR\n) ); unset IFS\n"
        'for word in "${COMPREPLY[@]}"; do eval "printf \'%s\\0\' $word"; done'
    )
    assert _shell("bash", script, tmp_path) == [_one_line(value) for value in NASTY]


@pytest.mark.parametrize(
    ("argv", "environ", "asked"),
    [
        ([], {"_VALDSPROGRAM_COMPLETE": "complete_bash", "COMP_WORDS": "valdsprogram ", "COMP_CWORD": "1"}, True),
        ([], {"_VALDSPROGRAM_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "valdsprogram "}, True),
        ([], {"_VALDSPROGRAM_COMPLETE": "source_fish"}, True),
        (["validera"], {"_VALDSPROGRAM_COMPLETE": "source_bash"}, False),
        (["validera"], {"_VALDSPROGRAM_COMPLETE": "complete_bash", "COMP_WORDS": "v", "COMP_CWORD": "1"}, False),
        ([], {"_VALDSPROGRAM_COMPLETE": "complete_bash"}, False),
        ([], {"_VALDSPROGRAM_COMPLETE": "complete_bash", "COMP_WORDS": "v", "COMP_CWORD": "x"}, False),
        ([], {"_VALDSPROGRAM_COMPLETE": "complete_fish", "_TYPER_COMPLETE_ARGS": "v"}, False),
        ([], {"_VALDSPROGRAM_COMPLETE": "complete_tcsh", "_TYPER_COMPLETE_ARGS": "v"}, False),
        ([], {"_VALDSPROGRAM_COMPLETE": "1"}, False),
    ],
)
def test_only_a_shell_asks_for_completion(argv: list[str], environ: dict[str, str], asked: bool) -> None:
    from valdsprogram.cli.completion import shell_asked

    assert shell_asked(argv, environ) is asked


@pytest.mark.parametrize("instruction", ["complete_bash", "source_bash", "complete_zsh", "complete_fish", "x"])
def test_a_stray_completion_variable_is_ignored(instruction: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import ROOT

    monkeypatch.chdir(ROOT)
    env = {"_VALDSPROGRAM_COMPLETE": instruction}
    result = CliRunner().invoke(app, ["validera"], env=env, prog_name="valdsprogram")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert (result.exit_code, result.stdout.splitlines()[-1]) == (0, "Inga fel i 19 filer. 1 varning är kvitterad.")


def test_a_program_linked_out_of_the_folder_completes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import TESTS
    from valdsprogram import completion_choices

    work = tmp_path / "projekt"
    work.mkdir()
    (tmp_path / "annat.yaml").write_bytes((TESTS / "data" / "program.yaml").read_bytes())
    (work / "program.yaml").symlink_to(tmp_path / "annat.yaml")
    monkeypatch.chdir(work)
    assert completion_choices(Path("program.yaml"), "organ") == []
    assert [ident for ident, _ in completion_choices(tmp_path / "annat.yaml", "organ")] == [
        "sdn-norr", "sdn-syd", "sdn-mitt", "socialnamnden", "ab-bostader"]  # fmt: skip  # named outright: read
