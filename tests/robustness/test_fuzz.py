"""Property-based fuzzing: whatever bytes the loader or `validera` is given, the answer is diagnostics, never a crash.

The targets:

- the loader, `parse_yaml`, on arbitrary bytes, on a soup of YAML tokens and on YAML built from a grammar
  (block and flow collections, every kind of scalar, anchors, aliases, tags, `---`, comments, tabs, very long
  strings, deep nesting): it returns a `YamlDocument`, every diagnostic has a registered code and a line inside
  the file, and a document marked `ok` holds plain data with a position for every key and value;
- the personnummer guard, on valid numbers hidden the ways that once got past it (separators, full-width
  digits, escapes, glued to `/` and `-`): always found; and the template sandbox, on templates built from
  powers, repetitions, huge ranges and widths: rendered within bounds or a Swedish message, never a hang;
- what `mall` writes: every value, key and comment it can write reads back as the same text, and a program whose
  names are built from line breaks of every kind, YAML indicators, quotes and `: ` gives a follow-up and a
  compilation file that read back as exactly what `mall` meant to write;
- the whole `validera` command, run in-process on a copy of the repository's own program and follow-ups after
  mutating one file (keys dropped, duplicated and renamed, values of the wrong type, huge and unicode strings,
  deep nesting, swapped ids, text edits and byte flips): exit code 0 or 1, and every line of output is a
  diagnostic, a tip or the summary.

The budget is fixed and the runs are deterministic (`derandomize`), so CI always tries the same examples; the
profile `VALDSPROGRAM_FUZZ=lang` runs twenty times as many random examples for a local hunt. Every input that
once failed is kept: loader inputs as `@example`, whole files under tests/data/fuzz_cases/ (see its README).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import shutil
import unicodedata
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from conftest import ROOT, TESTS
from hostile_text import COMPILATION_T1, EARLIER, MALL_T2, PLACES, program_with
from output_checks import MAX_MESSAGE, check_output, english
from pnr_corpus import luhn_digit
from valdsprogram.check.rules.personal_data import personal_numbers
from valdsprogram.cli.app import app
from valdsprogram.codes import CODES
from valdsprogram.controls import FORBIDDEN
from valdsprogram.forms.followup_yaml import comment_text, yaml_key, yaml_scalar
from valdsprogram.model.periods import Period
from valdsprogram.output.formats import DocumentFormat
from valdsprogram.output.templates import TemplateProblem
from valdsprogram.output.templates import render as render_template
from valdsprogram.report.checklist import build_checklist
from valdsprogram.sources import followup_files
from valdsprogram.workspace import open_workspace
from valdsprogram.yaml.reader import YamlDocument, parse_yaml

pytestmark = pytest.mark.slow  # fuzzing takes most of the suite's time: the quick loop (-m "not slow") skips it

# --- Budget --------------------------------------------------------------------------------------------------

settings.register_profile(
    "ci",
    derandomize=True,  # the same examples on every run: a red CI is a real regression, not a lucky draw
    database=None,
    deadline=timedelta(seconds=2),
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
settings.register_profile(
    "lang",
    parent=settings.get_profile("ci"),
    derandomize=False,
    deadline=timedelta(seconds=5),
)
PROFILE = os.environ.get("VALDSPROGRAM_FUZZ", "ci")
FUZZ = settings.get_profile(PROFILE)
SCALE = 20 if PROFILE == "lang" else 1


def budget(examples: int) -> settings:
    """The settings for one fuzz test: `examples` per CI run (times SCALE with the long profile)."""
    return settings(FUZZ, max_examples=examples * SCALE)


# --- Invariants ----------------------------------------------------------------------------------------------


def check_document(doc: object, raw: bytes, path: str = "f.yaml") -> None:
    """What every loaded document must satisfy, whatever the bytes."""
    assert isinstance(doc, YamlDocument)
    text = raw.decode("utf-8", "replace")
    last_line = max(1, len(text.splitlines()) + 1)
    for d in doc.diagnostics:
        assert d.code in CODES, d
        assert d.severity is CODES[d.code].severity, d
        assert d.path == path
        assert 0 <= d.line <= last_line, (d, last_line)
        assert d.column >= 0, d
        assert (d.line == 0) == (d.column == 0), d
        for words in (d.message, d.hint):
            assert len(words) <= MAX_MESSAGE, d
            assert not english(words), d
        assert d.message
    if not doc.ok:
        assert any(d.severity.value == "fel" for d in doc.diagnostics), "an unread file must say why"
        return
    assert doc.text is not None
    assert () in doc.positions.values
    _check_plain(doc, doc.data, ())


def _check_plain(doc: YamlDocument, value: object, loc: tuple[str | int, ...]) -> None:
    assert loc in doc.positions.values, loc
    line, column = doc.positions.values[loc]
    assert line >= 1
    assert column >= 1
    if isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, str), key
            assert (*loc, key) in doc.positions.keys, (loc, key)
            _check_plain(doc, item, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _check_plain(doc, item, (*loc, i))
    else:
        assert value is None or isinstance(value, str | int | float | bool), type(value)


# --- The loader ----------------------------------------------------------------------------------------------

TOKENS = [
    *("a", "organ", "A1.2", "sdn-sodermalm", "pågående", "å", "ÅÄÖ", "\u00a0", "\u2028", "\u0085", "😀", "\u202e"),
    *(":", ": ", " ", "  ", "\n", "\r\n", "\r", "\t", "- ", "-", "? ", "[", "]", "{", "}", ",", "#", "# x\n"),
    *("'", '"', "\\", '"\\x4', '"\\u12', "\\n", "|", "|-", ">", "|0", ">2", "&a ", "*a", "&", "*", "!", "!!str "),
    *("!!int ", "!!map ", "!x ", "!<x> ", "!a!b ", "---", "--- ", "...", "%YAML 1.1\n", "%TAG ! !x\n", "%FOO\n"),
    *("true", "yes", "no", "on", "~", "null", "012", "0x1F", "1_000", "12:30", "1e999", "-0", ".5", "3."),
    *("2024-T1", "2024-05-21", "811218-9876", "@", "`", "%", "\x00", "\x07", "\x1b", "\ufeff", "\ufffe"),
]


@st.composite
def token_soup(draw: st.DrawFn) -> bytes:
    tokens = draw(st.lists(st.sampled_from(TOKENS) | st.text(max_size=5), max_size=60))
    raw = "".join(tokens).encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        raw = b"\xef\xbb\xbf" + raw
    return raw


# A small YAML grammar: nodes are rendered in block or flow style, with every kind of scalar and decoration.
PLAIN_WORDS = st.sampled_from(
    [
        *("a", "organ", "period", "aktiviteter", "A1.2", "I3.3", "M2", "status", "pågående", "ej påbörjad"),
        *("true", "False", "yes", "No", "ON", "~", "null", "", "0", "012", "-3", "3.5", "1e3", "1e999", "0x1F"),
        *("1_000", "12:30", ".5", "+7", "2024-T1", "2024-05-21", "Ö-ström", "a b", "a#b", "x\u00a0", "\u00a0"),
        *("9" * 5000, "x" * 20_000, "😀" * 50, "a:b", "-a", "?a", "a,b", "Organ", "organ\u00a0", "\u0130"),
    ]
)
TEXTS = st.one_of(PLAIN_WORDS, st.text(max_size=20), st.text(st.characters(codec="utf-8"), max_size=8))


def _single(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _double(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


@st.composite
def scalar(draw: st.DrawFn) -> str:
    text = draw(TEXTS)
    style = draw(st.sampled_from(["plain", "plain", "single", "double", "raw-double", "number"]))
    if style == "single":
        return _single(text)
    if style == "double":
        return _double(text)
    if style == "raw-double":  # escapes as a person might type them, valid or not
        return '"' + draw(st.sampled_from(["\\x", "\\u00e5", "\\uD800", "\\q", "\\", "\\t", "\\N"])) + text + '"'
    if style == "number":
        return str(draw(st.integers() | st.floats(allow_nan=True, allow_infinity=True)))
    return text


Node = tuple[Any, ...]
"""("scalar", text) | ("map", [(key, node)]) | ("seq", [node]) | ("alias", name) | ("block", style, lines)."""

LEAF: st.SearchStrategy[Node] = st.one_of(
    scalar().map(lambda s: ("scalar", s)),
    st.sampled_from(["a", "b", "", "ö"]).map(lambda s: ("alias", s)),
    st.tuples(st.just("block"), st.sampled_from(["|", ">", "|-", ">+", "|2", "|0"]), st.lists(TEXTS, max_size=3)),
)


def _collections(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    return st.one_of(
        st.lists(st.tuples(scalar(), children), max_size=4).map(lambda items: ("map", items)),
        st.lists(children, max_size=4).map(lambda items: ("seq", items)),
    )


NODES: st.SearchStrategy[Node] = st.recursive(LEAF, _collections, max_leaves=25)
DECORATIONS = st.sampled_from(["", "", "", "&a ", "&b ", "!x ", "!!str ", "!!map ", "!!seq ", "&a !x ", "!<y> "])


def render(node: Node, indent: int, flow: bool, decorate: Callable[[], str]) -> str:
    """YAML text for a node: block style unless `flow`; block collections start on a new line."""
    kind = node[0]
    pad = " " * indent
    if kind == "scalar":
        return decorate() + str(node[1])
    if kind == "alias":
        return "*" + str(node[1])
    if kind == "block":
        body = "".join(f"\n{pad}  {line}" for line in node[2])
        return decorate() + str(node[1]) + body
    items = node[1]
    if flow or not items:
        if kind == "map":
            inner = ", ".join(f"{k}: {render(v, 0, True, decorate)}" for k, v in items)
            return decorate() + "{" + inner + "}"
        return decorate() + "[" + ", ".join(render(v, 0, True, decorate) for v in items) + "]"
    lines = []
    for item in items:
        value = item[1] if kind == "map" else item
        lead = f"{pad}{item[0]}:" if kind == "map" else f"{pad}-"
        if value[0] in ("map", "seq") and value[1]:
            lines.append(f"{lead}\n{render(value, indent + 2, False, decorate)}")
        else:
            lines.append(f"{lead} {render(value, indent + 2, True, decorate)}")
    return "\n".join(lines)


@st.composite
def grammar_yaml(draw: st.DrawFn) -> bytes:
    node = draw(NODES)
    flow = draw(st.booleans())
    decorate = lambda: draw(DECORATIONS)  # noqa: E731 - drawn afresh for each node
    text = render(node, 0, flow, decorate)
    lines = text.split("\n")
    # Noise a hand-edited file gets: comments, document markers, tabs, odd line endings, a BOM.
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(lines)))
        lines.insert(at, draw(st.sampled_from(["# kommentar", "---", "...", "\t", "  # x: y", "", "%YAML 1.1"])))
    if draw(st.booleans()) and lines:
        at = draw(st.integers(0, len(lines) - 1))
        lines[at] = re.sub("^ +", "\t", lines[at]) if lines[at].startswith(" ") else "\t" + lines[at]
    ending = draw(st.sampled_from(["\n", "\n", "\r\n", "\r"]))
    raw = ending.join(lines).encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        raw += ending.encode()
    if draw(st.booleans()):
        raw = b"\xef\xbb\xbf" + raw
    return raw


@st.composite
def deep_nesting(draw: st.DrawFn) -> bytes:
    depth = draw(st.integers(1, 1200))
    style = draw(st.sampled_from(["flow-seq", "flow-map", "block-map", "block-seq", "mixed"]))
    if style == "flow-seq":
        return b"a: " + b"[" * depth + b"x" + b"]" * draw(st.integers(0, depth))
    if style == "flow-map":
        return b"{a: " * depth + b"x" + b"}" * depth
    if style == "block-map":
        return "".join(f"{'  ' * i}k{i}:\n" for i in range(depth)).encode() + b"  " * depth + b"v: 1\n"
    if style == "block-seq":
        return b"- " * depth + b"x\n"
    return "".join(f"{'  ' * i}- [{{k: \n" for i in range(min(depth, 300))).encode()


# Inputs that once made the loader crash or answer in English; they are run first, every time.
LOADER_REGRESSIONS = [
    b"a: " + b"9" * 5000 + b"\n",  # int() refuses more than 4,300 digits: ValueError (now read as inf)
    b"-" + b"9" * 4400,
    b"...\n",  # 'did not find expected node content' reached the user in English
    b"a: >\n x\n\ty\n",  # 'found a tab character where an indentation space is expected'
    b"{a: b}}\n",  # 'did not find expected <document start>'
    b"%YAML 2.0\n---\na: 1\n",  # 'found incompatible YAML document'
    b'a: "\\uD800"\n',  # 'found invalid Unicode character escape code'
    b"a: !<x\n",
    b"{a: 1\n",  # reported on line 2 of a one-line file
    b"a: b\n---x\n",  # reported on line 3 of a two-line file
    b"a: &" + b"x" * 100_000 + b" 1\n",  # a 100 kB anchor name was quoted whole in the message
    b"{" + b"k" * 100_000 + b": 1, " + b"k" * 100_000 + b": 2}",  # likewise a duplicate key
]


@budget(400)
@given(raw=st.binary(max_size=3000))
@example(raw=bytes(range(256)))
@example(raw=b"")
@example(raw=b"\xef\xbb\xbf")
def test_loader_survives_arbitrary_bytes(raw: bytes) -> None:
    check_document(parse_yaml(raw, "f.yaml"), raw)


@budget(400)
@given(raw=token_soup())
def test_loader_survives_token_soup(raw: bytes) -> None:
    check_document(parse_yaml(raw, "f.yaml"), raw)


def _with_regressions(test: Callable[[bytes], None]) -> Callable[[bytes], None]:
    for raw in LOADER_REGRESSIONS:
        test = example(raw=raw)(test)
    return test


@budget(500)
@given(raw=grammar_yaml())
@_with_regressions
def test_loader_survives_grammar_yaml(raw: bytes) -> None:
    check_document(parse_yaml(raw, "f.yaml"), raw)


@budget(300)
@given(raw=grammar_yaml())
def test_line_endings_and_composed_characters_do_not_change_what_is_read(raw: bytes) -> None:
    """LF, CRLF and a lone CR (old Mac) give the same lines and columns; NFD (`a` plus a combining ring, as a Mac
    may write `å`) the same lines and values as NFC. Columns count characters, so NFD may move them."""
    assume(b"\r" not in raw)
    base = parse_yaml(raw, "f.yaml")
    found = [(d.code, d.line, d.column) for d in base.diagnostics]
    for ending in (b"\r\n", b"\r"):
        other = parse_yaml(raw.replace(b"\n", ending), "f.yaml")
        assert [(d.code, d.line, d.column) for d in other.diagnostics] == found
        assert other.data == base.data
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return
    composed = parse_yaml(unicodedata.normalize("NFC", text).encode(), "f.yaml")
    decomposed = parse_yaml(unicodedata.normalize("NFD", text).encode(), "f.yaml")
    assert [(d.code, d.line) for d in decomposed.diagnostics] == [(d.code, d.line) for d in composed.diagnostics]
    assert decomposed.data == composed.data


@budget(60)
@given(raw=deep_nesting())
def test_loader_survives_deep_nesting(raw: bytes) -> None:
    doc = parse_yaml(raw, "f.yaml")
    check_document(doc, raw)
    if not doc.ok:
        return
    assert _depth(doc.data) <= 33


def _depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


def test_plain_yaml_reads_like_pyyaml() -> None:
    """A sanity check of the grammar's plain cases: where PyYAML's safe loader and ours both read, they agree."""
    raw = b"a: [x, 1, -2, 3.5, true, null, '012', \"\\u00e5\"]\nb: {c: d}\n"
    assert parse_yaml(raw, "f.yaml").data == yaml.safe_load(raw)


# --- The whole command ---------------------------------------------------------------------------------------

FOLLOWUPS = [p.relative_to(ROOT).as_posix() for p in followup_files(ROOT / "uppfoljning")]
PROGRAM: Any = parse_yaml((ROOT / "program.yaml").read_bytes(), "program.yaml").data
KNOWN_BODIES = [body["id"] for body in PROGRAM["organ"]]
KNOWN_IDS = [
    *(goal["id"] for goal in PROGRAM["mal"]),
    *(item["id"] for goal in PROGRAM["mal"] for key in ("aktiviteter", "indikatorer") for item in goal[key]),
]
HUGE = "x" * 300_000


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's program and follow-ups; each example changes one file and puts it back."""
    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copy(ROOT / "program.yaml", folder / "program.yaml")
    shutil.copytree(ROOT / "uppfoljning", folder / "uppfoljning")
    return folder


