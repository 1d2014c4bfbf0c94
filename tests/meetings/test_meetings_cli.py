"""`summitry meetings` / `summitry meeting ID` on a real store file."""

from __future__ import annotations

import json
from pathlib import Path

from test_meetings_imported import _seed_events, _seed_roles
from typer.testing import CliRunner

from summitry.cli import app
from summitry.store import Store


def _store(tmp_path: Path) -> Path:
    path = tmp_path / "cli.duckdb"
    s = Store(path)
    _seed_roles(s)
    _seed_events(s)
    s.close()
    return path


def test_meetings_cli_list_json_csv_and_show(tmp_path: Path) -> None:
    db = str(_store(tmp_path))
    runner = CliRunner()
    # events written outside summitry's commands: the reader says so and does not build
    res = runner.invoke(app, ["--db", db, "meetings", "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.stdout) == []
    assert "summitry meetings build" in " ".join(res.stderr.split())
    assert runner.invoke(app, ["--db", db, "meetings", "build"]).exit_code == 0
    res = runner.invoke(
        app,
        ["--db", db, "meetings", "--between", "Donald Trump", "Vladimir Putin", "--format", "json"],
    )
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert [(r["start_date"], r["format"], r["status"]) for r in rows] == [
        ("2018-03-20", "call", "held"),
        ("2018-07-16", "summit", "held"),
    ]
    for key in (
        "id",
        "participants",
        "start_date",
        "end_date",
        "city",
        "country",
        "format",
        "status",
        "topics",
        "sources",
    ):
        assert key in rows[0]
    res = runner.invoke(
        app, ["--db", db, "meetings", "--source", "curated,extracted", "--format", "csv"]
    )
    assert res.exit_code == 0 and res.output.strip().splitlines()[-1].startswith("id,")
    res = runner.invoke(app, ["--db", db, "meeting", rows[1]["id"]])
    assert res.exit_code == 0 and "Helsinki" in res.output and "Status history" in res.output


def test_meetings_cli_bad_input(tmp_path: Path) -> None:
    db = str(_store(tmp_path))
    runner = CliRunner()
    for args, message in [
        (["meetings", "--from", "2018-13-01"], "--from '2018-13-01': expected an ISO date"),
        (["meetings", "--source", "gdelt"], "--source 'gdelt': expected one of"),
        (
            ["meetings", "--format", "xml"],
            "--format 'xml': expected table, csv, json, jsonl or parquet",
        ),
        (["meeting", "mtg-nope"], "no meeting 'mtg-nope'"),
    ]:
        res = runner.invoke(app, ["--db", db, *args])
        assert res.exit_code == 1, (args, res.output)
        assert message in res.output.replace("\n", " "), res.output
        assert "Traceback" not in res.output


def test_meeting_cli_shows_evidence_on_real_text(reuters_coded: Path, tmp_path: Path) -> None:
    """`summitry meeting ID` on the coded Reuters corpus: topics, outcomes, statements (with
    speaker and topic) and reactions, each with doc_id:sentence [start:end] and the quote."""
    import re
    import shutil

    db = tmp_path / "reuters.duckdb"
    shutil.copy(reuters_coded, db)
    runner = CliRunner()
    res = runner.invoke(
        app,
        [
            "--db",
            str(db),
            "meetings",
            "--between",
            "Donald Trump",
            "Vladimir Putin",
            "--format",
            "json",
        ],
    )
    assert res.exit_code == 0, res.output
    rows = {r["start_date"]: r for r in json.loads(res.stdout)}
    res = runner.invoke(app, ["--db", str(db), "meeting", rows["2017-11-11"]["id"]])
    assert res.exit_code == 0, res.output
    out = res.output.replace("\n    ", " ")
    titles = [
        "Status history",
        "Topics (ranked)",
        "Outcomes",
        "Non-outcomes",
        "Statements by the sides",
        "Reactions",
        "Format evidence",
        "sources:",
    ]
    cut = [out.index("\n" + t) for t in titles]
    by_title = {t: out[a:b] for t, a, b in zip(titles, cut, cut[1:], strict=False)}
    evidence = r"[0-9a-f]{16}:\d+ \[\d+:\d+\] 2017-11-\d\d \(meetings-evidence:v1"
    assert re.search(r"- #\d+ Syria " + evidence, by_title["Topics (ranked)"])
    assert re.search(r"- joint_statement Syria " + evidence, by_title["Outcomes"])
    assert re.search(
        r"- (?:\w+ )?Kremlin spokesman Dmitry Peskov " + evidence,
        by_title["Statements by the sides"],
    )
    assert re.search(r"- James Clapper " + evidence + r":reaction\)", by_title["Reactions"])
    assert "“Trump and Putin met briefly on the sidelines" in out
    res = runner.invoke(app, ["--db", str(db), "meeting", rows["2017-11-21"]["id"]])
    assert res.exit_code == 0 and "duration: 60 min" in res.output
    assert re.search(r"- Syria White House official " + evidence, res.output)
