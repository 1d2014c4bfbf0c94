"""Read meetings back: filtered listings and one meeting with all its evidence."""

from __future__ import annotations

from datetime import date
from typing import Any

from summitry import events
from summitry.actors import normalise
from summitry.events import EventFilter
from summitry.geo import lookup_place

FORMATS = ("summit", "sideline", "informal", "call")
ORIGINS = ("extracted", "imported", "curated")


class MeetingQueryError(ValueError):
    """A filter value is invalid (unknown origin, unresolvable actor...)."""


_PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "van", "von", "der"}


def _words(name: str) -> list[str]:
    return [w for w in normalise(name).replace("-", " ").split() if w not in _PARTICLES]


def _same_name(query: list[str], name: list[str]) -> bool:
    """A query names a participant: the same words, or all of the query's among the
    participant's with the last one shared ("Sisi", "Abdel Fattah al-Sisi" ~ "Abdel Fattah
    el-Sisi", "Kais Saied")."""
    if not query or not name:
        return False
    return query == name or (set(query) <= set(name) and query[-1] in name)


def resolve_actor(store, actor: str) -> set[str]:
    """Participant actor ids (or 'iso3:XXX' for a country) that ``actor`` may denote."""
    if actor.startswith("person:") or actor.startswith("iso3:"):
        return {actor}
    if len(actor) == 3 and actor.isupper():
        return {f"iso3:{actor}"}
    want = _words(actor)
    ids = set()
    for aid, name in store.con.execute(
        "SELECT DISTINCT actor_id, name FROM meeting_participants"
    ).fetchall():
        if aid == actor or _same_name(want, _words(name)):
            ids.add(aid)
    if not ids:
        place = lookup_place(actor)
        if place is not None and place.kind == "country" and place.iso3:
            return {f"iso3:{place.iso3}"}
        slug = "person:" + "-".join(normalise(actor).split())
        ids.add(slug)
    return ids


def _matches(parts: list[tuple[str, str | None]], wanted: set[str]) -> bool:
    return any(aid in wanted or (iso3 and f"iso3:{iso3}" in wanted) for aid, iso3 in parts)


_COLS = [
    "id",
    "origin",
    "title",
    "start_date",
    "end_date",
    "city",
    "country",
    "lat",
    "lon",
    "format",
    "occasion",
    "status",
    "duration_minutes",
    "one_on_one",
    "n_reports",
    "n_documents",
    "source_url",
    "date_precision",
    "first_reported",
]


def _filters(
    sources: list[str], date_from, date_to, status, ministers: bool, ids: list[str] | None
) -> tuple[str, list[Any]]:
    sql = "m.origin IN (SELECT unnest(?))"
    params: list[Any] = [sources]
    if date_from:
        sql += " AND coalesce(m.end_date, m.start_date) >= ?"
        params.append(str(date_from))
    if date_to:
        sql += " AND m.start_date <= ?"
        params.append(str(date_to))
    if status:
        sql += " AND m.status IN (SELECT unnest(?))"
        params.append(list(status))
    if not ministers:  # leaders' encounters: two heads of state/government (curated: all)
        sql += " AND (m.origin = 'curated' OR coalesce(m.n_leaders, 2) >= 2)"
    if ids is not None:
        sql += " AND m.meeting_id IN (SELECT unnest(?))"
        params.append(ids)
    return sql, params


def _by_meeting(store, sql: str, ids: list[str]) -> dict[str, list[tuple]]:
    """Rows of ``sql`` (first column the meeting id, bound to ``ids``) per meeting."""
    out: dict[str, list[tuple]] = {}
    if ids:
        for row in store.con.execute(sql, [ids]).fetchall():
            out.setdefault(row[0], []).append(row[1:])
    return out


def _sources(store, meeting_ids: list[str]) -> dict[str, list[str]]:
    """Each meeting's evidence: documents, else dataset rows, else event ids, sorted."""
    links = _by_meeting(
        store,
        "SELECT meeting_id, event_id FROM meeting_sources WHERE meeting_id IN (SELECT unnest(?))",
        meeting_ids,
    )
    wanted = tuple(sorted({e for rows in links.values() for (e,) in rows}))
    if not wanted:
        return {}
    cols = ("event_id", "doc_id", "dataset", "dataset_row_id")
    key = {
        eid: doc or (f"{ds}:{row}" if row is not None else None) or eid
        for eid, doc, ds, row in events.select(store, EventFilter(ids=wanted), cols).rows
    }
    return {mid: sorted({key[e] for (e,) in rows if e in key}) for mid, rows in links.items()}


