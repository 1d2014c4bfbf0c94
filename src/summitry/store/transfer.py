"""Export any store table to Parquet / CSV / JSON Lines, and import it back.

Exports are written to a temporary file beside the target and renamed into place, so
a failed export never leaves a half-written file; an existing file is replaced only when
asked (``force``). Imports run in one transaction and
skip rows whose key is already present (the primary key, or for the ingest tables kept
without an index the key ingest keeps unique), so re-importing changes nothing; of
several rows of one key in the file, the first in the file wins.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import duckdb

from summitry.store.db import UNINDEXED_KEYS, Store, StoreError
from summitry.store.writes import OutputError, atomic_output

Format = Literal["parquet", "csv", "jsonl"]
FORMATS: tuple[str, ...] = ("parquet", "csv", "jsonl")
_COPY_OPTIONS = {
    "parquet": "FORMAT PARQUET",
    "csv": "FORMAT CSV, HEADER",
    "jsonl": "FORMAT JSON",
    "json": "FORMAT JSON, ARRAY true",
}


def guess_format(path: Path) -> Format:
    suffix = path.suffix.lower().lstrip(".")
    if suffix in ("parquet", "pq"):
        return "parquet"
    if suffix in ("csv", "tsv"):
        return "csv"
    if suffix in ("jsonl", "ndjson", "json"):
        return "jsonl"
    raise StoreError(f"{path}: cannot tell the format from the extension; use --format")


def export_table(store: Store, table: str, out: Path, fmt: Format, *, force: bool = False) -> int:
    """Write ``table`` to ``out`` atomically; return the number of rows written. An existing
    ``out`` is replaced only with ``force``."""
    store.require_table(table)
    if fmt not in FORMATS:
        raise StoreError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return copy_query(store.con, f'SELECT * FROM "{table}"', [], out, fmt, force=force)


def copy_query(con, sql: str, params: list, out: Path, fmt: str, *, force: bool = True) -> int:
    """Write the rows of ``sql`` (bound ``params``) to ``out`` atomically as parquet, csv,
    jsonl or json (an array); return the row count. An existing ``out`` is replaced only
    with ``force``."""
    if fmt not in _COPY_OPTIONS:
        raise StoreError(f"unknown format {fmt!r}; expected one of {', '.join(_COPY_OPTIONS)}")
    try:
        with atomic_output(out, force=force) as tmp:
            n = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
            con.execute(f"COPY ({sql}) TO '{_quote(tmp)}' ({_COPY_OPTIONS[fmt]})", params)
    except OSError as exc:
        raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from exc
    except duckdb.Error as exc:
        raise OutputError(f"cannot write {out}: {_line(exc)}") from exc
    return n


def import_table(store: Store, table: str, path: Path, fmt: Format | None = None) -> int:
    """Insert rows from a file written by :func:`export_table`; return rows added."""
    store.require_table(table)
    if not path.is_file():
        raise StoreError(f"{path}: no such file")
    fmt = fmt or guess_format(path)
    readers = {
        "parquet": f"read_parquet('{_quote(path)}')",
        "csv": f"read_csv('{_quote(path)}', header=true, auto_detect=true)",
        "jsonl": f"read_json('{_quote(path)}', format='newline_delimited')",
    }
    cols = [r[0] for r in store.con.execute(f'DESCRIBE "{table}"').fetchall()]
    try:
        file_cols = {
            r[0] for r in store.con.execute(f"DESCRIBE SELECT * FROM {readers[fmt]}").fetchall()
        }
    except Exception as exc:  # duckdb raises several error types for bad files
        raise StoreError(f"{path}: not a readable {fmt} file: {exc}") from exc
    missing = [c for c in cols if c not in file_cols]
    if missing:
        raise StoreError(f"{path}: missing column(s) for table {table}: {', '.join(missing)}")
    before = store.count(table)
    with store.transaction() as con:
        try:
            con.execute(_insert_new(con, table, cols, readers[fmt]))
        except Exception as exc:
            raise StoreError(f"{path}: rows do not fit table {table}: {exc}") from exc
    return store.count(table) - before


def _insert_new(con, table: str, cols: list[str], source: str) -> str:
    """SQL inserting the rows of ``source`` whose key ``table`` does not hold yet.

    The key is the table's primary key (or UNIQUE key), else its key kept without an index
    (:data:`UNINDEXED_KEYS`), else all its columns. Of several rows of one key in the file,
    the first in the file's row order wins (``WITH ORDINALITY`` numbers them as read)."""
    col_list = ", ".join(f'"{c}"' for c in cols)
    declared = _declared_key(con, table)
    key_cols = declared or UNINDEXED_KEYS.get(table, tuple(cols))
    key = ", ".join(f'"{c}"' for c in key_cols)
    first = (
        f"SELECT *, row_number() OVER (PARTITION BY {key} ORDER BY ordinality) AS _n "
        f"FROM {source} WITH ORDINALITY"
    )
    if declared:
        return (
            f'INSERT OR IGNORE INTO "{table}" ({col_list}) '
            f"SELECT {col_list} FROM ({first}) s WHERE s._n = 1"
        )
    match = " AND ".join(f't."{c}" IS NOT DISTINCT FROM s."{c}"' for c in key_cols)
    return (
        f'INSERT INTO "{table}" ({col_list}) SELECT {col_list} FROM ({first}) s '
        f'WHERE s._n = 1 AND NOT EXISTS (SELECT 1 FROM "{table}" t WHERE {match})'
    )


def _declared_key(con, table: str) -> tuple[str, ...]:
    """The columns of ``table``'s primary key, else of its first UNIQUE key; () if none."""
    row = con.execute(
        "SELECT constraint_column_names FROM duckdb_constraints() WHERE table_name = ? "
        "AND constraint_type IN ('PRIMARY KEY', 'UNIQUE') "
        "ORDER BY constraint_type = 'UNIQUE', constraint_index LIMIT 1",
        [table],
    ).fetchone()
    return tuple(row[0]) if row else ()


def _line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [""])[0]


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")
