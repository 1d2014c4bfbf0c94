"""Typed records of the actor knowledge base: actors, their time-bounded roles, matches."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Actor:
    """A country, international organisation or person (see docs/conventions for ids)."""

    actor_id: str
    name: str
    kind: str  # country|igo|person|organisation|group
    iso3: str | None = None
    cameo_code: str | None = None
    aliases: tuple[str, ...] = ()
    surname: str | None = None  # people: the name used alone ("Putin", "Xi", "Moon")
    origin: str = "kb"  # kb|user|dictionary|imported
    source_url: str | None = None
    note: str | None = None

    @property
    def id(self) -> str:  # convenience alias
        return self.actor_id


@dataclass(frozen=True)
class Role:
    """A tenure: ``start`` inclusive, ``end`` exclusive (the successor's first day); None = open."""

    actor_id: str
    role: str
    iso3: str | None
    start: date | None
    end: date | None = None
    acting: bool = False
    origin: str = "kb"
    source_url: str | None = None
    note: str | None = None

    def held_on(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)

    def overlaps(self, lo: date, hi: date) -> bool:
        """True if the tenure meets the closed interval [lo, hi]."""
        return (self.start is None or self.start <= hi) and (self.end is None or lo < self.end)


@dataclass(frozen=True)
class Match:
    """One resolution candidate: the actor, the rule that matched and (for titles) the role."""

    actor: Actor
    rule: str
    role: str | None = None
    iso3: str | None = None
    score: float = 100.0
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def actor_id(self) -> str:
        return self.actor.actor_id

    def record(self, text: str, on: str) -> dict[str, str]:
        """The match as ``summitry actors who --format json`` prints it (and the API)."""
        return {
            "text": text,
            "on": on,
            "actor_id": self.actor_id,
            "name": self.actor.name,
            "rule": self.rule,
            "role": self.role or "",
            "iso3": self.iso3 or "",
            "origin": self.actor.origin,
            "source": self.extra.get("source") or self.actor.source_url or "",
        }
