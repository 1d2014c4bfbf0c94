"""``summitry brief``: the briefing on two leaders or two countries."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summitry.cli.common import console, fail, open_cli_store


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
    out: Annotated[Path, typer.Option("--out", help="Output file (suffix set per format).")] = Path(
        "briefing.html"
    ),
    fmt: Annotated[
        list[str] | None,
        typer.Option("--format", help="html, md or pdf; several allowed (default html)."),
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
    formats = [f.lower() for f in (fmt or ["html"])]
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        fail(f"--format {bad[0]!r}: expected one of {', '.join(FORMATS)}")
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
    from summitry.knowledge import KnowledgePackError, ensure_knowledge_pack
    from summitry.report import build_briefing, write_briefing

    with open_cli_store() as store:
        with console.status("loading the knowledge pack"):
            try:
                ensure_knowledge_pack(store)
            except KnowledgePackError as exc:
                fail(str(exc))
        with console.status("analysing and drawing charts"):
            b = build_briefing(store, dyad, sources, wins, freq, seed=seed)
    with console.status("writing"):
        paths = write_briefing(b, out, formats)
    held = sum(1 for c in b.cards if c.meeting.status == "held")
    console.print(
        f"[bold]{dyad.title}[/]: {len(b.cards)} meetings ({held} held), "
        f"{len(b.outcomes)} outcomes, {len(b.discussions)} topics, "
        f"{len(b.refs.refs)} references; sources: {', '.join(sources)}"
    )
    for g in b.gaps[:4]:
        console.print(f"[yellow]insufficient data[/]: {g}", highlight=False)
    for p in paths:
        console.print(f"wrote {p} ({p.stat().st_size:,} bytes)")
    console.print(f"done in {time.perf_counter() - t0:.1f} s")
