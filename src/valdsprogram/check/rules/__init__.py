"""The registry of rules: each a small function yielding findings; adding a rule is adding a line here.

Every rule is called the same way, `rule(subject)`, yields `Finding`s and declares the codes it may give
(`@rule("VP301")` above it, see `rule.py`); the tuples below differ only in their subject.
"""

from __future__ import annotations

from valdsprogram.check.digest import Digest
from valdsprogram.check.rules import compilation_rules as c
from valdsprogram.check.rules import followup_rules as f
from valdsprogram.check.rules import followup_set_rules as s
from valdsprogram.check.rules import program_dates as d
from valdsprogram.check.rules import program_rules as p
from valdsprogram.check.rules.finding import Finding
from valdsprogram.check.rules.free_text import birth_dates, cut_at_hash
from valdsprogram.check.rules.personal_data import personal_numbers
from valdsprogram.check.rules.rule import Rule
from valdsprogram.model.compilation import CompilationFile
from valdsprogram.model.followup_file import FollowUpFile
from valdsprogram.model.program_index import ProgramIndex
from valdsprogram.yaml.reader import YamlDocument

PROGRAM_RULES: tuple[Rule[ProgramIndex], ...] = (
    p.unique_ids,
    p.references_resolve,
    p.successors_resolve,
    p.successors_end,
    p.ids_safe_as_file_names,
    p.dates_consistent,
    p.goals_have_work,
    p.values_fit_units,
    p.violence_types_known,
    p.responsible_exist,
    p.ids_match_goal,
    d.items_run_forwards,
    d.responsibility_within_body_life,
    d.responsibility_without_gaps,
    d.responsibility_without_overlaps,
    d.targets_within_validity,
    d.revisions_in_order,
    d.revisions_within_validity,
)
"""Rules over program.yaml once it fits the model."""

FOLLOWUP_RULES: tuple[Rule[FollowUpFile], ...] = (
    f.body_known,
    f.body_exists_in_period,
    f.period_within_validity,
    f.path_agrees,
    f.ids_known_and_responsible,
    f.activities_complete,
    f.indicators_complete,
    f.values_fit_units,
    f.assessments_given,
    f.explanations_given,
    f.values_filled,
    f.indicators_due,
    f.goals_with_duties,
    f.forecasts_fit,
    f.values_plausible,
)
"""Rules over one follow-up file that fits the model, against the program (`FollowUpFile.index`)."""

FOLLOWUP_SET_RULES: tuple[Rule[list[Digest]], ...] = (
    s.one_file_per_body_and_period,
    s.status_not_backwards,
    s.target_stable,
)
"""Rules across all follow-up files; each finding names its file (`Finding.path`)."""

COMPILATION_RULES: tuple[Rule[CompilationFile], ...] = (
    c.path_agrees,
    c.period_within_validity,
    c.goals_known,
    c.summary_written,
    c.goals_assessed,
    c.analyses_given,
    c.decision_after_period,
    c.verdicts_supported,
)
"""Rules over socialnämnden's compilation file, against the program (`CompilationFile.index`)."""

TEXT_RULES: tuple[Rule[YamlDocument], ...] = (personal_numbers, birth_dates, cut_at_hash)
"""Rules over a follow-up's raw text, comments included, whether or not it parses; each finding gives its line."""

__all__ = [
    "COMPILATION_RULES",
    "FOLLOWUP_RULES",
    "FOLLOWUP_SET_RULES",
    "PROGRAM_RULES",
    "TEXT_RULES",
    "Finding",
    "Rule",
]
