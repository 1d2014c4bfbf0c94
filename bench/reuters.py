"""Shared by bench/bench_coder.py and the coding tests (tests/coding/conftest.py): the Reuters
JSONL of ../shared put straight into ``documents``, without ingest (no near-duplicate
matching or language detection: the coder's input only)."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

REUTERS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "reuters-2017-oct-nov.jsonl"


def reuters_rows(path: Path = REUTERS, limit: int | None = None, repeat: int = 1) -> list[tuple]:
    """``documents`` rows of the first ``limit`` records of ``path``, ``repeat`` times over
    (copy r > 0 of a text gets an id of its own: ``sha1("r|text")``)."""
    rows = []
    now = datetime.now()
    for r in range(repeat):
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if limit is not None and n >= limit:
                    break
                d = json.loads(line)
                key = d["text"] if r == 0 else f"{r}|{d['text']}"
                did = hashlib.sha1(key.encode()).hexdigest()[:16]
                text = d["text"]
                rows.append(
                    (did, did, None, str(path), "jsonl", str(n + 1), d["id"], None, d["title"],
                     d["published"], "field", "published", "en", text, len(text), now)
                )  # fmt: skip
    return rows


def store_documents(store, rows: list[tuple]) -> int:
    """Insert ``rows`` into ``documents``, but ids stored already or repeated among them
    (the table has no key index, schema 5: one row per id, as ingest keeps it); return the
    number inserted."""
    stored = {r[0] for r in store.con.execute("SELECT doc_id FROM documents").fetchall()}
    first: dict[str, tuple] = {}
    for row in rows:
        if row[0] not in stored:
            first.setdefault(row[0], row)
    new = list(first.values())
    if new:
        store.con.executemany("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", new)
    return len(new)
