"""The ingest run: units -> records -> dated, de-duplicated documents in the store.

Each unit (file or archive member) is written in one transaction together with its
``ingest_files`` row; a very large file is committed every ``COMMIT_EVERY`` records so
memory stays flat. An interrupted run (Ctrl-C, SIGKILL) leaves whole documents only; the
next run skips finished units by content SHA-1, recognises the documents a unit already
stored (same source and record) and finishes the rest. A unit that fails is taken out
again; a file with bad records keeps its good ones but is not marked finished, so every
run reports its bad lines again. The per-record CPU work (document id, MinHash, language)
runs ahead in worker processes for large inputs (:mod:`summitry.ingest.analyse`);
matching and writing stay in order in this process.
"""

from __future__ import annotations

import csv
import os
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import numpy as np
import pyarrow as pa

from summitry.faults import fault_point
from summitry.ingest import dedup
from summitry.ingest.analyse import Analyser, Analysis
from summitry.ingest.dates import resolve
from summitry.ingest.formats import read_unit
from summitry.ingest.model import (
    FORMATS,
    Failure,
    IngestError,
    IngestSummary,
    Record,
    parse_field_map,
)
from summitry.ingest.sources import Unit, expand
from summitry.limits import LimitExceeded, Limits, human
from summitry.store import Store

DEFAULT_THRESHOLD = 0.8
BATCH = 2000
PARALLEL_BYTES = 16 << 20  # inputs at least this large get worker processes by default
# DuckDB memory cap during an ingest run (the store's own memory_limit if that is lower):
# ingest appends and looks up one batch at a time, so a small buffer pool costs nothing,
# while DuckDB would otherwise keep every page written cached up to the store's limit and
# memory would grow with the corpus. Everything DuckDB holds for ingest is evictable: the
# ingest tables have no key index (an ART index stays in memory; migration 013).
# 200 MB of short records (493,500 documents, workers=0): main VmHWM 512 MB at 128 MB,
# 630 MB at 256 MB (646 MB with the old key indexes, which at 2 million documents would
# no longer fit under 128 MB at all: DuckDB's "Out of Memory" error); 100 MB of them with
# two workers: peak PSS 432 MB at 64 MB, 498 MB at 128 MB, in the same time (88 s).
MEMORY_LIMIT = "64MB"
COMMIT_EVERY = 10_000  # records per transaction inside a large file (bounds memory)
COMMIT_CHARS = 32_000_000  # a transaction also ends when its texts reach this many characters
# a batch also ends when its texts reach this many characters: main process and workers
# hold a few batches at once (one per worker in flight, one being written), and a worker
# needs about 15 bytes per character to analyse one (White House corpus, 9,200 characters
# a record: peak PSS 1,053 MB with 16 million characters a batch)
BATCH_CHARS = 2_000_000
T = TypeVar("T")
ProgressFn = Callable[[int, int, IngestSummary], None]


@dataclass
class _Counts:
    records: int = 0
    added: int = 0
    exact: int = 0
    near: int = 0
    already: int = 0
    undated: int = 0


