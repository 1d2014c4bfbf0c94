"""The Trump-Putin briefing from the knowledge pack: content checked against the pack (meetings,
dates, places, positions, what followed), every claim cited, references one per URL, the HTML
in real headless Chromium (Playwright) with screenshots checked, the PDF's sections and tables,
and the CLI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from chromium_page import needs_chromium, non_blank, open_page
from typer.testing import CliRunner

from summitry.analysis import leaders
from summitry.knowledge import curated_meetings, ensure_knowledge_pack
from summitry.report import SECTIONS, build_briefing, write_briefing
from summitry.report.cards import long_date
from summitry.store import Store

SCREENSHOTS = Path("/tmp/summitry-briefing-screenshots")


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
    positions = store.con.execute(
        "SELECT meeting_id, actor_id, topic, value FROM meeting_items WHERE kind = 'position' "
        "AND meeting_id IN (SELECT unnest(?))",
        [[m.meeting_id for m in pack]],
    ).fetchall()
    store.close()
    return b, {p.suffix: p for p in paths}, pack, positions


def _all_claims(b):
    claims = [*b.bottom_line, *b.context, *b.treaty_claims, *b.earlier_treaty_claims]
    claims += b.discussions
    claims += [o.claim for o in b.outcomes] + [f for o in b.outcomes for f in o.follow_up]
    claims += [f.claim for u in b.impact.followups for f in u.facts]
    claims += [e.claim for t in b.positions for es in t.sides.values() for e in es]
    claims += [c for t in b.positions for c in t.changes]
    for c in b.cards:
        claims += [x for r in c.records for _, lst in r.sections for x in lst]
    return claims


def test_briefing_meetings_match_the_knowledge_pack(briefing):
    b, paths, pack, _ = briefing
    assert len(pack) >= 25
    assert [c.meeting.meeting_id for c in b.cards] == [m.meeting_id for m in pack]
    html = paths[".html"].read_text(encoding="utf-8")
    md = paths[".md"].read_text(encoding="utf-8")
    for m, card in zip(pack, b.cards, strict=True):
        assert card.meeting.start == m.start_date and card.meeting.city == m.city
        assert card.meeting.origin == "curated" and card.meeting.status == m.status
        assert card.date_text in html and card.date_text in md
        if m.city:
            assert m.city in html and m.city in md
    helsinki = next(c for c in b.cards if c.meeting.meeting_id == "kp-2018-07-16-helsinki")
    assert (helsinki.place, helsinki.date_text) == ("Helsinki, Finland", "16 July 2018")
    assert "Syria." in {t.text for t in helsinki.topics}
    anchorage = next(c for c in b.cards if c.meeting.meeting_id == "kp-2025-08-15-anchorage")
    assert anchorage.place == "Anchorage, United States"
    # the timeline holds every dated encounter; the map every held in-person venue
    assert len(b.timeline) == sum(1 for m in pack if m.start_date)
    in_person = {m.city for m in pack if m.format != "call" and m.status == "held" and m.city}
    assert {v.city for v in b.venues} == in_person
    first = next(c for c in b.context)
    assert "met in person" in first.text and "the first being the" in first.text
    # the long-run context reaches back to Tehran 1943 (the first Roosevelt-Stalin meeting)
    assert "Tehran Conference on 28 November 1943" in b.context[0].text
    assert any("New START" in c.text for c in b.treaty_claims)


def test_bottom_line_is_a_few_cited_sentences_from_the_facts(briefing):
    b, paths, pack, _ = briefing
    assert 4 <= len(b.bottom_line) <= 8
    assert all(c.refs for c in b.bottom_line)
    held = [m for m in pack if m.status == "held"]
    n_calls = sum(1 for m in held if m.format == "call")
    n_in_person = len(held) - n_calls
    first = b.bottom_line[0].text
    assert f"met in person {n_in_person} times" in first and f"held {n_calls} telephone" in first
    for m in held:
        if m.format != "call":
            assert f"{m.city} {m.start_date:%Y}" in first
    latest = max(held, key=lambda m: m.start_date)
    assert long_date(latest.start_date) in b.bottom_line[1].text
    assert not any(
        "caused" in c.text.replace("not evidence that the meetings caused", "")
        for c in b.bottom_line
    )


def test_every_claim_is_cited_and_references_are_one_per_source(briefing):
    b, paths, _, _ = briefing
    n_refs = len(b.references)
    claims = _all_claims(b)
    assert len(claims) > 60
    for c in claims:
        assert c.refs and all(1 <= n <= n_refs for n in c.refs), c.text
    html = paths[".html"].read_text(encoding="utf-8")
    for n in range(1, n_refs + 1):
        assert f'id="ref-{n}"' in html
    urls = [r.url for r in b.references if r.url]
    assert len(urls) == len(set(urls)), "one reference per URL"
    for r in b.references:
        assert r.url or r.origin == "analysis"
        assert ".csv" not in r.label and "knowledge pack," not in r.label
        assert r.publisher and r.source_type
    # no event data: one data-limits box says so, once; no measured numbers
    assert not b.impact.measured.available and not b.impact.measured.claims
    assert html.count('class="limits"') == 1
    assert html.count("no extracted or imported events") == 1


def test_source_filter_restricts_the_briefing(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    ensure_knowledge_pack(store)
    b = build_briefing(
        store, leaders("Trump", "Putin"), sources=["extracted", "imported"], n_boot=50, n_placebo=20
    )
    store.close()
    assert b.cards == [] and b.outcomes == [] and b.positions == []
    assert b.empty and b.impact.followups == []


def test_empty_fields_are_hidden_and_method_is_plain_words(briefing):
    b, paths, _, _ = briefing
    html = paths[".html"].read_text(encoding="utf-8")
    md = paths[".md"].read_text(encoding="utf-8")
    for text in (html, md):
        assert "No statements recorded" not in text and "No reactions recorded" not in text
        assert "none recorded" not in text
    for c in b.cards:
        assert all(lst for _, lst in c.sections)
    for n in b.methods:
        assert not re.search(r"``|:mod:|:func:|`|\bsee [a-z_]+\b", n.text), n.text
        assert "goldstein" not in n.text  # the scale is named in words, not as a column
    assert b.methods and {n.title for n in b.methods} >= {"Where the facts come from"}


def test_positions_are_compared_topic_by_topic_as_the_pack_gives_them(briefing):
    b, paths, _, positions = briefing
    n_shown = sum(len(es) for t in b.positions for es in t.sides.values())
    assert n_shown == len(positions)
    sides = {b.dyad.a.person_id: b.dyad.a.label, b.dyad.b.person_id: b.dyad.b.label}
    for _mid, actor, topic, stance in positions:
        tp = next(t for t in b.positions if t.topic == (topic or "other"))
        assert stance in {e.stance for e in tp.sides[sides[actor]]}
    for tp in b.positions:
        assert list(tp.sides) == [b.dyad.a.label, b.dyad.b.label]


def test_what_followed_each_meeting_is_listed_as_a_sequence(briefing):
    b, paths, _, _ = briefing
    html = paths[".html"].read_text(encoding="utf-8")
    assert "Followed" in html and " caused" not in html.replace(
        "not evidence that the meetings caused", ""
    )
    # the INF Treaty withdrawal (2 August 2019) followed the 31 July 2019 call within 30 days
    call = next(u for u in b.impact.followups if u.meeting_id == "kp-2019-07-31-call")
    inf = next(f for f in call.facts if "INF" in f.claim.text and "withdrawn" in f.claim.text)
    assert inf.area == "arms_control" and inf.days_after == 2 and inf.window == 30
    assert "by the United States" in inf.claim.text
    for u in b.impact.followups:
        for f in u.facts:
            assert 0 <= f.days_after <= 90 and f.window in (30, 90)
    assert b.impact.quiet  # meetings with nothing recorded after them are named, once


def test_outcomes_table_has_type_date_implemented_and_follow_up(briefing):
    b, paths, pack, _ = briefing
    n_items = sum(1 for m in pack for i in m.items if i.kind in ("outcome", "non_outcome"))
    assert len(b.outcomes) == n_items
    for o in b.outcomes:
        assert o.implemented in ("yes", "no", "partly", "not recorded", "not applicable")
        assert (o.implemented == "not applicable") == (o.kind == "non_outcome")
    html = paths[".html"].read_text(encoding="utf-8")
    table = html[html.index('<table class="outcomes">') :]
    assert "<th>Implemented</th>" in table and "<th>Follow-up</th>" in table


def test_charts_have_real_date_axes(briefing):
    b, _, _, _ = briefing
    for name in ("timeline", "topics", "history"):
        svg = b.charts[name].svg
        years = re.findall(r">\s*((?:19|20)\d\d(?:\.\d+)?)\s*<", svg)
        assert years, name
        assert not any("." in y for y in years), (name, years)
    # the topics chart is time-scaled: the 2021-2024 gap is as wide as it was
    assert ">2022<" in b.charts["topics"].svg or ">2023<" in b.charts["topics"].svg


def test_pdf_has_every_section_and_the_tables(briefing):
    from pypdf import PdfReader

    b, paths, _, _ = briefing
    text = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(paths[".pdf"]).pages))
    for s in SECTIONS:
        assert s in text, s
    assert "Date Format Place Status Outcome Topics Source" in text  # the meetings table
    for c in b.cards:
        assert c.date_text in text, c.date_text
    assert "Implemented" in text and "Follow-up" in text
    assert "What the data cannot support" in text
    assert b.references[-1].label[:30] in text


@pytest.mark.browser
@needs_chromium
def test_html_in_headless_chromium_without_errors_and_screenshots_not_blank(briefing):
    _, paths, _, _ = briefing
    page = open_page(
        paths[".html"],
        {"top": "top", "timeline": "#fig-timeline", "map": "#fig-map"},
        "({svg: document.querySelectorAll('figure svg').length,"
        " cards: document.querySelectorAll('.card').length,"
        " rows: document.querySelectorAll('table.meetings tbody tr').length})",
    )
    assert page.errors == []
    assert page.h2 == list(SECTIONS)
    assert page.facts["svg"] >= 4 and page.facts["cards"] >= 25 and page.facts["rows"] >= 25
    SCREENSHOTS.mkdir(exist_ok=True)
    for name, png in page.shots.items():
        (SCREENSHOTS / f"{name}.png").write_bytes(png)
        assert non_blank(png), name


@pytest.mark.browser
@needs_chromium
def test_the_browser_checks_catch_errors_and_blank_screenshots(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text(
        "<!DOCTYPE html><html><body><h2>x</h2><figure id='f' style='height:300px'></figure>"
        "<script>console.error('boom'); undefinedFunction();</script></body></html>",
        encoding="utf-8",
    )
    page = open_page(bad, {"f": "#f"})
    assert page.h2 == ["x"]
    assert any("boom" in e for e in page.errors) and any("Uncaught" in e for e in page.errors)
    assert not non_blank(page.shots["f"])


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
    assert "sources: curated; meeting records by source: curated " in flat
    assert "measured: insufficient data" in flat
    bad = runner.invoke(app, ["--db", db, "brief", "--between", "Nobody Known", "Putin"])
    assert bad.exit_code == 1 and "leader 'Nobody Known' is not known" in bad.output
    assert "Traceback" not in bad.output
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
    res = runner.invoke(app, ["--db", db, "brief", "--countries", "usa", "rus"])
    assert res.exit_code == 0, res.output
    flat = " ".join(res.output.split())
    assert flat.startswith("United States – Russia: ")
    for suffix in (".html", ".md", ".pdf"):
        path = tmp_path / f"briefing-usa-rus{suffix}"
        assert path.stat().st_size > 10_000 and f"wrote {path} (" in flat
