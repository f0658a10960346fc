"""Hostile git repositories, built here for real: a repository's own configuration must start no program, a crafted
commit message must not forge or hide a version, texts from git must not drive the terminal, a shallow clone must
not claim a first version, and a long or hung history must stay bounded (issue 25)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from valdsprogram.cli.app import app

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git är inte installerat"),
    pytest.mark.git_history,
]

FOLLOWUP = "uppfoljning/2024-T1/sdn-sodermalm.yaml"
TEXT = "organ: sdn-sodermalm\nperiod: 2024-T1\nindikatorer:\n  I3.3: {{utfall: {0}, arsmal: 450}}\n"
FORGED_BY = "Kommunstyrelsens kansli"
TERMINAL_CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e")


def git(repo: Path, *args: str, day: int = 1, author: str = "Anna Andersson") -> str:
    when = f"2024-05-{day:02d}T10:00:00+02:00"
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": "anna@example.se",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_NAME": "Anna Andersson",
        "GIT_COMMITTER_EMAIL": "anna@example.se",
        "GIT_COMMITTER_DATE": when,
    }
    done = subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)
    return done.stdout.decode().strip()


def commit(repo: Path, files: dict[str, str], message: str, day: int, *extra: str, author: str = "Anna") -> str:
    """Commit the files with the message (read from a file, so that it may hold any character); the new hash."""
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
        git(repo, "add", "--", name)
    (repo.parent / "message.txt").write_text(message, encoding="utf-8")
    git(repo, "commit", "-q", *extra, "-F", str(repo.parent / "message.txt"), day=day, author=author)
    return git(repo, "rev-parse", "HEAD")


def new_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    repo = tmp_path / "arkiv"
    repo.mkdir()
    shutil.copy(ROOT / "program.yaml", repo / "program.yaml")
    git(repo, "init", "-q")
    monkeypatch.chdir(repo)
    return repo


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


OUTPUTS = (
    ("historik", "sdn-sodermalm", "2024-T1"),
    ("historik", "sdn-sodermalm", "--format", "json"),
    ("status", "--period", "2024-T1"),
    ("status", "--period", "2024-T1", "--format", "csv"),
    ("status", "--period", "2024-T1", "--format", "json"),
)
"""Every output that shows texts from git."""


def _marker_script(tmp_path: Path, name: str) -> Path:
    """A program that, when run, leaves a file behind: proof that git started it."""
    script = tmp_path / f"{name}.sh"
    script.write_text(f'#!/bin/sh\ntouch "{tmp_path}/{name}-ran"\ncat >/dev/null 2>&1 </dev/null\nexit 0\n')
    script.chmod(0o755)
    return script


def _signer(tmp_path: Path) -> Path:
    """A stand-in for gpg: it signs (any text will do) and, asked to verify, leaves a marker file."""
    script = tmp_path / "gpg.sh"
    script.write_text(
        "#!/bin/sh\n"
        'case "$*" in *--verify*) touch "' + str(tmp_path) + '/gpg-ran"; exit 0;; esac\n'
        "cat >/dev/null\n"
        "printf '\\n[GNUPG:] SIG_CREATED D 1 8 00 1 X\\n' >&2\n"
        "printf -- '-----BEGIN PGP SIGNATURE-----\\n\\nAAAA\\n-----END PGP SIGNATURE-----\\n'\n"
    )
    script.chmod(0o755)
    return script


def _history(repo: Path) -> None:
    commit(repo, {FOLLOWUP: TEXT.format(139)}, "Södermalm T1", 2)
    commit(repo, {FOLLOWUP: TEXT.format(141)}, "Nytt utfall", 3)


def _signed_history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[tuple[int, str]]]:
    """Two signed commits, and what every output shows of them before the repository is made hostile."""
    repo = new_repo(tmp_path, monkeypatch)
    git(repo, "config", "gpg.program", str(_signer(tmp_path)))
    git(repo, "config", "user.signingkey", "X")
    commit(repo, {FOLLOWUP: TEXT.format(139)}, "Södermalm T1", 2, "-S")
    commit(repo, {FOLLOWUP: TEXT.format(141)}, "Nytt utfall", 3, "-S")
    assert "gpgsig" in git(repo, "cat-file", "commit", "HEAD")
    (tmp_path / "gpg-ran").unlink(missing_ok=True)
    return repo, [run(*args) for args in OUTPUTS]


def test_a_repositorys_own_configuration_starts_no_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Signed commits with log.showSignature (git would run gpg.program), a pager, an external diff, fsmonitor
    and hooks, all set in the repository's own configuration."""
    repo, clean = _signed_history(tmp_path, monkeypatch)
    git(repo, "config", "log.showSignature", "true")
    for key, name in (("core.pager", "pager"), ("pager.log", "pagerlog"), ("diff.external", "extdiff")):
        git(repo, "config", key, str(_marker_script(tmp_path, name)))
    git(repo, "config", "core.fsmonitor", str(_marker_script(tmp_path, "fsmonitor")))
    git(repo, "config", "core.hooksPath", str(tmp_path / "hooks"))
    (tmp_path / "hooks").mkdir()
    for hook in ("post-checkout", "post-index-change", "reference-transaction"):
        shutil.copy(_marker_script(tmp_path, "hook"), tmp_path / "hooks" / hook)
    shown = [run(*args) for args in OUTPUTS]
    assert run("rapport", "--period", "2024-T1", "--bilagor", "--trots-fel")[0] == 0
    assert sorted(p.name for p in tmp_path.glob("*-ran")) == []
    assert shown == clean


