"""What the meetings tests read back: the episodes of two leaders in a built store."""

from __future__ import annotations

from pathlib import Path

from summitry.meetings import list_meetings
from summitry.store import Store


def _listed(path: Path, a: str, b: str) -> list[dict]:
    store = Store(path, read_only=True)
    try:
        return list_meetings(store, between=(a, b))
    finally:
        store.close()


def episodes_between(path: Path, a: str, b: str) -> list[tuple[str, str, str]]:
    """(start date, format, status) of every episode of ``a`` and ``b`` in the store."""
    return [(m["start_date"], m["format"], m["status"]) for m in _listed(path, a, b)]


def episode_spans_between(path: Path, a: str, b: str) -> list[tuple[str, str, str, str]]:
    """(start date, end date, format, status) of every episode of ``a`` and ``b``."""
    return [(m["start_date"], m["end_date"], m["format"], m["status"]) for m in _listed(path, a, b)]
