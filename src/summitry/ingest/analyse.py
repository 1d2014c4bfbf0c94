"""Per-record CPU work of an ingest batch, optionally in worker processes.

For a batch of texts: the normalised ``doc_id``, the MinHash signature and LSH band keys
(:mod:`summitry.ingest.dedup`), and the language detected by py3langid (its model ships
in the package) on the first ``LANG_CHARS`` characters of texts whose metadata gave none.
py3langid walks its byte automaton one text at a time in Python (~0.3 ms per 1,000
characters); :func:`detect_languages` walks it for a whole batch at once with numpy over
the same model and scores with the same naive Bayes tables (a test checks it gives the
same answers as ``py3langid.classify``).
None of this needs the store, so batches are analysed ahead, in ``workers`` processes,
while the main process matches and writes earlier batches; results come back in order.

Workers are forked (on Linux): they start at once, need no ``if __name__ == "__main__"``
guard in the calling script, and never touch the inherited DuckDB connection. They ignore
Ctrl-C (the main process handles it, then kills them) and die with the main process
(``PR_SET_PDEATHSIG``).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import signal
import sys
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

import numpy as np

from summitry.ingest import dedup

LANG_CHARS = 1000  # characters given to the language identifier
LANG_MIN_CHARS = 20  # shorter texts get no detected language
_START = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


@dataclass
class Analysis:
    """Results for one batch, in text order."""

    doc_ids: list[str]
    sigs: np.ndarray  # (n, NUM_PERM) uint32
    counts: np.ndarray  # shingles per text; below dedup.MIN_SHINGLES: not a candidate
    keys: np.ndarray  # (n, bands) int64
    languages: list[str | None]  # detected (None where not asked or too short)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language of ``text`` (py3langid), None for very short text."""
    return detect_languages([text])[0]


