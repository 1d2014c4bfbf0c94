"""``summitry info``, ``summitry export`` and ``summitry import table``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from summitry.cli.common import console, fail, open_cli_store, refresh_meetings
from summitry.cli.listing import Column, FormatOpt, OutOpt, check, emit


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    app.command("info")(info)
    app.command("export")(export)
    app.command("migrate")(migrate)
    import_app.command("table")(import_table_cmd)


INFO_TABLE = [Column("table", rank=0, no_wrap=True), Column("rows", rank=0, no_wrap=True)]


def info(fmt: FormatOpt = "table", out: OutOpt = None) -> None:
    """Show the store's path, schema version and row counts (reads only)."""
    from summitry.store import SCHEMA_VERSION

    check(fmt, out)
    with open_cli_store(read_only=True, allow_older=True) as store:
        version = store.schema_version
        rows = [{"table": name, "rows": store.count(name)} for name in store.tables()]
        path = store.path
    if fmt != "table":
        emit(rows, fmt, out, INFO_TABLE, what="tables")
        return
    note = "" if version == SCHEMA_VERSION else "; `summitry migrate` upgrades it"
    table = Table(title=f"{path} (schema version {version}{note})")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for r in rows:
        table.add_row(r["table"], f"{r['rows']:,}")
    console.print(table)


def export(
    table: Annotated[str, typer.Argument(help="Table to export (see `summitry info`).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="parquet, csv or jsonl.")] = "parquet",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output file (default TABLE.FORMAT).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Export a store table to Parquet, CSV or JSON Lines (atomic write)."""
    from summitry.store import StoreError
    from summitry.store.transfer import FORMATS, export_table

    if fmt not in FORMATS:
        fail(f"--format: expected one of {', '.join(FORMATS)}, got {fmt!r}")
    out = out or Path(f"{table}.{fmt}")
    with open_cli_store(read_only=True) as store:
        try:
            n = export_table(store, table, out, fmt, force=force)  # type: ignore[arg-type]
        except StoreError as exc:
            fail(str(exc))
    console.print(f"wrote {n:,} rows of {table} to {out}")


def migrate() -> None:
    """Upgrade an existing store to this summitry's schema version (readers never do)."""
    with open_cli_store(read_only=True, allow_older=True) as store:
        before = store.schema_version
    with open_cli_store() as store:
        after = store.schema_version
    change = "nothing to do" if before == after else f"upgraded from version {before}"
    console.print(f"{store.path}: schema version {after}, {change}", highlight=False)


def import_table_cmd(
    table: Annotated[str, typer.Argument(help="Store table to add rows to.")],
    path: Annotated[Path, typer.Argument(help="File written by `summitry export`.")],
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="parquet, csv or jsonl (default: from the extension)."),
    ] = None,
) -> None:
    """Import rows into a store table from Parquet, CSV or JSON Lines (idempotent)."""
    from summitry.store import StoreError
    from summitry.store.transfer import import_table

    with open_cli_store() as store:
        try:
            n = import_table(store, table, path, fmt)  # type: ignore[arg-type]
        except StoreError as exc:
            fail(str(exc))
        refresh_meetings(store)
    console.print(f"added {n:,} rows to {table} from {path}")
