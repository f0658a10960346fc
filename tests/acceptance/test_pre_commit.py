"""The pre-commit hook, run by the real pre-commit in a temporary git repository, as another repository uses it.

The hook repository is this working tree committed into a temporary repository (so the test checks the hook
as it is now, uncommitted changes included); pre-commit installs it once into a shared PRE_COMMIT_HOME.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

HOOK = "valdsprogram-validera"
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@exempel.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@exempel.invalid",
}

pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit behöver git")]


def _git(folder: Path, *args: str) -> str:
    env = {**os.environ, **GIT_IDENTITY}
    return subprocess.run(
        ["git", "-C", str(folder), *args], check=True, capture_output=True, text=True, env=env
    ).stdout.strip()


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This working tree as a repository pre-commit can install from: its path and commit."""
    target = tmp_path_factory.mktemp("verktyget")
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-co", "--exclude-standard", "-z"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    _git(target, "init", "-q")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "-m", "verktyget")
    return target, _git(target, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def user_repo(tmp_path: Path) -> Path:
    """A repository with the program and the example follow-ups, committed and clean."""
    repo = tmp_path / "anvandare"
    repo.mkdir()
    shutil.copy(ROOT / "program.yaml", repo)
    shutil.copytree(ROOT / "uppfoljning", repo / "uppfoljning")
    shutil.copytree(ROOT / "schema", repo / "schema")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "start")
    return repo


def _pre_commit(repo: Path, home: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("TRAVIS", "PRE_COMMIT_NO_CONCURRENCY")}
    environ |= {"PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never", **GIT_IDENTITY, **(env or {})}
    result = subprocess.run(
        [*PRE_COMMIT, *args], cwd=repo, capture_output=True, text=True, env=environ, timeout=600, check=False
    )
    return result.returncode, result.stdout + result.stderr


def _try_repo(repo: Path, home: Path, hook: tuple[Path, str], *args: str, **kw: dict[str, str]) -> tuple[int, str]:
    return _pre_commit(repo, home, "try-repo", str(hook[0]), HOOK, "--ref", hook[1], *args, **kw)


def _summaries(output: str) -> list[str]:
    summary = (
        r"^(?:Inga fel i \d+ filer?|\d+ fel och \d+ varninga?r? i \d+ filer?)\.(?: \d+ varninga?r? är kvitterade?\.)?$"
    )
    return re.findall(summary, output, re.M)


def test_a_program_change_is_checked_against_every_follow_up(
    user_repo: Path, pre_commit_home: Path, hook_repo: tuple[Path, str]
) -> None:
    """I3.3 from antal to procent breaks follow-ups that are not staged: the hook must fail on them."""
    program = user_repo / "program.yaml"
    text = program.read_text(encoding="utf-8")
    at = text.index("- id: I3.3")
    program.write_text(text[:at] + text[at:].replace("enhet: antal", "enhet: procent", 1), encoding="utf-8")
    _git(user_repo, "add", "program.yaml")
    expected = subprocess.run(
        [sys.executable, "-m", "valdsprogram", "validera"], cwd=user_repo, capture_output=True, text=True, check=False
    )
    code, output = _try_repo(user_repo, pre_commit_home, hook_repo)
    assert code == 1, output
    assert re.search(r"^valdsprogram validera\.+Failed$", output, re.M), output
    findings = re.findall(r"^uppfoljning/\S+: VP309 fel: .*$", output, re.M)
    assert findings == re.findall(r"^uppfoljning/\S+: VP309 fel: .*$", expected.stdout, re.M)
    assert len(findings) >= 10
    assert _summaries(output) == _summaries(expected.stdout)


def test_a_follow_up_change_is_checked_against_the_others(
    user_repo: Path, pre_commit_home: Path, hook_repo: tuple[Path, str]
) -> None:
    """Only the changed follow-up is passed; status and target are still compared with earlier reports."""
    target = user_repo / "uppfoljning" / "2023-T2" / "sdn-sodermalm.yaml"
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    assert (lines[37], lines[55], lines[57]) == ("    status: genomförd\n", "    arsmal: 390\n", "    kvittera:\n")
    lines[37], lines[55] = "    status: pågående\n", "    arsmal: 395\n"
    del lines[57:59]  # the acknowledgement of the raised target goes, so this new change is not acknowledged
    target.write_text("".join(lines), encoding="utf-8")
    _git(user_repo, "add", "uppfoljning/2023-T2/sdn-sodermalm.yaml")
    code, output = _try_repo(user_repo, pre_commit_home, hook_repo)
    findings = re.findall(r"^(\S+): (VP\d+) varning", output, re.M)
    assert findings == [
        ("uppfoljning/2023-T2/sdn-sodermalm.yaml:38:13", "VP313"),
        ("uppfoljning/2023-T2/sdn-sodermalm.yaml:56:13", "VP314"),
    ], output
    assert _summaries(output) == ["0 fel och 2 varningar i 2 filer."], output
    assert code == 0, output
    assert re.search(r"^valdsprogram validera\.+Passed$", output, re.M), output


def test_all_files_in_one_run_even_where_pre_commit_would_batch(
    user_repo: Path, pre_commit_home: Path, hook_repo: tuple[Path, str]
) -> None:
    """TRAVIS makes pre-commit split work in two parallel batches on any machine; the hook must not be split."""
    files = sorted((user_repo / "uppfoljning").rglob("*.yaml"))
    assert len(files) > 8  # enough for two batches of at least four files
    for target in (files[0], files[-1]):  # a warning in the first batch and one in the last
        text = target.read_text(encoding="utf-8")
        target.write_text(re.sub(r"kommentar: .*", "kommentar: no", text, count=1), encoding="utf-8")
    code, output = _try_repo(user_repo, pre_commit_home, hook_repo, "--all-files", env={"TRAVIS": "1"})
    warnings = re.findall(r"^(uppfoljning/\S+?):\d+:\d+: VP008 varning:", output, re.M)
    assert warnings == [p.relative_to(user_repo).as_posix() for p in (files[0], files[-1])], output
    summary = f"0 fel och 2 varningar i {len(files) + 1} filer. 1 varning är kvitterad."  # the shipped VP314
    assert _summaries(output) == [summary], output
    assert code == 0, output  # warnings are shown, and pass
    assert re.search(r"^valdsprogram validera\.+Passed$", output, re.M), output


def test_strict_fails_on_warnings_with_the_hook_pinned_to_a_commit(
    user_repo: Path, pre_commit_home: Path, hook_repo: tuple[Path, str]
) -> None:
    """The README's configuration: `rev:` pinned to a commit, and `args: [--strikt]` to fail on warnings too."""
    config = f"repos:\n  - repo: {hook_repo[0]}\n    rev: {hook_repo[1]}\n    hooks:\n      - id: {HOOK}\n"
    (user_repo / ".pre-commit-config.yaml").write_text(config + "        args: [--strikt]\n", encoding="utf-8")
    target = sorted((user_repo / "uppfoljning").rglob("*.yaml"))[0]
    target.write_text(re.sub(r"kommentar: .*", "kommentar: no", target.read_text(encoding="utf-8"), count=1))
    _git(user_repo, "add", "-A")
    code, output = _pre_commit(user_repo, pre_commit_home, "run")
    assert code == 1, output
    assert _summaries(output) == ["0 fel och 1 varning i 2 filer."], output
