"""bench/mutate.py stays working: its list loads and fits the code, and a mutation is applied to a copy only, exactly
once, or refused."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest


def _project() -> Path:
    """The project root: the first folder above this file with bench/ and pyproject.toml (tests may move)."""
    return next(
        p for p in Path(__file__).resolve().parents if (p / "bench").is_dir() and (p / "pyproject.toml").exists()
    )


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_mutate", _project() / "bench" / "mutate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is created
    spec.loader.exec_module(module)
    return module


mutate = _load()

SOURCE = "def small(value, threshold):\n    return value < threshold\n"
ENTRY = """[[mutation]]
id = "small-at-threshold"
module = "src/pkg/mod.py"
original = '''return value < threshold'''
replacement = '''return value <= threshold'''
tests = ["test_mod.py"]
description = "the threshold itself is small"
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with one module under src/ and one test file somewhere under tests/."""
    (tmp_path / "src" / "pkg").mkdir(parents=True)
    (tmp_path / "src" / "pkg" / "mod.py").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "tests" / "unit").mkdir(parents=True)
    (tmp_path / "tests" / "unit" / "test_mod.py").write_text("", encoding="utf-8")
    (tmp_path / "mutations.toml").write_text(ENTRY, encoding="utf-8")
    return tmp_path


def test_a_mutation_is_loaded_and_applied_to_a_copy(project: Path) -> None:
    (mutation,) = mutate.load(project / "mutations.toml")
    assert (mutation.id, mutation.module, mutation.tests, mutation.equivalent) == (
        "small-at-threshold",
        "src/pkg/mod.py",
        ("test_mod.py",),
        "",
    )
    mutate.check([mutation], project)
    assert mutate.test_paths(mutation, project) == ["tests/unit/test_mod.py"]
    copy = mutate.source_copy(project, project / "kopia", mutation)
    assert (copy / "pkg" / "mod.py").read_text(encoding="utf-8") == SOURCE.replace("<", "<=")
    assert (project / "src" / "pkg" / "mod.py").read_text(encoding="utf-8") == SOURCE  # the original untouched


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("def small(value, threshold):\n    return value > threshold\n", "står 0 gånger"),
        (SOURCE + "def also(value, threshold):\n    return value < threshold\n", "står 2 gånger"),
    ],
)
def test_a_snippet_not_found_exactly_once_is_refused(project: Path, source: str, problem: str) -> None:
    (project / "src" / "pkg" / "mod.py").write_text(source, encoding="utf-8")
    (mutation,) = mutate.load(project / "mutations.toml")
    with pytest.raises(mutate.StaleList, match=problem):
        mutate.check([mutation], project)


def test_a_mutant_that_is_no_python_is_refused(project: Path) -> None:
    (project / "mutations.toml").write_text(ENTRY.replace("value <= threshold", "value <== threshold"))
    (mutation,) = mutate.load(project / "mutations.toml")
    with pytest.raises(mutate.StaleList, match="inte giltig Python"):
        mutate.mutated(SOURCE, mutation)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (('tests = ["test_mod.py"]\n', ""), "saknar \\['tests'\\]"),
        (('tests = ["test_mod.py"]', 'tests = ["test_mod.py"]\nekvivalent = "x"'), "okända nycklar"),
        (('tests = ["test_mod.py"]', "tests = []"), "lista med namn"),
        (("src/pkg/mod.py", "pkg/mod.py"), "under src/"),
        (("value <= threshold", "value < threshold"), "densamma"),
        (('id = "small-at-threshold"', 'id = ""'), "inte är tom"),
    ],
)
def test_a_malformed_entry_is_refused(project: Path, change: tuple[str, str], problem: str) -> None:
    (project / "mutations.toml").write_text(ENTRY.replace(*change), encoding="utf-8")
    with pytest.raises(mutate.StaleList, match=problem):
        mutate.load(project / "mutations.toml")


def test_a_list_that_is_no_toml_is_refused(project: Path) -> None:
    (project / "mutations.toml").write_text(ENTRY.replace("tests = [", "tests = ("), encoding="utf-8")
    with pytest.raises(mutate.StaleList, match=r"mutations\.toml: "):
        mutate.load(project / "mutations.toml")


def test_ids_are_unique_and_test_files_must_exist(project: Path) -> None:
    (project / "mutations.toml").write_text(ENTRY + "\n" + ENTRY, encoding="utf-8")
    with pytest.raises(mutate.StaleList, match="två gånger"):
        mutate.load(project / "mutations.toml")
    (project / "mutations.toml").write_text(ENTRY.replace("test_mod.py", "test_annan.py"), encoding="utf-8")
    (mutation,) = mutate.load(project / "mutations.toml")
    with pytest.raises(mutate.StaleList, match=r"0 testfiler heter test_annan\.py"):
        mutate.check([mutation], project)


def test_the_shipped_list_fits_the_code() -> None:
    """Every snippet in bench/mutations.toml is found exactly once and every test file exists: run `python
    bench/mutate.py --lista` to see which one a change to the code made stale."""
    mutations = mutate.load(mutate.MUTATIONS)
    mutate.check(mutations, _project())
    assert len(mutations) >= 29
    assert all(m.equivalent == "" or len(m.equivalent) > 20 for m in mutations)


@pytest.mark.parametrize(
    ("killed", "equivalent", "code"), [(True, "", 0), (False, "", 1), (False, "skäl", 0), (True, "skäl", 1)]
)
def test_the_exit_code_says_whether_a_survivor_is_unexplained(killed: bool, equivalent: str, code: int) -> None:
    mutation = mutate.Mutation("m", "src/m.py", "a", "b", ("test_m.py",), "d", equivalent)
    outcome = mutate.Outcome(mutation, killed, 1.0)
    assert mutate.verdict([outcome]) == code
    assert mutate.table([outcome]).splitlines()[-1].startswith("1 mutation: ")
