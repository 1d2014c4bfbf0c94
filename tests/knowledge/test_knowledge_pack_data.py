"""The shipped knowledge pack: sources on every row, valid dates, no duplicates, spot checks."""

from __future__ import annotations

import csv
import importlib.util
import shutil
from datetime import date
from pathlib import Path

import pytest

from summitry.knowledge import KnowledgePackError, read_pack
from summitry.knowledge.pack import default_pack_dir

PACK_DIR = Path(str(default_pack_dir()))
CSV_FILES = [
    "leaders.csv",
    "meetings.csv",
    "meeting_items.csv",
    "treaties.csv",
    "treaty_actions.csv",
    "positions.csv",
    "impact_facts.csv",
]
TRUMP, PUTIN = "person:donald-trump", "person:vladimir-putin"


@pytest.fixture(scope="module")
def pack():
    return read_pack()


@pytest.mark.parametrize("fname", CSV_FILES)
def test_knowledge_every_row_has_a_source_url(fname):
    with (PACK_DIR / fname).open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows, f"{fname} is empty"
    for n, row in enumerate(rows, start=2):
        url = (row.get("source_url") or "").strip()
        assert url.startswith(("http://", "https://")) and " " not in url, f"{fname} line {n}"


def test_knowledge_dates_are_valid_and_not_after_as_of(pack):
    as_of = pack.as_of
    assert as_of is not None
    for m in pack.meetings:
        if m.status == "held":
            assert m.start_date is not None and m.end_date is not None, m.meeting_id
            assert m.start_date <= m.end_date <= as_of, m.meeting_id
            assert m.start_date >= date(1943, 1, 1), m.meeting_id
    for it in pack.items:
        assert it.item_date is None or it.item_date <= as_of
    for a in pack.treaty_actions:
        assert date(1945, 1, 1) <= a.action_date <= as_of, (a.treaty_id, a.action)


def test_knowledge_no_overlapping_duplicates(pack):
    held = [m for m in pack.meetings if m.start_date is not None]
    for i, a in enumerate(held):
        for b in held[i + 1 :]:
            if set(a.participants) != set(b.participants):
                continue
            overlap = a.start_date <= b.end_date and b.start_date <= a.end_date
            assert not overlap, f"{a.meeting_id} overlaps {b.meeting_id}"


def test_knowledge_participants_hold_office_on_the_date(pack):
    for m in pack.meetings:
        on = m.start_date or next(i.item_date for i in pack.items if i.meeting_id == m.meeting_id)
        for p in m.participants:
            assert pack.role_on(p, on) is not None, (m.meeting_id, p, on)


def _one(pack, **want):
    found = [m for m in pack.meetings if all(getattr(m, k) == v for k, v in want.items())]
    assert len(found) == 1, want
    return found[0]


def test_knowledge_spot_checks(pack):
    helsinki = _one(pack, start_date=date(2018, 7, 16), city="Helsinki")
    assert (helsinki.format, helsinki.status, helsinki.country) == ("summit", "held", "FIN")
    assert set(helsinki.participants) == {TRUMP, PUTIN}

    reykjavik = _one(pack, city="Reykjavik")
    assert (reykjavik.start_date, reykjavik.end_date) == (date(1986, 10, 11), date(1986, 10, 12))
    assert set(reykjavik.participants) == {"person:ronald-reagan", "person:mikhail-gorbachev"}

    actions = {(a.treaty_id, a.action, a.action_date, a.actor) for a in pack.treaty_actions}
    assert ("new_start", "signed", date(2010, 4, 8), "USA;RUS") in actions
    prague = _one(pack, start_date=date(2010, 4, 8))
    assert prague.city == "Prague" and prague.country == "CZE"
    assert any(i.meeting_id == prague.meeting_id and i.value == "treaty_signed" for i in pack.items)
    assert ("inf", "entered_into_force", date(1988, 6, 1), "USA;SUN") in actions
    assert ("inf", "withdrawn", date(2019, 8, 2), "USA") in actions
    assert ("new_start", "expired", date(2026, 2, 5), "USA;RUS") in actions
    assert ("abm", "withdrawn", date(2002, 6, 13), "USA") in actions
    assert ("new_start", "entered_into_force", date(2011, 2, 5), "USA;RUS") in actions
    assert ("new_start", "extended", date(2021, 2, 3), "USA;RUS") in actions
    assert ("new_start", "suspended", date(2023, 2, 21), "RUS") in actions
    assert ("open_skies", "withdrawn", date(2020, 11, 22), "USA") in actions
    assert ("open_skies", "withdrawn", date(2021, 12, 18), "RUS") in actions
    assert ("start1", "entered_into_force", date(1994, 12, 5), "USA;RUS;UKR;BLR;KAZ") in actions
    assert ("ctbt", "ratification_withdrawn", date(2023, 11, 2), "RUS") in actions
    assert ("salt2", "signed", date(1979, 6, 18), "USA;SUN") in actions
    anchorage = _one(pack, start_date=date(2025, 8, 15), format="summit")
    assert anchorage.city == "Anchorage" and "Elmendorf" in (anchorage.notes or "")
    # no row cites the same low-grade aggregators as before
    urls = [m.source_url for m in pack.meetings] + [a.source_url for a in pack.treaty_actions]
    assert not any("mdfy.news" in u or "odessa-journal" in u for u in urls)


