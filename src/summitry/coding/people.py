"""People and offices for the coder: the actors KB when present, a built-in fallback otherwise.

With the KB loaded, the fallback list only supplies people the KB does not know (by id or
by name), so names, ids, roles and office holders come from one source: the KB.

``PeopleIndex`` answers the three questions the coder asks: who is this name (on a date),
who held this office in this country (on a date), which offices does this person hold.
Text-introduced people (origin 'text') are added during a run and found again by name.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from unidecode import unidecode

from summitry.coding import lexicon as lx

SURNAME_YEARS = 2  # a bare surname: in office on the date, or left office this recently
NAME_YEARS = 20  # a full name: not someone whose every role ended longer ago than this


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", unidecode(name).lower()).strip("-")


def _norm(text: str) -> str:
    t = unidecode(text).lower().replace("-", " ").replace(".", "")
    return re.sub(r"\s+", " ", t).strip()


@dataclass(frozen=True)
class PersonHit:
    actor_id: str
    iso3: str | None
    rule: str


class PeopleIndex:
    """Name -> person (date-aware), office -> holder; KB first, fallback second."""

    def __init__(self, kb=None, extra: list[lx.Person] | None = None):
        self.kb = kb
        self._people: dict[str, lx.Person] = {}
        self._by_name: dict[str, list[str]] = {}
        self.text_people: dict[str, str] = {}  # norm(full name or surname) -> actor_id
        self.text_iso: dict[str, str | None] = {}
        ambiguous_surnames: set[str] = set()
        surname_owner: dict[str, str] = {}
        fallback = [p for p in lx.FALLBACK_PEOPLE if kb is None or not _kb_knows(kb, p)]
        for p in (*fallback, *(extra or [])):
            self._people[p.actor_id] = p
            for n in (p.name, *p.aliases):
                self._by_name.setdefault(_norm(n), []).append(p.actor_id)
            sur = _norm(p.name.split()[-1])
            if sur in surname_owner and surname_owner[sur] != p.actor_id:
                ambiguous_surnames.add(sur)
            surname_owner[sur] = p.actor_id
        self.keys: set[str] = set(self._by_name)
        if kb is not None and hasattr(kb, "names"):
            with contextlib.suppress(Exception):  # a KB without names(): our own keys only
                self.keys |= {_norm(n) for n in kb.names()}

    # --- names ------------------------------------------------------------------------
    def lookup(self, key: str, on: date | None) -> PersonHit | None:
        """Resolve a normalised name; ambiguous or unknown names return None."""
        hit, final = self._lookup_known(key, on)
        if final or key not in self.text_people:
            return hit
        aid = self.text_people[key]
        return PersonHit(aid, self.text_iso.get(aid), "text:name-in-corpus")

    @lru_cache(maxsize=200_000)  # noqa: B019 - index lives for one run
    def _lookup_known(self, key: str, on: date | None) -> tuple[PersonHit | None, bool]:
        """KB and lexicon people only (they do not change during a run, so the cache holds
        while text-introduced people are added); ``final`` = text people are not consulted."""
        if self.kb is not None:
            try:
                matches = self.kb.resolve(key, on=on)
            except Exception:
                matches = []
            people = [m for m in matches if getattr(m.actor, "kind", "person") == "person"]
            if len(people) == 1:
                a = people[0].actor
                if on is not None and not self._of_the_era(a.actor_id, people[0].rule, on):
                    return None, True  # "Senator John Kennedy" (2017) is not John F. Kennedy
                return PersonHit(a.actor_id, getattr(a, "iso3", None), "kb:name"), True
        ids = self._by_name.get(key)
        if ids:
            ids = list(dict.fromkeys(ids))
            if len(ids) == 1:
                p = self._people[ids[0]]
                return PersonHit(p.actor_id, p.iso3, "lexicon:person"), True
            if on is not None:  # prefer the one in office on the date
                live = [i for i in ids if self.roles_of(i, on)]
                if len(live) == 1:
                    hit = PersonHit(live[0], self._people[live[0]].iso3, "lexicon:person@date")
                    return hit, True
            return None, True
        return None, False

    def _of_the_era(self, actor_id: str, rule: str, on: date) -> bool:
        """A KB person named in a text of date ``on`` must belong to its time: a bare surname
        ("Powell", "Rudd") only for someone in office then or within ``SURNAME_YEARS``; a full
        name not for someone whose every role ended more than ``NAME_YEARS`` before. People
        without dated roles pass."""
        try:
            roles = list(self.kb.roles(actor_id))
        except Exception:  # noqa: BLE001 - a KB without roles(): no era check
            return True
        ends = [r.end for r in roles]
        if not roles or any(e is None or e > on for e in ends):
            return True
        last = max(e for e in ends if e is not None)
        years = SURNAME_YEARS if "surname" in rule else NAME_YEARS
        return (on - last).days <= years * 365

    def reset_text(self) -> None:
        """Forget text-introduced people (each run rebuilds them, so re-runs are repeatable)."""
        self.text_people.clear()
        self.text_iso.clear()

    def add_text_person(self, actor_id: str, name: str, iso3: str | None) -> None:
        """Register a text-introduced person: full name and (if unambiguous) surname."""
        self.text_iso[actor_id] = iso3
        for key in {_norm(name), _norm(name.split()[-1])}:
            owner = self.text_people.get(key)
            if owner and owner != actor_id:
                self.text_people[key] = "__ambiguous__"
            elif key not in self._by_name:
                self.text_people[key] = actor_id
            self.keys.add(key)
        self.text_people = {k: v for k, v in self.text_people.items() if v != "__ambiguous__"}

    def iso3_of(self, actor_id: str) -> str | None:
        if actor_id in self._people:
            return self._people[actor_id].iso3
        if self.kb is not None:
            with contextlib.suppress(Exception):
                a = self.kb.get(actor_id)
                if a is not None:
                    return a.iso3
        return self.text_iso.get(actor_id)

    # --- offices ----------------------------------------------------------------------
    def holder(self, role: str | None, iso3: str | None, on: date | None) -> PersonHit | None:
        if not role or not iso3 or on is None:
            return None
        if self.kb is not None:
            try:
                a = self.kb.holder(role, iso3, on=on)
            except Exception:
                a = None
            if a is not None:
                return PersonHit(a.actor_id, iso3, "kb:holder")
        for p in self._people.values():
            for r, c, s, e in p.roles:
                if r == role and c == iso3 and (s is None or s <= on) and (e is None or on < e):
                    return PersonHit(p.actor_id, iso3, "lexicon:holder")
        return None

    def roles_of(self, actor_id: str, on: date) -> list[str]:
        if self.kb is not None:
            try:
                got = self.kb.roles(actor_id, on=on)
                names = [getattr(r, "role", r) for r in got]
                if names:
                    return names
            except Exception:
                pass
        p = self._people.get(actor_id)
        if not p:
            return []
        return [r for r, _c, s, e in p.roles if (s is None or s <= on) and (e is None or on < e)]

    def name_of(self, actor_id: str) -> str | None:
        if self.kb is not None:
            try:
                a = self.kb.get(actor_id)
                if a is not None:
                    return a.name
            except Exception:
                pass
        p = self._people.get(actor_id)
        return p.name if p else None


def _kb_knows(kb, person: lx.Person) -> bool:
    """True if the KB has this person, under the fallback's id or (by full name) another."""
    try:
        if kb.get(person.actor_id) is not None:
            return True
        return any(getattr(a, "kind", "") == "person" for a in kb.find(person.name))
    except Exception:  # noqa: BLE001 - a KB without get()/find(): keep the fallback entry
        return False


def load_people(extra_paths: tuple = (), *, strict: bool = True) -> PeopleIndex:
    """The KB from ``summitry.actors`` if installed (with user files), else the fallback.

    ``strict=False`` skips malformed lines of user dictionaries (the KB lists them in
    ``problems``) instead of raising on the first one."""
    try:
        from summitry.actors import ActorKB  # type: ignore[import-not-found]
    except ImportError as exc:
        if extra_paths:
            raise RuntimeError(
                "user actor files need the actors knowledge base (summitry.actors), "
                "which is not installed"
            ) from exc
        return PeopleIndex()
    return PeopleIndex(ActorKB.load(extra_paths=tuple(extra_paths), strict=strict))
