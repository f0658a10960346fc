"""Time and peak memory on hostile input: files (an alias bomb, deep nesting, big files, many numbers) under
`validera`, and hostile-but-valid scale (a huge program, thousands of follow-ups) under every reading command.

Run: python bench/hazards.py [--skala | --pdf | --arbetsbok | --mall]   (each case in a fresh process, so peak RSS
is that case's alone)

`--pdf` times `rapport --format pdf` on follow-ups with long texts (the PDF cuts each text; output/pdf_bounds.py),
each run stopped after `PDF_TIMEOUT` seconds. `--arbetsbok` times `importera` on a workbook from `mall` whose
organ cell holds 45 million characters (an 8 MB file; forms/xlsx/cells.py refuses it at the cell). `--mall` times
`checklista --mallar` with a template that appends 80,000 distinct texts of 10 KB to a list (output/sandbox.py).
"""

from __future__ import annotations

import os
import random
import shlex
import shutil
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
    from valdsprogram.yaml.reader import read_yaml

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fientlig.yaml"
        write(path)
        start = time.perf_counter()
        read_yaml(path)
        return (time.perf_counter() - start) * 1000


TEST_PROGRAM = ROOT / "tests" / "data" / "program.yaml"
FOLLOWUP = (
    "organ: sdn-syd\nperiod: 2024-T1\naktiviteter:\n  A1.1: {status: pågående}\n  A1.2: {status: genomförd}\n"
    "indikatorer:\n  I1.2: {utfall: 4, arsmal: 10}\nmal:\n  M1: {bedomning: helt}\n"
)
READING = ("validera", "checklista sdn-syd --period 2024-T1", "rapport --period 2024-T1 --trots-fel", "status")


def big_program(activities: int) -> Callable[[Path], object]:
    """A valid program of the test program's bodies with `activities` one-line activities over seven goals."""

    def write(folder: Path) -> None:
        head = TEST_PROGRAM.read_text(encoding="utf-8").partition("mal:\n")[0]
        head += "  - {id: a, namn: A, typer: [stadsdelsnamnd, facknamnd, bolagsstyrelse]}\nmal:\n"
        with (folder / "program.yaml").open("w", encoding="utf-8") as handle:
            handle.write(head)
            for goal in range(1, 8):
                handle.write(f"- id: M{goal}\n  titel: Mål {goal}\n  aktiviteter:\n")
                for n in range(1, activities // 7 + 1):
                    handle.write(f"  - {{id: A{goal}.{n},text: G,ansvariga: [a],kalla: K}}\n")
                handle.write(
                    f"  indikatorer:\n  - {{id: I{goal}.1, text: Mät, enhet: antal, periodicitet: ar, "
                    "riktning: hogre_ar_battre, ansvariga: [a], kalla: K}\n"
                )
        (folder / "uppfoljning" / "2024-T1").mkdir(parents=True)

    return write


def many_followups(count: int) -> Callable[[Path], object]:
    """The test program and `count` copies of one body's follow-up, all for the same period."""

    def write(folder: Path) -> None:
        shutil.copy(TEST_PROGRAM, folder / "program.yaml")
        for i in range(count):
            target = folder / "uppfoljning" / f"kopia-{i:05d}" / "2024-T1" / "sdn-syd.yaml"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(FOLLOWUP, encoding="utf-8")

    return write


def fat_followups(folder: Path) -> None:
    """Three follow-ups of 4.7 MiB each (one long comment), 14 MiB in all: under the folder limit of 16 MiB."""
    shutil.copy(TEST_PROGRAM, folder / "program.yaml")
    comment = "Lång kommentar om arbetet. " * (4_900_000 // 28)
    for body in ("sdn-syd", "sdn-mitt", "socialnamnden"):
        target = folder / "uppfoljning" / "2024-T1" / f"{body}.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            f'organ: {body}\nperiod: 2024-T1\naktiviteter:\n  A1.1: {{status: pågående, kommentar: "{comment}"}}\n',
            encoding="utf-8",
        )


SCALE: dict[str, tuple[Callable[[Path], object], tuple[str, ...]]] = {
    "program, 100 000 aktiviteter (4,8 MiB)": (big_program(100_000), (*READING, "visa organ sdn-syd")),
    "program vid gränsen, 9 800 aktiviteter": (
        big_program(9_800),
        (*READING, "visa organ sdn-syd", "mall sdn-syd 2024-T1"),
    ),
    "5 000 dubblerade uppföljningar": (many_followups(5_000), READING),
    "10 000 uppföljningar (gränsen)": (many_followups(10_000), READING),
    "10 001 uppföljningar": (many_followups(10_001), ("validera",)),
    "3 uppföljningar på 4,7 MiB": (fat_followups, (*READING, "rapport --period 2024-T1 --trots-fel -f html")),
}


def run(command: str, folder: Path) -> tuple[float, float, int]:
    """Seconds, peak RSS (MB) and exit code of one command run in the folder."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "valdsprogram", *shlex.split(command)],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def long_analysis(characters: int) -> Callable[[Path], object]:
    """The test program and one follow-up whose goal analysis is `characters` long, in sentences."""

    def write(folder: Path) -> None:
        shutil.copy(TEST_PROGRAM, folder / "program.yaml")
        sentence = "Arbetet med överenskommelsen fortsätter och prognosen är att målet nås under hösten. "
        analysis = (sentence * (characters // len(sentence) + 1))[:characters]
        target = folder / "uppfoljning" / "2024-T1" / "sdn-syd.yaml"
        target.parent.mkdir(parents=True)
        target.write_text(f'{FOLLOWUP}  M2: {{bedomning: delvis, analys: "{analysis}"}}\n', encoding="utf-8")

    return write


PDF: dict[str, Callable[[Path], object]] = {
    "målanalys på 100 KB": long_analysis(100_000),
    "målanalys på 400 KB": long_analysis(400_000),
    "målanalys på 4,8 MB": long_analysis(4_800_000),
    "3 uppföljningar på 4,7 MiB": fat_followups,
}
PDF_TIMEOUT = 120


def pdf() -> None:
    print(f"{'fall':34} {'tid (s)':>8} {'max RSS (MB)':>13} {'slutkod':>8}")
    for name, build in PDF.items():
        with tempfile.TemporaryDirectory() as folder:
            build(Path(folder))
            command = [sys.executable, "-m", "valdsprogram", "rapport", "--period", "2024-T1", "--trots-fel"]
            start = time.perf_counter()
            process = subprocess.Popen(
                [*command, "-f", "pdf", "-o", "r.pdf"], cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            while True:
                pid, status, usage = os.wait4(process.pid, os.WNOHANG)
                if pid:
                    elapsed = time.perf_counter() - start
                    code = os.waitstatus_to_exitcode(status)
                    print(f"{name:34} {elapsed:8.2f} {usage.ru_maxrss / 1024:13.1f} {code:8}")
                    break
                if time.perf_counter() - start > PDF_TIMEOUT:
                    process.kill()
                    os.wait4(process.pid, 0)
                    print(f"{name:34} {'> ' + str(PDF_TIMEOUT):>8}")
                    break
                time.sleep(0.05)


def long_cell_workbook(folder: Path) -> Path:
    """A workbook from `mall` with 45 million characters of words in the hidden sheet's organ cell (B4)."""
    import zipfile

    shutil.copy(ROOT / "program.yaml", folder / "program.yaml")
    shutil.copytree(ROOT / "uppfoljning", folder / "uppfoljning")
    form = folder / "mall.xlsx"
    subprocess.run(
        [sys.executable, "-m", "valdsprogram", "mall", "sdn-sodermalm", "2024-T1", "-f", "xlsx", "-o", str(form)],
        cwd=folder,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    rng = random.Random(1)  # words in a random order: compressed only 5 times, under the guard's zip-bomb ratio
    words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randrange(2, 9))) for _ in range(40)]
    text = " ".join(rng.choice(words) for _ in range(9_000_000))[:45_000_000].encode()
    target = folder / "lang-cell.xlsx"
    with zipfile.ZipFile(form) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            new.writestr(name, old.read(name).replace(b">sdn-sodermalm<", b">" + text + b"<"))
    return target


