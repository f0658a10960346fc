"""Time and peak memory of `validera` on hostile files: an alias bomb, deep nesting, big files, many numbers.

Run: python bench/hazards.py   (each case in a fresh process, so peak RSS is that case's alone)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def alias_bomb() -> bytes:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    return "\n".join(lines).encode()


def write_big_file(path: Path) -> None:
    # Written in chunks: on Linux a child inherits the parent's peak RSS at fork, so building 50 MB
    # in memory here would show up as the child's.
    with path.open("wb") as handle:
        handle.write(b"a: ")
        for _ in range(50):
            handle.write(b"x" * 1024 * 1024)
        handle.write(b"\n")


def candidate_lines(path: Path) -> None:
    """80,000 comment lines, each with a number shaped like a personnummer (most with a wrong check digit)."""
    path.write_text("".join(f"# ärende 8112{i % 100:02d}-{1000 + i % 9000}\n" for i in range(80_000)))


def candidate_file(path: Path) -> None:
    """A 4.9 MB follow-up whose every line holds an identity-shaped number and a timestamp."""
    rows = "".join(f"  - 8112{i % 28 + 1:02d}-{1000 + i % 9000} och 2024-05-21 1430\n" for i in range(136_000))
    path.write_text("organ: sdn-syd\nkommentarer:\n" + rows)


CASES: dict[str, Callable[[Path], object]] = {
    "alias-bomb (9^10 expanded nodes)": lambda path: path.write_bytes(alias_bomb()),
    "1000-level nesting": lambda path: path.write_bytes(b"a: " + b"[" * 1000 + b"]" * 1000 + b"\n"),
    "50 MB file": write_big_file,
    "80,000 identity-shaped lines": candidate_lines,
    "4.9 MB of identity-shaped numbers": candidate_file,
}


def measure(write: Callable[[Path], object], folder: Path) -> tuple[float, float, str]:
    target = folder / "uppfoljning" / "fientlig.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    write(target)
    command = [sys.executable, "-m", "valdsprogram", "validera", "--program", str(ROOT / "program.yaml")]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=folder, stdout=subprocess.PIPE, text=True)
    stdout = process.stdout.read() if process.stdout else ""
    _, _, usage = os.wait4(process.pid, 0)  # this child's own peak RSS, not the maximum over all children
    elapsed = time.perf_counter() - start
    first = next((line for line in stdout.splitlines() if "VP0" in line), stdout.strip())
    return elapsed, usage.ru_maxrss / 1024, first


def in_process(write: Callable[[Path], object]) -> float:
    """Milliseconds the loader alone takes, without interpreter start-up and imports."""
    from valdsprogram.yamlfile import read_yaml

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fientlig.yaml"
        write(path)
        start = time.perf_counter()
        read_yaml(path)
        return (time.perf_counter() - start) * 1000


def main() -> None:
    baseline, base_rss, _ = _empty_run()
    print(f"tom körning (start av Python och import): {baseline:.3f} s, {base_rss:.1f} MB")
    print(f"{'fall':34} {'hela körningen (s)':>18} {'läsaren (ms)':>12} {'max RSS (MB)':>13}  diagnostik")
    for name, write in CASES.items():
        with tempfile.TemporaryDirectory() as folder:
            elapsed, rss, first = measure(write, Path(folder))
        loader_ms = in_process(write)
        print(f"{name:34} {elapsed:18.3f} {loader_ms:12.2f} {rss:13.1f}  {first.split(': ', 1)[-1][:55]}")


def _empty_run() -> tuple[float, float, str]:
    with tempfile.TemporaryDirectory() as folder:
        return measure(lambda path: path.write_bytes(b"organ: x\n"), Path(folder))


if __name__ == "__main__":
    main()
