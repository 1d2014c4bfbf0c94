"""The store: an embedded DuckDB file with a versioned schema."""

from summitry.store.db import SCHEMA_VERSION, Store, open_store
from summitry.store.errors import (
    NotAStoreError,
    StoreError,
    StoreLockedError,
    StoreMissingError,
    StoreVersionError,
)
from summitry.store.writes import (
    OutputError,
    append,
    atomic_output,
    write_bytes,
    write_text,
)

__all__ = [
    "SCHEMA_VERSION",
    "NotAStoreError",
    "OutputError",
    "Store",
    "StoreError",
    "StoreLockedError",
    "StoreMissingError",
    "StoreVersionError",
    "append",
    "atomic_output",
    "open_store",
    "write_bytes",
    "write_text",
]
