"""``summitry petrarch``: check PETRARCH/Phoenix dictionaries, load actor files into the KB."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summitry.cli.common import console, fail, open_cli_store

petrarch_app = typer.Typer(
    help="PETRARCH / Phoenix dictionaries: check them, load their actors into the KB.",
    no_args_is_help=True,
)

Files = Annotated[list[Path], typer.Argument(help="Dictionary file(s).", exists=False)]


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    app.add_typer(petrarch_app, name="petrarch")


@petrarch_app.command("check")
def check(
    files: Files,
    kind: Annotated[str, typer.Option(help="actors | agents | verbs | discards")] = "actors",
    lenient: Annotated[bool, typer.Option(help="Skip and list malformed lines.")] = False,
) -> None:
    """Read dictionaries and print entry counts; a malformed line fails naming file:line."""
    from summitry.petrarch import (
        DictionaryError,
        read_actors,
        read_agents,
        read_discards,
        read_verbs,
    )

    if kind not in ("actors", "agents", "verbs", "discards"):
        fail(f"--kind: expected actors, agents, verbs or discards, got {kind!r}")
    for f in files:
        if not f.is_file():
            fail(f"{f}: no such dictionary file")
        try:
            if kind == "actors":
                d = read_actors(f, strict=not lenient)
                extra = f", {sum(len(e.synonyms) for e in d.entries)} synonyms"
            elif kind == "agents":
                d = read_agents(f, strict=not lenient)
                extra = ""
            elif kind == "verbs":
                d = read_verbs(f)
                extra = f", {d.n_patterns} patterns, {len(d.synsets)} synsets"
            else:
                d = read_discards(f)
                extra = ""
        except DictionaryError as exc:
            fail(str(exc))
        console.print(f"{f}: {len(d)} {kind} entries{extra}")
        for p in getattr(d, "problems", []):
            console.print(f"  skipped: {p}")


@petrarch_app.command("load-actors")
def load_actors(
    files: Files,
    store: Annotated[bool, typer.Option(help="Also write the KB to the store.")] = False,
    lenient: Annotated[bool, typer.Option(help="Skip and list malformed lines.")] = False,
) -> None:
    """Add PETRARCH/Phoenix actors to the actor KB (country codes map to our countries)."""
    from summitry.actors import load_petrarch_actors
    from summitry.petrarch import DictionaryError

    for f in files:
        if not f.is_file():
            fail(f"{f}: no such actor dictionary")
    try:
        kb, rep = load_petrarch_actors(list(files), strict=not lenient)
    except DictionaryError as exc:
        fail(str(exc))
    console.print(
        f"{rep.entries} entries: {rep.country_aliases} country aliases, {rep.people} people, "
        f"{rep.organisations} organisations, {rep.skipped} skipped (null or unknown codes)"
    )
    for p in rep.problems:
        console.print(f"  skipped line: {p}")
    if store:
        from summitry.actors import write_actors_to_store

        with open_cli_store() as st:
            n_a, n_r = write_actors_to_store(st, kb)
        console.print(f"wrote {n_a} actors and {n_r} roles")
