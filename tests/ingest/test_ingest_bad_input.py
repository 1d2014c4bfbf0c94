"""Bad input: one clear failure naming the file (and line), the rest goes in, exit code 1."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from summitry.ingest import ingest_paths


def _count(store) -> int:
    return store.count("documents")


def test_bad_json_line_names_file_and_line(store, tmp_path: Path, texts):
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"text": texts[0]}) + "\n{not json\n" + json.dumps({"text": texts[1]}) + "\n"
        + json.dumps({"body_x": "no text"}) + "\n"
    )  # fmt: skip
    summary = ingest_paths(store, [path])
    messages = [str(f) for f in summary.failures]
    assert messages[0].startswith(f"{path}:line 2: not valid JSON: Expecting property name")
    assert messages[1] == (
        f"{path}:line 4: no text field (tried text, body, content, article; "
        "use --field text=COLUMN)"
    )
    assert summary.added == 2 and _count(store) == 2
    # not marked finished: a re-run reports the bad lines again and adds nothing
    again = ingest_paths(store, [path])
    assert [str(f) for f in again.failures] == messages
    assert again.added == 0 and again.already_stored == 2 and _count(store) == 2


def test_latin1_text_is_decoded_with_charset_detection(store, tmp_path: Path, texts):
    path = tmp_path / "latin.txt"
    body = "Le président a déclaré à Genève que les négociations reprendront. " + texts[0]
    path.write_bytes(body.encode("latin-1"))
    summary = ingest_paths(store, [path])
    assert summary.ok and summary.added == 1
    assert any("not UTF-8; decoded as" in w for w in summary.warnings)
    text = store.con.execute("SELECT text FROM documents").fetchone()[0]
    assert "président a déclaré à Genève" in text


def test_binary_file_fails_clearly(store, tmp_path: Path, texts):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x9f\x92\x96\xff" * 200)
    (tmp_path / "ok.txt").write_text(texts[0])
    summary = ingest_paths(store, [tmp_path])
    assert [str(f) for f in summary.failures] == [f"{tmp_path / 'bin.txt'}: binary data, not text"]
    assert summary.added == 1


def test_truncated_gzip_and_zip(store, tmp_path: Path, texts):
    lines = "".join(json.dumps({"text": t}) + "\n" for t in texts).encode()
    data = gzip.compress(lines)
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    with zipfile.ZipFile(tmp_path / "whole.zip", "w") as zf:
        zf.writestr("a.txt", texts[0])
    raw = (tmp_path / "whole.zip").read_bytes()
    (tmp_path / "cut.zip").write_bytes(raw[: len(raw) - 30])
    (tmp_path / "whole.zip").unlink()
    (tmp_path / "fine.txt").write_text(texts[1])
    summary = ingest_paths(store, [tmp_path])
    messages = sorted(str(f) for f in summary.failures)
    assert messages[0].startswith(f"{tmp_path / 'cut.jsonl.gz'}: truncated")
    assert messages[1].startswith(f"{tmp_path / 'cut.zip'}: not a readable zip archive")
    # nothing of the truncated file reached the store; the good file did
    assert store.con.execute("SELECT source FROM documents").fetchall() == [
        (str(tmp_path / "fine.txt"),)
    ]
    assert store.count("ingest_files") == 1


def test_malformed_json_document_and_csv_row(store, tmp_path: Path, texts):
    (tmp_path / "bad.json").write_text('[{"text": "a"},\n {"text": }]')
    (tmp_path / "rows.csv").write_text(f'text,title\n"{texts[0]}",A\n"{texts[1]}",B,extra\n')
    summary = ingest_paths(store, [tmp_path])
    messages = sorted(str(f) for f in summary.failures)
    assert messages == [
        f"{tmp_path / 'bad.json'}: line 2: not valid JSON: Expecting value (column 11)",
        f"{tmp_path / 'rows.csv'}:line 3: 3 fields, but the header has 2",
    ]
    assert summary.added == 1


def test_missing_and_unsupported_paths(store, tmp_path: Path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    summary = ingest_paths(store, [tmp_path / "nope.txt", tmp_path / "x.pdf"])
    assert str(summary.failures[0]) == f"{tmp_path / 'nope.txt'}: no such file or directory"
    assert str(summary.failures[1]).startswith(f"{tmp_path / 'x.pdf'}: unsupported file type .pdf")


def test_strict_stops_at_first_failure_and_rolls_back_that_file(store, tmp_path: Path, texts):
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": texts[0]}) + "\n{oops\n")
    (tmp_path / "b.txt").write_text(texts[1])
    summary = ingest_paths(store, [tmp_path / "a.jsonl", tmp_path / "b.txt"], strict=True)
    assert len(summary.failures) == 1 and "line 2" in str(summary.failures[0])
    assert _count(store) == 0  # a.jsonl rolled back, b.txt never read


def test_bad_field_mapping_is_refused(store):
    from summitry.ingest import FieldMapError

    with pytest.raises(FieldMapError, match="unknown field 'txt'"):
        ingest_paths(store, [], fields=["txt=body"])


MAIN = "import sys; from summitry.cli import main; sys.argv[0] = 'summitry'; main()"


def test_cli_exit_code_and_one_line_errors(tmp_path: Path, texts):
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": texts[0]}) + "\n[1, 2\n")
    env = {**os.environ, "COLUMNS": "200"}
    db = tmp_path / "s.duckdb"
    cmd = [sys.executable, "-c", MAIN, "--db", str(db), "ingest", str(tmp_path / "a.jsonl")]
    run = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert run.returncode == 1
    assert f"error: {tmp_path / 'a.jsonl'}:line 2: not valid JSON" in run.stderr
    assert "documents added" in run.stdout and "failures" in run.stdout
    good = tmp_path / "good.txt"
    good.write_text(texts[1])
    cmd[-1] = str(good)
    run = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr


def test_large_file_committed_in_parts_is_taken_out_when_it_fails(
    store, tmp_path: Path, story, monkeypatch
):
    from summitry.ingest import pipeline

    monkeypatch.setattr(pipeline, "COMMIT_EVERY", 4)  # commit every 4 records
    lines = "".join(json.dumps({"text": story(i)}) + "\n" for i in range(40)).encode()
    data = gzip.compress(lines)
    (tmp_path / "big.jsonl.gz").write_bytes(data[: int(len(data) * 0.8)])
    summary = ingest_paths(store, [tmp_path / "big.jsonl.gz"], batch_size=2)
    assert [str(f).split(": ", 1)[1] for f in summary.failures] == [
        "truncated: the compressed data ends before its end marker"
    ]
    assert summary.added == 0
    for table in ("documents", "doc_minhash", "doc_lsh", "ingest_files"):
        assert store.count(table) == 0, table
    # the whole file, in parts, goes in
    (tmp_path / "big.jsonl.gz").write_bytes(data)
    again = ingest_paths(store, [tmp_path / "big.jsonl.gz"], batch_size=2)
    assert again.ok and again.added == 40 and store.count("documents") == 40
