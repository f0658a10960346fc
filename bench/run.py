"""Benchmark of `valdsprogram` against its floors, side by side: medians over repetitions, ratios and targets.

Run: python bench/run.py [--upprepningar N] [--behall MAPP] [--snabb] [--installera] [--kallkod SRC]

--kallkod measures a copy of src/ (via PYTHONPATH) against the same data, to try a change before making it.

Every measurement is a fresh process, timed from start to exit, and its own peak RSS is read with os.wait4. The
repetitions run round-robin (each command once, then each again), so drift in the machine hits all alike. This
process holds no data of its own: on Linux a child inherits its parent's peak RSS at fork.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
GENERATE = BENCH / "generate.py"
BARE_APP = BENCH / "bare_typer_app.py"
QUICK_LIMITS = ("--ar", "2023", "--organ", "12")
"""--snabb: one year and the first twelve bodies, enough to exercise every rule in a second."""

FLOOR = """
import os, yaml
paths = ["program.yaml"]
for root, dirs, files in os.walk("uppfoljning"):
    dirs.sort()
    paths += sorted(os.path.join(root, name) for name in files if name.endswith((".yaml", ".yml")))
for path in paths:
    with open(path, "rb") as handle:
        yaml.load(handle.read(), Loader=yaml.CSafeLoader)
