"""`mall --format xlsx` and `importera`: the workbook round trip, hand-typed values, hostile workbooks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from conftest import ROOT, TESTS, check_golden
from valdsprogram.cli.app import app
from valdsprogram.forms.xlsx.layout import FIRST_ROW, HEADER_ROW, META_SHEET, SHEET
from valdsprogram.model.followup import FollowUp
from valdsprogram.yaml.reader import read_yaml

EXAMPLES = sorted(p.relative_to(ROOT / "uppfoljning").as_posix() for p in (ROOT / "uppfoljning").glob("*/*.yaml"))


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout


def data(path: Path) -> dict[str, object]:
    """The follow-up's data as the tool reads it: fields left empty, and items with nothing filled in, dropped."""
    document = read_yaml(path)
    assert document.ok, document.diagnostics
    followup = FollowUp.model_validate(document.data)
    dumped = followup.model_dump(exclude_none=True)
    for section in ("aktiviteter", "indikatorer", "mal"):
        items = {ident: {k: v for k, v in fields.items() if v != {}} for ident, fields in dumped[section].items()}
        dumped[section] = {ident: fields for ident, fields in items.items() if fields}
    return dumped


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_example_survives_the_round_trip_through_a_workbook(repo_copy: Path, example: str) -> None:
    period, organ = example.removesuffix(".yaml").split("/")
    original = repo_copy / "uppfoljning" / example
    before = data(original)
    original_text = original.read_text(encoding="utf-8")
    assert run("mall", organ, period, "--format", "xlsx", "-o", "bok.xlsx")[0] == 0
    original.unlink()
    code, output = run("importera", "bok.xlsx")
    if "kvittera" in original_text:
        # The acknowledgement is in the Kvittera column and comes back: shown with its reason, not counted.
        assert (code, output.splitlines()[-1]) == (0, "Inga fel i 1 fil. 1 varning är kvitterad."), output
        assert "VP314 varning (kvitterad)" in output, output
    else:
        assert (code, output) == (0, "Inga fel i 1 fil.\n")
    assert data(original) == before


LIBREOFFICE_EXAMPLES = ["2024-T1/sdn-sodermalm.yaml", "2023-VB/utbildningsnamnden.yaml"]


