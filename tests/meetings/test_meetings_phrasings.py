"""Readout and news phrasings of calls and encounters (sentences written for this test),
through the real ingest stage, the real coder and the meetings build: "received a call
from", "told X by phone", "a joint press conference with X"; and what is no
encounter."""

from __future__ import annotations

from pathlib import Path

import pytest
from episodes_lib import episodes_between as _episodes

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
    # an encounter as the circumstance of another act: "said after meeting with X",
    # "After meeting X, Y said", "pledged ... during a meeting with X" (the parser may hang
    # the circumstance on a noun), "in a phone call with X"; a future one is no held one
    (
        "am",
        "2023-03-14",
        "Australian Prime Minister Anthony Albanese said on Tuesday after meeting with "
        "Indian Prime Minister Narendra Modi that the deal was close.",
    ),
    (
        "af",
        "2023-03-16",
        "After meeting Kishida in Tokyo on Wednesday, South Korean President Yoon Suk Yeol "
        "said the two countries would restore military ties.",
    ),
    (
        "dm",
        "2023-03-21",
        "Lula pledged more support for regional energy projects during a meeting with "
        "Argentine President Alberto Fernandez on Monday.",
    ),
    (
        "pc2",
        "2023-03-27",
        "Italian Prime Minister Giorgia Meloni raised the issue of migration in a phone "
        "call with Canadian Prime Minister Justin Trudeau on Sunday.",
    ),
    (
        "fu",
        "2023-03-27",
        "French President Emmanuel Macron will fly to Berlin after meeting with German "
        "Chancellor Olaf Scholz on Friday.",
    ),
    (
        "sl",
        "2023-03-28",
        "German Chancellor Olaf Scholz admitted on Tuesday that he had been slow in calling "
        "Italian Prime Minister Giorgia Meloni back.",
    ),
    # the person the act is done to is the partner of "a meeting" / "a call" without one
    (
        "ad",
        "2023-04-04",
        "South African President Cyril Ramaphosa thanked Indian Prime Minister Narendra "
        "Modi during a phone call on Monday.",
    ),
    (
        "av",
        "2023-04-04",
        "Brazilian President Lula praised Narendra Modi during a visit to China on Monday.",
    ),
    # three leaders at one summit, through the real coder: one episode with all of them
    (
        "tri",
        "2023-04-14",
        "Chinese President Xi Jinping, Russian President Vladimir Putin and Indian Prime "
        "Minister Narendra Modi met in Samarkand on Thursday to discuss energy supplies.",
    ),
    # a list of leaders the parser reads as a person with an apposition
    (
        "l4",
        "2023-05-05",
        "President Cyril Ramaphosa of South Africa, Prime Minister Fumio Kishida of Japan, "
        "Prime Minister Anthony Albanese of Australia, and President Lula of Brazil met "
        "today in Hiroshima.",
    ),
    # "Palestinian Authority President X"; the pope, head of state of the Holy See
    (
        "pa",
        "2023-05-09",
        "Prime Minister Justin Trudeau spoke on Monday with Palestinian Authority President "
        "Mahmoud Abbas about humanitarian aid.",
    ),
    (
        "pf",
        "2023-05-15",
        "Chancellor Olaf Scholz spoke by phone with Pope Francis on Sunday about Ukraine.",
    ),
    # an ayn is no possessive ("Shia’"); "an audience with X" is a meeting
    (
        "ay",
        "2023-05-16",
        "Prime Minister Justin Trudeau spoke today with Prime Minister Ahmed Ja’far "
        "al-Khatib of Jordan about refugees.",
    ),
    (
        "au",
        "2023-05-23",
        "During his audience with Pope Francis on Monday, Prime Minister Anthony Albanese "
        "thanked him for his appeals for peace.",
    ),
    (
        "an",
        "2023-05-23",
        "Italian Prime Minister Giorgia Meloni told an audience in Milan on Monday that "
        "German Chancellor Olaf Scholz would visit soon.",
    ),
    # a person one text introduces without a title and a later one with it
    (
        "i1",
        "2023-04-03",
        "Portugal's Rui Vasco Machado criticised the fishing quotas on Monday.",
    ),
    (
        "i2",
        "2023-04-11",
        "Canadian Prime Minister Justin Trudeau met Portuguese Prime Minister Rui Vasco "
        "Machado in Lisbon on Monday to discuss fishing quotas.",
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


def test_an_encounter_as_the_circumstance_of_another_act(coded: Path) -> None:
    assert [(d, s) for d, _, s in _episodes(coded, "Anthony Albanese", "Narendra Modi")] == [
        ("2023-03-14", "held")
    ]
    assert [(d, s) for d, _, s in _episodes(coded, "Yoon Suk Yeol", "Fumio Kishida")] == [
        ("2023-03-15", "held")
    ]
    assert [(d, s) for d, _, s in _episodes(coded, "Lula", "Alberto Fernandez")] == [
        ("2023-03-20", "held")
    ]
    assert _episodes(coded, "Giorgia Meloni", "Justin Trudeau") == [("2023-03-26", "call", "held")]


def test_a_future_circumstance_is_no_held_encounter(coded: Path) -> None:
    assert all(s != "held" for _, _, s in _episodes(coded, "Emmanuel Macron", "Olaf Scholz"))
    assert _episodes(coded, "Olaf Scholz", "Giorgia Meloni") == []  # "slow in calling X"


def test_a_title_in_a_later_text_gives_the_role(coded: Path) -> None:
    ((day, roles, _),) = _roles(coded, "Justin Trudeau", "Rui Vasco Machado")
    assert (day, roles["Rui Vasco Machado"]) == ("2023-04-10", "head_of_government")


def test_the_addressee_is_the_partner_of_a_call(coded: Path) -> None:
    assert _episodes(coded, "Cyril Ramaphosa", "Narendra Modi") == [("2023-04-03", "call", "held")]
    assert _episodes(coded, "Lula", "Narendra Modi") == []  # a visit is to China


def test_three_leaders_at_one_summit_are_one_episode(coded: Path) -> None:
    store = Store(coded, read_only=True)
    try:
        got = list_meetings(store, between=("Narendra Modi", "Vladimir Putin"))
    finally:
        store.close()
    assert [(m["start_date"], m["city"], sorted(m["participants"])) for m in got] == [
        ("2023-04-13", "Samarkand", ["Narendra Modi", "Vladimir Putin", "Xi Jinping"])
    ]


def test_a_list_of_four_leaders_is_one_episode(coded: Path) -> None:
    store = Store(coded, read_only=True)
    try:
        got = list_meetings(store, between=("Fumio Kishida", "Anthony Albanese"))
    finally:
        store.close()
    assert [(m["start_date"], sorted(m["participants"])) for m in got] == [
        (
            "2023-05-05",
            ["Anthony Albanese", "Cyril Ramaphosa", "Fumio Kishida", "Luiz Inácio Lula da Silva"],
        )
    ]


def test_palestinian_authority_president_and_the_pope_are_leaders(coded: Path) -> None:
    ((day, roles, iso),) = _roles(coded, "Justin Trudeau", "Mahmoud Abbas")
    assert (day, roles["Mahmoud Abbas"], iso["person:text:mahmoud-abbas"]) == (
        "2023-05-08",
        "head_of_state",
        "PSE",
    )
    assert _episodes(coded, "Olaf Scholz", "Pope Francis") == [("2023-05-14", "call", "held")]


def test_an_ayn_is_no_possessive_and_an_audience_is_a_meeting(coded: Path) -> None:
    ((day, roles, _),) = _roles(coded, "Justin Trudeau", "Ahmed Ja’far al-Khatib")
    assert (day, roles["Ahmed Ja’far al-Khatib"]) == ("2023-05-16", "head_of_government")
    assert _episodes(coded, "Anthony Albanese", "Pope Francis") == [
        ("2023-05-22", "summit", "held")
    ]
    assert all(s != "held" for _, _, s in _episodes(coded, "Giorgia Meloni", "Olaf Scholz"))
