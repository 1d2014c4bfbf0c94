"""``summitry import gdelt|gdelt-mentions|gkg|icews|polecat`` and ``summitry gdelt fetch``."""

from __future__ import annotations

from datetime import date
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
    settings,
)

ActorsOpt = Annotated[
    str | None,
    typer.Option(
        "--actors",
        help="Keep rows whose source or target is one of these countries/actors "
        "(ISO3 or CAMEO codes, comma-separated), e.g. USA,RUS.",
    ),
]
CodesOpt = Annotated[
    str | None,
    typer.Option(
        "--codes", help="Keep rows whose CAMEO code starts with one of these, e.g. 04,05,036."
    ),
]


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _options(actors: str | None, codes: str | None, force: bool = False):
    from summitry.eventdata.importer import ImportOptions

    bad = [c for c in _split(codes) if not c.isdigit() or len(c) > 4]
    if bad:
        fail(f"--codes: expected CAMEO code prefixes of 2-4 digits, got {', '.join(bad)}")
    return ImportOptions(frozenset(a.upper() for a in _split(actors)), tuple(_split(codes)), force)


def _finish(store, importer, group: bool) -> None:
    from summitry.events import ADJACENT_DAYS_RULE

    done = importer.finish(group)
    if done.people:
        console.print(f"actors: {done.people} rows linked to people of the actor knowledge base")
    for ds, reports, groups in done.groups:
        console.print(
            f"{ds}: {reports:,} reports grouped into {groups:,} events "
            f"(event_groups, rule {ADJACENT_DAYS_RULE})"
        )
    refresh_meetings(store)


def _report(results, explicit: set[str]) -> int:
    from rich.table import Table

    table = Table(title="import summary")
    for col in ("files", "rows read", "loaded", "filtered out", "rejected"):
        table.add_column(col, justify="right")
    loaded = [r for r in results if r.status == "loaded"]
    table.add_row(
        str(len(loaded)),
        f"{sum(r.n_rows for r in loaded):,}",
        f"{sum(r.n_loaded for r in loaded):,}",
        f"{sum(r.n_filtered for r in loaded):,}",
        f"{sum(r.n_rejected for r in loaded):,}",
    )
    console.print(table)
    shown = 0
    for r in loaded:
        for line, reason in r.rejects:
            if shown < 20:
                err_console.print(
                    f"[yellow]rejected[/] {r.source}:{line}: {reason}", highlight=False
                )
            shown += 1
    if shown > 20:
        err_console.print(f"... {shown - 20} more rejected lines: see table import_rejects")
    skipped = [r for r in results if r.status == "skipped"]
    if skipped:
        console.print(f"{len(skipped)} file(s) already imported with the same content: skipped")
    failed = 0
    for r in results:
        if r.status == "failed":
            if r.source in explicit:
                failed += 1
                err_console.print(f"[bold red]error:[/] {r.message}", highlight=False)
            else:
                err_console.print(f"[yellow]skipped[/] {r.message}", highlight=False)
    return 1 if failed else 0


