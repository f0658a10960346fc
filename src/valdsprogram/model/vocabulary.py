"""The Swedish words shown for the data's enumerated values, in one place for every output."""

from __future__ import annotations

from valdsprogram.model.followup import DELAYED, DONE, DROPPED, NOT_STARTED, ONGOING

BODY_TYPES = {
    "stadsdelsnamnd": "stadsdelsnämnd",
    "facknamnd": "facknämnd",
    "kommunstyrelse": "kommunstyrelse",
    "bolagsstyrelse": "bolagsstyrelse",
}
"""`typ` of a body → how it is written."""

PERIODICITIES = {"tertial": "varje tertial (T1, T2 och VB)", "ar": "årligen (VB)"}
"""`periodicitet` of an indicator → when it is reported."""

DIRECTIONS = {"hogre_ar_battre": "högre är bättre", "lagre_ar_battre": "lägre är bättre"}
"""`riktning` of an indicator → which way is good."""

VALID_VALUES = {
    "antal": "antal: heltal, 0 eller mer",
    "procent": "procent: 0–100, t.ex. 85.5",
    "ja/nej": "ja/nej: true eller false",
}
"""`enhet` of an indicator → what a valid outcome looks like."""

MEASURES = {
    "ackumulerad": "räknas ackumulerat (summerat över året hittills)",
    "lage": "mäts som läget periodens sista dag",
}
"""`matning` of an indicator → how it is measured."""

STATUS_MEANINGS = {
    NOT_STARTED: "arbetet har inte börjat",
    ONGOING: "arbetet har börjat och går enligt plan",
    DELAYED: "arbetet ligger efter sin tidsplan",
    DONE: "aktiviteten är klar",
    DROPPED: "aktiviteten har strukits genom beslut",
}
"""An activity's `status` → what it means, for messages that explain the words."""
