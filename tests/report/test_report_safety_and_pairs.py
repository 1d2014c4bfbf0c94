"""Safe outputs (only http(s) links, Markdown with document HTML escaped), any pair of leaders
(resolved through the actor knowledge base and the store), stated positions that change."""

from __future__ import annotations

import re
from datetime import datetime

from markdown_it import MarkdownIt
from typer.testing import CliRunner

from summitry.analysis import countries, leaders
from summitry.knowledge import ensure_knowledge_pack
from summitry.report import build_briefing, render_html, render_md, render_pdf

EVIL_TEXT = (
    "Putin said <script>alert(1)</script> <img src=x onerror=alert(2)> [go](javascript:alert(3))"
)


def _hostile_document(store) -> None:
    """A document whose URL is a javascript: link and whose text carries markup, quoted by an
    extracted statement of an extracted meeting."""
    with store.transaction() as con:
        con.execute(
            "INSERT INTO documents (doc_id, canonical_id, source, source_format, url, title, "
            "published, published_source, text, n_chars, ingested_at) VALUES ('evil', 'evil', "
            "'x.jsonl', 'jsonl', 'javascript:alert(1)', '<b onmouseover=alert(4)>Title</b>', "
            "'2018-07-16', 'field', ?, ?, now())",
            [EVIL_TEXT, len(EVIL_TEXT)],
        )
        con.execute(
            "INSERT INTO meetings (meeting_id, origin, title, start_date, end_date, city, "
            "country, format, status, rule) VALUES ('ep-x', 'extracted', '<i>talks</i>', "
            "'2019-02-01', '2019-02-01', 'Vienna', 'AUT', 'summit', 'held', 'episodes:v1')"
        )
        con.execute(
            "INSERT INTO meeting_participants VALUES "
            "('ep-x', 'person:donald-trump', 'Donald Trump', 'head_of_state', 'USA'), "
            "('ep-x', 'person:vladimir-putin', 'Vladimir Putin', 'head_of_state', 'RUS')"
        )
        con.execute(
            "INSERT INTO meeting_items (item_id, meeting_id, kind, actor_id, actor_name, text, "
            "origin, doc_id, sent_idx, start_char, end_char, source_url, rule) VALUES "
            "('ep-x:s1', 'ep-x', 'statement', 'person:vladimir-putin', 'Putin', ?, 'extracted', "
            "'evil', 0, 0, 40, 'javascript:alert(5)', 'statements:v1')",
            [EVIL_TEXT],
        )


def test_links_are_http_only_and_markdown_escapes_document_html(store):
    ensure_knowledge_pack(store)
    _hostile_document(store)
    b = build_briefing(
        store, leaders("Donald Trump", "Vladimir Putin"), ["extracted"], n_boot=20, n_placebo=10
    )
    assert [c.meeting.meeting_id for c in b.cards] == ["ep-x"]
    html = render_html(b)
    assert "javascript:" not in "".join(h for h in re.findall(r'href="([^"]*)"', html))
    assert "<script>alert" not in html and "<img src=x" not in html and "<b onmouseover" not in html
    assert "not linked: not an http or https address" in html
    md = render_md(b)
    assert "<script" not in md and "<img" not in md and "<b " not in md and "<i>" not in md
    rendered = MarkdownIt("commonmark").render(md)  # as a Markdown viewer would show it
    assert "<script" not in rendered and "onerror=" not in rendered.replace("onerror=alert", "")
    assert 'href="javascript:' not in rendered and '<img src="x"' not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered  # shown as text, not run
    pdf = render_pdf(b)
    assert pdf[:5] == b"%PDF-" and b"/URI (javascript:" not in pdf


def test_markdown_of_the_pack_briefing_renders_without_raw_html(store):
    ensure_knowledge_pack(store)
    b = build_briefing(store, leaders("Trump", "Putin"), n_boot=20, n_placebo=10)
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(render_md(b))
    assert "<script" not in rendered
    assert rendered.count("<table>") >= 2  # the meetings and outcomes tables are tables
    assert "Helsinki Summit" in rendered


def test_any_pair_resolves_through_the_actor_kb_and_gets_a_short_page(store, tmp_path):
    ensure_knowledge_pack(store)
    d = leaders("Emmanuel Macron", "Xi Jinping", store=store)
    assert (d.a.iso3, d.b.iso3) == ("FRA", "CHN")
    assert d.a.person_id == "person:emmanuel-macron"
    b = build_briefing(store, d, n_boot=20, n_placebo=10)
    assert b.empty and not b.cards
    assert any("summitry ingest" in x for x in b.to_add)
    assert any("gdelt fetch --from 2017-05-14" in x for x in b.to_add)
    html = render_html(b)
    assert "Nothing recorded yet" in html and "What to ingest or import" in html
    assert render_pdf(b)[:5] == b"%PDF-"


