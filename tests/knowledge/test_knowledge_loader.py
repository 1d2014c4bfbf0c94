"""Loading the knowledge pack into a real DuckDB store: rows, idempotence, versioned replace."""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from summitry.cli import app
from summitry.knowledge import (
    curated_meetings,
    ensure_knowledge_pack,
    load_knowledge_pack,
    read_pack,
    treaty_timeline,
)
from summitry.knowledge.pack import CuratedMeeting, default_pack_dir
from summitry.store import Store

TABLES = [
    "meetings",
    "knowledge_meetings",
    "meeting_participants",
    "meeting_items",
    "events",
    "meeting_sources",
    "treaties",
    "treaty_actions",
    "knowledge_packs",
]
TRUMP, PUTIN = "person:donald-trump", "person:vladimir-putin"


def _dump(store) -> dict[str, list]:
    return {
        t: sorted(map(repr, store.con.execute(f'SELECT * FROM "{t}"').fetchall())) for t in TABLES
    }


def _pack_copy(tmp_path: Path, version: int) -> Path:
    dest = tmp_path / f"pack-v{version}"
    shutil.copytree(
        Path(str(default_pack_dir())), dest, ignore=shutil.ignore_patterns("__pycache__")
    )
    manifest = json.loads((dest / "pack.json").read_text())
    manifest["version"] = version
    (dest / "pack.json").write_text(json.dumps(manifest))
    return dest


def _drop_meeting(pack_dir: Path, meeting_id: str) -> None:
    for name in ("meetings.csv", "meeting_items.csv", "positions.csv"):
        path = pack_dir / name
        lines = path.read_text().splitlines(keepends=True)
        path.write_text("".join(ln for ln in lines if not ln.startswith(meeting_id + ",")))


def test_knowledge_load_writes_curated_rows(store):
    pack = read_pack()
    summary = load_knowledge_pack(store)
    assert summary.loaded and summary.version == pack.version
    assert store.count("meetings") == len(pack.meetings) == summary.meetings
    assert store.count("treaty_actions") == len(pack.treaty_actions)
    con = store.con
    assert con.execute("SELECT DISTINCT origin FROM meetings").fetchall() == [("curated",)]
    assert con.execute("SELECT count(*) FROM meetings WHERE source_url IS NULL").fetchone()[0] == 0
    assert (
        con.execute(
            "SELECT count(*) FROM meeting_items WHERE source_url IS NULL OR origin <> 'curated'"
        ).fetchone()[0]
        == 0
    )

    helsinki = con.execute(
        "SELECT e.cameo_code, e.modality, e.plover_type, e.plover_mode, e.source_actor_id, "
        "e.target_actor_id, e.location_iso3, e.origin, e.dataset, e.goldstein, e.source_url "
        "FROM events e JOIN meeting_sources s USING (event_id) "
        "WHERE s.meeting_id = 'kp-2018-07-16-helsinki'"
    ).fetchall()
    assert helsinki == [
        (
            "044",
            "asserted",
            "CONSULT",
            "third-party",
            TRUMP,
            PUTIN,
            "FIN",
            "curated",
            "knowledge-pack",
            2.5,
            "https://en.wikipedia.org/wiki/2018_Russia%E2%80%93United_States_summit",
        )
    ]
    anchorage = con.execute(
        "SELECT cameo_code, source_actor_id, target_actor_id FROM events "
        "WHERE dataset_row_id = 'kp-2025-08-15-anchorage'"
    ).fetchall()
    assert anchorage == [("042", PUTIN, TRUMP)]  # Putin visits; Trump hosts
    calls = con.execute(
        "SELECT DISTINCT e.cameo_code, e.plover_mode FROM events e JOIN meetings m "
        "ON m.meeting_id = e.dataset_row_id WHERE m.format = 'call'"
    ).fetchall()
    assert calls == [("041", "phone")]
    # planned/cancelled episodes are not events
    assert (
        con.execute(
            "SELECT count(*) FROM events WHERE dataset_row_id = 'kp-2025-10-budapest'"
        ).fetchone()[0]
        == 0
    )
    lat, lon = con.execute(
        "SELECT lat, lon FROM meetings WHERE meeting_id = 'kp-1986-10-11-reykjavik'"
    ).fetchone()
    assert abs(lat - 64.1) < 0.2 and abs(lon + 21.9) < 0.2
    roles = dict(
        con.execute(
            "SELECT meeting_id || ' ' || actor_id, role FROM meeting_participants"
        ).fetchall()
    )
    assert roles["kp-1989-12-02-malta person:mikhail-gorbachev"] == "party_leader"
    assert roles["kp-1990-05-31-washington person:mikhail-gorbachev"] == "head_of_state"
    assert roles["kp-1999-09-12-auckland person:vladimir-putin"] == "head_of_government"
    assert roles["kp-1988-12-07-governors-island person:george-h-w-bush"] == "vice_president"


