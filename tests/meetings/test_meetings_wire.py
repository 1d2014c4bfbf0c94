"""Wire-copy phrasings of encounters (sentences written for this test), through the real
ingest stage, the real coder and the meetings build: what the leaders did together ("shook
hands with", "had a brief chat", "had dinner with", "played golf", "sat down with"), a
circumstance whose partner is the clause's second subject ("At their meeting, A and B
agreed", "A and B agreed in a phone call"), "A had talks with B" (a light verb, no perfect),
"A, who met B on Thursday, said" (a dated relative clause), "A and B, who met in Z", "A was
received by B", "spoke to B by phone on Thursday" (the day dates it), "flew to Z on Thursday
to meet B"; and what is no held encounter ("will fly to Z on Thursday to meet B", "had
lunch with his wife", "shook up his cabinet", "sat in on")."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from episodes_lib import episodes_between as _episodes

from summitry.meetings import list_meetings
from summitry.store import Store

# one sentence a week, each "on Thursday" of a Friday's article: (sentence, a, b, format)
CASES = [
    (
        "U.S. President Donald Trump shook hands with Russian President Vladimir Putin at a "
        "dinner in Da Nang on Thursday.",
        "Donald Trump",
        "Vladimir Putin",
        None,
    ),
    (
        "Chinese President Xi Jinping and Japanese Prime Minister Shinzo Abe had a brief chat "
        "on Thursday on the sidelines of the forum.",
        "Xi Jinping",
        "Shinzo Abe",
        None,
    ),
    (
        "Indian Prime Minister Narendra Modi had dinner with French President Emmanuel Macron "
        "in Paris on Thursday.",
        "Narendra Modi",
        "Emmanuel Macron",
        "summit",
    ),
    (
        "Japanese Prime Minister Shinzo Abe and U.S. President Donald Trump played a round of "
        "golf near Tokyo on Thursday.",
        "Shinzo Abe",
        "Donald Trump",
        "summit",
    ),
    (
        "German Chancellor Angela Merkel sat down with Turkish President Tayyip Erdogan on "
        "Thursday for three hours of talks in Berlin.",
        "Angela Merkel",
        "Tayyip Erdogan",
        None,
    ),
    (
        "At their meeting in Ankara on Thursday, Russian President Vladimir Putin and Turkish "
        "President Tayyip Erdogan agreed to build a gas pipeline.",
        "Vladimir Putin",
        "Tayyip Erdogan",
        None,
    ),
    (
        "South Korean President Moon Jae-in and Japanese Prime Minister Shinzo Abe agreed in "
        "a phone call on Thursday to keep up pressure on the North.",
        "Moon Jae-in",
        "Shinzo Abe",
        "call",
    ),
    (
        "Russian President Vladimir Putin had talks with Syrian President Bashar al-Assad in "
        "Sochi on Thursday.",
        "Vladimir Putin",
        "Bashar al-Assad",
        "summit",
    ),
    (
        "Philippine President Rodrigo Duterte, who hosted Japanese Prime Minister Shinzo Abe in "
        "Davao on Thursday, said the talks had gone well.",
        "Rodrigo Duterte",
        "Shinzo Abe",
        "summit",
    ),
    (
        "French President Emmanuel Macron was received by Russian President Vladimir Putin in "
        "Moscow on Thursday.",
        "Emmanuel Macron",
        "Vladimir Putin",
        "summit",
    ),  # "to" before a person or place starts no topic: the day after it dates the encounter
    (
        "Turkish President Tayyip Erdogan spoke to Iranian President Hassan Rouhani by phone on "
        "Thursday, a Turkish presidential source said.",
        "Tayyip Erdogan",
        "Hassan Rouhani",
        "call",
    ),
    (
        "Russian President Vladimir Putin welcomed Egyptian President Abdel Fattah al-Sisi to "
        "Sochi on Thursday.",
        "Vladimir Putin",
        "Abdel Fattah el-Sisi",
        "summit",
    ),
    (
        "U.S. President Donald Trump made a phone call to Indian Prime Minister Narendra Modi on "
        "Thursday.",
        "Donald Trump",
        "Narendra Modi",
        "call",
    ),
    # a purpose clause has the day and the mood of its act
    (
        "Syrian President Bashar al-Assad flew to Sochi on Thursday to meet Russian President "
        "Vladimir Putin.",
        "Bashar al-Assad",
        "Vladimir Putin",
        None,
    ),
    # a relative clause of two coordinated leaders, no partner of its own: both met
    (
        "Chinese President Xi Jinping and Russian President Vladimir Putin, who met in Moscow on "
        "Thursday, agreed to expand trade.",
        "Xi Jinping",
        "Vladimir Putin",
        "summit",
    ),
]
NONE = [
    "U.S. President Donald Trump had lunch with his wife on Thursday before calling on "
    "Congress to act.",
    "U.S. President Donald Trump shook up his cabinet on Thursday.",
    "Russian President Vladimir Putin sat in on a session of the security council on Thursday.",
    "Turkish President Tayyip Erdogan will fly to Tehran on Thursday to meet Iranian President "
    "Hassan Rouhani.",
]
START = date(2017, 12, 1)  # a Friday


def _docs() -> list[tuple[str, str, str]]:
    texts = [c[0] for c in CASES] + NONE
    return [
        (f"w{k:02d}", (START + timedelta(days=7 * k)).isoformat(), t) for k, t in enumerate(texts)
    ]


@pytest.fixture(scope="module")
def coded(code_documents) -> Path:
    """A store of the documents above, ingested, coded and built (read it only)."""
    return code_documents("wire", _docs())


@pytest.mark.parametrize("k", range(len(CASES)))
def test_a_wire_phrasing_is_an_encounter_that_thursday(coded: Path, k: int) -> None:
    _, a, b, fmt = CASES[k]
    thursday = (START + timedelta(days=7 * k - 1)).isoformat()
    got = [g for g in _episodes(coded, a, b) if g[0] == thursday]
    assert len(got) == 1 and got[0][2] == "held", _episodes(coded, a, b)
    if fmt is not None:
        assert got[0][1] == fmt
    assert got[0][1] != "call" or fmt == "call"


def test_what_is_no_encounter(coded: Path) -> None:
    store = Store(coded, read_only=True)
    try:
        got = list_meetings(store)
    finally:
        store.close()
    first_none = (START + timedelta(days=7 * len(CASES) - 3)).isoformat()
    assert [m for m in got if m["start_date"] >= first_none and m["status"] == "held"] == []
