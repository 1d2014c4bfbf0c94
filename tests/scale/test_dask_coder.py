"""The coder on a real Dask cluster (local processes) gives the rows ``summitry code`` gives."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from summitry.coding import code
from summitry.scale import code_on_dask
from summitry.store import Store

N_DOCS = 60
EVENT_COLS = (
    "event_id, doc_id, sent_idx, start_char, end_char, source_actor_id, cameo_code, "
    "target_actor_id, event_date, modality, rule"
)


def _subset(reuters_path: Path, folder: Path) -> Path:
    out = folder / "subset.jsonl"
    with reuters_path.open(encoding="utf-8") as fh:
        out.write_text("".join(itertools.islice(fh, N_DOCS)), encoding="utf-8")
    return out


def _store(path: Path, corpus: Path) -> Store:
    from summitry.ingest import ingest_paths

    store = Store(path)
    ingest_paths(store, [corpus])
    return store


def _events(store: Store) -> set[tuple]:
    return set(
        store.con.execute(
            f"SELECT {EVENT_COLS} FROM events WHERE dataset = 'summitry-coder' "
            "AND coalesce(source_actor_id, '') NOT LIKE 'person:text:%' "
            "AND coalesce(target_actor_id, '') NOT LIKE 'person:text:%'"
        ).fetchall()
    )


@pytest.fixture(scope="module")
def local_and_dask(reuters_path: Path, tmp_path_factory) -> tuple[Store, Store, object]:
    folder = tmp_path_factory.mktemp("scale")
    corpus = _subset(reuters_path, folder)
    local = _store(folder / "local.duckdb", corpus)
    code(local)
    dask_store = _store(folder / "dask.duckdb", corpus)
    summary = code_on_dask(dask_store, folder / "work", n_workers=2, partition_docs=15)
    return local, dask_store, summary


def test_dask_run_codes_every_document(local_and_dask) -> None:
    local, dask_store, summary = local_and_dask
    assert summary.partitions == 4 and summary.workers == 2
    n_docs = dask_store.count("documents")
    assert summary.documents == n_docs
    assert dask_store.count("coded_documents") == local.count("coded_documents") == n_docs
    assert dask_store.count("sentences") == local.count("sentences")


def test_dask_run_gives_the_same_events_as_a_local_run(local_and_dask) -> None:
    local, dask_store, _ = local_and_dask
    expected = _events(local)
    assert len(expected) > 20
    assert _events(dask_store) == expected


def test_dask_rerun_codes_nothing_and_duplicates_nothing(local_and_dask, tmp_path) -> None:
    _, dask_store, _ = local_and_dask
    before = dask_store.count("events")
    again = code_on_dask(dask_store, tmp_path / "work", n_workers=1)
    assert again.partitions == 0 and again.documents == 0
    assert dask_store.count("events") == before


def test_partition_left_by_an_interrupted_run_is_merged(local_and_dask, tmp_path) -> None:
    """A coded partition file left behind (the driver died before merging) is merged by the
    next run without coding again, and merging it twice changes nothing."""
    from summitry.scale.dask_coder import code_partition, write_partitions

    local, _, _ = local_and_dask
    fresh = Store(tmp_path / "fresh.duckdb")
    rows = local.con.cursor().sql("SELECT * FROM documents").to_arrow_table()
    fresh.con.register("_docs", rows)
    fresh.con.execute("INSERT INTO documents SELECT * FROM _docs")
    query = "SELECT doc_id FROM documents ORDER BY doc_id"
    ids = [r[0] for r in fresh.con.execute(query).fetchall()]
    work = tmp_path / "work"
    (part,) = write_partitions(fresh, ids[:10], work / "input", 10)
    (work / "coded").mkdir()
    code_partition(str(part), str(work / "coded" / "part-left.duckdb"), [])
    summary = code_on_dask(fresh, work, n_workers=1)
    assert summary.resumed == 1
    assert fresh.count("coded_documents") == len(ids)
    assert not list((work / "coded").glob("*.duckdb"))


def test_cli_engine_dask(reuters_path: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from summitry.cli import app

    corpus = _subset(reuters_path, tmp_path)
    db = str(tmp_path / "cli.duckdb")
    runner = CliRunner()
    assert runner.invoke(app, ["--db", db, "ingest", str(corpus)]).exit_code == 0
    args = ["--db", db, "code", "--engine", "dask", "--workers", "1", "--limit", "12"]
    result = runner.invoke(app, [*args, "--work-dir", str(tmp_path / "w")])
    assert result.exit_code == 0, result.output
    assert "coded 12 documents on 1 Dask workers" in result.output
    bad = runner.invoke(app, ["--db", db, "code", "--engine", "spark"])
    assert bad.exit_code == 1 and "expected local or dask" in bad.output
