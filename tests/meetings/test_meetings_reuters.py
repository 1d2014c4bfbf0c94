"""End to end on real text: ingest -> code -> build -> compare with the known encounters.

The reference list (../shared/reference/trump_putin_meetings.csv) is read here, for
evaluation only, restricted to the corpus period (19 Oct - 30 Nov 2017)."""

from __future__ import annotations

from pathlib import Path

from summitry.meetings import get_meeting, list_meetings
from summitry.meetings.evaluate import evaluate
from summitry.store import Store


def _tp(store: Store) -> list[dict]:
    return list_meetings(store, between=("Donald Trump", "Vladimir Putin"))


def _evaluate(path: Path, shared_dir: Path) -> dict:
    store = Store(path, read_only=True)
    try:
        return evaluate(
            store,
            shared_dir / "reference" / "trump_putin_meetings.csv",
            ("Donald Trump", "Vladimir Putin"),
        )
    finally:
        store.close()


def test_meetings_reuters_no_false_episodes(reuters_coded: Path, shared_dir: Path) -> None:
    res = _evaluate(reuters_coded, shared_dir)
    assert res["period"] == ["2017-10-19", "2017-11-30"]
    assert res["reference"] == 2  # Da Nang and the 21 Nov call fall in the corpus period
    assert (res["found"], res["matched"]) == (2, 2), res
    assert res["precision"] == 1.0 and res["recall"] == 1.0, res
    for m in res["matches"]:
        assert m["dates_ok"] and m["place_ok"] and m["format_ok"] and m["topics_ok"], m
    store = Store(reuters_coded, read_only=True)
    try:
        found = _tp(store)
    finally:
        store.close()
    # exactly the two encounters, nothing held or planned besides them (the 2016
    # campaign-era "arrange a meeting" back-references must not become episodes)
    got = sorted(
        (m["start_date"], m["end_date"], m["format"], m["status"], m["city"], m["country"])
        for m in found
    )
    assert got == [
        ("2017-11-11", "2017-11-11", "informal", "held", "Da Nang", "VNM"),
        ("2017-11-21", "2017-11-21", "call", "held", None, None),
    ], got
    for m in found:
        assert m["participants"] == ["Donald Trump", "Vladimir Putin"]
        assert m["sources"] and m["id"].startswith("mtg-")


def test_meetings_reuters_da_nang(reuters_coded: Path) -> None:
    store = Store(reuters_coded, read_only=True)
    try:
        danang = [m for m in _tp(store) if m["start_date"] in ("2017-11-10", "2017-11-11")]
        assert len(danang) == 1
        d = get_meeting(store, danang[0]["id"])
        texts = dict(store.con.execute("SELECT doc_id, text FROM documents").fetchall())
    finally:
        store.close()
    assert (d["city"], d["country"], d["format"], d["occasion"], d["status"]) == (
        "Da Nang",
        "VNM",
        "informal",
        "APEC",
        "held",
    )
    # the reference says 10-11 Nov; the corpus dates the encounter "on Saturday" (11 Nov)
    assert "2017-11-10" <= d["start_date"] <= d["end_date"] <= "2017-11-11"
    assert "Syria" in d["topics"]
    # every evidence span points at the sentence text it quotes, with its rule
    for it in d["items"]:
        assert it["rule"]
        if it["doc_id"] is not None:
            assert texts[it["doc_id"]][it["start_char"] : it["end_char"]] == it["text"]
    outcomes = {(i["value"], i["topic"]) for i in d["items"] if i["kind"] == "outcome"}
    assert ("joint_statement", "Syria") in outcomes
    assert any(i["kind"] == "non_outcome" and "bilateral" in i["text"] for i in d["items"])
    # announcements of the meeting are part of this episode's history, not episodes
    history = [i["value"] for i in d["items"] if i["kind"] == "status"]
    assert history[0] == "planned" and "held" in history
    # the Kremlin and its spokesman speak for Putin's side; critics at home react
    assert any(
        i["kind"] == "statement"
        and i["actor_id"] == "person:vladimir-putin"
        and "Peskov" in (i["actor_name"] or "")
        for i in d["items"]
    )
    assert any(i["kind"] == "reaction" and i["actor_name"] == "James Clapper" for i in d["items"])


def test_meetings_reuters_call_held(reuters_coded: Path, shared_dir: Path) -> None:
    """'Trump and Putin spoke on the phone for about an hour on Tuesday and covered topics
    including Syria, Ukraine, ..., a White House official said' (published Tue 21 Nov)."""
    res = _evaluate(reuters_coded, shared_dir)
    assert res["recall"] == 1.0, res
    store = Store(reuters_coded, read_only=True)
    try:
        call = [m for m in _tp(store) if m["start_date"] == "2017-11-21"]
        assert len(call) == 1
        c = get_meeting(store, call[0]["id"])
    finally:
        store.close()
    assert (c["format"], c["status"], c["city"], c["end_date"]) == (
        "call",
        "held",
        None,
        "2017-11-21",
    )
    assert c["duration_minutes"] == 60
    assert {"Syria", "Ukraine", "North Korea"} <= set(c["topics"])
    held = [i for i in c["items"] if i["kind"] == "status" and i["value"] == "held"]
    assert held and all("phone" in i["text"] for i in held)
    # the White House speaks for Trump's side
    assert any(
        i["kind"] == "statement" and i["actor_id"] == "person:donald-trump" for i in c["items"]
    )


def test_meetings_reuters_planned_call_is_not_held(reuters_coded: Path) -> None:
    """Whatever the coder finds, the announced call is one episode, and never 'held'
    without a report that it happened."""
    store = Store(reuters_coded, read_only=True)
    try:
        call = [m for m in _tp(store) if m["start_date"] == "2017-11-21"]
        assert len(call) == 1
        c = get_meeting(store, call[0]["id"])
    finally:
        store.close()
    history = [i["value"] for i in c["items"] if i["kind"] == "status"]
    assert "planned" in history
    assert (c["status"] == "held") == ("held" in history)
    assert c["format"] == "call"
