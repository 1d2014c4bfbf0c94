"""Writing the KB into the store (idempotent) and the ``summitry actors`` command."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from summitry.actors import ActorKB, write_actors_to_store
from summitry.cli import app


def test_write_actors_to_store_is_idempotent(store):
    kb = ActorKB.load()
    n1 = write_actors_to_store(store, kb)
    n2 = write_actors_to_store(store, kb)
    assert n1 == n2
    count = store.con.execute("SELECT count(*) FROM actors").fetchone()[0]
    roles = store.con.execute("SELECT count(*) FROM actor_roles").fetchone()[0]
    assert (count, roles) == n1
    row = store.con.execute(
        "SELECT a.name, r.start_date::VARCHAR, r.source_url "
        "FROM actor_roles r JOIN actors a USING (actor_id) "
        "WHERE r.role = 'head_of_state' AND r.iso3 = 'USA' AND DATE '2018-07-16' >= r.start_date "
        "AND (r.end_date IS NULL OR DATE '2018-07-16' < r.end_date)"
    ).fetchall()
    assert row == [
        (
            "Donald Trump",
            "2017-01-20",
            "https://en.wikipedia.org/wiki/List_of_presidents_of_the_United_States",
        )
    ]


def test_cli_who_and_list(tmp_path):
    runner = CliRunner()
    r = runner.invoke(
        app, ["actors", "who", "the U.S. president", "--on", "2018-07-16", "--format", "json"]
    )
    assert r.exit_code == 0, r.output
    got = json.loads(r.output)
    assert [(g["actor_id"], g["rule"]) for g in got] == [
        ("person:donald-trump", "title:head_of_state")
    ]
    r = runner.invoke(app, ["actors", "who", "John Smith"])
    assert r.exit_code == 1 and "unresolved" in r.output
    r = runner.invoke(
        app,
        [
            "actors",
            "--role",
            "head_of_state",
            "--country",
            "USA",
            "--on",
            "2022-03-01",
            "--format",
            "csv",
        ],
    )
    assert r.exit_code == 0, r.output
    lines = r.output.strip().splitlines()
    assert (
        lines[0].startswith("actor_id,name") and len(lines) == 2 and "person:joe-biden" in lines[1]
    )
    r = runner.invoke(app, ["actors", "--on", "2018-13-01"])
    assert r.exit_code != 0
    bad = tmp_path / "bad.csv"
    bad.write_text("actor_id,name\n,X\n", encoding="utf-8")
    r = runner.invoke(app, ["actors", "who", "Putin", "--actors", str(bad)])
    assert r.exit_code != 0


def test_cli_store_command(tmp_path):
    db = tmp_path / "s.duckdb"
    runner = CliRunner()
    for _ in range(2):
        r = runner.invoke(app, ["--db", str(db), "actors", "store"])
        assert r.exit_code == 0, r.output
        assert "wrote" in r.output
