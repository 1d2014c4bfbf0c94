"""The Trump-Putin briefing from the knowledge pack: content checked against the pack, HTML
rendered in real headless Chromium (DevTools protocol), PDF sections, CLI behaviour."""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summitry.analysis import leaders
from summitry.knowledge import curated_meetings, ensure_knowledge_pack
from summitry.report import SECTIONS, build_briefing, write_briefing
from summitry.store import Store

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def briefing(tmp_path_factory):
    """The briefing built once from a fresh store holding only the knowledge pack."""
    d = tmp_path_factory.mktemp("briefing")
    store = Store(d / "kp.duckdb")
    ensure_knowledge_pack(store)
    dyad = leaders("Donald Trump", "Vladimir Putin")
    b = build_briefing(store, dyad, n_boot=200, n_placebo=50)
    paths = write_briefing(b, d / "briefing.html", ["html", "md", "pdf"])
    pack = curated_meetings(store, (dyad.a.person_id, dyad.b.person_id))
    store.close()
    return b, {p.suffix: p for p in paths}, pack


def test_briefing_meetings_match_the_knowledge_pack(briefing):
    b, paths, pack = briefing
    assert len(pack) >= 25
    assert [c.meeting.meeting_id for c in b.cards] == [m.meeting_id for m in pack]
    html = paths[".html"].read_text(encoding="utf-8")
    md = paths[".md"].read_text(encoding="utf-8")
    for m, card in zip(pack, b.cards, strict=True):
        assert card.meeting.start == m.start_date and card.meeting.city == m.city
        assert card.meeting.origin == "curated"
        if m.start_date:
            assert f"{m.start_date:%d %B %Y}" in html
        if m.city:
            assert m.city in html and m.city in md
    helsinki = next(c for c in b.cards if c.meeting.meeting_id == "kp-2018-07-16-helsinki")
    assert (helsinki.place, helsinki.date_text) == ("Helsinki, Finland", "16 July 2018")
    assert {t.text for t in helsinki.topics} >= {"Syria: Syria."}
    anchorage = next(
        c
        for c in b.cards
        if c.meeting.start and c.meeting.start.year == 2025 and c.meeting.format == "summit"
    )
    assert anchorage.place == "Anchorage, United States"
    # the long-run context reaches back to Tehran 1943 (the first Roosevelt-Stalin meeting)
    assert "Tehran Conference on 28 November 1943" in b.context[0].text
    assert any("New START" in c.text for c in b.treaty_claims)


def test_every_claim_is_cited_and_references_resolve(briefing):
    b, paths, _ = briefing
    n_refs = len(b.refs.refs)
    claims = [
        *b.summary,
        *b.context,
        *b.treaty_claims,
        *b.outcomes,
        *b.impact_claims,
        *(d["claim"] for d in b.discussions),
    ]
    for c in b.cards:
        claims += [*c.topics, *c.outcomes, *c.statements, *c.reactions, *c.status]
    assert len(claims) > 60
    for c in claims:
        assert c.refs and all(1 <= n <= n_refs for n in c.refs), c.text
    html = paths[".html"].read_text(encoding="utf-8")
    for n in range(1, n_refs + 1):
        assert f'id="ref-{n}"' in html
    for r in b.refs.refs:
        assert r.url or r.origin == "analysis"
    # no event data: the report says so instead of giving numbers
    assert "insufficient data" in html and "no extracted or imported events" in html
    assert not b.impact_claims and b.index.insufficient is not None
    assert "curated" in html and 'class="src src-curated"' in html


