"""`historik`: a follow-up's versions from a git repository built here, with fixed names and dates so that the
commit hashes, and so the golden output, never change."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

import valdsprogram as vp
from conftest import ROOT, TESTS, check_golden
from valdsprogram.cli.app import app
from valdsprogram.git.log import path_changes

GOLDEN = TESTS / "data" / "history"
pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git är inte installerat"),
    pytest.mark.git_history,
]

FIRST = """\
organ: sdn-sodermalm
period: 2024-T1
aktiviteter:
  A2.4: {status: pågående}
indikatorer:
  I3.3: {utfall: 139, arsmal: 450}
"""
SECOND = FIRST.replace("utfall: 139", "utfall: 141")
BROKEN = SECOND.replace("A2.4: {status: pågående}", "A2.4: {status: pågående")
THIRD = SECOND.replace("{status: pågående}", '{status: försenad, kommentar: "Upphandlingen överklagades."}')
MERGED = "organ: sdn-rinkeby-kista\nperiod: 2023-T1\naktiviteter:\n  A2.4: {status: pågående}\n"


def _git(repo: Path, *args: str, day: int = 1) -> None:
    when = f"2024-05-{day:02d}T10:00:00+02:00"
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Anna Andersson",
        "GIT_AUTHOR_EMAIL": "anna@example.se",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_NAME": "Anna Andersson",
        "GIT_COMMITTER_EMAIL": "anna@example.se",
        "GIT_COMMITTER_DATE": when,
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def _commit(repo: Path, files: dict[str, str], message: str, day: int) -> None:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
        _git(repo, "add", name)
    _git(repo, "commit", "-q", "-m", message, day=day)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Four commits: a follow-up added under a wrong name (and a predecessor's file), renamed with a new value,
    broken, and mended with a new status. program.yaml stays outside git: only the follow-ups are history."""
    shutil.copy(ROOT / "program.yaml", tmp_path / "program.yaml")
    _git(tmp_path, "init", "-q")
    old, new = "uppfoljning/2024-T1/sodermalm.yaml", "uppfoljning/2024-T1/sdn-sodermalm.yaml"
    _commit(tmp_path, {old: FIRST, "uppfoljning/2023-T1/sdn-rinkeby-kista.yaml": MERGED}, "Södermalm T1", 2)
    _git(tmp_path, "mv", old, new)
    _commit(tmp_path, {new: SECOND}, "Rätta filnamnet och utfallet", 3)
    _commit(tmp_path, {new: BROKEN}, "Halvfärdig ändring", 4)
    _commit(tmp_path, {new: THIRD}, "A2.4 försenad", 5)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


@pytest.mark.usefixtures("repo")
def test_versions_and_changed_values_as_text(update_golden: bool) -> None:
    code, output = run("historik", "sdn-sodermalm", "2024-T1")
    assert code == 0
    check_golden(GOLDEN / "sdn-sodermalm-2024-T1.txt", output, update=update_golden)


@pytest.mark.usefixtures("repo")
def test_versions_as_json() -> None:
    code, output = run("historik", "sdn-sodermalm", "--format", "json")
    assert code == 0
    versions = json.loads(output)["filer"][0]["versioner"]
    assert [v["sokvag"] for v in versions] == ["uppfoljning/2024-T1/sodermalm.yaml"] + [
        "uppfoljning/2024-T1/sdn-sodermalm.yaml"
    ] * 3
    assert [c["text"] for v in versions for c in v["andringar"]] == [
        "I3.3 utfall 139 → 141",
        "A2.4 status pågående → försenad",
        "A2.4 kommentar – → ”Upphandlingen överklagades.”",
    ]
    assert versions[3]["andringar"][0] == {
        "post": "A2.4",
        "nyckel": "status",
        "fore": "pågående",
        "efter": "försenad",
        "text": "A2.4 status pågående → försenad",
    }
    assert versions[2]["fel"].startswith("versionen kan inte läsas som uppföljning (rad ")


@pytest.mark.usefixtures("repo")
def test_the_merged_body_includes_its_predecessors_and_the_old_id_works() -> None:
    _, new = run("historik", "sdn-jarva")
    assert "uppfoljning/2023-T1/sdn-rinkeby-kista.yaml" in new
    code, old = run("historik", "sdn-rinkeby-kista")
    assert code == 0
    assert "uppfoljning/2023-T1/sdn-rinkeby-kista.yaml\n  2024-05-02 10:00" in old


@pytest.mark.usefixtures("repo")
def test_a_body_without_follow_ups_says_so() -> None:
    expected = "Det finns ingen uppföljning från Bromma stadsdelsnämnd i uppfoljning.\n"
    assert run("historik", "sdn-bromma") == (0, expected)


def test_outside_git_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(ROOT / "program.yaml", tmp_path / "program.yaml")
    (tmp_path / "uppfoljning").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    code, output = run("historik", "sdn-sodermalm")
    assert code == 2
    assert "ligger inte i ett git-arkiv" in output


