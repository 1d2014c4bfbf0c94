"""Build meeting episodes from the events table and write them to the store."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from summitry import events
from summitry.actors import LEADER_ROLES
from summitry.meetings.analysis import Analysis, Item, analyse
from summitry.meetings.episodes import Episode, build_episodes
from summitry.meetings.reports import load_reports, unify_people
from summitry.meetings.roles import RoleResolver
from summitry.meetings.sources import SentenceSource

RULE = "episodes:v2"


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


def _precision(ep: Episode) -> str:
    base = ep.held or ep.planned
    text = [r for r in base if r.event_date and r.dated_by_text]
    if any(r.span_days == 1 for r in text) or (ep.held and not text and ep.planned):
        return "day"
    if text:
        start, end = ep.dates()
        return "week" if (end - start).days < 7 else "month"
    return "published"


def _meeting_row(ep: Episode, names: dict, a: Analysis, status: str) -> dict:
    start, end = ep.dates()
    place = a.place
    pn = " – ".join(v[0] for v in names.values())
    pubs = [r.published for r in ep.reports if r.published]
    return {
        "meeting_id": _meeting_id(ep),
        "origin": ep.origin,
        "title": f"{pn}: {a.format}" + (f" ({a.occasion})" if a.occasion else ""),
        "start_date": start,
        "end_date": end,
        "city": (place.city or place.name) if place and place.kind != "country" else None,
        "country": place.iso3 if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "format": a.format,
        "occasion": a.occasion,
        "status": status,
        "duration_minutes": a.duration_minutes,
        "one_on_one": a.one_on_one,
        "delegations": a.delegations,
        "n_reports": len(ep.reports),
        "n_documents": len({r.doc_id for r in ep.reports if r.doc_id}),
        "source_url": None,
        "rule": RULE,
        "date_precision": _precision(ep),
        "first_reported": min(pubs) if pubs else None,
        "n_leaders": sum(v[2] in LEADER_ROLES for v in names.values()),
    }


def _item_row(mid: str, n: int, it: Item) -> dict:
    s = it.sent
    return {
        "item_id": _item_id(mid, n, it),
        "meeting_id": mid,
        "kind": it.kind,
        "actor_id": it.actor_id,
        "actor_name": it.actor_name,
        "topic": it.topic,
        "value": it.value,
        "text": it.text,
        "score": it.score,
        "item_date": it.item_date,
        "origin": it.origin,
        "doc_id": s.doc_id if s else None,
        "sent_idx": s.sent_idx if s else None,
        "start_char": s.start if s else None,
        "end_char": s.end if s else None,
        "event_id": it.event_id,
        "dataset": it.dataset,
        "dataset_row_id": it.dataset_row_id,
        "source_url": None,
        "rule": it.rule,
    }


def _rows(episodes: list[Episode], src: SentenceSource, progress: bool) -> dict[str, list[dict]]:
    """Analyse every episode into the rows of the four meeting tables."""
    out: dict[str, list[dict]] = {k: [] for k in ("meetings", "participants", "sources", "items")}
    iterator = episodes
    if progress:
        from rich.console import Console  # heavy import, only for a progress bar
        from rich.progress import track

        iterator = track(episodes, description="meetings", console=Console(stderr=True))
    seen: set[str] = set()
    for n, ep in enumerate(iterator):
        if n % 200 == 0:  # read the next episodes' own articles in one go
            src.load([r.doc_id for e in episodes[n : n + 200] for r in e.reports if r.doc_id])
        names: dict[str, tuple[str, str | None, str]] = {}
        for r in ep.reports:
            for p in r.participants:
                names.setdefault(p.actor_id, (p.name, p.iso3, p.role))
        a = analyse(ep, {k: (v[0], v[1]) for k, v in names.items()}, src)
        status, hist = _status(ep, a, src)
        row = _meeting_row(ep, names, a, status)
        mid = row["meeting_id"]
        if mid in seen:  # two episodes of one key (same people, mode, first day): keep one
            continue
        seen.add(mid)
        out["meetings"].append(row)
        for aid, (name, iso3, role) in names.items():
            out["participants"].append(
                {"meeting_id": mid, "actor_id": aid, "name": name, "role": role, "iso3": iso3}
            )
        ids = dict.fromkeys(r.event_id for r in ep.reports)
        out["sources"].extend({"meeting_id": mid, "event_id": e} for e in ids)
        out["items"].extend(_item_row(mid, n, it) for n, it in enumerate(hist + a.items))
    return out


def build(store, *, ministers: bool = True, progress: bool = False) -> BuildSummary:
    """Rebuild all extracted/imported episodes (curated meetings are left untouched).

    Episodes of leaders and of ministers (foreign and defence ministers, vice presidents)
    are built together; ``n_leaders`` says how many participants are heads of state or
    government, and the listings filter on it (``ministers`` is kept for callers of the
    earlier API; every build includes ministers)."""
    resolver = RoleResolver(store)
    reports = unify_people(load_reports(store, resolver, ministers=True))
    episodes = build_episodes(reports)
    src = SentenceSource(store)
    src.prime({p.name.split()[-1] for r in reports for p in r.participants if p.name})
    rows = _rows(episodes, src, progress)
    with store.transaction():
        old = "SELECT meeting_id FROM meetings WHERE origin IN ('extracted', 'imported')"
        for table in ("meeting_items", "meeting_participants", "meeting_sources"):
            store.con.execute(f"DELETE FROM {table} WHERE meeting_id IN ({old})")
        store.con.execute("DELETE FROM meetings WHERE origin IN ('extracted', 'imported')")
        store.append("meetings", rows["meetings"])
        store.append("meeting_participants", rows["participants"])
        store.append("meeting_sources", rows["sources"], on_conflict="ignore")
        store.append("meeting_items", rows["items"], on_conflict="ignore")
    return BuildSummary(len(reports), len(rows["meetings"]), len(rows["items"]))


def _fingerprint(store) -> str:
    docs = store.con.execute("SELECT count(*) FROM documents").fetchone()[0]
    return f"{events.fingerprint(store.con)}|{docs}"


def record_build(store, ministers: bool = False) -> None:
    """Remember which events and documents the episodes were built from."""
    key = "meetings.fingerprint"
    store.con.execute("DELETE FROM meta WHERE key LIKE 'meetings.fingerprint%'")
    store.con.execute("INSERT INTO meta VALUES (?, ?)", [key, _fingerprint(store)])


def is_current(store, ministers: bool = False) -> bool:
    """Whether the episodes were built from the events and documents the store holds now
    (reads only; one build holds leaders' and ministers' episodes)."""
    key = "meetings.fingerprint"
    row = store.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row is not None and row[0] == _fingerprint(store)


def refresh(store, progress: bool = False) -> BuildSummary | None:
    """Rebuild the episodes when the events or documents changed; every command that
    writes them calls this at its end."""
    return ensure_built(store, progress=progress)


def ensure_built(store, ministers: bool = False, progress: bool = False) -> BuildSummary | None:
    """Build episodes when the events or documents changed since the last build (or never
    built); None when they are up to date."""
    if is_current(store, ministers):
        return None
    summary = build(store, ministers=ministers, progress=progress)
    record_build(store, ministers)
    return summary