def test_source_filter_restricts_the_briefing(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    ensure_knowledge_pack(store)
    b = build_briefing(
        store, leaders("Trump", "Putin"), sources=["extracted", "imported"], n_boot=50, n_placebo=20
    )
    store.close()
    assert b.cards == [] and b.outcomes == []
    assert any("no meetings" in g for g in b.gaps)


def test_pdf_has_every_section(briefing):
    from pypdf import PdfReader

    _, paths, _ = briefing
    reader = PdfReader(paths[".pdf"])
    text = "\n".join(p.extract_text() for p in reader.pages)
    text = re.sub(r"\s+", " ", text)
    for s in SECTIONS:
        assert s in text, s
    assert "Helsinki, Finland" in text and "Anchorage" in text
    assert "Not supported by the data" in text


def _cdp(ws, msg_id: int, method: str, **params) -> int:
    ws.send(json.dumps({"id": msg_id, "method": method, "params": params}))
    return msg_id


def load_in_chromium(html: Path, workdir: Path) -> tuple[list[str], dict, bytes]:
    """Open ``html`` in headless Chromium via the DevTools protocol: (console/JS/network
    errors, facts about the page, a PNG screenshot of the top 3,000 px)."""
    import websocket

    profile = workdir / "profile"
    log = (workdir / "chromium.log").open("wb")
    proc = subprocess.Popen(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            f"--user-data-dir={profile}",
            "--remote-debugging-port=0",
            "--window-size=1200,900",
            "about:blank",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    errors: list[str] = []
    results: dict[int, dict] = {}

    def note_error(msg: dict) -> None:
        method, params = msg.get("method"), msg.get("params", {})
        if method == "Runtime.exceptionThrown":
            errors.append(params["exceptionDetails"].get("text", "exception"))
        elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
            errors.append(json.dumps(params["args"]))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            errors.append(params["entry"]["text"])

    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not port_file.exists() or not port_file.read_text().strip():
            assert proc.poll() is None, f"chromium exited; see {workdir / 'chromium.log'}"
            assert time.monotonic() < deadline, "chromium did not open its DevTools port"
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        new_tab = urllib.request.Request(
            f"http://127.0.0.1:{port}/json/new?about:blank", method="PUT"
        )
        with urllib.request.urlopen(new_tab, timeout=60) as r:  # a fresh tab of our own
            target = json.load(r)
        ws = websocket.create_connection(
            target["webSocketDebuggerUrl"], timeout=180, suppress_origin=True
        )
        # enable the domains one at a time, each confirmed, before navigating: otherwise
        # Chromium may load the page before Page.enable and never report its load event
        for i, m in enumerate(("Runtime.enable", "Log.enable", "Page.enable"), start=1):
            _cdp(ws, i, m)
            while json.loads(ws.recv()).get("id") != i:
                pass
        _cdp(ws, 10, "Page.navigate", url=html.resolve().as_uri())
        loaded = False
        while not loaded:
            msg = json.loads(ws.recv())
            note_error(msg)
            loaded = msg.get("method") == "Page.loadEventFired"
        _cdp(
            ws,
            20,
            "Runtime.evaluate",
            returnByValue=True,
            expression=(
                "JSON.stringify({svg: document.querySelectorAll('figure svg').length,"
                " h2: [...document.querySelectorAll('h2')].map(h => h.textContent),"
                " cards: document.querySelectorAll('.card').length,"
                " height: document.documentElement.scrollHeight})"
            ),
        )
        _cdp(
            ws,
            21,
            "Page.captureScreenshot",
            format="png",
            captureBeyondViewport=True,
            clip={"x": 0, "y": 0, "width": 1200, "height": 3000, "scale": 1},
        )
        while len(results) < 2:
            msg = json.loads(ws.recv())
            note_error(msg)
            if msg.get("id") in (20, 21):
                results[msg["id"]] = msg["result"]
        ws.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
    page = json.loads(results[20]["result"]["value"])
    return errors, page, base64.b64decode(results[21]["data"])


needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"
)


@pytest.mark.browser
@needs_chromium
def test_html_renders_in_headless_chromium_without_console_errors(briefing, tmp_path):
    _, paths, _ = briefing
    errors, page, png = load_in_chromium(paths[".html"], tmp_path)
    assert errors == []
    assert page["svg"] >= 3 and page["cards"] >= 25 and page["height"] > 5000
    assert page["h2"] == list(SECTIONS)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000
    shot = tmp_path / "briefing.png"
    shot.write_bytes(png)
    shutil.copyfile(shot, "/tmp/briefing-screenshot.png")


@pytest.mark.browser
@needs_chromium
def test_the_browser_check_catches_console_errors(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text(
        "<!DOCTYPE html><html><body><h2>x</h2><script>console.error('boom');"
        "undefinedFunction();</script>"
        "</body></html>",
        encoding="utf-8",
    )
    errors, page, _ = load_in_chromium(bad, tmp_path)
    assert page["h2"] == ["x"]
    assert any("boom" in e for e in errors) and any("Uncaught" in e for e in errors)


def test_brief_command(tmp_path, monkeypatch):
    from summitry.cli import app

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    db = str(tmp_path / "cli.duckdb")
    res = runner.invoke(
        app,
        [
            "--db",
            db,
            "brief",
            "--between",
            "Donald Trump",
            "Vladimir Putin",
            "--format",
            "md",
            "--format",
            "html",
            "--source",
            "curated",
        ],
    )
    assert res.exit_code == 0, res.output
    out = tmp_path / "briefing-donald-trump-vladimir-putin"
    assert out.with_suffix(".html").exists() and out.with_suffix(".md").exists()
    assert not out.with_suffix(".pdf").exists()
    flat = " ".join(res.output.split())
    assert f"wrote {out.with_suffix('.md')} (" in flat
    assert f"wrote {out.with_suffix('.html')} (" in flat
    assert "sources: curated; meeting records by source: curated " in flat
    assert "insufficient data" in res.output
    bad = runner.invoke(app, ["--db", db, "brief", "--between", "Nobody Known", "Putin"])
    assert bad.exit_code == 1 and "leader 'Nobody Known' is not in the knowledge pack" in bad.output
    bad = runner.invoke(app, ["--db", db, "brief", "--countries", "USA", "RUS", "--source", "web"])
    assert bad.exit_code == 1 and "--source 'web': expected one of" in bad.output
    bad = runner.invoke(app, ["--db", db, "brief", "--countries", "USA", "RUS", "--format", "docx"])
    assert bad.exit_code == 1
    assert "--format 'docx': expected one of html, md, pdf or all" in bad.output
    bad = runner.invoke(app, ["--db", db, "brief", "--countries", "USA", "XX"])
    assert bad.exit_code == 1 and "expected an ISO 3166 alpha-3 code" in bad.output
    res = runner.invoke(
        app,
        [
            "--db",
            db,
            "brief",
            "--countries",
            "USA",
            "RUS",
            "--format",
            "pdf",
            "--out",
            str(tmp_path / "sub" / "c.html"),
        ],
    )
    assert res.exit_code == 0, res.output
    assert (tmp_path / "sub" / "c.pdf").read_bytes()[:5] == b"%PDF-"
    assert not (tmp_path / "sub" / "c.html").exists()
    # the defaults: all three formats, named after the pair, in the current directory
    res = runner.invoke(app, ["--db", db, "brief", "--countries", "usa", "rus"])
    assert res.exit_code == 0, res.output
    flat = " ".join(res.output.split())
    assert flat.startswith("United States – Russia: ")
    for suffix in (".html", ".md", ".pdf"):
        path = tmp_path / f"briefing-usa-rus{suffix}"
        assert path.stat().st_size > 10_000 and f"wrote {path} (" in flat
