"""The Reykjavik case, end to end through the command line on a real store: for reports
dated 11 October 1986, "the Soviet leader" is Mikhail Gorbachev (the party leader) both in
the events ``summitry code`` writes and in what ``summitry actors who`` answers, never Andrei
Gromyko (head of state then)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summitry.cli import app
from summitry.store import open_store

ON = "1986-10-11"
GORBACHEV, REAGAN = "person:mikhail-gorbachev", "person:ronald-reagan"
SENTENCES = [
    "The Soviet leader met President Reagan in Reykjavik.",
    "The Soviet leader met with President Reagan in Reykjavik on Saturday.",
    "President Reagan met the Soviet leader in Reykjavik.",
    "In Reykjavik, the Soviet leader held talks with President Reagan.",
]


@pytest.fixture(scope="module")
def coded_store(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("reykjavik")
    corpus = tmp / "reports.jsonl"
    rows = [
        {"id": f"r{i}", "title": "Summit", "published": ON, "text": s, "language": "en"}
        for i, s in enumerate(SENTENCES)
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp / "store.duckdb"
    runner = CliRunner()
    r = runner.invoke(app, ["--db", str(db), "ingest", "--workers", "0", str(corpus)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["--db", str(db), "code", "--workers", "1"])
    assert r.exit_code == 0, r.output
    return db


def _doc_id(db: Path, text: str) -> str:
    with open_store(db, read_only=True) as store:
        return store.con.execute("SELECT doc_id FROM documents WHERE text = ?", [text]).fetchone()[
            0
        ]


def _meetings(db: Path) -> dict[str, set[frozenset[str]]]:
    r = CliRunner().invoke(app, ["--db", str(db), "events", "--type", "04", "--format", "json"])
    assert r.exit_code == 0, r.output
    out: dict[str, set[frozenset[str]]] = {}
    for e in json.loads(r.stdout):
        pair = frozenset((e["source_actor_id"], e["target_actor_id"]))
        out.setdefault(e["doc_id"], set()).add(pair)
    return out


@pytest.mark.parametrize("i", range(len(SENTENCES)))
def test_code_writes_a_meeting_of_reagan_and_gorbachev(coded_store, i):
    got = _meetings(coded_store).get(_doc_id(coded_store, SENTENCES[i]), set())
    assert frozenset((GORBACHEV, REAGAN)) in got, (SENTENCES[i], got)
    assert not any("person:andrei-gromyko" in p for p in got)


def test_actors_who_gives_gorbachev():
    r = CliRunner().invoke(
        app, ["actors", "who", "the Soviet leader", "--on", ON, "--format", "json"]
    )
    assert r.exit_code == 0, r.output
    assert [m["actor_id"] for m in json.loads(r.stdout)] == [GORBACHEV]
    # the head of state of the day was Gromyko: the descriptor is not that title
    r = CliRunner().invoke(
        app, ["actors", "who", "the Soviet head of state", "--on", ON, "--format", "json"]
    )
    assert [m["actor_id"] for m in json.loads(r.stdout)] == ["person:andrei-gromyko"]