def test_path_changes_in_one_call(repo: Path) -> None:
    latest = path_changes(repo / "uppfoljning")
    assert latest["2023-T1/sdn-rinkeby-kista.yaml"].subject == "Södermalm T1"
    assert (latest["2024-T1/sdn-sodermalm.yaml"].date, latest["2024-T1/sdn-sodermalm.yaml"].subject) == (
        "2024-05-05 10:00",
        "A2.4 försenad",
    )
    assert path_changes(repo / "saknas") == {}


def test_last_changes_are_by_body_and_period(repo: Path) -> None:
    latest = vp.last_changes(repo / "uppfoljning")
    assert {("sdn-rinkeby-kista", "2023-T1"), ("sdn-sodermalm", "2024-T1")} <= set(latest)
    assert latest["sdn-sodermalm", "2024-T1"].short == "d43efd4"
    assert vp.last_changes(repo / "saknas") == {}


@pytest.mark.parametrize(
    "args", [("sdn-sodermalm", "2024-T1"), ("sdn-jarva", None), ("sdn-rinkeby-kista", None), ("sdn-bromma", None)]
)
def test_a_file_history_is_what_historik_writes(repo: Path, args: tuple[str, str | None]) -> None:
    workspace = vp.open_workspace(repo / "program.yaml", None)
    history = vp.file_history(workspace, *args, folder=Path("uppfoljning"), base=repo)
    for fmt in vp.ViewFormat:
        shown = [a for a in args if a is not None]
        assert run("historik", *shown, "--format", fmt.value) == (0, vp.render_history(history, fmt)), fmt


def test_a_file_history_outside_git_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(ROOT / "program.yaml", tmp_path / "program.yaml")
    (tmp_path / "uppfoljning").mkdir()
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    workspace = vp.open_workspace(tmp_path / "program.yaml", None)
    with pytest.raises(vp.ValdsprogramError, match="ligger inte i ett git-arkiv") as refused:
        vp.file_history(workspace, "sdn-sodermalm", folder=tmp_path / "uppfoljning")
    assert refused.value.exit_code == 2


@pytest.mark.usefixtures("repo")
def test_status_shows_each_follow_ups_last_commit() -> None:
    _, output = run("status", "--period", "2024-T1", "--format", "json")
    södermalm = next(b for b in json.loads(output)["organ"] if b["id"] == "sdn-sodermalm")
    assert södermalm["andrad"] == {
        "2024-T1": {
            "datum": "2024-05-05 10:00",
            "av": "Anna Andersson",
            "incheckning": "d43efd4",
            "rubrik": "A2.4 försenad",
            "inte_incheckad": False,
        }
    }
    _, text = run("status", "--period", "2024-T1")
    assert "Senast ändrade i git, 2024-T1" in text
    assert "Södermalms stadsdelsnämnd │ 2024-05-05 10:00 │ d43efd4     │ Anna Andersson" in text
    _, csv = run("status", "--period", "2024-T1", "--format", "csv")
    assert (
        "sdn-sodermalm;Södermalms stadsdelsnämnd;2024-T1;rapporterad med fel;2024-05-05 10:00;Anna Andersson;d43efd4;"
        "nej" in csv
    )
    _, without = run("status", "--period", "2024-T1", "--format", "json", "--utan-historik")
    assert "andrad" not in without


def test_the_report_appendix_says_when_each_follow_up_was_last_changed(repo: Path) -> None:
    # The report leaves out follow-ups with errors: the shipped one is complete.
    shipped = (ROOT / "uppfoljning/2024-T1/sdn-sodermalm.yaml").read_text(encoding="utf-8")
    _commit(repo, {"uppfoljning/2024-T1/sdn-sodermalm.yaml": shipped}, "Fix VP314 on I1.2", 6)
    code, output = run("rapport", "--period", "2024-T1", "--bilagor", "--trots-fel")
    assert code == 0
    # Who and when, in Swedish; the commit's subject (often English, with rule codes) is not for a committee.
    assert re.search(r"Senast ändrad 2024-05-06 10:00 av Anna Andersson, incheckning [0-9a-f]{7}\.", output)
    assert "Fix VP314" not in output
    _, without = run("rapport", "--period", "2024-T1", "--bilagor", "--trots-fel", "--utan-historik")
    assert "Senast ändrad" not in without


def test_outside_git_status_and_report_leave_the_history_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(ROOT / "program.yaml", tmp_path / "program.yaml")
    shutil.copytree(ROOT / "uppfoljning", tmp_path / "uppfoljning")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    code, output = run("status", "--format", "json")
    assert code == 0
    assert "andrad" not in output
    code, output = run("rapport", "--bilagor")
    assert code == 0
    assert "Senast ändrad" not in output


NORRMALM = """\
organ: sdn-norrmalm
period: 2023-T1
aktiviteter:
  A1.1: {status: pågående, kommentar: "Föräldragrupper på svenska och arabiska."}
  A2.4: {status: pågående, kommentar: "Dialog med lokalpolisområdet."}
indikatorer:
  I3.3: {utfall: 40, arsmal: 120}
"""


