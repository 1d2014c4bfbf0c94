"""summitry: evidence-based analysis of meetings between national leaders.

The Python API mirrors the command line::

    import summitry
    store = summitry.open_store("summitry.duckdb")
    summitry.ingest(store, ["articles.jsonl"])
"""

from summitry.store import Store, open_store

__version__ = "0.1.0"
__all__ = ["Store", "code", "open_store", "__version__"]


def code(store, **options):
    """Run the event coder over ``store`` (see :func:`summitry.coding.code`); imported lazily."""
    from summitry.coding import code as _code

    return _code(store, **options)
