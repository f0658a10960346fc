"""Hand-made mutations of the core logic, each run against the tests of the module it changes: killed or survived.

Each mutation in bench/mutations.toml is one exact change a real bug could look like (`>=` for `>`, a branch
left out): the module, the original snippet, its replacement, the test files to run and what it means. For each,
the source is copied to a temporary folder, the snippet replaced there (the worktree is never changed), and
`python -m pytest -q -x` runs the listed test files against the copy. A mutant the tests fail on is killed; one
they pass survives, and must be listed as `equivalent` with the reason it changes no behaviour.

Run: python bench/mutate.py [ID ...] [--lista] [--tidsgrans SEKUNDER] [--utan-kontroll]

The run without mutations (--utan-kontroll skips it) first checks that the listed tests pass and import the copy.

Exit code 0 when every mutant is killed or listed as equivalent; 1 when one survives unlisted, or a mutation
listed as equivalent is killed (its reason is then wrong); 2 when the list is stale (a snippet not found exactly
once, a test file not found) or the tests fail without any mutation.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTATIONS = Path(__file__).resolve().parent / "mutations.toml"
TIMEOUT = 300.0
"""Seconds one mutant's tests may take; a mutant that makes them hang this long counts as killed."""

_FIELDS = {"id", "module", "original", "replacement", "tests", "description", "equivalent"}
_REQUIRED = _FIELDS - {"equivalent"}


class StaleList(Exception):
    """The list no longer fits the code: a snippet is not found exactly once, or a file is missing."""


@dataclass(frozen=True, slots=True)
class Mutation:
    """One exact change to one module."""

    id: str
    module: str
    """The module's path from the project root, under src/."""
    original: str
    """The snippet as it stands in the module; it must occur exactly once."""
    replacement: str
    tests: tuple[str, ...]
    """Test files by name (found anywhere under tests/), optionally with `::test_name`."""
    description: str
    equivalent: str = ""
    """Why the mutant changes no behaviour, when it does not; empty for a mutant the tests must kill."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the tests said about one mutant."""

    mutation: Mutation
    killed: bool
    seconds: float
    note: str = ""
    """`tidsgränsen` (the tests hung), or pytest's exit code when it is neither 0 nor 1."""


def load(path: Path) -> list[Mutation]:
    """The mutations in a TOML file (`[[mutation]]` tables); each field checked, ids unique."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise StaleList(f"{path.name}: {error}") from None
    unknown_top = set(data) - {"mutation"}
    if unknown_top:
        raise StaleList(f"{path.name}: okända nycklar {sorted(unknown_top)}")
    mutations: list[Mutation] = []
    for number, raw in enumerate(data.get("mutation", []), 1):
        where = f"{path.name}, mutation {number} ({raw.get('id', '?')})"
        if missing := _REQUIRED - set(raw):
            raise StaleList(f"{where}: saknar {sorted(missing)}")
        if unknown := set(raw) - _FIELDS:
            raise StaleList(f"{where}: okända nycklar {sorted(unknown)}")
        tests = raw["tests"]
        texts = [raw[k] for k in ("id", "module", "original", "replacement", "description")]
        if not all(isinstance(t, str) and t for t in texts) or not isinstance(raw.get("equivalent", ""), str):
            raise StaleList(f"{where}: varje fält ska vara en text som inte är tom")
        if not isinstance(tests, list) or not tests or not all(isinstance(t, str) and t for t in tests):
            raise StaleList(f"{where}: tests ska vara en lista med namn på testfiler")
        if raw["original"] == raw["replacement"]:
            raise StaleList(f"{where}: ersättningen är densamma som originalet")
        if not raw["module"].startswith("src/"):
            raise StaleList(f"{where}: modulen ska ligga under src/")
        mutations.append(
            Mutation(
                raw["id"],
                raw["module"],
                raw["original"],
                raw["replacement"],
                tuple(tests),
                raw["description"],
                raw.get("equivalent", ""),
            )
        )
    ids = [m.id for m in mutations]
    if doubled := sorted({i for i in ids if ids.count(i) > 1}):
        raise StaleList(f"{path.name}: id som används två gånger: {doubled}")
    return mutations


def mutated(source: str, mutation: Mutation) -> str:
    """The module's text with the mutation applied; refused unless the snippet occurs exactly once."""
    count = source.count(mutation.original)
    if count != 1:
        raise StaleList(f"{mutation.id}: originalet står {count} gånger i {mutation.module}, inte en gång")
    text = source.replace(mutation.original, mutation.replacement)
    try:
        compile(text, mutation.module, "exec")
    except SyntaxError as error:
        raise StaleList(f"{mutation.id}: mutanten är inte giltig Python ({error.msg})") from None
    return text


