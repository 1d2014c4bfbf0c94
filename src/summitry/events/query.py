"""Read events: rows, pages with a cursor, counts, files, and real-world event units.

Every reader of the ``events`` table (the CLI, the meetings, the analysis, the report, the
HTTP server) goes through these functions, so a filter means the same everywhere. Column
names are those of the table, plus the document columns in ``DOCUMENT_COLUMNS``; with
``gdelt=True`` the GDELT 2.0 names of ``GDELT_COLUMNS`` instead.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from summitry.events.filters import SOURCE_COUNTRY, TARGET_COUNTRY, EventFilter, FilterError
from summitry.store.transfer import copy_query

GDELT_COLUMNS: list[tuple[str, str]] = [
    ("event_id", "GLOBALEVENTID"),
    ("strftime(event_date, '%Y%m%d')", "SQLDATE"),
    ("source_code", "Actor1Code"),
    ("source_text", "Actor1Name"),
    ("source_iso3", "Actor1CountryCode"),
    ("target_code", "Actor2Code"),
    ("target_text", "Actor2Name"),
    ("target_iso3", "Actor2CountryCode"),
    ("CASE WHEN modality = 'asserted' THEN 1 ELSE 0 END", "IsRootEvent"),
    ("cameo_code", "EventCode"),
    ("cameo_root", "EventRootCode"),
    ("quad_class", "QuadClass"),
    ("goldstein", "GoldsteinScale"),
    ("coalesce(num_mentions, 1)", "NumMentions"),
    ("coalesce(num_sources, 1)", "NumSources"),
    ("coalesce(num_articles, 1)", "NumArticles"),
    ("avg_tone", "AvgTone"),
    ("location_name", "ActionGeo_FullName"),
    ("location_iso3", "ActionGeo_CountryCode"),
    ("lat", "ActionGeo_Lat"),
    ("lon", "ActionGeo_Long"),
    ("strftime(created_at, '%Y%m%d%H%M%S')", "DATEADDED"),
    ("source_url", "SOURCEURL"),
    ("source_actor_id", "summitry_Actor1Id"),
    ("target_actor_id", "summitry_Actor2Id"),
    ("modality", "summitry_Modality"),
    ("plover_type", "summitry_PloverType"),
]
# What `summitry events --format json` prints: the event, and its provenance (dataset row,
# document span, source URL) and rule, as the store has them.
DEFAULT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "origin",
    "dataset",
    "dataset_row_id",
    "source_actor_id",
    "cameo_code",
    "plover_type",
    "target_actor_id",
    "modality",
    "location_name",
    "topics",
    "doc_id",
    "sent_idx",
    "start_char",
    "end_char",
    "source_url",
    "trigger_text",
    "speaker_actor_id",
    "type_origin",
    "model_score",
    "rule",
)
TABLE_COLUMNS: tuple[str, ...] = (
    "event_date",
    "source_actor_id",
    "cameo_code",
    "plover_type",
    "target_actor_id",
    "modality",
    "location_name",
    "trigger_text",
    "origin",
    "type_origin",
    "model_score",
)
# Columns of the event's document (joined on doc_id), by the name a caller asks for.
DOCUMENT_COLUMNS: dict[str, str] = {
    "doc_url": "d.url",
    "doc_title": "d.title",
    "doc_published": "d.published",
    "evidence_text": "substr(d.text, e.start_char + 1, e.end_char - e.start_char)",
}
SORTABLE: tuple[str, ...] = (
    "event_date",
    "event_id",
    "origin",
    "dataset",
    "cameo_code",
    "plover_type",
    "quad_class",
    "goldstein",
    "source_actor_id",
    "target_actor_id",
    "modality",
    "location_name",
)
_IDENT = re.compile(r"^[a-z_][a-z0-9_]*$")
_SORT_TYPES = {"event_date": date, "quad_class": int, "goldstein": float}
ANY = EventFilter()  # every event


def event_columns(con) -> tuple[str, ...]:
    """The columns of the store's ``events`` table, in table order."""
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'events' "
        "AND table_schema = 'main' ORDER BY ordinal_position"
    ).fetchall()
    return tuple(r[0] for r in rows)


