"""The loader on its own: values, positions, and hostile files that must end in a diagnostic, not a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from valdsprogram.yaml.reader import MAX_BYTES, parse_yaml, read_yaml


def test_values_follow_a_small_predictable_schema() -> None:
    doc = parse_yaml(b"a: [x, 2, -3, 3.5, true, false, ~, '', 2024-05-01, '012', 84,5]\n", "f.yaml")
    # Dates stay text for the model to judge, and 84,5 in a flow list is two numbers.
    assert doc.data == {"a": ["x", 2, -3, 3.5, True, False, None, "", "2024-05-01", "012", 84, 5]}
    assert doc.diagnostics == []


def test_keys_are_always_text() -> None:
    doc = parse_yaml(b"012: a\non: b\n2024: c\nnull: d\n", "f.yaml")
    assert doc.data == {"012": "a", "on": "b", "2024": "c", "null": "d"}
    assert doc.diagnostics == []


def test_positions_of_keys_and_values_are_one_based() -> None:
    doc = parse_yaml(b"mal:\n  - id: M1\n    titel:   T\n", "f.yaml")
    assert doc.positions.of_key(("mal", 0, "titel")) == (3, 5)
    assert doc.positions.of_value(("mal", 0, "titel")) == (3, 14)
    assert doc.positions.of_value(("mal", 0)) == (2, 5)
    # A location that does not exist falls back to the nearest that does.
    assert doc.positions.of_value(("mal", 0, "saknas", 3)) == (2, 5)


@pytest.mark.parametrize(
    ("raw", "data"),
    [
        (b"\xef\xbb\xbfa: 1\n", {"a": 1}),  # UTF-8 with BOM
        (b"a: 1\r\nb: \xc3\xa5\r\n", {"a": 1, "b": "å"}),  # Windows line endings
    ],
)
def test_bom_and_crlf_are_fine(raw: bytes, data: object) -> None:
    doc = parse_yaml(raw, "f.yaml")
    assert (doc.data, doc.diagnostics, doc.ok) == (data, [], True)


def test_alias_bomb_is_refused_without_expanding() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    doc = parse_yaml("\n".join(lines).encode(), "bomb.yaml")
    assert not doc.ok
    assert {d.code for d in doc.diagnostics} == {"VP006"}
    # One diagnostic per anchor and one for the first alias, not one per (billion) expansions.
    assert len(doc.diagnostics) == 11


def test_thousand_levels_of_nesting_stop_at_the_limit() -> None:
    doc = parse_yaml(b"a: " + b"[" * 1000 + b"]" * 1000 + b"\n", "deep.yaml")
    assert [(d.code, d.line) for d in doc.diagnostics] == [("VP007", 1)]
    assert not doc.ok


def test_block_nesting_stops_at_the_limit() -> None:
    text = "".join(f"{'  ' * i}k{i}:\n" for i in range(1000)) + "  " * 1000 + "v: 1\n"
    doc = parse_yaml(text.encode(), "deep.yaml")
    assert [d.code for d in doc.diagnostics] == ["VP007"]


def test_a_50_mb_file_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "stor.yaml"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no need to write 50 MB to disk
    doc = read_yaml(big, "stor.yaml")
    assert [(d.code, d.line) for d in doc.diagnostics] == [("VP002", 0)]
    assert "50,0 MiB" in doc.diagnostics[0].message


def test_a_file_just_under_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "nastan.yaml"
    path.write_bytes(b"a: " + b"x" * (MAX_BYTES - 10) + b"\n")
    assert read_yaml(path).ok


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert [d.code for d in read_yaml(tmp_path / "saknas.yaml").diagnostics] == ["VP001"]
    (tmp_path / "mapp.yaml").mkdir()
    doc = read_yaml(tmp_path / "mapp.yaml")
    assert [d.code for d in doc.diagnostics] == ["VP001"]
    assert "mapp" in doc.diagnostics[0].message


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "hemlig.yaml"
    path.write_text("a: 1\n")

    def refuse(self: Path, *args: object, **kwargs: object) -> bytes:
        raise PermissionError(13, "Åtkomst nekad")

    monkeypatch.setattr(Path, "open", refuse)  # root reads every file, so chmod cannot show this
    [diagnostic] = read_yaml(path).diagnostics
    assert (diagnostic.code, diagnostic.message) == ("VP001", "Filen kan inte läsas: Åtkomst nekad.")


def test_control_character_is_a_syntax_error_at_its_line() -> None:
    doc = parse_yaml(b"a: 1\nb: x\x07y\n", "f.yaml")
    assert [(d.code, d.line, d.column) for d in doc.diagnostics] == [("VP004", 2, 5)]


def test_binary_file() -> None:
    doc = parse_yaml(bytes(range(256)), "bild.png")
    assert [d.code for d in doc.diagnostics] == ["VP003"]
