"""``summitry info``, ``summitry export`` and ``summitry import table``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from summitry.cli.common import console, fail, open_cli_store


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    app.command("info")(info)
    app.command("export")(export)
    import_app.command("table")(import_table_cmd)


def info() -> None:
    """Show the store's path, schema version and row counts."""
    with open_cli_store() as store:
        table = Table(title=f"{store.path} (schema version {store.schema_version})")
        table.add_column("table")
        table.add_column("rows", justify="right")
        for name in store.tables():
            table.add_row(name, f"{store.count(name):,}")
        console.print(table)


def export(
    table: Annotated[str, typer.Argument(help="Table to export (see `summitry info`).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="parquet, csv or jsonl.")] = "parquet",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output file (default TABLE.FORMAT).")
    ] = None,
) -> None:
    """Export a store table to Parquet, CSV or JSON Lines (atomic write)."""
    from summitry.store import StoreError
    from summitry.store.transfer import FORMATS, export_table

    if fmt not in FORMATS:
        fail(f"--format: expected one of {', '.join(FORMATS)}, got {fmt!r}")
    out = out or Path(f"{table}.{fmt}")
    with open_cli_store() as store:
        try:
            n = export_table(store, table, out, fmt)  # type: ignore[arg-type]
        except StoreError as exc:
            fail(str(exc))
    console.print(f"wrote {n:,} rows of {table} to {out}")


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
    console.print(f"added {n:,} rows to {table} from {path}")
