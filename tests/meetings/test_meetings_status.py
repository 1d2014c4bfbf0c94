"""Status history and background references, on documents and event rows written by the
test (the sentences are this project's own wording)."""

from __future__ import annotations

from datetime import date, datetime

from test_meetings_imported import _seed_roles

from summitry.meetings import build, get_meeting, list_meetings

DOCS = {
    "a": (
        date(2018, 11, 20),
        "WASHINGTON - Donald Trump will meet Vladimir Putin at the G20 "
        "summit in Buenos Aires, Argentina on Dec. 1, the White House said on Tuesday.",
    ),
    "b": (
        date(2018, 11, 29),
        "BUENOS AIRES - Donald Trump said on Thursday he had cancelled "
        "his meeting with Vladimir Putin at the G20 summit because of the ship seizures.",
    ),
    "c": (
        date(2018, 11, 29),
        "MOSCOW - Trump and Putin first met in Hamburg in July 2017. "
        "Trump has met Putin before, at the summit in Helsinki.",
    ),
}


def _doc(store, doc_id: str) -> None:
    published, text = DOCS[doc_id]
    store.con.execute(
        "INSERT INTO documents (doc_id, canonical_id, source, source_format, published, "
        "published_source, text, n_chars, ingested_at) VALUES (?, ?, 'test', 'text', ?, "
        "'field', ?, ?, ?)",
        [doc_id, doc_id, published, text, len(text), datetime(2020, 1, 1)],
    )


def _event(
    store,
    eid: str,
    doc_id: str,
    cameo: str,
    modality: str,
    day: date,
    date_text: str | None,
    trigger: str,
    sentence: str,
) -> None:
    text = DOCS[doc_id][1]
    s = text.index(sentence)
    store.con.execute(
        "INSERT INTO events (event_id, origin, dataset, doc_id, sent_idx, start_char, end_char, "
        "event_date, date_text, source_actor_id, target_actor_id, cameo_code, modality, "
        "trigger_text, rule, created_at) VALUES (?, 'extracted', 'summitry-coder', ?, ?, ?, ?, "
        "?, ?, 'person:donald-trump', 'person:vladimir-putin', ?, ?, ?, 'test-rows', ?)",
        [
            eid,
            doc_id,
            0 if s == 0 else 1,
            s,
            s + len(sentence),
            day,
            date_text,
            cameo,
            modality,
            trigger,
            datetime(2020, 1, 1),
        ],
    )


def test_meetings_cancelled_meeting_is_never_held(store) -> None:
    _seed_roles(store)
    for d in DOCS:
        _doc(store, d)
    _event(store, "e1", "a", "036", "planned", date(2018, 12, 1), "Dec. 1", "meet", DOCS["a"][1])
    _event(
        store,
        "e2",
        "b",
        "040",
        "negated",
        date(2018, 11, 29),
        "on Thursday",
        "meeting",
        DOCS["b"][1],
    )
    # back-references: dated far before the article; undated in an article about other things
    _event(
        store,
        "e3",
        "c",
        "040",
        "asserted",
        date(2017, 7, 1),
        "in July 2017",
        "met",
        "Trump and Putin first met in Hamburg in July 2017.",
    )
    _event(
        store,
        "e4",
        "c",
        "040",
        "asserted",
        date(2018, 11, 29),
        None,
        "met",
        "Trump has met Putin before, at the summit in Helsinki.",
    )
    build(store)
    got = list_meetings(store, between=("Donald Trump", "Vladimir Putin"))
    # the dated back-reference gives the July 2017 encounter (its month), never one dated
    # the day of the article; "has met Putin before" gives none
    assert [
        (
            m["start_date"],
            m["end_date"],
            m["status"],
            m["format"],
            m["occasion"],
            m["city"],
            m["country"],
        )
        for m in got
    ] == [
        ("2017-07-01", "2017-07-31", "held", "summit", None, "Hamburg", "DEU"),
        ("2018-12-01", "2018-12-01", "cancelled", "sideline", "G20", "Buenos Aires", "ARG"),
    ]
    got = got[1:]
    m = get_meeting(store, got[0]["id"])
    history = [(i["value"], i["item_date"]) for i in m["items"] if i["kind"] == "status"]
    assert history == [("planned", "2018-11-20"), ("cancelled", "2018-11-29")]
    assert not list_meetings(store, date_from=date(2018, 1, 1), status=["held"])


