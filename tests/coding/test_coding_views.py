"""'Agree that <clause>' is a shared view, not an agreement (CAMEO 030), unless the clause
binds or plans or 'to'/'on' follows. Sentences written for this test."""

from __future__ import annotations

from datetime import date

import pytest

PUB = date(2017, 11, 13)


def _codes(coder, text: str) -> set[str]:
    d = coder.prepare("t", text, PUB, None, "en", False)
    out = set()
    for i in sorted(d.candidates):
        s, e = d.sentences[i]
        out |= {ev.code for ev in coder.extract(d, i, coder.parse_sentence(text[s:e]))[1]}
    return out


@pytest.mark.parametrize(
    "text",
    [
        "Putin and Erdogan agree that the war may last for years.",
        "Putin agreed with Erdogan that the war had gone on too long.",
        "Merkel and Macron agreed that the vote was a setback.",
    ],
)
def test_a_shared_view_is_no_agreement(coder, text):
    assert not {c for c in _codes(coder, text) if c.startswith("03")}, text


@pytest.mark.parametrize(
    "text",
    [
        "Putin and Erdogan agreed that talks would resume next month.",
        "Merkel and Macron agreed that their countries should cooperate on defence.",
        "Putin and Erdogan agreed to resume talks.",
        "Putin and Erdogan agreed on a ceasefire.",
    ],
)
def test_agreements_stay(coder, text):
    assert "030" in _codes(coder, text), text


def _visits(coder, text: str) -> list[tuple[str, str]]:
    d = coder.prepare("t", text, PUB, None, "en", False)
    out = []
    for i in sorted(d.candidates):
        s, e = d.sentences[i]
        for ev in coder.extract(d, i, coder.parse_sentence(text[s:e]))[1]:
            if ev.rule == "noun:visit":
                out.append((ev.code, ev.modality))
    return out


def test_a_visit_a_relative_clause_says_was_made_is_held(coder):
    text = "Erdogan said the talks would focus on Putin's visit to Turkey which he made on Monday."
    assert _visits(coder, text) and all(code != "036" for code, _ in _visits(coder, text))
    # without the relative clause the visit is still only spoken of under "would"
    assert _visits(coder, "Erdogan said the talks would focus on Putin's visit to Turkey.") == [
        ("036", "planned")
    ]