def workbook() -> None:
    with tempfile.TemporaryDirectory() as folder:
        target = long_cell_workbook(Path(folder))
        elapsed, rss, code = run(f"importera {target.name} -o ut.yaml", Path(folder))
        size = target.stat().st_size / 1e6
        print(f"cell på 45 miljoner tecken ({size:.1f} MB): {elapsed:.2f} s, {rss:.1f} MB, slutkod {code}")


APPENDING_TEMPLATE = (
    "{% set s = 'x' * 10000 %}{% set l = [] %}{% for i in range(80000) %}{% if l.append(s ~ i) %}{% endif %}"
    "{% endfor %}{{ l|length }}\n"
)


def template() -> None:
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(ROOT / "program.yaml", Path(folder) / "program.yaml")
        (Path(folder) / "mallar").mkdir()
        (Path(folder) / "mallar" / "checklista.md.j2").write_text(APPENDING_TEMPLATE, encoding="utf-8")
        command = "checklista sdn-sodermalm --period 2024-T1 --mallar mallar"
        elapsed, rss, code = run(command, Path(folder))
        print(f"mall med 80 000 tillägg av 10 kB: {elapsed:.2f} s, {rss:.1f} MB, slutkod {code}")


def scale() -> None:
    print(f"{'fall':40} {'kommando':42} {'tid (s)':>8} {'max RSS (MB)':>13} {'slutkod':>8}")
    for name, (build, commands) in SCALE.items():
        with tempfile.TemporaryDirectory() as folder:
            build(Path(folder))
            for command in commands:
                elapsed, rss, code = run(command, Path(folder))
                print(f"{name:40} {command:42} {elapsed:8.2f} {rss:13.1f} {code:8}")


def main() -> None:
    if "--skala" in sys.argv[1:]:
        scale()
        return
    if "--pdf" in sys.argv[1:]:
        pdf()
        return
    if "--arbetsbok" in sys.argv[1:]:
        workbook()
        return
    if "--mall" in sys.argv[1:]:
        template()
        return
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
