"""The classifier in a real store: every event records its type origin and score, and
``summitry events --min-score / --type-origin`` filter on them."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from summitry.cli import app


def test_events_keep_type_origin_and_score(store, reuters_path, coder, load_reuters, tmp_path):
    load_reuters(store, reuters_path, limit=40)
    ids = [r[0] for r in store.con.execute("SELECT doc_id FROM documents").fetchall()]
    coder.run(store, ids)
    rows = store.con.execute(
        "SELECT type_origin, model_score, rule, plover_type FROM events"
    ).fetchall()
    origins = {r[0] for r in rows}
    assert origins <= {"rule", "model", "both"} and {"rule", "both"} <= origins
    for origin, score, rule, plover in rows:
        if origin in ("model", "both"):
            assert score is not None and 0.0 <= score <= 1.0 and plover is not None
        if origin == "model":
            assert ":model:" in rule  # the rule column names the model
    db = store.path
    store.close()
    runner = CliRunner()
    base = ["--db", str(db), "events", "--format", "jsonl"]
    r = runner.invoke(app, [*base, "--min-score", "0.5"])
    assert r.exit_code == 0, r.output
    got = [json.loads(x) for x in r.output.splitlines()]
    assert got and all(x["model_score"] >= 0.5 for x in got)
    assert len(got) < len(rows)
    r = runner.invoke(app, [*base, "--type-origin", "both"])
    assert {json.loads(x)["type_origin"] for x in r.output.splitlines()} == {"both"}
    r = runner.invoke(app, [*base, "--min-score", "1.5"])
    assert r.exit_code != 0 and "from 0 to 1" in r.output
    r = runner.invoke(app, [*base, "--type-origin", "guess"])
    assert r.exit_code != 0 and "rule, model or both" in r.output