def test_cli_brief_for_a_pair_the_pack_does_not_hold(tmp_path, monkeypatch):
    from summitry.cli import app

    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(
        app,
        [
            "--db",
            str(tmp_path / "s.duckdb"),
            "brief",
            "--between",
            "Emmanuel Macron",
            "Xi Jinping",
            "--format",
            "html",
        ],
    )
    assert res.exit_code == 0, res.output
    assert "nothing recorded yet" in res.output
    assert (tmp_path / "briefing-emmanuel-macron-xi-jinping.html").exists()


def test_people_the_store_knows_are_resolved(store):
    """A leader only the store knows (introduced by a text, with a role) and one known only
    from the person ids of its events."""
    ensure_knowledge_pack(store)
    with store.transaction() as con:
        con.execute(
            "INSERT INTO actors (actor_id, name, kind, iso3, origin, doc_id) VALUES "
            "('person:ana-quintero', 'Ana Quintero', 'person', NULL, 'text', 'd1')"
        )
        con.execute(
            "INSERT INTO actor_roles (actor_id, role, iso3, start_date, origin) VALUES "
            "('person:ana-quintero', 'head_of_state', 'URY', '2025-03-01', 'text')"
        )
        con.execute(
            "INSERT INTO events (event_id, origin, dataset, event_date, source_actor_id, "
            "source_iso3, target_iso3, modality, rule, created_at) VALUES ('e1', 'imported', "
            "'icews', '2025-05-01', 'person:lars-hovland', 'NOR', 'URY', 'asserted', 't', ?)",
            [datetime(2026, 1, 1)],
        )
    d = leaders("Ana Quintero", "person:lars-hovland", store=store)
    assert (d.a.label, d.a.iso3, d.b.iso3) == ("Ana Quintero", "URY", "NOR")
    b = build_briefing(store, d, n_boot=20, n_placebo=10)
    assert not b.empty  # the store holds an event between the two countries
    assert b.impact.measured.index is not None


def test_a_position_that_changes_is_marked(store):
    ensure_knowledge_pack(store)
    rows = [
        (
            "kp-2025-03-18-call",
            "person:vladimir-putin",
            "accepts",
            "a 30-day halt to strikes on energy facilities",
        ),
        (
            "kp-2025-08-15-anchorage",
            "person:vladimir-putin",
            "refuses",
            "a ceasefire before a settlement",
        ),
        ("kp-2025-08-15-anchorage", "person:donald-trump", "wants", "a ceasefire"),
    ]
    with store.transaction() as con:
        for i, (mid, who, stance, text) in enumerate(rows):
            con.execute(
                "INSERT INTO meeting_items (item_id, meeting_id, kind, actor_id, actor_name, "
                "topic, value, text, origin, source_url, rule) VALUES (?, ?, 'position', ?, ?, "
                "'space', ?, ?, 'curated', 'https://www.whitehouse.gov/x', 't')",
                [f"pos-{i}", mid, who, who.split(":")[1].replace("-", " ").title(), stance, text],
            )
    b = build_briefing(store, leaders("Trump", "Putin"), n_boot=20, n_placebo=10)
    tp = next(t for t in b.positions if t.topic == "space")
    putin = tp.sides["Vladimir Putin"]
    assert [e.stance for e in putin] == ["accepts", "refuses"]
    assert putin[1].changed_from == "accepts" and putin[0].changed_from is None
    assert (
        len(tp.changes) == 1 and "from “accepts” (18 Mar 2025) to “refuses”" in tp.changes[0].text
    )
    assert [e.stance for e in tp.sides["Donald Trump"]] == ["wants"]
    html = render_html(b)
    assert 'class="changed"' in html and "changed from accepts" in html
    assert any(re.search(r"changes? of stated position", c.text) for c in b.bottom_line)


def test_countries_pair_has_integer_year_ticks(store):
    ensure_knowledge_pack(store)
    with store.transaction() as con:
        for mid, day, city, iso in (
            ("ep-a", "2018-01-09", "Beijing", "CHN"),
            ("ep-b", "2019-03-25", "Paris", "FRA"),
        ):
            con.execute(
                "INSERT INTO meetings (meeting_id, origin, title, start_date, end_date, city, "
                "country, format, status, rule) VALUES (?, 'extracted', 'talks', ?, ?, ?, ?, "
                "'summit', 'held', 'episodes:v1')",
                [mid, day, day, city, iso],
            )
            con.execute(
                "INSERT INTO meeting_participants VALUES "
                "(?, 'person:emmanuel-macron', 'Emmanuel Macron', 'head_of_state', 'FRA'), "
                "(?, 'person:xi-jinping', 'Xi Jinping', 'head_of_state', 'CHN')",
                [mid, mid],
            )
    b = build_briefing(store, countries("FRA", "CHN"), n_boot=20, n_placebo=10)
    assert {"history", "timeline", "map"} <= set(b.charts)
    assert {v.city for v in b.venues} == {"Beijing", "Paris"}
    for chart in b.charts.values():
        assert not re.search(r">\s*(19|20)\d\d\.\d\s*<", chart.svg)
    assert render_html(b).count('class="limits"') <= 1
