"""A participant's own encounter told as a circumstance ("during his meeting with X",
"following her talks with X"): the pronoun is the participant named before it, the report
is news of the week before its article (not a known encounter, not that day); what is
ahead, planned or long past founds no held episode. Sentences written for this test,
through the real ingest stage, the real coder and the meetings build."""

from __future__ import annotations

from pathlib import Path

import pytest
from episodes_lib import episode_spans_between

_FILLER = "Markets in the region were steady on the news, and traders said they expected more."

DOCS = [
    (
        "dm",
        "2019-05-14",
        "Canadian Prime Minister Justin Trudeau said on Tuesday that during his meeting with "
        "Philippine President Rodrigo Duterte the two leaders had discussed human rights. "
        + _FILLER,
    ),
    (
        "ft",
        "2019-05-20",
        "British Prime Minister Theresa May promoted the trade plan following her talks with "
        "Indian Prime Minister Narendra Modi, officials said. " + _FILLER,
    ),
    (
        "nl",
        "2019-05-24",
        _FILLER + " Oil prices were little changed in the afternoon. Japanese Prime Minister "
        "Shinzo Abe raised the issue of tariffs during his meeting with Australian Prime "
        "Minister Scott Morrison, a government spokesman said.",
    ),
    # nothing held: ahead of, planned, long past
    (
        "ah",
        "2019-05-27",
        "Turkish President Tayyip Erdogan flew to Sochi ahead of his meeting with Russian "
        "President Vladimir Putin, his office said. " + _FILLER,
    ),
    (
        "pl",
        "2019-05-28",
        "Egyptian President Abdel Fattah al-Sisi prepared for his planned talks with Israeli "
        "Prime Minister Benjamin Netanyahu, his spokesman said. " + _FILLER,
    ),
    (
        "ps",
        "2019-05-29",
        "Brazilian President Jair Bolsonaro recalled his 2015 meeting with Argentine "
        "President Mauricio Macri as the start of a friendship. " + _FILLER,
    ),
]


@pytest.fixture(scope="module")
def coded(code_documents) -> Path:
    """A store of the documents above, ingested, coded and built (read it only)."""
    return code_documents("possessive", DOCS)


@pytest.mark.parametrize(
    ("a", "b", "start", "end"),
    [
        ("Justin Trudeau", "Rodrigo Duterte", "2019-05-08", "2019-05-14"),
        ("Theresa May", "Narendra Modi", "2019-05-14", "2019-05-20"),
        ("Shinzo Abe", "Scott Morrison", "2019-05-18", "2019-05-24"),
    ],
)
def test_own_encounter_with_a_named_partner_is_held_that_week(
    coded: Path, a: str, b: str, start: str, end: str
) -> None:
    (got,) = episode_spans_between(coded, a, b)
    assert got[:2] == (start, end) and got[2] != "call" and got[3] == "held"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tayyip Erdogan", "Vladimir Putin"),
        ("Abdel Fattah al-Sisi", "Benjamin Netanyahu"),
        ("Jair Bolsonaro", "Mauricio Macri"),
    ],
)
def test_ahead_planned_or_past_own_encounter_is_not_held(coded: Path, a: str, b: str) -> None:
    assert all(g[3] != "held" for g in episode_spans_between(coded, a, b))
