"""The committed JSON Schemas are what the models generate, and they accept the repository's own files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT
from valdsprogram.output.schemas import SCHEMAS, all_schemas


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_is_current(name: str) -> None:
    committed = (ROOT / "schema" / name).read_text(encoding="utf-8")
    assert committed == all_schemas()[name], "schemat är inaktuellt: kör `valdsprogram schema` och checka in"


def test_schemas_describe_fields_in_swedish() -> None:
    program = json.loads(all_schemas()["program.schema.json"])
    assert program["title"] == "Program"
    assert program["$defs"]["Indicator"]["title"] == "Indikator"
    assert program["$defs"]["Indicator"]["properties"]["enhet"]["description"] == "Enhet: antal, procent eller ja/nej."


def test_every_yaml_file_names_its_schema() -> None:
    """The modeline gives editors completion; a file without it is edited blind."""
    assert (
        (ROOT / "program.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=schema/program.schema.json")
    )
    for path in sorted((ROOT / "uppfoljning").rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schema/uppfoljning.schema.json", path


def test_write_schemas_command(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from valdsprogram.cli.app import app

    result = CliRunner().invoke(app, ["schema", "--mapp", str(tmp_path / "s")])
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == sorted(SCHEMAS)
