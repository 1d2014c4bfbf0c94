"""A person who possesses a title noun is never its holder: "Putin's foreign minister" is an
official of Russia's government, not Putin; "Abe's counterpart" is nobody of Japan.
Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

PUB = date(2017, 11, 13)


def _sources(coder, text: str) -> list[str]:
    return [e.source.actor_id for e in coder.code_text(text, PUB)]


@pytest.mark.parametrize(
    "text,source",
    [
        ("Putin's foreign minister met Tillerson in Manila on Monday.", "RUS"),
        ("Erdogan's envoy accused Germany of harbouring coup plotters.", "TUR"),
        ("Macron's ambassador criticised Iran's missile tests on Friday.", "FRA"),
    ],
)
def test_possessed_title_is_the_possessors_government(coder, text, source):
    got = _sources(coder, text)
    assert got and all(s == source for s in got), got


def test_possessed_counterpart_is_nobody_of_the_possessor(coder):
    assert "person:shinzo-abe" not in _sources(
        coder, "Abe's counterpart criticised North Korea on Tuesday."
    )


@pytest.mark.parametrize(
    "text,source",
    [
        ("Trump's Secretary of State Rex Tillerson met Lavrov on Monday.", "person:rex-tillerson"),
        ("Russia's President Vladimir Putin met Erdogan in Sochi.", "person:vladimir-putin"),
    ],
)
def test_a_named_holder_stays_the_holder(coder, text, source):
    assert source in _sources(coder, text)
