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
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

PRELOAD_MODULE = "summitry.coding.worker_preload"
PRELOADED: Any = None  # what the fork server loaded (set by PRELOAD_MODULE), so its forks share it
_WORKER: Any = None  # the coder of this worker process

# This module knows no coder: the caller passes ``start(preloaded, *init_args)``, a
# module-level function that returns the worker's coder (anything with ``build_rows``).


def code_in_workers(
    n_process: int, start: Callable[..., Any], init_args: tuple, batches: Iterator
) -> Iterator[tuple[list, Any]]:
    """``(docs, rows)`` for each batch of prepared documents, in order, built by
    ``n_process`` workers; batches are prepared here until the workers are up."""
    ctx = _context()
    with ThreadPoolExecutor(1) as starter:
        started = starter.submit(ctx.Pool, n_process, _init, (start, init_args))
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


def _init(start: Callable[..., Any], init_args: tuple) -> None:
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool's terminate() ends a worker
    _WORKER = start(PRELOADED, *init_args)


def _run(docs: list) -> tuple[list, Any]:
    assert _WORKER is not None
    rows = _WORKER.build_rows(docs)
    for d in docs:  # only ids travel back
        d.text, d.sentences, d.candidates = "", [], {}
    return docs, rows
