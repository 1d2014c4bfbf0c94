"""``summitry meetings`` (list / build) and ``summitry meeting ID`` (one, with evidence)."""

from __future__ import annotations

from typing import Annotated

import typer

from summitry.cli.common import console, fail, iso_date, open_cli_store, warn_if_stale
from summitry.cli.listing import Column, FormatOpt, OutOpt, check, emit, print_table


def _out():
    """The console; when piped or captured (no terminal width to fit) a wide one, so table
    rows and evidence lines are not broken mid-way."""
    if console.is_terminal:
        return console
    from rich.console import Console

    return Console(width=max(console.width, 150), highlight=False)


TABLE = [
    Column("id", rank=0, no_wrap=True),  # ids and dates never break: they are copied
    Column("dates", rank=0, no_wrap=True),
    Column("participants", rank=0, min_width=18),
    Column("status", rank=1),
    Column("place", rank=2, min_width=10),
    Column("format", rank=3),
    Column("sources", rank=4, no_wrap=True),
    Column("topics", rank=5),
]
FIELDS = [
    "id",
    "origin",
    "participants",
    "start_date",
    "end_date",
    "city",
    "country",
    "format",
    "occasion",
    "status",
    "duration_minutes",
    "topics",
    "sources",
]


def _table_row(m: dict) -> dict:
    dates = m["start_date"] or "?"
    if m["end_date"] and m["end_date"] != m["start_date"]:
        dates += f"…{m['end_date'][5:]}"
    return {
        "id": m["id"],
        "dates": dates,
        "participants": " – ".join(m["participants"]),
        "format": m["format"] + (f" ({m['occasion']})" if m["occasion"] else ""),
        "status": f"{m['status']} ({m['origin']})",
        "place": ", ".join(x for x in (m["city"], m["country"]) if x) or "–",
        "topics": ", ".join(m["topics"][:5]),
        "sources": str(len(m["sources"])),
    }


def _print_table(rows: list[dict]) -> None:
    print_table([_table_row(m) for m in rows], TABLE)
    console.print(f"{len(rows)} meeting(s)")


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    meetings_app = typer.Typer(help="Meeting episodes between leaders.")
    app.add_typer(meetings_app, name="meetings")

    @meetings_app.callback(invoke_without_command=True)
    def meetings(
        ctx: typer.Context,
        between: Annotated[
            tuple[str, str] | None,
            typer.Option("--between", help="Two actors: names, ids (person:...) or countries."),
        ] = None,
        date_from: Annotated[str | None, typer.Option("--from", help="From this ISO date.")] = None,
        date_to: Annotated[str | None, typer.Option("--to", help="Up to this ISO date.")] = None,
        source: Annotated[
            list[str] | None,
            typer.Option("--source", help="extracted|imported|curated (repeatable; default all)."),
        ] = None,
        fmt: FormatOpt = "table",
        out: OutOpt = None,
        ministers: Annotated[
            bool,
            typer.Option(
                "--ministers",
                help="Also list encounters of foreign and defence ministers and vice presidents.",
            ),
        ] = False,
    ) -> None:
        """List meeting episodes (as last built: commands that write events rebuild them)."""
        if ctx.invoked_subcommand is not None:
            return
        from summitry.meetings import MeetingQueryError, list_meetings

        check(fmt, out)
        start, end = iso_date(date_from, "--from"), iso_date(date_to, "--to")
        if source:
            source = [s.strip() for v in source for s in v.split(",") if s.strip()]
        store = open_cli_store(read_only=True)
        try:
            warn_if_stale(store)
            rows = list_meetings(
                store,
                between=between,
                date_from=start,
                date_to=end,
                sources=source,
                ministers=ministers,
            )
        except MeetingQueryError as exc:
            fail(str(exc))
        finally:
            store.close()
        if fmt == "table":
            _print_table(rows)
        else:
            emit(rows, fmt, out, TABLE, fields=FIELDS, what="meetings")

    @meetings_app.command("build")
    def build_cmd() -> None:
        """(Re)build meeting episodes (leaders' and ministers') from the events table."""
        from summitry.meetings import build
        from summitry.meetings.build import record_build

        store = open_cli_store()
        try:
            summary = build(store, progress=True)
            record_build(store)
        finally:
            store.close()
        console.print(
            f"{summary.n_reports} reports -> {summary.n_meetings} meetings, {summary.n_items} items"
        )

    @app.command("meeting")
    def meeting_cmd(
        meeting_id: Annotated[str, typer.Argument(help="Meeting id (from `summitry meetings`).")],
        fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    ) -> None:
        """Show one meeting with its topics, outcomes, statements, reactions and evidence."""
        import json

        from summitry.meetings import get_meeting

        store = open_cli_store(read_only=True)
        try:
            warn_if_stale(store)
            m = get_meeting(store, meeting_id)
        finally:
            store.close()
        if m is None:
            fail(f"no meeting {meeting_id!r}; list them with `summitry meetings`")
        if fmt == "json":
            print(json.dumps(m, indent=2, ensure_ascii=False, default=str))
            return
        _print_meeting(m)