@contextlib.contextmanager
def replaced(folder: Path, name: str, content: bytes) -> Iterator[None]:
    """`folder/name` holds `content` inside the block, and its old content (or nothing) after it."""
    target = folder / name
    before = target.read_bytes() if target.is_file() else None
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    try:
        yield
    finally:
        if before is None:
            target.unlink()
        else:
            target.write_bytes(before)


def run_validera(folder: Path, *args: str) -> Result:
    with contextlib.chdir(folder):
        return CliRunner().invoke(app, ["validera", *args])


# Values of every wrong kind a hand-edited file can hold.
def _containers(children: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)


WRONG_VALUES: st.SearchStrategy[object] = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.sampled_from([10**400, -(10**20), 10**15 + 1, 0, -1, 101, 62.5, 1e300, -0.0]),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=30),
        st.sampled_from(["", " ", "ja", "pågående", "ej påbörjad", "2024-05-21", "2024-02-30", "0000-01-01"]),
        st.sampled_from(["62,5", "85 %", "811218-9876", "organ", "A1.2", "sdn-sodermalm", HUGE, "å" * 5000]),
    ),
    _containers,
    max_leaves=6,
)
PERIODS = st.one_of(
    st.sampled_from(["2023-T1", "2023-T2", "2023-VB", "2024-T1", "2024-T2", "2024-VB", "2020-T1", "2026-VB"]),
    st.sampled_from(["2024-T3", "2024-t1", "24-T1", "2024-T1 ", "２０２４-T1", "2024–T1", "2024-VB\u00a0"]),
    # Year 0 once crashed FollowUpFile.build (datetime has no year 0); see tests/data/fuzz_cases/ar-noll.
    st.tuples(st.integers(0, 9999), st.sampled_from(["T1", "T2", "VB"])).map(lambda t: f"{t[0]:04d}-{t[1]}"),
)