def test_knowledge_reload_same_version_changes_nothing(tmp_path):
    path = tmp_path / "kp.duckdb"
    with Store(path) as store:
        assert load_knowledge_pack(store).loaded
        before = _dump(store)
    with Store(path) as store:  # a fresh connection to the same file
        again = load_knowledge_pack(store)
        assert not again.loaded and "already loaded" in again.message
        assert not ensure_knowledge_pack(store).loaded
        assert _dump(store) == before


def test_knowledge_newer_version_replaces_curated_rows_only(tmp_path, store):
    load_knowledge_pack(store)
    # rows of other origins must survive a pack replacement
    store.con.execute(
        "INSERT INTO meetings (meeting_id, origin, format, status, rule) "
        "VALUES ('m-extracted-1', 'extracted', 'summit', 'held', 'episodes:v1')"
    )
    store.con.execute(
        "INSERT INTO meeting_items (item_id, meeting_id, kind, origin, rule) VALUES "
        "('x-1', 'kp-2018-07-16-helsinki', 'statement', 'extracted', 'coder:v1')"
    )
    shipped = read_pack().version
    v2 = _pack_copy(tmp_path, shipped + 1)
    _drop_meeting(v2, "kp-2025-12-29-call")
    summary = load_knowledge_pack(store, path=v2)
    assert summary.loaded and summary.previous_version == shipped
    assert summary.version == shipped + 1
    con = store.con
    assert con.execute("SELECT version FROM knowledge_packs").fetchall() == [(shipped + 1,)]
    assert con.execute(
        "SELECT DISTINCT rule FROM meetings WHERE origin = 'curated'"
    ).fetchall() == [(f"knowledge-pack:v{shipped + 1}",)]
    ids = {r[0] for r in con.execute("SELECT meeting_id FROM meetings").fetchall()}
    assert "kp-2025-12-29-call" not in ids and "m-extracted-1" in ids
    assert (
        con.execute(
            "SELECT count(*) FROM events WHERE dataset_row_id = 'kp-2025-12-29-call'"
        ).fetchone()[0]
        == 0
    )
    kept = con.execute("SELECT count(*) FROM meeting_items WHERE item_id = 'x-1'").fetchone()
    assert kept == (1,)
    # the shipped (older) pack does not downgrade the store
    back = ensure_knowledge_pack(store)
    assert not back.loaded and "newer" in back.message


def test_knowledge_failed_replace_leaves_store_unchanged(tmp_path, store):
    load_knowledge_pack(store)
    shipped = read_pack().version
    v2 = _pack_copy(tmp_path, shipped + 1)
    # an unrelated event already uses the id the new pack would give Helsinki's event:
    # the insert fails half-way and the whole replacement must roll back
    store.con.execute(
        "UPDATE events SET dataset = 'other' WHERE dataset_row_id = 'kp-2018-07-16-helsinki'"
    )
    before = _dump(store)
    with pytest.raises(duckdb.ConstraintException):
        load_knowledge_pack(store, path=v2)
    assert _dump(store) == before
    assert store.con.execute("SELECT version FROM knowledge_packs").fetchall() == [(shipped,)]


def test_knowledge_queries(store):
    ensure_knowledge_pack(store)
    tp = curated_meetings(store, (TRUMP, PUTIN))
    assert tp and all({TRUMP, PUTIN} <= set(m.participants) for m in tp)
    starts = [m.start_date for m in tp if m.start_date]
    assert starts == sorted(starts) and date(2025, 8, 15) in starts
    ba = next(m for m in tp if m.city == "Buenos Aires")
    assert [i.value for i in ba.items if i.kind == "status"] == ["planned", "cancelled", "held"]
    assert len(curated_meetings(store)) > len(tp)
    timeline = treaty_timeline(store)
    assert [(a.treaty_id, a.action) for a in timeline][:2] == [
        ("abm", "signed"),
        ("salt1", "signed"),
    ]
    assert all(isinstance(a.action_date, date) for a in timeline)


