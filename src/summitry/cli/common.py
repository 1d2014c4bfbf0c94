"""Shared CLI state and helpers: the console, settings, opening the store, failing cleanly."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NoReturn

import typer
from rich.console import Console

from summitry.config import Settings

console = Console()
err_console = Console(stderr=True)


@dataclass
class _State:
    settings: Settings | None = None
    debug: bool = False  # --debug: let unexpected errors show their traceback
    command: str | None = None  # this command line, recorded as the store's writer


STATE = _State()


def apply_terminal_width() -> None:
    """Honour ``COLUMNS`` as set when the command runs (not only when Python started)."""
    import os

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        console.width = err_console.width = int(columns)


def settings() -> Settings:
    if STATE.settings is None:
        from summitry.config import load_settings

        STATE.settings = load_settings()
    return STATE.settings


def open_cli_store(read_only: bool = False, allow_older: bool = False):
    """Open the configured store (a reader: ``read_only``), waiting ``--wait`` seconds for
    another command's lock, turning store errors into a clean exit."""
    import atexit
    import weakref

    from summitry.store import StoreError, open_store

    conf = settings()
    try:
        store = open_store(
            conf.db,
            read_only=read_only,
            memory_limit=conf.memory_limit,
            wait=conf.lock_wait,
            command=STATE.command,
            allow_older=allow_older,
        )
    except StoreError as exc:
        fail(str(exc))
    # commands that return without closing still release the store at exit (a weak
    # reference: a store no longer used is closed when it is collected, as before)
    ref = weakref.ref(store)
    atexit.register(lambda: (s := ref()) is not None and s.close())
    return store


def iso_date(value: str | None, flag: str) -> date | None:
    """A ``YYYY-MM-DD`` option value as a date (None stays None); a clean exit otherwise."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{flag} {value!r}: expected an ISO date YYYY-MM-DD")


class Stopped(BaseException):
    """SIGINT (Ctrl-C) or SIGTERM, raised where the command is: the open transaction rolls
    back, what was committed stays, and :func:`summitry.cli.main` says so in one line. A
    ``BaseException``, so that no per-document ``except Exception`` swallows it."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def stop_on_signals() -> None:
    """SIGINT and SIGTERM raise :class:`Stopped` (once: a second signal acts at once)."""
    import signal

    def handler(signum: int, frame) -> None:
        again = signal.default_int_handler if signum == signal.SIGINT else signal.SIG_DFL
        signal.signal(signum, again)
        raise Stopped(signum)

    for sig in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(sig) is not signal.SIG_IGN:  # e.g. SIGINT of a background job
            signal.signal(sig, handler)


def at_least(value: float | None, flag: str, minimum: float = 0) -> None:
    """Refuse, in one line, a numeric option below ``minimum`` (None: not given, passes)."""
    if value is not None and value < minimum:
        fail(f"{flag} {value}: expected a number of at least {minimum}")


def fail(message: str, code: int = 1) -> NoReturn:
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def describe_error(exc: BaseException) -> str:
    """One line for an unexpected error: what failed and, where known, why in plain words."""
    import errno

    import duckdb

    text = (str(exc).strip().splitlines() or [""])[0]
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return f"disk full or file size limit reached writing {exc.filename or 'a file'}"
    if isinstance(exc, OSError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror}"
    if isinstance(exc, duckdb.Error):
        low = text.lower()
        if "file too large" in low or "no space left" in low:
            return f"disk full or file size limit reached writing the store ({text})"
        if "read-only" in low or "permission denied" in low:
            return f"the store cannot be written here ({text})"
        return f"store error: {text}"
    if isinstance(exc, MemoryError):
        return "out of memory"
    if isinstance(exc, RecursionError):
        return "input nested too deeply to read"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def refresh_meetings(store) -> None:
    """End of a writing command: rebuild meeting episodes if the events or documents changed,
    so that readers (``meetings``, ``meeting``, ``brief``) find them current. The line saying
    so is printed only when the rebuild found meeting reports or changed the number of
    episodes (an ingest into a store without events says nothing of meetings)."""
    from summitry.meetings import refresh

    before = store.con.execute(
        "SELECT count(*) FROM meetings WHERE origin IN ('extracted', 'imported')"
    ).fetchone()[0]
    summary = refresh(store)
    if summary is not None and (summary.n_reports or summary.n_meetings != before):
        console.print(
            f"meetings: {summary.n_reports} reports -> {summary.n_meetings} episodes "
            f"(rebuilt because the events or documents changed)",
            highlight=False,
        )


def warn_if_stale(store) -> None:
    """A reader's note when the episodes are older than the events (it does not rebuild)."""
    from summitry.meetings import is_current

    if not is_current(store):
        err_console.print(
            "[yellow]note:[/] the meeting episodes were not built from the events the store "
            "holds now; `summitry meetings build` rebuilds them",
            highlight=False,
        )
