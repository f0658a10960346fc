"""Hostile input: each case under tests/data/hostile/ must end in clear Swedish diagnostics, never a traceback or a
hang.

Each case folder holds `beskrivning.txt` (what is hostile, one line), optionally `kommando.txt` (the arguments;
default `validera`) and `program.yaml` or `program.txt` (see `runner.program_of`), the files it puts under
`uppfoljning/`, and the golden `forvantat.txt`.
The command runs in a copy of the folder, with tests/data/program.yaml unless the case brings its own program.
Cases that cannot be committed (a 50 MB file, symlinks, a pipe, file names that are not UTF-8) are made by
`GENERATED` when the test runs. Regenerate the goldens with `pytest --update-golden` and read them: every
message must be Swedish, at the right file and line, and say how to fix the problem.
"""

from __future__ import annotations

import errno
import math
import os
import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import TESTS
from output_checks import check_output
from runner import FOLLOWUP, VALID, Setup, case_folders, check_case, command_of, invoke, program_of, transcript
from valdsprogram.check.model_errors import validate_model
from valdsprogram.check.validation import shown
from valdsprogram.cli.app import app
from valdsprogram.controls import FORBIDDEN
from valdsprogram.model.followup import FollowUp
from valdsprogram.sources import expand, followup_files
from valdsprogram.text import os_error_text
from valdsprogram.writing import WriteRefused, write_atomic
from valdsprogram.yaml.reader import parse_yaml, read_yaml

CORPUS = TESTS / "data" / "hostile"
PROGRAM = TESTS / "data" / "program.yaml"


