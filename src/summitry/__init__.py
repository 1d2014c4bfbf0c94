"""summitry: evidence-based analysis of meetings between national leaders.

The Python API mirrors the command line::

    import summitry
    store = summitry.open_store("summitry.duckdb")
    summitry.ingest(store, ["articles.jsonl"])          # summitry ingest
    summitry.code(store)                                 # summitry code
    summitry.find_meetings(store, between=("Donald Trump", "Vladimir Putin"))  # summitry meetings
    summitry.brief(store, "Donald Trump", "Vladimir Putin")               # summitry brief
"""

from __future__ import annotations

from pathlib import Path

from summitry.store import Store, open_store

__version__ = "0.1.0"
__all__ = ["Store", "brief", "code", "find_meetings", "ingest", "open_store", "__version__"]


def code(store, **options):
    """Run the event coder over ``store`` (see :func:`summitry.coding.code`); imported lazily."""
    from summitry.coding import code as _code

    return _code(store, **options)


def find_meetings(store, **options):
    """Meeting episodes, as :func:`summitry.meetings.list_meetings` gives them; the episodes
    are (re)built first when the store's events changed since the last build. (Not called
    ``meetings``: that name is the package.)"""
    from summitry.meetings import ensure_built, list_meetings

    ensure_built(store)
    return list_meetings(store, **options)


def brief(
    store,
    a: str,
    b: str,
    *,
    countries: bool = False,
    formats: tuple[str, ...] = ("html", "md", "pdf"),
    out: str | Path | None = None,
    **options,
) -> list[Path]:
    """Write the briefing on two leaders (or two countries, ``countries=True``) like
    ``summitry brief``; loads the knowledge pack when needed and returns the files written.
    ``options`` go to :func:`summitry.report.build_briefing` (sources, windows, freq, seed)."""
    from summitry.analysis.dyad import countries as country_dyad
    from summitry.analysis.dyad import leaders as leader_dyad
    from summitry.knowledge import ensure_knowledge_pack
    from summitry.report import build_briefing, default_out, write_briefing

    ensure_knowledge_pack(store)
    dyad = country_dyad(a, b) if countries else leader_dyad(a, b, store=store)
    briefing = build_briefing(store, dyad, **options)
    return write_briefing(briefing, Path(out) if out else default_out(dyad), list(formats))


def __getattr__(name: str):
    """``summitry.ingest`` (the callable ingest package) is imported on first use."""
    if name == "ingest":
        import importlib

        return importlib.import_module("summitry.ingest")
    raise AttributeError(f"module 'summitry' has no attribute {name!r}")
