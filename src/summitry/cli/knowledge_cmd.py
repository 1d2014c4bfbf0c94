"""``summitry knowledge load`` and ``summitry knowledge show``: the curated knowledge pack."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summitry.cli.common import console, err_console, fail, open_cli_store, refresh_meetings

knowledge_app = typer.Typer(
    help="The curated knowledge pack: summits, calls and treaties, each with its source.",
    no_args_is_help=True,
)


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    app.add_typer(knowledge_app, name="knowledge")


@knowledge_app.command("load")
def load(
    path: Annotated[
        Path | None, typer.Option("--path", help="A pack folder (default: the shipped pack).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Reload even if the store holds this version.")
    ] = False,
) -> None:
    """Load the knowledge pack into the store (idempotent; a newer version replaces it)."""
    from summitry.knowledge import KnowledgePackError, load_knowledge_pack
    from summitry.store import StoreError

    with open_cli_store() as store:
        try:
            s = load_knowledge_pack(store, path=path, force=force)
        except (KnowledgePackError, StoreError) as exc:
            fail(str(exc))
        refresh_meetings(store)
    console.print(
        f"{s.message}: {s.meetings} meetings/calls, {s.participants} participants, "
        f"{s.items} items, {s.events} events, {s.treaties} treaties, "
        f"{s.treaty_actions} treaty actions"
    )


@knowledge_app.command("show")
def show(
    between: Annotated[
        tuple[str, str] | None,
        typer.Option("--between", help="Two leaders (names or person ids)."),
    ] = None,
    treaties: Annotated[
        bool, typer.Option("--treaties", help="Show the treaty timeline instead.")
    ] = False,
    items: Annotated[
        bool, typer.Option("--items", help="List outcomes, topics and status changes.")
    ] = False,
    source: Annotated[
        list[str] | None,
        typer.Option(
            "--source",
            help="extracted, imported or curated; several allowed (default all). Treaties "
            "are curated only.",
        ),
    ] = None,
) -> None:
    """List meetings and calls, each labelled with its source; curated rows carry their
    source URL (reads only: `summitry knowledge load` loads the pack)."""
    from rich.table import Table

    from summitry.knowledge import (
        meetings_by_source,
        resolve_person,
        treaty_timeline,
    )

    sources = [x.strip() for v in (source or []) for x in v.split(",") if x.strip()]
    bad = [x for x in sources if x not in ("extracted", "imported", "curated")]
    if bad:
        fail(f"--source {bad[0]!r}: expected one of extracted, imported, curated")
    sources = list(dict.fromkeys(sources)) or ["extracted", "imported", "curated"]
    pair: tuple[str, str] | None = None
    if between is not None:
        ids = [resolve_person(name) for name in between]
        for name, pid in zip(between, ids, strict=True):
            if pid is None:
                fail(f"--between: no leader in the knowledge pack matches {name!r}")
        pair = (ids[0], ids[1])  # type: ignore[assignment]
    with open_cli_store(read_only=True) as store:
        note_pack(store)
        if treaties:
            if "curated" not in sources:
                fail("--treaties: the treaty timeline is curated only; add --source curated")
            table = Table(title="Arms-control treaty timeline (knowledge pack)")
            for col in ("date", "treaty", "action", "actor", "note", "origin", "source"):
                table.add_column(col, overflow="fold")
            for a in treaty_timeline(store):
                table.add_row(
                    str(a.action_date),
                    a.short_name,
                    a.action,
                    a.actor or "",
                    a.note or "",
                    "curated",
                    a.source_url,
                )
            console.print(table)
            return
        rows = meetings_by_source(store, pair, sources)
    title = "Meetings and calls" + (f" between {pair[0]} and {pair[1]}" if pair else "")
    table = Table(title=f"{title} ({len(rows)}; sources: {', '.join(sources)})")
    for col in ("dates", "title", "format", "status", "place", "participants", "origin", "source"):
        table.add_column(col, overflow="fold")
    for m in rows:
        dates = str(m.start_date or "")
        if m.end_date not in (None, m.start_date):
            dates += f" – {m.end_date}"
        place = ", ".join(x for x in (m.city, m.country) if x)
        people = "; ".join(
            f"{p.removeprefix('person:')} ({r})" if r else p.removeprefix("person:")
            for p, r in zip(m.participants, m.roles, strict=True)
        )
        status = m.status + ("" if m.confirmed else " (unconfirmed)")
        table.add_row(
            dates,
            m.title,
            m.format,
            status,
            place,
            people,
            m.origin,
            m.source_url or "(documents / dataset rows: summitry meetings show)",
        )
        if items:
            for it in m.items:
                label = it.kind + (f":{it.value}" if it.value else "")
                table.add_row(
                    str(it.item_date or ""),
                    f"  {label}",
                    it.topic or "",
                    "",
                    "",
                    it.text,
                    m.origin,
                    it.source_url,
                )
    console.print(table)


def note_pack(store) -> None:
    """A reader's note when the store lacks the shipped knowledge pack (it does not load it)."""
    from summitry.knowledge import pack_status

    note = pack_status(store)
    if note:
        err_console.print(
            f"[yellow]note:[/] {note}; `summitry knowledge load` loads it", highlight=False
        )
