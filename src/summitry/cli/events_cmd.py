"""``summitry events``: list or export events with filters (over :mod:`summitry.events`)."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from summitry.cli.common import at_least, console, fail, iso_date, open_cli_store
from summitry.cli.listing import Column, FormatOpt, OutOpt, check, print_table


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
    fmt: FormatOpt = "table",
    out: OutOpt = None,
    gdelt_columns: Annotated[
        bool, typer.Option("--gdelt-columns", help="GDELT-compatible column names.")
    ] = False,
    limit: Annotated[int, typer.Option("--limit", help="Rows shown in table format.")] = 50,
) -> None:
    """List events with filters, as a table or CSV / JSON / JSON Lines / Parquet."""
    from summitry import events
    from summitry.store import OutputError

    check(fmt, out)
    at_least(limit, "--limit")
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
        sel = events.select(store, f, columns, gdelt=gdelt_columns, limit=limit)
        spec = [TABLE.get(c, Column(c, rank=9)) for c in sel.columns]
        print_table(sel.dicts(), spec, title=f"events (first {limit})" if limit else None)
    elif out is None:  # the same bytes as -o: DuckDB writes a temporary file, copied here
        with tempfile.TemporaryDirectory(prefix="summitry-events-") as tmp:
            path = Path(tmp) / f"events.{fmt}"
            events.write(store, f, path, fmt, gdelt=gdelt_columns)
            with path.open(encoding="utf-8") as fh:
                shutil.copyfileobj(fh, sys.stdout)
    else:  # DuckDB writes the file itself (COPY), atomically
        try:
            n = events.write(store, f, out, fmt, gdelt=gdelt_columns)
        except OutputError as exc:
            fail(str(exc))
        console.print(f"wrote {n} events to {out}")


def _actor(value: str | None) -> str:
    """An actor id for a narrow cell: people without their ``person:`` prefix."""
    return (value or "").removeprefix("person:")


def _score(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


TABLE = {
    c.key: c
    for c in (
        Column("event_date", "date", rank=0, no_wrap=True),
        Column("source_actor_id", "source", rank=0, min_width=18, show=_actor),
        Column("cameo_code", "cameo", rank=1, no_wrap=True),
        Column("target_actor_id", "target", rank=0, min_width=18, show=_actor),
        Column("plover_type", "type", rank=3),
        Column("trigger_text", "trigger", rank=4),
        Column("location_name", "place", rank=2),
        Column("modality", rank=5),
        Column("origin", rank=6),
        Column("type_origin", "type origin", rank=8),
        Column("model_score", "score", rank=7, show=_score),
    )
}