def _run_import(
    kind: str, paths: list[Path], actors: str | None, codes: str | None, force: bool, group: bool
) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from summitry.eventdata.importer import Importer, iter_inputs

    items = iter_inputs(paths)
    if not items:
        fail("no input files found in " + ", ".join(map(str, paths)))
    explicit = {str(p.resolve()) if p.exists() else str(p) for p in paths if not p.is_dir()}
    options = _options(actors, codes, force)
    store = open_cli_store()
    try:
        importer = Importer(store, options)
        with Progress(
            TextColumn("[bold]import {task.fields[kind]}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rows]} rows"),
            console=console,
            transient=True,
        ) as progress:
            task = progress.add_task("import", total=len(items), kind=kind, rows=0)

            def tick(result) -> None:
                progress.update(task, advance=1, rows=f"{importer.rows_loaded:,}")

            results = importer.import_files(items, hint=kind, on_file=tick)
        code = _report(results, explicit)
        _finish(store, importer, group)
    finally:
        store.close()
    if code:
        raise typer.Exit(code)


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    def make(kind: str, doc: str):
        def command(
            paths: Annotated[list[Path], typer.Argument(help="Files or folders to import.")],
            actors: ActorsOpt = None,
            codes: CodesOpt = None,
            force: Annotated[
                bool,
                typer.Option(
                    "--force", help="Re-read files already imported (rows already stored are kept)."
                ),
            ] = False,
            group: Annotated[
                bool,
                typer.Option("--group/--no-group", help="Group reports into events afterwards."),
            ] = True,
        ) -> None:
            _run_import(kind, paths, actors, codes, force, group)

        command.__doc__ = doc
        return command

    import_app.command("gdelt")(
        make(
            "gdelt",
            "GDELT 1.0 (57/58 columns) or 2.0 (61 columns) event files, zipped or not, "
            "canonical or re-exported with a header.",
        )
    )
    import_app.command("gdelt-mentions")(
        make("gdelt-mentions", "GDELT 2.0 mentions files (16 columns): source articles per event.")
    )
    import_app.command("gkg")(
        make(
            "gkg", "GDELT GKG 2.1 files (27 columns): themes, persons, organisations, tone, quotes."
        )
    )
    import_app.command("icews")(make("icews", "ICEWS coded event files (20 columns, header)."))
    import_app.command("polecat")(
        make("polecat", "POLECAT weekly files (PLOVER-coded, 40 columns, header).")
    )

    gdelt_app = typer.Typer(help="Fetch GDELT files from GDELT's servers.", no_args_is_help=True)
    app.add_typer(gdelt_app, name="gdelt")

    @gdelt_app.command("fetch")
    def fetch_cmd(
        date_from: Annotated[str, typer.Option("--from", help="First day, YYYY-MM-DD.")],
        date_to: Annotated[str, typer.Option("--to", help="Last day, YYYY-MM-DD.")],
        actors: ActorsOpt = None,
        codes: CodesOpt = None,
        v1: Annotated[bool, typer.Option("--v1", help="GDELT 1.0 daily files.")] = False,
        mentions: Annotated[bool, typer.Option("--mentions", help="Also mentions files.")] = False,
        gkg: Annotated[bool, typer.Option("--gkg", help="Also GKG 2.1 files.")] = False,
        base_url: Annotated[
            str | None,
            typer.Option(
                "--base-url",
                help="Server folder holding the file list (setting gdelt_base_url, "
                "or gdelt1_base_url with --v1).",
            ),
        ] = None,
        workers: Annotated[
            int | None,
            typer.Option("--workers", help="Parallel downloads (default: the workers setting)."),
        ] = None,
        retries: Annotated[
            int,
            typer.Option(
                "--retries", min=1, help="Attempts per file (exponential backoff between)."
            ),
        ] = 4,
    ) -> None:
        """Download GDELT files for a date range, check size and MD5, filter, load."""
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        from summitry.eventdata.fetch import FetchError, fetch

        at_least(workers, "--workers", 1)
        try:
            first, last = date.fromisoformat(date_from), date.fromisoformat(date_to)
        except ValueError as exc:
            fail(f"--from/--to: expected dates YYYY-MM-DD ({exc})")
        if last < first:
            fail(f"--to {last} is before --from {first}")
        if v1 and (mentions or gkg):
            fail("--mentions and --gkg exist only for GDELT 2.0 (drop --v1)")
        cfg = settings()
        base = base_url or (cfg.gdelt1_base_url if v1 else cfg.gdelt_base_url)
        kinds = ("export",) + (("mentions",) if mentions else ()) + (("gkg",) if gkg else ())
        store = open_cli_store()
        try:
            with Progress(
                TextColumn("[bold]fetch"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[last]}"),
                console=console,
                transient=True,
            ) as progress:
                task = progress.add_task("fetch", total=None, last="")

                def start(n: int) -> None:
                    progress.update(task, total=n)

                def step(url: str, status: str) -> None:
                    progress.update(task, advance=1, last=f"{status}: {url.rsplit('/', 1)[-1]}")

                summary, importer = fetch(
                    store,
                    base_url=base,
                    date_from=first,
                    date_to=last,
                    v1=v1,
                    kinds=kinds,
                    options=_options(actors, codes),
                    workers=workers or cfg.workers,
                    attempts=retries,
                    on_start=start,
                    on_file=step,
                )
        except FetchError as exc:
            store.close()
            fail(str(exc))
        try:
            console.print(
                f"file list: {summary.listed:,} files; {summary.selected:,} in range "
                f"({summary.already:,} already loaded); fetched and loaded {summary.loaded:,}, "
                f"failed {summary.failed:,}; {summary.rows_loaded:,} rows loaded, "
                f"{summary.rejected:,} rejected"
            )
            for message in summary.errors:
                err_console.print(f"[yellow]warning:[/] {message}", highlight=False)
            _finish(store, importer, group=True)
        finally:
            store.close()
        if summary.failed:
            err_console.print("some files failed; run the same command again to retry them")
            raise typer.Exit(1)
