"""Coding fixtures: one spaCy model and one coder per session; Reuters loaded into a store."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

# bench/reuters.py (bench/ is not a package): loaded from its file, sys.path untouched
_SPEC = importlib.util.spec_from_file_location(
    "bench_reuters", Path(__file__).resolve().parents[2] / "bench" / "reuters.py"
)
_REUTERS = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_REUTERS)


@pytest.fixture(scope="session")
def coder():
    from summitry.coding.coder import Coder
    from summitry.coding.people import load_people

    return Coder(people=load_people())


@pytest.fixture(scope="session")
def load_reuters():
    """A loader: ``load_reuters(store, path, limit)``."""
    return _load_reuters


def _load_reuters(store, path: Path, limit: int | None = None) -> int:
    """Put the Reuters JSONL into ``documents`` (bench/reuters.py, shared with
    bench/bench_coder.py); return the number of records read."""
    rows = _REUTERS.reuters_rows(path, limit)
    _REUTERS.store_documents(store, rows)
    return len(rows)
