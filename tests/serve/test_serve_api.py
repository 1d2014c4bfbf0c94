"""The JSON API of a real ``summitry serve`` on 127.0.0.1 over a real store."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import time

import httpx
import pyarrow.parquet as pq
import pytest

TRUMP, PUTIN = "person:donald-trump", "person:vladimir-putin"


def test_meetings_match_the_cli_json(server, tools):
    r = server.get("/api/meetings", params={"between": ["Donald Trump", "Vladimir Putin"]})
    assert r.status_code == 200
    body = r.json()
    cli_rows = json.loads(
        tools.cli(
            server.db, "meetings", "--between", "Donald Trump", "Vladimir Putin", "--format", "json"
        ).stdout
    )
    assert body["meetings"] == cli_rows and body["total"] == len(cli_rows) >= 3
    extracted = [m for m in body["meetings"] if m["origin"] == "extracted"]
    assert {m["start_date"] for m in extracted} >= {"2017-11-11", "2017-11-21"}
    calls = server.get(
        "/api/meetings",
        params={
            "between": ["Donald Trump", "Vladimir Putin"],
            "format": "call",
            "source": "extracted",
        },
    ).json()["meetings"]
    assert [m["start_date"] for m in calls] == ["2017-11-21"]


def test_one_meeting_with_all_its_evidence_and_404(server, tools):
    rows = server.get(
        "/api/meetings", params={"between": [TRUMP, PUTIN], "source": "extracted"}
    ).json()["meetings"]
    mid = next(m["id"] for m in rows if m["start_date"] == "2017-11-11")
    m = server.get(f"/api/meetings/{mid}").json()
    cli_m = json.loads(tools.cli(server.db, "meeting", mid, "--format", "json").stdout)
    assert m == cli_m
    spans = [i for i in m["items"] if i["doc_id"]]
    assert spans and all(i["end_char"] > i["start_char"] >= 0 for i in spans)
    missing = server.get("/api/meetings/mtg-nope")
    assert missing.status_code == 404 and "mtg-nope" in missing.json()["detail"]
    page = server.get("/meeting/mtg-nope")
    assert page.status_code == 404 and "no meeting &#39;mtg-nope&#39;" in page.text


def test_events_pages_cover_the_selection_once_with_cli_field_names(server, tools):
    f = {"dyad": ["USA", "RUS"], "source": "imported"}
    seen, cursor, pages = [], None, 0
    while True:
        params = {**f, "limit": 25, **({"cursor": cursor} if cursor else {})}
        body = server.get("/api/events", params=params).json()
        seen += [e["event_id"] for e in body["events"]]
        pages += 1
        cursor = body["next_cursor"]
        if not cursor:
            break
    cli_rows = [
        json.loads(x)
        for x in tools.cli(
            server.db, "events", "--dyad", "USA", "RUS", "--source", "imported", "--format", "jsonl"
        ).stdout.splitlines()
    ]
    assert seen == [r["event_id"] for r in cli_rows] and len(seen) > 25 and pages > 1
    first = server.get("/api/events", params={**f, "limit": 1}).json()
    assert first["columns"] == list(cli_rows[0]) and first["events"][0] == cli_rows[0]
    g = server.get("/api/events", params={**f, "limit": 3, "gdelt_columns": "true"}).json()
    assert g["columns"][:3] == ["GLOBALEVENTID", "SQLDATE", "Actor1Code"]
    desc = server.get("/api/events", params={"sort": "goldstein", "desc": "true", "limit": 50})
    scores = [e["goldstein"] for e in desc.json()["events"] if e.get("goldstein") is not None]
    # goldstein is not among the default columns: sorting still works and pages are stable
    assert desc.status_code == 200 and scores == sorted(scores, reverse=True)


def test_downloads_are_the_same_selection(server):
    f = {"dyad": "USA,RUS", "type": "04"}
    csv_text = server.get("/api/events.csv", params=f).text
    parquet = pq.read_table(io.BytesIO(server.get("/api/events.parquet", params=f).content))
    listed = server.get("/api/events", params={**f, "limit": 1000}).json()["events"]
    assert csv_text.splitlines()[0].startswith("event_id,event_date,origin")
    assert len(csv_text.strip().splitlines()) - 1 == parquet.num_rows == len(listed) > 0
    assert parquet.column("event_id").to_pylist() == [e["event_id"] for e in listed]


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"limit": 5000}, "limit"),
        ({"from": "2017-13-01"}, "from"),
        ({"source": "bogus"}, "source"),
        ({"dyad": "USA"}, "dyad"),
        ({"sort": "text"}, "sort"),
        ({"cursor": "garbage"}, "cursor"),
    ],
)
def test_bad_parameters_give_422_naming_the_parameter(server, params, name):
    r = server.get("/api/events", params=params)
    assert r.status_code == 422
    assert name in [e["loc"][-1] for e in r.json()["detail"]], r.json()


def test_pair_endpoints_and_bad_pairs(server):
    idx = server.get("/api/pair/index", params={"a": "USA", "b": "RUS", "freq": "week"}).json()
    assert idx["insufficient"] is None and idx["meta"]["n_events"] > 0
    assert all(set(r) >= {"period", "n_events", "goldstein_mean"} for r in idx["rows"])
    pm = server.get("/api/pair/meetings", params={"a": "Donald Trump", "b": "Vladimir Putin"})
    assert pm.json()["leaders"] is True and len(pm.json()["meetings"]) >= 3
    imp = server.get("/api/pair/impact", params={"a": "Donald Trump", "b": "Vladimir Putin"})
    assert imp.status_code == 200 and "method" in imp.json()
    bad = server.get("/api/pair/index", params={"a": "Donald Trump", "b": "Nobody Atall"})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["query", "b"]


def test_briefing_is_generated_once_and_cached(server):
    p = {"a": "Donald Trump", "b": "Vladimir Putin", "format": "html"}
    t0 = time.perf_counter()
    first = server.get("/api/pair/briefing", params=p)
    t1 = time.perf_counter()
    again = server.get("/api/pair/briefing", params=p)
    t2 = time.perf_counter()
    assert first.status_code == 200 and first.text == again.text and "<svg" in first.text
    assert t2 - t1 < (t1 - t0) / 3  # the second comes from the cache
    assert "script-src" not in first.headers["content-security-policy"]
    assert "default-src 'none'" in first.headers["content-security-policy"]
    md = server.get("/api/pair/briefing", params={**p, "format": "md"})
    assert md.headers["content-type"].startswith("text/markdown") and md.text.startswith("#")


def test_actors_documents_and_spans(server, tools):
    who = server.get("/api/actors", params={"q": "the Russian leader", "on": "2018-07-16"})
    assert who.json()["matches"][0]["actor_id"] == PUTIN
    docs = server.get("/api/documents", params={"q": "payload"}).json()["documents"]
    assert [d["title"] for d in docs] == [tools.hostile_title]
    doc = server.get(f"/api/documents/{docs[0]['doc_id']}").json()
    assert "<script>" in doc["text"] and doc["sentences"] and doc["mentions"]
    for m in doc["mentions"]:
        assert doc["text"][m["start_char"] : m["end_char"]] == m["text"]
    assert server.get("/api/documents/nope").status_code == 404


def test_openapi_docs_and_security_headers(server):
    schema = server.get("/openapi.json").json()
    assert {
        "/api/meetings",
        "/api/meetings/{meeting_id}",
        "/api/events",
        "/api/actors",
        "/api/documents/{doc_id}",
        "/api/pair/briefing",
    } <= set(schema["paths"])
    docs = server.get("/docs")
    assert "swagger-ui-bundle.js" in docs.text and "cdn" not in docs.text.lower()
    csp = docs.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert server.get("/static/vendor/swagger-ui-bundle.js").status_code == 200
    rebound = httpx.get(server.url + "/api/health", headers={"Host": "evil.example"})
    assert rebound.status_code == 400  # DNS rebinding: only loopback host names
    assert httpx.post(server.url + "/api/meetings").status_code == 405  # no endpoint writes


def test_a_locked_store_gives_503_and_the_server_recovers(served_store, tmp_path, tools):
    db = tmp_path / "copy.duckdb"
    shutil.copy(served_store, db)
    s = tools.start(db, idle=0.3)
    try:
        assert s.get("/api/meetings").status_code == 200
        time.sleep(1.5)  # idle: the server lets the file go, so a writer can take it
        writer = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import sys, time; from summitry.store import Store; s = Store(sys.argv[1]); "
                "print('locked', flush=True); time.sleep(60)",
                str(db),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert writer.stdout.readline().strip() == "locked"
            busy = s.get("/api/meetings")
            assert busy.status_code == 503 and busy.headers["retry-after"]
            assert "is being written by" in busy.json()["detail"]
            assert f"PID {writer.pid}" in busy.json()["detail"]
            page = s.get("/")
            assert page.status_code == 503 and "reload it in a moment" in page.text
        finally:
            writer.kill()
            writer.wait()
        assert s.get("/api/meetings").status_code == 200
        # the response cache holds only for one state of the store: a write shows at once
        assert s.get("/api/documents", params={"q": "Fresh story"}).json()["documents"] == []
        time.sleep(1.5)
        fresh = tmp_path / "fresh.jsonl"
        fresh.write_text(
            json.dumps({"id": "f1", "title": "Fresh story", "published": "2018-07-18",
                        "text": "A fresh story written while the server runs, long enough."})
            + "\n"
        )  # fmt: skip
        tools.cli(db, "ingest", str(fresh))
        found = s.get("/api/documents", params={"q": "Fresh story"}).json()["documents"]
        assert [d["title"] for d in found] == ["Fresh story"]
    finally:
        tools.stop(s)


def test_remote_binding_needs_allow_remote_and_a_token(served_store):
    out = subprocess.run(
        [sys.executable, "-m", "summitry", "--db", str(served_store), "serve", "--host", "0.0.0.0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode != 0 and "--allow-remote" in out.stderr
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "summitry",
            "--db",
            str(served_store),
            "serve",
            "--host",
            "0.0.0.0",
            "--allow-remote",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert out.returncode != 0 and "SUMMITRY_TOKEN" in out.stderr


def test_a_token_is_required_when_set(served_store, tools):
    token = "t0ken-for-the-test-0123456789"
    s = tools.start(served_store, env={"SUMMITRY_TOKEN": token})
    try:
        assert s.get("/api/health").status_code == 401
        assert s.get("/api/health", headers={"Authorization": "Bearer wrong"}).status_code == 401
        ok = s.get("/api/health", headers={"Authorization": f"Bearer {token}"})
        assert ok.status_code == 200 and ok.json()["counts"]["documents"] > 500
        with httpx.Client(base_url=s.url) as c:
            assert c.get("/login", params={"token": token}).status_code == 303
            assert c.get("/api/health").status_code == 200  # the cookie it set
    finally:
        tools.stop(s)
