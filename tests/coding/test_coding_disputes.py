"""Verbal disputes and exchanges (sentences written for these tests, not from a corpus)."""

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
    return [(e.code, e.source.actor_id, e.target.actor_id if e.target else None) for e in out]


@pytest.mark.parametrize(
    "text,event",
    [
        (
            "Trump and fellow Republicans have locked horns with Democrats over the tax bill.",
            ("111", "person:donald-trump", "USA-DEMOCRATIC-PARTY"),
        ),
        (
            "Trump clashed with Hillary Clinton on Twitter.",
            ("111", "person:donald-trump", "person:hillary-clinton"),
        ),
        ("Trump attacked Congress on Twitter.", ("111", "person:donald-trump", "USA-CONGRESS")),
        (
            "Hillary Clinton and Trump have openly feuded in recent weeks.",
            ("111", "person:hillary-clinton", "person:donald-trump"),
        ),
        ("Trump feuded with the FBI.", ("111", "person:donald-trump", "USA-FBI")),
        ("Syrian troops clashed with Turkish forces near the border.", ("190", "SYR", "TUR")),
        (
            "Rex Tillerson is leading a probe into the leaks.",
            ("090", "person:rex-tillerson", None),
        ),
    ],
)
def test_dispute(coder, text, event):
    assert event in _events(coder, text)


def test_no_dispute_without_horns(coder):
    assert not [
        e for e in _events(coder, "Trump locked the doors of the White House.") if e[0] == "111"
    ]


def test_an_exchange_of_threats_goes_both_ways(coder):
    evs = _events(coder, "An exchange of threats between Putin and Erdogan worried the markets.")
    putin, erdogan = "person:vladimir-putin", "person:recep-tayyip-erdogan"
    assert ("130", putin, erdogan) in evs and ("130", erdogan, putin) in evs
    # threats between them with no exchange: one event, as before
    evs = _events(coder, "Threats between Putin and Erdogan worried the markets.")
    assert evs == [("130", putin, erdogan)]


def test_a_denied_saying_is_denied(coder):
    text = "Trump denied saying that Putin had lied."
    d = coder.prepare("t", text, PUB, None, "en", False)
    evs = []
    for i in sorted(d.candidates):
        s, e = d.sentences[i]
        evs += coder.extract(d, i, coder.nlp(text[s:e]))[1]
    said = [ev for ev in evs if ev.code == "010"]
    assert said and all(ev.modality == "denied" for ev in said)
    assert not [ev for ev in evs if ev.code == "112"]  # and no accusation is held


@pytest.mark.parametrize(
    "text,event",
    [
        (
            "The Justice Department filed a lawsuit against AT&T on Monday.",
            ("115", "USA-DOJ", None),
        ),
        ("Mexico brought a lawsuit against the United States.", ("115", "MEX", "USA")),
        ("Democrats filed suit against the FBI.", ("115", "USA-DEMOCRATIC-PARTY", "USA-FBI")),
        ("Iran sued the United States at the World Court.", ("115", "IRN", "USA")),
        ("Japan filed a complaint against China at the WTO.", ("114", "JPN", "CHN")),
        ("Japan lodged a protest with China over the incursion.", ("114", "JPN", "CHN")),
        (
            "Protesters staged a protest against Putin in Moscow.",
            ("140", "sector:OPP", "person:vladimir-putin"),
        ),
    ],
)
def test_lawsuits_and_complaints(coder, text, event):
    assert event in _events(coder, text)


def test_a_suit_one_wears_is_no_lawsuit(coder):
    assert not [
        e for e in _events(coder, "Trump wore a dark suit to meet Xi Jinping.") if e[0] == "115"
    ]


def _modalities(coder, text: str, code: str) -> list[str]:
    d = coder.prepare("t", text, PUB, None, "en", False)
    out = []
    for i in sorted(d.candidates):
        s, e = d.sentences[i]
        out += [
            ev.modality for ev in coder.extract(d, i, coder.nlp(text[s:e]))[1] if ev.code == code
        ]
    return out


def test_a_threatened_act_is_not_held(coder):
    assert _modalities(
        coder, "Mexico threatened to file a lawsuit against the United States.", "115"
    ) == ["hypothetical"]
    assert _modalities(
        coder, "China threatened to impose sanctions on the United States.", "163"
    ) == ["hypothetical"]
    assert _modalities(
        coder, "Mexico did not file a lawsuit against the United States.", "115"
    ) == ["negated"]
    # a verb conjoined with the threat is held
    text = "Trump has threatened action over trade and called on China to do more."
    assert _modalities(coder, text, "020") == ["asserted"]
