"""summitry: evidence-based analysis of meetings between national leaders.

The Python API mirrors the command line::

    import summitry
    store = summitry.open_store("summitry.duckdb")
    summitry.ingest(store, ["articles.jsonl"])
"""

from summitry.store import Store, open_store

__version__ = "0.1.0"
__all__ = ["Store", "open_store", "__version__"]
