"""Read curated knowledge back from the store: meetings between two leaders, treaty timeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from summitry.actors import ActorKB
from summitry.knowledge.pack import CuratedMeeting, KnowledgePack, read_pack


@dataclass(frozen=True)
class CuratedItemRow:
    kind: str
    value: str | None
    topic: str | None
    text: str
    item_date: date | None
    source_url: str


@dataclass(frozen=True)
class CuratedMeetingRow(CuratedMeeting):
    """A meeting read back from the store: the pack's fields (:class:`CuratedMeeting`), the
    participants' roles, its items and its origin."""

    roles: tuple[str | None, ...] = ()
    items: tuple[CuratedItemRow, ...] = field(default_factory=tuple)
    origin: str = "curated"  # extracted | imported | curated (see meetings_by_source)


@dataclass(frozen=True)
class TreatyActionRow:
    treaty_id: str
    short_name: str
    action: str
    action_date: date
    actor: str | None
    note: str | None
    source_url: str


def resolve_person(
    name: str, pack: KnowledgePack | None = None, kb: ActorKB | None = None
) -> str | None:
    """A person id for ``name``: an id as is, else the one person the actors KB resolves the
    name to (a full name, alias or surname), among the pack's leaders if it names several."""
    name = name.strip()
    if name.startswith("person:"):
        return name
    kb = kb if kb is not None else ActorKB.load()
    people = {m.actor_id for m in kb.resolve(name) if m.actor.kind == "person"}
    if len(people) > 1:
        pack = pack or read_pack()
        people &= {t.person_id for t in pack.leaders}
    return people.pop() if len(people) == 1 else None


def curated_meetings(store, between: tuple[str, str] | None = None) -> list[CuratedMeetingRow]:
    """Curated meetings and calls (optionally only those with both person ids), by date."""
    con = store.con
    sql = (
        "SELECT m.meeting_id, m.start_date, m.end_date, m.title, m.format, m.occasion, m.status, "
        "m.city, m.country, m.lat, m.lon, m.source_url, k.confirmed, k.notes "
        "FROM meetings m LEFT JOIN knowledge_meetings k USING (meeting_id) "
        "WHERE m.origin = 'curated' AND m.rule LIKE 'knowledge-pack:%'"
    )
    params: list = []
    if between is not None:
        for pid in between:
            sql += (
                " AND m.meeting_id IN (SELECT meeting_id FROM meeting_participants "
                "WHERE actor_id = ?)"
            )
            params.append(pid)
    sql += " ORDER BY m.start_date NULLS LAST, m.meeting_id"
    meetings = con.execute(sql, params).fetchall()
    ids = [r[0] for r in meetings]
    people = _participants(con, ids)
    items: dict[str, list[CuratedItemRow]] = {}
    if ids:
        for mid, *rest in con.execute(
            "SELECT meeting_id, kind, value, topic, text, item_date, source_url FROM meeting_items "
            "WHERE origin = 'curated' AND meeting_id IN (SELECT unnest(?)) ORDER BY item_id",
            [ids],
        ).fetchall():
            items.setdefault(mid, []).append(CuratedItemRow(*rest))
    out = []
    for row in meetings:  # meeting_id .. lon, source_url, confirmed, notes
        mid, url, conf, notes = row[0], *row[11:]
        ps = people.get(mid, [])
        out.append(
            CuratedMeetingRow(
                *row[:11],
                tuple(p for p, _ in ps),
                bool(conf),
                notes,
                url,
                roles=tuple(r for _, r in ps),
                items=tuple(items.get(mid, [])),
            )
        )
    return out


def _participants(con, ids: list[str]) -> dict[str, list[tuple[str, str | None]]]:
    """Meeting id -> its (actor_id, role) pairs, by actor id, for the meetings ``ids``."""
    people: dict[str, list[tuple[str, str | None]]] = {}
    if ids:
        for mid, actor, role in con.execute(
            "SELECT meeting_id, actor_id, role FROM meeting_participants "
            "WHERE meeting_id IN (SELECT unnest(?)) ORDER BY meeting_id, actor_id",
            [ids],
        ).fetchall():
            people.setdefault(mid, []).append((actor, role))
    return people


ORIGINS = ("extracted", "imported", "curated")


def meetings_by_source(
    store, between: tuple[str, str] | None = None, sources=None
) -> list[CuratedMeetingRow]:
    """Meetings of the selected origins (default all), each labelled with its origin.

    Curated rows come from :func:`curated_meetings`; extracted and imported rows from the
    meetings table (their ``source_url`` is empty: they cite documents or dataset rows).
    """
    sources = tuple(sources or ORIGINS)
    bad = [s for s in sources if s not in ORIGINS]
    if bad:
        raise ValueError(f"--source {bad[0]!r}: expected one of {', '.join(ORIGINS)}")
    out = curated_meetings(store, between) if "curated" in sources else []
    others = [s for s in sources if s != "curated"]
    if others:
        sql = (
            "SELECT meeting_id, start_date, end_date, title, format, occasion, status, city, "
            "country, lat, lon, origin, coalesce(source_url, '') FROM meetings "
            "WHERE origin IN (SELECT unnest(?))"
        )
        params: list = [others]
        for pid in between or ():
            sql += (
                " AND meeting_id IN (SELECT meeting_id FROM meeting_participants "
                "WHERE actor_id = ?)"
            )
            params.append(pid)
        rows = store.con.execute(sql, params).fetchall()
        people = _participants(store.con, [r[0] for r in rows])
        for mid, start, end, title, fmt, occ, status, city, country, lat, lon, origin, url in rows:
            ps = people.get(mid, [])
            out.append(
                CuratedMeetingRow(
                    mid,
                    start,
                    end,
                    title or mid,
                    fmt,
                    occ,
                    status,
                    city,
                    country,
                    lat,
                    lon,
                    tuple(p for p, _ in ps),
                    True,
                    None,
                    url,
                    roles=tuple(r for _, r in ps),
                    origin=origin,
                )
            )
    out.sort(key=lambda m: (m.start_date is None, m.start_date or date.max, m.meeting_id))
    return out


def treaty_timeline(store) -> list[TreatyActionRow]:
    """Every treaty action, by date."""
    rows = store.con.execute(
        "SELECT a.treaty_id, t.short_name, a.action, a.action_date, a.actor, a.note, a.source_url "
        "FROM treaty_actions a JOIN treaties t USING (treaty_id) "
        "ORDER BY a.action_date, a.treaty_id, a.action"
    ).fetchall()
    return [TreatyActionRow(*r) for r in rows]
