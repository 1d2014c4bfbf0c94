"""Readout and news phrasings of calls and encounters (sentences written for this test),
through the real ingest stage, the real coder and the meetings build: "received a call
from", "told X by phone", "a joint press conference with X"; and what is no
encounter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summitry.meetings import build, list_meetings
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
]


@pytest.fixture(scope="module")
def coded(tmp_path_factory) -> Path:
    """A store of the documents above, ingested, coded and built (read it only)."""
    from summitry import coding
    from summitry.ingest import ingest_paths

    folder = tmp_path_factory.mktemp("phrasings")
    corpus = folder / "docs.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for ident, published, text in DOCS:
            rec = {"id": ident, "title": ident, "published": published, "text": text}
            fh.write(json.dumps(rec) + "\n")
    path = folder / "p.duckdb"
    store = Store(path)
    try:
        ingest_paths(store, [corpus], workers=0)
        coding.code(store)
        build(store)
    finally:
        store.close()
    return path


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
