from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from summitry.cli import app
from summitry.config import ConfigError, load_settings
from summitry.store import SCHEMA_VERSION, Store, StoreVersionError
from summitry.store.transfer import export_table, import_table

DOC = (
    "d1",
    "d1",
    None,
    "a.txt",
    "text",
    None,
    None,
    None,
    "T",
    "2017-11-10",
    "field",
    "published",
    "en",
    "Some text.",
    10,
    "2020-01-01 00:00:00",
)


def _add_doc(store: Store) -> None:
    store.con.execute("INSERT INTO documents VALUES (" + ",".join("?" * len(DOC)) + ")", list(DOC))


def test_new_store_has_current_schema(tmp_path: Path) -> None:
    s = Store(tmp_path / "s.duckdb")
    assert s.schema_version == SCHEMA_VERSION
    assert {"documents", "sentences", "events", "meetings", "evidence"} <= set(s.tables())


def test_older_store_is_migrated_and_keeps_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    old = Store(path, migrate_to=1)
    assert old.schema_version == 1 and "events" not in old.tables()
    _add_doc(old)
    old.close()
    new = Store(path)
    assert new.schema_version == SCHEMA_VERSION
    assert "events" in new.tables()
    assert new.count("documents") == 1


def test_newer_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    con.close()
    with pytest.raises(StoreVersionError, match="upgrade summitry"):
        Store(path)
    result = CliRunner().invoke(app, ["--db", str(path), "info"])
    assert result.exit_code == 1
    assert "upgrade summitry" in result.output


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_import_round_trip(store: Store, tmp_path: Path, fmt: str) -> None:
    _add_doc(store)
    out = tmp_path / f"docs.{fmt}"
    assert export_table(store, "documents", out, fmt) == 1
    other = Store(tmp_path / "other.duckdb")
    assert import_table(other, "documents", out) == 1
    assert import_table(other, "documents", out) == 0  # idempotent
    row = other.con.execute("SELECT doc_id, published::VARCHAR, text FROM documents").fetchone()
    assert row == ("d1", "2017-11-10", "Some text.")


# Of two rows of one key in an imported file the first in the file wins. A thousand keys
# twice over: with an unordered row_number() DuckDB kept the second row for some of them.
_TWICE = 1000


def _file_with_each_key_twice(store: Store, table: str, key: str, col: str, out: Path) -> None:
    """Write to ``out`` the one row of ``table`` 2 x _TWICE times: ``key`` k0..k999, each
    once with ``col`` 'first' and then once with 'second', in that file order."""
    cols = [r[0] for r in store.con.execute(f'DESCRIBE "{table}"').fetchall()]
    made = {key: "'k' || (i // 2)", col: "CASE WHEN i % 2 = 0 THEN 'first' ELSE 'second' END"}
    picks = ", ".join(f'{made.get(c, c)} AS "{c}"' for c in cols)
    fmt = {"parquet": "FORMAT PARQUET", "csv": "FORMAT CSV, HEADER", "jsonl": "FORMAT JSON"}
    store.con.execute(
        f"COPY (SELECT {picks} FROM {table}, range({2 * _TWICE}) r(i) ORDER BY i) "
        f"TO '{out}' ({fmt[out.suffix.lstrip('.')]})"
    )


def _add_actor(store: Store) -> None:
    store.con.execute(
        "INSERT INTO actors (actor_id, name, kind, origin) VALUES ('a', 'A', 'person', 'test')"
    )


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
@pytest.mark.parametrize(
    ("table", "key", "col", "add"),
    [("documents", "doc_id", "text", _add_doc), ("actors", "actor_id", "name", _add_actor)],
    ids=["unindexed-key", "primary-key"],
)
def test_import_keeps_the_first_row_of_a_key_in_file_order(
    store: Store, tmp_path: Path, fmt: str, table: str, key: str, col: str, add
) -> None:
    add(store)
    out = tmp_path / f"twice.{fmt}"
    _file_with_each_key_twice(store, table, key, col, out)
    other = Store(tmp_path / "other.duckdb")
    assert import_table(other, table, out) == _TWICE
    kept = other.con.execute(f'SELECT {col}, count(*) FROM "{table}" GROUP BY ALL').fetchall()
    assert kept == [("first", _TWICE)]
    assert import_table(other, table, out) == 0
    other.close()


def test_export_to_polars_and_pandas_readable(store: Store, tmp_path: Path) -> None:
    import polars as pl

    _add_doc(store)
    out = tmp_path / "docs.parquet"
    export_table(store, "documents", out, "parquet")
    assert pl.read_parquet(out)["doc_id"].to_list() == ["d1"]


def test_import_rejects_file_with_missing_columns(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("doc_id,title\nx,y\n")
    result = CliRunner().invoke(
        app, ["--db", str(store.path), "import", "table", "documents", str(bad)]
    )
    assert result.exit_code == 1
    assert "missing column" in result.output and "bad.csv" in result.output
    assert store.count("documents") == 0


def test_export_unknown_table_is_clear_error(store: Store, tmp_path: Path) -> None:
    store.close()
    result = CliRunner().invoke(
        app, ["--db", str(store.path), "export", "nope", "-o", str(tmp_path / "x.csv")]
    )
    assert result.exit_code == 1
    assert "no table 'nope'" in result.output
    assert not (tmp_path / "x.csv").exists()


def test_settings_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml = tmp_path / "s.toml"
    toml.write_text('[summitry]\ndb = "from-toml.duckdb"\nworkers = 3\n')
    monkeypatch.delenv("SUMMITRY_DB", raising=False)
    assert load_settings(toml).db == Path("from-toml.duckdb")
    monkeypatch.setenv("SUMMITRY_DB", "from-env.duckdb")
    s = load_settings(toml)
    assert s.db == Path("from-env.duckdb") and s.workers == 3
    assert load_settings(toml, db=Path("flag.duckdb")).db == Path("flag.duckdb")


def test_bad_config_is_named(tmp_path: Path) -> None:
    toml = tmp_path / "s.toml"
    toml.write_text("colour = 1\n")
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        load_settings(toml)