def _select_list(columns: Sequence[str] | None, gdelt: bool) -> tuple[str, bool]:
    """The SELECT list, and whether it needs the event's document. Names that are not
    identifiers are refused here; unknown ones by DuckDB (see :func:`_run`)."""
    if gdelt:
        return ", ".join(f'{expr} AS "{name}"' for expr, name in GDELT_COLUMNS), False
    out, docs = [], False
    for c in DEFAULT_COLUMNS if columns is None else columns:
        if c in DOCUMENT_COLUMNS:
            out.append(f'{DOCUMENT_COLUMNS[c]} AS "{c}"')
            docs = True
        elif _IDENT.match(c):
            out.append(f'e."{c}"')
        else:
            raise FilterError("columns", f"unknown column {c!r}")
    return ", ".join(out), docs


def _run(con, sql: str, params: list):
    """Execute; a column the table does not have becomes a FilterError naming it."""
    try:
        return con.execute(sql, params)
    except duckdb.BinderException as exc:
        raise FilterError("columns", str(exc).splitlines()[0]) from exc


@dataclass(frozen=True)
class Order:
    """Sort order of a selection: one sortable column (nulls last), then ``event_id``."""

    by: str = "event_date"
    descending: bool = False

    def __post_init__(self) -> None:
        if self.by not in SORTABLE:
            raise FilterError("sort", f"{self.by!r}: expected one of {', '.join(SORTABLE)}")

    def sql(self, alias: str = "e") -> str:
        way = " DESC" if self.descending else ""
        if self.by == "event_id":
            return f"{alias}.event_id{way}"
        return f"{alias}.{self.by} IS NULL, {alias}.{self.by}{way}, {alias}.event_id{way}"


def select_sql(
    f: EventFilter,
    columns: Sequence[str] | None = None,
    *,
    gdelt: bool = False,
    order: Order = Order(),
    limit: int | None = None,
    after: str | None = None,
    keys: bool = False,
) -> tuple[str, list]:
    """The SQL and bound parameters that select ``f``'s events (``after``: a page cursor;
    ``keys``: add the order's key columns ``_key`` and ``_id`` for cursors)."""
    where, params = f.where()
    cols, docs = _select_list(columns, gdelt)
    if keys:
        cols += f', e.{order.by} AS "_key", e.event_id AS "_id"'
    outer, outer_params = "", []
    if after is not None:
        outer, outer_params = _after_sql(order, decode_cursor(after, order))
    join = "LEFT JOIN documents d ON d.doc_id = e.doc_id" if docs else ""
    sql = (
        f"SELECT {cols} FROM (SELECT * FROM events WHERE {where}) e {join} {outer} "
        f"ORDER BY {order.sql()}"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return sql, [*params, *outer_params]


@dataclass
class Selection:
    columns: list[str]
    rows: list[tuple]

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r, strict=True)) for r in self.rows]


def select(
    store,
    f: EventFilter = ANY,
    columns: Sequence[str] | None = None,
    *,
    gdelt: bool = False,
    order: Order = Order(),
    limit: int | None = None,
) -> Selection:
    """The events matching ``f``, as column names and row tuples."""
    sql, params = select_sql(f, columns, gdelt=gdelt, order=order, limit=limit)
    cur = _run(store.con, sql, params)
    return Selection([d[0] for d in cur.description], cur.fetchall())


@dataclass
class Page:
    columns: list[str]
    rows: list[dict[str, Any]]
    next_cursor: str | None


def page(
    con,
    f: EventFilter,
    columns: Sequence[str] | None = None,
    *,
    gdelt: bool = False,
    order: Order = Order(),
    limit: int = 100,
    after: str | None = None,
) -> Page:
    """One page of ``limit`` events after the cursor ``after``; ``next_cursor`` is None on
    the last page. Takes a connection so that a server can pass a per-thread cursor."""
    sql, params = select_sql(
        f, columns, gdelt=gdelt, order=order, limit=limit + 1, after=after, keys=True
    )
    cur = _run(con, sql, params)
    names = [d[0] for d in cur.description]
    rows = cur.fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = encode_cursor(order, rows[-1][-2], rows[-1][-1]) if more and rows else None
    return Page(names[:-2], [dict(zip(names[:-2], r[:-2], strict=True)) for r in rows], nxt)


