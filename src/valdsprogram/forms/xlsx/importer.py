"""`importera`: a filled-in follow-up workbook back to the follow-up YAML, with every problem located at its cell."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from valdsprogram.check.validation import shown
from valdsprogram.codes import code
from valdsprogram.diagnostics import Diagnostic, Validation
from valdsprogram.forms.followup_yaml import FormYaml, followup_path, form_yaml, modeline_path
from valdsprogram.forms.form import Form, Loc, fill_form
from valdsprogram.forms.xlsx.cells import Refused, read_cells
from valdsprogram.forms.xlsx.guard import check_workbook_file
from valdsprogram.forms.xlsx.layout import (
    FORMAT_MARK,
    META_KEYS,
    META_SHEET,
    cell_name,
)
from valdsprogram.forms.xlsx.reader import CellProblem, read_values
from valdsprogram.output.schemas import schema_file
from valdsprogram.workspace import Workspace, WorkspaceError
from valdsprogram.writing import write_atomic

EMITS = ("VP401", "VP407", "VP408")
"""The codes this module gives, each in the catalogue (tests/test_rule_codes.py holds them to it)."""


@dataclass(slots=True)
class Imported:
    """A workbook read as a follow-up, or the reasons it was refused."""

    source: str
    """The workbook, as the user named it."""
    refused: list[Diagnostic] = field(default_factory=list)
    """Why nothing may be written (hostile, not from `mall`, for another program); empty when the import goes on."""
    form: Form | None = None
    yaml: FormYaml | None = None
    """The follow-up to write."""
    target: Path | None = None
    """Where the follow-up belongs: <uppfoljning>/<period>/<organ>.yaml."""
    cells: dict[Loc, str] = field(default_factory=dict)
    """Each field read → the cell it came from."""
    problems: list[CellProblem] = field(default_factory=list)
    """What the importer found in the cells: values it could not read with certainty, formulas, stray values."""


@dataclass(frozen=True, slots=True)
class WorkbookImport:
    """What `importera` gives: the follow-up written from a workbook and its problems, each at its cell and line;
    or, for a refused workbook, why nothing was written."""

    source: str
    """The workbook, as the user named it."""
    path: Path | None
    """Where the follow-up was written; None when the workbook was refused."""
    text: str | None
    """The follow-up YAML that was written; None when the workbook was refused."""
    diagnostics: list[Diagnostic]
    """The written follow-up's problems (the importer's own included), or why the workbook was refused."""

    @property
    def refused(self) -> bool:
        """Whether the workbook was refused, so that nothing was written."""
        return self.text is None

    @property
    def validation(self) -> Validation:
        """The diagnostics as `render_validation` takes them (one file: the follow-up, or the refused workbook)."""
        return Validation(self.diagnostics, 1)

    @property
    def refusal(self) -> str:
        """What the command line says on stderr when the workbook was refused."""
        return f"{self.source} lästes inte in; inget skrevs."


def import_workbook(
    workbook: Path,
    workspace: Workspace,
    *,
    target: Path | None = None,
    overwrite: bool = False,
    folder: Path | None = None,
    base: Path | None = None,
) -> WorkbookImport:
    """Read a workbook made by `mall --format xlsx`, write it as the follow-up YAML, and validate what was written
    (`importera`); paths are shown relative to `base`.

    The follow-up goes to `target`, by default its place <folder>/<period>/<organ>.yaml in `folder` (by default
    the workspace's follow-up folder). A hostile or foreign workbook is refused with diagnostics and nothing is
    written (`refused`); a target that exists without `overwrite`, or that cannot be written, raises WriteRefused.
    """
    from valdsprogram.forms.xlsx.import_check import check_imported  # it imports this module's Imported

    program = workspace.program_path
    folder = folder or workspace.folder
    if program is None or folder is None:
        raise ValueError("import_workbook needs a workspace from open_workspace with a follow-up folder, or folder=")
    imported = read_workbook(workspace, workbook, folder, schema=schema_file(program, "uppfoljning"), base=base)
    if imported.refused or imported.yaml is None or imported.target is None:
        return WorkbookImport(imported.source, None, None, imported.refused)
    written = target or imported.target
    write_atomic(written, imported.yaml.text, overwrite=overwrite)
    found = check_imported(imported, program, folder, written, base=base)
    return WorkbookImport(imported.source, written, imported.yaml.text, found)


def read_workbook(
    workspace: Workspace, path: Path, folder: Path, *, schema: Path, base: Path | None = None
) -> Imported:
    """Read a workbook made by `mall --format xlsx` and turn it into the follow-up YAML (not yet written).

    `schema` is the follow-up schema's file, for the YAML's modeline.
    """
    source = shown(path, base)
    result = Imported(source)
    result.refused = check_workbook_file(path, source)
    if result.refused:
        return result
    try:
        sheet_rows, meta = read_cells(path)
    except Refused as refusal:
        result.refused = [code(refusal.code).at(source, 0, 0, refusal.message, refusal.hint)]
        return result
    except Exception:  # openpyxl raises many kinds of error on a broken or hostile file; none may escape
        result.refused = [
            code("VP401").at(
                source,
                0,
                0,
                "Arbetsboken går inte att läsa; den är skadad eller inte en Excel-arbetsbok.",
                "Öppna den i Excel, spara den som .xlsx och läs in den igen.",
            )
        ]
        return result
    field = "period"  # the cell a WorkspaceError is about: the period's, until the period is known
    try:
        organ, period_text = _check_meta(workspace, meta, source)
        period = workspace.period(period_text)
        field = "organ"
        workspace.body(organ, period)
    except Refused as refusal:
        result.refused = [code(refusal.code).at(source, 0, 0, refusal.message, refusal.hint)]
        return result
    except WorkspaceError as error:
        result.refused = [
            code("VP408").at(
                source,
                0,
                0,
                f"{cell_name('B', 1 + META_KEYS.index(field), META_SHEET)}: {error}",
                "Skapa arbetsboken med valdsprogram mall.",
            )
        ]
        return result
    result.cells["organ",] = cell_name("B", 1 + META_KEYS.index("organ"), META_SHEET)
    result.cells["period",] = cell_name("B", 1 + META_KEYS.index("period"), META_SHEET)
    try:
        values = read_values(workspace, organ, period_text, sheet_rows, result.cells, result.problems)
    except Refused as refusal:
        result.refused = [code(refusal.code).at(source, 0, 0, refusal.message, refusal.hint)]
        return result
    form = fill_form(workspace, organ, period, values)
    result.form = form
    result.target = followup_path(folder, form)
    modeline = modeline_path(schema, result.target.parent)
    result.yaml = form_yaml(form, f"valdsprogram importera {Path(source).name}", schema=modeline)
    return result


def _check_meta(workspace: Workspace, meta: dict[str, str], source: str) -> tuple[str, str]:
    if meta.get("format") != FORMAT_MARK:
        raise Refused(
            "VP407",
            f"Bladet {META_SHEET!r} säger inte att arbetsboken är en uppföljning från valdsprogram mall.",
            "Skapa arbetsboken med valdsprogram mall ORGAN PERIOD --format xlsx.",
        )
    program_id = workspace.index.program.id
    if meta.get("program") != program_id:
        raise Refused(
            "VP408",
            f"{cell_name('B', 1 + META_KEYS.index('program'), META_SHEET)}: arbetsboken hör till programmet "
            f"{meta.get('program')!r}, inte {program_id!r}.",
            "Läs in den mot rätt program med --program.",
        )
    return meta.get("organ", ""), meta.get("period", "")
