"""The ingest tables carry no key index, and doc_id stays unique without one.

DuckDB holds a PRIMARY KEY's ART index in memory, outside what it can evict, so a keyed
``documents`` made ingest memory grow with the number of documents (bench/bench_memory.py
measures it). Uniqueness is the pipeline's job: every batch is looked up before it is
appended, in the batch itself, in earlier batches of the same transaction, in earlier files
and runs, and after an interrupted run.
"""

from __future__ import annotations

import json
from pathlib import Path

from summitry.ingest import ingest_paths, pipeline
from summitry.store import Store
from summitry.store.transfer import export_table, import_table

INGEST_TABLES = ("documents", "doc_minhash", "doc_lsh", "ingest_files")


def _no_key_index_but_ingest_files(store) -> None:
    keyed = store.con.execute(
        "SELECT DISTINCT table_name FROM duckdb_constraints() "
        "WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE') AND table_name IN ?",
        [list(INGEST_TABLES)],
    ).fetchall()
    assert keyed == [("ingest_files",)]  # one row per input file: small
    assert store.con.execute("SELECT count(*) FROM duckdb_indexes()").fetchone()[0] == 0


def test_ingest_tables_have_no_key_index_but_ingest_files(store):
    _no_key_index_but_ingest_files(store)


def _unique(store) -> None:
    for table in ("documents", "doc_minhash"):
        total, distinct = store.con.execute(
            f"SELECT count(*), count(DISTINCT doc_id) FROM {table}"
        ).fetchone()
        assert total == distinct, table


def test_doc_id_unique_across_batches_transactions_files_and_runs(
    tmp_path: Path, story, monkeypatch
):
    monkeypatch.setattr(pipeline, "COMMIT_EVERY", 7)  # several transactions per file
    texts = [story(i) for i in range(30)]
    rows = [{"id": f"a{k}", "text": texts[k % 12]} for k in range(30)]  # repeats everywhere
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (tmp_path / "b.jsonl").write_text(
        "".join(json.dumps({"id": f"b{k}", "text": t}) + "\n" for k, t in enumerate(texts))
    )
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        first = ingest_paths(store, [tmp_path / "a.jsonl", tmp_path / "b.jsonl"], batch_size=5)
        assert first.added == 30 and first.exact_duplicates == 30
        _unique(store)
        store.con.execute("DELETE FROM ingest_files")  # as if the run had been killed
        again = ingest_paths(store, [tmp_path], batch_size=4)
        assert again.added == 0
        _unique(store)
        assert store.count("documents") == 30


def test_import_keeps_doc_id_unique_and_is_idempotent(tmp_path: Path, story):
    (tmp_path / "a.jsonl").write_text(
        "".join(json.dumps({"id": k, "text": story(k)}) + "\n" for k in range(5))
    )
    with Store(tmp_path / "src.duckdb") as src:
        ingest_paths(src, [tmp_path / "a.jsonl"])
        for table in ("documents", "doc_minhash", "doc_lsh"):
            export_table(src, table, tmp_path / f"{table}.parquet", "parquet")
        lsh = src.count("doc_lsh")
    with Store(tmp_path / "dst.duckdb") as dst:
        ingest_paths(dst, [tmp_path / "a.jsonl"])  # the same documents are there already
        assert import_table(dst, "documents", tmp_path / "documents.parquet") == 0
        assert import_table(dst, "doc_minhash", tmp_path / "doc_minhash.parquet") == 0
        assert import_table(dst, "doc_lsh", tmp_path / "doc_lsh.parquet") == 0
        _unique(dst)
        assert dst.count("doc_lsh") == lsh
    with Store(tmp_path / "empty.duckdb") as empty:
        assert import_table(empty, "documents", tmp_path / "documents.parquet") == 5
        assert import_table(empty, "documents", tmp_path / "documents.parquet") == 0
        _unique(empty)


def test_migration_drops_the_keys_and_keeps_the_rows(tmp_path: Path, story):
    (tmp_path / "a.jsonl").write_text(
        "".join(json.dumps({"id": k, "text": story(k)}) + "\n" for k in range(4))
    )
    db = tmp_path / "old.duckdb"
    with Store(db, migrate_to=4) as old:  # the schema before 013_ingest_unindexed.sql
        ingest_paths(old, [tmp_path / "a.jsonl"])
        rows = [
            old.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
            for t in ("documents", "doc_minhash")
        ]
        assert (
            old.con.execute(
                "SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'documents' "
                "AND constraint_type = 'PRIMARY KEY'"
            ).fetchone()[0]
            == 1
        )
    with Store(db) as new:
        assert new.schema_version == 5
        _no_key_index_but_ingest_files(new)
        assert rows == [
            new.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
            for t in ("documents", "doc_minhash")
        ]
        again = ingest_paths(new, [tmp_path / "a.jsonl"])
        assert again.added == 0 and again.files_skipped == 1
