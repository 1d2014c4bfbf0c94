"""Knowledge pack v3: the source policy, positions, impact facts, and the mended facts."""

from __future__ import annotations

import csv
import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from summitry.knowledge import KnowledgePackError, load_knowledge_pack, read_pack
from summitry.knowledge.pack import default_pack_dir
from summitry.knowledge.sources import rule_for
from summitry.store import Store

PACK_DIR = Path(str(default_pack_dir()))
TRUMP, PUTIN, BIDEN = "person:donald-trump", "person:vladimir-putin", "person:joe-biden"
MANIFEST = json.loads((PACK_DIR / "pack.json").read_text(encoding="utf-8"))
CITING = [f for f in MANIFEST["files"] if f not in ("sources.csv", "source_policy.csv")]


@pytest.fixture(scope="module")
def pack():
    return read_pack()


def _copy(tmp_path: Path) -> Path:
    dest = tmp_path / "pack"
    shutil.copytree(PACK_DIR, dest, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def _append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")


def _retarget_first_url(path: Path, new_url: str) -> str:
    """Point the first data row of ``path`` at ``new_url``; return the old URL."""
    lines = path.read_text(encoding="utf-8").splitlines()
    old = lines[1].rsplit(",", 1)[1]
    lines[1] = lines[1][: -len(old)] + new_url
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return old


# --- the source policy ----------------------------------------------------------------
@pytest.mark.parametrize(
    "url",
    [
        "https://trump.news-pravda.com/world/2025/02/12/56190.html",
        "https://news-pravda.com/world/2025/03/18/1155282.html",
        "https://eir.news/2025/12/news/x",
        "http://www.larouchepub.com/pr/2019/190801_trump_calls_putin.html",
        "https://sputnikglobe.com/20250614/x.html",
    ],
)
def test_pack_row_citing_a_refused_domain_is_refused(tmp_path, url):
    pack_dir = _copy(tmp_path)
    _retarget_first_url(pack_dir / "meetings.csv", url)
    with pytest.raises(KnowledgePackError) as err:
        read_pack(pack_dir)
    msg = str(err.value)
    assert msg.startswith("meetings.csv line 2, field source_url") and "refused domain" in msg


TASS = "https://tass.com/x"
TASS_SOURCE = ("sources.csv", "append", f"{TASS},TASS,2025-07-03,state_media,x")


def _tass_position(side: str) -> tuple[str, str, str]:
    row = f"kp-2025-07-03-call,{side},ukraine,refuses,Paraphrase.,,2025-07-03,{TASS}"
    return ("positions.csv", "append", row)


def _apply(pack_dir: Path, edits) -> None:
    for fname, op, text in edits:
        if op == "append":
            _append(pack_dir / fname, text)
        else:
            _retarget_first_url(pack_dir / fname, text)


@pytest.mark.parametrize(
    ("edits", "message"),
    [
        (
            [("sources.csv", "append", "https://www.theepochtimes.com/x,Epoch Times,,newspaper,x")],
            r"sources.csv line \d+, field url",
        ),
        (
            [("treaty_actions.csv", "retarget", "https://example.org/not-listed")],
            "has no row in sources.csv",
        ),
        ([("positions.csv", "retarget", "")], "positions.csv line 2, field source_url"),
        ([TASS_SOURCE, _tass_position(TRUMP)], "state media of RUS"),
        ([TASS_SOURCE, ("meetings.csv", "retarget", TASS)], "meetings.csv line 2.*state media"),
        ([("sources.csv", "append", f"{TASS},TASS,2025-07-03,wire,x")], "field source_type"),
    ],
    ids=["refused-in-sources", "unlisted", "no-source", "tass-us-side", "tass-meeting", "type"],
)
def test_pack_refuses_a_badly_sourced_row(tmp_path, edits, message):
    pack_dir = _copy(tmp_path)
    _apply(pack_dir, edits)
    with pytest.raises(KnowledgePackError, match=message):
        read_pack(pack_dir)


def test_state_media_backs_its_own_states_position(tmp_path):
    pack_dir = _copy(tmp_path)
    _apply(pack_dir, [TASS_SOURCE, _tass_position(PUTIN)])
    assert any(p.source_url == TASS for p in read_pack(pack_dir).positions)


def test_refused_rule_covers_subdomains_only_of_its_domain(pack):
    assert rule_for("https://usa.news-pravda.com/a", pack.policy).rule == "refused"
    assert rule_for("https://www.reuters.com/a", pack.policy) is None
    assert rule_for("https://notnews-pravda.com/a", pack.policy) is None


def test_no_pack_file_names_a_refused_domain_anywhere():
    """A raw scan, independent of the reader: no refused host in any cell of any file."""
    with (PACK_DIR / "source_policy.csv").open(encoding="utf-8") as fh:
        refused = [r["domain"] for r in csv.DictReader(fh) if r["rule"] == "refused"]
    for fname in [*CITING, "sources.csv"]:
        text = (PACK_DIR / fname).read_text(encoding="utf-8")
        for host in re.findall(r"https?://([^/\s,]+)", text):
            host = host.lower().removeprefix("www.")
            bad = [d for d in refused if host == d or host.endswith("." + d)]
            assert not bad, f"{fname}: {host}"


def test_every_source_row_is_cited_and_typed(pack):
    cited = {c.url for c in pack.citations}
    assert set(pack.sources) == cited
    by_type = {s.source_type for s in pack.sources.values()}
    assert {"official", "un", "wire", "newspaper", "reference"} <= by_type
    official = [s for s in pack.sources.values() if s.source_type == "official"]
    assert len(official) >= 40


# --- positions and impact facts: validation ------------------------------------------
@pytest.mark.parametrize(
    ("row", "field"),
    [
        ("kp-2025-07-03-call,person:joe-biden,ukraine,wants,x,,,https://x.org", "side"),
        ("kp-2025-07-03-call,person:donald-trump,weather,wants,x,,,https://x.org", "topic"),
        ("kp-2025-07-03-call,person:donald-trump,ukraine,hopes,x,,,https://x.org", "stance"),
        (f"kp-2025-07-03-call,{TRUMP},ukraine,wants,x,{'w ' * 26},,https://x.org", "quote"),
    ],
)
def test_bad_position_row_names_its_field(tmp_path, row, field):
    pack_dir = _copy(tmp_path)
    _append(pack_dir / "positions.csv", row)
    with pytest.raises(KnowledgePackError, match=rf"positions.csv line \d+, field {field}"):
        read_pack(pack_dir)


def test_impact_fact_with_an_unknown_meeting_is_refused(tmp_path):
    pack_dir = _copy(tmp_path)
    row = "x-1,unsc,veto,2020-01-01,,RUS,t,x,,kp-1900-01-01-nowhere,https://undocs.org/S/2014/189"
    _append(pack_dir / "impact_facts.csv", row)
    with pytest.raises(KnowledgePackError, match="field related_meetings"):
        read_pack(pack_dir)


# --- content: the mended facts ----------------------------------------------------------
def _meetings(pack, *people):
    return [m for m in pack.meetings if set(m.participants) >= set(people)]


def _topics(pack, meeting_id):
    return {i.topic for i in pack.items if i.meeting_id == meeting_id and i.topic}


def test_roosevelt_and_stalin_first_met_at_tehran(pack):
    rs = sorted(
        (m for m in _meetings(pack, "person:franklin-d-roosevelt", "person:joseph-stalin")),
        key=lambda m: m.start_date,
    )
    first = rs[0]
    assert (first.city, first.start_date, first.end_date) == (
        "Tehran",
        date(1943, 11, 28),
        date(1943, 12, 1),
    )
    assert rs[1].city == "Yalta"


def test_calls_missing_from_v2_are_present(pack):
    tp = {m.start_date for m in _meetings(pack, TRUMP, PUTIN) if m.format == "call"}
    assert {date(2017, 4, 3), date(2020, 4, 9), date(2020, 7, 23)} <= tp
    bp = {m.start_date: m for m in _meetings(pack, BIDEN, PUTIN)}
    assert {date(2021, 1, 26), date(2021, 4, 13), date(2021, 7, 9)} <= set(bp)
    video = bp[date(2021, 12, 7)]
    assert "video" in video.title.lower() and "video" in (video.occasion or "").lower()
    assert "phone" not in video.title.lower()


def test_trump_putin_calls_are_complete_and_officially_or_well_sourced(pack):
    calls = [m for m in _meetings(pack, TRUMP, PUTIN) if m.format == "call"]
    assert len([m for m in calls if m.start_date.year in (2017, 2018, 2019, 2020)]) == 16
    assert len([m for m in calls if m.start_date.year == 2025]) == 10  # the Kremlin's count
    for m in calls:
        assert pack.sources[m.source_url].source_type != "state_media", m.meeting_id


def test_topics_added_where_v2_had_none(pack):
    by_date = {m.start_date: m.meeting_id for m in _meetings(pack, TRUMP, PUTIN)}
    assert "north_korea" in _topics(pack, by_date[date(2017, 12, 14)])
    assert {"iran", "syria", "ukraine", "arms_control"} <= _topics(pack, by_date[date(2019, 6, 28)])
    for d in (date(2025, 3, 18), date(2025, 5, 19), date(2025, 6, 4), date(2025, 7, 3)):
        assert "ukraine" in _topics(pack, by_date[d]), d


def test_hamburg_notes_the_dinner_conversation(pack):
    hamburg = next(m for m in pack.meetings if m.city == "Hamburg")
    assert "dinner" in (hamburg.notes or "") and "hour" in (hamburg.notes or "")


def test_buenos_aires_is_the_30_november_dinner_with_a_dated_history(pack):
    ba = next(m for m in pack.meetings if m.city == "Buenos Aires")
    assert (ba.start_date, ba.end_date) == (date(2018, 11, 30), date(2018, 11, 30))
    history = [(i.value, i.item_date) for i in pack.items if i.meeting_id == ba.meeting_id]
    assert [v for v, _ in history] == ["planned", "cancelled", "held"]
    dates = [d for _, d in history]
    assert None not in dates and dates == sorted(dates)  # any date-ordered view keeps the order


def test_moscow_2009_visit_is_one_row_with_both_russian_leaders(pack):
    visit = [m for m in pack.meetings if m.start_date and m.start_date.year == 2009]
    moscow = [m for m in visit if m.city == "Moscow"]
    assert len(moscow) == 1
    assert {"person:dmitry-medvedev", PUTIN} <= set(moscow[0].participants)


def test_new_start_us_responses_and_actors_named(pack):
    acts = {(a.treaty_id, a.action_date): a for a in pack.treaty_actions}
    assert acts[("new_start", date(2025, 9, 22))].actor == "RUS"
    assert acts[("new_start", date(2025, 10, 5))].actor == "USA"
    assert acts[("new_start", date(2026, 2, 5))].action in {"expired", "proposal_rejected"}
    assert any(a.action == "proposal_rejected" and a.actor == "USA" for a in pack.treaty_actions)
    for a in pack.treaty_actions:
        if a.treaty_id == "open_skies" and a.action.startswith("withdraw"):
            assert a.note and ("United States" in a.note or "U.S." in a.note or "Russia" in a.note)


def test_positions_compare_both_sides(pack):
    sides = {(p.meeting_id, p.topic, p.side) for p in pack.positions}
    assert ("kp-2021-06-16-geneva", "arms_control", BIDEN) in sides
    assert ("kp-2021-06-16-geneva", "arms_control", PUTIN) in sides
    ukraine = [p for p in pack.positions if p.topic == "ukraine" and p.side == PUTIN]
    assert {p.stance for p in ukraine} >= {"accepts", "refuses"}
    for p in pack.positions:
        assert pack.sources[p.source_url].source_type in {"official", "wire", "newspaper"}


def test_impact_facts_cover_every_area_with_resolution_numbers(pack):
    areas = {f.area for f in pack.impact_facts}
    assert {"unsc", "sanctions", "expulsions", "prisoner_exchange", "ceasefire", "nato"} <= areas
    for f in pack.impact_facts:
        if f.area == "unsc":
            symbol = r"undocs\.org/S/(RES/\d+\(\d{4}\)|\d{4}/\d+)$"
            assert re.search(symbol, f.source_url), f.fact_id
            assert pack.sources[f.source_url].source_type == "un"
        if f.kind == "veto":
            assert "RUS" in f.actors or "CHN" in f.actors or "USA" in f.actors
    res = {f.fact_id: f for f in pack.impact_facts}
    assert res["unsc-2013-res2118"].start_date == date(2013, 9, 27)
    assert "kp-2013-09-06-st-petersburg" in res["unsc-2013-res2118"].related_meetings


# --- the loader --------------------------------------------------------------------------
def test_loader_writes_positions_impact_facts_and_sources(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        summary = load_knowledge_pack(store)
        pack = read_pack()
        assert (summary.positions, summary.impact_facts, summary.sources) == (
            len(pack.positions),
            len(pack.impact_facts),
            len(pack.sources),
        )
        con = store.con
        row = con.execute(
            "SELECT actor_id, actor_name, value, quote, origin, dataset_row_id FROM meeting_items "
            "WHERE kind = 'position' AND meeting_id = 'kp-2021-06-16-geneva' AND actor_id = ? "
            "AND topic = 'arms_control'",
            [PUTIN],
        ).fetchone()
        assert row[:3] == (PUTIN, "Vladimir Putin", "accepts")
        assert row[3] and row[4] == "curated" and row[5].startswith("positions.csv:")
        actors, related = con.execute(
            "SELECT actors, related_meetings FROM impact_facts WHERE fact_id = 'unsc-2013-res2118'"
        ).fetchone()
        assert actors == ["USA", "RUS"] and related == ["kp-2013-09-06-st-petersburg"]
        types = dict(
            con.execute("SELECT source_type, count(*) FROM knowledge_sources GROUP BY 1").fetchall()
        )
        assert types["official"] >= 40 and "state_media" not in types
        orphans = con.execute(
            "SELECT count(*) FROM meeting_items WHERE origin = 'curated' AND source_url NOT IN "
            "(SELECT url FROM knowledge_sources)"
        ).fetchone()[0]
        assert orphans == 0
        again = load_knowledge_pack(store)
        assert not again.loaded
