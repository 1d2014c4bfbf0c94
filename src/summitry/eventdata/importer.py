"""Load GDELT / ICEWS / POLECAT files into the store with DuckDB's CSV reader.

Per batch of files of one layout (one transaction), one pass over the files: ``read_csv``
with explicit columns and types and ``store_rejects`` keeps the columns it needs in a
temporary ``stage`` table (its rowid gives line numbers); values are mapped by joining small
tables built from the batch's distinct values; one ``INSERT ... SELECT`` loads the valid rows
to ``events`` (or ``gdelt_mentions`` / ``gkg``). The insert is a plain ``INSERT``; if a
primary key is already stored (or repeated in the batch) the batch is redone with
``INSERT OR IGNORE``, which is much slower, so that new data loads at full speed.
With GDELT ``--actors``/``--codes`` the filter goes into the read: ``stage`` keeps the
values only of rows that may pass it (a condition on raw columns), so checks, mappings and
the insert see only those. With filters, a bad value (date, code, id) is a reject only in a
row that passes them; other rows count as filtered.
Rejected lines (wrong column count, a value of the wrong type, an unknown CAMEO code,
a bad date, a truncated archive) go to ``import_rejects`` with file and line; the rest of
the file loads. ``import_files`` + primary keys make re-runs no-ops. Memory is bounded by
the batch, not by the number of files.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from summitry.codes import all_cameo_codes, cameo_info, plover_for
from summitry.eventdata import sql as Q
from summitry.eventdata.detect import FileFormat, FormatError, detect
from summitry.eventdata.files import LocalFile, local_text, sha1_of
from summitry.eventdata.lookups import map_values
from summitry.eventdata.people import resolve_people
from summitry.events import group_reports, grouping_step, pending_groupings
from summitry.faults import fault_point
from summitry.limits import LimitExceeded, Limits
from summitry.store import pending

IMPORTER_VERSION = "1"
BATCH_FILES = 96  # a batch is one read_csv and one transaction
BATCH_BYTES = 128 * 1024 * 1024  # ...of at most this much uncompressed input
DATASET_OF_KIND = {
    "gdelt1": "gdelt1",
    "gdelt2": "gdelt2",
    "gdelt-mentions": "gdelt2",
    "gkg": "gdelt2",
    "icews": "icews",
    "polecat": "polecat",
}


@dataclass(frozen=True)
class ImportOptions:
    actors: frozenset[str] = frozenset()  # ISO3 / CAMEO country codes; empty = all
    codes: tuple[str, ...] = ()  # CAMEO code prefixes ("04", "042"); empty = all
    force: bool = False  # re-read files already imported


@dataclass
class FileResult:
    source: str
    kind: str = ""
    status: str = "loaded"  # loaded|skipped|failed
    n_rows: int = 0
    n_loaded: int = 0
    n_rejected: int = 0
    n_filtered: int = 0
    message: str = ""
    rejects: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class FinishSummary:
    """What :meth:`Importer.finish` did: rows linked to people; (dataset, reports, groups)."""

    people: int = 0
    groups: list[tuple[str, int, int]] = field(default_factory=list)


class _RepeatedKey(Exception):
    """A plain INSERT met a primary key that is already stored or repeated in the batch."""


def rule_for(kind: str) -> str:
    return f"import-{kind}:{IMPORTER_VERSION}"


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


class Importer:
    """Import files into ``store``; one instance per command run."""

    def __init__(self, store, options: ImportOptions | None = None):
        self.store = store
        self.con = store.con
        self.options = options or ImportOptions()
        self.datasets_touched: set[str] = set()
        self.rows_loaded = 0
        self.limits = Limits.from_settings()
        # --force re-reads imported files, whose rows are in the store already.
        self._ignore_repeats = self.options.force

    # --- public -----------------------------------------------------------------------
    def import_files(
        self,
        items: Sequence[tuple[Path, str]],
        hint: str | None = None,
        on_file: Callable[[FileResult], None] | None = None,
    ) -> list[FileResult]:
        """Import (local path, source name) pairs; returns one result per file."""
        results: list[FileResult] = []

        def emit(batch: list[FileResult]) -> None:
            for r in batch:
                results.append(r)
                if on_file:
                    on_file(r)

        pending: list[tuple[FileFormat, LocalFile, ExitStack]] = []
        self._known = dict(
            self.con.execute("SELECT source, content_sha1 FROM import_files").fetchall()
        )
        try:
            for path, source in items:
                stack = ExitStack()
                result, fmt, local = self._prepare(path, source, hint, stack)
                if result is not None:
                    stack.close()
                    emit([result])
                    continue
                if pending and pending[0][0].key != fmt.key:
                    emit(self._flush(pending))
                pending.append((fmt, local, stack))
                if (
                    len(pending) >= BATCH_FILES
                    or sum(lf.path.stat().st_size for _, lf, _ in pending) >= BATCH_BYTES
                ):
                    emit(self._flush(pending))
            emit(self._flush(pending))
        finally:
            for _, _, stack in pending:
                stack.close()
        return results

    def finish(self, group: bool = True) -> FinishSummary:
        """Link imported names to people and group reports, for every dataset this run
        loaded and every one a killed run left ungrouped (``pending_steps``, marked with each
        batch's rows and cleared with the dataset's grouping)."""
        left = {d for d in pending_groupings(self.store) if d in DATASET_OF_KIND.values()}
        datasets = self.datasets_touched | left
        done = FinishSummary(people=resolve_people(self.store, datasets))
        fault_point("import.people-resolved")
        if group:
            for ds in sorted(datasets):
                reports, groups = group_reports(self.store, ds)
                done.groups.append((ds, reports, groups))
        return done

    def already_imported(self, source: str, sha1: str | None = None) -> bool:
        row = self.con.execute(
            "SELECT content_sha1 FROM import_files WHERE source = ?", [source]
        ).fetchone()
        return row is not None and (sha1 is None or row[0] == sha1)

    # --- steps --------------------------------------------------------------------------
    def _prepare(
        self, path: Path, source: str, hint: str | None, stack: ExitStack
    ) -> tuple[FileResult | None, FileFormat | None, LocalFile | None]:
        try:
            if not path.is_file():
                return (
                    FileResult(source, status="failed", message=f"{source}: no such file"),
                    None,
                    None,
                )
            sha1 = sha1_of(path)
            if not self.options.force and self._known.get(source) == sha1:
                return (
                    FileResult(
                        source,
                        status="skipped",
                        message=f"{source}: already imported (same content)",
                    ),
                    None,
                    None,
                )
            local = stack.enter_context(local_text(path, source, sha1=sha1, limits=self.limits))
            fmt = detect(local.path, source, hint)
        except (FormatError, OSError, UnicodeDecodeError, LimitExceeded) as exc:
            stack.close()
            message = f"{source}: {exc}" if isinstance(exc, LimitExceeded) else str(exc)
            return FileResult(source, status="failed", message=message), None, None
        return None, fmt, local

    def _flush(self, pending: list[tuple[FileFormat, LocalFile, ExitStack]]) -> list[FileResult]:
        if not pending:
            return []
        fmt = pending[0][0]
        files = [lf for _, lf, _ in pending]
        try:
            try:
                with self.store.transaction():
                    results = self._load_batch(fmt, files)
            except _RepeatedKey:
                # Rows already in the store (or repeated in the batch): redo the batch, and
                # the rest of this run, with INSERT OR IGNORE (the first copy is kept).
                self._ignore_repeats = True
                with self.store.transaction():
                    results = self._load_batch(fmt, files)
            fault_point("import.batch-committed")
            return results
        finally:
            for _, _, stack in pending:
                stack.close()
            pending.clear()

    # --- the batch ----------------------------------------------------------------------
    def _load_batch(self, fmt: FileFormat, files: list[LocalFile]) -> list[FileResult]:
        con = self.con
        by_path = {str(f.path): f for f in files}
        keep, pre = self._stage(fmt, list(by_path))
        read_rejects = self._read_rejects(files, by_path)
        # Value mappings from the batch's distinct values, then validation.
        self._build_maps(fmt)
        _ensure_code_tables(con)
        con.execute("CREATE OR REPLACE TEMP TABLE src_map (filename VARCHAR, source VARCHAR)")
        insert_rows(con, "src_map", [[p, f.source] for p, f in by_path.items()])
        con.execute(Q.staged_view(fmt.kind, keep, "true" if pre == "true" else "s._pre"))
        header = 1 if fmt.header else 0
        value_rejects = self._value_rejects(files, by_path, header, read_rejects)
        counts = self._counts(keep, by_path, value_rejects)
        self._insert(fmt)
        results = self._record_files(fmt, files, read_rejects, value_rejects, counts)
        if fmt.kind in ("gdelt1", "gdelt2", "icews", "polecat"):
            self.datasets_touched.add(DATASET_OF_KIND[fmt.kind])
            # committed with the rows: a run killed before finish() is finished by the next
            pending.mark(con, grouping_step(DATASET_OF_KIND[fmt.kind]))
        con.execute("DROP VIEW IF EXISTS staged")
        con.execute("DROP TABLE IF EXISTS stage")
        fault_point("import.batch-loaded")
        return results

    def _stage(self, fmt: FileFormat, paths: list[str]) -> tuple[str, str]:
        """Read the batch's files into the temporary ``stage`` table; (keep, pre) filters."""
        con = self.con
        con.execute("DROP TABLE IF EXISTS rj_err")
        con.execute("DROP TABLE IF EXISTS rj_scan")
        kept = Q.stage_columns(fmt)
        reading = Q.read_sql(
            _read_csv(fmt, paths) + ", store_rejects=true, "
            "rejects_table='rj_err', rejects_scan='rj_scan')",
            fmt,
        )
        keep = self._filter_sql(fmt.kind)
        # GDELT with --actors/--codes: the filter goes into the read. Every row stays in
        # ``stage`` (its rowid gives its line, every typed column is still parsed, so a bad
        # number is still rejected), but only rows that may pass the filter keep their values;
        # the checks, mappings and the insert then see only those rows.
        pre = "true"
        if keep != "true" and fmt.kind in ("gdelt1", "gdelt2"):
            pre = Q.gdelt_prefilter(self.options.actors, self.options.codes)
        if pre == "true":
            con.execute(
                f"CREATE OR REPLACE TEMP TABLE stage AS SELECT filename, "
                f"{', '.join(Q.q(n) for n in kept)} FROM {reading}"
            )
        else:
            values = ", ".join(f"CASE WHEN _pre THEN {Q.q(n)} END AS {Q.q(n)}" for n in kept)
            con.execute(
                f"CREATE OR REPLACE TEMP TABLE stage AS SELECT filename, _pre, {values} "
                f"FROM (SELECT *, coalesce(({pre}), false) AS _pre FROM {reading})"
            )
        return keep, pre

    def _read_rejects(
        self, files: list[LocalFile], by_path: dict[str, LocalFile]
    ) -> dict[str, dict[int, str]]:
        """Per source, the lines DuckDB rejected while reading (column count, type,
        encoding) and the damage found before reading, line -> reason."""
        read_rejects: dict[str, dict[int, str]] = {f.source: {} for f in files}
        rows = self.con.execute(
            "SELECT s.file_path, e.line, arg_min(e.error_message, coalesce(e.column_idx, 0)) "
            "FROM rj_err e JOIN rj_scan s USING (scan_id, file_id) GROUP BY ALL"
        ).fetchall()
        for path, line, message in rows:
            read_rejects[by_path[path].source][int(line)] = _short(message)
        for f in files:
            if f.damage:
                read_rejects[f.source][f.damage_line or 1] = f.damage
        return read_rejects

    def _value_rejects(
        self,
        files: list[LocalFile],
        by_path: dict[str, LocalFile],
        header: int,
        read_rejects: dict[str, dict[int, str]],
    ) -> dict[str, dict[int, str]]:
        """Per source, the rows with a bad value, line -> reason. With filters, a bad value
        is a reject only in a row that passes them."""
        bad = self.con.execute(
            "WITH firsts AS (SELECT filename, min(rowid) AS r0 FROM stage GROUP BY filename) "
            "SELECT v.filename, v._rid - f.r0 + 1, v._reason FROM staged v "
            "JOIN firsts f USING (filename) WHERE v._reason IS NOT NULL AND v._match"
        ).fetchall()
        value_rejects: dict[str, dict[int, str]] = {f.source: {} for f in files}
        for path, ordinal, reason in bad:
            src = by_path[path].source
            value_rejects[src][_line_of(int(ordinal), header, read_rejects[src])] = reason
        return value_rejects

    def _counts(
        self,
        keep: str,
        by_path: dict[str, LocalFile],
        value_rejects: dict[str, dict[int, str]],
    ) -> dict[str, tuple[int, int, int]]:
        """Per staged file: (rows staged, rows to load, rows filtered out)."""
        con = self.con
        staged = dict(
            con.execute("SELECT filename, count(*) FROM stage GROUP BY filename").fetchall()
        )
        if keep == "true":  # no filter: every valid row is kept
            loaded = {p: int(n) - len(value_rejects[by_path[p].source]) for p, n in staged.items()}
        else:
            loaded = dict(
                con.execute(
                    "SELECT filename, count(*) FILTER (WHERE _keep) FROM staged GROUP BY filename"
                ).fetchall()
            )
        counts = {}
        for p, n in staged.items():
            n_loaded = int(loaded.get(p, 0))
            n_filtered = int(n) - n_loaded - len(value_rejects[by_path[p].source])
            counts[p] = (int(n), n_loaded, n_filtered)
        return counts

    def _insert(self, fmt: FileFormat) -> None:
        """Insert the staged rows into ``events``."""
        # A plain INSERT is much faster than INSERT OR IGNORE; a repeated key makes it fail,
        # and the batch is then redone (see _flush) with INSERT OR IGNORE.
        verb = "INSERT OR IGNORE" if self._ignore_repeats else "INSERT"
        try:
            self.con.execute(Q.insert_sql(fmt, DATASET_OF_KIND[fmt.kind], rule_for(fmt.kind), verb))
        except duckdb.ConstraintException as exc:
            if self._ignore_repeats or "duplicate key" not in str(exc).lower():
                raise
            raise _RepeatedKey from exc

    def _record_files(
        self,
        fmt: FileFormat,
        files: list[LocalFile],
        read_rejects: dict[str, dict[int, str]],
        value_rejects: dict[str, dict[int, str]],
        counts: dict[str, tuple[int, int, int]],
    ) -> list[FileResult]:
        """Each file's result, its rejects in ``import_rejects`` and its row in
        ``import_files`` (in the batch's transaction)."""
        results: list[FileResult] = []
        reject_rows: list[list] = []
        file_rows: list[list] = []
        dataset, rule = DATASET_OF_KIND[fmt.kind], rule_for(fmt.kind)
        for f in files:
            r = FileResult(f.source, kind=fmt.kind)
            rejects = {**read_rejects[f.source], **value_rejects[f.source]}
            n_staged, r.n_loaded, r.n_filtered = counts.get(str(f.path), (0, 0, 0))
            r.n_rejected = len(rejects)
            r.n_rows = n_staged + len(read_rejects[f.source])
            r.rejects = sorted(rejects.items())
            reject_rows += [[f.source, line, reason] for line, reason in r.rejects]
            file_rows.append(
                [f.source, dataset, f.sha1, r.n_rows, r.n_loaded, r.n_rejected, r.n_filtered, rule]
            )
            self.rows_loaded += r.n_loaded
            results.append(r)
        con = self.con
        con.execute("DELETE FROM import_rejects WHERE source IN (SELECT source FROM src_map)")
        insert_rows(con, "import_rejects", reject_rows)
        insert_rows(
            con,
            "import_files (source, dataset, content_sha1, n_rows, n_loaded, "
            "n_rejected, n_filtered, rule, finished_at)",
            file_rows,
            extra="now()",
            verb="INSERT OR REPLACE",
        )
        return results

    def _build_maps(self, fmt: FileFormat) -> None:
        for table, mapper, exprs in Q.maps_for(fmt.kind):
            union = " UNION ".join(f"SELECT DISTINCT {e} AS v FROM stage" for e in exprs)
            values = [r[0] for r in self.con.execute(union).fetchall()]
            self.con.execute(
                f"CREATE OR REPLACE TEMP TABLE {table} (k VARCHAR PRIMARY KEY, v VARCHAR)"
            )
            insert_rows(self.con, table, map_values(values, mapper))

    def _filter_sql(self, kind: str) -> str:
        """SQL condition for ``--actors`` / ``--codes``. With filters on, mentions are kept
        only for stored GDELT 2.0 events and GKG records only for stored mention URLs."""
        parts = []
        filtering = bool(self.options.actors or self.options.codes)
        if self.options.actors and kind in ("gdelt1", "gdelt2", "icews", "polecat"):
            codes = ", ".join(_lit(a.upper()) for a in sorted(self.options.actors))
            parts.append(f"list_has_any({Q.actor_filter(kind)}, [{codes}])")
        if self.options.codes and kind in ("gdelt1", "gdelt2", "icews"):
            likes = " OR ".join(f"_code LIKE {_lit(c + '%')}" for c in self.options.codes)
            parts.append(f"({likes})")
        if filtering and kind == "gdelt-mentions":
            parts.append(
                "'gdelt2:' || GLOBALEVENTID IN (SELECT event_id FROM events "
                "WHERE dataset = 'gdelt2')"
            )
        if filtering and kind == "gkg":
            parts.append("V2DOCUMENTIDENTIFIER IN (SELECT url FROM gdelt_mentions)")
        return " AND ".join(parts) if parts else "true"