class _StrictStop(Exception):
    pass


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path] | str | Path,
    *,
    fields: list[str] | dict[str, str] | None = None,
    strict: bool = False,
    fmt: str | None = None,
    near_threshold: float = DEFAULT_THRESHOLD,
    batch_size: int = BATCH,
    on_progress: ProgressFn | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    workers: int | None = None,
    limits: Limits | None = None,
) -> IngestSummary:
    """Ingest files, directories and archives into ``store``; see the module docstring.

    ``fields`` maps document fields to columns (``["text=body"]`` or ``{"text": "body"}``);
    ``fmt`` forces one format for every file; ``strict`` stops at the first failure (that
    file is rolled back). Failures are collected in the summary and passed to
    ``on_failure`` as they happen; ``on_progress(done_bytes, total_bytes, summary)``.
    ``workers`` processes compute document ids, MinHash signatures and languages ahead
    (0: in this process; default: one per CPU when the input is at least 16 MB).
    ``limits`` bound what one input may cost (default: from the settings): a document over
    the size limit is refused and reported, a decompression bomb refuses its file.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    field_map = parse_field_map(fields)
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if not 0 < near_threshold <= 1:
        raise ValueError(f"near_threshold must be in (0, 1], got {near_threshold}")
    summary = IngestSummary()
    writer = _Writer(store, near_threshold)
    done = {r[0] for r in store.con.execute("SELECT content_sha1 FROM ingest_files").fetchall()}
    items = list(expand(list(paths), fmt))
    limits = limits or Limits.from_settings()
    for u in items:
        if isinstance(u, Unit):
            u.limits = limits
    total = sum(u.size for u in items if isinstance(u, Unit))
    if workers is None:
        workers = (os.cpu_count() or 1) if total >= PARALLEL_BYTES else 0
    analyser = Analyser(near_threshold, workers)
    previous = _cap_memory(store.con, MEMORY_LIMIT)
    try:
        _run(store, writer, analyser, items, done, total, field_map, strict, batch_size,
             summary, on_progress, on_failure)  # fmt: skip
    finally:
        analyser.close()
        if previous is not None:
            store.con.execute(f"SET memory_limit = '{previous}'")
    return summary


def _cap_memory(con, limit: str) -> str | None:
    """Lower DuckDB's memory_limit to ``limit`` unless it is lower; the old value, if changed."""
    current = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    con.execute(f"SET memory_limit = '{limit}'")
    capped = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    if _bytes(capped) < _bytes(current):
        return current
    con.execute(f"SET memory_limit = '{current}'")
    return None


def _bytes(setting: str) -> float:
    """Bytes of a DuckDB memory setting as it prints them (``488.2 MiB``, ``1.8 GiB``)."""
    number, _, unit = setting.partition(" ")
    scale = {"bytes": 1, "KiB": 2**10, "MiB": 2**20, "GiB": 2**30, "TiB": 2**40}
    return float(number) * scale.get(unit, 1)


def _run(store, writer, analyser, items, done, total, field_map, strict, batch_size, summary,
         on_progress, on_failure) -> None:  # fmt: skip
    finished_bytes = 0

    def fail(failure: Failure) -> None:
        summary.failures.append(failure)
        if on_failure is not None:
            on_failure(failure)

    def progress(extra: int = 0) -> None:
        if on_progress is not None:
            on_progress(min(finished_bytes + extra, total), total, summary)

    progress()
    for item in items:
        if isinstance(item, Failure):
            fail(item)
            if strict:
                break
            continue
        unit = item
        try:
            sha1 = unit.sha1()
        except _READ_ERRORS as exc:
            fail(Failure(unit.source, _describe(exc)))
            if strict:
                break
            continue
        if sha1 in done:
            summary.files_skipped += 1
            finished_bytes += unit.size
            progress()
            continue
        counts, bad, warnings = _Counts(), [], []
        stop = False
        try:
            _ingest_unit(store, writer, analyser, unit, sha1, field_map, strict, batch_size,
                         counts, bad, warnings, progress)  # fmt: skip
        except _StrictStop:
            stop = True
            writer.remove(unit)
        except (IngestError, *_READ_ERRORS) as exc:
            message = str(exc) if isinstance(exc, IngestError) else _describe(exc)
            bad = [Failure(unit.source, message)]
            stop = strict
            writer.remove(unit)
        else:
            summary.files_read += 1
            summary.records += counts.records
            summary.added += counts.added
            summary.exact_duplicates += counts.exact
            summary.near_duplicates += counts.near
            summary.already_stored += counts.already
            summary.undated += counts.undated
            summary.warnings.extend(warnings)
            if not bad:
                done.add(sha1)
        for failure in bad:
            fail(failure)
        finished_bytes += unit.size
        progress()
        if stop:
            break


