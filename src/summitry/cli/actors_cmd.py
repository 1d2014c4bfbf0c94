"""``summitry actors``: list the actor KB, resolve a name (``who``), write it to the store.

``--actors FILE`` (repeatable) adds CSV, YAML or PETRARCH/Phoenix actor dictionary files.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from summitry.cli.common import console, err_console, fail, iso_date, open_cli_store
from summitry.cli.listing import Column, FormatOpt, OutOpt, check, emit

actors_app = typer.Typer(
    help="The actor knowledge base: countries, organisations and people with dated roles.",
    invoke_without_command=True,
)

ExtraOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--actors",
        help="Extra actor file(s): CSV, YAML or a PETRARCH/Phoenix actor dictionary "
        "(NAME [CODE] lines, e.g. Phoenix.Countries.actors.txt); see summitry.actors.files.",
    ),
]
ActorsFormatOpt = Annotated[
    str | None,
    typer.Option(
        "--actors-format",
        help="Format of every --actors file: csv|yaml|phoenix (default: from name and content).",
    ),
]
LenientOpt = Annotated[
    bool,
    typer.Option(
        "--lenient",
        help="Skip and list malformed dictionary lines instead of failing "
        "(the published Phoenix files have a few).",
    ),
]


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    app.add_typer(actors_app, name="actors")


def _on(value: str | None) -> date | None:
    return iso_date(value, "--on")


def _kb(
    extra: list[Path] | None,
    fmt: str | None = None,
    lenient: bool = False,
    ctx: typer.Context | None = None,
):
    """The KB with the --actors files given to the group (``summitry actors --actors F who``)
    and to the subcommand (``summitry actors who --actors F``)."""
    from summitry.actors import ActorFileError, ActorKB

    group = (ctx.obj if ctx is not None and isinstance(ctx.obj, dict) else None) or {}
    extra = [*group.get("extra", ()), *(extra or ())]
    fmt = fmt or group.get("fmt")
    lenient = lenient or group.get("lenient", False)
    try:
        kb = ActorKB.load(extra_paths=tuple(extra or ()), fmt=fmt, strict=not lenient)
    except ActorFileError as exc:
        fail(f"--actors: {exc}")
    for problem in kb.problems:
        err_console.print(f"skipped: {problem}", highlight=False, soft_wrap=True)
    return kb


def _row(a, r=None) -> dict:
    """A listing row: the actor, and one of its roles when ``r`` is given."""
    return {
        "actor_id": a.actor_id,
        "name": a.name,
        "kind": a.kind,
        "iso3": (r.iso3 if r is not None else a.iso3) or "",
        "role": r.role if r is not None else "",
        "start_date": str(r.start or "") if r is not None else "",
        "end_date": str(r.end or "") if r is not None else "",
        "acting": "yes" if r is not None and r.acting else "",
        "source_url": (r.source_url if r is not None else a.source_url) or "",
    }


def _rows(
    kb, role: str | None, country: str | None, on: date | None, kind: str | None
) -> list[dict]:
    rows: list[dict] = []
    iso = country.upper() if country else None
    if iso and kb.get(iso) is None:
        iso = kb.country_of(country) or iso
    for a in kb.actors(kind):
        if role is None and on is None:
            if not iso or a.iso3 == iso or a.actor_id == iso:
                rows.append(_row(a))
            continue
        for r in kb.roles(a.actor_id, on=on):
            if not (role and r.role != role) and not (iso and r.iso3 != iso):
                rows.append(_row(a, r))
    rows.sort(key=lambda x: (x["iso3"], x["role"], x["start_date"], x["actor_id"]))
    return rows


FIELDS = [
    "actor_id",
    "name",
    "kind",
    "iso3",
    "role",
    "start_date",
    "end_date",
    "acting",
    "source_url",
]
TABLE = [
    Column("actor_id", "id", rank=0, no_wrap=True),
    Column("name", rank=0),
    Column("kind", rank=3),
    Column("iso3", rank=1, no_wrap=True),
    Column("role", rank=2),
    Column("start_date", "from", rank=2, no_wrap=True),
    Column("end_date", "to", rank=2, no_wrap=True),
    Column("acting", rank=4),
]


def _emit(rows: list[dict], fmt: str, out: Path | None, title: str) -> None:
    fields = list(rows[0]) if rows else ["actor_id"]
    emit(rows, fmt, out, TABLE, title=title, fields=fields, what="actors")


@actors_app.callback()
def list_actors(
    ctx: typer.Context,
    role: Annotated[
        str | None, typer.Option("--role", help="Only this role (head_of_state, ...).")
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="ISO3 code or country name.")
    ] = None,
    on: Annotated[
        str | None, typer.Option("--on", help="Only roles held on this ISO date.")
    ] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="country|igo|person|group.")] = None,
    fmt: FormatOpt = "table",
    out: OutOpt = None,
    extra: ExtraOpt = None,
    actors_format: ActorsFormatOpt = None,
    lenient: LenientOpt = False,
) -> None:
    """List actors (with --role/--on: their tenures), filtered by role, country, date and kind."""
    if ctx.invoked_subcommand is not None:  # the --actors options apply to the subcommand
        ctx.obj = {"extra": list(extra or ()), "fmt": actors_format, "lenient": lenient}
        return
    check(fmt, out)
    kb = _kb(extra, actors_format, lenient)
    rows = _rows(kb, role, country, _on(on), kind)
    _emit(rows, fmt, out, f"{len(rows)} actors" + (f" on {on}" if on else ""))


@actors_app.command("who")
def who(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help='A name or title, e.g. "the U.S. president".')],
    on: Annotated[
        str | None, typer.Option("--on", help="The date the text refers to (ISO).")
    ] = None,
    fmt: FormatOpt = "table",
    out: OutOpt = None,
    extra: ExtraOpt = None,
    actors_format: ActorsFormatOpt = None,
    lenient: LenientOpt = False,
) -> None:
    """Resolve a name, title or metonym to actors, printing the rule that matched."""
    check(fmt, out)
    kb = _kb(extra, actors_format, lenient, ctx)
    when = _on(on)
    matches = kb.resolve(text, on=when)
    rows = [m.record(text, on or "") for m in matches]
    if not rows:
        if fmt == "table":
            why = "a title, but no holder is known" if kb.is_title(text) else "no rule matched"
            console.print(f"unresolved: {text!r}" + (f" on {on}" if on else "") + f" ({why})")
        else:
            _emit([], fmt, out, "")
        raise typer.Exit(1)
    if fmt == "table":
        for r in rows:
            console.print(
                f"{r['name']} ({r['actor_id']})  rule={r['rule']}"
                + (f"  role={r['role']}" if r["role"] else "")
                + (f"  iso3={r['iso3']}" if r["iso3"] else "")
                + f"  origin={r['origin']}"
                + (f"  source={r['source']}" if r["source"] else ""),
                highlight=False,
                soft_wrap=True,
            )
        return
    _emit(rows, fmt, out, "")


@actors_app.command("store")
def store_cmd(
    ctx: typer.Context,
    extra: ExtraOpt = None,
    actors_format: ActorsFormatOpt = None,
    lenient: LenientOpt = False,
) -> None:
    """Write the KB (and --actors files) into the tables actors / actor_roles (idempotent)."""
    from summitry.actors import write_actors_to_store
    from summitry.store import StoreError

    kb = _kb(extra, actors_format, lenient, ctx)
    with open_cli_store() as store:
        try:
            n_a, n_r = write_actors_to_store(store, kb)
        except StoreError as exc:
            fail(str(exc))
    console.print(f"wrote {n_a} actors and {n_r} roles")
