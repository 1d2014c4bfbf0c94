"""The ``meetings: N reports -> M episodes`` line at the end of a writing command: printed when
the rebuild found reports or changed the episodes, not after every ingest of plain text."""

from __future__ import annotations

from pathlib import Path

from test_meetings_imported import _seed_events, _seed_roles
from typer.testing import CliRunner

from summitry.cli import app
from summitry.store import Store

TEXTS = [
    "The harbour authority said on Monday that the new ferry would start in the spring.",
    "Rain delayed the harvest in the north of the region, farmers told the local paper.",
]


def _ingest(db: Path, tmp_path: Path, n: int) -> str:
    src = tmp_path / f"news{n}.txt"
    src.write_text(TEXTS[n], encoding="utf-8")
    res = CliRunner().invoke(app, ["--db", str(db), "ingest", str(src)])
    assert res.exit_code == 0, res.output
    return " ".join(res.stdout.split())


def test_ingest_without_events_says_nothing_of_meetings(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    for n in range(2):  # the store's documents change each time; there are no events
        out = _ingest(db, tmp_path, n)
        assert "documents added │ 1" in out, out
        assert "meetings:" not in out, out


def test_ingest_after_new_events_reports_the_rebuilt_episodes(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store(db) as s:  # events written outside the commands: the next command rebuilds
        _seed_roles(s)
        _seed_events(s)
    out = _ingest(db, tmp_path, 0)
    assert "meetings:" in out and "reports -> " in out and "0 reports" not in out, out
    assert "(rebuilt because the events or documents changed)" in out, out
    out = _ingest(db, tmp_path, 1)  # documents changed, the same reports and episodes
    assert "meetings:" in out, out
