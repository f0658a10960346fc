"""Checks on a workbook before anything parses it: what a hostile or wrong file is refused for, unopened.

An .xlsx file is a zip of XML parts. Before openpyxl reads it, the archive itself is checked: its size and the
sizes it claims (a zip bomb), encryption (a password), macros, external links and data connections, and
document type declarations (the XML entity attacks; openpyxl also parses through defusedxml).
"""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path
from typing import Protocol

from valdsprogram.codes import code
from valdsprogram.diagnostics import Diagnostic
from valdsprogram.text import os_error_text

EMITS = ("VP401", "VP402", "VP403", "VP404", "VP405", "VP406")
"""The codes this module gives, each in the catalogue (tests/test_rule_codes.py holds them to it)."""

MAX_FILE_BYTES = 10 * 1024 * 1024
"""A filled-in follow-up workbook is about 15 kB."""
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
"""What the parts may add up to when unpacked."""
MAX_RATIO = 100
"""A part that unpacks to more than this many times its packed size (and more than 1 MiB) is a zip bomb."""
MAX_PARTS = 500
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""An encrypted (password-protected) workbook, or an old .xls file, is an OLE compound file, not a zip."""
_SNIFF_BYTES = 4096


def check_workbook_file(path: Path, shown: str) -> list[Diagnostic]:
    """Why the file must not be opened as a follow-up workbook; empty when it may."""

    def refuse(code_id: str, message: str, hint: str = "") -> list[Diagnostic]:
        return [code(code_id).at(shown, 0, 0, message, hint)]

    save_as = "Spara den som Excel-arbetsbok (.xlsx) och läs in den igen."
    if path.suffix.lower() in (".xlsm", ".xltm", ".xlsb"):
        return refuse("VP403", "Arbetsboken kan innehålla makron (filtypen är " + path.suffix + ").", save_as)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # never opened: a pipe would hang the run
            kind = (
                "en mapp"
                if stat.S_ISDIR(info.st_mode)
                else "ingen vanlig fil (utan till exempel en pipe eller en enhet)"
            )
            return refuse("VP401", f"Filen är {kind}.", "Ange arbetsboken från valdsprogram mall.")
        size = info.st_size
        if size > MAX_FILE_BYTES:
            return refuse("VP405", f"Filen är {size // 1_048_576} MiB; en uppföljning i Excel är några tiotal kB.")
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as error:
        return refuse("VP401", f"Filen kan inte läsas: {os_error_text(error)}.", "Kontrollera sökvägen.")
    if head == _OLE_MAGIC:
        return refuse(
            "VP402",
            "Arbetsboken är lösenordsskyddad (krypterad) eller sparad i det gamla formatet .xls.",
            "Ta bort lösenordet (Arkiv → Info → Skydda arbetsbok → Kryptera med lösenord), spara arbetsboken "
            "som .xlsx och läs in den igen.",
        )
    if not zipfile.is_zipfile(path):
        return refuse("VP401", "Filen är ingen Excel-arbetsbok (.xlsx).", "Ange arbetsboken från valdsprogram mall.")
    try:
        with zipfile.ZipFile(path) as archive:
            return _check_parts(archive, refuse, save_as)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
        return refuse("VP401", "Arbetsboken är skadad och går inte att packa upp.", save_as)


def _check_parts(archive: zipfile.ZipFile, refuse: _Refuse, save_as: str) -> list[Diagnostic]:
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        return refuse("VP405", f"Arbetsboken består av {len(parts)} delar; en uppföljning har ett tjugotal.")
    if sum(p.file_size for p in parts) > MAX_UNPACKED_BYTES:
        return refuse("VP405", "Arbetsboken blir orimligt stor uppackad (en så kallad zip-bomb).")
    for part in parts:
        if part.file_size > 1_048_576 and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            return refuse("VP405", f"Delen {part.filename} blir orimligt stor uppackad (en så kallad zip-bomb).")
        if part.flag_bits & 0x1:
            return refuse(
                "VP402",
                "Arbetsbokens delar är krypterade.",
                "Ta bort lösenordet, spara arbetsboken som .xlsx och läs in den igen.",
            )
    names = [p.filename.lower() for p in parts]
    if any(n.endswith("vbaproject.bin") or "/vba" in n for n in names) or _mentions(archive, b"macroEnabled"):
        return refuse("VP403", "Arbetsboken innehåller makron.", save_as)
    if any(n.startswith("xl/externallinks/") for n in names):
        return refuse(
            "VP404",
            "Arbetsboken har länkar till andra arbetsböcker.",
            "Bryt länkarna (Data → Redigera länkar → Bryt länk) så att bara värdena finns kvar, och spara igen.",
        )
    if "xl/connections.xml" in names:
        return refuse(
            "VP404",
            "Arbetsboken hämtar data från en extern källa (dataanslutning).",
            "Ta bort anslutningen (Data → Frågor och anslutningar) och spara igen.",
        )
    for part in parts:
        if part.filename.lower().endswith((".xml", ".rels", ".vml")):
            with archive.open(part) as member:
                head = member.read(_SNIFF_BYTES)
            if (
                b"<!DOCTYPE" in head.upper()
                or b"<!ENTITY" in head.upper()
                or head.startswith((b"\xff\xfe", b"\xfe\xff"))
            ):
                return refuse(
                    "VP406",
                    f"Delen {part.filename} innehåller en dokumenttypsdeklaration (DOCTYPE), som Excel aldrig skriver.",
                    "Arbetsboken kan vara manipulerad. Skapa en ny med valdsprogram mall och för över värdena.",
                )
    return []


def _mentions(archive: zipfile.ZipFile, needle: bytes) -> bool:
    try:
        with archive.open("[Content_Types].xml") as member:
            return needle in member.read(1_048_576)
    except KeyError:
        return False


class _Refuse(Protocol):
    def __call__(self, code_id: str, message: str, hint: str = "") -> list[Diagnostic]: ...