def _locs(value: object, loc: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield loc
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _locs(item, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _locs(item, (*loc, i))


def _parent(data: Any, loc: tuple[Any, ...]) -> Any:
    for part in loc[:-1]:
        data = data[part]
    return data


def mutate_data(draw: st.DrawFn, data: Any, *, program: bool) -> Any:
    """One structural change to the parsed file: drop, rename, retype, nest, swap or re-id a key or value."""
    locs = [loc for loc in _locs(data) if loc]
    if not locs or not isinstance(data, dict):
        return draw(WRONG_VALUES)
    loc = draw(st.sampled_from(locs))
    parent, last = _parent(data, loc), loc[-1]
    action = draw(st.sampled_from(["drop", "rename", "wrong", "nest", "swap", "id", "id", "organ", "period", "huge"]))
    if action == "drop":
        del parent[last]
    elif action == "rename" and isinstance(parent, dict):
        new = draw(
            st.sampled_from([last.upper(), last.capitalize(), last + "\u00a0", " " + last, last + " ", last[:-1]])
            | st.sampled_from(["organ", "period", "aktiviteter", "indikatorer", "mal", "status", "utfall", "x"])
            | st.sampled_from(KNOWN_IDS)
            | st.text(max_size=12)
        )
        if new not in parent:
            parent[new] = parent.pop(last)
    elif action == "wrong" or (action == "rename" and isinstance(parent, list)):
        parent[last] = draw(WRONG_VALUES)
    elif action == "nest":
        depth = draw(st.integers(1, 40))
        value = parent[last]
        for _ in range(depth):
            value = [value] if draw(st.booleans()) else {"x": value}
        parent[last] = value
    elif action == "swap":
        others = [other for other in locs if other != loc and len(other) == len(loc)]
        if others:
            other = draw(st.sampled_from(others))
            other_parent = _parent(data, other)
            parent[last], other_parent[other[-1]] = other_parent[other[-1]], parent[last]
    elif action == "id" and isinstance(parent, dict):
        new = draw(st.sampled_from(KNOWN_IDS) | st.sampled_from(["A1.99", "I0.1", "M0", "M8", "a1.2", "A1.2.3"]))
        if new not in parent:
            parent[new] = parent.pop(last)
    elif action == "organ":  # another body's id, or one that is no body's
        body_id = draw(st.sampled_from(KNOWN_BODIES) | st.sampled_from(["sdn-x", "SDN-SODERMALM", "", "a--b"]))
        if not program:
            data["organ"] = body_id
        elif isinstance(data.get("organ"), list) and data["organ"]:
            body = draw(st.sampled_from(data["organ"]))
            if isinstance(body, dict):
                body["id"] = body_id
    elif action == "period":
        if program:
            giltighet = data.setdefault("giltighet", {})
            if isinstance(giltighet, dict):
                giltighet[draw(st.sampled_from(["fran", "till"]))] = draw(st.integers(1990, 2110) | WRONG_VALUES)
        else:
            data["period"] = draw(PERIODS)
    else:
        parent[last] = draw(st.sampled_from([HUGE, "å" * 100_000, "\u202e" * 1000, "😀" * 10_000]))
    return data


def dump(data: Any) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9).encode("utf-8", "surrogatepass")


KEY_VALUE = re.compile(rb"(?P<key>[A-Za-z_][\w.]*): (?P<value>[^,{}\[\]#\n]*[^,{}\[\]#\s])")
NUMBER_TEXTS = [
    *(b"1e999", b"1e999", b"9" * 400, b"9" * 400),  # overflowing, twice as likely
    *(b"1e999", b"-1e999", b"1e308", b"9" * 400, b"-" + b"9" * 400, b"9" * 5000, b"1e-999", b"4.9e-324", b"-0"),
    *(b"1000000000000000", b"1000000000000001", b"0.0", b"-1", b"101", b"100.04", b"1_000", b"012", b"12:30"),
]
NUMBER_KEYS = {b"utfall", b"arsmal", b"taljare", b"namnare", b"tolerans", b"fran", b"till"}
RULE_KEYS = NUMBER_KEYS | {b"organ", b"period", b"status", b"bedomning", b"datum", b"id", b"enhet", b"ansvariga"}
VALUE_TEXTS = [
    *NUMBER_TEXTS,
    *(b"true", b"yes", b"~", b"''", b"[]", b"{}", b"[1, 2]", b"{a: b}", b'"62,5"', b"62,5", b"'85'", b"85 %"),
    *(b"&a x", b"*a", b"!!binary aGVq", b"!!int 3", b"|", b'"\\u00e5\\t"', b'"\\uD800"', b"'", b"2024-02-30"),
    *(b"0000-T1", b"2024-T3", b"9999-VB", b"sdn-x", b"SDN-SODERMALM", b"A1.2", b"811218-9876", b"x" * 300_000),
    *("pågående\u00a0".encode(), "ej\u00a0påbörjad".encode(), "Pågående".encode(), "genomf\u00f6rd".encode()),
]
"""Values as YAML text, each wrong somewhere: type, size, form, or for a rule."""


def mutate_value(draw: st.DrawFn, raw: bytes) -> bytes:
    """One value replaced, as text, by YAML that is wrong in some way; comments and layout stay as they were."""
    lines = raw.split(b"\n")
    pairs = [
        (i, match)
        for i, line in enumerate(lines)
        if not line.lstrip().startswith(b"#")
        for match in KEY_VALUE.finditer(line)
    ]
    if not pairs:
        return mutate_text(draw, raw)
    # Mostly a value the rules compute with, so that sums, units and dates meet odd numbers.
    numbers = [(i, m) for i, m in pairs if m["key"] in NUMBER_KEYS]
    ruled = [(i, m) for i, m in pairs if m["key"] in RULE_KEYS]
    at, match = draw(st.sampled_from(draw(st.sampled_from([p for p in (numbers, ruled, pairs) if p]))))
    numeric = match["key"] in NUMBER_KEYS and draw(st.integers(0, 2))
    new = draw(st.sampled_from(NUMBER_TEXTS if numeric else VALUE_TEXTS))
    lines[at] = lines[at][: match.start("value")] + new + lines[at][match.end("value") :]
    return b"\n".join(lines)


def mutate_text(draw: st.DrawFn, raw: bytes) -> bytes:
    """One edit to the file as text or bytes: lines duplicated, dropped, swapped, re-indented; bytes flipped."""
    lines = raw.split(b"\n")
    action = draw(st.sampled_from(["dup", "drop", "swap", "indent", "tab", "insert", "flip", "cut", "crlf"]))
    at = draw(st.integers(0, len(lines) - 1))
    if action == "dup":  # a duplicate key, in a mapping
        lines.insert(at, lines[at])
    elif action == "drop":
        del lines[at]
    elif action == "swap":
        other = draw(st.integers(0, len(lines) - 1))
        lines[at], lines[other] = lines[other], lines[at]
    elif action == "indent":
        lines[at] = b" " * draw(st.integers(1, 5)) + lines[at] if draw(st.booleans()) else lines[at].lstrip()
    elif action == "tab":
        lines[at] = b"\t" + lines[at].lstrip(b" ")
    elif action == "insert":
        token = draw(st.sampled_from(TOKENS) | st.text(max_size=10)).encode("utf-8", "surrogatepass")
        column = draw(st.integers(0, len(lines[at])))
        lines[at] = lines[at][:column] + token + lines[at][column:]
    elif action == "crlf":
        return raw.replace(b"\n", b"\r\n")
    joined = b"\n".join(lines)
    if action == "flip" and joined:
        changed = bytearray(joined)
        for _ in range(draw(st.integers(1, 8))):
            changed[draw(st.integers(0, len(changed) - 1))] = draw(st.integers(0, 255))
        return bytes(changed)
    if action == "cut":
        return joined[: draw(st.integers(0, len(joined)))]
    return joined


@st.composite
def mutated(draw: st.DrawFn, original: bytes, *, program: bool) -> bytes:
    """A valid file after one to three mutations: of a value as text, of the parsed data, or of lines and bytes."""
    raw = original
    for _ in range(draw(st.integers(1, 3))):
        mode = draw(st.sampled_from(["value", "data", "text"]))
        if mode == "data":
            doc = parse_yaml(raw, "f.yaml")
            if doc.ok:
                raw = dump(mutate_data(draw, doc.data, program=program))
                continue
        raw = mutate_value(draw, raw) if mode == "value" else mutate_text(draw, raw)
    return raw


@budget(250)
@given(data=st.data())
def test_validera_survives_mutated_followups(workspace: Path, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(FOLLOWUPS), label="fil")
    raw = data.draw(mutated((ROOT / name).read_bytes(), program=False), label="innehåll")
    fmt = data.draw(st.sampled_from(["text", "text", "text", "json"]), label="format")
    with replaced(workspace, name, raw):
        check_output(run_validera(workspace, "--format", fmt), fmt)


@budget(60)
@given(data=st.data())
def test_validera_survives_a_mutated_program(workspace: Path, data: st.DataObject) -> None:
    raw = data.draw(mutated((ROOT / "program.yaml").read_bytes(), program=True), label="program")
    with replaced(workspace, "program.yaml", raw):
        check_output(run_validera(workspace))


@budget(40)
@given(data=st.data())
def test_validera_survives_a_new_file_anywhere(workspace: Path, data: st.DataObject) -> None:
    """A file at a path that does not fit the layout, with a name of any characters."""
    folder = data.draw(st.sampled_from(["uppfoljning", "uppfoljning/2024-T1", "uppfoljning/x/y", "uppfoljning/.d"]))
    stem = data.draw(
        st.sampled_from(["l\udce5ng", "a\nb", "a\rb", "\u202eevil", "Södermalm med mellanslag", "sdn-sodermalm\u00a0"])
        | st.sampled_from(["sdn-sodermalm", "SDN-SODERMALM", "x.yaml", "-", "--help", " ", "\t", "\x1b[31m"])
        | st.text(st.characters(exclude_categories=["Cs"], exclude_characters="/\0"), min_size=1),
        label="namn",
    )
    name = f"{folder}/{stem[:100]}.yaml"
    raw = data.draw(mutated((ROOT / FOLLOWUPS[0]).read_bytes(), program=False))
    try:
        with replaced(workspace, name, raw):
            result = run_validera(workspace)
    except OSError:  # a name the file system refuses (too long for it)
        return
    check_output(result)


# --- Inputs that once failed ---------------------------------------------------------------------------------

CASES = TESTS / "data" / "fuzz_cases"


def _cases() -> Iterator[Any]:
    for case in sorted(p for p in CASES.iterdir() if p.is_dir()):
        known = case / "kant-fel.txt"
        marks = [pytest.mark.xfail(strict=True, reason=known.read_text(encoding="utf-8"))] if known.exists() else []
        yield pytest.param(case, id=case.name, marks=marks)


@pytest.mark.parametrize("case", list(_cases()))
def test_fuzz_case(case: Path, workspace: Path) -> None:
    """Each folder under tests/data/fuzz_cases/ holds files that replace the repository's; validera must survive
    them."""
    files = [p for p in case.rglob("*") if p.is_file() and p.name not in ("kant-fel.txt", "README.md")]
    with contextlib.ExitStack() as stack:
        for path in files:
            stack.enter_context(replaced(workspace, path.relative_to(case).as_posix(), path.read_bytes()))
        check_output(run_validera(workspace))
        check_output(run_validera(workspace, "--format", "json"), "json")


# --- The personnummer guard and the template sandbox ---------------------------------------------------------

SEPARATORS = ["", "-", "+", " - ", ".", "\u2013", "\u2011", "\u2212", "\u00ad", "\u00a0-\u00a0", "\u200b-", "\uff0d"]


@st.composite
def hidden_identity(draw: st.DrawFn) -> bytes:
    """A valid personnummer or samordningsnummer, written in one of the ways that once got past the guard."""
    born = draw(st.dates(dt.date(1900, 1, 1), dt.date(2024, 12, 31)))
    day = born.day + draw(st.sampled_from([0, 60]))
    short = f"{born.year % 100:02d}{born.month:02d}{day:02d}"
    nine = short + f"{draw(st.integers(0, 999)):03d}"
    serial = nine[6:] + luhn_digit(nine)
    birth = draw(
        st.sampled_from(
            [short, f"{born.year // 100}{short}", f"{born.year // 100}{short[:2]} {short[2:4]} {short[4:]}"]
        )
    )
    text = birth + draw(st.sampled_from(SEPARATORS)) + serial
    if draw(st.booleans()):
        text = text.translate({ord(c): chr(0xFF10 + int(c)) for c in "0123456789"})
    way = draw(st.sampled_from(["comment", "plain", "escaped", "glued"]))
    if way == "escaped":
        text = "".join(f"\\u{ord(c):04x}" if c.isdigit() and draw(st.booleans()) else c for c in text)
        return f'organ: sdn-syd\nkommentar: "{text}"\n'.encode()
    if way == "glued":
        text = f"klient/{text}-"
    if way == "comment":
        return f"organ: sdn-syd  # {text}\n".encode()
    return f"organ: sdn-syd\nkommentar: '{text}'\n".encode()


@budget(300)
@given(raw=hidden_identity())
def test_a_hidden_personnummer_is_always_found(raw: bytes) -> None:
    doc = parse_yaml(raw, "f.yaml")
    assert [d.code for d in personal_numbers(doc)] == ["VP315"]


TEMPLATE_PARTS = st.sampled_from(
    ["1", "0", "9", "10**9", "(9**9)", "'x'", "c.body_name", "c.per", "[1, 2]", "range(10**6)", "-1", "1e308"]
)
TEMPLATE_OPERATORS = st.sampled_from([" ** ", " * ", " / ", " // ", " % ", " ~ ", " + "])
TEMPLATE_FILTERS = st.sampled_from(
    ["", "|md", "|cell", "|datum", "|center(10**8)", "|indent(99999)", "|replace('', 'xx')", "|join", "|list"]
)


@st.composite
def hostile_template(draw: st.DrawFn) -> str:
    expression = draw(TEMPLATE_PARTS)
    for _ in range(draw(st.integers(0, 3))):
        expression = f"({expression}{draw(TEMPLATE_OPERATORS)}{draw(TEMPLATE_PARTS)})"
    return "{{ " + expression + draw(TEMPLATE_FILTERS) + " }}\n"


@budget(150)
@given(template=hostile_template())
def test_a_hostile_template_renders_or_gets_a_swedish_message(
    template: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("mallar")
    (folder / "checklista.md.j2").write_text(template, encoding="utf-8")
    data = build_checklist(open_workspace(ROOT / "program.yaml", None), "sdn-sodermalm", Period(2024, 0))
    try:
        text = render_template("checklista", DocumentFormat.MD, {"c": data}, user_folder=folder)
    except TemplateProblem as problem:
        message = str(problem)
    else:
        assert len(text) <= 20 * 1024 * 1024
        return
    assert message.startswith(f"{folder}/checklista.md.j2"), message


# --- What mall writes ----------------------------------------------------------------------------------------

YAML_PIECES = st.sampled_from(
    [
        *["\n", "\r", "\r\n", "\t", "\u2028", "\u2029", "\u0085", "\ufeff", "\u202e", "\x1b", "\x00", "#", " #"],
        *[": ", "'", '"', "\\", "-", "- ", "&a", "*a", "!", "!!str", "%", "@", "`", "|", ">", "{", "}", "[", "]", ","],
        *["?", " ", "---", "...", "y", "no", "null", "~", "1e3", "0x1", "2024-05-21", "A1.2", "å", "\U0001f600"],
    ]
)
HOSTILE_TEXT = st.lists(YAML_PIECES | st.text(max_size=4), min_size=1, max_size=12).map("".join)
"""Text built from what YAML reads specially: line breaks of every kind, indicators, quotes, words it converts."""
NAME_TEXT = HOSTILE_TEXT.map(lambda text: FORBIDDEN.sub("", text) if len(text) % 4 else text).filter(str.strip)
"""A name for the program: mostly one the program accepts; sometimes with a control character, which it refuses."""


@budget(300)
@given(text=HOSTILE_TEXT | st.text(max_size=40))
@example(text="a\u2028b: c")
@example(text="")
def test_every_value_key_and_comment_mall_writes_reads_back(text: str) -> None:
    """A value or key reads back as exactly the text; a comment stays one comment on its line (issue 13, class 5)."""
    value = yaml.load(f"k: {yaml_scalar(text)}  # {comment_text(text)}\n", Loader=yaml.CSafeLoader)
    assert value == {"k": text}
    assert yaml.load(f"{yaml_key(text)}: 1\n", Loader=yaml.CSafeLoader) == {text: 1}
    comment = comment_text(text)
    assert len(comment.splitlines()) <= 1
    assert yaml.load(f"# {comment}\nk: 1\n", Loader=yaml.CSafeLoader) == {"k": 1}
    if not FORBIDDEN.search(text):  # what the data may hold is kept, on one line; the rest is escaped visibly
        assert comment == " ".join(text.split())


@budget(40)
@given(texts=st.fixed_dictionaries(dict.fromkeys(PLACES, NAME_TEXT)))
@example(texts=dict.fromkeys(PLACES, "x\u2028organ: kapad\nperiod: 1999-T1\r\n- a: [b"))
@example(texts={**dict.fromkeys(PLACES, "#"), "indicator": "\ufffe"})  # once written raw: YAML refuses it anywhere
def test_mall_writes_hostile_names_as_comments_and_reads_back(
    texts: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Whatever the program's names hold, each file `mall` writes reads back as exactly what it meant to write,
    or the program itself is refused (a control character, VP012) and nothing is written."""
    folder = tmp_path_factory.mktemp("mall")
    (folder / "program.yaml").write_text(program_with(texts), encoding="utf-8")
    (folder / "uppfoljning" / "2024-T1").mkdir(parents=True)
    (folder / "uppfoljning" / "2024-T1" / "sdn-syd.yaml").write_text(EARLIER, encoding="utf-8")
    refused = any(FORBIDDEN.search(text) for text in texts.values())
    with contextlib.chdir(folder):
        result = CliRunner().invoke(app, ["mall", "sdn-syd", "2024-T2"])
        assert result.exit_code == (2 if refused else 0), result.output
        if refused:
            assert "VP012" in result.output, result.output
            assert not (folder / "uppfoljning" / "2024-T2").exists()
            return
        assert CliRunner().invoke(app, ["mall", "sammanstallning", "2024-T1"]).exit_code == 0
    for path, expected in [
        ("uppfoljning/2024-T2/sdn-syd.yaml", MALL_T2),
        ("sammanstallning/2024-T1.yaml", COMPILATION_T1),
    ]:
        raw = (folder / path).read_bytes()
        doc = parse_yaml(raw, path)
        check_document(doc, raw, path)
        assert doc.ok, doc.diagnostics
        assert doc.data == expected
