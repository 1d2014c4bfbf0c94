"""Build meeting episodes from the events table and write them to the store."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from summitry import events
from summitry.meetings.analysis import Analysis, Item, SentenceSource, analyse
from summitry.meetings.episodes import Episode, build_episodes
from summitry.meetings.reports import load_reports
from summitry.meetings.roles import RoleResolver

RULE = "episodes:v1"


@dataclass
class BuildSummary:
    n_reports: int
    n_meetings: int
    n_items: int


def _meeting_id(ep: Episode) -> str:
    start = ep.dates()[0]
    key = "|".join([*ep.pair, ep.mode, str(start)])
    return "mtg-" + hashlib.sha1(key.encode()).hexdigest()[:12]


def _item_id(meeting_id: str, n: int, item: Item) -> str:
    key = f"{meeting_id}|{item.kind}|{item.value}|{item.topic}|{n}"
    return "mi-" + hashlib.sha1(key.encode()).hexdigest()[:14]


def _status(ep: Episode, a: Analysis, src: SentenceSource) -> tuple[str, list[Item]]:
    """Final status and the status history (one item per report, dated by its document)."""
    hist: list[Item] = []
    # negations of a held episode ("no formal bilateral") are non-outcomes, not its status
    reports = ep.planned + ep.held + ([] if ep.held else ep.negated)
    order = {"planned": 0, "postponed": 1, "cancelled": 2, "held": 3}
    for r in sorted(
        reports,
        key=lambda r: (
            r.published or r.event_date,
            order["held" if r in ep.held else "planned"],
            r.event_id,
        ),
    ):
        sent = None
        if r.doc_id is not None and r.sent_idx is not None:
            sent = next((s for s in src.doc(r.doc_id) if s.sent_idx == r.sent_idx), None)
        if r.is_intent:
            value = "planned"
        elif r in ep.negated:
            value = "postponed" if sent and "postpon" in sent.text.lower() else "cancelled"
        else:
            value = "held"
        hist.append(
            Item(
                "status",
                sent.text if sent else value,
                sent,
                value=value,
                score=float(len(hist)),
                item_date=r.published or r.event_date,
                event_id=r.event_id,
                dataset=r.dataset,
                dataset_row_id=r.dataset_row_id,
                origin=r.origin,
                rule=RULE,
            )
        )
    if ep.held:
        return "held", hist
    if ep.negated:
        return hist[-1].value if hist[-1].value in ("postponed", "cancelled") else "cancelled", hist
    return "planned", hist


def build(store, *, ministers: bool = False, progress: bool = False) -> BuildSummary:
    """Rebuild all extracted/imported episodes (curated meetings are left untouched)."""
    resolver = RoleResolver(store)
    reports = load_reports(store, resolver, ministers=ministers)
    episodes = build_episodes(reports)
    src = SentenceSource(store)
    rows = []
    iterator = episodes
    if progress:
        from rich.console import Console
        from rich.progress import track

        iterator = track(episodes, description="meetings", console=Console(stderr=True))
    for ep in iterator:
        names = {}
        for r in ep.reports:
            for p in r.participants:
                names.setdefault(p.actor_id, (p.name, p.iso3, p.role))
        a = analyse(ep, {k: (v[0], v[1]) for k, v in names.items()}, src)
        status, hist = _status(ep, a, src)
        rows.append((ep, names, a, status, hist))
    n_items = 0
    with store.transaction() as con:
        old = "SELECT meeting_id FROM meetings WHERE origin IN ('extracted', 'imported')"
        for table in ("meeting_items", "meeting_participants", "meeting_sources"):
            con.execute(f"DELETE FROM {table} WHERE meeting_id IN ({old})")
        con.execute("DELETE FROM meetings WHERE origin IN ('extracted', 'imported')")
        for ep, names, a, status, hist in rows:
            mid = _meeting_id(ep)
            start, end = ep.dates()
            pn = " – ".join(v[0] for v in names.values())
            title = f"{pn}: {a.format}" + (f" ({a.occasion})" if a.occasion else "")
            docs = {r.doc_id for r in ep.reports if r.doc_id}
            place = a.place
            con.execute(
                "INSERT INTO meetings (meeting_id, origin, title, start_date, end_date, city, "
                "country, "
                "lat, lon, format, occasion, status, duration_minutes, one_on_one, delegations, "
                "n_reports, n_documents, source_url, rule) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    mid,
                    ep.origin,
                    title,
                    start,
                    end,
                    (place.city or place.name) if place and place.kind != "country" else None,
                    place.iso3 if place else None,
                    place.lat if place else None,
                    place.lon if place else None,
                    a.format,
                    a.occasion,
                    status,
                    a.duration_minutes,
                    a.one_on_one,
                    a.delegations,
                    len(ep.reports),
                    len(docs),
                    None,
                    RULE,
                ],
            )
            for aid, (name, iso3, role) in names.items():
                con.execute(
                    "INSERT INTO meeting_participants VALUES (?,?,?,?,?)",
                    [mid, aid, name, role, iso3],
                )
            for r in ep.reports:
                con.execute("INSERT OR IGNORE INTO meeting_sources VALUES (?,?)", [mid, r.event_id])
            for n, it in enumerate(hist + a.items):
                s = it.sent
                con.execute(
                    "INSERT OR IGNORE INTO meeting_items (item_id, meeting_id, kind, actor_id, "
                    "actor_name, "
                    "topic, value, text, score, item_date, origin, doc_id, sent_idx, start_char, "
                    "end_char, event_id, dataset, dataset_row_id, source_url, rule) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [
                        _item_id(mid, n, it),
                        mid,
                        it.kind,
                        it.actor_id,
                        it.actor_name,
                        it.topic,
                        it.value,
                        it.text,
                        it.score,
                        it.item_date,
                        it.origin,
                        s.doc_id if s else None,
                        s.sent_idx if s else None,
                        s.start if s else None,
                        s.end if s else None,
                        it.event_id,
                        it.dataset,
                        it.dataset_row_id,
                        None,
                        it.rule,
                    ],
                )
                n_items += 1
    return BuildSummary(len(reports), len(rows), n_items)


def _fingerprint(store) -> str:
    docs = store.con.execute("SELECT count(*) FROM documents").fetchone()[0]
    return f"{events.fingerprint(store.con)}|{docs}"


def record_build(store, ministers: bool = False) -> None:
    """Remember which events and documents the episodes were built from."""
    key = "meetings.fingerprint" + (".ministers" if ministers else "")
    store.con.execute("DELETE FROM meta WHERE key LIKE 'meetings.fingerprint%'")
    store.con.execute("INSERT INTO meta VALUES (?, ?)", [key, _fingerprint(store)])


def is_current(store, ministers: bool = False) -> bool:
    """Whether the episodes were built (in this mode) from the events and documents the
    store holds now (reads only)."""
    key = "meetings.fingerprint" + (".ministers" if ministers else "")
    row = store.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row is not None and row[0] == _fingerprint(store)


def refresh(store, progress: bool = False) -> BuildSummary | None:
    """Rebuild the episodes, in the mode of the last build, when the events or documents
    changed; every command that writes them calls this at its end."""
    row = store.con.execute(
        "SELECT key FROM meta WHERE key LIKE 'meetings.fingerprint%' LIMIT 1"
    ).fetchone()
    return ensure_built(
        store, ministers=bool(row and row[0].endswith(".ministers")), progress=progress
    )


def ensure_built(store, ministers: bool = False, progress: bool = False) -> BuildSummary | None:
    """Build episodes when the events or documents changed since the last build (or never
    built); None when they are up to date."""
    if is_current(store, ministers):
        return None
    summary = build(store, ministers=ministers, progress=progress)
    record_build(store, ministers)
    return summary
