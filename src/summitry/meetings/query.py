"""Read meetings back: filtered listings and one meeting with all its evidence."""

from __future__ import annotations

from datetime import date
from typing import Any

from summitry.actors import normalise

FORMATS = ("summit", "sideline", "informal", "call")
ORIGINS = ("extracted", "imported", "curated")


class MeetingQueryError(ValueError):
    """A filter value is invalid (unknown origin, unresolvable actor...)."""


def resolve_actor(store, actor: str) -> set[str]:
    """Participant actor ids (or 'iso3:XXX' for a country) that ``actor`` may denote."""
    if actor.startswith("person:") or actor.startswith("iso3:"):
        return {actor}
    if len(actor) == 3 and actor.isupper():
        return {f"iso3:{actor}"}
    want = normalise(actor)
    ids = set()
    for aid, name in store.con.execute(
        "SELECT DISTINCT actor_id, name FROM meeting_participants"
    ).fetchall():
        n = normalise(name)
        if n == want or (" " not in want and n.split()[-1] == want) or aid == actor:
            ids.add(aid)
    if not ids:
        from summitry.geo import lookup_place

        place = lookup_place(actor)
        if place is not None and place.kind == "country" and place.iso3:
            return {f"iso3:{place.iso3}"}
        slug = "person:" + "-".join(want.split())
        ids.add(slug)
    return ids


def _matches(parts: list[tuple[str, str | None]], wanted: set[str]) -> bool:
    return any(aid in wanted or (iso3 and f"iso3:{iso3}" in wanted) for aid, iso3 in parts)


def list_meetings(
    store,
    between: tuple[str, str] | list[str] | None = None,
    date_from: date | str | None = None,
    date_to: date | str | None = None,
    sources: list[str] | tuple[str, ...] | None = None,
    status: list[str] | None = None,
) -> list[dict[str, Any]]:
    """Meetings as plain dicts (JSON-ready), oldest first."""
    sources = list(sources or ORIGINS)
    bad = [s for s in sources if s not in ORIGINS]
    if bad:
        raise MeetingQueryError(f"--source {bad[0]!r}: expected one of {', '.join(ORIGINS)}")
    sql = (
        "SELECT meeting_id, origin, title, start_date, end_date, city, country, lat, lon, format, "
        "occasion, status, duration_minutes, one_on_one, n_reports, n_documents, source_url "
        "FROM meetings WHERE origin IN (SELECT unnest(?))"
    )
    params: list[Any] = [sources]
    if date_from:
        sql += " AND coalesce(end_date, start_date) >= ?"
        params.append(str(date_from))
    if date_to:
        sql += " AND start_date <= ?"
        params.append(str(date_to))
    if status:
        sql += " AND status IN (SELECT unnest(?))"
        params.append(list(status))
    sql += " ORDER BY start_date NULLS LAST, meeting_id"
    cols = [
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
    ]
    wanted = [resolve_actor(store, a) for a in (between or [])]
    out = []
    for row in store.con.execute(sql, params).fetchall():
        m = dict(zip(cols, row, strict=True))
        parts = store.con.execute(
            "SELECT actor_id, name, role, iso3 FROM meeting_participants WHERE meeting_id = ? "
            "ORDER BY actor_id",
            [m["id"]],
        ).fetchall()
        pairs = [(p[0], p[3]) for p in parts]
        if any(not _matches(pairs, w) for w in wanted):
            continue
        m["participants"] = [p[1] for p in parts]
        m["participant_ids"] = [p[0] for p in parts]
        m["roles"] = {p[1]: p[2] for p in parts}
        for k in ("start_date", "end_date"):
            m[k] = m[k].isoformat() if m[k] else None
        m["topics"] = [
            t
            for (t,) in store.con.execute(
                "SELECT topic FROM meeting_items WHERE meeting_id = ? AND kind = 'topic' "
                "GROUP BY topic ORDER BY min(TRY_CAST(value AS INTEGER)) NULLS LAST, topic",
                [m["id"]],
            ).fetchall()
        ]
        srcs = store.con.execute(
            "SELECT DISTINCT coalesce(e.doc_id, e.dataset || ':' || e.dataset_row_id, e.event_id) "
            "FROM meeting_sources s JOIN events e USING (event_id) WHERE s.meeting_id = ? "
            "ORDER BY 1",
            [m["id"]],
        ).fetchall()
        m["sources"] = [s for (s,) in srcs] or ([m["source_url"]] if m["source_url"] else [])
        out.append(m)
    return out


def get_meeting(store, meeting_id: str) -> dict[str, Any] | None:
    """One meeting with its participants, items (evidence spans) and sources."""
    found = [m for m in list_meetings(store) if m["id"] == meeting_id]
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
