"""US domestic bodies of the actors KB (organisations.csv rows with an iso3): parties,
Congress, the Justice Department, the FBI. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

PUB = date(2017, 11, 13)


def _events(coder, text: str):
    return coder.code_text(text, PUB)


@pytest.mark.parametrize(
    "text,src,tgt",
    [
        (
            "Democrats accused Trump of lying to voters.",
            "USA-DEMOCRATIC-PARTY",
            "person:donald-trump",
        ),
        (
            "Senate Republicans blamed Obama for the deficit.",
            "USA-REPUBLICAN-PARTY",
            "person:barack-obama",
        ),
        ("The GOP criticised Hillary Clinton.", "USA-REPUBLICAN-PARTY", "person:hillary-clinton"),
        ("Trump criticised the Justice Department.", "person:donald-trump", "USA-DOJ"),
        ("Trump attacked the FBI on Twitter.", "person:donald-trump", "USA-FBI"),
        ("U.S. Democrats condemned Putin.", "USA-DEMOCRATIC-PARTY", "person:vladimir-putin"),
    ],
)
def test_domestic_body_resolved_with_its_country(coder, text, src, tgt):
    evs = [e for e in _events(coder, text) if e.source.actor_id == src]
    assert evs, [(e.code, e.source.actor_id) for e in _events(coder, text)]
    ids = {(e.source.actor_id, e.target.actor_id if e.target else None) for e in evs}
    assert (src, tgt) in ids
    assert all(e.source.iso3 == "USA" for e in evs)


@pytest.mark.parametrize(
    "text",
    [
        "Germany's Free Democrats criticised Merkel.",
        "The Social Democrats condemned Merkel.",
        "Sweden Democrats criticised the government.",
        "Irish Republicans condemned Theresa May.",
    ],
)
def test_other_countries_parties_are_not_the_us_parties(coder, text):
    assert not any((e.source.actor_id or "").startswith("USA-") for e in _events(coder, text)), text
