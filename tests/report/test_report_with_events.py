"""The briefing when the store also holds imported event data and an extracted statement:
measured impact with intervals and placebo appears, with citations to the data and document."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np
import pyarrow as pa

from summitry.analysis import leaders
from summitry.knowledge import ensure_knowledge_pack
from summitry.report import build_briefing, render_html, render_md

HELSINKI = date(2018, 7, 16)
DOC_TEXT = 'Putin said: "We want good relations with the United States." He spoke in Helsinki.'


def _events(rng) -> list[dict]:
    rows, d, now = [], date(2018, 1, 1), datetime(2026, 1, 1)
    while d <= date(2018, 12, 31):
        after = timedelta(0) < d - HELSINKI <= timedelta(30)
        for k in range(4):
            g = float(np.clip(rng.normal(3.5 if after else -1.5, 2.0), -10, 10))
            src, tgt = (("USA", "RUS"), ("RUS", "USA"), ("GBR", "RUS"), ("FRA", "DEU"))[k]
            rows.append(
                {
                    "event_id": f"x{len(rows)}",
                    "origin": "imported",
                    "dataset": "gdelt2",
                    "dataset_row_id": str(len(rows)),
                    "event_date": d,
                    "source_actor_id": src,
                    "source_iso3": src,
                    "target_actor_id": tgt,
                    "target_iso3": tgt,
                    "goldstein": g,
                    "quad_class": 1 if g > 0 else 3,
                    "plover_type": "CONSULT" if g > 0 else "ACCUSE",
                    "modality": "asserted",
                    "rule": "test",
                    "created_at": now,
                }
            )
        d += timedelta(days=1)
    rows.append(
        {
            "event_id": "stmt1",
            "origin": "extracted",
            "dataset": "summitry-coder",
            "dataset_row_id": None,
            "event_date": HELSINKI,
            "source_actor_id": "person:vladimir-putin",
            "source_iso3": "RUS",
            "target_actor_id": "USA",
            "target_iso3": "USA",
            "goldstein": 3.4,
            "quad_class": 1,
            "plover_type": "AGREE",
            "modality": "asserted",
            "rule": "test",
            "created_at": now,
        }
    )
    return rows


def test_briefing_reports_measured_impact_and_statements(store):
    ensure_knowledge_pack(store)
    rows = _events(np.random.default_rng(3))
    with store.transaction() as con:
        con.register("new_events", pa.Table.from_pylist(rows))
        cols = ", ".join(rows[0])
        con.execute(f"INSERT INTO events ({cols}) SELECT {cols} FROM new_events")
        con.unregister("new_events")
        con.execute(
            "UPDATE events SET doc_id = 'doc-1', sent_idx = 0, start_char = 0, end_char = 64, "
            "speaker_actor_id = 'person:vladimir-putin', speaker_text = 'Putin', "
            "quote = 'We want good relations with the United States.', cameo_code = '010' "
            "WHERE event_id = 'stmt1'"
        )
        con.execute(
            "INSERT INTO documents (doc_id, canonical_id, source, source_format, url, title, "
            "published, published_source, text, n_chars, ingested_at) VALUES ('doc-1', 'doc-1', "
            "'t.jsonl', 'jsonl', 'https://example.org/helsinki', 'Helsinki report', "
            "'2018-07-16', 'field', ?, ?, now())",
            [DOC_TEXT, len(DOC_TEXT)],
        )
        # an extracted meeting episode (as the meetings stage writes it) with a reaction
        con.execute(
            "INSERT INTO meetings (meeting_id, origin, title, start_date, end_date, city, "
            "country, format, status, rule) VALUES ('ep-1', 'extracted', 'Helsinki talks', "
            "'2018-07-16', '2018-07-16', 'Helsinki', 'FIN', 'summit', 'held', 'episodes:v1')"
        )
        con.execute(
            "INSERT INTO meeting_participants VALUES "
            "('ep-1', 'person:donald-trump', 'Donald Trump', 'head_of_state', 'USA'), "
            "('ep-1', 'person:vladimir-putin', 'Vladimir Putin', 'head_of_state', 'RUS')"
        )
        con.execute("INSERT INTO meeting_sources VALUES ('ep-1', 'stmt1')")
        con.execute(
            "INSERT INTO meeting_items (item_id, meeting_id, kind, actor_id, actor_name, text, "
            "origin, doc_id, sent_idx, start_char, end_char, rule) VALUES ('ep-1:r1', 'ep-1', "
            "'reaction', 'GBR', 'United Kingdom', 'London welcomed the talks.', 'extracted', "
            "'doc-1', 1, 65, 84, 'reactions:v1')"
        )
    b = build_briefing(store, leaders("Donald Trump", "Vladimir Putin"), n_boot=300, n_placebo=100)
    # the extracted episode of the Helsinki summit is linked to the curated card, not a card
    # of its own; its data stay its own (own citation, own reaction, own source label)
    assert not any(c.meeting.meeting_id == "ep-1" for c in b.cards)
    card = next(c for c in b.cards if c.meeting.meeting_id == "kp-2018-07-16-helsinki")
    assert card.origins == ["curated", "extracted"] and card.differences == []
    ep = card.linked[0]
    assert ep.meeting.meeting_id == "ep-1"
    assert ep.meeting.origin == "extracted" and ep.place == "Helsinki, Finland"
    doc = b.references[ep.ref - 1]
    assert doc.label.startswith("example.org (document in the store), 16 July 2018: Helsinki")
    assert "sentence 0, characters 0–64" in doc.locators
    assert ep.reactions[0].text == "United Kingdom: “London welcomed the talks.”"
    assert ep.reactions[0].refs == [ep.ref]  # the same document: one reference
    assert "sentence 1, characters 65–84" in doc.locators
    # the same encounter in two sources (curated and extracted) is measured once
    m = b.impact.measured
    assert sum(1 for r in m.impact.rows if r["date"] == HELSINKI) == 3 * 4
    assert m.available and len(m.index.rows) == 12
    helsinki = [c for c in m.claims if "Helsinki" in c.text and "30 days" in c.text]
    assert len(helsinki) == 1 and "larger than at comparable dates" in helsinki[0].text
    ref = b.references[helsinki[0].refs[0] - 1]
    assert ref.origin == "analysis" and "gdelt2 (imported)" in ref.label
    # calls in 2017 lie outside the data: said once in the data-limits box, not a number
    limit = next(g for g in b.limits if "Too few events" in g)
    assert "28 Jan 2017" in limit
    putin = b.statements["Vladimir Putin"]
    assert putin and "We want good relations" in putin[0].text
    doc_ref = b.references[putin[0].refs[0] - 1]
    assert doc_ref.origin == "extracted" and "sentence 0, characters 0–64" in doc_ref.locators
    assert doc_ref.url == "https://example.org/helsinki"
    assert any("Russia" in c.text and "all other actors" in c.text for c in m.third_party_claims)
    assert any("Read together" in c.text for c in b.bottom_line)
    html, md = render_html(b), render_md(b)
    assert html.count('<div class="card"') == len(b.cards)
    assert 'id="ep-1"' in html and "Also recorded by the extracted source" in html
    assert "Also recorded by the extracted source** (ep-1)" in md
    assert "95% interval" in html and "larger than usual" in html and "placebo" in html.lower()
    assert {"impact", "index"} <= set(b.charts) and "Relationship index" in md
    assert html.count('class="limits"') == 1
    # restricting to curated sources drops the measured part again
    only_curated = build_briefing(
        store, leaders("Trump", "Putin"), sources=["curated"], n_boot=50, n_placebo=20
    )
    assert not only_curated.impact.measured.available
    assert not only_curated.impact.measured.claims
    assert only_curated.statements["Vladimir Putin"] == []


def _episode(con, mid: str, start: str, end: str, city: str, fmt: str = "summit") -> None:
    con.execute(
        "INSERT INTO meetings (meeting_id, origin, title, start_date, end_date, city, country, "
        "format, status, rule) VALUES (?, 'extracted', 'talks', ?, ?, ?, NULL, ?, 'held', 'ep')",
        [mid, start, end, city, fmt],
    )
    con.execute(
        "INSERT INTO meeting_participants VALUES "
        "(?, 'person:donald-trump', 'Donald Trump', 'head_of_state', 'USA'), "
        "(?, 'person:vladimir-putin', 'Vladimir Putin', 'head_of_state', 'RUS')",
        [mid, mid],
    )


def test_linking_curated_and_extracted_records_of_one_encounter(store):
    """Same pair, dates overlapping within one day, both in person (or both calls): one card
    showing both sources, with any disagreement stated; anything else stays separate."""
    ensure_knowledge_pack(store)
    with store.transaction() as con:
        _episode(con, "ep-anc", "2025-08-16", "2025-08-16", "Anchorage")  # one day off: linked
        _episode(con, "ep-far", "2025-08-20", "2025-08-20", "Anchorage")  # 5 days off: own card
        _episode(con, "ep-call", "2025-08-15", "2025-08-15", None, "call")  # a call, not the summit
        _episode(con, "ep-call2", "2025-03-18", "2025-03-18", None, "call")  # the 18 March call
    d = leaders("Donald Trump", "Vladimir Putin")
    b = build_briefing(store, d, n_boot=50, n_placebo=20)
    by_id = {r.meeting.meeting_id: c for c in b.cards for r in c.records}
    anc = by_id["ep-anc"]
    assert anc.meeting.meeting_id == "kp-2025-08-15-anchorage" and anc.origins == [
        "curated",
        "extracted",
    ]
    assert anc.linked[0].date_text == "16 August 2025" and anc.date_text == "15 August 2025"
    diffs = " ".join(x.text for x in anc.differences)
    assert "15 August 2025 (curated record) versus 16 August 2025 (extracted record)" in diffs
    assert all(set(x.refs) == {anc.ref, anc.linked[0].ref} for x in anc.differences)
    assert by_id["ep-far"].meeting.meeting_id == "ep-far" and by_id["ep-far"].linked == []
    assert by_id["ep-call"].meeting.meeting_id == "ep-call"
    assert by_id["ep-call2"].meeting.meeting_id == "kp-2025-03-18-call"
    # one card per encounter: 2 records linked into curated cards, 2 left on their own
    n_curated = sum(1 for c in b.cards for r in c.records if r.meeting.origin == "curated")
    assert len(b.cards) == n_curated + 2
    # the PDF shows the linked record and the disagreement too
    import io
    import re

    from pypdf import PdfReader

    from summitry.report import render_pdf

    pdf = PdfReader(io.BytesIO(render_pdf(b)))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pdf.pages))
    assert "Also recorded by the extracted source (ep-anc)" in text
    assert "The sources differ on the dates" in text
    # restricted to extracted records there is nothing to link: each is its own card
    only = build_briefing(store, d, sources=["extracted"], n_boot=50, n_placebo=20)
    assert sorted(c.meeting.meeting_id for c in only.cards) == [
        "ep-anc",
        "ep-call",
        "ep-call2",
        "ep-far",
    ]
    assert all(c.origins == ["extracted"] for c in only.cards)
