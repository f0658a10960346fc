"""The shipped program and example follow-ups: clean, fictional, and covering what the README promises."""

from __future__ import annotations

from collections import Counter

from conftest import ROOT
from valdsprogram.check.validation import load_followups, load_program, validate
from valdsprogram.model.followup import STATUSES
from valdsprogram.sources import followup_files


def test_shipped_data_validates_without_errors_or_warnings() -> None:
    """The one warning in the examples is acknowledged with its reason, as the README shows."""
    result = validate(ROOT / "program.yaml", followup_files(ROOT / "uppfoljning"), base=ROOT)
    assert [(d.path, d.code, d.place) for d in result.diagnostics] == [
        ("uppfoljning/2023-T2/sdn-sodermalm.yaml", "VP314", "indikatorer.I3.3.arsmal")
    ]
    assert result.diagnostics[0].acknowledged.startswith("Årsmålet höjdes från 380 till 390 genom nämndens beslut")
    assert (result.error_count, result.warning_count, result.acknowledged_count) == (0, 0, 1)
    assert result.files == 17


def test_every_example_says_it_is_fictional() -> None:
    for path in followup_files(ROOT / "uppfoljning"):
        assert "PÅHITTAT EXEMPEL" in path.read_text(encoding="utf-8").splitlines()[1], path


def test_examples_cover_every_status_unit_assessment_the_merger_and_a_missing_report() -> None:
    index = load_program(ROOT / "program.yaml").index
    assert index is not None
    files, _ = load_followups(index, followup_files(ROOT / "uppfoljning"))
    statuses = Counter(r.status for f in files for r in f.followup.aktiviteter.values())
    units = {index.indicators[i][1].enhet for f in files for i in f.followup.indikatorer}
    assessments = {g.bedomning for f in files for g in f.followup.mal.values()}
    reports = {(f.followup.organ, f.followup.period) for f in files}
    assert set(statuses) == set(STATUSES)
    assert units == {"antal", "procent", "ja/nej"}
    assert assessments >= {"helt", "delvis", "inte"}
    assert ("sdn-norrmalm", "2023-T1") in reports
    assert ("sdn-norra-innerstaden", "2023-T2") in reports
    assert len({period for _, period in reports}) >= 4
    assert ("ab-svenska-bostader", "2023-VB") in reports
    assert ("ab-svenska-bostader", "2024-T1") not in reports
    assert ("sdn-ostermalm", "2023-T1") in reports  # both predecessors of Norra innerstaden report 2023-T1


def test_examples_show_forecasts_some_missing_a_new_delay_and_a_small_sensitive_count() -> None:
    index = load_program(ROOT / "program.yaml").index
    assert index is not None
    files, _ = load_followups(index, followup_files(ROOT / "uppfoljning"))
    tertial = [
        (f, values)
        for f in files
        if f.period.kind != "VB"
        for ident, values in f.followup.indikatorer.items()
        if index.indicators[ident][1].measure == "ackumulerad"
    ]
    assert any(v.prognos is not None for _, v in tertial)
    assert any(v.prognos is None for _, v in tertial)
    by_key = {(f.followup.organ, str(f.period)): f.followup for f in files}
    assert by_key["utbildningsnamnden", "2023-VB"].aktiviteter["A7.3"].status == "pågående"
    assert by_key["utbildningsnamnden", "2024-T1"].aktiviteter["A7.3"].status == "försenad"
    limit = index.program.maskeringsgrans
    small = [
        f
        for f in files
        if str(f.period) == "2024-T1"
        for ident, v in f.followup.indikatorer.items()
        if index.indicators[ident][1].kanslig and isinstance(v.utfall, int) and v.utfall < limit
    ]
    assert [f.followup.organ for f in small] == ["sdn-norra-innerstaden"]


def test_program_counts() -> None:
    index = load_program(ROOT / "program.yaml").index
    assert index is not None
    program = index.program
    assert len(program.mal) == 7
    assert all(len(goal.aktiviteter) >= 3 and len(goal.indikatorer) >= 2 for goal in program.mal)
    assert all(a.utkast and a.kalla for g in program.mal for a in g.aktiviteter)
    assert all(i.utkast and i.kalla for g in program.mal for i in g.indikatorer)
    tertial = [i for g in program.mal for i in g.indikatorer if i.periodicitet == "tertial"]
    assert tertial
    assert all(i.matning is not None for i in tertial), "every tertial indicator states how it is measured"
    assert program.anmarkning
    assert "utkast" in program.anmarkning
