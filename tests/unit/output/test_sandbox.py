"""The template sandbox: a user's templates read only regular files in their folder and do bounded work.

Each case writes `checklista.md.j2` (and sometimes links or other files) into a fresh folder and renders it;
the Swedish message for every case is in the golden file tests/data/sandbox/forvantat.txt (read it after
`--update-golden`). The folder's own path is shown as `MALLAR`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, TESTS, check_golden
from valdsprogram.cli.app import app
from valdsprogram.model.periods import Period
from valdsprogram.output.formats import DocumentFormat
from valdsprogram.output.templates import TemplateProblem, render
from valdsprogram.report.checklist import build_checklist
from valdsprogram.workspace import open_workspace

Setup = Callable[[Path], None]


def _template(text: str) -> Setup:
    def setup(folder: Path) -> None:
        (folder / "checklista.md.j2").write_text(text, encoding="utf-8")

    return setup


def _link(target: str) -> Setup:
    def setup(folder: Path) -> None:
        (folder / "checklista.md.j2").symlink_to(target)

    return setup


def _linked_folder(folder: Path) -> None:
    (folder / "etc").symlink_to("/etc", target_is_directory=True)
    _template("{% include 'etc/passwd' %}")(folder)


def _linked_inside(folder: Path) -> None:
    (folder / "delar").mkdir()
    (folder / "delar" / "rubrik.md.j2").write_text("Rubrik {{ c.body_name }}\n", encoding="utf-8")
    (folder / "rubrik.md.j2").symlink_to("delar/rubrik.md.j2")
    _template("{% include 'rubrik.md.j2' %}")(folder)


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "checklista.md.j2")


def _latin1(folder: Path) -> None:
    (folder / "checklista.md.j2").write_bytes("Rad 1\nSöder\n".encode("latin-1"))


def _misnamed(folder: Path) -> None:
    (folder / "checklista.md.jinja").write_text("x", encoding="utf-8")
    (folder / "Checklista.md.j2").write_text("x", encoding="utf-8")


CASES: dict[str, Setup] = {
    "symlank-till-passwd": _link("/etc/passwd"),
    "symlank-till-proc-environ": _link("/proc/self/environ"),
    "symlankad-mapp-och-include": _linked_folder,
    "include-med-punkter": _template("{% include '../../../../etc/passwd' %}"),
    "include-absolut": _template("{% include '/etc/passwd' %}"),
    "symlank-inom-mappen-godtas": _linked_inside,
    "fifo": _fifo,
    "latin-1": _latin1,
    "felstavat-namn": _misnamed,
    "division-med-noll": _template("Rad 1\n{{ 1/0 }}\n"),
    "range-miljard": _template("{% for i in range(10**9) %}{% endfor %}"),
    "potens": _template("{{ 9**(9**9) }}"),
    "strang-ganger-miljard": _template("{{ 'x' * 10**9 }}"),
    "fordubbling": _template(
        "{% set ns = namespace(s='xy') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"
    ),
    "nastlade-loopar": _template("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"),
    "bred-format": _template("{{ '{:999999999}'.format(1) }}{{ '%999999999d'|format(1) }}"),
    "center": _template("{{ c.body_name|center(10**9) }}"),
    "replace": _template("{% set s = 'a' * 100000 %}{{ s|replace('a', s) }}"),
    "manga-tillagg": _template(
        "{% set s = 'x' * 10000 %}{% set l = [] %}{% for i in range(80000) %}{% if l.append(s ~ i) %}{% endif %}"
        "{% endfor %}{{ l|length }}"
    ),
    "manga-tillagg-av-block": _template(
        "{% set s = 'x' * 10000 %}{% set l = [] %}{% for i in range(80000) %}{% set b %}{{ s }}{{ i }}{% endset %}"
        "{% if l.append(b) %}{% endif %}{% endfor %}{{ l|length }}"
    ),
    "manga-nycklar-av-block": _template(
        "{% set s = 'x' * 10000 %}{% set d = {} %}{% for i in range(80000) %}{% set b %}{{ s }}{{ i }}{% endset %}"
        "{% if d.update({i: b}) %}{% endif %}{% endfor %}{{ d|length }}"
    ),
    "lista-med-plus": _template(
        "{% set s = 'x' * 10000 %}{% set ns = namespace(l=[]) %}{% for i in range(80000) %}"
        "{% set ns.l = ns.l + [s ~ i] %}{% endfor %}{{ ns.l|length }}"
    ),
    "stor-utdata": _template("{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}"),
    "inkluderar-sig-sjalv": _template("{% include 'checklista.md.j2' %}"),
    "rekursivt-makro": _template("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}"),
    "datumfilter-fel-argument": _template("{{ c.body_name|datum }}"),
    "md-filter-fel-antal": _template("{{ c.body_name|md(1, 2) }}"),
    "pythons-inre": _template("{{ c.__class__.__mro__ }}"),
    "syntaxfel": _template("Rad 1\n{% for x in %}\n"),
    "odefinierat": _template("{{ c.saknas }}"),
}


def _render_case(name: str, folder: Path) -> str:
    workspace = open_workspace(ROOT / "program.yaml", None)
    data = build_checklist(workspace, "sdn-sodermalm", Period(2024, 0))
    started = time.perf_counter()
    try:
        text = render("checklista", DocumentFormat.MD, {"c": data}, user_folder=folder)
        outcome = f"renderades: {text.strip()}"
    except TemplateProblem as problem:
        outcome = str(problem).replace(str(folder), "MALLAR")
    assert time.perf_counter() - started < 10, f"{name} took too long"  # a hang guard, not a speed test
    return f"{name}: {outcome}\n"


@pytest.mark.slow  # each case runs into the sandbox's time and size bounds
def test_every_hostile_template_is_refused_in_swedish(tmp_path: Path, update_golden: bool) -> None:
    lines = []
    for name, setup in CASES.items():
        folder = tmp_path / name
        folder.mkdir()
        setup(folder)
        lines.append(_render_case(name, folder))
    check_golden(TESTS / "data" / "sandbox" / "forvantat.txt", "".join(lines), update=update_golden)


@pytest.mark.parametrize("folder", ["/proc/self", "/sys/kernel", "LINK"])
def test_proc_as_template_folder_is_refused(tmp_path: Path, folder: str) -> None:
    (tmp_path / "proc").symlink_to("/proc/self", target_is_directory=True)
    chosen = tmp_path / "proc" if folder == "LINK" else Path(folder)
    with pytest.raises(TemplateProblem, match=r"ligger i systemets /(proc|sys) och används inte\."):
        render("checklista", DocumentFormat.MD, {}, user_folder=chosen)


def test_a_link_that_resolves_inside_the_folder_is_read(tmp_path: Path) -> None:
    _linked_inside(tmp_path)
    workspace = open_workspace(ROOT / "program.yaml", None)
    data = build_checklist(workspace, "sdn-sodermalm", Period(2024, 0))
    text = render("checklista", DocumentFormat.MD, {"c": data}, user_folder=tmp_path)
    assert text == "Rubrik Södermalms stadsdelsnämnd\n"


@pytest.mark.parametrize("template", ["{{ 1/0 }}", "{{ 9**(9**9) }}", "{% include 'x' %}"])
def test_template_errors_exit_2_without_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, template: str
) -> None:
    (tmp_path / "checklista.md.j2").write_text(template, encoding="utf-8")
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["checklista", "sdn-sodermalm", "--mallar", str(tmp_path)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.output.startswith(f"valdsprogram: {tmp_path}/checklista.md.j2")
    assert "Traceback" not in result.output