def test_stored_meetings_are_the_packs_meetings_read_back(store):
    """One meeting type: a row read back is the pack's CuratedMeeting, plus roles, items
    and origin."""
    ensure_knowledge_pack(store)
    pack = {m.meeting_id: m for m in read_pack().meetings}
    rows = curated_meetings(store)
    assert rows and all(isinstance(m, CuratedMeeting) for m in rows)
    for m in rows:
        assert len(m.roles) == len(m.participants) and m.origin == "curated"
        curated = pack[m.meeting_id]
        assert (m.title, m.start_date, m.format) == (
            curated.title,
            curated.start_date,
            curated.format,
        )
        assert set(m.participants) >= set(curated.participants) - {""}


def test_knowledge_cli_load_and_show(tmp_path):
    db = str(tmp_path / "cli.duckdb")
    runner = CliRunner()
    first = runner.invoke(app, ["--db", db, "knowledge", "load"])
    assert first.exit_code == 0, first.output
    assert f"loaded -> knowledge-pack:v{read_pack().version}" in first.output
    second = runner.invoke(app, ["--db", db, "knowledge", "load"])
    assert second.exit_code == 0 and "nothing to do" in second.output
    shown = runner.invoke(
        app,
        ["--db", db, "knowledge", "show", "--between", "Donald Trump", "Putin"],
        env={"COLUMNS": "250"},
    )
    assert shown.exit_code == 0, shown.output
    assert "Anchorage" in shown.output and "Helsinki" in shown.output
    assert "Reykjavik" not in shown.output
    bad = runner.invoke(app, ["--db", db, "knowledge", "show", "--between", "Nobody", "Putin"])
    assert bad.exit_code == 1 and "Nobody" in bad.output


def test_knowledge_show_source_filter_labels_each_row(tmp_path):
    db = tmp_path / "src.duckdb"
    store = Store(db)
    load_knowledge_pack(store)
    with store.transaction() as con:
        con.execute(
            "INSERT INTO meetings (meeting_id, origin, title, start_date, end_date, city, "
            "country, format, status, rule) VALUES ('ep-x', 'extracted', 'Episode X', "
            "'2018-07-16', '2018-07-16', 'Helsinki', 'FIN', 'summit', 'held', 'episodes:v1')"
        )
        con.execute(
            "INSERT INTO meeting_participants VALUES "
            "('ep-x', 'person:donald-trump', 'Donald Trump', 'head_of_state', 'USA'), "
            "('ep-x', 'person:vladimir-putin', 'Vladimir Putin', 'head_of_state', 'RUS')"
        )
    store.close()
    runner = CliRunner()
    env = {"COLUMNS": "300"}

    def show(*args):
        res = runner.invoke(
            app,
            ["--db", str(db), "knowledge", "show", "--between", "Trump", "Putin", *args],
            env=env,
        )
        assert res.exit_code == 0, res.output
        return res.output

    both = show()
    assert "Episode X" in both and "extracted" in both and "Anchorage" in both
    assert "curated" in both and "sources: extracted, imported, curated" in both
    only_x = show("--source", "extracted")
    assert "Episode X" in only_x and "Anchorage" not in only_x and " curated " not in only_x
    only_c = show("--source", "curated")
    assert "Episode X" not in only_c and "Anchorage" in only_c
    two = show("--source", "extracted", "--source", "curated")
    assert "Episode X" in two and "Anchorage" in two
    bad = runner.invoke(app, ["--db", str(db), "knowledge", "show", "--source", "web"])
    assert bad.exit_code == 1 and "--source 'web': expected one of" in bad.output
    res = runner.invoke(
        app, ["--db", str(db), "knowledge", "show", "--treaties", "--source", "extracted"]
    )
    assert res.exit_code == 1 and "curated only" in res.output


def test_knowledge_loaded_at_is_recorded(store):
    load_knowledge_pack(store)
    loaded_at, as_of = store.con.execute("SELECT loaded_at, as_of FROM knowledge_packs").fetchone()
    assert isinstance(loaded_at, datetime) and as_of == read_pack().as_of


def test_knowledge_store_made_before_the_pack_tables_gets_them(store):
    store.con.execute("DROP TABLE knowledge_packs; DROP TABLE knowledge_meetings")
    assert ensure_knowledge_pack(store).loaded
    assert store.count("knowledge_meetings") == store.count("meetings")


def test_resolve_person_asks_the_actors_kb():
    from summitry.knowledge import resolve_person

    assert resolve_person("Vladimir Putin") == "person:vladimir-putin"
    assert resolve_person("Putin") == "person:vladimir-putin"
    assert resolve_person("Erdoğan's") == "person:recep-tayyip-erdogan"
    assert resolve_person("Trump") == "person:donald-trump"  # the pack's leader of that name
    assert resolve_person("person:anyone") == "person:anyone"
    assert resolve_person("Jane Roe") is None