def test_paths(mutation: Mutation, root: Path) -> list[str]:
    """The mutation's test arguments with each file found under tests/ (so the list survives a move of a file)."""
    found: list[str] = []
    for entry in mutation.tests:
        name, _, node = entry.partition("::")
        matches = sorted((root / "tests").rglob(name))
        if len(matches) != 1:
            raise StaleList(f"{mutation.id}: {len(matches)} testfiler heter {name} under tests/, inte en")
        relative = matches[0].relative_to(root).as_posix()
        found.append(f"{relative}::{node}" if node else relative)
    return found


def check(mutations: Sequence[Mutation], root: Path) -> None:
    """Refuse the whole list at once if any mutation no longer fits the code."""
    problems: list[str] = []
    for mutation in mutations:
        try:
            module = root / mutation.module
            if not module.is_file():
                raise StaleList(f"{mutation.id}: {mutation.module} finns inte")
            mutated(module.read_text(encoding="utf-8"), mutation)
            test_paths(mutation, root)
        except StaleList as error:
            problems.append(str(error))
    if problems:
        raise StaleList("\n".join(problems))


def source_copy(root: Path, folder: Path, mutation: Mutation | None) -> Path:
    """src/ copied into `folder`, with the mutation applied there; returns the copy's src folder."""
    target = folder / "src"
    shutil.copytree(root / "src", target, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    if mutation is not None:
        module = target / Path(mutation.module).relative_to("src")
        module.write_text(mutated(module.read_text(encoding="utf-8"), mutation), encoding="utf-8")
    return target


def _environment(src: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(src), *filter(None, [env.get("PYTHONPATH")])])
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # a mutant's bytecode must never be cached where the next run finds it
    return env


def _pytest(tests: list[str], src: Path, root: Path, timeout: float) -> tuple[int | None, float]:
    """pytest's exit code (None on timeout) and the seconds it took."""
    command = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *tests]
    start = time.monotonic()
    with subprocess.Popen(
        command,
        cwd=root,
        env=_environment(src),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    ) as process:
        try:
            code = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            code = None
        except BaseException:  # Ctrl-C: pytest runs in its own session, so it would not hear it and run on
            os.killpg(process.pid, signal.SIGKILL)
            raise
        if code is None:
            os.killpg(process.pid, signal.SIGKILL)  # pytest and whatever it started, nothing else
            process.wait()
    return code, time.monotonic() - start


def imported_from(src: Path, root: Path) -> Path:
    """Where `import valdsprogram` finds the package with the copy first on the path."""
    result = subprocess.run(
        [sys.executable, "-c", "import valdsprogram; print(valdsprogram.__file__)"],
        cwd=root,
        env=_environment(src),
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(result.stdout.strip())


def run_one(mutation: Mutation, root: Path, timeout: float) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="mutant-") as folder:
        src = source_copy(root, Path(folder), mutation)
        code, seconds = _pytest(test_paths(mutation, root), src, root, timeout)
    if code is None:
        return Outcome(mutation, True, seconds, "tidsgränsen")
    if code not in (0, 1, 2):  # 2: a collection error, e.g. the mutant fails at import
        raise StaleList(f"{mutation.id}: pytest slutade med kod {code} (inga tester, eller fel i anropet)")
    return Outcome(mutation, code != 0, seconds, "" if code in (0, 1) else f"pytest {code}")