CALL_DOCS = {
    "p": (
        date(2019, 5, 3),
        "MOSCOW - Vladimir Putin and Donald Trump will hold a telephone "
        "conversation on Friday, the Kremlin said.",
    ),
    "h": (
        date(2019, 5, 3),
        "WASHINGTON - Donald Trump and Vladimir Putin talked by phone for "
        "more than an hour on Friday, discussing North Korea and Ukraine, the White House "
        "said. The conversation also touched on arms control, a spokesman said.",
    ),
}


def test_meetings_announced_call_then_held_is_one_episode(store) -> None:
    _seed_roles(store)
    DOCS.update(CALL_DOCS)
    for d in CALL_DOCS:
        _doc(store, d)
    first = CALL_DOCS["h"][1].split(" The ")[0]
    _event(
        store, "c1", "p", "036", "planned", date(2019, 5, 3), "on Friday", "hold", CALL_DOCS["p"][1]
    )
    # attributed to the White House (reported), no speaker actor: still the US side's word
    _event(store, "c2", "h", "041", "reported", date(2019, 5, 3), "on Friday", "talked", first)
    build(store)
    got = list_meetings(store, between=("USA", "RUS"))
    assert [(m["start_date"], m["format"], m["status"], m["duration_minutes"]) for m in got] == [
        ("2019-05-03", "call", "held", 60)
    ]
    assert {"North Korea", "Ukraine", "arms control"} <= set(got[0]["topics"])
    m = get_meeting(store, got[0]["id"])
    assert [i["value"] for i in m["items"] if i["kind"] == "status"] == ["planned", "held"]


MODAL_DOCS = {
    # the project's own wording; the coder runs on them (no hand-written events)
    "m1": (
        date(2019, 6, 3),
        "MOSCOW - Vladimir Putin and Donald Trump may speak by phone "
        "later this week, the Kremlin said on Monday.",
    ),
    "m2": (
        date(2019, 6, 5),
        "MOSCOW - No phone call between Putin and Trump was planned, "
        "Kremlin spokesman Dmitry Peskov said on Wednesday.",
    ),
    "m3": (
        date(2019, 6, 12),
        "WASHINGTON - U.S. President Donald Trump and Russian President "
        "Vladimir Putin talked by telephone for half an hour on Tuesday about Iran, a White "
        "House official said.",
    ),
}


def test_meetings_coded_calls_respect_modality(store) -> None:
    """'may speak' and 'no call was planned' never make a held call; 'talked by telephone
    on Tuesday, a White House official said' does, dated by its text."""
    import pytest

    coding = pytest.importorskip("summitry.coding")
    DOCS.update(MODAL_DOCS)
    for d in ("m1", "m2"):
        _doc(store, d)
    coding.code(store)
    mods = store.con.execute(
        "SELECT doc_id, cameo_code, modality FROM events WHERE cameo_code IN ('036', '041') "
        "ORDER BY doc_id"
    ).fetchall()
    assert mods == [("m1", "036", "hypothetical"), ("m2", "041", "negated")]
    build(store)
    got = list_meetings(store, between=("Donald Trump", "Vladimir Putin"))
    assert not [m for m in got if m["status"] == "held"], got
    _doc(store, "m3")
    coding.code(store)
    build(store)
    got = list_meetings(store, between=("Donald Trump", "Vladimir Putin"))
    assert [
        (m["start_date"], m["format"], m["status"], m["duration_minutes"])
        for m in got
        if m["status"] == "held"
    ] == [("2019-06-11", "call", "held", 30)]
    assert "Iran" in got[-1]["topics"]
