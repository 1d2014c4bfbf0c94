"""End to end over a real store: tables written, incremental re-runs, bad input, CLI export."""

from __future__ import annotations

import json
from datetime import datetime

from typer.testing import CliRunner

from summitry.cli import app
from summitry.coding.coder import CODER_VERSION


def _add_doc(store, doc_id: str, text: str, language: str | None = "en") -> None:
    store.con.execute(
        "INSERT INTO documents VALUES "
        "(?,?,NULL,'t','text',NULL,NULL,NULL,NULL,'2017-11-13','field',NULL,?,?,?,?)",
        [doc_id, doc_id, language, text, len(text), datetime.now()],
    )


def test_code_store_end_to_end(store, reuters_path, coder, load_reuters):
    load_reuters(store, reuters_path, limit=40)
    ids = [r[0] for r in store.con.execute("SELECT doc_id FROM documents").fetchall()]
    s1 = coder.run(store, ids)
    assert s1.documents == len(ids) and s1.events > 0
    n_sent = store.count("sentences")
    assert n_sent == s1.sentences
    # every event keeps provenance spans inside its sentence and a CAMEO root
    bad = store.con.execute(
        "SELECT count(*) FROM events e JOIN sentences s USING (doc_id, sent_idx) "
        "WHERE e.trigger_start < s.start_char OR e.trigger_end > s.end_char "
        "OR e.cameo_root IS NULL "
        "OR e.source_actor_id IS NULL"
    ).fetchone()[0]
    assert bad == 0
    # re-running the same documents replaces, never duplicates
    coder.run(store, ids)
    assert store.count("sentences") == n_sent
    assert store.count("events") == s1.events
    assert store.con.execute(
        "SELECT count(*) FROM coded_documents WHERE coder_version = ?", [CODER_VERSION]
    ).fetchone()[0] == len(ids)


def test_bad_input_is_counted_not_fatal(store, coder):
    _add_doc(store, "empty", "   ")
    _add_doc(store, "huge", "Putin met Trump. " * 700_000)  # ~12 MB single line
    _add_doc(
        store,
        "german",
        "Der russische Präsident hat sich mit dem amerikanischen Präsidenten "
        "in Vietnam getroffen und über die Lage in Syrien gesprochen, sagte er.",
        language=None,
    )
    _add_doc(
        store, "debris", "<div><p>&nbsp;</p></div>}}{{ ]]] " * 50 + "Putin met Trump on Monday."
    )
    _add_doc(store, "nothing", "")
    # a 1.5 MB single line with no sentence end (under the size limit): split and coded
    _add_doc(store, "longline", "the talks in the city went on and on " * 40_000 + "Putin met")
    s = coder.run(store, ["debris", "empty", "german", "huge", "nothing", "longline"])
    st = dict(store.con.execute("SELECT doc_id, status FROM coded_documents").fetchall())
    assert st == {
        "empty": "skipped-empty",
        "huge": "skipped-size",
        "german": "skipped-language",
        "debris": "coded",
        "nothing": "skipped-empty",
        "longline": "coded",
    }
    assert s.documents == 6
    assert s.status == {"skipped-empty": 2, "skipped-size": 1, "skipped-language": 1, "coded": 2}


def test_cli_code_and_events_export(store, reuters_path, tmp_path, load_reuters):
    load_reuters(store, reuters_path, limit=15)
    db = store.path
    store.close()
    runner = CliRunner()
    r = runner.invoke(app, ["--db", str(db), "code", "--workers", "2"])  # real worker processes
    assert r.exit_code == 0, r.output
    assert "coded 15 documents" in r.output
    r = runner.invoke(app, ["--db", str(db), "code"])
    assert "nothing to code" in r.output
    out = tmp_path / "ev.json"
    r = runner.invoke(
        app, ["--db", str(db), "events", "--gdelt-columns", "--format", "json", "--out", str(out)]
    )
    assert r.exit_code == 0, r.output
    rows = json.loads(out.read_text())
    assert rows and {"SQLDATE", "Actor1Code", "EventCode", "QuadClass", "SOURCEURL"} <= set(rows[0])
    r = runner.invoke(app, ["--db", str(db), "events", "--from", "2017-13-01"])
    assert r.exit_code != 0 and "expected an ISO date" in r.output


def test_events_filters_and_csv(store, tmp_path):
    import summitry

    _add_doc(
        store,
        "d1",
        "Trump met Putin in Da Nang, Vietnam on Saturday. "
        "Russia accused the United States of meddling in Syria on Sunday.",
    )
    summary = summitry.code(store)
    assert summary.events >= 2
    db = store.path
    store.close()
    runner = CliRunner()
    base = ["--db", str(db), "events"]
    out = tmp_path / "d.csv"
    r = runner.invoke(
        app, [*base, "--dyad", "RUS", "USA", "--type", "11", "--format", "csv", "--out", str(out)]
    )
    assert r.exit_code == 0, r.output
    lines = out.read_text().splitlines()
    assert len(lines) == 2 and "112" in lines[1]
    r = runner.invoke(app, [*base, "--type", "CONSULT", "--topic", "syria", "--format", "jsonl"])
    assert r.exit_code == 0 and r.output.strip() == ""  # the meeting sentence has no Syria term
    r = runner.invoke(app, [*base, "--actor", "person:vladimir-putin", "--format", "jsonl"])
    rows = [json.loads(x) for x in r.output.splitlines()]
    assert [x["cameo_code"] for x in rows] == ["044"]
    r = runner.invoke(app, [*base, "--source", "bogus"])
    assert r.exit_code != 0 and "extracted, imported or curated" in r.output


def test_reports_of_one_meeting_are_one_group(store):
    import summitry

    _add_doc(store, "a1", "Trump met Putin in Da Nang, Vietnam on Saturday.")
    _add_doc(store, "a2", "Putin met Trump on Saturday on the sidelines of the summit in Vietnam.")
    _add_doc(store, "a3", "Russia accused the United States of meddling on Sunday.")
    summary = summitry.code(store)
    assert summary.events == 3
    groups = store.con.execute(
        "SELECT cameo_root, report_count FROM event_groups ORDER BY cameo_root"
    ).fetchall()
    assert groups == [("04", 2), ("11", 1)]
