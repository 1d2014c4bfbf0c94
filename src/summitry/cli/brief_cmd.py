"""``summitry brief``: the briefing on two leaders or two countries."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summitry.cli.common import (
    STATE,
    console,
    fail,
    open_cli_store,
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
        dyad = country_dyad(*countries) if countries else None
    except DyadError as exc:
        fail(str(exc))
    from summitry.report import build_briefing, default_out, write_briefing

    if not settings().db.exists():
        first_store()
    with open_cli_store(read_only=True) as store:
        note_pack(store)
        warn_if_stale(store)
        if dyad is None:
            try:
                dyad = leader_dyad(*between, store=store)
            except DyadError as exc:
                fail(str(exc))
        with console.status("analysing and drawing charts"):
            b = build_briefing(store, dyad, sources, wins, freq, seed=seed)
    with console.status("writing"):
        paths = write_briefing(b, out if out is not None else default_out(dyad), formats)
    _report(b, freq)
    for p in paths:
        console.print(
            f"wrote {p.resolve()} ({p.stat().st_size:,} bytes)", highlight=False, soft_wrap=True
        )
    console.print(f"done in {time.perf_counter() - t0:.1f} s")


def _report(b, freq: str) -> None:
    """What the briefing holds, in a few lines."""
    from collections import Counter

    if b.empty:
        console.print(
            f"[bold]{b.dyad.title}[/]: [yellow]nothing recorded yet[/] — the briefing is a short "
            "page saying what to ingest or import",
            highlight=False,
        )
        for x in b.to_add:
            console.print(f"  {x}", highlight=False)
        return
    held = len(b.held_cards)
    linked = sum(1 for c in b.cards if c.linked)
    by_origin = Counter(r.meeting.origin for c in b.cards for r in c.records)
    n_facts = len({f.claim.text for u in b.impact.followups for f in u.facts})
    console.print(
        f"[bold]{b.dyad.title}[/]: {len(b.cards)} meetings ({held} held"
        + (f"; {linked} found in two or more sources" if linked else "")
        + f"), {sum(1 for o in b.outcomes if o.kind == 'outcome')} outcomes, "
        f"{len(b.positions)} topics with stated positions, {n_facts} facts that followed, "
        f"{len(b.references)} references",
        highlight=False,
    )
    console.print(
        f"sources: {', '.join(b.sources)}; meeting records by source: "
        + (", ".join(f"{o} {n}" for o, n in sorted(by_origin.items())) or "none"),
        highlight=False,
    )
    m = b.impact.measured
    if m.available:
        from summitry.analysis.results import Estimate

        est = [r for r in m.impact.rows if r["statistic"] == "goldstein"]
        ok = [r for r in est if isinstance(r["change"], Estimate) and r["change"].lo is not None]
        larger = sum(1 for r in ok if r["verdict"] == "larger than usual")
        period = {"day": "daily", "week": "weekly", "month": "monthly"}[freq]
        console.print(
            f"measured: relationship index over {m.index.meta['n_events']:,} events "
            f"({period}, {len(m.index.rows)} periods); impact on mean Goldstein: {len(ok)} of "
            f"{len(est)} meeting/window pairs with a 95% interval, {larger} larger than at "
            f"placebo dates; {len(m.third_party_claims)} third-party shifts",
            highlight=False,
        )
    else:
        console.print(
            "[yellow]measured: insufficient data[/] — no event data for a before/after "
            "measurement (see the briefing's data-limits box)",
            highlight=False,
        )
    if b.limits:
        console.print(
            f"{len(b.limits)} limits of the data are listed under 'What the data cannot support'",
            highlight=False,
        )


def first_store() -> None:
    """No store yet (a fresh machine): create it with the bundled knowledge pack, saying so.
    It is built under a temporary name and renamed into place, so a run killed meanwhile
    leaves no half-made store. An existing store is only read."""
    from summitry.knowledge import KnowledgePackError, ensure_knowledge_pack
    from summitry.meetings import refresh
    from summitry.store import OutputError, StoreError, atomic_output, open_store

    db = settings().db
    console.print(f"no store at {db}: creating it with the bundled knowledge pack", highlight=False)
    try:
        with atomic_output(db, force=False) as tmp, console.status("loading the knowledge pack"):
            store = open_store(tmp, memory_limit=settings().memory_limit, command=STATE.command)
            try:
                ensure_knowledge_pack(store)
                refresh(store)  # quietly: a new store's episodes are the pack's
            finally:
                store.close()
    except OutputError:
        return  # another command created it meanwhile: read that one
    except (KnowledgePackError, StoreError) as exc:
        fail(str(exc))
