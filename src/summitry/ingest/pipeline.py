"""The ingest run: units -> records -> dated, de-duplicated documents in the store.

Each unit (file or archive member) is written in one transaction together with its
``ingest_files`` row, so an interrupted run (Ctrl-C, SIGKILL) leaves only whole files and
the next run skips them by content SHA-1 and finishes the rest. A file with bad records
keeps its good ones but is not marked finished, so every run reports its bad lines again.
"""

from __future__ import annotations

import csv
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import numpy as np
import pyarrow as pa

from summitry.ingest import dedup
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
from summitry.store import Store

DEFAULT_THRESHOLD = 0.8
BATCH = 1000
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
) -> IngestSummary:
    """Ingest files, directories and archives into ``store``; see the module docstring.

    ``fields`` maps document fields to columns (``["text=body"]`` or ``{"text": "body"}``);
    ``fmt`` forces one format for every file; ``strict`` stops at the first failure (that
    file is rolled back). Failures are collected in the summary and passed to
    ``on_failure`` as they happen; ``on_progress(done_bytes, total_bytes, summary)``.
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
    total = sum(u.size for u in items if isinstance(u, Unit))
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
            with store.transaction():
                for batch in _chunks(read_unit(unit, field_map, warnings), batch_size):
                    records = []
                    for rec in batch:
                        if isinstance(rec, Failure):
                            bad.append(rec)
                            if strict:
                                raise _StrictStop
                        else:
                            records.append(rec)
                    writer.write(unit, records, counts, warnings)
                    progress(unit.consumed())
                if not bad:
                    writer.finish(unit, sha1, counts)
        except _StrictStop:
            stop = True
        except IngestError as exc:
            bad = [Failure(unit.source, str(exc))]
            counts = _Counts()
            stop = strict
        except _READ_ERRORS as exc:
            bad = [Failure(unit.source, _describe(exc))]
            counts = _Counts()
            stop = strict
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
    return summary


_READ_ERRORS = (OSError, EOFError, zlib.error, zipfile.BadZipFile, UnicodeDecodeError, csv.Error)


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


def _chunks(items: Iterator[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
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
        self.con = store.con
        self.threshold = threshold
        self.bands, self.rows = dedup.lsh_params(threshold)
        self.now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)

    def finish(self, unit: Unit, sha1: str, c: _Counts) -> None:
        self.con.execute(
            "INSERT OR REPLACE INTO ingest_files VALUES (?, ?, ?, ?, ?, 0, ?)",
            [unit.source, sha1, c.records, c.added, c.exact, self.now],
        )

    def write(self, unit: Unit, records: list[Record], c: _Counts, warnings: list[str]) -> None:
        c.records += len(records)
        batch: dict[str, tuple[str, Record]] = {}
        for rec in records:
            norm = dedup.normalise(rec.text)
            doc_id = dedup.make_doc_id(norm)
            if doc_id in batch:
                c.exact += 1
            else:
                batch[doc_id] = (norm, rec)
        if not batch:
            return
        stored = self.con.execute(
            "SELECT doc_id, source, record_ref FROM documents WHERE doc_id IN (SELECT unnest(?))",
            [list(batch)],
        ).fetchall()
        for doc_id, source, ref in stored:
            if source == unit.source and ref == batch[doc_id][1].record_ref:
                c.already += 1
            else:
                c.exact += 1
            del batch[doc_id]
        if not batch:
            return
        ids = list(batch)
        hashes, counts = dedup.batch_shingles([norm for norm, _ in batch.values()])
        sigs = dedup.signatures(hashes, counts)
        valid = counts >= dedup.MIN_SHINGLES
        keys = dedup.band_keys(sigs, self.threshold)
        canonical, similarity = self._match(ids, sigs, keys, valid)
        c.near += sum(1 for k, d in enumerate(ids) if canonical[k] != d)
        self._insert(unit, ids, batch, canonical, similarity, c, warnings)
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
                    "SELECT c.row, c.doc_id, m.signature FROM c JOIN doc_minhash m USING (doc_id)"
                ).fetchall()
            finally:
                self.con.unregister("_ingest_q")
            for row, doc_id, sig in found:
                cand.setdefault(row, []).append((doc_id, np.asarray(sig, dtype=np.uint32)))
        canonical, similarity = list(ids), [None] * len(ids)
        buckets: dict[tuple[int, int], list[int]] = {}  # canonicals of this batch
        for k in range(len(ids)):
            if not valid[k]:
                continue
            best_id, best = None, -1.0
            for doc_id, sig in cand.get(k, []):
                s = float(dedup.similarity(sigs[k], sig[None, :])[0])
                if s > best:
                    best_id, best = doc_id, s
            mine = [(b, int(keys[k, b])) for b in range(self.bands)]
            local = {j for key in mine for j in buckets.get(key, [])}
            for j in local:
                s = float(dedup.similarity(sigs[k], sigs[j][None, :])[0])
                if s > best:
                    best_id, best = ids[j], s
            if best_id is not None and best >= self.threshold:
                canonical[k], similarity[k] = best_id, round(best, 4)
            else:
                for key in mine:
                    buckets.setdefault(key, []).append(k)
        return canonical, similarity

    def _insert(self, unit, ids, batch, canonical, similarity, c, warnings) -> None:
        cols: dict[str, list] = {name.strip(): [] for name in _DOC_COLUMNS.split(",")}
        for k, doc_id in enumerate(ids):
            _, rec = batch[doc_id]
            notes: list[str] = []
            published, how, evidence = resolve(rec, notes)
            warnings.extend(f"{unit.source}:{n}" for n in notes)
            if published is None:
                c.undated += 1
            text = rec.text.strip()
            row = (
                doc_id, canonical[k], similarity[k], unit.source, unit.fmt, rec.record_ref,
                rec.external_id, rec.url, rec.title, published, how, evidence, rec.language,
                text, len(text), self.now,
            )  # fmt: skip
            for values, value in zip(cols.values(), row, strict=True):
                values.append(value)
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
