"""``summitry code`` killed (SIGKILL) between batches, after the last batch and inside the
grouping: the re-run gives exactly the store of a clean run (before: a kill after the last
batch left the events ungrouped, and the re-run said "nothing to code")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from faultlib import NEWS, assert_stopped_by, rows_lost, run_cli, store_state, tally, write_jsonl

from summitry.store import Store

N_DOCS = 90  # two batches of the coder (80 documents each)
STATE = {
    "events": "SELECT event_id, group_id, cameo_code, source_actor_id, target_actor_id FROM events",
    "event_groups": "SELECT * FROM event_groups",
    "coded": "SELECT doc_id, status, n_sentences, n_parsed, n_events FROM coded_documents",
    "mentions": "SELECT mention_id, actor_id FROM mentions",
    "sentences": "SELECT doc_id, sent_idx, start_char, end_char FROM sentences",
    "actors": "SELECT actor_id, name, origin, doc_id FROM actors",
}
KILLS = [("code.batch-committed", 1), ("code.batch-committed", 2), ("events.grouped", 1)]


def _state(db: Path) -> dict[str, list]:
    return store_state(db, STATE)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("code-kill")
    texts = [f"{NEWS[n % len(NEWS)]} It was report number {n} of the week." for n in range(N_DOCS)]
    db = d / "ingested.duckdb"
    assert run_cli("ingest", str(write_jsonl(d / "n.jsonl", texts)), db=db).returncode == 0
    return db


@pytest.fixture(scope="module")
def clean(ingested: Path) -> dict[str, list]:
    db = ingested.with_name("clean.duckdb")
    shutil.copy(ingested, db)
    r = run_cli("code", "--workers", "1", db=db)
    assert r.returncode == 0, r.text
    state = _state(db)
    assert len(state["coded"]) == N_DOCS and state["event_groups"]
    return state


@pytest.mark.slow
@pytest.mark.parametrize("point,nth", KILLS)
def test_code_killed_then_rerun_gives_the_clean_store(ingested, clean, tmp_path, point, nth):
    db = tmp_path / "s.duckdb"
    shutil.copy(ingested, db)
    env = {"SUMMITRY_FAULTS": f"kill:{point}@{nth}"}
    killed = run_cli("code", "--workers", "1", db=db, env=env)
    assert killed.returncode == -9, killed.text
    again = run_cli("code", "--workers", "1", db=db)
    assert again.returncode == 0, again.text
    got = _state(db)
    lost = rows_lost(clean, got)
    tally(killed=1, rows_lost=lost)
    assert lost == 0
    for table in STATE:
        assert got[table] == clean[table], (point, nth, table)


# SIGTERM between batches and inside a batch (inside the coder's per-document isolation,
# which must not swallow it); Ctrl-C to the process group, workers included
SIGNALS = [
    ("term", "code.batch-committed@1", "1"),
    ("term", "code.document@85", "1"),
    ("int", "code.batch-committed@1", "2"),
]


@pytest.mark.slow
@pytest.mark.parametrize("sig,point,workers", SIGNALS)
def test_code_stopped_by_a_signal_then_rerun_gives_the_clean_store(
    ingested, clean, tmp_path, sig, point, workers
):
    db = tmp_path / "s.duckdb"
    shutil.copy(ingested, db)
    env = {"SUMMITRY_FAULTS": f"{sig}:{point}"}
    stopped = run_cli("code", "--workers", workers, db=db, env=env, session=True)
    assert_stopped_by(stopped, sig)
    with Store(db, read_only=True) as s:  # the batches before the signal stay committed
        coded = s.con.execute("SELECT count(*) FROM coded_documents").fetchone()[0]
    assert coded == 80  # the first batch (80 documents); the second was rolled back
    again = run_cli("code", "--workers", "1", db=db)
    assert again.returncode == 0, again.text
    got = _state(db)
    lost = rows_lost(clean, got)
    tally(killed=1, rows_lost=lost)
    assert lost == 0 and got == clean