def test_a_file_written_from_a_neighbours_is_no_move(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """git --follow takes a new file much like another, still existing, file for a copy of it: the history of
    Östermalm's file must not jump to Norrmalm's."""
    shutil.copy(ROOT / "program.yaml", tmp_path / "program.yaml")
    _git(tmp_path, "init", "-q")
    norrmalm, ostermalm = "uppfoljning/2023-T1/sdn-norrmalm.yaml", "uppfoljning/2023-T1/sdn-ostermalm.yaml"
    _commit(tmp_path, {norrmalm: NORRMALM}, "Norrmalm T1", 2)
    neighbour = NORRMALM.replace("sdn-norrmalm", "sdn-ostermalm").replace("utfall: 40", "utfall: 12")
    _commit(
        tmp_path,
        {norrmalm: NORRMALM + "mal: {M1: {bedomning: delvis, analys: Se A1.1.}}\n", ostermalm: neighbour},
        "Östermalm T1",
        3,
    )
    monkeypatch.chdir(tmp_path)
    code, output = run("historik", "sdn-ostermalm", "2023-T1")
    assert code == 0
    lines = output.splitlines()
    assert lines[2:4] == ["uppfoljning/2023-T1/sdn-ostermalm.yaml", lines[3]]
    assert lines[4:] == ["    första versionen"]
    assert "flyttad" not in output


EDITED = THIRD.replace("utfall: 139", "utfall: 150").replace("utfall: 141", "utfall: 150")


def test_an_uncommitted_edit_is_marked_in_historik_with_its_values(repo: Path) -> None:
    (repo / "uppfoljning/2024-T1/sdn-sodermalm.yaml").write_text(EDITED, encoding="utf-8")
    code, output = run("historik", "sdn-sodermalm", "2024-T1")
    assert code == 0
    assert output.endswith(
        "  2024-05-05 10:00  d43efd4  Anna Andersson: A2.4 försenad\n"
        "    A2.4 status pågående → försenad\n"
        "    A2.4 kommentar – → ”Upphandlingen överklagades.”\n"
        "  ändrad, inte incheckad (filen som den är nu)\n"
        "    I3.3 utfall 141 → 150\n"
    )
    _, data = run("historik", "sdn-sodermalm", "2024-T1", "--format", "json")
    assert json.loads(data)["filer"][0]["inte_incheckad"] == {
        "fel": None,
        "andringar": [{"post": "I3.3", "nyckel": "utfall", "fore": 141, "efter": 150, "text": "I3.3 utfall 141 → 150"}],
    }
    _git(repo, "add", "uppfoljning/2024-T1/sdn-sodermalm.yaml")  # staged is not committed either
    assert run("historik", "sdn-sodermalm", "2024-T1")[1] == output
    _git(repo, "commit", "-q", "-m", "I3.3 rättat", day=6)
    assert "inte incheckad" not in run("historik", "sdn-sodermalm", "2024-T1")[1]


def test_status_and_the_appendix_mark_uncommitted_and_untracked_follow_ups(repo: Path) -> None:
    shipped = (ROOT / "uppfoljning/2024-T1/sdn-sodermalm.yaml").read_text(encoding="utf-8")
    _commit(repo, {"uppfoljning/2024-T1/sdn-sodermalm.yaml": shipped}, "Hela rapporten", 6)
    (repo / "uppfoljning/2024-T1/sdn-sodermalm.yaml").write_text(shipped.replace("utfall: 151", "utfall: 152"))
    new = (ROOT / "uppfoljning/2024-T1/utbildningsnamnden.yaml").read_text(encoding="utf-8")
    (repo / "uppfoljning/2024-T1/utbildningsnamnden.yaml").write_text(new, encoding="utf-8")
    _, output = run("status", "--period", "2024-T1", "--format", "json")
    changed = {b["id"]: b["andrad"] for b in json.loads(output)["organ"] if b.get("andrad")}
    assert changed["sdn-sodermalm"]["2024-T1"]["inte_incheckad"] is True
    assert changed["utbildningsnamnden"] == {
        "2024-T1": {"datum": None, "av": None, "incheckning": None, "rubrik": None, "inte_incheckad": True}
    }
    _, text = run("status", "--period", "2024-T1")
    assert re.search(r"Södermalms stadsdelsnämnd +│ ändrad, inte incheckad │ senast [0-9a-f]{7} +│ – ", text)
    assert re.search(r"Utbildningsnämnden +│ ändrad, inte incheckad │ aldrig +│ – ", text)
    _, csv = run("status", "--period", "2024-T1", "--format", "csv")
    assert "utbildningsnamnden;Utbildningsnämnden;2024-T1;rapporterad;;;;ja" in csv
    code, report = run("rapport", "--period", "2024-T1", "--bilagor", "--trots-fel")
    assert code == 0
    assert re.search(
        r"\*\*Ändrad, inte incheckad:\*\* värdena nedan är filens nuvarande innehåll, inte någon incheckning i git; "
        r"senast incheckad 2024-05-06 10:00 av Anna Andersson, incheckning [0-9a-f]{7}\.",
        report,
    )
    assert (
        "**Ändrad, inte incheckad:** värdena nedan är filens nuvarande innehåll, inte någon incheckning i git.\n"
        in (report)
    )
