"""One command-line convention, on a real store holding the knowledge pack: every command
that writes a file takes ``-o/--out``; every listing takes ``--format
table|csv|json|jsonl|parquet`` (parquet to ``-o``); tables fit an 80-column terminal."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from summitry.cli import app

LISTINGS = {
    "events": ["events"],
    "meetings": ["meetings"],
    "actors": ["actors", "--country", "FIN"],
    "actors who": ["actors", "who", "the U.S. president", "--on", "2018-07-16"],
    "knowledge show": ["knowledge", "show", "--between", "Donald Trump", "Vladimir Putin"],
    "treaties": ["knowledge", "show", "--treaties"],
    "info": ["info"],
}
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store.duckdb"
    r = runner.invoke(app, ["--db", str(path), "knowledge", "load"])
    assert r.exit_code == 0, r.output
    return path


def _run(db: Path, args: list[str], columns: int = 80):
    return runner.invoke(app, ["--db", str(db), *args], env={"COLUMNS": str(columns)})


def _commands(group, prefix: tuple[str, ...] = ()):
    for name, cmd in group.commands.items():
        yield (*prefix, name), cmd
        if hasattr(cmd, "commands"):  # a group (typer's own click)
            yield from _commands(cmd, (*prefix, name))


def _all_commands():
    root = typer.main.get_command(app)
    return [(" ".join(path), cmd) for path, cmd in _commands(root)]


def test_every_command_that_writes_a_file_takes_o_and_out():
    writers = {}
    for path, cmd in _all_commands():
        for p in cmd.params:
            if p.name == "out":
                writers[path] = set(p.opts)
    assert {"brief", "export", "events", "coder train", "meetings"} <= set(writers)
    assert {path for path, opts in writers.items() if opts != {"-o", "--out"}} == set()


def test_every_listing_takes_the_five_formats():
    commands = dict(_all_commands())
    for name in ("events", "meetings", "actors", "actors who", "knowledge show", "info"):
        params = {p.name: p for p in commands[name].params}
        assert "out" in params and "fmt" in params, name
        assert params["fmt"].opts == ["--format"], name
        assert "table|csv|json|jsonl|parquet" in (params["fmt"].help or ""), name


def _rows(fmt: str, text: str) -> list[dict]:
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(text)))
    if fmt == "json":
        return json.loads(text)
    return [json.loads(line) for line in text.splitlines()]


@pytest.mark.parametrize("name", sorted(LISTINGS))
def test_each_listing_in_each_format(db, tmp_path, name):
    args = LISTINGS[name]
    counts = {}
    for fmt in ("csv", "json", "jsonl"):
        r = _run(db, [*args, "--format", fmt])
        assert r.exit_code == 0, (fmt, r.output)
        counts[fmt] = len(_rows(fmt, r.stdout))
        out = tmp_path / f"{name}.{fmt}"
        w = _run(db, [*args, "--format", fmt, "-o", str(out)])
        assert w.exit_code == 0, w.output
        assert out.read_text(encoding="utf-8") == r.stdout, fmt
    assert counts["csv"] == counts["json"] == counts["jsonl"] > 0, counts
    out = tmp_path / f"{name}.parquet"
    r = _run(db, [*args, "--format", "parquet", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert pq.read_table(out).num_rows == counts["json"]
    assert not list(tmp_path.glob(".*.tmp-*"))  # written atomically: no temporary left


@pytest.mark.parametrize(
    "args, message",
    [
        (["--format", "xml"], "expected table, csv, json, jsonl or parquet"),
        (["--format", "parquet"], "--format parquet needs -o/--out FILE"),
        (["-o", "x.csv"], "-o/--out writes csv, json, jsonl or parquet: add --format"),
    ],
)
@pytest.mark.parametrize("name", ["events", "meetings", "actors", "knowledge show", "info"])
def test_a_bad_format_is_one_clear_line(db, tmp_path, name, args, message):
    r = _run(db, [*LISTINGS[name], *args])
    assert r.exit_code == 1
    assert message in " ".join(r.output.split()) and "Traceback" not in r.output


@pytest.mark.parametrize("name", ["events", "meetings", "actors", "knowledge show", "treaties"])
def test_tables_fit_80_columns_without_cut_cells(db, name):
    r = _run(db, LISTINGS[name])
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines and max(len(line) for line in lines) <= 80, name
    if name == "meetings":  # its dates read 1986-10-11…10-12; ids are whole
        assert "kp-1986-10-11-reykjavik " in r.stdout
    else:
        assert "…" not in r.stdout


def test_events_table_shows_whole_actors(db):
    r = _run(db, ["events", "--actor", "person:ronald-reagan"])
    assert r.exit_code == 0, r.output
    cells = " ".join(r.stdout.split())
    assert "perso…" not in r.stdout and "…" not in r.stdout
    assert "ronald-reagan" in cells and "mikhail-gorbachev" in cells
    wide = _run(db, ["events", "--limit", "5"], columns=200)
    assert "left out for the width" not in wide.stdout
    narrow = _run(db, ["events", "--limit", "5"], columns=80)
    assert "left out for the width" in narrow.stdout
