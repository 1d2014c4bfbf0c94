"""Curated facts of what followed the meetings (UN Security Council votes, sanctions,
expulsions, prisoner exchanges, ceasefires, NATO decisions, arms control) and the sources
they cite, read from the knowledge pack's tables in the store.

Following is a sequence in time, never a cause: :func:`facts_after` lists the facts that
began within each window after a meeting, nothing more.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from summitry.analysis.dyad import SHORT_NAMES, Dyad, country_name
from summitry.analysis.record import treaty_actions

WINDOWS = (30, 90)


@dataclass(frozen=True)
class ImpactFact:
    fact_id: str
    area: str  # unsc|sanctions|expulsions|prisoner_exchange|ceasefire|nato|arms_control
    kind: str | None
    start: date
    end: date | None
    actors: tuple[str, ...]  # ISO3 codes
    title: str
    text: str | None
    status: str | None
    related_meetings: tuple[str, ...]
    source_url: str | None


@dataclass(frozen=True)
class Followed:
    """``fact`` began ``days_after`` days after the meeting ended (0: the same day)."""

    fact: ImpactFact
    days_after: int
    window: int
    linked: bool  # the fact names the meeting among its related meetings


def _list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list | tuple):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return tuple(p.strip() for p in str(value).replace(",", ";").split(";") if p.strip())


def _rows(store, sql: str, params: list) -> list[dict[str, Any]]:
    cur = store.con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def impact_facts(store, dyad: Dyad) -> list[ImpactFact]:
    """Facts about either side (its country or a predecessor among the actors), by date,
    with the pair's arms-control treaty actions as facts of the area ``arms_control``."""
    sides = set(dyad.a.countries) | set(dyad.b.countries)
    out: list[ImpactFact] = []
    if "impact_facts" in store.tables():
        for r in _rows(store, "SELECT * FROM impact_facts ORDER BY start_date, fact_id", []):
            actors = _list(r.get("actors"))
            if r.get("start_date") is None or (actors and not sides & set(actors)):
                continue
            out.append(
                ImpactFact(
                    str(r["fact_id"]),
                    str(r["area"]),
                    r.get("kind"),
                    r["start_date"],
                    r.get("end_date"),
                    actors,
                    r.get("title") or str(r["fact_id"]),
                    r.get("text"),
                    r.get("status"),
                    _list(r.get("related_meetings")),
                    r.get("source_url"),
                )
            )
    seen = {(f.area, f.start, f.source_url) for f in out}
    for a in treaty_actions(store, dyad):
        fact = _treaty_fact(a)
        if (fact.area, fact.start, fact.source_url) not in seen:
            out.append(fact)
    out.sort(key=lambda f: (f.start, f.fact_id))
    return out


def actor_words(actors: Sequence[str]) -> str:
    """'the United States and Russia' for ('USA', 'RUS')."""
    names = [SHORT_NAMES.get(a, country_name(a)) for a in actors if a and a != "multilateral"]
    if not names:
        return ""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


TREATY_EVENTS = frozenset({"expired", "entered_into_force", "superseded", "lapsed", "terminated"})


def treaty_action_text(treaty: str, action: str, actors: Sequence[str]) -> str:
    """'INF Treaty withdrawn by the United States'; events of the treaty itself name none."""
    who = actor_words(actors)
    text = f"{treaty} {action.replace('_', ' ')}"
    return text + (f" by {who}" if who and action not in TREATY_EVENTS else "")


def _treaty_fact(a: dict[str, Any]) -> ImpactFact:
    actors = _list(a.get("actor"))
    title = treaty_action_text(a["short_name"], a["action"], actors)
    return ImpactFact(
        f"treaty:{a['treaty_id']}:{a['action']}:{a['action_date']}",
        "arms_control",
        a["action"],
        a["action_date"],
        None,
        actors,
        title,
        a.get("note"),
        None,
        (),
        a.get("source_url"),
    )


def facts_after(
    meeting_id: str,
    start: date,
    end: date | None,
    facts: Sequence[ImpactFact],
    windows: Sequence[int] = WINDOWS,
) -> list[Followed]:
    """Facts that began on the meeting's last day or within ``max(windows)`` days after it,
    each with the smallest window that holds it."""
    last = end or start
    out = []
    for f in facts:
        days = (f.start - last).days
        if f.start < start or days > max(windows):
            continue
        window = next(w for w in sorted(windows) if max(days, 0) <= w)
        out.append(Followed(f, max(days, 0), window, meeting_id in f.related_meetings))
    return out


@dataclass(frozen=True)
class SourceRow:
    url: str
    publisher: str | None
    published: date | None
    source_type: str | None
    title: str | None


def knowledge_sources(store) -> list[SourceRow]:
    """The pack's list of sources (publisher, date, type per URL), empty on older stores."""
    if "knowledge_sources" not in store.tables():
        return []
    return [
        SourceRow(
            r["url"],
            r.get("publisher"),
            _date(r.get("published")),
            r.get("source_type"),
            r.get("title"),
        )
        for r in _rows(store, "SELECT * FROM knowledge_sources", [])
    ]


def _date(value: Any) -> date | None:
    """A date from a DATE column or an ISO text (a year or month alone gives None)."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
