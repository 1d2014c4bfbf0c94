"""Shared fixtures: the ../shared data folder and a fresh store file per test."""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
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


# --- the fault suite's figures (tests/faults/faultlib.tally) ---------------------------------
FIGURES_ENV = "SUMMITRY_FAULT_FIGURES"


def pytest_configure(config):
    """The controller (or a run without xdist) makes the file the tests add figures to;
    xdist workers inherit its name."""
    if not hasattr(config, "workerinput") and FIGURES_ENV not in os.environ:
        fd, path = tempfile.mkstemp(prefix="summitry-fault-figures-", suffix=".jsonl")
        os.close(fd)
        os.environ[FIGURES_ENV] = path
        config._fault_figures = path


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    path = getattr(config, "_fault_figures", None)
    if not path:
        return
    totals: Counter = Counter()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            totals.update(json.loads(line))
    os.unlink(path)
    failed = [r for r in terminalreporter.stats.get("failed", []) if "tests/faults" in r.nodeid]
    if totals or failed:
        terminalreporter.write_line(
            f"fault suite: {totals['inputs']:,} inputs tried, {len(failed)} crashes, "
            f"{totals['killed']} runs killed and recovered, {totals['rows_lost']} rows lost, "
            f"{totals['faults']} injected faults handled"
        )
