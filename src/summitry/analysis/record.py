"""Read what the store knows about a pair: their meetings with items, statements, treaties.

Every row keeps where it came from (origin plus document span, dataset row or source URL) so
that the report can cite it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from summitry import events
from summitry.analysis.dyad import Dyad, check_sources
from summitry.analysis.results import TableResult
from summitry.events import EventFilter


@dataclass
class Evidence:
    """Where a fact comes from: a document span, a dataset row, or a source URL."""

    origin: str
    doc_id: str | None = None
    sent_idx: int | None = None
    start_char: int | None = None
    end_char: int | None = None
    dataset: str | None = None
    dataset_row_id: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None  # the document's publication date

    @property
    def key(self) -> tuple:
        return (
            self.doc_id,
            self.sent_idx,
            self.start_char,
            self.dataset,
            self.dataset_row_id,
            self.url if not (self.doc_id or self.dataset_row_id) else None,
        )


@dataclass
class Item:
    kind: str  # topic|outcome|non_outcome|position|statement|reaction|status
    text: str
    topic: str | None
    value: str | None  # outcome type, stance of a position, status reached
    actor_id: str | None
    actor_name: str | None
    item_date: date | None
    evidence: Evidence
    quote: str | None = None  # a short verbatim quotation beside a paraphrase


@dataclass
class Meeting:
    meeting_id: str
    origin: str
    title: str | None
    start: date | None
    end: date | None
    city: str | None
    country: str | None
    format: str
    occasion: str | None
    status: str
    participants: list[tuple[str, str, str | None]]  # (actor_id, name, iso3)
    evidence: Evidence
    notes: str | None = None
    items: list[Item] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None

    @property
    def topics(self) -> list[str]:
        return list(dict.fromkeys(i.topic for i in self.items if i.kind == "topic" and i.topic))

    def of_kind(self, *kinds: str) -> list[Item]:
        return [i for i in self.items if i.kind in kinds]


def _q(store, sql: str, params: list) -> list[dict[str, Any]]:
    cur = store.con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def dyad_meetings(store, dyad: Dyad, sources=None, history: bool = False) -> list[Meeting]:
    """Meetings of the pair, oldest first (undated last).

    Leaders: meetings both attended. Countries, or ``history=True``: meetings with a
    participant from each side's country (or its predecessor state, e.g. SUN for RUS).
    """
    origins = list(check_sources(sources))
    rows = _dyad_meeting_rows(store, dyad, origins, history)
    if not rows:
        return []
    ids = [r["meeting_id"] for r in rows]
    parts = _participants(store, ids)
    items = _meeting_items(store, ids, origins)
    return [_meeting(store, r, parts.get(r["meeting_id"], []), items) for r in rows]


def _dyad_meeting_rows(store, dyad: Dyad, origins: list[str], history: bool) -> list[dict]:
    """The ``meetings`` rows of the pair (with the pack's notes where the pack is loaded)."""
    if dyad.is_leaders and not history:
        cond = (
            "meeting_id IN (SELECT meeting_id FROM meeting_participants WHERE actor_id = ?) "
            "AND meeting_id IN (SELECT meeting_id FROM meeting_participants WHERE actor_id = ?)"
        )
        params: list = [dyad.a.person_id, dyad.b.person_id]
    else:
        cond = (
            "meeting_id IN (SELECT meeting_id FROM meeting_participants WHERE iso3 IN "
            "(SELECT unnest(?))) AND meeting_id IN (SELECT meeting_id FROM "
            "meeting_participants WHERE iso3 IN (SELECT unnest(?)))"
        )
        params = [list(dyad.a.countries), list(dyad.b.countries)]
    has_km = "knowledge_meetings" in store.tables()
    notes = "k.notes" if has_km else "NULL"
    join = "LEFT JOIN knowledge_meetings k USING (meeting_id)" if has_km else ""
    return _q(
        store,
        f"SELECT m.*, {notes} AS kp_notes FROM meetings m {join} "
        f"WHERE m.origin IN (SELECT unnest(?)) AND {cond} "
        "ORDER BY m.start_date NULLS LAST, m.meeting_id",
        [origins, *params],
    )


def _participants(store, ids: list[str]) -> dict[str, list]:
    """meeting_id -> [(actor_id, name, iso3)], by actor id."""
    parts: dict[str, list] = {}
    for p in _q(
        store,
        "SELECT * FROM meeting_participants WHERE meeting_id IN (SELECT unnest(?)) "
        "ORDER BY meeting_id, actor_id",
        [ids],
    ):
        parts.setdefault(p["meeting_id"], []).append((p["actor_id"], p["name"], p["iso3"]))
    return parts


def _meeting_items(store, ids: list[str], origins: list[str]) -> dict[str, list[Item]]:
    """meeting_id -> its items with their evidence; curated items in the pack's row order."""
    items: dict[str, list[Item]] = {}
    order: dict[str, list[int | None]] = {}
    for it in _q(
        store,
        "SELECT i.*, d.url AS doc_url, d.title AS doc_title, d.published AS doc_published "
        "FROM meeting_items i "
        "LEFT JOIN documents d USING (doc_id) WHERE i.meeting_id IN (SELECT unnest(?)) "
        "AND i.origin IN (SELECT unnest(?)) "
        "ORDER BY i.item_date NULLS LAST, i.doc_id, i.sent_idx, i.item_id",
        [ids, origins],
    ):
        items.setdefault(it["meeting_id"], []).append(_item(it))
        pos = _pack_position(it["item_id"]) if it["origin"] == "curated" else None
        order.setdefault(it["meeting_id"], []).append(pos)
    for mid, lst in items.items():
        if all(p is not None for p in order[mid]):
            keyed = sorted(zip(order[mid], lst, strict=True), key=lambda x: x[0])
            items[mid] = [x for _, x in keyed]
    return items


def _item(it: dict) -> Item:
    """One ``meeting_items`` row (joined with its document) as an Item with its evidence."""
    ev = Evidence(
        it["origin"], it["doc_id"], it["sent_idx"], it["start_char"], it["end_char"],
        it["dataset"], it["dataset_row_id"], it["source_url"] or it["doc_url"],
        it["doc_title"], it["doc_published"],
    )  # fmt: skip
    text = it["text"] or it["value"] or it["topic"] or ""
    return Item(
        it["kind"], text, it["topic"], it["value"], it["actor_id"], it["actor_name"],
        it["item_date"], ev, it.get("quote"),
    )  # fmt: skip


def _meeting(store, r: dict, parts: list, items: dict[str, list[Item]]) -> Meeting:
    """One ``meetings`` row as a Meeting: the pack's row or the episode's own evidence."""
    mid = r["meeting_id"]
    if r["origin"] == "curated":
        ev = Evidence(
            r["origin"], dataset="knowledge-pack", dataset_row_id=mid,
            url=r["source_url"], title=r["title"],
        )  # fmt: skip
    else:
        ev = _meeting_evidence(store, mid, r)
    return Meeting(
        mid, r["origin"], r["title"], r["start_date"], r["end_date"], r["city"],
        r["country"], r["format"], r["occasion"], r["status"], parts, ev,
        r.get("kp_notes"), items.get(mid, []), r.get("lat"), r.get("lon"),
    )  # fmt: skip


def _pack_position(item_id: str) -> int | None:
    """The row number of a curated item id ``<meeting_id>:<n>`` (None for other ids)."""
    tail = item_id.rsplit(":", 1)[-1]
    return int(tail) if ":" in item_id and tail.isdigit() else None


IN_PERSON = frozenset({"summit", "sideline", "informal"})
ORIGIN_ORDER = {"curated": 0, "extracted": 1, "imported": 2}


@dataclass
class Encounter:
    """One real-world encounter and the records of it, one per source (origin).

    ``records[0]`` leads (curated before extracted before imported); the others are shown
    beside it, never merged into it: their dates, place and items keep their own source.
    """

    records: list[Meeting]

    @property
    def lead(self) -> Meeting:
        return self.records[0]

    @property
    def linked(self) -> list[Meeting]:
        return self.records[1:]

    @property
    def origins(self) -> list[str]:
        return [m.origin for m in self.records]

    @property
    def start(self) -> date | None:
        return self.lead.start

    @property
    def end(self) -> date | None:
        return self.lead.end or self.lead.start

    @property
    def topics(self) -> list[str]:
        return list(dict.fromkeys(t for m in self.records for t in m.topics))


def _people(m: Meeting, countries: tuple[str, ...]) -> set[str]:
    return {a for a, _, iso in m.participants if iso in countries}


def same_encounter(x: Meeting, y: Meeting, dyad: Dyad | None = None, tolerance: int = 1) -> bool:
    """True when ``x`` and ``y`` describe one encounter: both dated, date ranges overlapping
    within ``tolerance`` days, both calls or both in person, and the same pair (for a country
    dyad: at least one participant in common on each side; for leaders: both leaders)."""
    if x.start is None or y.start is None:
        return False
    if (x.format == "call") != (y.format == "call"):
        return False
    xe, ye = x.end or x.start, y.end or y.start
    if (x.start - ye).days > tolerance or (y.start - xe).days > tolerance:
        return False
    if dyad is None:
        return bool({a for a, _, _ in x.participants} & {a for a, _, _ in y.participants})
    if dyad.is_leaders:
        want = {dyad.a.person_id, dyad.b.person_id}
        return all(want <= {a for a, _, _ in m.participants} for m in (x, y))
    return all(_people(x, side.countries) & _people(y, side.countries) for side in (dyad.a, dyad.b))


def link_encounters(
    meetings: list[Meeting], dyad: Dyad | None = None, tolerance: int = 1
) -> list[Encounter]:
    """Group records of the same encounter from different sources (see :func:`same_encounter`).

    A group holds at most one record per origin; each record joins the first group (by
    date) that matches and lacks its origin. Groups come back in date order (undated last).
    """
    groups: list[Encounter] = []
    for m in sorted(
        meetings,
        key=lambda m: (
            ORIGIN_ORDER.get(m.origin, 9),
            m.start is None,
            m.start or date.max,
            m.meeting_id,
        ),
    ):
        for g in groups:
            if m.origin not in g.origins and same_encounter(g.lead, m, dyad, tolerance):
                g.records.append(m)
                break
        else:
            groups.append(Encounter([m]))
    groups.sort(key=lambda g: (g.start is None, g.start or date.max, g.lead.meeting_id))
    return groups


_SOURCES = "SELECT event_id FROM meeting_sources WHERE meeting_id = ?"


def _meeting_evidence(store, mid: str, row: dict[str, Any]) -> Evidence:
    """The first report of an extracted / imported meeting (its earliest source event)."""
    ids = tuple(r["event_id"] for r in _q(store, _SOURCES, [mid]))
    cols = ("doc_id", "sent_idx", "start_char", "end_char", "dataset", "dataset_row_id")
    cols += ("source_url", "doc_url", "doc_title", "doc_published")
    first = events.select(store, EventFilter(ids=ids), cols, limit=1).dicts() if ids else []
    if first:
        e = first[0]
        e["url"], e["title"] = e["source_url"] or e["doc_url"], e["doc_title"]
        e["published"] = e["doc_published"]
        return Evidence(
            row["origin"],
            e["doc_id"],
            e["sent_idx"],
            e["start_char"],
            e["end_char"],
            e["dataset"],
            e["dataset_row_id"],
            e["url"],
            e["title"],
            e["published"],
        )
    return Evidence(row["origin"], url=row["source_url"], title=row["title"])


def statements(store, dyad: Dyad, sources=None, limit: int = 12) -> dict[str, list[Item]]:
    """Each side's quoted statements (events with a speaker and quote, CAMEO 01x/other)."""
    origins = list(check_sources(sources))
    out: dict[str, list[Item]] = {}
    for side in (dyad.a, dyad.b):
        by = {"speaker": (side.person_id,)} if side.person_id else {"source": side.iso3}
        f = EventFilter(quoted=True, modality="asserted", origins=tuple(origins), **by)
        cols = (*events.event_columns(store.con), "doc_url", "doc_title", "doc_published")
        rows = events.select(store, f, cols, limit=limit).dicts()
        out[side.label] = [
            Item(
                "statement",
                r["quote"],
                (r["topics"] or [None])[0],
                r["cameo_code"],
                r["speaker_actor_id"],
                r["speaker_text"],
                r["event_date"],
                Evidence(
                    r["origin"],
                    r["doc_id"],
                    r["sent_idx"],
                    r["start_char"],
                    r["end_char"],
                    r["dataset"],
                    r["dataset_row_id"],
                    r["source_url"] or r["doc_url"],
                    r["doc_title"],
                    r["doc_published"],
                ),
            )
            for r in rows
        ]
    return out


def treaty_actions(store, dyad: Dyad) -> list[dict[str, Any]]:
    """Actions on treaties whose parties include both sides (or predecessor states)."""
    if "treaties" not in store.tables():
        return []
    rows = _q(
        store,
        "SELECT a.*, t.short_name, t.name, t.parties FROM treaty_actions a "
        "JOIN treaties t USING (treaty_id) ORDER BY a.action_date, a.treaty_id",
        [],
    )
    keep = []
    for r in rows:
        parties = set((r["parties"] or "").split(";"))
        if parties & set(dyad.a.countries) and parties & set(dyad.b.countries):
            keep.append(r)
    return keep


def timeline(store, dyad: Dyad, sources=None) -> TableResult:
    """The long-run timeline: meetings since 1945 (any leaders of the two countries) and
    treaty actions, one row per dated entry."""
    rows = []
    for g in link_encounters(dyad_meetings(store, dyad, sources, history=True), dyad):
        m = g.lead
        if m.start is None:
            continue
        rows.append(
            {
                "date": m.start,
                "kind": "meeting",
                "format": m.format,
                "status": m.status,
                "label": m.title or m.meeting_id,
                "id": m.meeting_id,
                "origin": "+".join(g.origins),
                "linked": [x.meeting_id for x in g.linked],
                "source": m.evidence.url or m.evidence.doc_id,
            }
        )
    for a in treaty_actions(store, dyad):
        rows.append(
            {
                "date": a["action_date"],
                "kind": "treaty",
                "format": a["action"],
                "status": None,
                "label": f"{a['short_name']} {a['action'].replace('_', ' ')}",
                "id": a["treaty_id"],
                "origin": "curated",
                "source": a["source_url"],
            }
        )
    rows.sort(key=lambda r: (r["date"], r["kind"], r["id"]))
    method = (
        "Meetings between leaders of the two countries (predecessor states included, "
        "e.g. the USSR for Russia) from the store, one row per encounter (records of one "
        "encounter in several sources are linked, see link_encounters), and actions on "
        "treaties to which both are parties, from the knowledge pack."
    )
    return TableResult(rows, method)
