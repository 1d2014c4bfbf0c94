"""The shared Reuters corpus ingests cleanly with the dates of its ``published`` field."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from summitry.ingest import ingest_paths


def test_reuters_corpus(store, reuters_path: Path):
    records = [json.loads(line) for line in reuters_path.open(encoding="utf-8")]
    assert len(records) == 573
    summary = ingest_paths(store, [reuters_path])
    assert summary.ok and summary.records == 573 and summary.undated == 0
    assert summary.added + summary.exact_duplicates == 573
    assert store.count("documents") == summary.added <= 573
    by_id = {r["id"]: r for r in records}
    rows = store.con.execute(
        "SELECT external_id, published, published_source, published_evidence, title, text, "
        "doc_id = canonical_id FROM documents"
    ).fetchall()
    for ext, published, how, evidence, title, text, _ in rows:
        rec = by_id[ext]
        assert published == date.fromisoformat(rec["published"])
        assert (how, evidence) == ("field", "published")
        assert (title, text) == (rec["title"], rec["text"].strip())
    # every record is either stored or an exact duplicate of a stored text
    assert {r["text"].strip() for r in records} == {r[5] for r in rows}
    # near-duplicates point at a stored canonical document
    dangling = store.con.execute(
        "SELECT count(*) FROM documents d WHERE NOT EXISTS "
        "(SELECT 1 FROM documents c WHERE c.doc_id = d.canonical_id AND c.canonical_id = c.doc_id)"
    ).fetchone()[0]
    assert dangling == 0
    assert summary.near_duplicates == sum(1 for r in rows if not r[6])
    again = ingest_paths(store, [reuters_path])
    assert (again.files_skipped, again.added) == (1, 0)


def test_package_level_api(store, tmp_path: Path, texts):
    import summitry

    (tmp_path / "a.txt").write_text(texts[0])
    summary = summitry.ingest(store, [tmp_path / "a.txt"])
    assert summary.added == 1 and store.count("documents") == 1