@lru_cache(maxsize=1)
def _model() -> tuple[Any, np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """py3langid's identifier and its automaton as arrays (None: unknown layout)."""
    # py3langid: its model loads on import, only when languages are detected
    from py3langid.langid import _get_identifier

    ident = _get_identifier()
    try:
        nextmove = np.asarray(ident.tk_nextmove)
        rowbase = np.asarray(ident.tk_row, dtype=np.int64) << 8
        output = np.asarray(ident.tk_output, dtype=np.int64)
        table = np.asarray(ident.nb_ptc, dtype=np.float32)
        ident.nb_pc, ident.nb_classes, ident._encode  # noqa: B018
    except AttributeError:
        return None
    return ident, nextmove, rowbase, output, table


def detect_languages(texts: list[str]) -> list[str | None]:
    """:func:`detect_language` of each text, batched."""
    samples = [t[:LANG_CHARS].strip() for t in texts]
    todo = [k for k, s in enumerate(samples) if len(s) >= LANG_MIN_CHARS]
    out: list[str | None] = [None] * len(texts)
    if not todo:
        return out
    model = _model()
    if model is None:  # a py3langid we do not know inside: one text at a time
        import py3langid

        for k in todo:
            out[k] = py3langid.classify(samples[k])[0]
        return out
    # scipy: 0.3 s to import, only for batched language detection
    from scipy.sparse import csr_matrix

    ident, nextmove, rowbase, output, table = model
    encoded = [ident._encode(samples[k]) for k in todo]  # as py3langid: NFC UTF-8 bytes
    lens = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
    width = int(lens.max())
    data = np.zeros((width, len(encoded)), dtype=np.int64)  # byte j of every text: one row
    for i, b in enumerate(encoded):
        data[: len(b), i] = np.frombuffer(b, dtype=np.uint8)
    states = np.empty((width, len(encoded)), dtype=nextmove.dtype)
    state = np.zeros(len(encoded), dtype=nextmove.dtype)
    for j in range(width):  # all texts step through the automaton together
        state = states[j] = nextmove[rowbase[state] + data[j]]
    feats = output[states]
    feats[np.arange(width)[:, None] >= lens[None, :]] = -1  # past a text's end
    cols, rows = np.nonzero(feats >= 0)
    counts = csr_matrix(
        (np.ones(rows.size, dtype=np.float32), (rows, feats[cols, rows])),
        shape=(len(encoded), table.shape[0]),
    )  # duplicates summed: feature counts per text
    counts.data = np.log1p(counts.data)
    scores = counts @ table + ident.nb_pc
    best = np.asarray(scores).argmax(axis=1)
    for i, k in enumerate(todo):
        out[k] = ident.nb_classes[int(best[i])] if counts.indptr[i + 1] > counts.indptr[i] else None
    return out


def analyse(texts: list[str], detect: list[bool], threshold: float) -> Analysis:
    """Analyse one batch; ``detect[k]`` asks for the language of ``texts[k]``."""
    norms = [dedup.normalise(t) for t in texts]
    hashes, counts = dedup.batch_shingles(norms)
    sigs = dedup.signatures(hashes, counts)
    return Analysis(
        doc_ids=[dedup.make_doc_id(n) for n in norms],
        sigs=sigs,
        counts=counts,
        keys=dedup.band_keys(sigs, threshold),
        languages=_languages(texts, detect),
    )


def _languages(texts: list[str], detect: list[bool]) -> list[str | None]:
    asked = [k for k, d in enumerate(detect) if d]
    out: list[str | None] = [None] * len(texts)
    for k, lang in zip(asked, detect_languages([texts[k] for k in asked]), strict=True):
        out[k] = lang
    return out


def _worker(conn: Connection, threshold: float) -> None:
    """Worker loop: a batch in, its :class:`Analysis` (or an error message) out."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process handles Ctrl-C
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the main process's handler (forked)
    if sys.platform.startswith("linux"):  # SIGKILL of the main process ends the workers too
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    while True:
        try:
            item = conn.recv()
        except EOFError:
            return
        if item is None:
            return
        try:
            result: tuple[bool, Any] = (True, analyse(*item, threshold))
        except Exception as exc:  # reported by the main process
            result = (False, f"{type(exc).__name__}: {exc}")
        conn.send(result)


class Analyser:
    """Runs :func:`analyse` inline (``workers=0``) or in ``workers`` forked processes.

    Each worker has one batch at a time (so neither side can block the other on a full
    pipe); batches go round-robin and results are read back in the same order.
    """

    def __init__(self, threshold: float, workers: int = 0):
        self.threshold = threshold
        self.workers = workers
        self._procs: list[tuple[BaseProcess, Connection]] = []

    def _start(self) -> None:
        if _START == "fork":
            # loaded once here, the language model's arrays (about 100 MB) are pages the
            # forked workers share instead of each loading its own copy
            _model()
        ctx = multiprocessing.get_context(_START)
        for _ in range(self.workers):
            mine, theirs = ctx.Pipe()
            proc = ctx.Process(target=_worker, args=(theirs, self.threshold), daemon=True)
            proc.start()
            theirs.close()
            self._procs.append((proc, mine))

    def run(self, batches: Iterator[tuple[Any, list[str], list[bool]]]):
        """Yield ``(tag, analysis)`` for ``(tag, texts, detect)`` batches, in order."""
        if self.workers <= 0:
            for tag, texts, detect in batches:
                yield tag, analyse(texts, detect, self.threshold)
            return
        if not self._procs:
            self._start()
        pending: deque[tuple[Any, int]] = deque()  # (tag, worker) in submission order
        try:
            for w in range(len(self._procs)):
                item = next(batches, None)
                if item is None:
                    break
                self._procs[w][1].send(item[1:])
                pending.append((item[0], w))
            while pending:
                tag, w = pending.popleft()
                try:
                    ok, result = self._procs[w][1].recv()
                except EOFError:
                    raise RuntimeError("an ingest worker process died") from None
                if not ok:
                    raise RuntimeError(f"ingest worker failed: {result}")
                item = next(batches, None)
                if item is not None:
                    self._procs[w][1].send(item[1:])
                    pending.append((item[0], w))
                yield tag, result
        except BaseException:  # error, Ctrl-C or abandoned: results in flight are unwanted
            if pending:
                self._stop(force=True)
            raise

    def _stop(self, force: bool) -> None:
        for proc, conn in self._procs:
            if force:
                proc.kill()
            else:
                with contextlib.suppress(OSError):
                    conn.send(None)
        for proc, conn in self._procs:
            proc.join(timeout=10)
            if proc.is_alive():
                proc.kill()
                proc.join()
            conn.close()
        self._procs = []

    def close(self) -> None:
        """Stop the workers (they finish nothing: every batch sent was read back)."""
        self._stop(force=False)