"""
"""The floor for `validera`: read the same files and parse them with libyaml, nothing else."""

API = """
from pathlib import Path
import valdsprogram as vp
workspace = vp.open_workspace(Path("program.yaml"), Path("uppfoljning"))
vp.render_report(vp.build_report(workspace, workspace.default_period()), vp.ReportFormat.HTML)
"""
"""The same work as `rapport --format html` through the Python API, without the command line around it."""


@dataclass(frozen=True, slots=True)
class Command:
    """One measured command line."""

    key: str
    label: str
    argv: list[str]
    cwd: Path
    env: dict[str, str]
    optional: bool = False
    """A failure means "not measured" (a tool that is not there or not working), not that the run is void."""


@dataclass(frozen=True, slots=True)
class Run:
    """One run of a command: wall-clock and CPU seconds, and its own peak RSS."""

    seconds: float
    cpu: float
    rss_mb: float


@dataclass(slots=True)
class Samples:
    """Wall-clock seconds and peak RSS (MB) of each run of one command."""

    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    """User plus system CPU seconds: less disturbed than wall-clock time by other load on the machine."""
    rss_mb: list[float] = field(default_factory=list)

    def add(self, run: Run) -> None:
        self.seconds.append(run.seconds)
        self.cpu.append(run.cpu)
        self.rss_mb.append(run.rss_mb)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)

    @property
    def peak(self) -> float:
        return max(self.rss_mb)


@dataclass(frozen=True, slots=True)
class Target:
    """One comparison from the issue: a ratio and the bound it must stay within."""

    letter: str
    label: str
    bound: float
    at_most: bool
    """True: the ratio must be at most `bound`; False: at least."""


class CommandFailed(Exception):
    """A measured command did not exit 0; measuring it would mean nothing."""


def main(argv: Sequence[str] | None = None) -> int:
    """Parse options, generate the data, measure, and print the tables."""
    parser = argparse.ArgumentParser(description="Mät valdsprogram mot golven, sida vid sida.")
    parser.add_argument("--upprepningar", type=int, default=5, help="Körningar per mätning (standard 5).")
    parser.add_argument("--behall", type=Path, default=None, help="Lägg testdatan här och behåll den.")
    parser.add_argument("--snabb", action="store_true", help="Liten mängd och ingen 10×-mängd (för tester).")
    parser.add_argument("--installera", action="store_true", help="Installera check-jsonschema med pip om det saknas.")
    parser.add_argument(
        "--kallkod",
        type=Path,
        default=None,
        help="Mät paketet i denna src-mapp (via PYTHONPATH), till exempel en kopia med en föreslagen ändring.",
    )
    options = parser.parse_args(argv)
    if options.upprepningar < 1:
        parser.error("--upprepningar måste vara minst 1")
    try:
        if options.behall is not None:
            options.behall.mkdir(parents=True, exist_ok=True)
            return _benchmark(options.behall.resolve(), options)
        with tempfile.TemporaryDirectory(prefix="valdsprogram-bench-") as folder:
            return _benchmark(Path(folder), options)
    except CommandFailed as error:
        print(f"run.py: {error}", file=sys.stderr)
        return 1


def _benchmark(work: Path, options: argparse.Namespace) -> int:
    quick: bool = options.snabb
    limits = QUICK_LIMITS if quick else ()
    one = work / "skala-1"
    _generate(one, 1, limits)
    ten = None if quick else work / "skala-10"
    if ten is not None:
        _generate(ten, 10, limits)

    tool = _tool()
    env = dict(os.environ) if quick else _environment(work)  # quick: no warm-up, so keep the installed bytecode
    if options.kallkod is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(options.kallkod.resolve()), env.get("PYTHONPATH")]))
    checker = _check_jsonschema(install=options.installera)
    # Why a comparison is not measured, by the key of the command it needs.
    missing: dict[str, str] = {}
    commands = [
        Command("validera", "valdsprogram validera --strikt, 1×", [*tool, "validera", "--strikt"], one, env),
        Command("golv", "golv: läs + yaml.load (CSafeLoader), 1×", [sys.executable, "-c", FLOOR], one, env),
        Command("hjalp", "valdsprogram --help", [*tool, "--help"], one, env),
        Command("bar", "bar Typer-app med 6 kommandon, --help", [sys.executable, str(BARE_APP), "--help"], one, env),
    ]
    if checker is None:
        missing["cjs"] = "ej mätt: check-jsonschema finns inte (installera det, eller kör med --installera)"
    else:
        files = [path.relative_to(one).as_posix() for path in _followups(one)]
        argv = [checker, "--schemafile", "schema/uppfoljning.schema.json", *files]
        commands.append(Command("cjs", "check-jsonschema (bara schemat), 1×", argv, one, env, optional=True))
    if _has_report(tool, one, env):
        argv = [*tool, "rapport", "--format", "html"]
        commands.append(Command("rapport", "valdsprogram rapport --format html, 1×", argv, one, env, optional=True))
        api = [sys.executable, "-c", API]
        commands.append(Command("api", "Python-API: rapport som html, 1×", api, one, env, optional=True))
    else:
        missing["rapport"] = "ej mätt: kommandot rapport finns inte ännu"
    if ten is None:
        missing["validera10"] = "ej mätt: --snabb hoppar över 10×-mängden"
    else:
        argv = [*tool, "validera", "--strikt"]
        commands.append(Command("validera10", "valdsprogram validera --strikt, 10×", argv, ten, env))

    _print_header(one, ten, options.upprepningar, quick)
    if options.kallkod is not None:
        print(f"Paketet mäts från {options.kallkod.resolve()} (PYTHONPATH), inte från installationen.\n")
    samples = {command.key: Samples() for command in commands}
    rounds = options.upprepningar if quick else options.upprepningar + 1  # the first: warm-up, not counted
    for number in range(rounds):
        for command in commands:
            if command.key in missing:
                continue
            try:
                run = _run(command)
            except CommandFailed as error:
                if not command.optional:
                    raise
                missing[command.key] = f"ej mätt: {error}"
                continue
            if quick or number > 0:
                samples[command.key].add(run)

    measured = [command for command in commands if command.key not in missing]
    _print_measurements(measured, samples)
    _print_targets(samples, missing, quick)
    return 0


def _generate(folder: Path, scale: int, limits: Sequence[str]) -> None:
    argv = [sys.executable, str(GENERATE), str(folder), "--skala", str(scale), "--ersatt", *limits]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise CommandFailed(f"generate.py gav slutkod {done.returncode}: {done.stderr.strip()}")


def _tool() -> list[str]:
    """The `valdsprogram` console script beside this Python, or `python -m valdsprogram`."""
    script = Path(sys.executable).parent / "valdsprogram"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "valdsprogram"]


def _check_jsonschema(*, install: bool) -> str | None:
    """The check-jsonschema program, installed with pip first when asked; None when it is not to be had."""
    found = _find_check_jsonschema()
    if found is None and install:
        print("check-jsonschema saknas; installerar det med pip …", flush=True)
        argv = [sys.executable, "-m", "pip", "install", "--quiet", "check-jsonschema"]
        done = subprocess.run(argv, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["okänt fel"])[-1]
            print(f"check-jsonschema kunde inte installeras: {last}")
        found = _find_check_jsonschema()
    return found


def _find_check_jsonschema() -> str | None:
    beside = Path(sys.executable).parent / "check-jsonschema"
    return str(beside) if beside.is_file() else shutil.which("check-jsonschema")


def _environment(work: Path) -> dict[str, str]:
    """The children's environment: bytecode cached under `work`, as after an ordinary install.

    With PYTHONDONTWRITEBYTECODE set (as on some CI machines) an editable install recompiles every module of
    the package on every run, which measures the compiler rather than the tool. The cache goes to `work`, so
    nothing is written into the source tree.
    """
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return env


def _has_report(tool: list[str], cwd: Path, env: dict[str, str]) -> bool:
    """Whether `valdsprogram rapport` exists: its --help exits 0."""
    done = subprocess.run([*tool, "rapport", "--help"], cwd=cwd, env=env, capture_output=True, check=False)
    return done.returncode == 0


def _run(command: Command) -> Run:
    """Run once and time it; the child's peak RSS comes from its own rusage."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            command.argv, cwd=command.cwd, env=command.env, stdout=subprocess.DEVNULL, stderr=errors
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            lines = [line.strip(" │╭╮╰╯─|") for line in errors.read().decode("utf-8", "replace").splitlines()]
            detail = next((line for line in reversed(lines) if line), "ingen utskrift på stderr")
            raise CommandFailed(f"{command.label} gav slutkod {process.returncode}: {detail}")
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)  # ru_maxrss: KiB on Linux


