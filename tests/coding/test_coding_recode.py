"""Coding again (``--recode``) replaces a document's rows: same rows, nothing doubled."""

from __future__ import annotations

from pathlib import Path

from summitry.coding import code
from summitry.store import Store

TABLES = ("sentences", "mentions", "events", "topic_assignments", "evidence", "coded_documents")


def _snapshot(store: Store) -> dict[str, int]:
    return {t: store.count(t) for t in TABLES}


def test_recode_replaces_rows_without_duplicates(tmp_path: Path, load_reuters, reuters_path):
    store = Store(tmp_path / "recode.duckdb")
    load_reuters(store, reuters_path, limit=25)
    first = code(store)
    before = _snapshot(store)
    events = store.con.execute("SELECT event_id FROM events ORDER BY event_id").fetchall()
    assert first.documents == 25 and before["events"] > 0
    again = code(store, recode=True)
    assert again.documents == 25
    assert _snapshot(store) == before
    assert store.con.execute("SELECT event_id FROM events ORDER BY event_id").fetchall() == events
    # rows of other origins are never touched by the coder's clearing, even on its documents
    doc_id = store.con.execute("SELECT doc_id FROM coded_documents LIMIT 1").fetchone()[0]
    store.con.execute(
        "INSERT INTO events (event_id, origin, dataset, doc_id, rule, created_at) "
        "VALUES ('x:1', 'imported', 'gdelt2', ?, 'import-gdelt2:1', now())",
        [doc_id],
    )
    code(store, recode=True)
    assert store.count("events") == before["events"] + 1