def encode_cursor(order: Order, key: Any, event_id: str) -> str:
    value = key.isoformat() if isinstance(key, date) else key
    raw = json.dumps([order.by, order.descending, value, event_id], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, order: Order) -> tuple[Any, str]:
    """(sort key, event_id) of a cursor made by :func:`page` with the same order."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        by, desc, value, event_id = json.loads(raw)
        kind = _SORT_TYPES.get(by, str)
        if value is not None:
            value = date.fromisoformat(value) if kind is date else kind(value)
    except (ValueError, TypeError, binascii.Error, json.JSONDecodeError) as exc:
        raise FilterError("cursor", "not a cursor returned by this listing") from exc
    if (by, bool(desc)) != (order.by, order.descending) or not isinstance(event_id, str):
        raise FilterError("cursor", "made for another sort order")
    return value, event_id


def _after_sql(order: Order, last: tuple[Any, str]) -> tuple[str, list]:
    value, event_id = last
    cmp = "<" if order.descending else ">"
    col = f"e.{order.by}"
    if order.by == "event_id":
        return f"WHERE e.event_id {cmp} ?", [event_id]
    if value is None:
        return f"WHERE {col} IS NULL AND e.event_id {cmp} ?", [event_id]
    return (
        f"WHERE ({col} {cmp} ? OR ({col} = ? AND e.event_id {cmp} ?) OR {col} IS NULL)",
        [value, value, event_id],
    )


def count(store, f: EventFilter = ANY) -> int:
    where, params = f.where()
    return store.con.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()[0]


def count_by(store, by: Sequence[str], f: EventFilter = ANY) -> list[tuple]:
    """(values of ``by``..., count) per group, ordered by ``by``."""
    bad = [c for c in by if not _IDENT.match(c)]
    if bad:
        raise FilterError("by", f"unknown column {bad[0]!r}")
    cols = ", ".join(f'"{c}"' for c in by)
    where, params = f.where()
    sql = f"SELECT {cols}, count(*) FROM events WHERE {where} GROUP BY ALL ORDER BY {cols}"
    return _run(store.con, sql, params).fetchall()


def write(
    store,
    f: EventFilter,
    out: Path,
    fmt: str,
    columns: Sequence[str] | None = None,
    *,
    gdelt: bool = False,
) -> int:
    """Write the selection to ``out`` atomically as csv/json/jsonl/parquet; the row count."""
    sql, params = select_sql(f, columns, gdelt=gdelt)
    return copy_query(store.con, sql, params, out, fmt)


def fingerprint(con) -> str:
    """Changes whenever events are added, removed or re-written (count, latest write)."""
    n, last = con.execute("SELECT count(*), max(created_at) FROM events").fetchone()
    return f"{n}|{last}"


@dataclass(frozen=True)
class Unit:
    """One real-world event: the reports of one ``group_id`` (or one ungrouped report)."""

    day: date
    goldstein: float | None  # mean over the reports
    quad_class: int | None  # most frequent
    plover_type: str | None  # most frequent
    source: str | None  # most frequent source country (else actor id)
    target: str | None  # most frequent target country
    n_reports: int
    ref: str  # one report's event_id, for citations


def _scope(f: EventFilter) -> EventFilter:
    return EventFilter(origins=f.origins, modality=f.modality, dated=f.dated)


def units(store, f: EventFilter) -> list[Unit]:
    """Real-world events with a report matching ``f``, by date. A group counts once, on
    the date of its first report among all its reports of ``f``'s origins and modality."""
    where, params = f.where()
    scope, scope_params = _scope(f).where()
    sql = f"""
      WITH r AS (
        SELECT coalesce(group_id, event_id) AS unit, event_id, event_date, goldstein,
               quad_class, plover_type, {SOURCE_COUNTRY} AS s_iso, {TARGET_COUNTRY} AS t_iso,
               source_actor_id
        FROM events WHERE event_date IS NOT NULL AND {where}
      ), u AS (
        SELECT group_id AS unit, min(event_date) AS ud FROM events
        WHERE group_id IN (SELECT unit FROM r) AND event_date IS NOT NULL AND {scope}
        GROUP BY group_id
      )
      SELECT coalesce(any_value(u.ud), min(r.event_date)) AS d, avg(goldstein),
             mode(quad_class), mode(plover_type), mode(coalesce(s_iso, source_actor_id)),
             mode(t_iso), count(*), min(event_id) AS ref
      FROM r LEFT JOIN u USING (unit) GROUP BY unit ORDER BY d, ref
    """
    return [Unit(*row) for row in store.con.execute(sql, [*params, *scope_params]).fetchall()]


def daily_units(store, f: EventFilter) -> list[tuple[date, int]]:
    """(day, number of real-world events with a report matching ``f``), by day."""
    where, params = f.where()
    return store.con.execute(
        "SELECT d, count(*) FROM (SELECT coalesce(group_id, event_id) AS unit, "
        f"min(event_date) AS d FROM events WHERE event_date IS NOT NULL AND {where} "
        "GROUP BY unit) GROUP BY d ORDER BY d",
        params,
    ).fetchall()
