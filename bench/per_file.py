"""Where `validera` spends its time per follow-up, step by step, against the floor's own parse of the same files.

Run: python bench/per_file.py MAPP [--filer N]

MAPP is a folder from bench/generate.py (program.yaml and uppfoljning/). Each step of the per-file loop in
`validation.load_followups` is timed alone, in this process, over the first N follow-ups (all by default), and
printed as microseconds per file beside the floor (`yaml.load` with CSafeLoader, as bench/run.py's floor). It
shows what a file costs beyond what the floor does, and so what the marginal cost per file (row a1) is made of.
The steps are the same functions the loop calls; the loop's own bookkeeping is not included.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import yaml

from valdsprogram.check.digest import digest
from valdsprogram.check.partial import validate_followup
from valdsprogram.check.rules import FOLLOWUP_RULES, TEXT_RULES
from valdsprogram.check.validation import load_program, locate, shown
from valdsprogram.model.followup_file import FollowUpFile
from valdsprogram.sources import followup_files
from valdsprogram.yaml.reader import parse_yaml, read_yaml


def main() -> int:
    parser = argparse.ArgumentParser(description="Tid per uppföljning och steg i validera, mot golvets yaml.load.")
    parser.add_argument("mapp", type=Path, help="En mapp från bench/generate.py.")
    parser.add_argument("--filer", type=int, default=0, help="Mät bara de första N uppföljningarna.")
    options = parser.parse_args()
    os.chdir(options.mapp)
    loaded = load_program(Path("program.yaml"))
    if loaded.index is None:
        print("per_file.py: program.yaml har fel", file=sys.stderr)
        return 1
    index = loaded.index
    units = {ident: indicator.enhet for ident, (_, indicator) in index.indicators.items()}
    paths = followup_files(Path("uppfoljning"), bounded=False)
    if options.filer:
        paths = paths[: options.filer]
    clock = _Clock()
    base = Path(".")
    for path in paths:
        with clock("golv: läsa filen"):
            raw = path.read_bytes()
        with clock("golv: yaml.load (CSafeLoader)"):
            yaml.load(raw, Loader=yaml.CSafeLoader)
        with clock("tolka med positioner (parse_yaml)"):
            parse_yaml(raw, path.as_posix())
        with clock("läsa: kontroller + tolka (read_yaml)"):
            document = read_yaml(path, shown(path, base), root=base)
        for text_rule in TEXT_RULES:
            with clock(f"textregel {text_rule.__name__}"):
                list(text_rule(document))
        with clock("modellen (pydantic, salvage)"):
            salvaged = validate_followup(document, units)
        if salvaged.followup is None:
            continue
        with clock("ansvar och period (FollowUpFile.build)"):
            file = FollowUpFile.build(index, document.path, salvaged.followup)
        with clock("filregler (FOLLOWUP_RULES)"):
            for rule in FOLLOWUP_RULES:
                [locate(finding, document) for finding in rule(file)]
        with clock("sammandrag (digest)"):
            digest(file, document.positions)

    spent = clock.spent
    count = len(paths)
    print(f"{count} uppföljningar, Python {sys.version.split()[0]}; mikrosekunder per fil")
    floor = spent["golv: läsa filen"] + spent["golv: yaml.load (CSafeLoader)"]
    ours = sum(seconds for step, seconds in spent.items() if not step.startswith("golv") and "parse_yaml" not in step)
    for step, seconds in spent.items():
        print(f"  {step:44s} {seconds / count * 1e6:8.1f}")
    print(f"  {'golvet sammanlagt':44s} {floor / count * 1e6:8.1f}")
    print(
        f"  {'validera sammanlagt (utan parse_yaml ensam)':44s} {ours / count * 1e6:8.1f}  = {ours / floor:.2f}× golvet"
    )
    return 0


class _Clock:
    """Seconds spent per named step, summed over every time the step runs."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}

    @contextlib.contextmanager
    def __call__(self, step: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        self.spent[step] = self.spent.get(step, 0.0) + time.perf_counter() - start


if __name__ == "__main__":
    raise SystemExit(main())
