"""Fixtures of the meetings tests: the Reuters corpus ingested and coded once per session."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from summitry.store import Store


def load_jsonl_documents(store: Store, path: Path) -> int:
    """Put the corpus into ``documents`` — through the ingest stage when it exists, else
    directly (id, title, published date and text of each JSON line)."""
    try:
        from summitry.ingest import ingest_paths  # type: ignore[attr-defined]
    except ImportError:
        ingest_paths = None
    if ingest_paths is not None:
        ingest_paths(store, [path])
        return store.count("documents")
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            rec = json.loads(line)
            doc_id = hashlib.sha1(rec["text"].encode()).hexdigest()[:16]
            rows.append(
                [
                    doc_id,
                    doc_id,
                    str(path),
                    "jsonl",
                    f"line {n}",
                    rec["id"],
                    None,
                    rec["title"],
                    date.fromisoformat(rec["published"]),
                    "field",
                    "published",
                    "en",
                    rec["text"],
                    len(rec["text"]),
                    datetime(2026, 1, 1),
                ]
            )
    with store.transaction() as con:
        con.executemany(
            "INSERT OR IGNORE INTO documents (doc_id, canonical_id, source, source_format, "
            "record_ref, external_id, similarity, title, published, published_source, "
            "published_evidence, language, text, n_chars, ingested_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
    return len(rows)


@pytest.fixture(scope="session")
def reuters_coded(tmp_path_factory, reuters_path: Path) -> Path:
    """A store with the Reuters corpus ingested, coded and meetings built (read it only)."""
    coding = pytest.importorskip("summitry.coding", reason="the event coder is not installed")
    from summitry.meetings import build

    path = tmp_path_factory.mktemp("reuters") / "reuters.duckdb"
    store = Store(path)
    try:
        load_jsonl_documents(store, reuters_path)
        coding.code(store)
        build(store)
    finally:
        store.close()
    return path


@pytest.fixture(scope="session")
def load_documents():
    """The loader: ``load_documents(store, path)`` puts a JSONL corpus into ``documents``."""
    return load_jsonl_documents