def baseline(mutations: Sequence[Mutation], root: Path, timeout: float) -> None:
    """Every listed test file passes on the unchanged copy, and the copy is what the tests import."""
    tests = sorted({path.partition("::")[0] for m in mutations for path in test_paths(m, root)})
    with tempfile.TemporaryDirectory(prefix="mutant-") as folder:
        src = source_copy(root, Path(folder), None)
        found = imported_from(src, root)
        if not found.is_relative_to(src):
            raise StaleList(f"testerna skulle importera {found}, inte kopian i {src}")
        code, seconds = _pytest(tests, src, root, timeout * 2)
    if code != 0:
        raise StaleList(f"testerna fallerar utan mutation (slutkod {code}): {' '.join(tests)}")
    print(f"utan mutation: {len(tests)} testfiler gröna på {seconds:.0f} s")


def table(outcomes: Sequence[Outcome]) -> str:
    width = max(len(o.mutation.id) for o in outcomes)
    lines = []
    for o in outcomes:
        if o.killed:
            verdict = "DÖDAD men listad som ekvivalent" if o.mutation.equivalent else "dödad"
        else:
            verdict = "överlevde (ekvivalent)" if o.mutation.equivalent else "ÖVERLEVDE"
        note = f" [{o.note}]" if o.note else ""
        lines.append(f"{o.mutation.id:<{width}}  {o.seconds:6.1f} s  {verdict}{note}  {o.mutation.description}")
    killed = sum(o.killed for o in outcomes)
    equivalent = sum(not o.killed and bool(o.mutation.equivalent) for o in outcomes)
    unlisted = sum(not o.killed and not o.mutation.equivalent for o in outcomes)
    lines.append(
        f"{len(outcomes)} {'mutation' if len(outcomes) == 1 else 'mutationer'}: {killed} dödade, "
        f"{len(outcomes) - killed} överlevde "
        f"({equivalent} ekvivalenta, {unlisted} som ändrar beteendet)"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("ids", nargs="*", metavar="ID", help="kör bara de här mutationerna")
    parser.add_argument("--lista", action="store_true", help="kontrollera och lista mutationerna, kör inget")
    parser.add_argument("--tidsgrans", type=float, default=TIMEOUT, help="sekunder per mutant (%(default)s)")
    parser.add_argument("--utan-kontroll", action="store_true", help="hoppa över körningen utan mutation")
    parser.add_argument("--mutationer", type=Path, default=MUTATIONS, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    try:
        mutations = load(options.mutationer)
        if options.ids:
            unknown = sorted(set(options.ids) - {m.id for m in mutations})
            if unknown:
                raise StaleList(f"mutationerna finns inte: {unknown}")
            mutations = [m for m in mutations if m.id in options.ids]
        check(mutations, ROOT)
        if options.lista:
            for m in mutations:
                same = f"  (ekvivalent: {m.equivalent})" if m.equivalent else ""
                print(f"{m.id}  {m.module}  {m.description}{same}")
            return 0
        if not options.utan_kontroll:
            baseline(mutations, ROOT, options.tidsgrans)
        outcomes = []
        for m in mutations:
            outcome = run_one(m, ROOT, options.tidsgrans)
            print(f"{m.id}: {'dödad' if outcome.killed else 'överlevde'} ({outcome.seconds:.1f} s)", flush=True)
            outcomes.append(outcome)
    except StaleList as error:
        print(f"mutate.py: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("mutate.py: avbruten; arbetskatalogen är orörd", file=sys.stderr)
        return 130
    print(table(outcomes))
    return verdict(outcomes)


def verdict(outcomes: Sequence[Outcome]) -> int:
    """1 when a mutant survived without a reason, or one listed as equivalent was killed (its reason is wrong)."""
    return 1 if any(o.killed == bool(o.mutation.equivalent) for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
