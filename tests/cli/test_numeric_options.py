"""Numeric options out of range are refused in one line, before any work.

Before: ``events --limit -1`` ended with a DuckDB binder error dressed as a filter error,
``code --limit -1`` coded every pending document but the last, ``code --workers -1`` ran
with one, ``serve --idle -1`` and ``--wait -1`` were taken as they came.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from summitry.cli import app

runner = CliRunner()
BAD = [  # (arguments after --db, the flag and value the error must name)
    (["events", "--limit", "-1"], "--limit -1"),
    (["events", "--min-score", "-0.5"], "--min-score"),
    (["code", "--limit", "-1"], "--limit -1"),
    (["code", "--workers", "-2"], "--workers -2"),
    (["ingest", "--workers", "-1", "none.jsonl"], "--workers -1"),
    (["ingest", "--near-threshold", "0", "none.jsonl"], "--near-threshold 0"),
    (["ingest", "--near-threshold", "1.5", "none.jsonl"], "--near-threshold 1.5"),
    (["serve", "--cache", "-1"], "--cache -1"),
    (["serve", "--idle", "-1"], "--idle -1"),
    (["coder", "train", "--sample", "0"], "--sample 0"),
    (
        ["gdelt", "fetch", "--from", "2024-01-01", "--to", "2024-01-02", "--workers", "0"],
        "--workers 0",
    ),  # fmt: skip
    (["--wait", "-1", "info"], "--wait -1"),
]


@pytest.mark.parametrize(("args", "named"), BAD, ids=[" ".join(a) for a, _ in BAD])
def test_out_of_range_numbers_are_one_line_errors(tmp_path: Path, args: list[str], named: str):
    db = tmp_path / "s.duckdb"
    r = runner.invoke(app, ["--db", str(db), *args], env={"COLUMNS": "200"})
    lines = [line for line in r.output.splitlines() if line.strip()]
    assert r.exit_code == 1, r.output
    assert len(lines) == 1 and lines[0].startswith(f"error: {named}"), r.output
    assert not db.exists()  # refused before the store was opened


def test_zero_rows_is_allowed(tmp_path: Path):
    db = tmp_path / "s.duckdb"
    assert runner.invoke(app, ["--db", str(db), "knowledge", "load"]).exit_code == 0
    r = runner.invoke(app, ["--db", str(db), "events", "--limit", "0"], env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