def test_a_repositorys_own_configuration_changes_no_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings that change what git writes: UTF-16 (NUL bytes), no diff for the first commit (its version
    would vanish), paths relative to the folder, --follow by default, colours, longer short hashes, and a
    replacement object that swaps the first commit for the second."""
    repo, clean = _signed_history(tmp_path, monkeypatch)
    hostile = {
        "i18n.logOutputEncoding": "UTF-16",
        "log.showRoot": "false",
        "diff.relative": "true",
        "log.follow": "true",
        "color.ui": "always",
        "core.abbrev": "12",
    }
    for key, value in hostile.items():
        git(repo, "config", key, value)
    git(repo, "replace", git(repo, "rev-parse", "HEAD~1"), git(repo, "rev-parse", "HEAD"))
    shown = [run(*args) for args in OUTPUTS]
    assert shown == clean


def test_a_crafted_commit_message_forges_no_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A message holding git's old field marks pretends that a change of 151 → 999 was a reviewed commit with no
    changed values (the hash of the version before, so that its contents read as unchanged)."""
    repo = new_repo(tmp_path, monkeypatch)
    before = commit(repo, {FOLLOWUP: TEXT.format(151)}, "Södermalm T1", 2)
    forged = f"\x1e{before}\x1f{before[:7]}\x1f2024-05-21 09:00\x1f{FORGED_BY}\x1fGranskad och godkänd"
    commit(repo, {FOLLOWUP: TEXT.format(999)}, f"Ändra{forged}", 3)
    code, text = run("historik", "sdn-sodermalm", "2024-T1")
    assert code == 0
    assert "I3.3 utfall 151 → 999" in text
    assert FORGED_BY + ":" not in text
    for args in OUTPUTS:
        code, output = run(*args)
        assert code in (0, 1), args
        assert not re.search(r"(?<![\w\\])2024-05-21 09:00", output), args  # only inside the quoted subject


@pytest.mark.parametrize("subject", ["\x1f", "\x1e", "a\x1fb\x1fc\x1fd\x1fe\x1ff"])
def test_a_subject_of_field_marks_keeps_its_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, subject: str
) -> None:
    repo = new_repo(tmp_path, monkeypatch)
    commit(repo, {FOLLOWUP: TEXT.format(1)}, "Första", 2)
    commit(repo, {FOLLOWUP: TEXT.format(2)}, subject, 3)
    commit(repo, {FOLLOWUP: TEXT.format(3)}, "Tredje", 4)
    code, output = run("historik", "sdn-sodermalm", "--format", "json")
    assert code == 0
    versions = json.loads(output)["filer"][0]["versioner"]
    assert [c["text"] for v in versions for c in v["andringar"]] == ["I3.3 utfall 1 → 2", "I3.3 utfall 2 → 3"]
    assert versions[1]["rubrik"] == subject.encode("unicode_escape").decode("ascii")


