"""``summitry code`` killed (SIGKILL) between batches, after the last batch and inside the
grouping: the re-run gives exactly the store of a clean run (before: a kill after the last
batch left the events ungrouped, and the re-run said "nothing to code")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from faultlib import NEWS, rows_lost, run_cli, store_state, tally, write_jsonl

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
