"""What the API and the dashboard read from the store, as JSON-ready values.

Field names are those of the CLI's JSON output (``summitry meetings --format json``,
``summitry meeting ID --format json``, ``summitry events --format json``) and of the
exported columns.
"""

from __future__ import annotations

import dataclasses
import math
from datetime import date, datetime
from functools import cache
from itertools import product
from typing import Any

import numpy as np

from summitry import events
from summitry.actors import ActorKB
from summitry.analysis import Dyad, DyadError, countries, leaders
from summitry.events import EventFilter
from summitry.meetings import list_meetings

ISO3 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


class BadParameter(ValueError):
    """A request parameter is not valid; ``name`` is the parameter."""

    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name


def jsonable(value: Any) -> Any:
    """Dates as ISO strings, dataclasses and numpy values as plain JSON, NaN as null."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return jsonable(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if isinstance(value, np.generic):
        return jsonable(value.item())
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def is_country_code(text: str) -> bool:
    return len(text) == 3 and set(text) <= ISO3


def pair(a: str, b: str) -> Dyad:
    """Two leaders (names or person ids) or two countries (ISO3 codes)."""
    try:
        if is_country_code(a) and is_country_code(b):
            return countries(a, b)
        return leaders(a, b)
    except DyadError as exc:
        text = str(exc)
        raise BadParameter("b" if repr(b) in text and repr(a) not in text else "a", text) from exc


def pair_meetings(store, dyad: Dyad, sources: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The pair's meetings as ``summitry meetings --format json`` rows; for two countries
    every meeting of their leaders, predecessor states included (the USSR for Russia)."""
    if dyad.is_leaders:
        combos = [(dyad.a.person_id, dyad.b.person_id)]
    else:
        combos = list(product(dyad.a.countries, dyad.b.countries))
    seen: dict[str, dict[str, Any]] = {}
    for a, b in combos:
        for m in list_meetings(store, between=(a, b), sources=list(sources) or None):
            seen.setdefault(m["id"], m)
    return sorted(
        seen.values(), key=lambda m: (m["start_date"] is None, m["start_date"] or "", m["id"])
    )


def document(store, doc_id: str) -> dict[str, Any] | None:
    """A document with its text, sentences, actor mentions and events (all with spans)."""
    cur = store.con.execute(
        "SELECT doc_id, canonical_id, source, url, title, published, language, text "
        "FROM documents WHERE doc_id = ?",
        [doc_id],
    )
    row = cur.fetchone()
    if row is None:
        return None
    doc = dict(zip([d[0] for d in cur.description], row, strict=True))
    doc["sentences"] = _rows(
        store,
        "SELECT sent_idx, start_char, end_char FROM sentences WHERE doc_id = ? ORDER BY sent_idx",
        [doc_id],
    )
    doc["mentions"] = _rows(
        store,
        "SELECT mention_id, sent_idx, start_char, end_char, text, actor_id, rule FROM mentions "
        "WHERE doc_id = ? ORDER BY start_char, end_char",
        [doc_id],
    )
    cols = (*events.DEFAULT_COLUMNS, "source_start", "source_end", "target_start", "target_end")
    doc["events"] = events.select(store, EventFilter(documents=(doc_id,)), cols).dicts()
    return jsonable(doc)


def _rows(store, sql: str, params: list) -> list[dict[str, Any]]:
    cur = store.con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def list_documents(store, q: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
    """Documents, newest first; ``q`` matches the title (case-insensitive substring)."""
    where, params = "true", []
    if q:
        where, params = "title ILIKE ?", [f"%{q}%"]
    return jsonable(
        _rows(
            store,
            f"SELECT doc_id, title, published, url, source, language, length(text) AS n_chars "
            f"FROM documents WHERE {where} ORDER BY published DESC NULLS LAST, doc_id "
            f"LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
    )


@cache
def actor_kb():
    """The actor knowledge base, loaded once per process (about 0.1 s)."""
    return ActorKB.load()


def resolve_actor(text: str, on: date | None) -> list[dict[str, Any]]:
    """Rows of ``summitry actors who TEXT --on DATE --format json``."""
    when = on.isoformat() if on else ""
    return [m.record(text, when) for m in actor_kb().resolve(text, on=on)]


def store_summary(store) -> dict[str, Any]:
    counts = {}
    for table in ("documents", "events", "meetings"):
        counts[table] = store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return {
        "store": str(store.path),
        "schema_version": store.schema_version,
        "counts": counts,
        "events_by_origin": dict(events.count_by(store, ("origin",))),
    }


def known_pairs(store, limit: int = 12) -> list[dict[str, Any]]:
    """The pairs of leaders with most meetings in the store (for the start page)."""
    return _rows(
        store,
        "SELECT a.actor_id AS a_id, a.name AS a, b.actor_id AS b_id, b.name AS b, "
        "count(DISTINCT a.meeting_id) AS n FROM meeting_participants a "
        "JOIN meeting_participants b ON a.meeting_id = b.meeting_id AND a.actor_id < b.actor_id "
        "WHERE a.actor_id LIKE 'person:%' AND b.actor_id LIKE 'person:%' "
        "GROUP BY ALL ORDER BY n DESC, a, b LIMIT ?",
        [limit],
    )
