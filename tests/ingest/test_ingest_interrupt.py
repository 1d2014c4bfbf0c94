"""An ingest killed with SIGKILL mid-run leaves a consistent store; a re-run finishes it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from summitry.store import Store

N_FILES, PER_FILE = 40, 50

CHILD = """
import sys
from summitry.ingest import ingest_paths
from summitry.store import Store
store = Store(sys.argv[1])
def tick(done, total, summary):
    if summary.files_read >= 3:
        print("started", flush=True)
ingest_paths(store, [sys.argv[2]], on_progress=tick, batch_size=10)
print("finished", flush=True)
"""


def test_sigkill_mid_ingest_then_rerun(tmp_path: Path, story):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for f in range(N_FILES):
        with (corpus / f"part{f:03d}.jsonl").open("w") as fh:
            for k in range(PER_FILE):
                fh.write(json.dumps({"id": f"{f}-{k}", "text": story(f * 1000 + k, 400)}) + "\n")
    db = tmp_path / "s.duckdb"
    Store(db).close()  # migrate first, so the child only ingests
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(corpus)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "started"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    with Store(db) as store:  # consistent: only whole files, each with its ingest_files row
        n_files = store.count("ingest_files")
        per_source = store.con.execute(
            "SELECT count(*) FROM documents GROUP BY source HAVING count(*) <> ?", [PER_FILE]
        ).fetchall()
        assert per_source == []
        assert store.count("documents") == n_files * PER_FILE
        assert 3 <= n_files < N_FILES, "the kill should land mid-run"

    rerun = subprocess.run(
        [sys.executable, "-c", CHILD, str(db), str(corpus)], capture_output=True, text=True
    )
    assert rerun.returncode == 0, rerun.stderr
    with Store(db) as store:
        assert store.count("documents") == N_FILES * PER_FILE
        assert store.count("ingest_files") == N_FILES
        dupes = store.con.execute(
            "SELECT external_id FROM documents GROUP BY external_id HAVING count(*) > 1"
        ).fetchall()
        assert dupes == []
        assert store.count("doc_minhash") == N_FILES * PER_FILE
