"""The pair under study: two leaders (each with their country) or two countries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pycountry

from summitry import events
from summitry.actors import LEADER_ROLES, ActorKB, add_store_actors, person_id
from summitry.knowledge import read_pack, resolve_person

# Predecessor states counted as the same side in the long-run history (conventions: USSR = SUN).
PREDECESSORS = {"RUS": ("SUN",), "DEU": ("DDR",), "CZE": ("CSK",), "SRB": ("YUG", "SCG")}
ORIGINS = ("extracted", "imported", "curated")


class DyadError(ValueError):
    """A leader or country cannot be resolved."""


@dataclass(frozen=True)
class Side:
    label: str  # "Donald Trump" or "United States"
    iso3: str  # the country
    person_id: str | None = None

    @property
    def countries(self) -> tuple[str, ...]:
        """The country and its predecessor states (for the historical context)."""
        return (self.iso3, *PREDECESSORS.get(self.iso3, ()))


@dataclass(frozen=True)
class Dyad:
    a: Side
    b: Side

    @property
    def is_leaders(self) -> bool:
        return self.a.person_id is not None and self.b.person_id is not None

    @property
    def title(self) -> str:
        return f"{self.a.label} – {self.b.label}"


SHORT_NAMES = {
    "USA": "the United States",
    "RUS": "Russia",
    "SUN": "the USSR",
    "GBR": "the United Kingdom",
    "PRK": "North Korea",
    "KOR": "South Korea",
}


def country_name(iso3: str) -> str:
    if iso3 in SHORT_NAMES:
        return SHORT_NAMES[iso3].removeprefix("the ")
    c = pycountry.countries.get(alpha_3=iso3) or pycountry.historic_countries.get(alpha_3=iso3)
    if c is None:
        return iso3
    return (getattr(c, "common_name", None) or c.name).split(",")[0]


def leaders(name_a: str, name_b: str, store=None) -> Dyad:
    """Resolve two leader names (or person ids) through the one actor resolver.

    The actor knowledge base (with ``store``: plus the people the store knows, e.g. those its
    texts introduced) names the person; the knowledge pack's leader list, else the person's
    latest leading office, gives the country. Without a known person, the person ids of the
    store's events are tried.
    """
    kb = ActorKB.load()
    if store is not None:
        add_store_actors(kb, store)
    return Dyad(*(resolve_leader(n, kb, store) for n in (name_a, name_b)))


def resolve_leader(name: str, kb, store=None) -> Side:
    pack = read_pack()
    pid = resolve_person(name, pack, kb)
    if pid and pack.leader_iso3(pid):
        return Side(pack.leader_name(pid), pack.leader_iso3(pid), pid)
    side = _from_kb(pid, kb) if pid else None
    if side is None and store is not None:
        side = _from_events(name, store)
    if side is None:
        raise DyadError(
            f"leader {name!r} is not known: not in the actor knowledge base (summitry actors "
            "who NAME), the people of the store or the person ids of its events (give a full "
            "name such as 'Emmanuel Macron' or a person id such as person:emmanuel-macron)"
        )
    return side


def _from_kb(pid: str, kb) -> Side | None:
    """The person's country: that of their latest leading office, else any dated role."""
    actor = kb.get(pid)
    if actor is None:
        return None
    roles = [r for r in kb.roles(pid) if r.iso3 and r.role in LEADER_ROLES]
    roles = roles or [r for r in kb.roles(pid) if r.iso3]
    iso3 = max(roles, key=lambda r: r.start or date.min).iso3 if roles else actor.iso3
    return Side(actor.name, iso3, pid) if iso3 else None


def _from_events(name: str, store) -> Side | None:
    """A person known only from the person ids of the store's events."""
    pid = name.strip() if name.strip().startswith("person:") else person_id(name)
    rows = events.count_by(store, ("source_iso3",), events.EventFilter(source=pid))
    counts = [(n, iso3) for iso3, n in rows if iso3]
    return Side(name.strip(), max(counts)[1], pid) if counts else None


def _merged(spans: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """Touching or overlapping tenures as one span."""
    out: list[tuple[date, date]] = []
    for lo, hi in spans:
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def tenure_overlap(dyad: Dyad) -> tuple[date, date] | None:
    """The latest period in which both leaders held a leading office (end: today if open)."""
    if not dyad.is_leaders:
        return None
    kb = ActorKB.load()
    spans = []
    for side in (dyad.a, dyad.b):
        roles = [r for r in kb.roles(side.person_id) if r.role in LEADER_ROLES and r.start]
        spans.append(_merged(sorted((r.start, r.end or date.today()) for r in roles)))
    best = None
    for a0, a1 in spans[0]:
        for b0, b1 in spans[1]:
            lo, hi = max(a0, b0), min(a1, b1)
            if lo < hi and (best is None or hi > best[1]):
                best = (lo, hi)
    return best


def countries(code_a: str, code_b: str) -> Dyad:
    """Resolve two ISO 3166 alpha-3 codes (e.g. USA RUS)."""
    sides = []
    for code in (code_a, code_b):
        iso3 = code.strip().upper()
        if len(iso3) != 3 or country_name(iso3) == iso3:
            raise DyadError(
                f"country {code!r}: expected an ISO 3166 alpha-3 code such as USA or RUS"
            )
        sides.append(Side(country_name(iso3), iso3))
    return Dyad(*sides)


def check_sources(sources: list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """Validate ``--source`` values; None means all origins."""
    if not sources:
        return ORIGINS
    bad = [s for s in sources if s not in ORIGINS]
    if bad:
        raise DyadError(f"--source {bad[0]!r}: expected one of {', '.join(ORIGINS)}")
    return tuple(dict.fromkeys(sources))