def list_meetings(
    store,
    between: tuple[str, str] | list[str] | None = None,
    date_from: date | str | None = None,
    date_to: date | str | None = None,
    sources: list[str] | tuple[str, ...] | None = None,
    status: list[str] | None = None,
    ministers: bool = False,
    ids: list[str] | None = None,
) -> list[dict[str, Any]]:
    """Meetings as plain dicts (JSON-ready), oldest first. Leaders' encounters only, unless
    ``ministers`` (then also those of foreign / defence ministers and vice presidents);
    ``between``: each actor (name, id or country) must be among the participants, so a
    three-party summit is listed for any two of them. Participants, topics and sources are
    read in one query each, so the listing costs the same for ten meetings or 100,000."""
    sources = list(sources or ORIGINS)
    bad = [s for s in sources if s not in ORIGINS]
    if bad:
        raise MeetingQueryError(f"--source {bad[0]!r}: expected one of {', '.join(ORIGINS)}")
    where, params = _filters(sources, date_from, date_to, status, ministers, ids)
    sel = ", ".join("m." + ("meeting_id" if c == "id" else c) for c in _COLS)
    rows = store.con.execute(
        f"SELECT {sel} FROM meetings m WHERE {where} ORDER BY m.start_date NULLS LAST, "
        "m.meeting_id",
        params,
    ).fetchall()
    ids_all = [r[0] for r in rows]
    parts = _by_meeting(
        store,
        "SELECT meeting_id, actor_id, name, role, iso3 FROM meeting_participants "
        "WHERE meeting_id IN (SELECT unnest(?)) ORDER BY meeting_id, actor_id",
        ids_all,
    )
    topics = _by_meeting(
        store,
        "SELECT meeting_id, topic FROM meeting_items WHERE meeting_id IN (SELECT unnest(?)) "
        "AND kind = 'topic' GROUP BY meeting_id, topic "
        "ORDER BY meeting_id, min(TRY_CAST(value AS INTEGER)) NULLS LAST, topic",
        ids_all,
    )
    srcs = _sources(store, ids_all)
    wanted = [resolve_actor(store, a) for a in (between or [])]
    out = []
    for row in rows:
        m = dict(zip(_COLS, row, strict=True))
        ps = parts.get(m["id"], [])
        if any(not _matches([(p[0], p[3]) for p in ps], w) for w in wanted):
            continue
        m["participants"] = [p[1] for p in ps]
        m["participant_ids"] = [p[0] for p in ps]
        m["roles"] = {p[1]: p[2] for p in ps}
        m["participant_iso3"] = {p[0]: p[3] for p in ps}
        for k in ("start_date", "end_date", "first_reported"):
            m[k] = m[k].isoformat() if m[k] else None
        m["topics"] = [t for (t,) in topics.get(m["id"], [])]
        m["sources"] = srcs.get(m["id"]) or ([m["source_url"]] if m["source_url"] else [])
        out.append(m)
    return out


def get_meeting(store, meeting_id: str) -> dict[str, Any] | None:
    """One meeting with its participants, items (evidence spans) and sources."""
    found = list_meetings(store, ministers=True, ids=[meeting_id])
    if not found:
        return None
    m = found[0]
    cols = [
        "kind",
        "actor_id",
        "actor_name",
        "topic",
        "value",
        "text",
        "score",
        "item_date",
        "origin",
        "doc_id",
        "sent_idx",
        "start_char",
        "end_char",
        "event_id",
        "dataset",
        "dataset_row_id",
        "source_url",
        "rule",
    ]
    rows = store.con.execute(
        f"SELECT {', '.join('i.' + c for c in cols)}, d.title, d.published FROM meeting_items i "
        "LEFT JOIN documents d ON d.doc_id = i.doc_id WHERE i.meeting_id = ? "
        "ORDER BY i.kind, i.item_date NULLS LAST, CASE WHEN i.kind = 'status' THEN i.score END, "
        "i.doc_id, i.sent_idx, i.item_id",
        [meeting_id],
    ).fetchall()
    items = []
    for r in rows:
        it = dict(zip([*cols, "doc_title", "doc_published"], r, strict=True))
        for k in ("item_date", "doc_published"):
            it[k] = it[k].isoformat() if it[k] else None
        items.append(it)
    m["items"] = items
    return m
