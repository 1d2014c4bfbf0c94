"""Readers are readers: they open the store read-only, work on a read-only file in a
read-only folder and beside another reader, never create or modify a store, and refuse files
that are not summitry stores. A writer that finds the store locked waits, then names the
summitry command holding it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from faultlib import NEWS, assert_one_line_error, file_state, run_cli, unprivileged, write_jsonl

from summitry.store import Store

READERS = [
    ["info"],
    ["meetings", "--between", "Donald Trump", "Vladimir Putin"],
    ["meetings", "--format", "json"],
    ["events", "--format", "csv"],
    ["knowledge", "show", "--between", "Donald Trump", "Vladimir Putin"],
]


@pytest.fixture(scope="module")
def full_store(tmp_path_factory) -> Path:
    """A store with documents, coded events, the knowledge pack and built meetings."""
    d = tmp_path_factory.mktemp("full")
    db = d / "s.duckdb"
    assert run_cli("ingest", str(write_jsonl(d / "n.jsonl", NEWS)), db=db).returncode == 0
    assert run_cli("code", "--workers", "1", db=db).returncode == 0
    assert run_cli("knowledge", "load", db=db).returncode == 0
    return db


def _meeting_id(db: Path) -> str:
    with Store(db, read_only=True) as s:
        return s.con.execute("SELECT min(meeting_id) FROM meetings").fetchone()[0]


def _read_only_copy(src: Path) -> tuple[Path, Path]:
    """The store copied into a fresh folder (mode 0555, file 0444) others may enter."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="summitry-ro-"))
    db = folder / "s.duckdb"
    shutil.copy(src, db)
    os.chmod(db, 0o444)
    os.chmod(folder, 0o555)
    return folder, db


def _reader_runs(db: Path, out: Path, preexec=None) -> list:
    runs = [run_cli(*args, db=db, preexec=preexec) for args in READERS]
    runs.append(run_cli("meeting", _meeting_id(db), db=db, preexec=preexec))
    runs.append(run_cli("export", "events", "-o", str(out / "e.parquet"), db=db, preexec=preexec))
    runs.append(
        run_cli(
            "brief", "--between", "Donald Trump", "Vladimir Putin", "--format", "md", "-o",
            str(out / "b.md"), db=db, preexec=preexec,
        )
    )  # fmt: skip
    return runs


def test_readers_work_on_a_read_only_store_in_a_read_only_folder(full_store: Path, tmp_path):
    folder, db = _read_only_copy(full_store)
    out = tmp_path / "out"
    out.mkdir()
    try:
        before = file_state(db)
        for r in _reader_runs(db, out, preexec=unprivileged()):
            assert r.returncode == 0, r.text
            assert "Traceback" not in r.stderr
        assert file_state(db) == before
        assert sorted(p.name for p in folder.iterdir()) == ["s.duckdb"]  # no WAL, no owner
        assert (out / "e.parquet").stat().st_size > 0 and (out / "b.md").stat().st_size > 0
    finally:
        os.chmod(folder, 0o755)
        for p in folder.iterdir():
            p.unlink()
        folder.rmdir()


def test_readers_run_beside_another_reader(full_store: Path, tmp_path):
    with Store(full_store, read_only=True):  # another reader holds the file open
        for r in _reader_runs(full_store, tmp_path):
            assert r.returncode == 0, r.text


def test_a_writer_in_a_read_only_folder_fails_in_one_line(full_store: Path, tmp_path):
    folder, db = _read_only_copy(full_store)
    try:
        news = write_jsonl(tmp_path / "more.jsonl", ["A different story about trade talks."])
        r = run_cli("ingest", str(news), db=db, preexec=unprivileged())
        assert_one_line_error(r, "s.duckdb")
    finally:
        os.chmod(folder, 0o755)
        for p in folder.iterdir():
            p.unlink()
        folder.rmdir()


HOLD = """
import sys, time
from summitry.store import Store
s = Store(sys.argv[1], command="summitry ingest big-corpus/")
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
s.close()
"""


def _hold(db: Path, seconds: float) -> subprocess.Popen:
    p = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert p.stdout.readline().strip() == "holding"
    return p


def test_locked_store_names_the_command_holding_it(full_store: Path, tmp_path):
    holder = _hold(full_store, 30)
    try:
        for args in (["knowledge", "load"], ["info"], ["code"]):
            t0 = time.monotonic()
            r = run_cli("--wait", "1", *args, db=full_store)
            assert_one_line_error(r, "in use by `summitry ingest big-corpus/`", "waited 1 s")
            assert f"PID {holder.pid}" in r.text
            assert time.monotonic() - t0 >= 1.0
    finally:
        holder.kill()
        holder.wait()


def test_a_writer_waits_for_the_lock_to_be_released(full_store: Path):
    holder = _hold(full_store, 1.5)
    r = run_cli("--wait", "30", "knowledge", "load", db=full_store)
    holder.wait()
    assert r.returncode == 0, r.text
    assert not Path(str(full_store) + ".owner").exists()  # the holder's record is gone


