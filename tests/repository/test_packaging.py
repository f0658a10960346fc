"""The package list in pyproject.toml names every package under src/, so a plain (non-editable) install ships them."""

from __future__ import annotations

import tomllib

from conftest import ROOT


def test_every_package_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    source = ROOT / "src"
    found = {".".join(init.parent.relative_to(source).parts) for init in source.rglob("__init__.py")}
    assert listed == found | {"valdsprogram.templates"}
