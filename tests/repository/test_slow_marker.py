"""The quick loop stays quick: a test not marked `slow` cannot start a slow program or WeasyPrint (conftest.py
refuses it), and a test that needs something from outside Python is slow without saying so."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import SLOW_PROGRAMS


def test_a_quick_test_that_starts_a_slow_program_fails_saying_to_mark_it() -> None:
    for program in sorted(SLOW_PROGRAMS):
        with pytest.raises(pytest.fail.Exception, match=r"märk det @pytest.mark.slow"):
            subprocess.run([program, "--version"], capture_output=True, check=False)
    with pytest.raises(pytest.fail.Exception, match=r"Testet startar pre_commit"):
        subprocess.run([sys.executable, "-m", "pre_commit", "--version"], capture_output=True, check=False)
    done = subprocess.run([sys.executable, "-c", "print('snabb')"], capture_output=True, text=True, check=True)
    assert done.stdout == "snabb\n"


def test_a_quick_test_that_draws_with_weasyprint_fails_saying_to_mark_it() -> None:
    import weasyprint

    with pytest.raises(pytest.fail.Exception, match=r"WeasyPrint: märk det @pytest.mark.slow"):
        weasyprint.HTML(string="<p>x</p>")


@pytest.mark.needs("pdf")
def test_a_test_that_needs_something_from_outside_python_is_slow(request: pytest.FixtureRequest) -> None:
    assert request.node.get_closest_marker("slow") is not None
