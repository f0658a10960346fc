"""What readers call an activity or indicator: its `kort` title, else its text cut at a word."""

from __future__ import annotations

import pytest

from valdsprogram.model.program import Activity, short_title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Utbilda personalen.", "Utbilda personalen"),
        ("Kartlägg behovet. Rapportera sedan till nämnden.", "Kartlägg behovet…"),
        (
            "Andel medarbetare som genomgått utbildning om våld i nära relationer och hedersrelaterat våld",
            "Andel medarbetare som genomgått utbildning om våld i nära…",
        ),
        ("Ett" + "x" * 80, "Ett" + "x" * 56 + "…"),
        ("Text  med\nradbrytning", "Text med radbrytning"),
    ],
)
def test_the_text_is_cut_at_a_word_and_says_so(text: str, title: str) -> None:
    assert short_title(text) == title


def test_kort_wins_over_the_text() -> None:
    common = {"id": "A1.1", "text": "Utbilda all personal i stadens verksamheter om våld.", "ansvariga": ["x"]}
    assert Activity.model_validate({**common, "kalla": "k", "kort": "Utbildning"}).title == "Utbildning"
    assert (
        Activity.model_validate({**common, "kalla": "k"}).title == "Utbilda all personal i stadens verksamheter om våld"
    )