def libreoffice() -> str:
    """LibreOffice, which tests marked `needs("libreoffice")` are run only with."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found is not None
    return found


TRICKY_TEXTS = {
    "A3.1": '=HYPERLINK("http://example.org")',  # text that a spreadsheet would run as a formula
    "A4.1": "- två punkter\n- på två rader",  # a leading dash, and a line break typed with Alt+Enter
    "A5.2": '@Kalle "citat" och 100 %; tabb\tinne',
}


def save_in_calc(folder: Path, workbook: str) -> Path:
    """Open the workbook in LibreOffice Calc and save it as .xlsx, as a user saving in Calc does."""
    soffice = libreoffice()
    profile = (folder / "lo-profil").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to"]
    subprocess.run(
        [*command, "xlsx:Calc MS Excel 2007 XML", "--outdir", "calc", workbook],
        check=True,
        capture_output=True,
        timeout=180,
        cwd=folder,
    )
    saved = folder / "calc" / workbook
    assert saved.read_bytes() != (folder / workbook).read_bytes()
    return saved


@pytest.mark.needs("libreoffice")
@pytest.mark.parametrize("example", [*LIBREOFFICE_EXAMPLES, "texter"])
def test_a_workbook_saved_by_libreoffice_calc_reads_back_the_same(repo_copy: Path, example: str) -> None:
    if example == "texter":
        example = "2024-T1/sdn-sodermalm.yaml"
        path = repo_copy / "uppfoljning" / example
        text = path.read_text(encoding="utf-8")
        for ident, tricky in TRICKY_TEXTS.items():
            start = text.index(f"  {ident}:")
            line_start = text.index("    kommentar: ", start)
            line_end = text.index("\n", line_start)
            text = text[:line_start] + f"    kommentar: {json.dumps(tricky, ensure_ascii=False)}" + text[line_end:]
        path.write_text(text, encoding="utf-8")
    period, organ = example.removesuffix(".yaml").split("/")
    original = repo_copy / "uppfoljning" / example
    before = data(original)
    assert run("mall", organ, period, "--format", "xlsx", "-o", "bok.xlsx")[0] == 0
    save_in_calc(repo_copy, "bok.xlsx")
    original.unlink()
    assert run("importera", "calc/bok.xlsx") == (0, "Inga fel i 1 fil.\n")
    assert data(original) == before


def fill_workbook(path: Path, changes: dict[tuple[str, str], Any], formats: dict[tuple[str, str], str]) -> None:
    """Fill every open cell validly, as a careful controller would, then type `changes` (id, header) → value."""
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET]
    headers = {str(c.value): c.column for c in sheet[HEADER_ROW] if c.value}
    good = {"procent": 80, "antal": 12, "ja/nej": "ja"}
    for row in range(FIRST_ROW, sheet.max_row + 1):
        kind, ident, unit = (sheet.cell(row, headers[h]).value for h in ("Typ", "Id", "Enhet"))
        answers: dict[str, dict[str, Any]] = {
            "Aktivitet": {"Status": "pågående"},
            "Indikator": {"Utfall": good.get(str(unit)), "Årsmål": good.get(str(unit))},
            "Mål": {"Bedömning": "helt"},
        }
        for header, answer in answers.get(str(kind), {}).items():
            if sheet.cell(row, headers[header]).value is None:
                sheet.cell(row, headers[header]).value = answer
        for (where, header), value in changes.items():
            if where == ident:
                sheet.cell(row, headers[header]).value = value
                if (where, header) in formats:
                    sheet.cell(row, headers[header]).number_format = formats[where, header]
    for (where, header), value in changes.items():
        if where == "beslut":
            sheet[header] = value
    book.save(path)


def test_hand_typed_values_are_read_as_a_swede_types_them(repo_copy: Path, update_golden: bool) -> None:
    assert run("mall", "sdn-sodermalm", "2024-VB", "--format", "xlsx", "-o", "bok.xlsx")[0] == 0
    certain = {
        ("I2.3", "Utfall"): "62,5",  # decimal comma, stored as text
        ("I7.3", "Utfall"): "62 %",  # a percent sign
        ("I5.2", "Utfall"): 0.85,  # Excel's own percentage: shown as 85 %
        ("I2.1", "Utfall"): "Ja ",  # ja/nej, capital and a trailing space
        ("I3.3", "Utfall"): "1 234",  # a space between thousands
        ("I4.3", "Utfall"): "102",  # a number stored as text
        ("A1.2", "Status"): "Pågående ",
        ("M1", "Bedömning"): "Delvis uppfyllt",
        ("M1", "Kommentar / analys"): "  Rutinen är inte på plats i alla enheter.  ",
        ("beslut", "C2"): "21/5 2024",  # a Swedish date typed as text
    }
    typing = {
        ("I3.4", "Utfall"): "1.234",  # 1234 or 1,234?
        ("I4.3", "Årsmål"): "ca 300",
        ("I7.1", "Utfall"): "kanske",
        ("A1.4", "Status"): "klar",
        ("M2", "Bedömning"): "bra",
        ("I3.3", "Årsmål"): "400 %",  # a percent sign on a count
        ("I2.3", "Täljare"): "12,5",
        ("I6.1", "Utfall"): "1",  # ja or nej?
        ("A3.1", "Utfall"): 5,  # an outcome on an activity row
    }
    fill_workbook(repo_copy / "bok.xlsx", {**certain, **typing}, {("I5.2", "Utfall"): "0%"})
    code, first = run("importera", "bok.xlsx")
    assert code == 1
    written = read_yaml(repo_copy / "uppfoljning" / "2024-VB" / "sdn-sodermalm.yaml").data
    assert isinstance(written, dict)
    indicators, activities, goals = written["indikatorer"], written["aktiviteter"], written["mal"]
    assert [indicators[i]["utfall"] for i in ("I2.3", "I7.3", "I5.2", "I2.1", "I3.3", "I4.3")] == [
        62.5,
        62,
        85,
        True,
        1234,
        102,
    ]
    assert activities["A1.2"]["status"] == "pågående"
    assert written["beslut"] == {"datum": "2024-05-21"}
    assert goals["M1"] == {"bedomning": "delvis", "analys": "Rutinen är inte på plats i alla enheter."}
    # Typed right, the values meet the rules, which speak of cells too.
    assert run("mall", "sdn-sodermalm", "2024-VB", "--format", "xlsx", "-o", "bok.xlsx", "--skriv-over")[0] == 0
    rules = {
        ("I7.2", "Utfall"): 150,  # a share above 100 %
        ("A2.1", "Status"): "försenad",  # without the comment it needs
        ("M3", "Bedömning"): None,  # required in VB
    }
    fill_workbook(repo_copy / "bok.xlsx", rules, {})
    code, second = run("importera", "bok.xlsx", "--skriv-over")
    assert code == 1
    check_golden(TESTS / "data" / "workbooks" / "handskrivet.txt", first + second, update=update_golden)


def test_every_problem_names_its_cell_in_every_output_format(repo_copy: Path) -> None:
    assert run("mall", "sdn-sodermalm", "2024-VB", "--format", "xlsx", "-o", "bok.xlsx")[0] == 0
    fill_workbook(repo_copy / "bok.xlsx", {("I4.3", "Årsmål"): "ca 300"}, {})
    for fmt in ("text", "json", "github", "gitlab"):
        code, output = run("importera", "bok.xlsx", "--skriv-over", "--format", fmt)
        assert code == 1
        assert "Uppföljning!H" in output, fmt
    code, output = run("importera", "bok.xlsx", "--skriv-over", "--format", "json")
    (found,) = json.loads(output)["diagnostics"]
    assert found["path"] == "uppfoljning/2024-VB/sdn-sodermalm.yaml"
    lines = (repo_copy / found["path"]).read_text(encoding="utf-8").splitlines()
    assert lines[found["line"] - 1] == "    arsmal: ca 300"


def test_an_acknowledgement_typed_in_the_kvittera_column_is_read_or_named_by_its_cell(repo_copy: Path) -> None:
    """One `VP314: skäl` a line is read as the acknowledgement; a line that is not one is an error at its cell, and
    an acknowledgement of a warning not given there is named by its cell too."""
    assert run("mall", "sdn-sodermalm", "2024-VB", "--format", "xlsx", "-o", "bok.xlsx")[0] == 0
    book = repo_copy / "bok.xlsx"
    raised = {("I3.3", "Årsmål"): 410}  # 400 in 2024-T1: VP314 warns, and the body acknowledges it
    fill_workbook(book, {**raised, ("I3.3", "Kvittera"): "vp314 :  Årsmålet höjdes av nämnden "}, {})
    code, output = run("importera", "bok.xlsx", "-o", "ok.yaml")
    assert (code, output.splitlines()[-1]) == (0, "Inga fel i 1 fil. 1 varning är kvitterad."), output
    assert "VP314 varning (kvitterad): Uppföljning!H" in output, output
    lines = (repo_copy / "ok.yaml").read_text(encoding="utf-8").splitlines()
    at = lines.index("    kvittera:")
    assert lines[at + 1] == '      VP314: "Årsmålet höjdes av nämnden"'
    assert [line for line in lines[:at] if line.startswith("  I")][-1].startswith("  I3.3:")

    fill_workbook(book, {**raised, ("I3.3", "Kvittera"): "VP314: Årsmålet höjdes av nämnden\nårsmålet är nytt"}, {})
    code, output = run("importera", "bok.xlsx", "-o", "fel.yaml")
    assert code == 1
    assert "VP412 fel: Uppföljning!N" in output, output
    assert "'årsmålet är nytt' är ingen kvittering" in output, output

    fill_workbook(book, {("I3.3", "Kvittera"): None, ("I4.3", "Kvittera"): "VP314: Årsmålet höjdes"}, {})
    code, output = run("importera", "bok.xlsx", "-o", "annan.yaml")
    assert "VP327 varning: Uppföljning!N" in output, output
    assert "VP314 kvitteras för I4.3, men ges inte där." in output, output


def rezip(source: Path, target: Path, change: dict[str, bytes | None]) -> None:
    """A copy of the workbook with parts replaced, added or (None) removed."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            if name not in change:
                new.writestr(name, old.read(name))
        for name, content in change.items():
            if content is not None:
                new.writestr(name, content)


