"""Accusations inside statements (sentences written for these tests, not from a corpus).

"X said Y had violated / lied / meddled", "X said Y was guilty", "X said Y was responsible
for the attack": an accusation (CAMEO 112, PLOVER ACCUSE) by X of Y, beside the statement.
A negated, modal, future, conditional or whether-clause, a denial or refusal of the saying,
and "responsible for" something that is no wrong accuse no one.
"""

from __future__ import annotations

from datetime import date

import pytest

PUB = date(2017, 11, 13)


def _events(coder, text: str):
    return coder.code_text(text, PUB)


def _accusations(coder, text: str):
    return [
        (e.source.actor_id, e.target.actor_id if e.target else None, e.modality)
        for e in _events(coder, text)
        if e.code == "112"
    ]


@pytest.mark.parametrize(
    "text,src,tgt",
    [
        ("Trump said Russia had violated the treaty.", "person:donald-trump", "RUS"),
        (
            "Trump said Putin lied about the election.",
            "person:donald-trump",
            "person:vladimir-putin",
        ),
        ("Trump said Russia meddled in the election.", "person:donald-trump", "RUS"),
        ("Trump said Iran was responsible for the attacks.", "person:donald-trump", "IRN"),
        ("Putin said the United States was guilty of hypocrisy.", "person:vladimir-putin", "USA"),
        (
            "Merkel told reporters that Russia had broken its promises and violated the ceasefire.",
            "person:angela-merkel",
            "RUS",
        ),
        ("North Korea breached the agreement, Japan said on Monday.", "JPN", "PRK"),
    ],
)
def test_accusation_beside_the_statement(coder, text, src, tgt):
    assert (src, tgt, "asserted") in _accusations(coder, text)
    assert any(e.code == "010" and e.source.actor_id == src for e in _events(coder, text))


@pytest.mark.parametrize(
    "text",
    [
        "Trump said Russia may have violated the treaty.",  # modal
        "Trump said Russia did not violate the treaty.",  # negated
        "Trump said Russia would violate the treaty.",  # future
        "Trump said that if Russia violated the treaty, he would respond.",  # conditional
        "Trump said it was unclear whether Russia had violated the treaty.",
        "Trump denied saying that Russia had violated the treaty.",  # denial
        "Trump refused to say that Russia had violated the treaty.",  # refusal
        "Trump never said that Russia had violated the treaty.",  # negated statement
        "Did Trump say Russia had violated the treaty?",  # question
        "Trump said Iran was not responsible for the attacks.",
        "Trump said Iran was responsible for security in the region.",  # no wrong
        "Trump said he had not lied.",  # the speaker himself
        "Trump said Russia had signed the treaty.",  # no wrong
    ],
)
def test_no_accusation(coder, text):
    assert _accusations(coder, text) == []
