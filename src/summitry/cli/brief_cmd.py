"""``summitry brief``: the briefing on two leaders or two countries."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summitry.cli.common import (
    console,
    fail,
    open_cli_store,
    refresh_meetings,
    settings,
    warn_if_stale,
)
from summitry.cli.knowledge_cmd import note_pack


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    app.command("brief")(brief)


def brief(
    between: Annotated[
        tuple[str, str] | None,
        typer.Option(
            "--between", help='Two leaders, e.g. --between "Donald Trump" "Vladimir Putin".'
        ),
    ] = None,
    countries: Annotated[
        tuple[str, str] | None,
        typer.Option(
            "--countries", help="Two countries as ISO 3166 alpha-3 codes, e.g. --countries USA RUS."
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Output file; its suffix is set per format (default: "
            "briefing-<a>-<b>.html in the current directory).",
        ),
    ] = None,
    fmt: Annotated[
        list[str] | None,
        typer.Option("--format", help="html, md, pdf or all; several allowed (default all three)."),
    ] = None,
    source: Annotated[
        list[str] | None,
        typer.Option(
            "--source", help="extracted, imported or curated; several allowed (default all)."
        ),
    ] = None,
    freq: Annotated[
        str, typer.Option("--freq", help="Index period: day, week or month.")
    ] = "month",
    windows: Annotated[
        str, typer.Option("--windows", help="Impact windows in days, comma-separated.")
    ] = "7,30,90",
    seed: Annotated[int, typer.Option("--seed", help="Seed for bootstrap and placebo draws.")] = 0,
) -> None:
    """Write the briefing (context, meetings, discussions, outcomes, positions, measured impact)."""
    import time
    from collections import Counter

    from summitry.analysis.dyad import DyadError, check_sources
    from summitry.analysis.dyad import countries as country_dyad
    from summitry.analysis.dyad import leaders as leader_dyad
    from summitry.report.render import FORMATS

    t0 = time.perf_counter()
    if (between is None) == (countries is None):
        fail('give either --between "Leader A" "Leader B" or --countries ISO3 ISO3')
    formats = [f.lower() for f in (fmt or ["all"])]
    formats = [x for f in formats for x in (FORMATS if f == "all" else (f,))]
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        fail(f"--format {bad[0]!r}: expected one of {', '.join(FORMATS)} or all")
    if freq not in ("day", "week", "month"):
        fail(f"--freq {freq!r}: expected day, week or month")
    try:
        wins = tuple(int(w) for w in windows.split(",") if w.strip())
        if not wins or min(wins) < 1:
            raise ValueError
    except ValueError:
        fail(f"--windows {windows!r}: expected positive whole numbers of days, e.g. 7,30,90")
    try:
        sources = check_sources(source)
        dyad = leader_dyad(*between) if between else country_dyad(*countries)
    except DyadError as exc:
        fail(str(exc))
    from summitry.report import build_briefing, default_out, write_briefing

    out = out if out is not None else default_out(dyad)
    if not settings().db.exists():
        first_store()
    with open_cli_store(read_only=True) as store:
        note_pack(store)
        warn_if_stale(store)
        with console.status("analysing and drawing charts"):
            b = build_briefing(store, dyad, sources, wins, freq, seed=seed)
    with console.status("writing"):
        paths = write_briefing(b, out, formats)
    held = sum(1 for c in b.cards if c.meeting.status == "held")
    linked = sum(1 for c in b.cards if c.linked)
    by_origin = Counter(r.meeting.origin for c in b.cards for r in c.records)
    console.print(
        f"[bold]{dyad.title}[/]: {len(b.cards)} meetings ({held} held"
        + (f"; {linked} found in two or more sources" if linked else "")
        + f"), {len(b.outcomes)} outcomes, {len(b.discussions)} topics, "
        f"{len(b.refs.refs)} references",
        highlight=False,
    )
    console.print(
        f"sources: {', '.join(sources)}; meeting records by source: "
        + (", ".join(f"{o} {n}" for o, n in sorted(by_origin.items())) or "none"),
        highlight=False,
    )
    if b.index.insufficient is None:
        from summitry.analysis.results import Estimate

        est = [r for r in b.impact.rows if r["statistic"] == "goldstein"]
        ok = [r for r in est if isinstance(r["change"], Estimate) and r["change"].lo is not None]
        larger = sum(1 for r in ok if r["verdict"] == "larger than usual")
        period = {"day": "daily", "week": "weekly", "month": "monthly"}[freq]
        console.print(
            f"measured: relationship index over {b.index.meta['n_events']:,} events "
            f"({period}, {len(b.index.rows)} periods); impact on mean Goldstein: {len(ok)} of "
            f"{len(est)} meeting/window pairs with a 95% interval, {larger} larger than at "
            f"placebo dates; {len(b.third_party_claims)} third-party shifts",
            highlight=False,
        )
    else:
        console.print(
            "[yellow]measured: insufficient data[/] — the index, impact and third-party "
            "sections say what the data cannot support",
            highlight=False,
        )
    for g in b.gaps[:3] if b.index.insufficient else []:
        console.print(f"[yellow]insufficient data[/]: {g}", highlight=False)
    if b.gaps:
        console.print(
            f"{len(b.gaps)} limits of the data are listed under 'What the data cannot support'",
            highlight=False,
        )
    for p in paths:
        console.print(
            f"wrote {p.resolve()} ({p.stat().st_size:,} bytes)", highlight=False, soft_wrap=True
        )
    console.print(f"done in {time.perf_counter() - t0:.1f} s")


def first_store() -> None:
    """No store yet (a fresh machine): create it with the bundled knowledge pack, saying so.
    An existing store is only read; `summitry knowledge load` refreshes its pack."""
    from summitry.knowledge import KnowledgePackError, ensure_knowledge_pack

    console.print(
        f"no store at {settings().db}: creating it with the bundled knowledge pack",
        highlight=False,
    )
    with open_cli_store() as store, console.status("loading the knowledge pack"):
        try:
            ensure_knowledge_pack(store)
        except KnowledgePackError as exc:
            fail(str(exc))
        refresh_meetings(store)
