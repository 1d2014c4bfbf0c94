"""Demands and appeals inside statements (sentences written for these tests, not from a corpus).

"X said Y should/must/needs to V" is a demand (CAMEO 100) on Y. Of another country it
replaces the statement; of a person or group of the speaker's own country it stands beside
the statement. A conditional, denied, refused or negated statement holds no demand, and the
speaker's own country is never its target ("Putin said Russia needs to modernise").
"""

from __future__ import annotations

from datetime import date

import pytest

PUB = date(2017, 11, 13)


def _events(coder, text: str):
    return coder.code_text(text, PUB)


def _demands(coder, text: str):
    return [
        (e.source.actor_id, e.target.actor_id if e.target else None, e.modality)
        for e in _events(coder, text)
        if e.code == "100"
    ]


@pytest.mark.parametrize(
    "text,src,tgt",
    [
        (
            "Boris Johnson said Theresa May should withdraw the offer.",
            "boris-johnson",
            "theresa-may",
        ),
        ("Trump said Rex Tillerson should resign.", "donald-trump", "rex-tillerson"),
        ("Rex Tillerson should step down, Trump told reporters.", "donald-trump", "rex-tillerson"),
        ("“Theresa May must go now,” Boris Johnson said.", "boris-johnson", "theresa-may"),
        ("Trump said on Monday that Rex Tillerson ought to quit.", "donald-trump", "rex-tillerson"),
    ],
)
def test_demand_at_home_beside_the_statement(coder, text, src, tgt):
    evs = _events(coder, text)
    assert ("person:" + src, "person:" + tgt, "asserted") in _demands(coder, text)
    # the statement stays: what was said and by whom
    assert any(e.code == "010" and e.source.actor_id == "person:" + src for e in evs)


@pytest.mark.parametrize(
    "text",
    [
        "Trump said Rex Tillerson should resign if the report is true.",  # conditional
        "Trump said Rex Tillerson should resign unless he apologises.",
        "Trump denied saying that Rex Tillerson should resign.",  # denial
        "Trump refused to say that Rex Tillerson should resign.",  # refusal
        "Trump never said that Rex Tillerson should resign.",  # negated
        "Trump did not say Rex Tillerson should resign.",
        "Would Trump say Rex Tillerson should resign?",  # a question
        "Putin said Russia needs to modernise its army.",  # his own country: a plan at home
        "Theresa May said Britain should leave the customs union.",
        "Trump said he should have won by more.",  # the speaker himself
        "Trump said Rex Tillerson will resign.",  # a prediction, not a demand
    ],
)
def test_no_demand(coder, text):
    assert _demands(coder, text) == []


def test_demand_abroad_replaces_the_statement(coder):
    evs = _events(coder, "Trump said Putin should stop the attacks.")
    assert [
        (e.code, e.target.actor_id if e.target else None) for e in evs if e.code[:2] in ("01", "10")
    ] == [("100", "person:vladimir-putin")]
