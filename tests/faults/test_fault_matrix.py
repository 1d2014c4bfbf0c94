"""The fault matrix beyond import and code: kill -9 at points of ingest, export and brief;
disk full (``ulimit -f``) during ingest, code, import and export; outputs that exist, are
folders or sit in a read-only folder. Every failure is one line, nothing is half-written,
and the re-run gives the clean result."""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
from pathlib import Path

import pytest
from faultlib import (
    NEWS,
    assert_one_line_error,
    assert_stopped_by,
    rows_lost,
    run_cli,
    store_state,
    tally,
    unprivileged,
    write_jsonl,
)

from summitry.eventdata.synthetic import gdelt2_day
from summitry.store import Store

DOCS = {
    "documents": "SELECT doc_id, canonical_id, source, record_ref, published FROM documents",
    "ingest_files": "SELECT source, content_sha1, n_records, n_added FROM ingest_files",
    "doc_minhash": "SELECT doc_id FROM doc_minhash",
    "doc_lsh": "SELECT band, bucket, doc_id FROM doc_lsh",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Five JSONL files of 30 stories each (ingest commits file by file)."""
    d = tmp_path_factory.mktemp("corpus")
    for f in range(5):
        texts = [f"{NEWS[(f + k) % len(NEWS)]} Story {f}-{k} of the series." for k in range(30)]
        write_jsonl(d / f"part{f}.jsonl", texts)
    return d


@pytest.fixture(scope="module")
def clean_ingest(corpus, tmp_path_factory) -> dict[str, list]:
    db = tmp_path_factory.mktemp("clean") / "s.duckdb"
    assert run_cli("ingest", "--workers", "0", str(corpus), db=db).returncode == 0
    return store_state(db, DOCS)


@pytest.mark.parametrize(
    "point", ["ingest.batch-written@1", "ingest.committed@2", "ingest.batch-written@4"]
)
def test_ingest_killed_then_rerun(corpus, clean_ingest, tmp_path, point):
    db = tmp_path / "s.duckdb"
    env = {"SUMMITRY_FAULTS": f"kill:{point}"}
    killed = run_cli("ingest", "--workers", "0", str(corpus), db=db, env=env)
    assert killed.returncode == -9, killed.text
    again = run_cli("ingest", "--workers", "0", str(corpus), db=db)
    assert again.returncode == 0, again.text
    got = store_state(db, DOCS)
    tally(killed=1, rows_lost=rows_lost(clean_ingest, got))
    assert got == clean_ingest


# --- outputs ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def small_store(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("small") / "s.duckdb"
    assert run_cli("knowledge", "load", db=db).returncode == 0
    return db


def test_export_refuses_to_overwrite_without_force(small_store, tmp_path):
    out = tmp_path / "m.csv"
    out.write_text("precious\n")
    r = run_cli("export", "meetings", "--format", "csv", "-o", str(out), db=small_store)
    assert_one_line_error(r, f"{out} exists", "--force")
    assert out.read_text() == "precious\n"
    r = run_cli("export", "meetings", "--format", "csv", "-o", str(out), "--force", db=small_store)
    assert r.returncode == 0 and out.read_text().startswith("meeting_id")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.csv"]


def test_export_onto_a_folder_or_into_a_read_only_folder_is_one_line(small_store, tmp_path):
    (tmp_path / "dir").mkdir()
    r = run_cli("export", "events", "-o", str(tmp_path / "dir"), "--force", db=small_store)
    assert_one_line_error(r, "is a folder")
    ro = tmp_path / "ro"
    ro.mkdir()
    os.chmod(ro, 0o555)
    try:
        r = run_cli("export", "events", "-o", str(ro / "e.parquet"), db=small_store,
                    preexec=unprivileged())  # fmt: skip
        assert_one_line_error(r, "e.parquet")
        assert list(ro.iterdir()) == []
    finally:
        os.chmod(ro, 0o755)


@pytest.mark.parametrize("command", ["export", "brief"])
def test_output_killed_before_rename_then_rerun(small_store, tmp_path, command):
    """Killed with the new file written but not renamed: the old file is intact, the
    temporary is left; the next run removes it and writes the file."""
    out = tmp_path / ("e.jsonl" if command == "export" else "b.md")
    out.write_text("old\n")
    args = {
        "export": ["export", "events", "--format", "jsonl", "-o", str(out), "--force"],
        "brief": ["brief", "--countries", "USA", "RUS", "--format", "md", "-o", str(out)],
    }[command]
    env = {"SUMMITRY_FAULTS": f"kill:output.written={out.name}"}
    killed = run_cli(*args, db=small_store, env=env)
    assert killed.returncode == -9, killed.text
    assert out.read_text() == "old\n"
    left = [p.name for p in tmp_path.iterdir() if p.name.startswith(f".{out.name}.tmp-")]
    assert len(left) == 1
    again = run_cli(*args, db=small_store)
    assert again.returncode == 0, again.text
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]
    assert out.read_text() != "old\n" and out.stat().st_size > 100
    tally(killed=1)


def test_first_brief_killed_leaves_no_half_store(tmp_path):
    """The README's first command killed while it builds the store: no store is left (a
    temporary one), and the next run builds it and writes the briefing."""
    args = ["brief", "--between", "Donald Trump", "Vladimir Putin", "--format", "md"]
    env = {"SUMMITRY_FAULTS": "kill:output.written=summitry.duckdb"}
    killed = run_cli(*args, cwd=tmp_path, env=env)
    assert killed.returncode == -9, killed.text
    assert not (tmp_path / "summitry.duckdb").exists()
    again = run_cli(*args, cwd=tmp_path)
    assert again.returncode == 0, again.text
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["briefing-donald-trump-vladimir-putin.md", "summitry.duckdb"]
    with Store(tmp_path / "summitry.duckdb", read_only=True) as s:
        assert s.count("knowledge_packs") == 1
    tally(killed=1)


# --- disk full ---------------------------------------------------------------------------------
def _file_limit(nbytes: int):
    """``ulimit -f``: writes past ``nbytes`` fail with EFBIG ("File too large")."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (nbytes, nbytes))

    return limit