def test_holder_without_owner_record_named_by_its_command_line(tmp_path):
    db = tmp_path / "s.duckdb"
    Store(db).close()
    code = (
        "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
        "print('ok', flush=True); time.sleep(30)"
    )
    p = subprocess.Popen([sys.executable, "-c", code, str(db)], stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "ok"
    try:
        r = run_cli("--wait", "0", "info", db=db)
        assert_one_line_error(r, f"PID {p.pid}", "import duckdb, sys, time")
    finally:
        p.kill()
        p.wait()


def test_info_on_a_missing_path_says_so_and_creates_nothing(tmp_path):
    db = tmp_path / "typo.duckdb"
    for args in (["info"], ["meetings"], ["export", "events"], ["events"], ["migrate"]):
        r = run_cli(*args, db=db, cwd=tmp_path)
        assert_one_line_error(r, f"no store at {db}")
    assert sorted(tmp_path.iterdir()) == []


def test_foreign_duckdb_file_is_refused_and_left_unchanged(tmp_path):
    db = tmp_path / "theirs.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE documents (id INTEGER, body VARCHAR)")
    con.execute("INSERT INTO documents VALUES (1, 'not ours')")
    con.close()
    before = file_state(db)
    news = write_jsonl(tmp_path / "n.jsonl", NEWS[:1])
    for args in (
        ["info"],
        ["ingest", str(news)],
        ["code"],
        ["knowledge", "load"],
        ["brief", "--countries", "USA", "RUS", "-o", str(tmp_path / "b.html")],
    ):
        r = run_cli(*args, db=db, cwd=tmp_path)
        assert_one_line_error(r, "without summitry's meta table", "not a summitry store")
    assert file_state(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.jsonl", "theirs.duckdb"]


@pytest.mark.parametrize(
    "content,words",
    [
        (b"SQLite format 3\x00" + bytes(4080), "SQLite database"),
        (b"id,text\n1,hello\n", "not a DuckDB file"),
        (b"", "empty file"),
    ],
)
def test_other_files_are_refused_without_network(tmp_path, content: bytes, words: str):
    db = tmp_path / "store.duckdb"
    db.write_bytes(content)
    for args in (["info"], ["ingest", str(write_jsonl(tmp_path / "n.jsonl", NEWS[:1]))]):
        r = run_cli(*args, db=db)
        assert_one_line_error(r, words)
        assert "INSTALL" not in r.text and "extension" not in r.text.lower()
    assert db.read_bytes() == content


def test_truncated_store_is_one_line(full_store: Path, tmp_path):
    db = tmp_path / "cut.duckdb"
    data = full_store.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    for args in (["info"], ["meetings"], ["code"], ["export", "events", "-o", str(tmp_path / "x")]):
        assert_one_line_error(run_cli(*args, db=db), "cut.duckdb")


def test_brief_reads_an_existing_store_and_never_loads_the_pack(tmp_path):
    db = tmp_path / "s.duckdb"
    assert run_cli("ingest", str(write_jsonl(tmp_path / "n.jsonl", NEWS)), db=db).returncode == 0
    r = run_cli("brief", "--countries", "USA", "RUS", "--format", "md", "-o",
                str(tmp_path / "b.md"), db=db)  # fmt: skip
    assert r.returncode == 0, r.text
    assert "holds no knowledge pack" in r.text and "summitry knowledge load" in r.text
    with Store(db, read_only=True) as s:
        assert s.count("knowledge_packs") == 0
        assert s.con.execute("SELECT count(*) FROM meetings").fetchone() == (0,)


def test_brief_on_a_fresh_machine_creates_the_store_with_the_pack(tmp_path):
    r = run_cli("brief", "--between", "Donald Trump", "Vladimir Putin", "--format", "md",
                cwd=tmp_path)  # fmt: skip
    assert r.returncode == 0, r.text
    assert "no store at summitry.duckdb: creating it with the bundled knowledge pack" in r.text
    assert (tmp_path / "briefing-donald-trump-vladimir-putin.md").exists()
    with Store(tmp_path / "summitry.duckdb", read_only=True) as s:
        assert s.count("knowledge_packs") == 1
    again = run_cli("brief", "--between", "Donald Trump", "Vladimir Putin", "--format", "md",
                    cwd=tmp_path)  # fmt: skip
    assert again.returncode == 0 and "creating" not in again.text


def test_older_store_is_read_by_info_and_upgraded_only_by_migrate(tmp_path):
    db = tmp_path / "old.duckdb"
    Store(db, migrate_to=2).close()
    r = run_cli("info", db=db)
    assert r.returncode == 0 and "schema version 2" in r.text and "summitry migrate" in r.text
    assert_one_line_error(run_cli("meetings", db=db), "schema version 2", "summitry migrate")
    with Store(db, read_only=True, allow_older=True) as s:
        assert s.schema_version == 2
    r = run_cli("migrate", db=db)
    assert r.returncode == 0 and "upgraded from version 2" in r.text
    assert json.loads(run_cli("meetings", "--format", "json", db=db).stdout) == []
