"""The errors of opening and writing the store."""

from __future__ import annotations


class StoreError(RuntimeError):
    """The store cannot be opened or written."""


class StoreVersionError(StoreError):
    """The store was written by a newer (or, for a reader, an older) version of summitry."""


class StoreMissingError(StoreError):
    """A reader was given a path where no store exists."""


class NotAStoreError(StoreError):
    """The file is not a summitry store (another format, or another program's database)."""


class StoreLockedError(StoreError):
    """Another process holds the store's lock."""