def _print_meeting(m: dict) -> None:
    from rich.markup import escape

    console = _out()

    dates = m["start_date"] + (f" – {m['end_date']}" if m["end_date"] != m["start_date"] else "")
    console.print(f"[bold]{escape(m['title'] or m['id'])}[/]  ({m['id']}, {m['origin']})")
    console.print(
        f"date: {dates}   status: {m['status']}   format: {m['format']}"
        + (f" ({m['occasion']})" if m["occasion"] else "")
    )
    place = ", ".join(x for x in (m["city"], m["country"]) if x) or "–"
    coords = f" ({m['lat']:.3f}, {m['lon']:.3f})" if m["lat"] is not None else ""
    console.print(
        f"place: {place}{coords}   duration: {m['duration_minutes'] or '–'} min   "
        f"one-on-one: {m['one_on_one'] if m['one_on_one'] is not None else '–'}"
    )
    console.print("participants: " + "; ".join(f"{n} ({r})" for n, r in m["roles"].items()))
    titles = {
        "status": "Status history",
        "topic": "Topics (ranked)",
        "outcome": "Outcomes",
        "non_outcome": "Non-outcomes",
        "statement": "Statements by the sides",
        "reaction": "Reactions",
        "duration": "Duration",
        "one_on_one": "One-on-one",
        "format_evidence": "Format evidence",
    }
    for kind, title in titles.items():
        items = [i for i in m["items"] if i["kind"] == kind]
        if kind == "topic":
            items.sort(
                key=lambda i: (
                    int(i["value"]) if str(i["value"] or "").isdigit() else 99,
                    i["doc_id"] or "",
                    i["sent_idx"] or 0,
                )
            )
        if not items:
            continue
        console.print(f"\n[bold underline]{title}[/]")
        for i in items:
            rank = f"#{i['value']}" if str(i["value"] or "").isdigit() else None
            label = " ".join(
                str(x)
                for x in (i["value"] if kind != "topic" else rank, i["topic"], i["actor_name"])
                if x
            )
            where = (
                f"{i['doc_id']}:{i['sent_idx']} [{i['start_char']}:{i['end_char']}] "
                f"{i['doc_published'] or ''}"
                if i["doc_id"]
                else f"{i['dataset'] or ''}:{i['dataset_row_id'] or i['event_id'] or ''} "
                f"{i['source_url'] or ''}"
            )
            console.print(f"- [cyan]{escape(label)}[/] {escape(where)} ({i['rule']})")
            if i["doc_id"] and i["text"]:
                console.print(f"    “{escape(i['text'].strip())}”", highlight=False)
    console.print(f"\nsources: {', '.join(m['sources'])}")
