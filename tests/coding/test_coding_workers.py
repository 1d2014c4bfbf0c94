"""Parallel coding gives exactly the rows of coding in this process, whether the workers
share the fork server's preloaded coder or (with a user taxonomy) load their own."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from summitry.coding.coder import Coder
from summitry.store import Store

_TABLES = {
    "events": "SELECT * EXCLUDE (created_at) FROM events ORDER BY event_id",
    "mentions": "SELECT * FROM mentions ORDER BY mention_id",
    "topics": "SELECT * FROM topic_assignments ORDER BY fact_kind, fact_id, topic",
    "evidence": "SELECT * FROM evidence ORDER BY evidence_id",
}


def _code(tmp_path: Path, name: str, load_reuters, reuters_path, n_process: int, **kw):
    with Store(tmp_path / f"{name}.duckdb") as store:
        load_reuters(store, reuters_path, limit=120)
        ids = [r[0] for r in store.con.execute("SELECT doc_id FROM documents").fetchall()]
        summary = Coder(**kw).run(store, ids, n_process=n_process, batch_docs=25)
        return summary, {t: store.con.execute(q).fetchall() for t, q in _TABLES.items()}


def test_workers_write_the_rows_of_one_process(tmp_path, load_reuters, reuters_path):
    one, rows_one = _code(tmp_path, "one", load_reuters, reuters_path, 1)
    two, rows_two = _code(tmp_path, "two", load_reuters, reuters_path, 2)
    assert one.events > 50 and one.parsed > 0
    assert (two.documents, two.sentences, two.parsed, two.events) == (
        one.documents,
        one.sentences,
        one.parsed,
        one.events,
    )
    for table, rows in rows_one.items():
        assert rows_two[table] == rows, table


def test_workers_with_a_user_taxonomy_load_their_own(tmp_path, load_reuters, reuters_path):
    packaged = resources.files("summitry.data").joinpath("topics").joinpath("topics_v1.yaml")
    spec = packaged.read_text(encoding="utf-8")
    user = tmp_path / "topics.yaml"
    # a user taxonomy: the packaged one plus a topic only this run knows
    user.write_text(spec + "\ntax_reform:\n  label: Tax reform\n  terms: [tax bill, tax cut*]\n")
    _, rows_one = _code(tmp_path, "u1", load_reuters, reuters_path, 1, taxonomy_path=str(user))
    _, rows_two = _code(tmp_path, "u2", load_reuters, reuters_path, 2, taxonomy_path=str(user))
    assert rows_two == rows_one
    assert any(r[2] == "tax_reform" for r in rows_two["topics"])
