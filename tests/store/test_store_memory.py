"""The store bounds DuckDB's memory: the memory_limit setting (flag > env > TOML)."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitry.config import Settings
from summitry.store import Store, StoreError


def _limit(store: Store) -> str:
    return store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]


def test_memory_limit_default_env_and_argument(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("SUMMITRY_MEMORY_LIMIT", raising=False)
    monkeypatch.chdir(tmp_path)  # no summitry.toml here
    assert Settings().memory_limit == "1GB"
    with Store(tmp_path / "a.duckdb") as store:
        assert _limit(store) == "953.6 MiB"  # 1 GB, as DuckDB prints it
    monkeypatch.setenv("SUMMITRY_MEMORY_LIMIT", "300MB")
    with Store(tmp_path / "a.duckdb") as store:
        assert _limit(store) == "286.1 MiB"
    with Store(tmp_path / "a.duckdb", memory_limit="2GB") as store:
        assert _limit(store) == "1.8 GiB"


def test_bad_memory_limit_is_a_clear_error(tmp_path: Path):
    with pytest.raises(StoreError, match="cannot open store .*Memory"):
        Store(tmp_path / "b.duckdb", memory_limit="lots")
