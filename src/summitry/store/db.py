"""Open, migrate and write to the DuckDB store.

The schema is the ordered list of migrations in ``MIGRATIONS``; each is a list of SQL
files under ``store/sql``. A store records its version in ``meta.schema_version``.
Opening an older store applies the missing migrations in one transaction; opening a
store written by a newer summitry fails with :class:`StoreVersionError`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import duckdb

MIGRATIONS: list[list[str]] = [
    ["001_core.sql"],
    ["002_coding.sql", "003_eventdata.sql", "004_meetings.sql", "005_knowledge.sql"],
    ["006_ingest.sql"],
    [
        "007_knowledge_v3.sql",
        "008_coder_model.sql",
        "009_meetings_v2.sql",
        "010_robust.sql",
        "011_events_api.sql",
        "012_redesign.sql",
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(RuntimeError):
    """The store cannot be opened or written."""


class StoreVersionError(StoreError):
    """The store was written by a newer version of summitry."""


def _sql(name: str) -> str:
    return resources.files("summitry.store").joinpath("sql", name).read_text(encoding="utf-8")


class Store:
    """A summitry store: one DuckDB connection plus schema management."""

    def __init__(
        self,
        path: str | Path,
        *,
        read_only: bool = False,
        migrate_to: int | None = None,
        memory_limit: str | None = None,
    ):
        """``memory_limit`` bounds DuckDB's buffer pool (default: the ``memory_limit``
        setting, so memory stays flat as the store grows instead of caching up to 80% of RAM).
        """
        self.path = Path(path)
        if memory_limit is None:
            from summitry.config import load_settings

            memory_limit = load_settings().memory_limit
        # nothing is fetched or loaded behind the user's back (DuckDB would otherwise try to
        # download an extension, e.g. to read an SQLite file given as the store)
        config: dict[str, str | bool] = {
            "autoinstall_known_extensions": False,
            "autoload_known_extensions": False,
        }
        if memory_limit:
            config["memory_limit"] = memory_limit
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only, config=config)
        except duckdb.Error as exc:  # locked, not a DuckDB file, unreadable, bad memory_limit
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        if not read_only:
            self._migrate(SCHEMA_VERSION if migrate_to is None else migrate_to)
        else:
            self._check_version(self.schema_version)

    # --- schema -------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        has_meta = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchone()[0]
        if not has_meta:
            return 0
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _check_version(self, found: int) -> None:
        if found > SCHEMA_VERSION:
            raise StoreVersionError(
                f"store {self.path} has schema version {found}, but this summitry "
                f"supports up to version {SCHEMA_VERSION}: upgrade summitry to open it"
            )

    def _migrate(self, target: int) -> None:
        found = self.schema_version
        self._check_version(found)
        if found >= target:
            return
        with self.transaction():
            for version in range(found + 1, target + 1):
                for name in MIGRATIONS[version - 1]:
                    self.con.execute(_sql(name))
            self.con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(target)]
            )

    # --- helpers --------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All-or-nothing block: commits on success, rolls back on any exception."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def tables(self) -> list[str]:
        rows = self.con.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'main' ORDER BY table_name"
        ).fetchall()
        return [r[0] for r in rows]

    def count(self, table: str) -> int:
        self.require_table(table)
        return self.con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]

    def require_table(self, table: str) -> None:
        if table not in self.tables():
            raise StoreError(
                f"no table {table!r} in {self.path}; tables are: {', '.join(self.tables())}"
            )

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(
    path: str | Path | None = None, *, read_only: bool = False, memory_limit: str | None = None
) -> Store:
    """Open (creating or migrating) the store at ``path``, or the configured default."""
    if path is None:
        from summitry.config import load_settings

        path = load_settings().db
    return Store(path, read_only=read_only, memory_limit=memory_limit)