@pytest.fixture(scope="module")
def gdelt_files(tmp_path_factory) -> Path:
    from datetime import date

    d = tmp_path_factory.mktemp("gdelt-full")
    gdelt2_day(d, date(2018, 7, 16), rows_per_file=400, n_files=6)
    return d


def _full_disk_case(kind: str, tmp_path: Path, corpus: Path, gdelt: Path):
    """(command args, store) for a store that the command then grows past the limit."""
    db = tmp_path / "s.duckdb"
    if kind == "ingest":
        Store(db).close()
        return ["ingest", "--workers", "0", str(corpus)], db
    if kind == "import":
        Store(db).close()
        return ["import", "gdelt", str(gdelt)], db
    assert run_cli("ingest", "--workers", "0", str(corpus), db=db).returncode == 0
    if kind == "code":
        return ["code", "--workers", "1"], db
    return ["export", "documents", "--format", "jsonl", "-o", str(tmp_path / "d.jsonl")], db


@pytest.mark.parametrize("kind", ["ingest", "import", "code", "export"])
def test_disk_full_is_one_line_and_the_rerun_finishes(kind, tmp_path, corpus, gdelt_files):
    args, db = _full_disk_case(kind, tmp_path, corpus, gdelt_files)
    size = db.stat().st_size
    before = store_state(db, DOCS)
    # ulimit -f caps every file's size: a fresh store may grow a little; coding's WAL and
    # an export's new file get almost no room
    room = {"ingest": size + 30_000, "import": size + 30_000, "code": 16_000}
    r = run_cli(*args, db=db, preexec=_file_limit(room.get(kind, 2_000)))
    assert_one_line_error(r)
    assert "file size limit" in r.text or "disk full" in r.text or "File too large" in r.text
    # the store opens and holds what it held, or whole committed units more
    got = store_state(db, DOCS)
    assert rows_lost(before, got) == 0
    again = run_cli(*args, db=db)
    assert again.returncode == 0, again.text
    if kind == "export":
        lines = (tmp_path / "d.jsonl").read_text().splitlines()
        assert len(lines) == len(got["documents"]) and json.loads(lines[-1])["doc_id"]
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    tally(faults=1)


def test_fault_matrix_leaves_no_stray_files(tmp_path, corpus):
    """A clean run beside the kills leaves only the store (no owner record, no WAL)."""
    db = tmp_path / "s.duckdb"
    assert run_cli("ingest", "--workers", "0", str(corpus), db=db).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.duckdb"]
    shutil.rmtree(tmp_path, ignore_errors=True)


@pytest.mark.parametrize("sig", ["term", "int"])
def test_ingest_stopped_by_a_signal_then_rerun(corpus, clean_ingest, tmp_path, sig):
    """SIGTERM or Ctrl-C inside a file's transaction: one line, exit 143 or 130, the files
    before it stored, and the re-run gives the clean store."""
    db = tmp_path / "s.duckdb"
    env = {"SUMMITRY_FAULTS": f"{sig}:ingest.batch-written@3"}
    stopped = run_cli("ingest", "--workers", "0", str(corpus), db=db, env=env, session=True)
    assert_stopped_by(stopped, sig)
    with Store(db, read_only=True) as s:
        assert s.con.execute("SELECT count(*) FROM ingest_files").fetchone()[0] == 2
    again = run_cli("ingest", "--workers", "0", str(corpus), db=db)
    assert again.returncode == 0, again.text
    got = store_state(db, DOCS)
    tally(killed=1, rows_lost=rows_lost(clean_ingest, got))
    assert got == clean_ingest


def test_ctrl_c_reaches_the_command_when_the_suite_runs_as_a_background_job(corpus, tmp_path):
    """A suite started as ``./scripts/test &`` from a script runs with SIGINT ignored, and its
    children inherit that: the Ctrl-C tests start the command with SIGINT at its default (as
    a terminal's foreground job), so it is stopped (exit 130), not left to finish (was exit 0
    under such a run)."""
    db = tmp_path / "s.duckdb"
    env = {"SUMMITRY_FAULTS": "int:ingest.batch-written@3"}
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        stopped = run_cli("ingest", "--workers", "0", str(corpus), db=db, env=env, session=True)
    finally:
        signal.signal(signal.SIGINT, old)
    assert_stopped_by(stopped, "int")


def test_a_background_job_with_sigint_ignored_keeps_it_ignored(corpus, clean_ingest, tmp_path):
    """``summitry ingest ... &`` from a script: SIGINT is ignored, as the shell asked, and the
    command finishes (the handler for Ctrl-C is installed only where SIGINT is not ignored)."""
    db = tmp_path / "s.duckdb"
    env = {"SUMMITRY_FAULTS": "int:ingest.batch-written@3"}

    def ignore_sigint() -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)

    done = run_cli("ingest", "--workers", "0", str(corpus), db=db, env=env, preexec=ignore_sigint)
    assert done.returncode == 0, done.text
    assert store_state(db, DOCS) == clean_ingest
