"""Export any store table to Parquet / CSV / JSON Lines, and import it back.

Exports are written to a temporary file beside the target and renamed into place, so
a failed export never leaves a half-written file. Imports run in one transaction and
skip rows whose primary key is already present, so re-importing changes nothing.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from summitry.store.db import Store, StoreError

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


def export_table(store: Store, table: str, out: Path, fmt: Format) -> int:
    """Write ``table`` to ``out`` atomically; return the number of rows written."""
    store.require_table(table)
    if fmt not in FORMATS:
        raise StoreError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return copy_query(store.con, f'SELECT * FROM "{table}"', [], out, fmt)


def copy_query(con, sql: str, params: list, out: Path, fmt: str) -> int:
    """Write the rows of ``sql`` (bound ``params``) to ``out`` atomically (a temporary file
    renamed into place) as parquet, csv, jsonl or json (an array); return the row count."""
    if fmt not in _COPY_OPTIONS:
        raise StoreError(f"unknown format {fmt!r}; expected one of {', '.join(_COPY_OPTIONS)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    try:
        n = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
        con.execute(f"COPY ({sql}) TO '{_quote(tmp)}' ({_COPY_OPTIONS[fmt]})", params)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
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
    col_list = ", ".join(f'"{c}"' for c in cols)
    before = store.count(table)
    with store.transaction() as con:
        try:
            con.execute(
                f'INSERT OR IGNORE INTO "{table}" ({col_list}) '
                f"SELECT {col_list} FROM {readers[fmt]}"
            )
        except Exception as exc:
            raise StoreError(f"{path}: rows do not fit table {table}: {exc}") from exc
    return store.count(table) - before


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")
