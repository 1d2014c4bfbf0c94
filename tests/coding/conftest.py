"""Coding fixtures: one spaCy model and one coder per session; Reuters loaded into a store."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def coder():
    from summitry.coding.coder import Coder
    from summitry.coding.people import load_people

    return Coder(people=load_people())


@pytest.fixture(scope="session")
def load_reuters():
    """A loader: ``load_reuters(store, path, limit)``."""
    return _load_reuters


def _load_reuters(store, path: Path, limit: int | None = None) -> int:
    """Put the Reuters JSONL into ``documents`` (ingest API when present, else a plain INSERT)."""
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            d = json.loads(line)
            did = hashlib.sha1(d["text"].encode()).hexdigest()[:16]
            rows.append(
                (
                    did,
                    did,
                    None,
                    str(path),
                    "jsonl",
                    str(n + 1),
                    d["id"],
                    None,
                    d["title"],
                    d["published"],
                    "field",
                    "published",
                    "en",
                    d["text"],
                    len(d["text"]),
                    datetime.now(),
                )
            )
    # documents has no key index (schema 5): skip ids stored already or repeated here
    stored = {r[0] for r in store.con.execute("SELECT doc_id FROM documents").fetchall()}
    first: dict[str, tuple] = {}
    for r in rows:
        if r[0] not in stored:
            first.setdefault(r[0], r)
    new = list(first.values())
    if new:
        store.con.executemany("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", new)
    return len(rows)