def test_texts_from_git_never_reach_the_terminal_raw(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ANSI colours in the author, an OSC title and a right-to-left override in the subject, a CSI (C1) and an
    escape in a path the file was moved from: every output shows them as escapes."""
    repo = new_repo(tmp_path, monkeypatch)
    old = "uppfoljning/2024-T1/\x1b[2Jgammal.yaml"
    commit(repo, {old: TEXT.format(1)}, "Första", 2, author="Röd \x1b[31mfärg\x1b[0m")
    git(repo, "mv", "--", old, FOLLOWUP)
    subject = "\x1b]0;pwned\x07 av \u202eknaS \x9b31m"
    commit(repo, {FOLLOWUP: TEXT.format(2)}, subject, 3, author="Röd \x1b[31mfärg\x1b[0m")
    text = run("historik", "sdn-sodermalm", "2024-T1")[1]
    assert "flyttad från uppfoljning/2024-T1/\\x1b[2Jgammal.yaml" in text
    assert "Röd \\x1b[31mfärg\\x1b[0m: \\x1b]0;pwned\\x07 av \\u202eknaS \\x9b31m" in text
    for args in OUTPUTS:
        output = run(*args)[1]
        assert not any(char in output for char in TERMINAL_CONTROLS), args
        assert "Röd" in output, args


def test_a_shallow_clone_does_not_call_its_oldest_version_the_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    origin = new_repo(tmp_path, monkeypatch)
    for day in range(2, 6):
        commit(origin, {FOLLOWUP: TEXT.format(day)}, f"Version {day}", day)
    clone = tmp_path / "klon"
    git(tmp_path, "clone", "-q", "--depth", "2", f"file://{origin}", str(clone))
    shutil.copy(ROOT / "program.yaml", clone / "program.yaml")
    monkeypatch.chdir(clone)
    code, text = run("historik", "sdn-sodermalm", "2024-T1")
    assert code == 0
    assert text.splitlines()[3:] == [
        text.splitlines()[3],
        "    äldre versioner finns inte i den här klonen",
        text.splitlines()[5],
        "    I3.3 utfall 4 → 5",
    ]
    assert "första versionen" not in text
    assert json.loads(run("historik", "sdn-sodermalm", "--format", "json")[1])["filer"][0]["klon_utan_aldre_versioner"]
    monkeypatch.chdir(origin)
    assert "första versionen" in run("historik", "sdn-sodermalm", "2024-T1")[1]


def test_only_the_newest_versions_are_shown_and_the_rest_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = new_repo(tmp_path, monkeypatch)
    for day in range(2, 8):
        commit(repo, {FOLLOWUP: TEXT.format(day)}, f"Version {day}", day)
    monkeypatch.setattr("valdsprogram.git.history.MAX_VERSIONS", 2)
    code, text = run("historik", "sdn-sodermalm", "2024-T1")
    assert code == 0
    lines = text.splitlines()
    assert lines[3] == "  4 äldre versioner visas inte; här visas de 2 senaste."
    assert lines[5:] == ["    I3.3 utfall 5 → 6", lines[6], "    I3.3 utfall 6 → 7"]
    data = json.loads(run("historik", "sdn-sodermalm", "--format", "json")[1])["filer"][0]
    assert (data["utelamnade_versioner"], len(data["versioner"])) == (4, 2)


def test_a_version_larger_than_a_follow_up_may_be_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = new_repo(tmp_path, monkeypatch)
    commit(repo, {FOLLOWUP: TEXT.format(1)}, "Första", 2)
    commit(repo, {FOLLOWUP: TEXT.format(2) + "#" * (6 * 1024 * 1024) + "\n"}, "Stor", 3)
    commit(repo, {FOLLOWUP: TEXT.format(3)}, "Tredje", 4)
    code, text = run("historik", "sdn-sodermalm", "2024-T1")
    assert code == 0
    assert "    versionen kan inte läsas som uppföljning (filen är större än gränsen 5 MiB)" in text
    assert "    I3.3 utfall 1 → 3" in text


def test_a_hung_git_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    new_repo(tmp_path, monkeypatch)
    Path(FOLLOWUP).parent.mkdir(parents=True)
    Path(FOLLOWUP).write_text(TEXT.format(1), encoding="utf-8")
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "git").write_text("#!/bin/sh\nexec sleep 20\n")
    (fake / "git").chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr("valdsprogram.git.log.TIMEOUT", 0.5)
    code, output = run("historik", "sdn-sodermalm")
    assert (code, output) == (2, "valdsprogram: git svarade inte inom 0.5 sekunder och avbröts.\n")


def test_a_bare_repository_planted_among_the_follow_ups_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """uppfoljning/ laid out as a bare repository (HEAD, config, objects, refs: files anyone can commit) would be
    the repository git finds first, and its made-up history would be shown as the follow-ups' own."""
    fake = tmp_path / "falsk"
    fake.mkdir()
    git(fake, "init", "-q")
    commit(fake, {"2024-T1/sdn-sodermalm.yaml": TEXT.format(999)}, "Granskad och godkänd", 21, author=FORGED_BY)
    git(tmp_path, "clone", "-q", "--bare", str(fake), str(tmp_path / "falsk.git"))
    repo = new_repo(tmp_path, monkeypatch)
    commit(repo, {FOLLOWUP: TEXT.format(999)}, "Södermalm T1", 2)
    shutil.copytree(tmp_path / "falsk.git", repo / "uppfoljning", dirs_exist_ok=True)
    for args in OUTPUTS[2:]:
        assert FORGED_BY not in run(*args)[1], args
    assert FORGED_BY not in run("rapport", "--period", "2024-T1", "--bilagor", "--trots-fel")[1]
    code, output = run("historik", "sdn-sodermalm", "2024-T1")
    assert code == 2
    assert FORGED_BY not in output


def test_a_nul_byte_in_a_crafted_commit_forges_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """git itself refuses a NUL in a message, but a commit object can be written by hand; git's output stops at
    the NUL, so the fields after it (a reviewed commit with the version before's hash) are never read. (This
    held before NUL-separated records too; it guards the choice of NUL as the separator.)"""
    repo = new_repo(tmp_path, monkeypatch)
    before = commit(repo, {FOLLOWUP: TEXT.format(151)}, "Södermalm T1", 2)
    (repo / FOLLOWUP).write_text(TEXT.format(999), encoding="utf-8")
    git(repo, "add", FOLLOWUP)
    tree = git(repo, "write-tree")
    fields = f"\0{before}\0{before[:7]}\0\0002024-05-21 09:00\0{FORGED_BY}\0Granskad\0\0"
    body = f"tree {tree}\nparent {before}\nauthor A <a@e.se> 1716000000 +0200\ncommitter A <a@e.se> 1716000000 +0200\n"
    (tmp_path / "commit.txt").write_bytes(f"{body}\nÄndra{fields}".encode())
    crafted = git(repo, "hash-object", "-t", "commit", "-w", "--literally", str(tmp_path / "commit.txt"))
    git(repo, "update-ref", "HEAD", crafted)
    code, text = run("historik", "sdn-sodermalm", "2024-T1")
    assert code == 0
    assert "A: Ändra\n    I3.3 utfall 151 → 999" in text
    for args in OUTPUTS:
        assert FORGED_BY not in run(*args)[1], args


def test_versions_that_are_no_file_are_named_not_fatal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Moved from a name with a line break, deleted, a symbolic link to /etc/passwd, a submodule: each version
    says why it cannot be read, and the link is not followed."""
    repo = new_repo(tmp_path, monkeypatch)
    odd = "uppfoljning/2024-T1/gam\nmal.yaml"
    commit(repo, {odd: TEXT.format(1)}, "Första", 2)
    git(repo, "mv", "--", odd, FOLLOWUP)
    commit(repo, {}, "Flyttad", 3)
    git(repo, "rm", "-q", "--", FOLLOWUP)
    commit(repo, {}, "Borttagen", 4)
    (repo / FOLLOWUP).parent.mkdir(parents=True, exist_ok=True)
    (repo / FOLLOWUP).symlink_to("/etc/passwd")
    git(repo, "add", "--", FOLLOWUP)
    commit(repo, {}, "Länk", 5)
    git(repo, "rm", "-q", "--", FOLLOWUP)
    last = commit(repo, {FOLLOWUP: TEXT.format(2)}, "Tillbaka", 6)
    git(repo, "update-index", "--add", "--cacheinfo", f"160000,{last},{FOLLOWUP}")
    commit(repo, {}, "Undermodul", 7)
    code, text = run("historik", "sdn-sodermalm", "2024-T1")
    assert code == 0
    assert [line for line in text.splitlines() if line.startswith("    ")] == [
        "    första versionen",
        "    versionen kan inte läsas som uppföljning (filen togs bort i den här incheckningen)",
        "    versionen kan inte läsas som uppföljning (filen är här en symbolisk länk, som inte följs)",
        "    I3.3 utfall 1 → 2",
        "    versionen kan inte läsas som uppföljning (filen är här ingen vanlig fil)",
        "    inga ändrade värden",  # the file on disk is not the committed submodule: ändrad, inte incheckad
    ]
    assert "root:" not in text


def test_the_versions_read_together_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Many versions each just under the size limit would take a gigabyte and minutes: older versions beyond a
    total are named but not read (the total made small here)."""
    repo = new_repo(tmp_path, monkeypatch)
    for day in range(2, 6):
        commit(repo, {FOLLOWUP: TEXT.format(day)}, f"Version {day}", day)
    monkeypatch.setattr("valdsprogram.git.versions.MAX_TOTAL_BYTES", 2 * len(TEXT.format(5)))
    code, text = run("historik", "sdn-sodermalm", "2024-T1")
    assert code == 0
    assert [line for line in text.splitlines() if line.startswith("    ")] == [
        "    versionen kan inte läsas som uppföljning (de nyare versionerna är tillsammans nära gränsen 0 MiB)",
        "    versionen kan inte läsas som uppföljning (de nyare versionerna är tillsammans nära gränsen 0 MiB)",
        "    första versionen",
        "    I3.3 utfall 4 → 5",
    ]


def test_a_repository_without_commits_has_no_versions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    new_repo(tmp_path, monkeypatch)
    Path(FOLLOWUP).parent.mkdir(parents=True)
    Path(FOLLOWUP).write_text(TEXT.format(1), encoding="utf-8")
    code, text = run("historik", "sdn-sodermalm", "2024-T1")
    assert (code, text.splitlines()[-3:]) == (
        0,
        [
            "  Filen finns inte i någon incheckning (git add och git commit).",
            "  ändrad, inte incheckad (filen som den är nu)",
            "    första versionen",
        ],
    )


def test_a_huge_author_and_subject_are_cut(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Shown once per version, a name of 100,000 characters would make the output grow without bound."""
    repo = new_repo(tmp_path, monkeypatch)
    commit(repo, {FOLLOWUP: TEXT.format(1)}, "R" * 100_000, 2, author="A" * 100_000)
    for args in OUTPUTS:
        assert len(run(*args)[1]) < 20_000, args
    version = json.loads(run("historik", "sdn-sodermalm", "--format", "json")[1])["filer"][0]["versioner"][0]
    assert (version["forfattare"], version["rubrik"]) == ("A" * 99 + "…", "R" * 199 + "…")


@pytest.mark.slow  # git at scale: 5,000 commits
def test_five_thousand_versions_take_seconds_not_minutes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One git process per version took 26.6 s for 5,000 commits to one file; now a few calls read them all."""
    repo = new_repo(tmp_path, monkeypatch)
    stream = []
    for n in range(5000):
        data = TEXT.format(n).encode()
        message = f"utfall {n}\n".encode()
        stream += [
            b"commit refs/heads/main\n",
            f"committer Anna <anna@example.se> {1_700_000_000 + 60 * n} +0100\n".encode(),
            f"data {len(message)}\n".encode() + message,
            f"M 100644 inline {FOLLOWUP}\ndata {len(data)}\n".encode() + data + b"\n",
        ]
    subprocess.run(["git", "fast-import", "--quiet"], cwd=repo, input=b"".join(stream), check=True)
    git(repo, "checkout", "-q", "-f", "main")
    started = time.perf_counter()
    code, text = run("historik", "sdn-sodermalm", "2024-T1")
    took = time.perf_counter() - started
    assert code == 0
    assert took < 10, took
    lines = text.splitlines()
    assert lines[3] == "  4\u00a0800 äldre versioner visas inte; här visas de 200 senaste."
    assert lines[5] == "    I3.3 utfall 4\u202f799 → 4\u202f800"
    assert lines[-1] == "    I3.3 utfall 4\u202f998 → 4\u202f999"


def test_a_clean_filter_in_the_repository_is_never_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`git status` would run `filter.*.clean` on a file whose stat changed; what is uncommitted is found without it."""
    repo = new_repo(tmp_path, monkeypatch)
    commit(repo, {FOLLOWUP: TEXT.format(1), ".gitattributes": "*.yaml filter=ond\n"}, "Första", 2)
    filter_script = tmp_path / "filter.sh"
    filter_script.write_text(f'#!/bin/sh\ntouch "{tmp_path}/filter-ran"\ncat\n')
    filter_script.chmod(0o755)
    git(repo, "config", "filter.ond.clean", str(filter_script))
    (repo / FOLLOWUP).write_text(TEXT.format(2), encoding="utf-8")
    for args in (*OUTPUTS, ("rapport", "--period", "2024-T1", "--bilagor", "--trots-fel", "--bara-rapporterande")):
        run(*args)
    assert not (tmp_path / "filter-ran").exists()
    assert "ändrad, inte incheckad" in run("historik", "sdn-sodermalm", "2024-T1")[1]


def test_an_edit_hidden_from_the_index_is_still_uncommitted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """skip-worktree (or assume-unchanged) makes `git status` silent about an edit; the file's bytes do not lie."""
    repo = new_repo(tmp_path, monkeypatch)
    commit(repo, {FOLLOWUP: TEXT.format(1)}, "Första", 2)
    git(repo, "update-index", "--skip-worktree", "--", FOLLOWUP)
    (repo / FOLLOWUP).write_text(TEXT.format(2), encoding="utf-8")
    code, text = run("historik", "sdn-sodermalm", "2024-T1")
    assert (code, text.splitlines()[-2:]) == (
        0,
        ["  ändrad, inte incheckad (filen som den är nu)", "    I3.3 utfall 1 → 2"],
    )
    rows = run("status", "--period", "2024-T1", "--format", "csv")[1].splitlines()
    assert [row.rsplit(";", 1)[1] for row in rows if row.startswith("sdn-sodermalm;")] == ["ja"]


def test_grafts_hide_no_commit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """.git/info/grafts can cut a commit out of the history git shows; historik ignores grafts."""
    repo = new_repo(tmp_path, monkeypatch)
    for day in (2, 3, 4):
        commit(repo, {FOLLOWUP: TEXT.format(day)}, f"Version {day}", day)
    head, first = git(repo, "rev-parse", "HEAD"), git(repo, "rev-parse", "HEAD~2")
    (repo / ".git" / "info").mkdir(exist_ok=True)
    (repo / ".git" / "info" / "grafts").write_text(f"{head} {first}\n", encoding="utf-8")
    text = run("historik", "sdn-sodermalm", "2024-T1")[1]
    assert "I3.3 utfall 2 → 3" in text
    assert "I3.3 utfall 3 → 4" in text


def test_a_follow_up_linked_out_of_the_project_gives_no_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = new_repo(tmp_path, monkeypatch)
    commit(repo, {FOLLOWUP: TEXT.format(1)}, "Första", 2)
    (repo / FOLLOWUP).unlink()
    outside = tmp_path / "utanfor.yaml"
    outside.write_text("hemligt: 1\n", encoding="utf-8")
    (repo / FOLLOWUP).symlink_to(outside)
    result = CliRunner().invoke(app, ["historik", "sdn-sodermalm", "2024-T1"])
    assert (result.exit_code, result.exception) == (0, None)  # the committed versions, and no edit read through a link
    assert "hemligt" not in result.output


def test_a_project_behind_a_linked_folder_is_not_all_uncommitted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """git names files from the resolved top folder; a project reached through a link must compare the same paths."""
    repo = new_repo(tmp_path, monkeypatch)
    commit(repo, {FOLLOWUP: TEXT.format(1)}, "Första", 2)
    (tmp_path / "lank").symlink_to(repo)
    named = [
        "--program",
        str(tmp_path / "lank" / "program.yaml"),
        "--uppfoljning",
        str(tmp_path / "lank" / "uppfoljning"),
    ]
    rows = run("status", "--period", "2024-T1", "--format", "csv", *named)[1].splitlines()
    assert [row.rsplit(";", 1)[1] for row in rows if row.startswith("sdn-sodermalm;")] == ["nej"]
    assert "ändrad, inte incheckad" not in run("historik", "sdn-sodermalm", "2024-T1", *named)[1]
