"""``summitry ingest PATH...``: read files, directories and archives into ``documents``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summitry.cli.common import (
    at_least,
    console,
    err_console,
    fail,
    open_cli_store,
    refresh_meetings,
)


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)


def ingest_command(
    paths: Annotated[
        list[Path], typer.Argument(help="Files, directories (recursive), .gz or .zip archives.")
    ],
    field: Annotated[
        list[str] | None,
        typer.Option(
            "--field",
            help="Column mapping for JSON/CSV, FIELD=COLUMN (text, title, published, url, id, "
            "language), e.g. --field text=body --field published=date.",
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="Read every file as text|markdown|html|jsonl|json|csv|feed."),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Stop at the first failure (that file is rolled back).")
    ] = False,
    near_threshold: Annotated[
        float,
        typer.Option("--near-threshold", help="Jaccard similarity for a near-duplicate."),
    ] = 0.8,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            help="Processes computing ids, MinHash and language ahead (0: none; default: one "
            "per CPU for inputs of 16 MB or more).",
        ),
    ] = None,
) -> None:
    """Ingest documents (idempotent and resumable; duplicates stored once, near-dups linked)."""
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.table import Table

    from summitry.ingest import FORMATS, FieldMapError, ingest_paths
    from summitry.ingest.model import parse_field_map

    at_least(workers, "--workers")
    if not 0 < near_threshold <= 1:
        fail(f"--near-threshold {near_threshold}: expected a number above 0 and at most 1")
    if fmt is not None and fmt not in FORMATS:
        fail(f"--format {fmt}: expected one of {', '.join(FORMATS)}")
    try:
        parse_field_map(field)
    except FieldMapError as exc:
        fail(str(exc))
    store = open_cli_store()

    def report(failure) -> None:
        err_console.print(f"[bold red]error:[/] {failure}", highlight=False, soft_wrap=True)

    progress = Progress(
        TextColumn("ingesting"),
        BarColumn(),
        DownloadColumn(),
        TextColumn("{task.fields[docs]} documents"),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal,
    )
    with progress:
        task = progress.add_task("ingest", total=None, docs=0)

        def tick(done: int, total: int, summary) -> None:
            progress.update(task, completed=done, total=total, docs=summary.added)

        try:
            summary = ingest_paths(
                store,
                paths,
                fields=field,
                strict=strict,
                fmt=fmt,
                near_threshold=near_threshold,
                workers=workers,
                on_progress=tick,
                on_failure=report,
            )
            refresh_meetings(store)
        finally:
            store.close()
    for warning in summary.warnings[:20]:
        err_console.print(f"[yellow]warning:[/] {warning}", highlight=False, soft_wrap=True)
    if len(summary.warnings) > 20:
        err_console.print(f"[yellow]warning:[/] … and {len(summary.warnings) - 20} more")
    table = Table(title="ingest summary", show_header=False)
    for label, value in (
        ("files read", summary.files_read),
        ("files already ingested (skipped)", summary.files_skipped),
        ("records read", summary.records),
        ("documents added", summary.added),
        ("  of which near-duplicates (linked)", summary.near_duplicates),
        ("exact duplicates (not stored again)", summary.exact_duplicates),
        ("already stored by an earlier run", summary.already_stored),
        ("added without a date", summary.undated),
        ("failures", summary.failed),
    ):
        table.add_row(label, f"{value:,}")
    console.print(table)
    if summary.failures:
        raise typer.Exit(1)
