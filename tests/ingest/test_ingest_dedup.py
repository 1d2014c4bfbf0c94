"""Exact duplicates stored once, near-duplicates linked across runs, re-runs change nothing."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from datasketch import MinHash

from summitry.ingest import dedup, ingest_paths


def _table(store, sql: str) -> list[tuple]:
    return store.con.execute(sql).fetchall()


def _snapshot(store) -> list[list[tuple]]:
    return [
        _table(store, f"SELECT * FROM {t} ORDER BY ALL")
        for t in ("documents", "ingest_files", "doc_minhash", "doc_lsh")
    ]


def _rewire(text: str) -> str:
    """A wire copy: new dateline and a changed closing sentence."""
    head, _, _ = text.rpartition(".")
    return "LONDON (Wire) - " + head.rsplit(".", 1)[0] + ". Reporting by a second desk."


def test_signatures_equal_datasketch_minhash(story):
    texts = [dedup.normalise(story(i)) for i in range(40)] + ["short", ""]
    hashes, counts = dedup.batch_shingles(texts)
    shingles = [dedup.shingle_hashes(t) for t in texts]
    assert np.array_equal(np.concatenate(shingles), hashes)
    assert counts.tolist() == [s.size for s in shingles] and counts[-2:].tolist() == [0, 0]
    ours = dedup.signatures(hashes, counts)
    for sig, sh in zip(ours, shingles, strict=True):
        ref = MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED, scheme="affine32",
                      hashfunc=int)  # fmt: skip
        ref.update_batch(sh.tolist())
        assert np.array_equal(sig, ref.hashvalues)
    assert (ours[-1] == np.iinfo(np.uint32).max).all()


def test_exact_and_near_duplicates(store, tmp_path: Path, story):
    base = [story(i) for i in range(4)]
    copy = _rewire(base[0])
    rows = [
        {"id": "a", "text": base[0]},
        {"id": "b", "text": "  " + base[0].replace(" ", "  ") + "\n"},  # same normalised text
        {"id": "c", "text": base[1]},
        {"id": "d", "text": copy},
        {"id": "e", "text": base[2]},
    ]
    (tmp_path / "one.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    summary = ingest_paths(store, [tmp_path / "one.jsonl"])
    assert (summary.added, summary.exact_duplicates, summary.near_duplicates) == (4, 1, 1)
    docs = {r[0]: r[1:] for r in _table(
        store, "SELECT external_id, doc_id, canonical_id, similarity FROM documents")}  # fmt: skip
    assert set(docs) == {"a", "c", "d", "e"}
    assert docs["d"][1] == docs["a"][0] and 0.8 <= docs["d"][2] < 1.0
    assert docs["a"][1] == docs["a"][0] and docs["a"][2] is None
    assert docs["c"][1] == docs["c"][0]

    # a later run (the index persists in the store): a re-post of c links to c
    (tmp_path / "two.txt").write_text(_rewire(base[1]))
    (tmp_path / "three.txt").write_text(base[3])
    later = ingest_paths(store, [tmp_path / "two.txt", tmp_path / "three.txt"])
    assert (later.added, later.near_duplicates) == (2, 1)
    linked = _table(store, "SELECT canonical_id FROM documents WHERE source LIKE '%two.txt'")
    assert linked == [(docs["c"][0],)]
    stories = _table(store, "SELECT count(DISTINCT canonical_id) FROM documents")[0][0]
    assert stories == 4  # a, c, e, three


def test_reingest_changes_nothing(store, tmp_path: Path, story):
    (tmp_path / "d").mkdir()
    for i in range(3):
        (tmp_path / "d" / f"{i}.txt").write_text(story(i))
    (tmp_path / "d" / "x.jsonl").write_text(json.dumps({"text": story(9)}) + "\n")
    first = ingest_paths(store, [tmp_path / "d"])
    assert first.added == 4 and first.files_read == 4
    before = _snapshot(store)
    again = ingest_paths(store, [tmp_path / "d"])
    assert (again.added, again.files_read, again.files_skipped) == (0, 0, 4)
    assert _snapshot(store) == before
    # the same content under another name is skipped too
    (tmp_path / "copy.txt").write_text(story(0))
    assert ingest_paths(store, [tmp_path / "copy.txt"]).files_skipped == 1
    assert _snapshot(store) == before
