"""Object control (sentences written for this test): in "led / prompted / forced X to VERB"
the doer of VERB is X, not the subject of the governing verb, so an encounter told as the
circumstance of VERB ("to raise the issue during a phone call with Y") is X's with Y; an
appeal to X to meet Y ("urged X to meet Y") is no held encounter of anyone. Through the real
ingest stage, the real coder and the meetings build. Also "in / during a call with X"
without a phone word: a call."""

from __future__ import annotations

from pathlib import Path

import pytest
from episodes_lib import episode_spans_between

DOCS = [
    (
        "c1",
        "2018-09-20",
        "The aid plan has worried officials in Tokyo, leading Japanese Prime Minister Shinzo "
        "Abe to raise the issue during a phone call with South Korean President Moon Jae-in "
        "last week.",
    ),
    (
        "c2",
        "2018-10-10",
        "The dispute over tariffs led Indian Prime Minister Narendra Modi to press his case "
        "in a telephone call with Russian President Vladimir Putin on Tuesday.",
    ),
    (
        "c3",
        "2018-10-17",
        "A strike at the port caused German Chancellor Angela Merkel to cut short a visit to "
        "Paris after talks with French President Emmanuel Macron on Tuesday.",
    ),
    # "Country Title Name" as the object: the parser may split it into two objects
    (
        "c4",
        "2017-08-30",
        "Talks on the refugee deal have stalled, leading Australia Prime Minister Malcolm "
        "Turnbull to raise it during a call with Indonesian President Joko Widodo on Monday.",
    ),
    # a call as the circumstance of another act, without "phone": "in / after a call with X"
    (
        "k1",
        "2017-09-06",
        "Philippine President Rodrigo Duterte raised the fishing dispute in a call with "
        "Vietnamese Prime Minister Nguyen Xuan Phuc on Tuesday.",
    ),
    (
        "k2",
        "2017-09-06",
        "Indian Prime Minister Narendra Modi said in a call with reporters on Tuesday that "
        "Pakistani Prime Minister Shahid Khaqan Abbasi was welcome.",
    ),
    # appeals and invitations to meet: nobody met
    (
        "u1",
        "2018-10-24",
        "U.S. President Donald Trump urged Chinese President Xi Jinping to meet North Korean "
        "leader Kim Jong Un soon.",
    ),
    (
        "u2",
        "2018-10-25",
        "British Prime Minister Theresa May asked Turkish President Tayyip Erdogan to call "
        "Russian President Vladimir Putin about the ceasefire.",
    ),
]


@pytest.fixture(scope="module")
def coded(code_documents) -> Path:
    """A store of the documents above, ingested, coded and built (read it only)."""
    return code_documents("control", DOCS)


def test_the_object_of_led_is_the_doer_of_the_call(coded: Path) -> None:
    assert episode_spans_between(coded, "Shinzo Abe", "Moon Jae-in") == [
        ("2018-09-10", "2018-09-16", "call", "held")
    ]
    assert episode_spans_between(coded, "Narendra Modi", "Vladimir Putin") == [
        ("2018-10-09", "2018-10-09", "call", "held")
    ]


def test_a_country_title_name_object_is_one_controller(coded: Path) -> None:
    assert episode_spans_between(coded, "Malcolm Turnbull", "Joko Widodo") == [
        ("2017-08-28", "2017-08-28", "call", "held")
    ]


def test_in_a_call_with_x_is_a_call_and_a_call_with_reporters_none(coded: Path) -> None:
    assert episode_spans_between(coded, "Rodrigo Duterte", "Nguyen Xuan Phuc") == [
        ("2017-09-05", "2017-09-05", "call", "held")
    ]
    assert episode_spans_between(coded, "Narendra Modi", "Shahid Khaqan Abbasi") == []


def test_the_object_of_caused_is_the_doer_of_the_talks(coded: Path) -> None:
    (got,) = episode_spans_between(coded, "Angela Merkel", "Emmanuel Macron")
    assert (got[0], got[3]) == ("2018-10-16", "held") and got[2] != "call"


def test_an_appeal_to_meet_is_no_held_encounter(coded: Path) -> None:
    for a, b in [
        ("Xi Jinping", "Kim Jong Un"),
        ("Donald Trump", "Kim Jong Un"),
        ("Tayyip Erdogan", "Vladimir Putin"),
        ("Theresa May", "Vladimir Putin"),
    ]:
        assert all(s != "held" for *_, s in episode_spans_between(coded, a, b)), (a, b)
