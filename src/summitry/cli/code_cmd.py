"""``summitry code``: run the event coder."""

from __future__ import annotations

import importlib.util
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


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    app.command("code")(code_command)


def code_command(
    actors: Annotated[
        list[Path] | None,
        typer.Option("--actors", help="Extra actors (CSV/YAML) for the actor KB."),
    ] = None,
    lenient_actors: Annotated[
        bool,
        typer.Option(
            "--lenient-actors",
            help="Skip malformed lines of --actors dictionaries (counted) instead of failing.",
        ),
    ] = False,
    recode: Annotated[bool, typer.Option("--recode", help="Code every document again.")] = False,
    limit: Annotated[
        int | None, typer.Option("--limit", help="Code at most N pending documents.")
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", help="Parser processes (default: settings.workers).")
    ] = None,
    topics: Annotated[
        Path | None,
        typer.Option("--topics", help="Topic taxonomy YAML (default: packaged terms:v1)."),
    ] = None,
    engine: Annotated[
        str,
        typer.Option("--engine", help="local (processes on this machine) or dask (a cluster)."),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address; default: a local cluster."),
    ] = None,
    work_dir: Annotated[
        Path,
        typer.Option("--work-dir", help="Dask partitions folder (kept until merged)."),
    ] = Path(".summitry-dask"),
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Stop at the first document the coder fails on."),
    ] = False,
) -> None:
    """Code events from stored documents (incremental and resumable)."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from summitry.classify import ModelError
    from summitry.coding import CODER_VERSION, Coder, pending_documents
    from summitry.coding.coder import CodingError
    from summitry.coding.people import load_people

    at_least(limit, "--limit")
    at_least(workers, "--workers")
    if engine not in ("local", "dask"):
        fail(f"--engine: expected local or dask, got {engine!r}")
    if engine == "dask" and lenient_actors:
        fail("--lenient-actors: not available with --engine dask (workers load strictly)")
    for p in [*(actors or []), *([topics] if topics else [])]:
        if not p.is_file():
            fail(f"{p}: no such file")
    store = open_cli_store()
    paths = tuple(str(p) for p in actors or ())
    try:
        people = load_people(paths, strict=not lenient_actors)
    except Exception as exc:  # the KB reports the bad file / line / field
        fail(f"--actors: {exc}")
    problems = list(getattr(people.kb, "problems", None) or [])
    if problems:
        console.print(
            f"--lenient-actors: skipped {len(problems)} malformed actor line(s), "
            f"first: {problems[0]}"
        )
    try:
        coder = Coder(
            people=people,
            people_paths=paths,
            taxonomy_path=str(topics) if topics else None,
            lenient_actors=lenient_actors,
        )
    except ModelError as exc:  # the classifier's artifact: missing or of another version
        fail(str(exc))
    except (ValueError, OSError) as exc:
        fail(f"{topics}: {exc}")
    ids = pending_documents(store, recode=recode)
    if limit is not None:
        ids = ids[:limit]
    if not ids:
        from summitry.events import regroup_if_pending

        regrouped = regroup_if_pending(store)  # an earlier run was killed before grouping
        extra = f"; regrouped the events ({regrouped.groups} groups)" if regrouped else ""
        console.print(f"nothing to code: every document is coded with {CODER_VERSION}{extra}")
        return
    n_proc = workers if workers is not None else settings().workers
    if engine == "dask":
        _code_on_dask(store, work_dir, scheduler, n_proc, paths, topics, recode, limit)
        refresh_meetings(store)
        return
    with Progress(
        TextColumn("coding"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[sents]} sentences"),
        TimeRemainingColumn(),
        console=console,
    ) as progress:
        task = progress.add_task("code", total=len(ids), sents=0)

        def tick(n_docs: int, n_sents: int) -> None:
            progress.update(task, advance=n_docs, sents=n_sents)

        try:
            summary = coder.run(
                store, ids, n_process=max(1, n_proc), on_progress=tick, strict=strict
            )
        except CodingError as exc:
            fail(f"{exc} (--strict: stopped; the documents before it are coded)")
    refresh_meetings(store)
    status = ", ".join(f"{k} {v}" for k, v in sorted(summary.status.items()))
    console.print(
        f"coded {summary.documents} documents: {summary.sentences} sentences, "
        f"{summary.parsed} parsed, {summary.mentions} mentions, {summary.events} event reports "
        f"({summary.groups} distinct events in the store after grouping reports; {status})"
    )
    report_failures(summary.failures)


def report_failures(failures: list[tuple[str, str]], shown: int = 20) -> None:
    """Name the documents the coder failed on (they stay pending) and exit 1 if any."""
    if not failures:
        return
    for doc_id, why in failures[:shown]:
        err_console.print(f"failed: {doc_id}: {why}", highlight=False, markup=False)
    if len(failures) > shown:
        err_console.print(f"... and {len(failures) - shown} more", highlight=False)
    fail(
        f"{len(failures)} document(s) could not be coded and were skipped (they stay pending; "
        "--strict stops at the first)"
    )


def _code_on_dask(
    store,
    work_dir: Path,
    scheduler: str | None,
    n_workers: int,
    actors: tuple[str, ...],
    topics: Path | None,
    recode: bool,
    limit: int | None,
) -> None:
    """``summitry code --engine dask``: the same coder, partition by partition on Dask."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from summitry.scale import code_on_dask

    if importlib.util.find_spec("dask") is None or importlib.util.find_spec("distributed") is None:
        fail("--engine dask needs Dask: pip install 'summitry[scale]'")
    with Progress(
        TextColumn("coding on dask"), BarColumn(), MofNCompleteColumn(), console=console
    ) as progress:
        task = progress.add_task("partitions", total=None)

        def tick(n: int, total: int) -> None:
            progress.update(task, advance=n, total=total)

        summary = code_on_dask(
            store,
            work_dir,
            scheduler=scheduler,
            n_workers=max(1, n_workers),
            actors=actors,
            topics=str(topics) if topics else None,
            recode=recode,
            limit=limit,
            on_progress=tick,
        )
    status = ", ".join(f"{k} {v}" for k, v in sorted(summary.status.items()))
    console.print(
        f"coded {summary.documents} documents on {summary.workers} Dask workers in "
        f"{summary.partitions} partitions ({summary.resumed} resumed): {summary.events} event "
        f"reports; {status}"
    )
