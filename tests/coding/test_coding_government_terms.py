"""Seats and capitals that name a government, and adjectives, come from the actors KB's
country_terms.csv (one owner): the coder reads "Brussels", a bare "Kremlin", "Tripoli" and
a demonym the coder's old word list lacked. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from summitry.actors import ActorKB

PUB = date(2017, 11, 13)


def _pairs(coder, text: str) -> set[tuple[str, str | None]]:
    return {
        (e.source.actor_id, e.target.actor_id if e.target else None)
        for e in coder.code_text(text, PUB)
    }


@pytest.mark.parametrize(
    "text,pair",
    [
        ("Brussels warned Warsaw on Tuesday over its judicial overhaul.", ("EU", "POL")),
        ("Kremlin spokesman aside, Moscow accused Washington of meddling.", ("RUS", "USA")),
        ("Tripoli accused Cairo of arming rival militias on Monday.", ("LBY", "EGY")),
        ("Hong Kong police arrested two Chinese activists on Sunday.", ("HKG", "CHN")),
    ],
)
def test_government_terms_act_in_text(coder, text, pair):
    assert pair in _pairs(coder, text), coder.code_text(text, PUB)


def test_capitals_not_marked_stay_places(coder):
    """Rome is a capital the table does not mark as naming its government."""
    assert not any(src == "ITA" for src, _t in _pairs(coder, "Rome accused Paris of hypocrisy."))


def test_terms_table_is_the_one_source():
    kb = ActorKB.load()
    gov = kb.government_terms()
    assert gov["Kremlin"] == "RUS" and gov["Moscow"] == "RUS" and gov["Brussels"] == "EU"
    assert "Rome" not in gov  # a capital not marked names_government
    adj = kb.adjective_terms()
    assert adj["Luxembourg"] == "LUX" and adj["Russian"] == "RUS"