def _ingest_unit(store, writer, analyser, unit, sha1, field_map, strict, batch_size, counts,
                 bad, warnings, tick) -> None:  # fmt: skip
    """Write one unit: one transaction per ``COMMIT_EVERY`` records or ``COMMIT_CHARS``
    characters (one for most files), the last one with its ``ingest_files`` row."""

    def split() -> Iterator[tuple[tuple[list, list[Record]], list[str], list[bool]]]:
        for batch in _chunks(read_unit(unit, field_map, warnings), batch_size):
            batch = [_within_limit(r, unit) for r in batch]
            records = [r for r in batch if not isinstance(r, Failure)]
            yield (batch, records), [r.text for r in records], [not r.language for r in records]

    batches = analyser.run(split())
    finished = False
    while not finished:
        with store.transaction():
            n = chars = 0
            for (batch, records), analysis in batches:
                for rec in batch:
                    if isinstance(rec, Failure):
                        bad.append(rec)
                        if strict:
                            raise _StrictStop
                writer.write(unit, records, analysis, counts, warnings)
                fault_point("ingest.batch-written")
                tick(unit.consumed())
                n += len(batch)
                chars += sum(len(r.text) for r in records)
                if n >= COMMIT_EVERY or chars >= COMMIT_CHARS:
                    break
            else:
                if not bad:
                    writer.finish(unit, sha1, counts)
                finished = True
        fault_point("ingest.committed")


_READ_ERRORS = (
    OSError,
    EOFError,
    zlib.error,
    zipfile.BadZipFile,
    UnicodeDecodeError,
    csv.Error,
    LimitExceeded,
)


def _within_limit(item: Record | Failure, unit: Unit) -> Record | Failure:
    """A record whose text is over the document limit becomes a failure (never truncated)."""
    limit = unit.limits.max_document
    if isinstance(item, Failure) or len(item.text) <= limit // 4:
        return item
    size = len(item.text.encode("utf-8", "surrogatepass"))
    if size <= limit:
        return item
    return Failure(
        unit.source,
        f"document of {human(size)} is over the limit of {human(limit)} "
        "(max_document_size): refused, not truncated",
        item.record_ref,
    )


