"""`valdsprogram mall`: a fresh file asks only to be filled in, at the right lines; filled in, it is clean."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from hostile_text import COMPILATION_T1, EARLIER, MALL_T2, program_with
from runner import run
from valdsprogram.check.validation import validate
from valdsprogram.sources import followup_files
from valdsprogram.writing import WriteRefused, write_atomic
from valdsprogram.yaml.reader import read_yaml

EXAMPLE_VALUES = {"procent": "50", "antal": "3", "ja/nej": "true"}


def empty_lines(text: str, *, annual: bool) -> list[int]:
    """The lines a person must fill in: empty status, utfall, arsmal and (in VB) bedomning."""
    keys = ("status", "utfall", "arsmal", *(["bedomning"] if annual else []))
    pattern = re.compile(rf"^\s+({'|'.join(keys)}):(\s*#.*)?$")
    return [n for n, line in enumerate(text.splitlines(), start=1) if pattern.match(line)]


def fill_in(text: str) -> str:
    """Fill every empty value the way a controller would, choosing values that fit each unit."""
    lines, unit = [], "antal"
    for line in text.splitlines():
        found = re.search(r"# (procent|antal|ja/nej):", line)
        if found:
            unit = found[1]
        line = re.sub(r"^(\s+status):(\s*#.*)?$", r"\1: pågående\2", line)
        line = re.sub(r"^(\s+(?:utfall|arsmal)):(\s*#.*)?$", rf"\1: {EXAMPLE_VALUES[unit]}\2", line)
        lines.append(re.sub(r"^(\s+bedomning):$", r"\1: helt", line))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("organ", "period"),
    [
        ("sdn-sodermalm", "2024-T2"),
        ("utbildningsnamnden", "2024-VB"),
        ("ab-svenska-bostader", "2024-T1"),
        ("sdn-jarva", "2025-VB"),
    ],
)
def test_fresh_file_asks_only_to_be_filled_in_then_validates_clean(repo_copy: Path, organ: str, period: str) -> None:
    code, output = run("mall", organ, period)
    assert code == 0, output
    path = repo_copy / "uppfoljning" / period / f"{organ}.yaml"
    text = path.read_text(encoding="utf-8")

    found = validate(repo_copy / "program.yaml", followup_files(repo_copy / "uppfoljning"), base=repo_copy)
    mine = [d for d in found.diagnostics if d.path == f"uppfoljning/{period}/{organ}.yaml"]
    assert {d.code for d in mine} <= {"VP316"}
    assert [d.line for d in mine] == empty_lines(text, annual=period.endswith("VB"))
    assert [d for d in found.diagnostics if d not in mine and not d.acknowledged] == []

    path.write_text(fill_in(text), encoding="utf-8")
    code, output = run("validera", "--strikt")  # the examples' one warning is acknowledged, and shown
    assert (code, output.splitlines()[-1]) == (0, "Inga fel i 18 filer. 1 varning är kvitterad."), output


def test_statuses_and_targets_are_carried_forward_from_earlier_this_year(repo_copy: Path) -> None:
    run("mall", "sdn-sodermalm", "2024-T2")
    text = (repo_copy / "uppfoljning" / "2024-T2" / "sdn-sodermalm.yaml").read_text(encoding="utf-8")
    assert "    status: pågående  # från 2024-T1" in text
    assert re.search(r"    arsmal: \d+  # från 2024-T1", text)


def test_a_tertial_asks_for_a_forecast_of_accumulated_indicators_only(repo_copy: Path) -> None:
    run("mall", "sdn-sodermalm", "2024-T2")
    text = (repo_copy / "uppfoljning" / "2024-T2" / "sdn-sodermalm.yaml").read_text(encoding="utf-8")
    forecast = "    prognos:  # helårsprognos: vad utfallet väntas bli för hela året; utan den bedöms inte årsmålet"
    assert text.count(forecast) == 3  # I3.3, I3.4 and I4.3 are counted over the year so far
    assert "hittills i år, till och med 2024-08-31" in text
    run("mall", "sdn-sodermalm", "2024-VB")
    annual = (repo_copy / "uppfoljning" / "2024-VB" / "sdn-sodermalm.yaml").read_text(encoding="utf-8")
    assert "prognos" not in annual


def test_never_overwrites_without_the_option(repo_copy: Path) -> None:
    target = repo_copy / "uppfoljning" / "2024-T1" / "sdn-sodermalm.yaml"
    original = target.read_bytes()
    code, output = run("mall", "sdn-sodermalm", "2024-T1")
    assert code == 1
    assert "finns redan och skrivs inte över" in output
    assert target.read_bytes() == original
    assert run("mall", "sdn-sodermalm", "2024-T1", "--skriv-over")[0] == 0
    assert target.read_bytes() != original


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("sdn-sodermalmm", "2024-T1"), "Menade du 'sdn-sodermalm', 'sdn-ostermalm' eller 'sdn-norrmalm'?"),
        (
            ("sdn-norrmalm", "2023-T2"),
            "Norra innerstadens stadsdelsnämnd (sdn-norra-innerstaden) rapporterar i stället.",
        ),
        (("sdn-sodermalm", "2024-T4"), "'2024-T4' är ingen period."),
        (("sdn-sodermalm", "2026-T1"), "Programmet gäller 2021–2025, inte 2026."),
    ],
)
def test_impossible_requests_exit_2(repo_copy: Path, args: tuple[str, str], message: str) -> None:
    code, output = run("mall", *args)
    assert code == 2
    assert message in output


def test_a_failed_write_leaves_the_original_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "fil.yaml"
    target.write_text("original\n", encoding="utf-8")

    def fail(*args: object) -> None:
        raise OSError(28, "Inget utrymme kvar på enheten")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(WriteRefused, match="Inget utrymme kvar"):
        write_atomic(target, "nytt\n", overwrite=True)
    assert target.read_text(encoding="utf-8") == "original\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fil.yaml"]


def test_a_new_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    write_atomic(tmp_path / "ny.yaml", "a: 1\n", overwrite=False)
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "ny.yaml").stat().st_mode & 0o777 == 0o666 & ~umask


def _modeline_target(written: Path) -> Path:
    first = written.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    return (written.parent / first.removeprefix(prefix)).resolve()


@pytest.mark.parametrize(
    "folder", ["uppfoljning", "annan/plats/inlamnat", "../utanfor"], ids=["standard", "djupare", "utanfor"]
)
def test_the_modeline_resolves_from_wherever_mall_writes(repo_copy: Path, folder: str) -> None:
    shutil.copytree(ROOT / "schema", repo_copy / "schema")
    code, output = run("mall", "sdn-sodermalm", "2024-T2", "--uppfoljning", folder)
    assert code == 0, output
    written = repo_copy / folder / "2024-T2" / "sdn-sodermalm.yaml"
    assert _modeline_target(written) == (repo_copy / "schema" / "uppfoljning.schema.json").resolve()
    assert "schema" not in output


def test_the_modeline_follows_the_program_to_its_folder(repo_copy: Path) -> None:
    (repo_copy / "data").mkdir()
    (repo_copy / "program.yaml").rename(repo_copy / "data" / "program.yaml")
    shutil.copytree(ROOT / "schema", repo_copy / "data" / "schema")
    code, output = run("mall", "sdn-sodermalm", "2024-T2", "--program", "data/program.yaml", "-u", "ut")
    assert code == 0, output
    written = repo_copy / "ut" / "2024-T2" / "sdn-sodermalm.yaml"
    assert _modeline_target(written) == (repo_copy / "data" / "schema" / "uppfoljning.schema.json").resolve()


def test_without_a_schema_mall_says_how_to_write_one(repo_copy: Path) -> None:
    code, output = run("mall", "sdn-sodermalm", "2024-T2", "-u", "ut")
    assert code == 0
    assert output.splitlines()[-1] == (
        "Editorn hittar inget schema i schema/ för att komplettera och kontrollera filen; "
        "skriv det med `valdsprogram schema --mapp schema`."
    )
    assert run("schema", "--mapp", "schema")[0] == 0  # doing as told makes the modeline resolve
    target = _modeline_target(repo_copy / "ut" / "2024-T2" / "sdn-sodermalm.yaml")
    assert target == (repo_copy / "schema" / "uppfoljning.schema.json").resolve()
    assert target.is_file()


HOSTILE_TEXTS = {
    "program": "Testprogrammet\u2028period: 1999-T1\nmal: {M9: x}",
    "body": "Syds\u2028organ: kapad\u2029#: x\r\n- lista\t&a *b !c %d @e `f",
    "goal": "Mål\n  M1: {bedomning: x} #  : [",
    "activity": "Utbilda\r\nA1.2: {status: genomförd}\u2028  kommentar: injicerad",
    "indicator": "Antal\u2029indikatorer: {I9.9: {utfall: 1}}\n'\"",
}


def test_hostile_names_stay_inside_every_comment_mall_and_importera_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Line breaks, quotes, `#`, `: ` and YAML indicators in the program's names and in a workbook's file name:
    each file `mall`, `mall sammanstallning` and `importera` write reads back as exactly the values they meant,
    and each name is in its comment on one line."""
    (tmp_path / "program.yaml").write_text(program_with(HOSTILE_TEXTS), encoding="utf-8")
    (tmp_path / "uppfoljning" / "2024-T1").mkdir(parents=True)
    (tmp_path / "uppfoljning" / "2024-T1" / "sdn-syd.yaml").write_text(EARLIER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    one = {place: " ".join(text.split()) for place, text in HOSTILE_TEXTS.items()}

    assert run("mall", "sdn-syd", "2024-T2")[0] == 0
    followup = tmp_path / "uppfoljning" / "2024-T2" / "sdn-syd.yaml"
    lines = followup.read_text(encoding="utf-8").splitlines()
    assert _read_back(followup) == MALL_T2
    assert lines[1] == f"# {one['body']}: uppföljning av {one['program']},"
    assert f"  A1.1:  # {one['activity']}" in lines
    assert f"  I1.2:  # {one['indicator']}" in lines
    assert f"  M1:  # {one['goal']}" in lines

    assert run("mall", "sammanstallning", "2024-T1")[0] == 0
    compilation = tmp_path / "sammanstallning" / "2024-T1.yaml"
    lines = compilation.read_text(encoding="utf-8").splitlines()
    assert _read_back(compilation) == COMPILATION_T1
    header = f"# Socialnämndens sammanställning av {one['program']}, tertialrapport 1 2024 (per 2024-04-30)."
    assert " ".join([lines[1], lines[2].removeprefix("# ")]) == header  # wrapped at 110 characters
    assert f"  M1:  # {one['goal']}" in lines
    assert f"    # Uppfylls inte enligt: {one['body']}." in lines

    workbook = "bok\norgan: kapad\u2028period: 1999-T1.xlsx"
    assert run("mall", "sdn-syd", "2024-T2", "--format", "xlsx", "-o", workbook)[0] == 0
    assert run("importera", workbook, "--skriv-over")[0] == 1  # written, with the empty fields to fill in
    lines = followup.read_text(encoding="utf-8").splitlines()
    assert _read_back(followup) == MALL_T2
    assert f"Skapad med `valdsprogram importera {' '.join(workbook.split())}`." in lines[2]


def _read_back(path: Path) -> object:
    document = read_yaml(path)
    assert document.ok, document.diagnostics
    assert document.diagnostics == []
    return document.data
