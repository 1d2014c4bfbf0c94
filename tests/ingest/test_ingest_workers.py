"""Worker processes change nothing but speed; shingle hashes match a plain reference."""

from __future__ import annotations

import json
from pathlib import Path

from summitry.ingest import dedup, ingest_paths
from summitry.store import Store

_M = 0xFFFFFFFFFFFFFFFF


def _reference_hashes(normalised: str) -> list[int]:
    """Window hashes computed one window at a time with Python ints."""
    data = normalised.lower().encode("utf-8")
    starts = [0] + [i + 1 for i, b in enumerate(data) if b == 32]
    out = []
    for s in starts:
        if s + dedup.WINDOW > len(data):
            continue
        w = [int.from_bytes(data[s + 8 * k : s + 8 * k + 8], "little") for k in range(3)]
        h = (
            (w[0] * int(dedup._M1) & _M)
            ^ (w[1] * int(dedup._M2) & _M)
            ^ (w[2] * int(dedup._M3) & _M)
        )
        h ^= h >> 29
        h = h * int(dedup._M1) & _M
        h ^= h >> 32
        out.append(h & 0xFFFFFFFF)
    return out


def test_shingle_hashes_equal_reference(story):
    texts = [dedup.normalise(story(i, 60 + 7 * i)) for i in range(12)] + ["Été à Zürich — ok"]
    hashes, counts = dedup.batch_shingles(texts)
    expected = [h for t in texts for h in _reference_hashes(t)]
    assert hashes.tolist() == expected
    assert counts.tolist() == [len(_reference_hashes(t)) for t in texts]


def _rows(store: Store) -> list[list[tuple]]:
    cols = "* EXCLUDE (ingested_at)"
    return [
        store.con.execute(f"SELECT {c} FROM {t} ORDER BY ALL").fetchall()
        for t, c in (("documents", cols), ("doc_minhash", "*"), ("doc_lsh", "*"))
    ]


def test_workers_store_the_same_as_inline(tmp_path: Path, story):
    rows = []
    for i in range(300):
        text = story(i)
        if i % 10 == 3:  # a near-duplicate (new dateline, last sentence changed)
            text = "LONDON (Wire) - " + story(i - 1).rsplit(".", 2)[0] + ". Second desk."
        if i % 25 == 7:  # an exact duplicate
            text = story(i - 2)
        rows.append({"id": str(i), "text": text, "published": "2017-11-10"})
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    results = []
    for workers in (0, 2):
        with Store(tmp_path / f"w{workers}.duckdb", memory_limit="1GB") as store:
            summary = ingest_paths(store, [path], workers=workers, batch_size=64)
            limit = store.con.execute("SELECT current_setting('memory_limit')").fetchone()
            assert limit == ("953.5 MiB",)  # capped at 256 MB during the run, then put back
            assert summary.ok and summary.near_duplicates > 0 and summary.exact_duplicates > 0
            results.append((summary.added, summary.near_duplicates, _rows(store)))
            langs = store.con.execute("SELECT DISTINCT language FROM documents").fetchall()
            assert langs == [("en",)]
    assert results[0] == results[1]