def _describe(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return "truncated: the compressed data ends before its end marker"
    if isinstance(exc, zlib.error | zipfile.BadZipFile) or type(exc).__name__ == "BadGzipFile":
        return f"corrupt compressed data: {exc}"
    if isinstance(exc, UnicodeDecodeError):
        return f"not {exc.encoding} text (invalid byte at offset {exc.start})"
    if isinstance(exc, csv.Error):
        return f"malformed CSV: {exc}"
    if isinstance(exc, OSError):
        return f"cannot read: {exc.strerror or exc}"
    return str(exc)


def _chunks(items: Iterator[T], size: int, max_chars: int = BATCH_CHARS) -> Iterator[list[T]]:
    """Batches of ``size`` items, or fewer when their texts reach ``max_chars``."""
    batch: list[T] = []
    chars = 0
    for item in items:
        batch.append(item)
        chars += len(getattr(item, "text", ""))
        if len(batch) >= size or chars >= max_chars:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


_DOC_COLUMNS = (
    "doc_id, canonical_id, similarity, source, source_format, record_ref, external_id, url, "
    "title, published, published_source, published_evidence, language, text, n_chars, "
    "ingested_at"
)


class _Writer:
    """Writes batches of records: exact and near-duplicate checks, then Arrow appends."""

    def __init__(self, store: Store, threshold: float):
        self.store, self.con = store, store.con
        self.threshold = threshold
        self.bands, self.rows = dedup.lsh_params(threshold)
        self.now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)

    def remove(self, unit: Unit) -> None:
        """Take out what a failed unit added in its earlier, committed transactions of this
        run (its documents carry its source and this run's time; no id list is kept, so
        memory does not grow with the file)."""
        mine = "SELECT doc_id FROM documents WHERE source = ? AND ingested_at = ?"
        with self.store.transaction():
            for table in ("doc_lsh", "doc_minhash"):
                self.con.execute(
                    f"DELETE FROM {table} WHERE doc_id IN ({mine})", [unit.source, self.now]
                )
            self.con.execute(
                "DELETE FROM documents WHERE source = ? AND ingested_at = ?",
                [unit.source, self.now],
            )

    def finish(self, unit: Unit, sha1: str, c: _Counts) -> None:
        self.con.execute(
            "INSERT OR REPLACE INTO ingest_files VALUES (?, ?, ?, ?, ?, 0, ?)",
            [unit.source, sha1, c.records, c.added, c.exact, self.now],
        )

    def write(
        self, unit: Unit, records: list[Record], a: Analysis, c: _Counts, warnings: list[str]
    ) -> None:
        c.records += len(records)
        batch: dict[str, int] = {}  # doc_id -> position in records (first occurrence)
        for k, doc_id in enumerate(a.doc_ids):
            if doc_id in batch:
                c.exact += 1
            else:
                batch[doc_id] = k
        if not batch:
            return
        stored = self.con.execute(
            "SELECT doc_id, source, record_ref FROM documents WHERE doc_id IN (SELECT unnest(?))",
            [list(batch)],
        ).fetchall()
        for doc_id, source, ref in stored:
            if source == unit.source and ref == records[batch[doc_id]].record_ref:
                c.already += 1
            else:
                c.exact += 1
            del batch[doc_id]
        if not batch:
            return
        ids = list(batch)
        pos = np.fromiter(batch.values(), dtype=np.int64, count=len(batch))
        sigs, keys = a.sigs[pos], a.keys[pos]
        valid = a.counts[pos] >= dedup.MIN_SHINGLES
        canonical, similarity = self._match(ids, sigs, keys, valid)
        c.near += sum(1 for k, d in enumerate(ids) if canonical[k] != d)
        found = [(records[p], a.languages[p]) for p in pos.tolist()]
        self._insert(unit, ids, found, canonical, similarity, c, warnings)
        self._insert_index(ids, sigs, keys, valid, canonical)

    def _match(
        self, ids: list[str], sigs: np.ndarray, keys: np.ndarray, valid: np.ndarray
    ) -> tuple[list[str], list[float | None]]:
        """Canonical id and similarity of each new document (itself and None if none)."""
        rows = np.flatnonzero(valid)
        cand: dict[int, list[tuple[str, np.ndarray]]] = {}
        if rows.size:
            q = pa.table(
                {
                    "row": np.repeat(rows, self.bands).astype(np.int32),
                    "band": np.tile(np.arange(self.bands, dtype=np.uint8), rows.size),
                    "bucket": keys[rows].ravel(),
                }
            )
            self.con.register("_ingest_q", q)
            try:
                found = self.con.execute(
                    "WITH c AS (SELECT DISTINCT q.row, l.doc_id FROM _ingest_q q "
                    "JOIN doc_lsh l ON l.band = q.band AND l.bucket = q.bucket) "
                    "SELECT c.row, c.doc_id, m.signature FROM c JOIN doc_minhash m USING (doc_id) "
                    "ORDER BY c.row, c.doc_id"  # DuckDB's join order varies with its threads
                ).fetchall()
            finally:
                self.con.unregister("_ingest_q")
            for row, doc_id, sig in found:
                cand.setdefault(row, []).append((doc_id, np.asarray(sig, dtype=np.uint32)))
        canonical, similarity = list(ids), [None] * len(ids)
        buckets: dict[tuple[int, int], list[int]] = {}  # canonicals of this batch
        key_rows = keys.tolist()
        for k in rows.tolist():
            best_id, best = None, -1.0
            for doc_id, sig in cand.get(k, ()):
                s = float(dedup.similarity(sigs[k], sig[None, :])[0])
                if _better(s, doc_id, best, best_id):
                    best_id, best = doc_id, s
            mine = list(enumerate(key_rows[k]))
            local = [buckets[key] for key in mine if key in buckets]
            for j in set().union(*local) if local else ():
                s = float(dedup.similarity(sigs[k], sigs[j][None, :])[0])
                if _better(s, ids[j], best, best_id):
                    best_id, best = ids[j], s
            if best_id is not None and best >= self.threshold:
                canonical[k], similarity[k] = best_id, round(best, 4)
            else:
                for key in mine:
                    buckets.setdefault(key, []).append(k)
        return canonical, similarity

    def _insert(self, unit, ids, found, canonical, similarity, c, warnings) -> None:
        """``found``: (record, detected language) per new id; metadata language wins."""
        n = len(ids)
        notes: list[str] = []
        dated = [resolve(rec, notes) for rec, _ in found]
        warnings.extend(f"{unit.source}:{note}" for note in notes)
        c.undated += sum(1 for d in dated if d[0] is None)
        texts = [rec.text.strip() for rec, _ in found]
        cols: dict[str, list] = {
            "doc_id": ids,
            "canonical_id": canonical,
            "similarity": similarity,
            "source": [unit.source] * n,
            "source_format": [unit.fmt] * n,
            "record_ref": [rec.record_ref for rec, _ in found],
            "external_id": [rec.external_id for rec, _ in found],
            "url": [rec.url for rec, _ in found],
            "title": [rec.title for rec, _ in found],
            "published": [d[0] for d in dated],
            "published_source": [d[1] for d in dated],
            "published_evidence": [d[2] for d in dated],
            "language": [rec.language or detected for rec, detected in found],
            "text": texts,
            "n_chars": [len(t) for t in texts],
            "ingested_at": [self.now] * n,
        }
        types = {
            "similarity": pa.float64(),
            "published": pa.date32(),
            "n_chars": pa.int32(),
            "ingested_at": pa.timestamp("us"),
        }
        table = pa.table({k: pa.array(v, type=types.get(k, pa.string())) for k, v in cols.items()})
        self.con.register("_ingest_docs", table)
        try:
            self.con.execute(
                f"INSERT INTO documents ({_DOC_COLUMNS}) SELECT {_DOC_COLUMNS} FROM _ingest_docs"
            )
        finally:
            self.con.unregister("_ingest_docs")
        c.added += len(ids)

    def _insert_index(self, ids, sigs, keys, valid, canonical) -> None:
        rows = np.flatnonzero(valid)
        if not rows.size:
            return
        flat = pa.array(sigs[rows].ravel(), type=pa.uint32())
        sig_table = pa.table(
            {
                "doc_id": pa.array([ids[k] for k in rows], type=pa.string()),
                "signature": pa.FixedSizeListArray.from_arrays(flat, dedup.NUM_PERM),
            }
        )
        canon = np.array([k for k in rows if canonical[k] == ids[k]], dtype=np.int64)
        lsh_table = pa.table(
            {
                "band": np.tile(np.arange(self.bands, dtype=np.uint8), canon.size),
                "bucket": keys[canon].ravel() if canon.size else np.empty(0, np.int64),
                "doc_id": pa.array([ids[k] for k in canon for _ in range(self.bands)]),
            }
        )
        for name, table, target in (
            ("_ingest_sig", sig_table, "doc_minhash"),
            ("_ingest_lsh", lsh_table, "doc_lsh"),
        ):
            self.con.register(name, table)
            try:
                self.con.execute(f"INSERT INTO {target} SELECT * FROM {name}")
            finally:
                self.con.unregister(name)


def _better(s: float, doc_id: str, best: float, best_id: str | None) -> bool:
    """A more similar candidate wins; among equally similar ones the smallest id, so the
    canonical document never depends on the order candidates come in."""
    return s > best or (s == best and best_id is not None and doc_id < best_id)
