"""Positions (what each side said it wanted, refused or warned against, per meeting and
topic) and impact facts (what followed: UN votes, sanctions, expulsions, exchanges,
ceasefires, NATO decisions, arms-control actions), read from the pack."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from importlib.resources.abc import Traversable
from pathlib import Path

from summitry.knowledge.rows import Citation, read_rows
from summitry.topics import load_taxonomy

STANCES = frozenset({"wants", "proposes", "refuses", "warns", "denies", "accepts", "concerned"})
AREAS = frozenset(
    {"unsc", "sanctions", "expulsions", "prisoner_exchange", "ceasefire", "nato", "arms_control"}
)
FACT_STATUSES = frozenset({"held", "broken", "partial", "in_force", "lifted", "expired"})
MAX_QUOTE_WORDS = 25
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_ACTOR_LIST = re.compile(r"^[A-Z]{3,4}(;[A-Z]{3,4})*$")


@dataclass(frozen=True)
class Position:
    meeting_id: str
    side: str  # person id of the participant whose side stated it
    topic: str
    stance: str
    text: str  # our paraphrase
    quote: str | None  # short attributed quote from the source
    item_date: date | None
    source_url: str
    line: int


@dataclass(frozen=True)
class ImpactFact:
    fact_id: str
    area: str
    kind: str
    start_date: date
    end_date: date | None
    actors: tuple[str, ...]
    title: str
    text: str
    status: str | None
    related_meetings: tuple[str, ...]
    source_url: str


def read_positions(
    root: Traversable | Path, participants: dict[str, tuple[str, ...]], cites: list[Citation]
) -> list[Position]:
    """``participants``: meeting id -> person ids; a side must take part in its meeting."""
    cols = ["meeting_id", "side", "topic", "stance", "text", "quote", "item_date", "source_url"]
    topics = frozenset(load_taxonomy().labels)
    out = []
    for r in read_rows(root, "positions.csv", cols, cites):
        mid = r.req("meeting_id")
        if mid not in participants:
            raise r.fail("meeting_id", "the id of a row in meetings.csv")
        side = r.req("side")
        if side not in participants[mid]:
            raise r.fail("side", f"a participant of {mid} ({';'.join(participants[mid])})")
        quote = r.text("quote", required=False)
        if quote is not None and len(quote.split()) > MAX_QUOTE_WORDS:
            raise r.fail("quote", f"a short quote of at most {MAX_QUOTE_WORDS} words")
        out.append(
            Position(
                meeting_id=mid,
                side=side,
                topic=r.choice("topic", topics),
                stance=r.choice("stance", STANCES),
                text=r.req("text"),
                quote=quote,
                item_date=r.date("item_date", required=False),
                source_url=r.url(),
                line=r.line,
            )
        )
    return out


def _id_list(value: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (value or "").split(";") if p.strip())


def read_impact_facts(
    root: Traversable | Path, meeting_ids: set[str], cites: list[Citation]
) -> list[ImpactFact]:
    cols = [
        "fact_id",
        "area",
        "kind",
        "start_date",
        "end_date",
        "actors",
        "title",
        "text",
        "status",
        "related_meetings",
        "source_url",
    ]
    out: list[ImpactFact] = []
    seen: set[str] = set()
    for r in read_rows(root, "impact_facts.csv", cols, cites):
        fid = r.pattern("fact_id", _ID, "a lower-case id of letters, digits, '-' and '_'")
        if fid in seen:
            raise r.fail("fact_id", "an id not used by an earlier row")
        seen.add(fid)
        start = r.date("start_date")
        end = r.date("end_date", required=False)
        if end is not None and end < start:
            raise r.fail("end_date", f"a date on or after start_date {start}")
        status = r.text("status", required=False)
        if status is not None and status not in FACT_STATUSES:
            raise r.fail("status", "empty or one of " + "|".join(sorted(FACT_STATUSES)))
        related = _id_list(r.text("related_meetings", required=False))
        unknown = [m for m in related if m not in meeting_ids]
        if unknown:
            raise r.fail("related_meetings", f"ids of meetings.csv rows (unknown {unknown[0]!r})")
        out.append(
            ImpactFact(
                fact_id=fid,
                area=r.choice("area", AREAS),
                kind=r.pattern("kind", _ID, "a lower-case kind such as resolution_adopted"),
                start_date=start,
                end_date=end,
                actors=_id_list(r.pattern("actors", _ACTOR_LIST, "ISO3 codes joined by ';'")),
                title=r.req("title"),
                text=r.req("text"),
                status=status,
                related_meetings=related,
                source_url=r.url(),
            )
        )
    return out
