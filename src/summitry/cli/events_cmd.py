"""``summitry events``: list or export events with filters (over :mod:`summitry.events`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summitry.cli.common import console, fail, iso_date, open_cli_store

FORMATS = ("table", "csv", "json", "jsonl", "parquet")


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    app.command("events")(events_command)


def events_command(
    actor: Annotated[
        str | None, typer.Option("--actor", help="Actor id or ISO3 (either side).")
    ] = None,
    dyad: Annotated[
        tuple[str, str] | None, typer.Option("--dyad", help="Two actors, either direction.")
    ] = None,
    type_: Annotated[
        str | None,
        typer.Option("--type", help="CAMEO code prefixes (04, 042) or PLOVER types, comma list."),
    ] = None,
    topic: Annotated[str | None, typer.Option("--topic")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="YYYY-MM-DD")] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="extracted|imported|curated, comma list")
    ] = None,
    dataset: Annotated[
        str | None, typer.Option("--dataset", help="gdelt1|gdelt2|icews|polecat|..., comma list")
    ] = None,
    modality: Annotated[str | None, typer.Option("--modality")] = None,
    min_score: Annotated[
        float | None,
        typer.Option(
            "--min-score",
            help="Only events whose type the classifier scored at least this (0-1); "
            "events it did not score are left out.",
        ),
    ] = None,
    type_origin: Annotated[
        str | None,
        typer.Option("--type-origin", help="rule|model|both (comma list): the type's origin."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table|csv|json|jsonl|parquet")] = "table",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output file (required for parquet).")
    ] = None,
    gdelt_columns: Annotated[
        bool, typer.Option("--gdelt-columns", help="GDELT-compatible column names.")
    ] = False,
    limit: Annotated[int, typer.Option("--limit", help="Rows shown in table format.")] = 50,
) -> None:
    """List events with filters, as a table or CSV / JSON / Parquet."""
    from summitry import events

    if fmt not in FORMATS:
        fail(f"--format {fmt!r}: expected table, csv, json, jsonl or parquet")
    try:
        f = events.EventFilter(
            actor=actor,
            dyad=tuple(dyad) if dyad else None,
            types=events.parse_list(type_),
            topic=topic,
            date_from=iso_date(date_from, "--from"),
            date_to=iso_date(date_to, "--to"),
            origins=events.parse_list(source),
            datasets=events.parse_list(dataset),
            modality=modality,
            min_score=min_score,
            type_origins=events.parse_list(type_origin),
        )
    except events.FilterError as exc:
        fail(f"--{exc}")
    store = open_cli_store(read_only=True)
    if fmt == "table":
        columns = None if gdelt_columns else events.TABLE_COLUMNS
        _print_table(events.select(store, f, columns, gdelt=gdelt_columns, limit=limit))
    elif out is None:
        if fmt == "parquet":
            fail("--format parquet needs --out FILE")
        _print_rows(events.select(store, f, gdelt=gdelt_columns), fmt)
    else:
        n = events.write(store, f, out, fmt, gdelt=gdelt_columns)
        console.print(f"wrote {n} events to {out}")


def _print_table(sel) -> None:
    from rich.table import Table

    table = Table(*sel.columns, show_lines=False)
    for row in sel.rows:
        table.add_row(*["" if v is None else str(v) for v in row])
    console.print(table)


def _print_rows(sel, fmt: str) -> None:
    import csv
    import json
    import sys

    rows = sel.dicts()
    if fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=sel.columns)
        w.writeheader()
        w.writerows(rows)
    elif fmt == "json":
        sys.stdout.write(json.dumps(rows, default=str, ensure_ascii=False, indent=1) + "\n")
    else:
        for r in rows:
            sys.stdout.write(json.dumps(r, default=str, ensure_ascii=False) + "\n")
