"""Readout and news phrasings of calls and encounters (sentences written for this test),
through the real ingest stage, the real coder and the meetings build: "received a call
from", "told X by phone", "a joint press conference with X"; and what is no
encounter."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitry.meetings import list_meetings
from summitry.store import Store

DOCS = [
    (
        "rc",
        "2022-09-13",
        "Indian Prime Minister Narendra Modi received a call from Japanese Prime "
        "Minister Fumio Kishida on Monday, his office said.",
    ),
    (
        "tb",
        "2022-09-15",
        "Spanish Prime Minister Pedro Sanchez told German Chancellor Olaf "
        "Scholz by phone on Wednesday that the pipeline would be built.",
    ),
    (
        "pc",
        "2022-09-23",
        "Canadian Prime Minister Justin Trudeau held a joint press conference with "
        "Mexican President Andres Manuel Lopez Obrador on Thursday in Ottawa.",
    ),
    # no encounters: a press conference alone, a statement told to reporters
    (
        "n1",
        "2022-09-23",
        "Brazilian President Jair Bolsonaro held a news conference on Thursday and "
        "criticised Argentine President Alberto Fernandez.",
    ),
    (
        "n2",
        "2022-09-23",
        "Turkish President Tayyip Erdogan told reporters on Thursday that he would "
        "soon speak to Russian President Vladimir Putin.",
    ),
    # "called X <today> to VERB": the purpose clause and the time word are no objection
    (
        "ct",
        "2021-03-09",
        "Japanese Prime Minister Yoshihide Suga called Australian Prime Minister Scott "
        "Morrison today to discuss vaccine supplies.",
    ),
    (
        "cg",
        "2021-06-02",
        "Italian Prime Minister Mario Draghi called President Cyril Ramaphosa of South "
        "Africa on Tuesday to congratulate him on the summit.",
    ),
    # "got a phone call from X", "took a call from X"
    (
        "gp",
        "2021-06-10",
        "Canadian Prime Minister Justin Trudeau got a phone call from Italian Prime "
        "Minister Mario Draghi on Wednesday, his office said.",
    ),
    (
        "tk",
        "2021-06-17",
        "Australian Prime Minister Scott Morrison took a call from Japanese Prime Minister "
        "Yoshihide Suga on Wednesday about regional security.",
    ),
    # "spoke with X to VERB" (the parser makes X the purpose clause's subject)
    (
        "sp",
        "2021-06-22",
        "This afternoon, Prime Minister Justin Trudeau spoke with South African President "
        "Cyril Ramaphosa to review vaccine production.",
    ),
    # a readout: "Title Name of (the) Country" introduces leaders the KB does not know
    (
        "ro",
        "2021-07-06",
        "President Mario Draghi of Italy met today with President Aurelio Mbemba Kasongo "
        "of the Democratic Republic of the Congo at the Palazzo Chigi.",
    ),
    (
        "rq",
        "2021-07-08",
        "Prime Minister Justin Trudeau spoke today with Amir Sheikh Faisal bin Rashid Al "
        "Nuaimi of the State of Qatar.",
    ),
    (
        "rs",
        "2021-07-09",
        "Prime Minister Scott Morrison spoke today with His Majesty Omar bin Khalid Al "
        "Harthy, the Sultan of Oman.",
    ),
    # an opposition leader introduced the same way is no leader of her country
    (
        "op",
        "2021-07-12",
        "Prime Minister Justin Trudeau met today with opposition leader Irina Petrovna "
        "Volkova of Belarus.",
    ),
    # "... on Wednesday when X met Y": the news of that day, not a reference back
    (
        "nw",
        "2021-07-15",
        "Markets rose on Wednesday when Australian Prime Minister Scott Morrison met "
        "Japanese Prime Minister Yoshihide Suga in Tokyo.",
    ),
]


@pytest.fixture(scope="module")
def coded(code_documents) -> Path:
    """A store of the documents above, ingested, coded and built (read it only)."""
    return code_documents("phrasings", DOCS)


def _episodes(path: Path, a: str, b: str) -> list[tuple[str, str, str]]:
    store = Store(path, read_only=True)
    try:
        got = list_meetings(store, between=(a, b))
    finally:
        store.close()
    return [(m["start_date"], m["format"], m["status"]) for m in got]


def test_received_a_call_from_is_a_call(coded: Path) -> None:
    assert _episodes(coded, "Narendra Modi", "Fumio Kishida") == [("2022-09-12", "call", "held")]


def test_told_by_phone_is_a_call(coded: Path) -> None:
    assert _episodes(coded, "Pedro Sanchez", "Olaf Scholz") == [("2022-09-14", "call", "held")]


def test_a_joint_press_conference_is_an_encounter(coded: Path) -> None:
    (got,) = _episodes(coded, "Justin Trudeau", "Andres Manuel Lopez Obrador")
    assert got[0] == "2022-09-22" and got[1] != "call" and got[2] == "held"


def test_a_news_conference_alone_and_told_reporters_are_no_encounter(coded: Path) -> None:
    assert _episodes(coded, "Jair Bolsonaro", "Alberto Fernandez") == []
    assert all(g[2] != "held" for g in _episodes(coded, "Tayyip Erdogan", "Vladimir Putin"))


def test_called_today_to_verb_is_a_call(coded: Path) -> None:
    assert ("2021-03-09", "call", "held") in _episodes(coded, "Yoshihide Suga", "Scott Morrison")
    assert _episodes(coded, "Mario Draghi", "Cyril Ramaphosa") == [("2021-06-01", "call", "held")]


def test_got_or_took_a_call_from_is_a_call(coded: Path) -> None:
    assert _episodes(coded, "Justin Trudeau", "Mario Draghi") == [("2021-06-09", "call", "held")]
    assert ("2021-06-16", "call", "held") in _episodes(coded, "Scott Morrison", "Yoshihide Suga")


def test_spoke_with_x_to_verb_names_the_partner(coded: Path) -> None:
    (got,) = _episodes(coded, "Justin Trudeau", "Cyril Ramaphosa")
    assert got[0] == "2021-06-22" and got[2] == "held"


def _roles(path: Path, a: str, b: str) -> list[tuple[str, dict, dict]]:
    store = Store(path, read_only=True)
    try:
        got = list_meetings(store, between=(a, b))
    finally:
        store.close()
    return [(m["start_date"], m["roles"], m["participant_iso3"]) for m in got]


def test_title_name_of_the_country_introduces_a_leader(coded: Path) -> None:
    ((day, roles, iso),) = _roles(coded, "Mario Draghi", "Aurelio Mbemba Kasongo")
    assert (day, roles["Aurelio Mbemba Kasongo"]) == ("2021-07-06", "head_of_state")
    assert set(iso.values()) == {"ITA", "COD"}
    ((day, roles, iso),) = _roles(coded, "Justin Trudeau", "Faisal bin Rashid Al Nuaimi")
    assert (day, roles["Faisal bin Rashid Al Nuaimi"]) == ("2021-07-08", "head_of_state")
    assert "QAT" in iso.values()
    ((day, roles, iso),) = _roles(coded, "Scott Morrison", "Omar bin Khalid Al Harthy")
    assert (day, roles["Omar bin Khalid Al Harthy"]) == ("2021-07-09", "head_of_state")
    assert "OMN" in iso.values()


def test_an_opposition_leader_is_no_leaders_encounter(coded: Path) -> None:
    assert _episodes(coded, "Justin Trudeau", "Irina Petrovna Volkova") == []


def test_a_when_clause_after_a_day_is_that_days_news(coded: Path) -> None:
    assert ("2021-07-14", "summit", "held") in _episodes(coded, "Scott Morrison", "Yoshihide Suga")
