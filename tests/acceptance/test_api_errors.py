"""The one exception root: every refusal is a `ValdsprogramError` carrying its exit code and a Swedish message."""

from __future__ import annotations

import pytest

import valdsprogram as vp
from valdsprogram.errors import ValdsprogramError
from valdsprogram.forms.xlsx.cells import Refused
from valdsprogram.git.log import GitUnavailable
from valdsprogram.output.pdf import PdfUnavailable
from valdsprogram.output.sandbox import TemplateProblem
from valdsprogram.report.lookup import NotFound
from valdsprogram.sources import SourceError
from valdsprogram.workspace import WorkspaceError
from valdsprogram.writing import WriteRefused

REFUSALS: list[tuple[ValdsprogramError, int]] = [
    (WorkspaceError("Organet 'x' finns inte i programmet."), 2),
    (NotFound("Målet 'M9' finns inte i programmet."), 2),
    (SourceError("uppföljningsmappen u finns inte."), 2),
    (TemplateProblem("Mallen x.md.j2 kan inte läsas."), 2),
    (PdfUnavailable("PDF kräver tillägget pdf (WeasyPrint)."), 2),
    (GitUnavailable("git är inte installerat."), 2),
    (WriteRefused("a.md finns redan och skrivs inte över.", exists=True), 1),
    (WriteRefused("Kan inte skriva a.md: Åtkomst nekad."), 2),
    (Refused("VP405", "Bladet har fler än 1000 rader."), 1),
]


@pytest.mark.parametrize(("error", "exit_code"), REFUSALS, ids=[type(e).__name__ for e, _ in REFUSALS])
def test_each_refusal_is_a_valdsprogram_error_with_its_exit_code(error: ValdsprogramError, exit_code: int) -> None:
    assert isinstance(error, vp.ValdsprogramError)
    assert error.exit_code == exit_code
    assert str(error) == error.args[0]


def test_the_root_is_public_and_the_public_errors_derive_from_it() -> None:
    assert vp.ValdsprogramError is ValdsprogramError
    assert issubclass(vp.WorkspaceError, vp.ValdsprogramError)
    assert issubclass(vp.TemplateProblem, vp.ValdsprogramError)
    assert ValdsprogramError.exit_code == 2


def test_workspace_errors_keep_their_diagnostics() -> None:
    assert WorkspaceError("x").diagnostics == []
