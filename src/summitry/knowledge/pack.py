"""Read and validate the curated knowledge pack (CSV files in ``summitry/data/knowledge``).

Every row carries a source URL listed in ``sources.csv`` and of no refused domain. Reading
fails with :class:`KnowledgePackError`, one line naming the file, line and field and what was
expected.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from summitry.knowledge.facts import ImpactFact, Position, read_impact_facts, read_positions
from summitry.knowledge.rows import Citation, KnowledgePackError, read_rows
from summitry.knowledge.sources import (
    DomainRule,
    Source,
    check_citations,
    read_policy,
    read_sources,
)

FORMATS = frozenset({"summit", "sideline", "informal", "call"})
STATUSES = frozenset({"planned", "held", "postponed", "cancelled"})
ITEM_KINDS = frozenset({"outcome", "non_outcome", "topic", "status"})
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_PERSON = re.compile(r"^person:[a-z0-9]+(-[a-z0-9]+)*$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_ACTORS = re.compile(r"^([A-Z]{3}|multilateral)(;([A-Z]{3}|multilateral))*$")


@dataclass(frozen=True)
class LeaderTerm:
    person_id: str
    name: str
    iso3: str
    role: str
    start_date: date
    end_date: date | None
    source_url: str


@dataclass(frozen=True)
class CuratedMeeting:
    meeting_id: str
    start_date: date | None
    end_date: date | None
    title: str
    format: str
    occasion: str | None
    status: str
    city: str | None
    country: str | None
    lat: float | None
    lon: float | None
    participants: tuple[str, ...]
    confirmed: bool
    notes: str | None
    source_url: str


@dataclass(frozen=True)
class CuratedItem:
    meeting_id: str
    kind: str
    value: str | None
    topic: str | None
    text: str
    item_date: date | None
    source_url: str
    line: int


@dataclass(frozen=True)
class Treaty:
    treaty_id: str
    name: str
    short_name: str
    parties: str
    source_url: str


@dataclass(frozen=True)
class TreatyAction:
    treaty_id: str
    action: str
    action_date: date
    actor: str
    note: str | None
    source_url: str


@dataclass
class KnowledgePack:
    """The whole pack, validated."""

    pack: str
    version: int
    as_of: date | None
    content_hash: str
    leaders: list[LeaderTerm] = field(default_factory=list)
    meetings: list[CuratedMeeting] = field(default_factory=list)
    items: list[CuratedItem] = field(default_factory=list)
    treaties: list[Treaty] = field(default_factory=list)
    treaty_actions: list[TreatyAction] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    impact_facts: list[ImpactFact] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    policy: list[DomainRule] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    @property
    def rule(self) -> str:
        return f"{self.pack}:v{self.version}"

    def leader_name(self, person_id: str) -> str:
        for t in self.leaders:
            if t.person_id == person_id:
                return t.name
        return person_id

    def leader_iso3(self, person_id: str) -> str | None:
        return next((t.iso3 for t in self.leaders if t.person_id == person_id), None)

    def role_on(self, person_id: str, on: date | None) -> str | None:
        """The role the person held on ``on`` (file order decides between concurrent roles)."""
        if on is None:
            return None
        for t in self.leaders:
            if (
                t.person_id == person_id
                and t.start_date <= on
                and (t.end_date is None or on <= t.end_date)
            ):
                return t.role
        return None


def default_pack_dir() -> Traversable:
    return resources.files("summitry").joinpath("data", "knowledge")


def read_pack(path: str | Path | None = None) -> KnowledgePack:
    """Read and validate the pack in ``path`` (default: the one shipped in the package)."""
    root: Traversable | Path = Path(path) if path is not None else default_pack_dir()
    try:
        manifest = json.loads(root.joinpath("pack.json").read_text(encoding="utf-8"))
        name, version = str(manifest["pack"]), int(manifest["version"])
        as_of = date.fromisoformat(manifest["as_of"]) if manifest.get("as_of") else None
        files = list(manifest["files"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KnowledgePackError(
            f"pack.json: expected an object with pack, version (integer), as_of and files ({exc})"
        ) from exc
    digest = hashlib.sha256()
    for fname in ["pack.json", *files]:
        try:
            digest.update(fname.encode() + b"\0" + root.joinpath(fname).read_bytes())
        except OSError as exc:
            raise KnowledgePackError(f"{fname}: cannot read the pack file ({exc})") from exc
    pack = KnowledgePack(name, version, as_of, digest.hexdigest())
    _read_leaders(root, pack)
    _read_meetings(root, pack)
    _read_items(root, pack)
    _read_treaties(root, pack)
    participants = {m.meeting_id: m.participants for m in pack.meetings}
    pack.positions = read_positions(root, participants, pack.citations)
    pack.impact_facts = read_impact_facts(root, set(participants), pack.citations)
    pack.policy = read_policy(root)
    pack.sources = read_sources(root, pack.policy)
    sides = {p.line: pack.leader_iso3(p.side) for p in pack.positions}
    check_citations(pack.citations, pack.sources, pack.policy, sides)
    return pack


def _read_leaders(root, pack: KnowledgePack) -> None:
    cols = ["person_id", "name", "iso3", "role", "start_date", "end_date", "source_url"]
    for r in read_rows(root, "leaders.csv", cols, pack.citations):
        term = LeaderTerm(
            person_id=r.pattern("person_id", _PERSON, "an id like person:donald-trump"),
            name=r.req("name"),
            iso3=r.pattern("iso3", _ISO3, "an ISO 3166 alpha-3 code such as USA"),
            role=r.req("role"),
            start_date=r.date("start_date"),
            end_date=r.date("end_date", required=False),
            source_url=r.url(),
        )
        if term.end_date is not None and term.end_date < term.start_date:
            raise r.fail("end_date", f"a date on or after start_date {term.start_date}")
        pack.leaders.append(term)


def _read_meetings(root, pack: KnowledgePack) -> None:
    cols = [
        "meeting_id",
        "start_date",
        "end_date",
        "title",
        "format",
        "occasion",
        "status",
        "city",
        "country",
        "lat",
        "lon",
        "participants",
        "confirmed",
        "notes",
        "source_url",
    ]
    known = {t.person_id for t in pack.leaders}
    seen: set[str] = set()
    for r in read_rows(root, "meetings.csv", cols, pack.citations):
        mid = r.pattern("meeting_id", _ID, "a lower-case id of letters, digits, '-' and '_'")
        if mid in seen:
            raise r.fail("meeting_id", "an id not used by an earlier row")
        seen.add(mid)
        status = r.choice("status", STATUSES)
        start = r.date("start_date", required=status == "held")
        end = r.date("end_date", required=start is not None)
        if start is None and end is not None:
            raise r.fail("start_date", "a date when end_date is set")
        if start is not None and end is not None and end < start:
            raise r.fail("end_date", f"a date on or after start_date {start}")
        lat, lon = r.number("lat", -90, 90), r.number("lon", -180, 180)
        if (lat is None) != (lon is None):
            raise r.fail("lon" if lon is None else "lat", "lat and lon both set or both empty")
        people = tuple(p.strip() for p in r.req("participants").split(";") if p.strip())
        for p in people:
            if p not in known:
                raise r.fail("participants", f"person ids listed in leaders.csv (unknown {p!r})")
        if len(set(people)) < 2:
            raise r.fail("participants", "at least two distinct person ids separated by ';'")
        confirmed = r.choice("confirmed", frozenset({"yes", "no"})) == "yes"
        pack.meetings.append(
            CuratedMeeting(
                meeting_id=mid,
                start_date=start,
                end_date=end,
                title=r.req("title"),
                format=r.choice("format", FORMATS),
                occasion=r.text("occasion", required=False),
                status=status,
                city=r.text("city", required=False),
                country=r.pattern("country", _ISO3, "an ISO 3166 alpha-3 code", required=False),
                lat=lat,
                lon=lon,
                participants=people,
                confirmed=confirmed,
                notes=r.text("notes", required=False),
                source_url=r.url(),
            )
        )


def _read_items(root, pack: KnowledgePack) -> None:
    cols = ["meeting_id", "kind", "value", "topic", "text", "item_date", "source_url"]
    ids = {m.meeting_id for m in pack.meetings}
    for r in read_rows(root, "meeting_items.csv", cols, pack.citations):
        mid = r.req("meeting_id")
        if mid not in ids:
            raise r.fail("meeting_id", "the id of a row in meetings.csv")
        kind = r.choice("kind", ITEM_KINDS)
        value = r.text("value", required=kind == "status")
        if kind == "status" and value not in STATUSES:
            raise r.fail("value", "for kind status, one of " + "|".join(sorted(STATUSES)))
        pack.items.append(
            CuratedItem(
                meeting_id=mid,
                kind=kind,
                value=value,
                topic=r.text("topic", required=False),
                text=r.req("text"),
                item_date=r.date("item_date", required=False),
                source_url=r.url(),
                line=r.line,
            )
        )


def _read_treaties(root, pack: KnowledgePack) -> None:
    cols = ["treaty_id", "name", "short_name", "parties", "source_url"]
    for r in read_rows(root, "treaties.csv", cols, pack.citations):
        tid = r.pattern("treaty_id", _ID, "a lower-case id")
        if any(t.treaty_id == tid for t in pack.treaties):
            raise r.fail("treaty_id", "an id not used by an earlier row")
        pack.treaties.append(
            Treaty(
                tid,
                r.req("name"),
                r.req("short_name"),
                r.pattern("parties", _ACTORS, "ISO3 codes joined by ';'"),
                r.url(),
            )
        )
    ids = {t.treaty_id for t in pack.treaties}
    keys: set[tuple[str, str, date]] = set()
    cols = ["treaty_id", "action", "action_date", "actor", "note", "source_url"]
    for r in read_rows(root, "treaty_actions.csv", cols, pack.citations):
        tid = r.req("treaty_id")
        if tid not in ids:
            raise r.fail("treaty_id", "the id of a row in treaties.csv")
        action = r.pattern("action", _ID, "a lower-case action such as signed or withdrawn")
        when = r.date("action_date")
        if (tid, action, when) in keys:
            raise r.fail("action", "one row per (treaty_id, action, action_date)")
        keys.add((tid, action, when))
        pack.treaty_actions.append(
            TreatyAction(
                tid,
                action,
                when,
                r.pattern("actor", _ACTORS, "ISO3 codes joined by ';'"),
                r.text("note", required=False),
                r.url(),
            )
        )