def _followups(folder: Path) -> list[Path]:
    return sorted((folder / "uppfoljning").rglob("*.yaml"))


def _print_header(one: Path, ten: Path | None, repetitions: int, quick: bool) -> None:
    cores = os.cpu_count() or 1
    print(f"Prestandamätning av valdsprogram – Python {platform.python_version()}, {platform.system()}, {cores} kärnor")
    print(f"Data 1×:  {_describe(one)}" + ("  (liten mängd: --snabb)" if quick else ""))
    if ten is not None:
        print(f"Data 10×: {_describe(ten)}")
    print(f"Median av {repetitions} körningar, varje körning en egen process; tid från start till avslut.")
    print("CPU = användar- plus systemtid; kvoterna räknas på tiden, CPU-kvoten visas som jämförelse.")
    if quick:
        print("Snabbläge: ingen uppvärmningskörning; siffrorna visar bara att skriptet fungerar.")
    else:
        print("Bytekoden cachas (PYTHONPYCACHEPREFIX i arbetsmappen), som efter en vanlig installation.")
    print()


def _describe(folder: Path) -> str:
    files = _followups(folder)
    size = sum(path.stat().st_size for path in files)
    count = f"{len(files):,}".replace(",", " ")
    return f"{count} uppföljningar ({_decimal(size / 1_048_576, 1)} MB) och program.yaml"


def _print_measurements(commands: list[Command], samples: dict[str, Samples]) -> None:
    print(f"{'Mätning':44} {'median (s)':>11} {'min–max (s)':>15} {'CPU (s)':>8} {'max RSS (MB)':>13}")
    for command in commands:
        runs = samples[command.key]
        spread = f"{_decimal(min(runs.seconds), 3)}–{_decimal(max(runs.seconds), 3)}"
        cpu = _decimal(runs.median_cpu, 3)
        print(f"{command.label:44} {_decimal(runs.median, 3):>11} {spread:>15} {cpu:>8} {_decimal(runs.peak, 1):>13}")
    print()


def _print_targets(samples: dict[str, Samples], missing: dict[str, str], quick: bool) -> None:
    print(f"{'Jämförelse':48} {'kvot':>9} {'CPU-kvot':>9} {'mål':>9}  resultat")
    rows = (
        (Target("a", "validera / golvet (1×)", 1.3, at_most=True), "validera", "golv"),
        (Target("b", "check-jsonschema / validera (1×)", 10, at_most=False), "cjs", "validera"),
        (Target("c", "valdsprogram --help / bar Typer-app", 1.2, at_most=True), "hjalp", "bar"),
        (Target("d", "rapport --format html / validera (1×)", 1.5, at_most=True), "rapport", "validera"),
        (Target("e", "validera 10× / validera 1×", 10.5, at_most=True), "validera10", "validera"),
    )
    for target, numerator, denominator in rows:
        reason = missing.get(numerator) or missing.get(denominator)
        if reason:
            print(f"{target.letter}  {target.label:45} {'–':>9} {'':>9} {'':>9}  {reason}")
        else:
            _ratio_row(target, samples, numerator, denominator)
    for key, label in (("validera", "största RSS, validera (1×)"), ("rapport", "största RSS, rapport (1×)")):
        reason = missing.get(key)
        if reason:
            print(f"f  {label:45} {'–':>9} {'':>9} {'':>9}  {reason}")
        else:
            _memory_row("f", label, samples[key].peak)
    if quick:
        print("\nObs: --snabb mäter en liten mängd; kvoterna säger inget om stadens skala.")


def _ratio_row(target: Target, samples: dict[str, Samples], numerator: str, denominator: str) -> None:
    ratio = samples[numerator].median / samples[denominator].median
    cpu = samples[numerator].median_cpu / max(samples[denominator].median_cpu, 1e-9)
    fits = ratio <= target.bound if target.at_most else ratio >= target.bound
    verdict = "ok" if fits else ("över målet" if target.at_most else "under målet")
    bound = f"{'≤' if target.at_most else '≥'} {_decimal(target.bound, 1)}×"
    shown = f"{_decimal(ratio, 2)}×"
    print(f"{target.letter}  {target.label:45} {shown:>9} {_decimal(cpu, 2) + '×':>9} {bound:>9}  {verdict}")


def _memory_row(letter: str, label: str, megabytes: float) -> None:
    verdict = "ok" if megabytes <= 200 else "över målet"
    print(f"{letter}  {label:45} {_decimal(megabytes, 1) + ' MB':>9} {'':>9} {'≤ 200 MB':>9}  {verdict}")


def _decimal(value: float, places: int) -> str:
    """A number with a decimal comma, as Swedish text writes it."""
    return f"{value:.{places}f}".replace(".", ",")


if __name__ == "__main__":
    sys.exit(main())
