"""``summitry knowledge load`` and ``summitry knowledge show``: the curated knowledge pack."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summitry.cli.common import console, err_console, fail, open_cli_store, refresh_meetings
from summitry.cli.listing import Column, FormatOpt, OutOpt, check, emit

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


TREATY_TABLE = [
    Column("date", rank=0, no_wrap=True),
    Column("treaty", rank=0),
    Column("action", rank=0),
    Column("actor", rank=2),
    Column("note", rank=3),
    Column("origin", rank=4),
    Column("source", rank=1),
]
MEETING_TABLE = [
    Column("dates", rank=0),
    Column("title", rank=0, min_width=12),
    Column("format", rank=3),
    Column("status", rank=2),
    Column("place", rank=1),
    Column("participants", rank=0, min_width=16),
    Column("origin", rank=4),
    Column("source", rank=1),
]


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
    fmt: FormatOpt = "table",
    out: OutOpt = None,
) -> None:
    """List meetings and calls, each labelled with its source; curated rows carry their
    source URL (reads only: `summitry knowledge load` loads the pack)."""
    from summitry.knowledge import meetings_by_source, resolve_person, treaty_timeline

    check(fmt, out)
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
            rows = [_treaty_row(a) for a in treaty_timeline(store)]
            title = "Arms-control treaty timeline (knowledge pack)"
            emit(rows, fmt, out, TREATY_TABLE, title=title, fields=_keys(TREATY_TABLE))
            return
        found = meetings_by_source(store, pair, sources)
    title = "Meetings and calls" + (f" between {pair[0]} and {pair[1]}" if pair else "")
    rows = [r for m in found for r in _meeting_rows(m, items)]
    title = f"{title} ({len(found)}; sources: {', '.join(sources)})"
    fields = ["row", *_keys(MEETING_TABLE)] if items else _keys(MEETING_TABLE)
    emit(rows, fmt, out, MEETING_TABLE, title=title, fields=fields)


def _keys(columns: list[Column]) -> list[str]:
    return [c.key for c in columns]


def _treaty_row(a) -> dict:
    return {
        "date": str(a.action_date),
        "treaty": a.short_name,
        "action": a.action,
        "actor": a.actor or "",
        "note": a.note or "",
        "origin": "curated",
        "source": a.source_url,
    }


def _meeting_rows(m, items: bool) -> list[dict]:
    """The meeting's row, then (``items``) one row per outcome, topic or status change."""
    dates = str(m.start_date or "")
    if m.end_date not in (None, m.start_date):
        dates += f" – {m.end_date}"
    people = "; ".join(
        f"{p.removeprefix('person:')} ({r})" if r else p.removeprefix("person:")
        for p, r in zip(m.participants, m.roles, strict=True)
    )
    rows = [
        {
            "row": "meeting",
            "dates": dates,
            "title": m.title,
            "format": m.format,
            "status": m.status + ("" if m.confirmed else " (unconfirmed)"),
            "place": ", ".join(x for x in (m.city, m.country) if x),
            "participants": people,
            "origin": m.origin,
            "source": m.source_url or "(documents / dataset rows: summitry meetings show)",
        }
    ]
    for it in m.items if items else ():
        label = it.kind + (f":{it.value}" if it.value else "")
        rows.append(
            {
                "row": "item",
                "dates": str(it.item_date or ""),
                "title": f"  {label}",
                "format": it.topic or "",
                "status": "",
                "place": "",
                "participants": it.text,
                "origin": m.origin,
                "source": it.source_url,
            }
        )
    return rows


def note_pack(store) -> None:
    """A reader's note when the store lacks the shipped knowledge pack (it does not load it)."""
    from summitry.knowledge import pack_status

    note = pack_status(store)
    if note:
        err_console.print(
            f"[yellow]note:[/] {note}; `summitry knowledge load` loads it", highlight=False
        )
