"""The top-level Python API mirrors the command line on a real store."""

from __future__ import annotations

from pathlib import Path

import summitry


def test_brief_writes_the_briefing_from_the_pack(tmp_path: Path) -> None:
    store = summitry.open_store(tmp_path / "api.duckdb")
    paths = summitry.brief(
        store, "Donald Trump", "Vladimir Putin", formats=("html", "md"), out=tmp_path / "b.html"
    )
    assert [p.name for p in paths] == ["b.html", "b.md"]
    md = (tmp_path / "b.md").read_text(encoding="utf-8")
    assert "Helsinki" in md and "Anchorage" in md  # curated meetings from the knowledge pack
    assert store.count("meetings") > 0  # the pack was loaded into the store


def test_meetings_builds_episodes_and_lists_them(tmp_path: Path) -> None:
    store = summitry.open_store(tmp_path / "api.duckdb")
    summitry.brief(store, "USA", "RUS", countries=True, formats=("md",), out=tmp_path / "c.md")
    rows = summitry.find_meetings(store, between=("Donald Trump", "Vladimir Putin"))
    helsinki = [m for m in rows if str(m["start_date"]) == "2018-07-16"]
    assert helsinki, [m["start_date"] for m in rows]
    key = store.con.execute("SELECT value FROM meta WHERE key = 'meetings.fingerprint'").fetchone()
    assert key is not None  # the build was recorded, so the next call does not rebuild


def test_ingest_and_code_are_exposed(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(
        "MOSCOW, Nov 21, 2017 - Vladimir Putin spoke by phone with Donald Trump on Tuesday.\n",
        encoding="utf-8",
    )
    store = summitry.open_store(tmp_path / "api.duckdb")
    summary = summitry.ingest(store, [doc])
    assert store.count("documents") == 1, summary
    coded = summitry.code(store)
    assert coded.documents == 1
