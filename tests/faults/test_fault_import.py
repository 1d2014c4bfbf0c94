"""``summitry import gdelt`` killed (SIGKILL) at each point where a crash matters: the re-run
gives exactly the store of a clean import — every row, its person links, its groups and the
files' bookkeeping (before: a kill after the rows were committed left ``event_groups`` empty
and ``group_id`` NULL, and the re-run skipped the file as already imported)."""

from __future__ import annotations

import random
import shutil
from datetime import date
from pathlib import Path

import pytest
from faultlib import assert_stopped_by, rows_lost, run_cli, store_state, tally

from summitry.eventdata.synthetic import gdelt_row, write_gdelt
from summitry.store import Store

# (fault point, arrival): inside a batch's transaction; after a batch's commit; after the
# people links; inside the grouping's transaction. The input makes three batches.
KILLS = [
    ("import.batch-loaded", 1),
    ("import.batch-loaded", 3),
    ("import.batch-committed", 1),
    ("import.batch-committed", 2),
    ("import.batch-committed", 3),
    ("import.people-resolved", 1),
    ("events.grouped", 1),
]
STATE = {
    "events": "SELECT event_id, dataset, group_id, source_actor_id, target_actor_id, "
    "cameo_code, event_date FROM events",
    "event_groups": "SELECT * FROM event_groups",
    "import_files": "SELECT source, dataset, content_sha1, n_rows, n_loaded, n_rejected, "
    "n_filtered FROM import_files",
    "import_rejects": "SELECT * FROM import_rejects",
}


def _rows(rng: random.Random, start: int, version: int, n: int) -> list[list[str]]:
    rows = []
    for i in range(n):
        day = date(2018, 7, 15 + (i % 3)) if version == 2 else date(2014, 5, 1 + (i % 3))
        row = gdelt_row(rng, start + i, day, version=version, code="042" if i % 4 else None)
        if i % 4:  # reports of a few real events, some spanning files and batches
            row[5], row[6], row[7] = "USAGOV", "DONALD TRUMP", "USA"
            row[15], row[16], row[17] = "RUSGOV", "VLADIMIR PUTIN", "RUS"
        if i % 4 == 1:  # named only: linked to the person by the actor KB after loading
            row[5], row[7], row[15], row[17] = "", "", "", ""
        rows.append(row)
    rows[3] = rows[3][:30]  # a rejected line in every file
    return rows


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    """GDELT 2.0, then 1.0, then 2.0 files: three batches of one import."""
    d = tmp_path_factory.mktemp("gdelt")
    rng = random.Random(7)
    for n, (name, version) in enumerate(
        [("a1.export.CSV", 2), ("a2.export.CSV", 2), ("b1.export.CSV", 1), ("c1.export.CSV", 2)]
    ):
        write_gdelt(d / name, _rows(rng, 1000 * (n + 1), version, 120))
    return d


def _state(db: Path) -> dict[str, list]:
    return store_state(db, STATE)


@pytest.fixture(scope="module")
def clean(inputs: Path, tmp_path_factory) -> tuple[Path, dict[str, list]]:
    db = tmp_path_factory.mktemp("clean") / "s.duckdb"
    Store(db).close()
    r = run_cli("import", "gdelt", str(inputs), db=db)
    assert r.returncode == 0, r.text
    state = _state(db)
    assert len(state["events"]) == 4 * 119 and len(state["import_rejects"]) == 4
    grouped = [e for e in state["events"] if e[2] is not None]
    assert len(grouped) == len(state["events"]) and len(state["event_groups"]) < len(grouped)
    assert any(e[3] == "person:donald-trump" for e in state["events"])
    return db, state


@pytest.mark.parametrize("point,nth", KILLS)
def test_import_killed_then_rerun_gives_the_clean_store(inputs, clean, tmp_path, point, nth):
    clean_db, want = clean
    db = tmp_path / "s.duckdb"
    Store(db).close()
    killed = run_cli(
        "import", "gdelt", str(inputs), db=db, env={"SUMMITRY_FAULTS": f"kill:{point}@{nth}"}
    )
    assert killed.returncode == -9, (point, nth, killed.text)  # it died at the point
    again = run_cli("import", "gdelt", str(inputs), db=db)
    assert again.returncode == 0, again.text
    got = _state(db)
    lost = rows_lost(want, got)
    tally(killed=1, rows_lost=lost)
    assert lost == 0
    for table in STATE:
        assert got[table] == want[table], (point, nth, table)
    # a second re-run changes nothing
    assert run_cli("import", "gdelt", str(inputs), db=db).returncode == 0
    assert _state(db) == want
    shutil.rmtree(tmp_path, ignore_errors=True)


@pytest.mark.parametrize("point", ["import.batch-loaded@2", "import.batch-committed@1"])
def test_import_terminated_then_rerun_gives_the_clean_store(inputs, clean, tmp_path, point):
    """SIGTERM inside a batch's transaction and after a commit: one line, exit 143, and the
    re-run gives exactly the clean store."""
    _, want = clean
    db = tmp_path / "s.duckdb"
    Store(db).close()
    env = {"SUMMITRY_FAULTS": f"term:{point}"}
    stopped = run_cli("import", "gdelt", str(inputs), db=db, env=env, session=True)
    assert_stopped_by(stopped, "term")
    assert run_cli("import", "gdelt", str(inputs), db=db).returncode == 0
    got = _state(db)
    tally(killed=1, rows_lost=rows_lost(want, got))
    assert got == want