def hostile(folder: Path) -> dict[str, Path]:
    """One workbook for each way a file can be refused, built from a real workbook from mall."""
    good = folder / "bok.xlsx"
    made: dict[str, Path] = {}

    def variant(name: str, change: dict[str, bytes | None]) -> None:
        made[name] = folder / name
        rezip(good, made[name], change)

    (folder / "text.xlsx").write_text("organ: sdn-sodermalm\n", encoding="utf-8")
    made["text.xlsx"] = folder / "text.xlsx"
    (folder / "krypterad.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    made["krypterad.xlsx"] = folder / "krypterad.xlsx"
    made["makro.xlsm"] = folder / "makro.xlsm"
    shutil.copy(good, made["makro.xlsm"])
    variant("vba.xlsx", {"xl/vbaProject.bin": b"\x00" * 64})
    variant("extern-lank.xlsx", {"xl/externalLinks/externalLink1.xml": b"<externalLink/>"})
    variant("zip-bomb.xlsx", {"xl/media/image1.png": bytes(60 * 1024 * 1024)})
    sheet = zipfile.ZipFile(good).read("xl/worksheets/sheet1.xml")
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    variant("entiteter.xlsx", {"xl/worksheets/sheet1.xml": laughs + sheet.split(b"?>", 1)[-1]})
    book = openpyxl.load_workbook(good)
    book[SHEET]["F30"] = "=F28*2"  # a formula openpyxl saves without a computed value
    book.save(folder / "formel.xlsx")
    made["formel.xlsx"] = folder / "formel.xlsx"
    book = openpyxl.load_workbook(good)
    for row in range(1, 2502):
        book[SHEET].cell(row + 100, 1, "x")
    book.save(folder / "stort-blad.xlsx")
    made["stort-blad.xlsx"] = folder / "stort-blad.xlsx"
    book = openpyxl.load_workbook(good)
    del book[META_SHEET]
    book.save(folder / "utan-dolt-blad.xlsx")
    made["utan-dolt-blad.xlsx"] = folder / "utan-dolt-blad.xlsx"
    book = openpyxl.load_workbook(good)
    book[META_SHEET]["B2"] = "ett-annat-program"
    book.save(folder / "annat-program.xlsx")
    made["annat-program.xlsx"] = folder / "annat-program.xlsx"
    book = openpyxl.load_workbook(good)
    book[META_SHEET]["B4"] = "sdn-atlantis"
    book.save(folder / "okant-organ.xlsx")
    made["okant-organ.xlsx"] = folder / "okant-organ.xlsx"
    made["saknas.xlsx"] = folder / "saknas.xlsx"
    return made


def test_hostile_workbooks_are_refused_and_nothing_is_written(repo_copy: Path, update_golden: bool) -> None:
    assert openpyxl.DEFUSEDXML, "openpyxl must parse through defusedxml"
    assert run("mall", "sdn-sodermalm", "2024-VB", "--format", "xlsx", "-o", "bok.xlsx")[0] == 0
    before = sorted(p.as_posix() for p in (repo_copy / "uppfoljning").rglob("*"))
    outputs = []
    for name, path in hostile(repo_copy).items():
        result = CliRunner().invoke(app, ["importera", path.name])
        assert result.exit_code == 1, (name, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), name
        assert "Traceback" not in result.output
        assert result.stderr.endswith("inget skrevs.\n"), name
        outputs.append(result.stdout)
    assert sorted(p.as_posix() for p in (repo_copy / "uppfoljning").rglob("*")) == before
    check_golden(TESTS / "data" / "workbooks" / "fientliga.txt", "".join(outputs), update=update_golden)


def test_formulas_error_values_and_changed_rows_are_named_by_cell(repo_copy: Path, update_golden: bool) -> None:
    assert run("mall", "sdn-sodermalm", "2024-VB", "--format", "xlsx", "-o", "bok.xlsx")[0] == 0
    fill_workbook(repo_copy / "bok.xlsx", {("I3.4", "Utfall"): "=F26*2", ("I4.3", "Årsmål"): "#DIV/0!"}, {})
    book = openpyxl.load_workbook(repo_copy / "bok.xlsx")
    sheet = book[SHEET]
    sheet["A8"] = "Aktivitett"  # the locked Typ column changed (sheet protection removed)
    sheet["B10"] = "A2.1"  # the same id on two rows
    book.save(repo_copy / "bok.xlsx")
    # As Excel saves it: the formula with its computed value.
    with zipfile.ZipFile(repo_copy / "bok.xlsx") as old:
        part = old.read("xl/worksheets/sheet1.xml").replace(b"<f>F26*2</f><v />", b"<f>F26*2</f><v>24</v>")
    rezip(repo_copy / "bok.xlsx", repo_copy / "excel.xlsx", {"xl/worksheets/sheet1.xml": part})
    code, output = run("importera", "excel.xlsx")
    assert code == 1
    check_golden(TESTS / "data" / "workbooks" / "formler-och-rader.txt", output, update=update_golden)
    written = read_yaml(repo_copy / "uppfoljning" / "2024-VB" / "sdn-sodermalm.yaml").data
    assert isinstance(written, dict)
    assert written["indikatorer"]["I3.4"]["utfall"] == 24


def test_the_workbook_locks_texts_opens_answers_and_lists_choices(repo_copy: Path) -> None:
    assert run("mall", "sdn-sodermalm", "2024-T2", "--format", "xlsx", "-o", "bok.xlsx")[0] == 0
    first = (repo_copy / "bok.xlsx").read_bytes()
    assert run("mall", "sdn-sodermalm", "2024-T2", "--format", "xlsx", "-o", "bok.xlsx")[0] == 1  # never replaced
    assert run("mall", "sdn-sodermalm", "2024-T2", "--format", "xlsx", "-o", "bok.xlsx", "--skriv-over")[0] == 0
    assert (repo_copy / "bok.xlsx").read_bytes() == first  # the same form, the same bytes
    book = openpyxl.load_workbook(repo_copy / "bok.xlsx")
    assert book.sheetnames == [SHEET, "Instruktioner", META_SHEET]
    assert book[META_SHEET].sheet_state == "hidden"
    assert [[c.value for c in row] for row in book[META_SHEET].iter_rows()] == [
        ["format", "valdsprogram-uppföljning 1"],
        ["program", "stockholm-vald-2021-2025"],
        ["revision", "2024-01-01"],  # the revision in force on 2024-08-31
        ["organ", "sdn-sodermalm"],
        ["period", "2024-T2"],
    ]
    sheet = book[SHEET]
    assert sheet.protection.sheet
    headers = {str(c.value): c.column_letter for c in sheet[HEADER_ROW] if c.value}
    rows = {str(sheet[f"B{r}"].value): r for r in range(FIRST_ROW, sheet.max_row + 1) if sheet[f"B{r}"].value}
    unlocked = {
        (ident, header)
        for ident, r in rows.items()
        for header, letter in headers.items()
        if not sheet[f"{letter}{r}"].protection.locked
    }
    assert ("A1.2", "Status") in unlocked
    assert ("I3.3", "Prognos (helår)") in unlocked  # a count that accumulates: the tertial asks for a forecast
    assert ("M1", "Bedömning") in unlocked
    assert not {h for _, h in unlocked} & {"Typ", "Id", "Text", "Enhet", "Anmärkning"}
    assert ("A1.2", "Utfall") not in unlocked
    assert sheet[f"{headers['Status']}{rows['A1.2']}"].value == "pågående"  # carried from 2024-T1
    assert sheet[f"{headers['Årsmål']}{rows['I3.3']}"].value == 400
    lists = {dv.formula1: str(dv.sqref) for dv in sheet.data_validations.dataValidation if dv.type == "list"}
    assert f"{headers['Status']}{rows['A1.2']}" in lists['"ej påbörjad,pågående,försenad,genomförd,utgår"']
    assert f"{headers['Bedömning']}{rows['M1']}" in lists['"helt,delvis,inte"']


def test_importera_never_replaces_a_follow_up_unasked(repo_copy: Path) -> None:
    assert run("mall", "sdn-sodermalm", "2024-T1", "--format", "xlsx", "-o", "bok.xlsx")[0] == 0
    filed = repo_copy / "uppfoljning" / "2024-T1" / "sdn-sodermalm.yaml"
    before = filed.read_bytes()
    result = CliRunner().invoke(app, ["importera", "bok.xlsx"])
    assert result.exit_code == 1
    assert "finns redan och skrivs inte över. Ange --skriv-over" in result.stderr
    assert filed.read_bytes() == before


@pytest.mark.parametrize("kind", ["pipe", "mapp"])
def test_importera_refuses_a_pipe_or_a_folder_unopened(repo_copy: Path, kind: str) -> None:
    """Opening a named pipe would wait forever for a writer; it is a finding at the file instead (exit 1)."""
    path = repo_copy / "bok.xlsx"
    if kind == "pipe":
        os.mkfifo(path)
    else:
        path.mkdir()
    described = "en mapp" if kind == "mapp" else "ingen vanlig fil (utan till exempel en pipe eller en enhet)"
    code, output = run("importera", "bok.xlsx")
    assert code == 1
    assert output.startswith(f"bok.xlsx: VP401 fel: Filen är {described}.\n"), output
