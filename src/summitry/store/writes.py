"""The two ways summitry writes: rows into a store table, and a file onto the disk.

``append(con, table, rows)`` inserts a batch in one statement through Arrow (columns the rows
do not give keep their defaults). ``atomic_output(path)`` yields a temporary path beside
``path`` and renames it into place only when the block succeeds, so a reader never sees a
half-written file; a failure or a kill leaves the old file (or none).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import count
from pathlib import Path
from typing import Literal

import pyarrow as pa

from summitry.store.errors import StoreError

OnConflict = Literal["error", "ignore", "replace"]
_VERB = {
    "error": "INSERT INTO",
    "ignore": "INSERT OR IGNORE INTO",
    "replace": "INSERT OR REPLACE INTO",
}
_ARROW = {
    "VARCHAR": pa.string(),
    "BOOLEAN": pa.bool_(),
    "TINYINT": pa.int8(),
    "SMALLINT": pa.int16(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "UTINYINT": pa.uint8(),
    "UINTEGER": pa.uint32(),
    "UBIGINT": pa.uint64(),
    "FLOAT": pa.float32(),
    "DOUBLE": pa.float64(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "VARCHAR[]": pa.list_(pa.string()),
}
_names = count()


class OutputError(StoreError):
    """An output file cannot be written where asked (exists, is a folder, ...)."""


def append(
    con, table: str, rows: Sequence[dict] | pa.Table, *, on_conflict: OnConflict = "error"
) -> int:
    """Insert ``rows`` (dicts, or an Arrow table) into ``table`` in one statement; return how
    many were given. ``on_conflict``: fail, ignore or replace rows whose key exists."""
    data = rows if isinstance(rows, pa.Table) else _arrow(con, table, rows)
    if data.num_rows == 0:
        return 0
    cols = ", ".join(f'"{c}"' for c in data.column_names)
    view = f"_append_{next(_names)}"
    con.register(view, data)
    try:
        con.execute(f'{_VERB[on_conflict]} "{table}" ({cols}) SELECT {cols} FROM {view}')
    finally:
        con.unregister(view)
    return data.num_rows


def _arrow(con, table: str, rows: Sequence[dict]) -> pa.Table:
    """The rows as columns typed like the table's (only the columns the rows give)."""
    if not rows:
        return pa.table({})
    given = list(dict.fromkeys(k for r in rows for k in r))
    types = {c: t for c, t, *_ in con.execute(f'DESCRIBE "{table}"').fetchall()}
    unknown = [c for c in given if c not in types]
    if unknown:
        raise StoreError(f"table {table} has no column(s) {', '.join(unknown)}")
    return pa.table(
        {c: pa.array([r.get(c) for r in rows], type=_ARROW.get(types[c])) for c in given}
    )


@contextmanager
def atomic_output(path: Path, *, force: bool = True) -> Iterator[Path]:
    """A temporary path to write ``path``'s new content to; renamed onto ``path`` (after an
    fsync) when the block ends without error, removed otherwise. Refuses a folder, and an
    existing file unless ``force``. Temporary files left by killed runs are removed first."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{path} is a folder; give a file name")
    if path.exists() and not force:
        raise OutputError(f"{path} exists; --force replaces it")
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        yield tmp
        _fsync(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync(path.parent)


def write_bytes(path: Path, data: bytes, *, force: bool = True) -> Path:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_output`)."""
    with atomic_output(path, force=force) as tmp:
        tmp.write_bytes(data)
    return path


def write_text(path: Path, text: str, *, force: bool = True) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically (see :func:`atomic_output`)."""
    return write_bytes(path, text.encode("utf-8"), force=force)


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove ``.NAME.tmp-PID`` files beside ``path`` whose process no longer runs."""
    removed = []
    pattern = re.compile(rf"^\.{re.escape(path.name)}\.tmp-(\d+)$")
    try:
        siblings = list(path.parent.iterdir())
    except OSError:
        return removed
    for p in siblings:
        m = pattern.match(p.name)
        if m and not _alive(int(m.group(1))):
            p.unlink(missing_ok=True)
            removed.append(p)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # ours, left by an earlier failed attempt in this process
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
