"""Read-only access to the store for a long-running server, without blocking its writers.

DuckDB lets one process write a file or several read it, never both. The server therefore
opens the store read-only when a request comes, hands each request its own cursor (one
per thread), and closes the file again after ``idle_seconds`` without requests, so that a
``summitry ingest`` or ``code`` started meanwhile gets the lock. While a writer holds it,
:meth:`StoreAccess.view` raises :class:`StoreUnavailable` naming the writer; the next
request after the writer finishes opens the store again.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from summitry.store import Store, StoreError, opening
from summitry.store.errors import StoreLockedError


class StoreUnavailable(RuntimeError):
    """The store cannot be read now (locked by a writer, missing, or not a store)."""

    def __init__(self, message: str, locked: bool = False):
        super().__init__(message)
        self.locked = locked


def explain(path: Path, exc: StoreError) -> StoreUnavailable:
    """The message a client gets; for a lock, the writer as the store's owner record names
    it (the summitry command, its PID and since when)."""
    if isinstance(exc, StoreLockedError):
        who = opening.holder(path, exc.__cause__ or exc)
        return StoreUnavailable(
            f"the store {path} is being written by {who}; it can be read again when that "
            "command finishes: retry in a moment",
            locked=True,
        )
    return StoreUnavailable(str(exc))


class StoreAccess:
    """Opens the store read-only on demand, shares it between request threads, and
    closes it when idle. ``generation`` changes whenever the store may have changed."""

    def __init__(
        self, path: str | Path, idle_seconds: float = 2.0, memory_limit: str | None = None
    ):
        self.path = Path(path)
        self.idle_seconds = idle_seconds
        self.memory_limit = memory_limit
        self._lock = threading.Lock()
        self._store: Store | None = None
        self._inflight = 0
        self._last_used = 0.0
        self._generation = ""
        self._closer: threading.Thread | None = None
        self._stopping = threading.Event()

    @property
    def generation(self) -> str:
        """File size and modification time when the store was opened (no one else can
        write it while it is open here)."""
        with self._lock:
            return self._generation

    def open_generation(self) -> str | None:
        """The generation while the store is open (nobody can write it then), else None."""
        with self._lock:
            return self._generation if self._store is not None else None

    def _open(self) -> Store:
        try:
            store = Store(self.path, read_only=True, memory_limit=self.memory_limit, wait=0)
        except StoreError as exc:
            raise explain(self.path, exc) from exc
        wal = self.path.with_name(self.path.name + ".wal")
        stats = [p.stat() for p in (self.path, wal) if p.exists()]
        self._generation = "|".join(f"{s.st_size}:{s.st_mtime_ns}" for s in stats)
        return store

    @contextmanager
    def view(self) -> Iterator[Store]:
        """A Store on its own cursor for the current request."""
        with self._lock:
            if self._store is None:
                self._store = self._open()
                self._start_closer()
            self._inflight += 1
            view = self._store.view()
        try:
            yield view
        finally:
            view.close()
            with self._lock:
                self._inflight -= 1
                self._last_used = time.monotonic()

    def _start_closer(self) -> None:
        if self._closer is None or not self._closer.is_alive():
            self._closer = threading.Thread(target=self._close_when_idle, daemon=True)
            self._closer.start()

    def _close_when_idle(self) -> None:
        while not self._stopping.wait(min(0.25, self.idle_seconds)):
            with self._lock:
                idle = time.monotonic() - self._last_used >= self.idle_seconds
                if self._store is not None and self._inflight == 0 and idle:
                    self._store.close()
                    self._store = None
                    return

    def close(self) -> None:
        self._stopping.set()
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
