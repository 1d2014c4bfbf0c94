"""Verbal counter-attacks told with a phrasal verb ("fired back at", "hit back at", "lashed
out at"): criticism (111) of the one hit back at, never shooting; the same verbs without
the particle, or with a weapon, stay what they were. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

PUB = date(2017, 11, 13)


def _events(coder, text: str):
    d = coder.prepare("t", text, PUB, None, "en", False)
    out = []
    for i in sorted(d.candidates):
        s, e = d.sentences[i]
        out += coder.extract(d, i, coder.nlp(text[s:e]))[1]
    return [
        (e.code, e.source.actor_id, e.target.actor_id if e.target else None, e.modality)
        for e in out
    ]


@pytest.mark.parametrize(
    "text,event",
    [
        (
            "Turkish President Tayyip Erdogan fired back at Germany on Sunday over its travel "
            "warning.",
            ("111", "person:recep-tayyip-erdogan", "DEU"),
        ),
        (
            "Trump fired back at British Prime Minister Theresa May after her rebuke.",
            ("111", "person:donald-trump", "person:theresa-may"),
        ),
        ("The Chinese foreign ministry hit back at Japan over the remarks.", ("111", "CHN", "JPN")),
        (
            "Venezuela's Nicolas Maduro hit back at the United States, calling the sanctions "
            "illegal.",
            ("111", "person:nicolas-maduro", "USA"),
        ),
        (
            "Philippine President Rodrigo Duterte lashed out at the European Union over its "
            "report.",
            ("111", "person:rodrigo-duterte", "EU"),
        ),
        (
            "Iran shot back at France, saying its missile programme was not negotiable.",
            ("111", "IRN", "FRA"),
        ),
    ],
)
def test_a_retort_is_criticism_of_its_target(coder, text, event):
    evs = _events(coder, text)
    assert (*event, "asserted") in evs, evs
    assert not any(e[0].startswith("19") for e in evs), evs


@pytest.mark.parametrize(
    "text",
    [
        "North Korea fired a missile over Japan on Friday.",
        "Iran fired back at Iraq with rockets on Tuesday.",
        "The new sanctions hit Russia's largest banks.",
        "A typhoon hit the Philippines on Monday.",
    ],
)
def test_shooting_and_hitting_are_no_retort(coder, text):
    assert not any(e[0] == "111" for e in _events(coder, text)), _events(coder, text)


def test_a_retort_not_made_is_not_held(coder):
    evs = _events(coder, "Putin will not hit back at Washington, the Kremlin said.")
    assert all(e[3] != "asserted" for e in evs if e[0] == "111"), evs
