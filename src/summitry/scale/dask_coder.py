"""Run the event coder on a Dask cluster: the same stage code, partition by partition.

The driver writes the documents still to be coded as Parquet partitions, each Dask task
codes one partition with :class:`summitry.coding.coder.Coder` (the code ``summitry code``
runs) into a small DuckDB file of its own, and the driver merges each finished partition into
the store in one transaction. Finished partitions are kept in the work folder, so an
interrupted run resumes; documents coded by a merged partition are not coded again.

Limitation: a person introduced by the text ("the Iranian president, Hassan Rouhani") is
recognised by surname in later documents of the same partition and in documents coded by
earlier runs, not across partitions of the same run.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

from summitry.coding.coder import CODED_TABLES, Coder, clear_coded_rows, pending_documents
from summitry.events import group_reports
from summitry.store import Store


@dataclass
class DaskCodeSummary:
    """What a Dask coding run did."""

    partitions: int = 0
    resumed: int = 0
    documents: int = 0
    events: int = 0
    workers: int = 0
    status: dict[str, int] = field(default_factory=dict)


def write_partitions(store: Store, doc_ids: Sequence[str], folder: Path, size: int) -> list[Path]:
    """Write the documents to code as Parquet files of ``size`` documents each, named by the
    hash of their document ids (atomically; a file already there is reused)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for start in range(0, len(doc_ids), size):
        chunk = list(doc_ids[start : start + size])
        digest = hashlib.sha1("\n".join(chunk).encode()).hexdigest()[:16]
        path = folder / f"part-{digest}.parquet"
        paths.append(path)
        if path.exists():
            continue
        tmp = path.with_suffix(".tmp")
        store.con.execute(
            "COPY (SELECT d.doc_id, d.text, d.published, d.url, d.language, "
            "d.canonical_id <> d.doc_id AS is_dup, list_position(?, d.doc_id) AS ord "
            "FROM documents d WHERE d.doc_id IN (SELECT unnest(?)) ORDER BY ord) "
            f"TO '{tmp}' (FORMAT parquet)",
            [chunk, chunk],
        )
        os.replace(tmp, path)
    return paths


_CODER = None


def code_partition(
    source: str,
    target: str,
    known_people: list[tuple[str, str, str | None]],
    people_paths: tuple[str, ...] = (),
    taxonomy_path: str | None = None,
) -> str:
    """Dask task: code the documents of one Parquet partition into a DuckDB file ``target``.

    The coder (spaCy model, lexicons) is loaded once per worker process and reused."""
    global _CODER
    if _CODER is None or (_CODER.people_paths, _CODER.taxonomy_path) != (
        tuple(people_paths),
        taxonomy_path,
    ):
        _CODER = Coder(people_paths=tuple(people_paths), taxonomy_path=taxonomy_path)
    coder = _CODER
    coder.people.reset_text()
    for actor_id, name, iso3 in known_people:
        coder.people.add_text_person(actor_id, name, iso3)
    rows = pq.read_table(source).to_pylist()
    keys = ("doc_id", "text", "published", "url", "language", "is_dup")
    docs = [coder.prepare_row(tuple(r[k] for k in keys)) for r in rows]  # failures stay pending
    batch = coder.build_rows(docs)
    tmp = Path(target + ".tmp")
    tmp.unlink(missing_ok=True)
    part = Store(tmp)
    try:
        with part.transaction() as con:
            batch.insert(con)
    finally:
        part.close()
    os.replace(tmp, target)
    return target


def merge_partition(store: Store, part: Path) -> dict[str, int]:
    """Merge one coded partition into ``store`` in a single transaction; return its status
    counts. Earlier rows of the same documents are replaced, so a merge can be repeated."""
    status: dict[str, int] = {}
    store.con.execute(f"ATTACH '{part}' AS p (READ_ONLY)")
    try:
        with store.transaction() as con:
            clear_coded_rows(con, "SELECT doc_id FROM p.coded_documents")
            for table in CODED_TABLES:
                cols = ", ".join(f'"{r[0]}"' for r in con.execute(f'DESCRIBE "{table}"').fetchall())
                con.execute(
                    f'INSERT OR IGNORE INTO "{table}" ({cols}) SELECT {cols} FROM p."{table}"'
                )
            for s, n in con.execute(
                "SELECT status, count(*) FROM p.coded_documents GROUP BY status"
            ).fetchall():
                status[s] = n
    finally:
        store.con.execute("DETACH p")
    return status


def code_on_dask(
    store: Store,
    work_dir: str | Path,
    *,
    scheduler: str | None = None,
    n_workers: int = 2,
    partition_docs: int = 200,
    actors: Sequence[str | Path] = (),
    topics: str | None = None,
    recode: bool = False,
    limit: int | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> DaskCodeSummary:
    """Code the store's pending documents on Dask (a running scheduler at ``scheduler``, else
    a local cluster of ``n_workers`` processes) and merge the results into ``store``."""
    # dask: optional (summitry[scale]), only for --engine dask
    from dask.distributed import Client, LocalCluster, as_completed

    work = Path(work_dir)
    in_dir, out_dir = work / "input", work / "coded"
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = DaskCodeSummary()
    # partitions coded by an interrupted run: merge them first (merging is repeatable)
    for done in sorted(out_dir.glob("*.duckdb")):
        summary.resumed += 1
        _merge_into(store, done, summary)
        done.unlink()
    ids = pending_documents(store, recode=recode and not summary.resumed)[:limit]
    inputs = write_partitions(store, ids, in_dir, partition_docs)
    for stale in set(in_dir.glob("part-*.parquet")) - set(inputs):
        stale.unlink()
    summary.partitions = len(inputs)
    known = store.con.execute(
        "SELECT actor_id, name, iso3 FROM actors WHERE origin = 'text'"
    ).fetchall()
    if inputs:
        cluster = None
        if scheduler is None:
            cluster = LocalCluster(
                n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=":0"
            )
        client = Client(scheduler or cluster)
        try:
            summary.workers = len(client.scheduler_info()["workers"])
            futures = {
                client.submit(
                    code_partition,
                    str(src),
                    str(out_dir / (src.stem + ".duckdb")),
                    known,
                    tuple(str(a) for a in actors),
                    topics,
                    pure=False,
                ): src
                for src in inputs
            }
            for fut in as_completed(futures):
                done = Path(fut.result())
                _merge_into(store, done, summary)
                done.unlink()
                futures[fut].unlink()
                if on_progress:
                    on_progress(1, len(inputs))
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    group_reports(store)
    return summary


def _merge_into(store: Store, part: Path, summary: DaskCodeSummary) -> None:
    status = merge_partition(store, part)
    for s, n in status.items():
        summary.status[s] = summary.status.get(s, 0) + n
        summary.documents += n
    con = store.con
    con.execute(f"ATTACH '{part}' AS q (READ_ONLY)")
    try:
        summary.events += con.execute("SELECT count(*) FROM q.events").fetchone()[0]
    finally:
        con.execute("DETACH q")
