"""Shared fixtures: the ../shared data folder and a fresh store file per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitry.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the repo (CI has it); tests read it, never copy it."""
    assert SHARED.is_dir(), f"{SHARED} is missing: the shared data folder must sit beside the repo"
    return SHARED


@pytest.fixture(scope="session")
def reuters_path(shared_dir: Path) -> Path:
    return shared_dir / "corpora" / "reuters-2017-oct-nov.jsonl"


@pytest.fixture
def store(tmp_path: Path):
    """A real DuckDB store file in a temporary folder."""
    s = Store(tmp_path / "test.duckdb")
    yield s
    s.close()
