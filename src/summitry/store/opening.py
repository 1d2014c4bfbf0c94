"""Opening the store file safely: what the file is, who holds its lock, waiting for it.

DuckDB lets one process write a database file or several read it. A writer records which
summitry command it is in ``<store>.owner`` (JSON: pid, command, since), so a command that
finds the store locked can say who holds it, after waiting up to ``wait`` seconds.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from datetime import datetime
from pathlib import Path

import duckdb

from summitry.store.errors import NotAStoreError, StoreError, StoreLockedError, StoreMissingError

_SQLITE_MAGIC = b"SQLite format 3\x00"
_DUCKDB_MAGIC = b"DUCK"  # bytes 8-12 of every DuckDB file
_LOCK_WORDS = ("could not set lock", "conflicting lock")
_claims: dict[Path, int] = {}  # owner files this process wrote, with how many stores hold each


def check_store_file(path: Path, read_only: bool) -> None:
    """Refuse what cannot be a store before DuckDB touches it: a directory, a missing file
    (for a reader), an empty file, an SQLite database, anything that is not DuckDB."""
    if path.is_dir():
        raise NotAStoreError(f"{path} is a directory, not a store file")
    if not path.exists():
        if read_only:
            raise StoreMissingError(
                f"no store at {path}: check the path (--db, SUMMITRY_DB); writing commands such "
                "as `summitry ingest` or `summitry knowledge load` create one"
            )
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise StoreError(f"cannot read store {path}: {exc.strerror}") from exc
    if not head:
        raise NotAStoreError(f"{path} is an empty file, not a store; remove it or choose another")
    if head.startswith(_SQLITE_MAGIC):
        raise NotAStoreError(f"{path} is an SQLite database, not a summitry store (DuckDB)")
    if head[8:12] != _DUCKDB_MAGIC:
        raise NotAStoreError(f"{path} is not a DuckDB file, so not a summitry store")


def connect(path: Path, read_only: bool, config: dict, wait: float) -> duckdb.DuckDBPyConnection:
    """``duckdb.connect``, retrying for up to ``wait`` seconds while another process holds the
    lock; then :class:`StoreLockedError` naming the holder."""
    deadline = time.monotonic() + max(0.0, wait)
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config)
        except duckdb.Error as exc:
            if not any(w in str(exc).lower() for w in _LOCK_WORDS):
                raise StoreError(f"cannot open store {path}: {_first_line(exc)}") from exc
            left = deadline - time.monotonic()
            if left <= 0:
                raise StoreLockedError(
                    f"store {path} is in use by {holder(path, exc)}; waited {wait:g} s "
                    "(`summitry --wait SECONDS ...` waits longer)"
                ) from exc
            time.sleep(min(0.2, left))


def holder(path: Path, exc: BaseException) -> str:
    """Who holds the lock: the summitry command from the owner file, else the process's
    command line, else what DuckDB says."""
    m = re.search(r"PID (\d+)", str(exc))
    pid = int(m.group(1)) if m else None
    info = _read_owner(path)
    if info and (pid is None or info.get("pid") == pid):
        since = str(info.get("since", ""))[11:19]
        return f"`{info.get('command')}` (PID {info.get('pid')}, since {since})"
    if pid is not None:
        cmd = _cmdline(pid)
        return f"`{cmd}` (PID {pid})" if cmd else f"process {pid}"
    return "another process"


def claim(path: Path, command: str | None) -> None:
    """Record this process as the store's writer (best effort: a read-only folder just
    means no record)."""
    key = path.resolve()
    if _claims.get(key):
        _claims[key] += 1
        return
    info = {
        "pid": os.getpid(),
        "command": command or _own_command(),
        "since": datetime.now().isoformat(timespec="seconds"),
    }
    owner = _owner_path(path)
    tmp = owner.with_name(f".{owner.name}.tmp-{os.getpid()}")
    try:
        tmp.write_text(json.dumps(info), encoding="utf-8")
        os.replace(tmp, owner)
    except OSError:
        tmp.unlink(missing_ok=True)
    _claims[key] = 1


def release(path: Path) -> None:
    """Remove this process's owner record when its last writable store closes."""
    key = path.resolve()
    if not _claims.get(key):
        return
    _claims[key] -= 1
    if _claims[key]:
        return
    del _claims[key]
    info = _read_owner(path)
    if info and info.get("pid") == os.getpid():
        _owner_path(path).unlink(missing_ok=True)


def _owner_path(path: Path) -> Path:
    return path.with_name(path.name + ".owner")


def _read_owner(path: Path) -> dict | None:
    try:
        info = json.loads(_owner_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) else None


def _cmdline(pid: int) -> str | None:
    """The command line of ``pid`` (Linux ``/proc``), with ``python -m summitry`` shortened."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return _shorten([a.decode(errors="replace") for a in raw.split(b"\0") if a])


def _own_command() -> str:
    return _shorten([sys.executable, *sys.argv])


def _shorten(argv: list[str]) -> str:
    """``summitry code --workers 1`` for the many ways the command can be started."""
    for n, arg in enumerate(argv):
        if arg == "-m" and argv[n + 1 : n + 2] == ["summitry"]:
            return " ".join(["summitry", *argv[n + 2 :]])
        if Path(arg).name == "summitry" or arg.endswith(f"summitry{os.sep}__main__.py"):
            return " ".join(["summitry", *argv[n + 1 :]])
    return " ".join(Path(a).name if i == 0 else a for i, a in enumerate(argv))[:200]


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [""])[0]