def _read_csv(fmt: FileFormat, paths: list[str]) -> str:
    """``read_csv(...`` of ``paths`` in layout ``fmt`` (without the closing parenthesis)."""
    spec = "{" + ", ".join(f"{_lit(n)}: {_lit(t)}" for n, t in fmt.columns) + "}"
    nulls = "[" + ", ".join(_lit(n) for n in fmt.nullstr) + "]"
    files = "[" + ", ".join(_lit(p) for p in paths) + "]"
    return (
        f"read_csv({files}, columns={spec}, delim={_lit(fmt.delim)}, "
        f"header={str(fmt.header).lower()}, quote={_lit(fmt.quote)}, "
        f"escape={_lit(fmt.quote)}, nullstr={nulls}, auto_detect=false, filename=true, "
        "max_line_size=10000000, strict_mode=false, encoding='utf-8'"
    )


def _ensure_code_tables(con) -> None:
    """Temp tables of the CAMEO and CAMEO->PLOVER lookups (once per connection)."""
    have = {
        r[0]
        for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE temporary").fetchall()
    }
    if "codes_cameo" in have and "codes_plover" in have:
        return
    con.execute(
        "CREATE OR REPLACE TEMP TABLE codes_cameo (code VARCHAR PRIMARY KEY, "
        "root VARCHAR, quad_class TINYINT, goldstein DOUBLE)"
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE codes_plover (code VARCHAR PRIMARY KEY, "
        "plover_type VARCHAR, plover_mode VARCHAR)"
    )
    rows, plover = [], []
    for code in all_cameo_codes():
        info = cameo_info(code)
        rows.append([code, info.root, info.quad_class, info.goldstein])
        p = plover_for(code)
        if p is not None:
            plover.append([code, p.event_type, p.mode])
    insert_rows(con, "codes_cameo", rows)
    insert_rows(con, "codes_plover", plover)


def insert_rows(
    con, table: str, rows: Sequence[Sequence], *, extra: str = "", verb: str = "INSERT INTO"
) -> None:
    """Insert Python rows with one statement per 500 rows (``executemany`` is per row)."""
    if verb != "INSERT INTO":
        verb = verb + " INTO"
    for start in range(0, len(rows), 500):
        chunk = rows[start : start + 500]
        width = len(chunk[0])
        one = "(" + ", ".join(["?"] * width) + (f", {extra}" if extra else "") + ")"
        con.execute(
            f"{verb} {table} VALUES " + ", ".join([one] * len(chunk)),
            [v for row in chunk for v in row],
        )


def _short(message: str) -> str:
    return " ".join(str(message).split())[:300]


def _line_of(ordinal: int, header: int, rejected: dict[int, str]) -> int:
    """File line of the ``ordinal``-th row DuckDB kept, given the lines it rejected."""
    lines = sorted(rejected)
    # good rows before each rejected line i: lines[i] - header - 1 - i
    goods = [ln - header - 1 - i for i, ln in enumerate(lines)]
    return ordinal + header + bisect.bisect_left(goods, ordinal)


def iter_inputs(paths: Iterable[Path]) -> list[tuple[Path, str]]:
    """Expand directories (sorted) into files; each file's source name is its resolved path."""
    out: list[tuple[Path, str]] = []
    for p in paths:
        if p.is_dir():
            out += [(f, str(f.resolve())) for f in sorted(p.rglob("*")) if f.is_file()]
        else:
            out.append((p, str(p.resolve()) if p.exists() else str(p)))
    return out
