"""What every run of `validera` must print, whatever it was given: only diagnostics, tips, the reasons of
acknowledged warnings and a summary."""

from __future__ import annotations

import json
import re

from typer.testing import Result

from valdsprogram.codes import CODES

MAX_MESSAGE = 400
"""No message or tip grows with the input: long keys and values are cut before they are quoted."""

# English as libyaml and the C library write it; quoted user text is left out before looking.
_ENGLISH = re.compile(
    r"\b(found|expected|while|allowed|could not|did not|character|token|stream|scalar|permission|denied|"
    r"no such|not a|too many|error)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`|[!&*]\S+")


def english(text: str) -> bool:
    """Whether a message or tip holds English words of the kind libraries produce."""
    return bool(_ENGLISH.search(_QUOTED.sub("", text)))


DIAGNOSTIC_LINE = re.compile(
    r"^(?P<where>.+?): (?P<code>VP\d{3}) (?P<severity>fel|varning)(?P<acknowledged> \(kvitterad\))?: (?P<message>.+)$"
)
WHERE = re.compile(r"^(?P<path>.+?)(?::(?P<line>\d+):(?P<column>\d+))?$")
TIP_LINE = re.compile(r"^    tips: \S.*$")
REASON_LINE = re.compile(r"^    kvitterad: \S.*$")
SUMMARY = re.compile(
    r"^(Inga fel i \d+ (fil|filer)|\d+ fel och \d+ (varning|varningar) i \d+ (fil|filer))\."
    r"( 1 varning är kvitterad\.| \d+ varningar är kvitterade\.)?$",
)


def check_output(result: Result, fmt: str = "text") -> None:
    """What every run of `validera` on follow-ups must satisfy: 0 or 1, and only well-formed output."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1), (result.exit_code, result.output)
    if fmt == "json":
        document = json.loads(result.output)
        errors = document["summary"]["errors"]
        assert all(d["code"] in CODES and d["line"] >= 0 for d in document["diagnostics"])
        assert result.exit_code == (1 if errors else 0)
        return
    lines = result.output.splitlines()
    assert lines, "validera always prints a summary"
    assert SUMMARY.match(lines[-1]), lines[-1]
    errors = 0
    for line in lines[:-1]:
        if TIP_LINE.match(line):
            assert not english(line), line
            continue
        if REASON_LINE.match(line):
            continue  # the body's own words
        match = DIAGNOSTIC_LINE.match(line)
        assert match, f"not a diagnostic line: {line!r}"
        assert WHERE.match(match["where"]), line
        assert CODES[match["code"]].severity.value == match["severity"], line
        assert not match["acknowledged"] or match["severity"] == "varning", line
        assert len(match["message"]) <= MAX_MESSAGE, line
        assert not english(match["message"]), line
        errors += match["severity"] == "fel"
    assert result.exit_code == (1 if errors else 0), result.output
