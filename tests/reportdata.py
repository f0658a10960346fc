"""A small workspace for report tests: two bodies over 2023–2024, a sensitive count whose small numbers are
masked, and an analysis with `<script>` and `|` in it."""

from __future__ import annotations

from pathlib import Path

from conftest import TESTS

FOLLOWUPS = {
    "2023-VB/sdn-syd.yaml": """organ: sdn-syd
period: 2023-VB
aktiviteter: {A1.1: {status: pågående}, A1.2: {status: genomförd}}
indikatorer: {I1.1: {utfall: 70, arsmal: 80}, I1.2: {utfall: 2, arsmal: 10}}
mal: {M1: {bedomning: delvis, analys: Nästan.}}
""",
    "2024-T1/sdn-syd.yaml": """organ: sdn-syd
period: 2024-T1
aktiviteter: {A1.1: {status: pågående}, A1.2: {status: genomförd}}
indikatorer: {I1.2: {utfall: 3, arsmal: 10}}
""",
    "2024-T2/sdn-syd.yaml": """organ: sdn-syd
period: 2024-T2
aktiviteter: {A1.1: {status: pågående}, A1.2: {status: genomförd}}
indikatorer: {I1.2: {utfall: 6, arsmal: 10}}
""",
    "2024-VB/sdn-syd.yaml": """organ: sdn-syd
period: 2024-VB
aktiviteter: {A1.1: {status: pågående}, A1.2: {status: genomförd}}
indikatorer: {I1.1: {utfall: 50, arsmal: 80, taljare: 1, namnare: 2}, I1.2: {utfall: 9, arsmal: 10}}
mal: {M1: {bedomning: delvis, analys: "Se <script>alert(1)</script> | tabell"}}
""",
    "2024-VB/sdn-mitt.yaml": """organ: sdn-mitt
period: 2024-VB
aktiviteter: {A1.1: {status: genomförd}, A1.2: {status: ej påbörjad, kommentar: Personalbrist.}}
indikatorer: {I1.1: {utfall: 90, arsmal: 80, taljare: 9, namnare: 10}, I1.2: {utfall: 3, arsmal: 4}}
mal: {M1: {bedomning: helt}}
""",
    "2024-T2/sdn-mitt.yaml": """organ: sdn-mitt
period: 2024-T2
aktiviteter: {A1.1: {status: pågående}, A1.2: {status: pågående}}
indikatorer: {I1.2: {utfall: 1, arsmal: 4}}
""",
}


def write_report_folder(folder: Path) -> Path:
    """Write the program (with I1.2 sensitive) and FOLLOWUPS into the folder; returns it."""
    program = (TESTS / "data" / "program.yaml").read_text(encoding="utf-8")
    program = program.replace("text: Antal ärenden, enhet: antal,", "text: Antal ärenden, kanslig: true, enhet: antal,")
    (folder / "program.yaml").write_text(program, encoding="utf-8")
    for name, text in FOLLOWUPS.items():
        path = folder / "uppfoljning" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder
