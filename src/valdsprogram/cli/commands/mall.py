"""`valdsprogram mall`."""

from pathlib import Path
from typing import Annotated

import typer

from valdsprogram.cli.options import CompilationOption, FollowUpOption, OverwriteOption, ProgramOption, id_argument
from valdsprogram.cli.output import fail, refuse_unreadable_size, usage_errors, workspace_for, write
from valdsprogram.output.formats import TemplateFormat


def mall(
    organ: Annotated[
        str,
        id_argument(
            "organ", "Organets id, till exempel sdn-sodermalm; `sammanstallning` för socialnämndens sammanställning."
        ),
    ],
    period: Annotated[
        str,
        id_argument("period", "Perioden, till exempel 2024-T2."),
    ],
    *,
    format: Annotated[
        TemplateFormat,
        typer.Option(
            "--format", "-f", help="En YAML-fil, eller en Excel-arbetsbok att fylla i och läsa in med importera."
        ),
    ] = TemplateFormat.YAML,
    utfil: Annotated[
        Path | None,
        typer.Option(
            "--utfil",
            "-o",
            help="Filen att skriva (standard: uppfoljning/PERIOD/ORGAN.yaml, eller ORGAN-PERIOD.xlsx).",
            show_default=False,
        ),
    ] = None,
    program: ProgramOption = Path("program.yaml"),
    uppfoljning: FollowUpOption = Path("uppfoljning"),
    sammanstallning: CompilationOption = None,
    skriv_over: OverwriteOption = False,
) -> None:
    """Skriv en förifylld uppföljning för ett organ och en period, eller (`mall sammanstallning PERIOD`)
    socialnämndens sammanställning med periodens nyckeltal. Skriver aldrig över utan --skriv-over.

    Som arbetsbok (--format xlsx) innehåller uppföljningen organets inlämnade värden för perioden, om de finns,
    så att de kan rättas i Excel.
    """
    from valdsprogram.sources import COMPILATION_FOLDER, compilation_folder

    compiling = organ == COMPILATION_FOLDER
    if format is TemplateFormat.XLSX:
        from valdsprogram.forms.form import build_form
        from valdsprogram.forms.xlsx.writer import form_workbook

        if compiling:
            raise fail("sammanställningen skrivs bara som YAML; utelämna --format xlsx.")
        with usage_errors():
            form = build_form(workspace_for(program, uppfoljning, may_be_missing=True), organ, period, use_filed=True)
        target = utfil or Path(f"{form.body.id}-{form.period}.xlsx")
        write(target, form_workbook(form), overwrite=skriv_over)
        source = (
            f" Med den inlämnade uppföljningen för {form.period}."
            if form.filed
            else (f" Status och årsmål från {form.earlier}." if form.earlier else "")
        )
        typer.echo(
            f"Skrev {target.as_posix()}.{source} Fyll i den i Excel och läs in den med "
            f"`valdsprogram importera {target.as_posix()}`."
        )
        return
    from valdsprogram import prefilled_followup
    from valdsprogram.forms.compilation_yaml import prefill_compilation

    # The schemas live beside the program (`valdsprogram schema` writes them there in a repository's root).
    schema_file = program.parent / "schema" / f"{'sammanstallning' if compiling else 'uppfoljning'}.schema.json"
    with usage_errors():
        workspace = workspace_for(
            program, uppfoljning, sammanstallning, may_be_missing=True
        )  # mall writes the first file
        if compiling:
            result = prefill_compilation(
                workspace, period, sammanstallning or compilation_folder(uppfoljning), schema=schema_file
            )
        else:
            result = prefilled_followup(workspace, organ, period, uppfoljning, schema=schema_file)
    target = utfil or result.path
    refuse_unreadable_size(result.text)
    write(target, result.text, overwrite=skriv_over)
    carried = f" Status och årsmål från {result.carried_from}." if result.carried_from else ""
    typer.echo(f"Skrev {target.as_posix()}.{carried} Fyll i den och kör `valdsprogram validera`.")
    if not schema_file.is_file():
        folder = schema_file.parent.as_posix()
        typer.echo(
            f"Editorn hittar inget schema i {folder}/ för att komplettera och kontrollera filen; "
            f"skriv det med `valdsprogram schema --mapp {folder}`."
        )
