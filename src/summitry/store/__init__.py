"""The store: an embedded DuckDB file with a versioned schema."""

from summitry.store.db import SCHEMA_VERSION, Store, StoreError, StoreVersionError, open_store

__all__ = ["SCHEMA_VERSION", "Store", "StoreError", "StoreVersionError", "open_store"]
