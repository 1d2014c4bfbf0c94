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

from summitry.config import load_settings
from summitry.store import opening, writes
from summitry.store.errors import NotAStoreError, StoreError, StoreVersionError

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
    ["013_ingest_unindexed.sql"],
]
SCHEMA_VERSION = len(MIGRATIONS)
# Keys of tables kept without a PRIMARY KEY so that DuckDB holds no ART index for them in
# memory (013_ingest_unindexed.sql): ingest keeps them unique, import skips rows they hold.
UNINDEXED_KEYS: dict[str, tuple[str, ...]] = {"documents": ("doc_id",), "doc_minhash": ("doc_id",)}


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
        wait: float = 0.0,
        command: str | None = None,
        allow_older: bool = False,
    ):
        """``memory_limit`` bounds DuckDB's buffer pool (default: the ``memory_limit``
        setting, so memory stays flat as the store grows instead of caching up to 80% of RAM).

        A reader (``read_only``) never creates, migrates or writes anything; it refuses a
        missing file and a store of another schema version (``allow_older`` lets ``info``
        look at an older one). A writer creates or migrates the store, but refuses a DuckDB
        database of another program. Either waits up to ``wait`` seconds for a lock held by
        another process, then names it; ``command`` is what a writer records as the holder.
        """
        self.path = Path(path)
        self.read_only = read_only
        opening.check_store_file(self.path, read_only)
        if memory_limit is None:
            memory_limit = load_settings().memory_limit
        # nothing is fetched or loaded behind the user's back (DuckDB would otherwise try to
        # download an extension, e.g. to read an SQLite file given as the store)
        config: dict[str, str | bool] = {
            "autoinstall_known_extensions": False,
            "autoload_known_extensions": False,
        }
        if memory_limit:
            config["memory_limit"] = memory_limit
        self.con = opening.connect(self.path, read_only, config, wait)
        try:
            self._open_schema(read_only, migrate_to, allow_older)
        except duckdb.Error as exc:
            self.con.close()
            raise StoreError(f"store {self.path} is damaged or unreadable: {_line(exc)}") from exc
        except BaseException:
            self.con.close()
            raise
        if not read_only:
            opening.claim(self.path, command)

    def _open_schema(self, read_only: bool, migrate_to: int | None, allow_older: bool) -> None:
        if not self._has_meta():
            others = self.tables()
            if read_only or others:
                shown = ", ".join(others[:5]) + (", ..." if len(others) > 5 else "")
                raise NotAStoreError(
                    f"{self.path} is a DuckDB database without summitry's meta table"
                    + (f" (tables: {shown})" if others else "")
                    + ": not a summitry store; it was left unchanged"
                )
        if not read_only:
            self._migrate(SCHEMA_VERSION if migrate_to is None else migrate_to)
            return
        found = self.schema_version
        self._check_version(found)
        if found < SCHEMA_VERSION and not allow_older:
            raise StoreVersionError(
                f"store {self.path} has schema version {found}, older than this summitry's "
                f"{SCHEMA_VERSION}: upgrade it with `summitry migrate` (readers never write)"
            )

    # --- schema -------------------------------------------------------------------
    def _has_meta(self) -> bool:
        return bool(
            self.con.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
            ).fetchone()[0]
        )

    @property
    def schema_version(self) -> int:
        if not self._has_meta():
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

    def append(self, table: str, rows, *, on_conflict: writes.OnConflict = "error") -> int:
        """Insert a batch of rows (dicts or an Arrow table) into ``table`` in one statement
        (see :func:`summitry.store.writes.append`); inside :meth:`transaction` it is part
        of the transaction."""
        return writes.append(self.con, table, rows, on_conflict=on_conflict)

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

    def view(self) -> Store:
        """This store on a new cursor of the same database, for use by one more thread."""
        other = object.__new__(Store)
        other.path, other.read_only, other.con = self.path, self.read_only, self.con.cursor()
        other._view = True  # closing it closes the cursor only
        return other

    def close(self) -> None:
        """Close the connection (and drop the writer's owner record); closing twice is fine."""
        if getattr(self, "_closed", False):
            return
        self._closed = True
        self.con.close()
        if not self.read_only and not getattr(self, "_view", False):
            opening.release(self.path)

    def __del__(self) -> None:
        if hasattr(self, "con"):
            self.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(
    path: str | Path | None = None,
    *,
    read_only: bool = False,
    memory_limit: str | None = None,
    wait: float | None = None,
    command: str | None = None,
    allow_older: bool = False,
) -> Store:
    """Open the store at ``path`` (default: the configured one): a writer creates or
    migrates it, a reader only reads; both wait up to ``wait`` seconds (default: the
    ``lock_wait`` setting) for another process's lock. See :class:`Store`."""
    if path is None or wait is None:
        conf = load_settings()
        path = conf.db if path is None else path
        wait = conf.lock_wait if wait is None else wait
    return Store(
        path,
        read_only=read_only,
        memory_limit=memory_limit,
        wait=wait,
        command=command,
        allow_older=allow_older,
    )


def _line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [""])[0]
