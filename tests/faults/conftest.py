"""Fixtures of the fault suite (helpers in ``faultlib``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from faultlib import NEWS, run_cli, write_jsonl


@pytest.fixture
def news_store(tmp_path: Path) -> Path:
    """A store with the NEWS documents ingested (by the real command)."""
    db = tmp_path / "s.duckdb"
    r = run_cli("ingest", str(write_jsonl(tmp_path / "news.jsonl", NEWS)), db=db)
    assert r.returncode == 0, r.stderr
    return db