def test_knowledge_trump_putin_in_person_meetings(pack):
    tp = [m for m in pack.meetings if set(m.participants) == {TRUMP, PUTIN}]
    in_person = {(m.start_date, m.city, m.format, m.status) for m in tp if m.format != "call"}
    assert in_person == {
        (date(2017, 7, 7), "Hamburg", "sideline", "held"),
        (date(2017, 11, 10), "Da Nang", "informal", "held"),
        (date(2018, 7, 16), "Helsinki", "summit", "held"),
        (date(2018, 11, 11), "Paris", "informal", "held"),
        (date(2018, 11, 30), "Buenos Aires", "informal", "held"),
        (date(2019, 6, 28), "Osaka", "sideline", "held"),
        (date(2025, 8, 15), "Anchorage", "summit", "held"),
        (None, "Budapest", "summit", "cancelled"),
    }
    calls = {m.start_date for m in tp if m.format == "call"}
    assert {
        date(2017, 11, 21),
        date(2025, 2, 12),
        date(2025, 3, 18),
        date(2025, 5, 19),
        date(2025, 8, 18),
        date(2025, 10, 16),
    } <= calls
    # Buenos Aires: one episode whose status history runs planned -> cancelled -> held
    ba = _one(pack, city="Buenos Aires")
    history = [i.value for i in pack.items if i.meeting_id == ba.meeting_id and i.kind == "status"]
    assert history == ["planned", "cancelled", "held"]
    budapest = _one(pack, city="Budapest")
    history = [
        (i.value, i.item_date)
        for i in pack.items
        if i.meeting_id == budapest.meeting_id and i.kind == "status"
    ]
    assert history[0] == ("planned", date(2025, 10, 16)) and history[-1][0] == "cancelled"


def test_knowledge_agrees_with_shared_reference(shared_dir):
    """Each confirmed in-person meeting of the shared reference list is in the pack."""
    pack = read_pack()
    ours = {
        m.start_date
        for m in pack.meetings
        if set(m.participants) == {TRUMP, PUTIN} and m.status == "held"
    }
    with (shared_dir / "reference" / "trump_putin_meetings.csv").open(encoding="utf-8") as fh:
        ref = [r for r in csv.DictReader(fh) if r["confirmed"] == "yes"]
    assert ref
    for r in ref:
        assert date.fromisoformat(r["start_date"]) in ours, r["start_date"]


def test_knowledge_leader_ids_exist_in_actor_kb(pack):
    if importlib.util.find_spec("summitry.actors") is None:
        pytest.skip("summitry.actors (the actor KB) is not in this tree yet")
    from summitry.actors import ActorKB

    kb = ActorKB.load()
    missing = sorted({t.person_id for t in pack.leaders if kb.get(t.person_id) is None})
    assert not missing, f"person ids not in the actor KB: {missing}"


def _copy_pack(tmp_path: Path) -> Path:
    dest = tmp_path / "pack"
    shutil.copytree(PACK_DIR, dest, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_knowledge_bad_date_names_file_line_and_field(tmp_path):
    pack_dir = _copy_pack(tmp_path)
    _edit(pack_dir / "meetings.csv", "1986-10-12,Reykjavik", "1986-13-12,Reykjavik")
    with pytest.raises(KnowledgePackError) as err:
        read_pack(pack_dir)
    msg = str(err.value)
    assert msg.startswith("meetings.csv line ") and "field end_date" in msg and "ISO date" in msg
    line = int(msg.split("line ")[1].split(",")[0])
    assert "1986-13-12" in (pack_dir / "meetings.csv").read_text().splitlines()[line - 1]


def test_knowledge_missing_source_url_is_rejected(tmp_path):
    pack_dir = _copy_pack(tmp_path)
    _edit(
        pack_dir / "treaty_actions.csv",
        ",https://en.wikipedia.org/wiki/Treaty_on_Open_Skies\nopen_skies,entered",
        ",\nopen_skies,entered",
    )
    with pytest.raises(KnowledgePackError, match=r"treaty_actions.csv line \d+, field source_url"):
        read_pack(pack_dir)


def test_knowledge_unknown_participant_is_rejected(tmp_path):
    pack_dir = _copy_pack(tmp_path)
    _edit(
        pack_dir / "meetings.csv",
        'person:joe-biden;person:vladimir-putin,yes,"About two',
        'person:joe-bidden;person:vladimir-putin,yes,"About two',
    )
    with pytest.raises(KnowledgePackError, match="field participants.*joe-bidden"):
        read_pack(pack_dir)
