"""Episodes from documents this project wrote (many phrasings), through the real ingest
stage, the real coder and the meetings build: calls, readouts and leads, relative dates,
references back, status and modality, ministers, leaders the text introduces, and
multi-party summits."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from summitry.meetings import build, get_meeting, list_meetings
from summitry.store import Store

DOCS = [
    # a readout: no date but "today", the leaders only named in the lead
    (
        "r1",
        "2019-03-11",
        "Today, French President Emmanuel Macron spoke with German Chancellor "
        "Angela Merkel. The two leaders discussed the budget.",
    ),
    # the same call reported on two days with two relative expressions
    (
        "c1",
        "2019-03-08",
        "PARIS (Reuters) - French President Emmanuel Macron and Italian Prime "
        "Minister Giuseppe Conte spoke by phone on Friday about migration.",
    ),
    (
        "c2",
        "2019-03-11",
        "ROME (Reuters) - Italian Prime Minister Giuseppe Conte said he spoke by "
        "phone with French President Emmanuel Macron on Friday about migration.",
    ),
    # only the week is known
    (
        "w1",
        "2019-03-13",
        "TOKYO (Reuters) - Japanese Prime Minister Shinzo Abe and South Korean "
        "President Moon Jae-in spoke by phone last week about North Korea, officials said.",
    ),
    # a reference back with its date, in a later article: the July 2018 encounter
    (
        "p1",
        "2019-07-20",
        "MOSCOW (Reuters) - When U.S. President Donald Trump met Russian "
        "President Vladimir Putin in Helsinki in July 2018, he sided with him over his own "
        "agencies.",
    ),
    # a passing reference with no date: no episode, and none dated the day of the article
    (
        "p2",
        "2019-03-11",
        "LONDON (Reuters) - British Prime Minister Theresa May, who has met "
        "German Chancellor Angela Merkel several times this year, said she expected a deal.",
    ),
    # planned, then held: one episode with its history
    (
        "h1",
        "2019-03-04",
        "NEW DELHI (Reuters) - Indian Prime Minister Narendra Modi will meet "
        "Japanese Prime Minister Shinzo Abe in Tokyo on Friday, the foreign ministry said.",
    ),
    (
        "h2",
        "2019-03-09",
        "TOKYO (Reuters) - Indian Prime Minister Narendra Modi met Japanese Prime "
        "Minister Shinzo Abe in Tokyo on Friday and agreed to boost defence ties.",
    ),
    # modality: may, refused
    (
        "m1",
        "2019-03-11",
        "ANKARA (Reuters) - Turkish President Tayyip Erdogan may meet Russian "
        "President Vladimir Putin next month, an aide said.",
    ),
    (
        "m2",
        "2019-03-11",
        "ANKARA (Reuters) - Turkish President Tayyip Erdogan refused to meet "
        "Israeli Prime Minister Benjamin Netanyahu on Monday.",
    ),
    # not leaders' encounters: aides, a conference call with reporters
    (
        "n1",
        "2019-03-11",
        "WASHINGTON (Reuters) - Aides to U.S. President Donald Trump met "
        "advisers of Chinese President Xi Jinping on Monday.",
    ),
    (
        "n2",
        "2019-03-11",
        "MOSCOW (Reuters) - Kremlin spokesman Dmitry Peskov told a conference "
        "call with reporters on Monday that Putin had no plans to travel.",
    ),
    # a leader the knowledge base does not know, introduced by the text
    (
        "t1",
        "2019-03-11",
        "CAIRO (Reuters) - Egyptian President Abdel Fattah al-Sisi had a "
        "telephone conversation with Tunisian President Kais Saied on Sunday, the presidency said.",
    ),
    # a call reported the same day, and a "discussed" the day after: one call, never a summit
    (
        "d1",
        "2019-04-02",
        "BERLIN (Reuters) - German Chancellor Angela Merkel held a telephone "
        "call with Russian President Vladimir Putin on Tuesday about Ukraine.",
    ),
    (
        "d2",
        "2019-04-03",
        "MOSCOW (Reuters) - Russian President Vladimir Putin and German "
        "Chancellor Angela Merkel discussed Ukraine on Tuesday, the Kremlin said.",
    ),
]


@pytest.fixture(scope="module")
def coded(code_documents) -> Path:
    """A store of the documents above, ingested, coded and built (read it only)."""
    return code_documents("behaviour", DOCS)


def _episodes(path: Path, *between: str, ministers: bool = False) -> list[tuple]:
    store = Store(path, read_only=True)
    try:
        got = list_meetings(store, between=between or None, ministers=ministers)
    finally:
        store.close()
    return [(m["start_date"], m["end_date"], m["format"], m["status"]) for m in got]


def test_a_readout_with_today_founds_a_call(coded: Path) -> None:
    assert _episodes(coded, "Emmanuel Macron", "Angela Merkel") == [
        ("2019-03-11", "2019-03-11", "call", "held")
    ]


def test_one_call_reported_on_two_days_is_one_episode(coded: Path) -> None:
    assert _episodes(coded, "Emmanuel Macron", "Giuseppe Conte") == [
        ("2019-03-08", "2019-03-08", "call", "held")
    ]


def test_only_the_week_known_gives_a_week(coded: Path) -> None:
    store = Store(coded, read_only=True)
    try:
        (m,) = list_meetings(store, between=("Shinzo Abe", "Moon Jae-in"))
    finally:
        store.close()
    assert (m["start_date"], m["end_date"], m["date_precision"], m["format"]) == (
        "2019-03-04",
        "2019-03-10",
        "week",
        "call",
    )


def test_a_dated_reference_back_gives_the_past_encounter(coded: Path) -> None:
    store = Store(coded, read_only=True)
    try:
        (m,) = list_meetings(store, between=("Donald Trump", "Vladimir Putin"))
    finally:
        store.close()
    assert (m["start_date"], m["end_date"], m["city"], m["status"]) == (
        "2018-07-01",
        "2018-07-31",
        "Helsinki",
        "held",
    )
    assert m["first_reported"] == "2019-07-20"  # known from a later article only


def test_a_passing_reference_gives_nothing(coded: Path) -> None:
    assert _episodes(coded, "Theresa May", "Angela Merkel") == []


def test_planned_then_held_is_one_episode_with_its_history(coded: Path) -> None:
    store = Store(coded, read_only=True)
    try:
        (m,) = list_meetings(store, between=("Narendra Modi", "Shinzo Abe"))
        full = get_meeting(store, m["id"])
    finally:
        store.close()
    assert (m["start_date"], m["status"], m["city"]) == ("2019-03-08", "held", "Tokyo")
    history = [i["value"] for i in full["items"] if i["kind"] == "status"]
    assert history == ["planned", "held"]


def test_may_and_refused_are_never_held(coded: Path) -> None:
    assert not [e for e in _episodes(coded, "Tayyip Erdogan", "Vladimir Putin") if e[3] == "held"]
    assert not _episodes(coded, "Tayyip Erdogan", "Benjamin Netanyahu")


def test_aides_and_reporters_are_no_encounter(coded: Path) -> None:
    assert _episodes(coded, "Donald Trump", "Xi Jinping") == []
    store = Store(coded, read_only=True)
    try:
        people = {p for m in list_meetings(store, ministers=True) for p in m["participants"]}
    finally:
        store.close()
    assert "Dmitry Peskov" not in people


def test_a_leader_the_text_introduces(coded: Path) -> None:
    store = Store(coded, read_only=True)
    try:
        (m,) = list_meetings(store, between=("Abdel Fattah al-Sisi", "Kais Saied"))
    finally:
        store.close()
    assert (m["start_date"], m["format"], m["roles"]["Kais Saied"]) == (
        "2019-03-10",
        "call",
        "head_of_state",
    )


def test_a_call_is_never_also_a_summit(coded: Path) -> None:
    assert _episodes(coded, "Angela Merkel", "Vladimir Putin") == [
        ("2019-04-02", "2019-04-02", "call", "held")
    ]


# --- multi-party: three leaders in one sentence (event rows as the coder writes them) ---
SOCHI = (
    "SOCHI, Russia - Russian President Vladimir Putin, Turkish President Tayyip Erdogan and "
    "Iranian President Hassan Rouhani met in Sochi on Wednesday to discuss Syria."
)


def _sochi_event(store, eid: str, source: str, target: str) -> None:
    store.con.execute(
        "INSERT INTO events (event_id, origin, dataset, doc_id, sent_idx, start_char, end_char, "
        "event_date, date_text, source_actor_id, target_actor_id, cameo_code, modality, "
        "trigger_text, trigger_start, trigger_end, rule, created_at) VALUES (?, 'extracted', "
        "'summitry-coder', 'sochi', 0, 0, ?, ?, 'on Wednesday', ?, ?, '040', 'asserted', 'met', "
        "?, ?, 'test-rows', ?)",
        [
            eid,
            len(SOCHI),
            date(2017, 11, 22),
            source,
            target,
            SOCHI.index(" met ") + 1,
            SOCHI.index(" met ") + 4,
            datetime(2020, 1, 1),
        ],
    )


def test_three_leaders_at_one_summit_are_one_episode(store) -> None:
    store.con.execute(
        "INSERT INTO documents (doc_id, canonical_id, source, source_format, published, "
        "published_source, text, n_chars, ingested_at) VALUES ('sochi', 'sochi', 'test', "
        "'text', ?, 'field', ?, ?, ?)",
        [date(2017, 11, 23), SOCHI, len(SOCHI), datetime(2020, 1, 1)],
    )
    _sochi_event(store, "s1", "person:vladimir-putin", "person:recep-tayyip-erdogan")
    _sochi_event(store, "s2", "person:vladimir-putin", "person:hassan-rouhani")
    _sochi_event(store, "s3", "person:recep-tayyip-erdogan", "person:hassan-rouhani")
    build(store)
    got = list_meetings(store)
    assert [(m["start_date"], m["city"], sorted(m["participant_ids"])) for m in got] == [
        (
            "2017-11-22",
            "Sochi",
            ["person:hassan-rouhani", "person:recep-tayyip-erdogan", "person:vladimir-putin"],
        )
    ]
    # --between lists the episodes that include both, whichever two are asked
    assert len(list_meetings(store, between=("Hassan Rouhani", "Tayyip Erdogan"))) == 1
    assert len(list_meetings(store, between=("Vladimir Putin", "Hassan Rouhani"))) == 1
    assert list_meetings(store, between=("Vladimir Putin", "Donald Trump")) == []
