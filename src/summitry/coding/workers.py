"""Worker processes of a parallel coder run.

Where the platform has a ``multiprocessing`` fork server (Linux, macOS), workers are forks
of it, and the server loads once what every worker needs: summitry and spaCy, the model,
the actors KB, the topic taxonomy and the gazetteer. Each spawned worker would load all of
that itself (about 3 s of CPU per worker). The server starts while this process prepares
the first batches, so nobody waits for it. Elsewhere workers are spawned. Either way each
worker starts from the same state, so the rows do not depend on the start method.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

PRELOAD_MODULE = "summitry.coding.worker_preload"
_PRELOADED: Any = None  # the default Coder, in the fork server and so in its workers
_WORKER: Any = None  # the Coder of this worker process


def preload() -> None:
    """Load the default coder with its model and the gazetteer (run by the fork server).
    A failure is left to the workers, which then load their own and report it."""
    global _PRELOADED
    try:
        from summitry.coding.coder import Coder
        from summitry.geo.gazetteer import load_all

        coder = Coder()
        _ = coder.nlp
        load_all()
        _PRELOADED = coder
    except Exception:  # noqa: BLE001 - reported by the worker that loads it again
        _PRELOADED = None


def code_in_workers(
    n_process: int, init_args: tuple[tuple[str, ...], str | None, bool], batches: Iterator
) -> Iterator[tuple[list, Any]]:
    """``(docs, rows)`` for each batch of prepared documents, in order, built by
    ``n_process`` workers; batches are prepared here until the workers are up."""
    ctx = _context()
    with ThreadPoolExecutor(1) as starter:
        started = starter.submit(ctx.Pool, n_process, _init, init_args)
        ready = []
        for batch in batches:
            ready.append(batch)
            if started.done():
                break
        pool = started.result()
    with pool:
        yield from pool.imap(_run, itertools.chain(ready, batches))


def _context():
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload([PRELOAD_MODULE])
        return ctx
    return mp.get_context("spawn")


def _init(people_paths: tuple[str, ...], taxonomy_path: str | None, lenient: bool) -> None:
    global _WORKER
    if _PRELOADED is not None and not people_paths and taxonomy_path is None and not lenient:
        _WORKER = _PRELOADED  # the run uses the defaults the server loaded
        return
    from summitry.coding.coder import Coder
    from summitry.coding.people import load_people

    _WORKER = Coder(
        people=load_people(people_paths, strict=not lenient),
        taxonomy_path=taxonomy_path,
        nlp=_PRELOADED.nlp if _PRELOADED is not None else None,
    )


def _run(docs: list) -> tuple[list, Any]:
    assert _WORKER is not None
    rows = _WORKER.build_rows(docs)
    for d in docs:  # only ids travel back
        d.text, d.sentences, d.candidates = "", [], {}
    return docs, rows
