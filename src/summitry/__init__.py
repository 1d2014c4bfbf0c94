"""summitry: evidence-based analysis of meetings between national leaders.

The Python API mirrors the command line::

    import summitry
    store = summitry.open_store("summitry.duckdb")
    summitry.ingest(store, ["articles.jsonl"])
"""

from summitry.store import Store, open_store

__version__ = "0.1.0"
__all__ = ["Store", "code", "ingest", "open_store", "__version__"]


def code(store, **options):
    """Run the event coder over ``store`` (see :func:`summitry.coding.code`); imported lazily."""
    from summitry.coding import code as _code

    return _code(store, **options)


def __getattr__(name: str):
    """``summitry.ingest`` (the callable ingest package) is imported on first use."""
    if name == "ingest":
        import importlib

        return importlib.import_module("summitry.ingest")
    raise AttributeError(f"module 'summitry' has no attribute {name!r}")
