"""Write pip constraints that pin each dependency to the lowest version pyproject.toml allows (`name==floor`).

pip has no lowest-version resolution, so `.ci/run` installs the package with these constraints into a second
venv and runs the quick tests there: a floor that is too low then fails CI instead of a user's install. The
constraints cover the runtime dependencies and the test dependencies the quick tests (`-m "not slow"`) import;
the linters and the slow tests' tools are not pinned. Usage: `python .ci/floors.py > floors.txt`, then
`pip install -c floors.txt -r floors.txt -e .` (as requirements the file also brings the test packages).
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

QUICK_TEST_DEPENDENCIES = ("pytest", "hypothesis", "jsonschema")
"""The test extra's packages that the quick tests import; the others are linters or serve the slow tests."""

_FLOOR = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*>=\s*([0-9][^,;\s]*)")


def floors(pyproject: dict[str, object]) -> list[str]:
    """`name==floor` for each runtime dependency and each quick test dependency that has a `>=` floor."""
    project = pyproject["project"]
    assert isinstance(project, dict)
    wanted = list(project["dependencies"])
    test = project["optional-dependencies"]["test"]
    wanted += [r for r in test if _name(r) in QUICK_TEST_DEPENDENCIES]
    pins = []
    for requirement in wanted:
        found = _FLOOR.match(requirement)
        if found is None:
            raise SystemExit(f"{requirement!r} has no >= floor: give it one in pyproject.toml")
        pins.append(f"{found[1]}=={found[2]}")
    missing = set(QUICK_TEST_DEPENDENCIES) - {_name(r) for r in test}
    if missing:
        raise SystemExit(f"not in the test extra: {', '.join(sorted(missing))}")
    return pins


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement.strip(), maxsplit=1)[0].lower()


def main() -> None:
    pyproject = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    sys.stdout.write("".join(f"{pin}\n" for pin in floors(pyproject)))


if __name__ == "__main__":
    main()
