"""Write the knowledge pack into the store as curated rows (origin 'curated').

Idempotent and versioned: the store's ``knowledge_packs`` row records the pack version and a
hash of its files. Loading the same version and content again writes nothing; any other
pack (newer version, or edited files) replaces every curated row in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path

from summitry import events
from summitry.codes import cameo_info, plover_for
from summitry.events import EventFilter
from summitry.geo import lookup_place
from summitry.knowledge.facts import Position
from summitry.knowledge.pack import CuratedItem, CuratedMeeting, KnowledgePack, read_pack

DATASET = "knowledge-pack"
_MINE = "origin = 'curated' AND rule LIKE 'knowledge-pack:%'"  # curated rows of any pack version

# Used only if summitry.codes is unavailable; values from the CAMEO codebook/Goldstein table.
_CAMEO_FALLBACK = {
    "041": (1, 1.0, "phone"),
    "042": (1, 1.9, "visit"),
    "043": (1, 2.8, "visit"),
    "044": (1, 2.5, "third-party"),
}


@dataclass(frozen=True)
class LoadSummary:
    """What a load did. ``loaded`` is False when the store already held this pack."""

    pack: str
    version: int
    loaded: bool
    previous_version: int | None
    meetings: int
    participants: int
    items: int
    events: int
    treaties: int
    treaty_actions: int
    message: str
    positions: int = 0
    impact_facts: int = 0
    sources: int = 0


_TABLES = (
    "knowledge_packs",
    "knowledge_meetings",
    "treaties",
    "treaty_actions",
    "impact_facts",
    "knowledge_sources",
)


def _ensure_tables(store) -> None:
    """Create the knowledge tables if a store made before they were added lacks them."""
    have = set(store.tables())
    if set(_TABLES) <= have:
        return
    for name in ("005_knowledge.sql", "007_knowledge_v3.sql"):
        sql = resources.files("summitry.store").joinpath("sql", name)
        store.con.execute(sql.read_text(encoding="utf-8"))


def _stored(store) -> tuple[int, str] | None:
    row = store.con.execute(
        "SELECT version, content_hash FROM knowledge_packs WHERE pack = ?", [DATASET]
    ).fetchone()
    return (int(row[0]), str(row[1])) if row else None


def _summary(
    pack: KnowledgePack, loaded: bool, previous: int | None, counts: dict[str, int], message: str
) -> LoadSummary:
    return LoadSummary(
        pack.pack,
        pack.version,
        loaded,
        previous,
        counts.get("meetings", 0),
        counts.get("participants", 0),
        counts.get("items", 0),
        counts.get("events", 0),
        counts.get("treaties", 0),
        counts.get("treaty_actions", 0),
        message,
        counts.get("positions", 0),
        counts.get("impact_facts", 0),
        counts.get("knowledge_sources", 0),
    )


def _store_counts(store) -> dict[str, int]:
    con = store.con
    q = {
        "meetings": f"SELECT count(*) FROM meetings WHERE {_MINE}",
        "participants": "SELECT count(*) FROM meeting_participants WHERE meeting_id IN "
        f"(SELECT meeting_id FROM meetings WHERE {_MINE})",
        "items": f"SELECT count(*) FROM meeting_items WHERE {_MINE} AND kind <> 'position'",
        "positions": f"SELECT count(*) FROM meeting_items WHERE {_MINE} AND kind = 'position'",
        "impact_facts": "SELECT count(*) FROM impact_facts",
        "knowledge_sources": "SELECT count(*) FROM knowledge_sources",
        "treaties": "SELECT count(*) FROM treaties",
        "treaty_actions": "SELECT count(*) FROM treaty_actions",
    }
    counts = {k: con.execute(sql).fetchone()[0] for k, sql in q.items()}
    counts["events"] = events.count(store, EventFilter(datasets=(DATASET,)))
    return counts


def load_knowledge_pack(
    store, pack: KnowledgePack | None = None, *, path: str | Path | None = None, force: bool = False
) -> LoadSummary:
    """Load the pack (default: the shipped one) into ``store``; see the module docstring.

    A store that already holds a *newer* pack version is left alone unless ``force``.
    """
    pack = pack or read_pack(path)
    _ensure_tables(store)
    stored = _stored(store)
    previous = stored[0] if stored else None
    if stored and not force:
        if stored == (pack.version, pack.content_hash):
            return _summary(
                pack,
                False,
                previous,
                _store_counts(store),
                f"{pack.rule} already loaded; nothing to do",
            )
        if stored[0] > pack.version:
            return _summary(
                pack,
                False,
                previous,
                _store_counts(store),
                f"store holds newer {pack.pack}:v{stored[0]}; left unchanged",
            )
    rows = _build_rows(pack)
    with store.transaction() as con:
        _delete_curated(con)
        _insert(con, "meetings", rows["meetings"])
        _insert(con, "knowledge_meetings", rows["notes"])
        _insert(con, "meeting_participants", rows["participants"])
        _insert(con, "meeting_items", rows["items"])
        _insert(con, "events", rows["events"])
        _insert(con, "meeting_sources", rows["sources"])
        _insert(con, "treaties", rows["treaties"])
        _insert(con, "treaty_actions", rows["treaty_actions"])
        _insert(con, "meeting_items", rows["positions"])
        _insert(con, "impact_facts", rows["impact_facts"])
        _insert(con, "knowledge_sources", rows["knowledge_sources"])
        con.execute("DELETE FROM knowledge_packs WHERE pack = ?", [DATASET])
        _insert(
            con,
            "knowledge_packs",
            [
                {
                    "pack": DATASET,
                    "version": pack.version,
                    "content_hash": pack.content_hash,
                    "as_of": pack.as_of,
                    "loaded_at": datetime.now(UTC).replace(tzinfo=None),
                    "n_meetings": len(rows["meetings"]),
                    "n_items": len(rows["items"]),
                    "n_events": len(rows["events"]),
                    "n_treaties": len(rows["treaties"]),
                    "n_treaty_actions": len(rows["treaty_actions"]),
                    "n_positions": len(rows["positions"]),
                    "n_impact_facts": len(rows["impact_facts"]),
                    "n_sources": len(rows["knowledge_sources"]),
                }
            ],
        )
    counts = {k: len(v) for k, v in rows.items()}
    verb = "replaced " + f"{pack.pack}:v{previous}" if previous is not None else "loaded"
    return _summary(pack, True, previous, counts, f"{verb} -> {pack.rule}")


def pack_status(store) -> str | None:
    """None when the store holds the shipped pack; otherwise what is missing or older, in
    words (reads only: readers report it, ``summitry knowledge load`` fixes it)."""
    pack = read_pack()
    have = set(store.tables())
    stored = _stored(store) if "knowledge_packs" in have else None
    if stored is None:
        return f"the store holds no knowledge pack ({pack.rule} ships with summitry)"
    if stored == (pack.version, pack.content_hash):
        return None
    if stored[0] > pack.version:
        return None  # a newer pack is kept, as load_knowledge_pack does
    return f"the store holds {pack.pack}:v{stored[0]}, this summitry ships {pack.rule}"


def ensure_knowledge_pack(store) -> LoadSummary:
    """Load the shipped pack if the store lacks it or holds an older one (cheap otherwise)."""
    return load_knowledge_pack(store)


# --- row building -------------------------------------------------------------------------
def _delete_curated(con) -> None:
    mine = f"SELECT meeting_id FROM meetings WHERE {_MINE}"
    con.execute(
        f"DELETE FROM meeting_sources WHERE event_id IN "
        f"(SELECT event_id FROM events WHERE dataset = '{DATASET}')"
    )
    con.execute(f"DELETE FROM meeting_participants WHERE meeting_id IN ({mine})")
    con.execute(f"DELETE FROM meeting_items WHERE {_MINE}")
    con.execute(f"DELETE FROM events WHERE dataset = '{DATASET}'")
    con.execute(f"DELETE FROM meetings WHERE {_MINE}")
    con.execute("DELETE FROM knowledge_meetings")
    con.execute("DELETE FROM treaty_actions")
    con.execute("DELETE FROM treaties")
    con.execute("DELETE FROM impact_facts")
    con.execute("DELETE FROM knowledge_sources")


def _insert(con, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    cols = list(rows[0])
    sql = f'INSERT INTO "{table}" ({", ".join(cols)}) VALUES ({", ".join("?" for _ in cols)})'
    con.executemany(sql, [[r[c] for c in cols] for r in rows])


def _coordinates(m: CuratedMeeting) -> tuple[float | None, float | None]:
    if m.lat is not None or not m.city:
        return m.lat, m.lon
    place = lookup_place(m.city, m.country) or lookup_place(m.city)
    return (place.lat, place.lon) if place is not None else (None, None)


def _cameo(code: str) -> tuple[int | None, float | None, str | None, str | None]:
    """quad_class, goldstein, PLOVER type and mode for a consult code."""
    info, plover = cameo_info(code), plover_for(code)
    if info is not None:
        return (
            info.quad_class,
            info.goldstein,
            plover.event_type if plover else "CONSULT",
            plover.mode if plover else None,
        )
    quad, goldstein, mode = _CAMEO_FALLBACK[code]
    return quad, goldstein, "CONSULT", mode


def _pairs(pack: KnowledgePack, m: CuratedMeeting) -> list[tuple[str, str, str]]:
    """(source, target, CAMEO code) for each U.S. participant with each counterpart.

    A call is 041 (source: the U.S. leader). A meeting in one side's country is 042 with
    the visitor as source and the host as target; elsewhere it is 044.
    """
    us = [p for p in m.participants if pack.leader_iso3(p) == "USA"]
    others = [p for p in m.participants if pack.leader_iso3(p) != "USA"]
    if not us:  # not a U.S.-Soviet/Russian row: pair the first with the rest
        us, others = list(m.participants[:1]), list(m.participants[1:])
    out = []
    for a in us:
        for b in others:
            if m.format == "call":
                out.append((a, b, "041"))
            elif m.country and m.country == pack.leader_iso3(a):
                out.append((b, a, "042"))
            elif m.country and m.country == pack.leader_iso3(b):
                out.append((a, b, "042"))
            else:
                out.append((a, b, "044"))
    return out


def _meeting_row(m: CuratedMeeting, rule: str, lat, lon) -> dict:
    return {
        "meeting_id": m.meeting_id,
        "origin": "curated",
        "title": m.title,
        "start_date": m.start_date,
        "end_date": m.end_date,
        "city": m.city,
        "country": m.country,
        "lat": lat,
        "lon": lon,
        "format": m.format,
        "occasion": m.occasion,
        "status": m.status,
        "source_url": m.source_url,
        "rule": rule,
    }


def _item_rows(m: CuratedMeeting, its: list[CuratedItem], rule: str) -> list[dict]:
    return [
        {
            "item_id": f"{m.meeting_id}:{n:03d}",
            "meeting_id": m.meeting_id,
            "kind": it.kind,
            "topic": it.topic,
            "value": it.value,
            "text": it.text,
            "item_date": it.item_date,
            "origin": "curated",
            "dataset": DATASET,
            "dataset_row_id": f"meeting_items.csv:{it.line}",
            "source_url": it.source_url,
            "rule": rule,
        }
        for n, it in enumerate(its, start=1)
    ]


def _position_rows(pack: KnowledgePack, m: CuratedMeeting, ps: list[Position]) -> list[dict]:
    """Positions as meeting_items: kind 'position', actor = the side, value = the stance."""
    return [
        {
            "item_id": f"{m.meeting_id}:p{n:03d}",
            "meeting_id": m.meeting_id,
            "kind": "position",
            "actor_id": p.side,
            "actor_name": pack.leader_name(p.side),
            "topic": p.topic,
            "value": p.stance,
            "text": p.text,
            "quote": p.quote,
            "item_date": p.item_date or m.start_date,
            "origin": "curated",
            "dataset": DATASET,
            "dataset_row_id": f"positions.csv:{p.line}",
            "source_url": p.source_url,
            "rule": pack.rule,
        }
        for n, p in enumerate(ps, start=1)
    ]


def _participant_rows(pack: KnowledgePack, m: CuratedMeeting, on: date | None) -> list[dict]:
    return [
        {
            "meeting_id": m.meeting_id,
            "actor_id": p,
            "name": pack.leader_name(p),
            "role": pack.role_on(p, on),
            "iso3": pack.leader_iso3(p),
        }
        for p in m.participants
    ]


def _event_rows(pack: KnowledgePack, m: CuratedMeeting, topics, lat, lon, now) -> list[dict]:
    out = []
    for src, tgt, code in _pairs(pack, m):
        quad, goldstein, ptype, pmode = _cameo(code)
        event_id = f"{m.meeting_id}:{src.removeprefix('person:')}:{tgt.removeprefix('person:')}"
        out.append(
            {
                "event_id": event_id,
                "origin": "curated",
                "dataset": DATASET,
                "dataset_row_id": m.meeting_id,
                "event_date": m.start_date,
                "source_actor_id": src,
                "source_text": pack.leader_name(src),
                "source_iso3": pack.leader_iso3(src),
                "target_actor_id": tgt,
                "target_text": pack.leader_name(tgt),
                "target_iso3": pack.leader_iso3(tgt),
                "cameo_code": code,
                "cameo_root": code[:2],
                "quad_class": quad,
                "goldstein": goldstein,
                "plover_type": ptype,
                "plover_mode": pmode,
                "modality": "asserted",
                "location_name": m.city,
                "location_iso3": m.country,
                "lat": lat,
                "lon": lon,
                "topics": topics,
                "source_url": m.source_url,
                "rule": pack.rule,
                "created_at": now,
            }
        )
    return out


def _pack_wide_rows(pack: KnowledgePack) -> dict[str, list[dict]]:
    """Treaties, treaty actions, impact facts and sources: rows not tied to one meeting."""
    return {
        "treaties": [
            {
                "treaty_id": t.treaty_id,
                "name": t.name,
                "short_name": t.short_name,
                "parties": t.parties,
                "source_url": t.source_url,
            }
            for t in pack.treaties
        ],
        "treaty_actions": [
            {
                "treaty_id": a.treaty_id,
                "action": a.action,
                "action_date": a.action_date,
                "actor": a.actor,
                "note": a.note,
                "source_url": a.source_url,
            }
            for a in pack.treaty_actions
        ],
        "impact_facts": [
            {
                "fact_id": f.fact_id,
                "area": f.area,
                "kind": f.kind,
                "start_date": f.start_date,
                "end_date": f.end_date,
                "actors": list(f.actors),
                "title": f.title,
                "text": f.text,
                "status": f.status,
                "related_meetings": list(f.related_meetings),
                "source_url": f.source_url,
                "rule": pack.rule,
            }
            for f in pack.impact_facts
        ],
        "knowledge_sources": [
            {
                "url": s.url,
                "publisher": s.publisher,
                "published": s.published,
                "source_type": s.source_type,
                "title": s.title,
            }
            for s in pack.sources.values()
        ],
    }


def _build_rows(pack: KnowledgePack) -> dict[str, list[dict]]:
    now = datetime.now(UTC).replace(tzinfo=None)
    items_by_meeting: dict[str, list[CuratedItem]] = {}
    for it in pack.items:
        items_by_meeting.setdefault(it.meeting_id, []).append(it)
    positions_by_meeting: dict[str, list[Position]] = {}
    for p in pack.positions:
        positions_by_meeting.setdefault(p.meeting_id, []).append(p)
    keys = ("meetings", "notes", "participants", "items", "positions", "events", "sources")
    rows: dict[str, list[dict]] = {k: [] for k in keys}
    for m in pack.meetings:
        lat, lon = _coordinates(m)
        rows["meetings"].append(_meeting_row(m, pack.rule, lat, lon))
        rows["notes"].append(
            {
                "meeting_id": m.meeting_id,
                "confirmed": m.confirmed,
                "notes": m.notes,
                "source_url": m.source_url,
            }
        )
        its = items_by_meeting.get(m.meeting_id, [])
        on: date | None = m.start_date or next((i.item_date for i in its if i.item_date), None)
        rows["participants"] += _participant_rows(pack, m, on)
        rows["items"] += _item_rows(m, its, pack.rule)
        rows["positions"] += _position_rows(pack, m, positions_by_meeting.get(m.meeting_id, []))
        if m.status != "held":
            continue
        topics = sorted({i.topic for i in its if i.topic}) or None
        events = _event_rows(pack, m, topics, lat, lon, now)
        rows["events"] += events
        rows["sources"] += [{"meeting_id": m.meeting_id, "event_id": e["event_id"]} for e in events]
    rows.update(_pack_wide_rows(pack))
    return rows