def _big_file(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with (work / FOLLOWUP).open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: nothing is written, and nothing large is committed


def _symlink_loop(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (work / FOLLOWUP).write_text(VALID, encoding="utf-8")
    (work / "uppfoljning" / "loop").symlink_to(".", target_is_directory=True)


def _unreadable(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = work / FOLLOWUP
    target.write_text(VALID, encoding="utf-8")
    open_file = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == target.name:  # root reads every file, so chmod cannot show this
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))  # English, as the OS says it
        return open_file(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)


def _folder_named_like_a_file(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (work / FOLLOWUP).mkdir()
    (work / FOLLOWUP / "inuti.yaml").write_text(VALID, encoding="utf-8")


def _named(name: bytes) -> Setup:
    def setup(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        folder = os.fsencode(work / FOLLOWUP).rsplit(b"/", 1)[0]
        with open(folder + b"/" + name, "wb") as handle:
            handle.write(VALID.encode())

    return setup


def _fifo(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    os.mkfifo(work / FOLLOWUP)


def _broken_symlink(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (work / FOLLOWUP).symlink_to("saknas.yaml")


def _self_symlink(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (work / FOLLOWUP).symlink_to("sdn-syd.yaml")


def _long_lines(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    comment = "Lång kommentar. " * (3 * 1024 * 1024 // 16)
    text = VALID.replace("  A1.2: {status: genomförd}", f'  A1.2: {{status: genomförd, kommentar: "{comment}"}}')
    (work / FOLLOWUP).write_text(text + "nyckel" + "x" * 1000 + ": 1\n", encoding="utf-8")
    # libyaml reads at most 1,024 characters as a key; a longer one looks to it like a missing colon.
    (work / FOLLOWUP).with_name("lang-nyckel.yaml").write_text("nyckel" + "x" * 1024 * 1024 + ": 1\n")


def _many_values(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    items = ", ".join(["A1.1"] * 100_000)  # about 600 kB: far below the byte limit, far above the item limit
    (work / FOLLOWUP).write_text(VALID + f"kommentarer: [{items}]\n", encoding="utf-8")


ACCOUNTS = "".join(f"{name}:*:20228:0:99999:7:::\n" for name in ("root", "daemon", "bin", "sys", "sync", "games"))
"""A file of the system's accounts, as /etc/shadow holds them (made up): no YAML of the tool's."""


def _program_linked_out(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """program.yaml a symbolic link to a secret outside the project folder."""
    secret = work.parent / "hemlig.txt"
    secret.write_text(ACCOUNTS, encoding="utf-8")
    (work / "program.yaml").unlink()
    (work / "program.yaml").symlink_to(secret)


def _linked_period_folder(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """uppfoljning/2024-T2 a symbolic link to a period folder elsewhere in the project."""
    elsewhere = work / "annat" / "2024-T2"
    elsewhere.mkdir(parents=True)
    (elsewhere / "sdn-syd.yaml").write_text(VALID.replace("2024-T1", "2024-T2"), encoding="utf-8")
    (work / "uppfoljning" / "2024-T2").symlink_to(elsewhere, target_is_directory=True)


GENERATED: dict[str, Setup] = {
    "stor-fil": _big_file,
    "symlank-slinga": _symlink_loop,
    "olasbar-fil": _unreadable,
    "mapp-med-filnamn": _folder_named_like_a_file,
    "mapp-med-filnamn-angiven": _folder_named_like_a_file,
    "filnamn-latin1": _named(b"s\xf6der.yaml"),
    "filnamn-med-radbrytning": _named(b"sdn-syd\n.yaml"),
    "fifo": _fifo,
    "trasig-symlank": _broken_symlink,
    "symlank-till-sig-sjalv": _self_symlink,
    "jattelanga-rader": _long_lines,
    "manga-varden": _many_values,
    "program-symlank-ut": _program_linked_out,
    "symlankad-periodmapp": _linked_period_folder,
    "program-symlank-ut-github": _program_linked_out,
    "program-symlank-ut-status": _program_linked_out,
}
REFUSED = frozenset({"program-symlank-ut", "program-symlank-ut-github", "program-symlank-ut-status"})
"""Cases whose program is refused before any file is read: exit 2, a message, and (in text) no diagnostic."""
CASES = case_folders(CORPUS, "beskrivning.txt")


def test_every_generated_case_has_a_folder() -> None:
    assert set(GENERATED) <= {p.name for p in CASES}


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_hostile_case(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool) -> None:
    work = tmp_path / "arbete"
    work.mkdir()
    shutil.copy(program_of(case) or PROGRAM, work / "program.yaml")
    if (case / "uppfoljning").exists():
        shutil.copytree(case / "uppfoljning", work / "uppfoljning")
    (work / FOLLOWUP).parent.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(work)
    if case.name in GENERATED:
        GENERATED[case.name](work, monkeypatch)
    args = command_of(case, "validera")
    before = {p for p in work.rglob("*") if p.is_file()}
    result = invoke(args)
    if case.name in REFUSED:
        assert result.exit_code == 2, "the program is refused before anything is checked"
    elif args[0] == "validera":
        check_output(result)
        assert " VP" in result.output or case.name == "symlank-slinga", "a hostile file is always reported"
    assert "20228" not in result.output, "nothing of a file outside the project is shown"
    assert not FORBIDDEN.search(result.output), "no control character reaches the terminal"
    description = (case / "beskrivning.txt").read_text(encoding="utf-8")
    written = sorted(p for p in work.rglob("*") if p.is_file() and p not in before)
    shown = "".join(f"--- {p.relative_to(work).as_posix()} ---\n{_written_yaml(p)}" for p in written)
    check_case(
        case, f"{description}$ valdsprogram {shlex.join(args)}\n{transcript(result)}{shown}", update=update_golden
    )


def _written_yaml(path: Path) -> str:
    """A YAML file the command wrote: it must read back without a finding (the text is shown in the golden)."""
    document = read_yaml(path)
    assert document.ok, document.diagnostics
    assert document.diagnostics == []
    return path.read_text(encoding="utf-8")


# --- Focused checks of what the corpus found ----------------------------------------------------------------


def test_a_file_name_that_is_not_utf8_is_shown_with_a_replacement_character(tmp_path: Path) -> None:
    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/s\xf6der.yaml"))
    path.write_bytes(b"a: 1\n")
    doc = read_yaml(path, "uppfoljning/s\udcf6der.yaml")
    assert doc.path == "uppfoljning/s\ufffdder.yaml"
    doc.path.encode("utf-8")  # printable in any terminal and in JSON


def test_control_characters_in_a_file_name_are_escaped() -> None:
    from valdsprogram.yaml.reader import printable_path

    assert printable_path("a\nb\x1b[31m.yaml") == "a\\nb\\x1b[31m.yaml"
    assert printable_path("Söder malm\u00a0.yaml") == "Söder malm\u00a0.yaml"


def test_special_files_are_named_for_what_they_are(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "trasig.yaml").symlink_to("saknas.yaml")
    (tmp_path / "slinga.yaml").symlink_to("slinga.yaml")
    (tmp_path / "till-pipe.yaml").symlink_to("pipe.yaml")
    names = ("pipe.yaml", "trasig.yaml", "till-pipe.yaml")
    messages = {name: read_yaml(tmp_path / name).diagnostics[0].message for name in names}
    assert messages == {
        "pipe.yaml": "Filen är ingen vanlig fil (utan till exempel en pipe eller en enhet).",
        "trasig.yaml": "Filen är en symbolisk länk till 'saknas.yaml', som inte finns.",
        "till-pipe.yaml": "Filen är ingen vanlig fil (utan till exempel en pipe eller en enhet).",
    }
    [loop] = read_yaml(tmp_path / "slinga.yaml").diagnostics
    assert (loop.code, loop.message) == ("VP001", "Filen är en symbolisk länk som leder runt i en slinga.")


def test_an_os_error_is_reported_in_swedish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "fil.yaml"
    path.write_text("a: 1\n")

    def fail(self: Path, *args: object, **kwargs: object) -> bytes:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(Path, "open", fail)
    assert read_yaml(path).diagnostics[0].message == "Filen kan inte läsas: In- eller utmatningsfel."


@pytest.mark.parametrize(
    ("raw", "where", "message"),
    [
        (b"...\n", (1, 1), "Ett värde väntades här men saknas"),
        (b"a: >\n x\n\ty\n", (3, 1), "Tabbtecken i indraget i en text över flera rader"),
        (b"a: {b: c}}\n", (1, 10), "Tecknet '}' står där ingen parentes är öppen."),
        (b"a: [b], c\n", (1, 7), "Ett kommatecken står efter en avslutad lista"),
        (b"{a: b}]\n", (1, 7), "Oväntat innehåll efter ett avslutat värde"),
        (b"%YAML 2.0\n---\na: 1\n", (1, 1), "Filen anger en YAML-version som inte stöds"),
        (b'a: "\\uD800"\n', (1, 7), "En escape-sekvens (`\\u` eller `\\U`)"),
        (b"a: !x!y z\n", (1, 4), "En tagg (ett värde som börjar med `!`) är felskriven."),
        (b"a: | x\n  y\n", (1, 6), "Text står efter `|` eller `>` på samma rad."),
        # Positions on the last line, not one past it, and at the key where the colon is missing.
        (b"{a: 1\n", (1, 6), "En mappning inom klammerparenteser avslutas inte."),
        (b"a: [b, c\nd: e\n", (2, 2), "En lista inom hakparenteser avslutas inte (den börjar på rad 1)."),
        (b"a: b\n---x\n", (2, 1), "Ett kolon saknas efter nyckeln."),
        # libyaml reads at most 1,024 characters as a key.
        (b"- " + b"k" * 2000 + b": 1\n", (1, 3), "Nyckeln är för lång"),
        (b"k" * 2000 + b": 1\n", (1, 1), "Nyckeln är för lång"),
        (b"a: " + b"[" * 2000, (1, 1003), "Nästlingen är orimligt djup (över 1 000 nivåer)."),
    ],
)
def test_syntax_errors_are_explained_in_swedish_at_their_line(raw: bytes, where: tuple[int, int], message: str) -> None:
    [diagnostic] = parse_yaml(raw, "f.yaml").diagnostics
    assert (diagnostic.line, diagnostic.column) == where
    assert diagnostic.message.startswith(message), diagnostic.message


def test_utf16_and_binary_files_are_named_for_what_they_are() -> None:
    [utf16] = parse_yaml("organ: sdn-syd\n".encode("utf-16"), "f.yaml").diagnostics
    [pdf] = parse_yaml(b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n", "f.yaml").diagnostics
    assert (utf16.code, utf16.message) == ("VP003", "Filen är sparad som UTF-16, inte som UTF-8.")
    assert (pdf.code, pdf.message[:27]) == ("VP003", "Filen är ingen textfil utan")


def test_numbers_beyond_what_python_converts_read_as_infinity() -> None:
    doc = parse_yaml(b"a: " + b"9" * 5000 + b"\nb: -" + b"9" * 5000 + b"\nc: 1e999\n", "f.yaml")
    assert doc.data == {"a": math.inf, "b": -math.inf, "c": math.inf}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1e999", "Talet är orimligt stort."),
        ("1e16", "Talet är orimligt stort (decimaltalet 1e+16)."),
        ("9" * 50, "Talet är orimligt stort (ett heltal med 50 siffror)."),
    ],
)
def test_outcomes_beyond_reason_are_refused_before_the_rules_compute_with_them(value: str, message: str) -> None:
    followup = f"organ: sdn-syd\nperiod: 2024-T1\nindikatorer: {{I1.2: {{utfall: {value}}}}}\n"
    model, [diagnostic] = validate_model(FollowUp, parse_yaml(followup.encode(), "f.yaml"))
    assert model is None
    assert (diagnostic.code, diagnostic.message) == ("VP105", message)
    largest = followup.replace(value, "1e15").encode()
    assert validate_model(FollowUp, parse_yaml(largest, "f.yaml"))[1] == []


def test_a_misspelt_required_key_is_one_finding_not_two() -> None:
    document = parse_yaml(b"Organ: sdn-syd\nperiod: 2024-T1\n", "f.yaml")
    _, diagnostics = validate_model(FollowUp, document)
    assert [(d.code, d.message, d.hint) for d in diagnostics] == [
        ("VP101", "Okänd nyckel 'Organ'.", "Menade du 'organ'?")
    ]
    # Without a look-alike, the missing key is still reported.
    _, diagnostics = validate_model(FollowUp, parse_yaml(b"x: 1\nperiod: 2024-T1\n", "f.yaml"))
    assert sorted(d.code for d in diagnostics) == ["VP101", "VP102"]


def test_long_keys_and_numbers_are_cut_in_messages() -> None:
    document = parse_yaml(b"organ: sdn-syd\nperiod: 2024-T1\n" + b"k" * 1000 + b": 1\n", "f.yaml")
    [diagnostic] = validate_model(FollowUp, document)[1]
    assert diagnostic.message == f"Okänd nyckel {'k' * 59 + '…'!r}."


def test_a_list_where_a_mapping_belongs_says_how_to_write_it() -> None:
    document = parse_yaml(b"organ: sdn-syd\nperiod: 2024-T1\naktiviteter:\n  - A1.1\n", "f.yaml")
    [diagnostic] = validate_model(FollowUp, document)[1]
    assert diagnostic.hint == "Skriv nyckel: värde på egna rader under aktiviteter, inte en lista med `- `."


def test_a_folder_named_like_a_yaml_file_is_listed_and_kept(tmp_path: Path) -> None:
    (tmp_path / "2024-T1" / "x.yaml").mkdir(parents=True)
    (tmp_path / "2024-T1" / "x.yaml" / "inuti.yaml").write_text("a: 1\n")
    (tmp_path / "2024-T1" / "a.yaml").write_text("a: 1\n")
    assert followup_files(tmp_path) == [tmp_path / "2024-T1" / "a.yaml", tmp_path / "2024-T1" / "x.yaml"]
    assert expand([tmp_path / "2024-T1" / "x.yaml"], tmp_path / "program.yaml") == [tmp_path / "2024-T1" / "x.yaml"]


def test_a_symlink_loop_given_as_a_path_is_not_the_program(tmp_path: Path) -> None:
    (tmp_path / "slinga.yaml").symlink_to("slinga.yaml")
    assert expand([tmp_path / "slinga.yaml"], tmp_path / "program.yaml") == [tmp_path / "slinga.yaml"]


def test_a_failed_write_is_explained_in_swedish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(os, "link", fail)
    with pytest.raises(WriteRefused, match=r"^Kunde inte skriva .*ny\.yaml: Filsystemet är skrivskyddat\.$"):
        write_atomic(tmp_path / "ny.yaml", "a: 1\n", overwrite=False)


def test_an_unknown_os_error_is_named_without_english() -> None:
    assert os_error_text(OSError(errno.ECONNRESET, os.strerror(errno.ECONNRESET))) == "Systemfel ECONNRESET"
    assert os_error_text(OSError("något")) == "Okänt systemfel"


def test_period_year_zero_is_a_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by the fuzzing: year 0000 once passed the period pattern and crashed Period.last_day."""
    shutil.copy(PROGRAM, tmp_path / "program.yaml")
    (tmp_path / FOLLOWUP).parent.mkdir(parents=True)
    (tmp_path / FOLLOWUP).write_text(VALID.replace("2024-T1", "0000-T1"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["validera"])
    check_output(result)
    assert "uppfoljning/2024-T1/sdn-syd.yaml:2:9: VP105 fel: Värdet för 'period' har fel form" in result.output


def test_a_symlink_loop_named_like_a_file_is_a_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by the corpus: validation.shown() once resolved the path, and Path.resolve() raises on a loop."""
    shutil.copy(PROGRAM, tmp_path / "program.yaml")
    (tmp_path / "uppfoljning").mkdir()
    (tmp_path / "uppfoljning" / "slinga.yaml").symlink_to("slinga.yaml")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["validera"])
    check_output(result)
    assert "uppfoljning/slinga.yaml: VP001 fel: Filen är en symbolisk länk som leder runt i en slinga" in result.output


def test_a_symlink_is_reported_under_its_own_name(tmp_path: Path) -> None:
    """Found by the corpus: a broken link was once reported under its target's name."""
    (tmp_path / "uppfoljning").mkdir()
    (tmp_path / "uppfoljning" / "sdn-syd.yaml").symlink_to("saknas.yaml")
    assert shown(tmp_path / "uppfoljning" / "sdn-syd.yaml", tmp_path) == "uppfoljning/sdn-syd.yaml"


@pytest.mark.parametrize("fmt", ["text", "json", "github", "gitlab"])
def test_no_input_text_is_echoed_beyond_80_characters(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long value, key or id in every place a message may quote it is cut: a file's text never reaches a CI
    log in full."""
    long = "x" * 500
    monkeypatch.chdir(tmp_path)
    shutil.copy(PROGRAM, tmp_path / "program.yaml")
    (tmp_path / FOLLOWUP).parent.mkdir(parents=True)
    (tmp_path / FOLLOWUP).write_text(
        f"organ: sdn-syd\nperiod: 2024-T1\naktiviteter:\n  A1.1: {{status: {long}}}\n"
        f"  A9.{long}: {{status: pågående}}\nindikatorer:\n  I1.2: {{utfall: {long}}}\n"
        f"mal:\n  M1: {{bedomning: {long}}}\n{long}: 1\n",
        encoding="utf-8",
    )
    result = invoke(["validera", "--format", fmt])
    assert result.exit_code == 1
    assert "x" * 81 not in result.output
