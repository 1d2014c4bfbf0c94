"""The coder's view of people: the actors KB plus the people texts introduce during a run.

Every name, title, office holder and counterpart is resolved by :mod:`summitry.actors`
(:meth:`ActorKB.person`, :meth:`ActorKB.office`, :meth:`ActorKB.counterpart`); this module
adds only what is the coder's own: people a text introduces ("Chad's foreign minister,
Mahamat Zene Cherif", origin 'text') are found again by name and surname later in the run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from summitry.actors import ActorKB, normalise


@dataclass(frozen=True)
class PersonHit:
    actor_id: str
    iso3: str | None
    rule: str


class PeopleIndex:
    """Name -> person on a date: the KB first, then people introduced by the texts."""

    def __init__(self, kb: ActorKB):
        self.kb = kb
        self.text_people: dict[str, str] = {}  # normalise(full name or surname) -> actor_id
        self.text_iso: dict[str, str | None] = {}
        self.keys: set[str] = {normalise(n) for n in kb.names()}

    def lookup(self, key: str, on: date | None) -> PersonHit | None:
        """Resolve a normalised name; ambiguous or unknown names return None."""
        hit, final = self._lookup_known(key, on)
        if final or key not in self.text_people:
            return hit
        aid = self.text_people[key]
        return PersonHit(aid, self.text_iso.get(aid), "text:name-in-corpus")

    @lru_cache(maxsize=200_000)  # noqa: B019 - index lives for one run
    def _lookup_known(self, key: str, on: date | None) -> tuple[PersonHit | None, bool]:
        """KB people only (they do not change during a run, so the cache holds while
        text-introduced people are added); ``final`` = text people are not consulted: the
        KB names exactly one person (of the text's era or not)."""
        people = [m for m in self.kb.resolve(key, on=on) if m.actor.kind == "person"]
        if len(people) != 1:
            return None, False
        m = people[0]
        if on is not None and not self.kb.of_the_era(m.actor_id, m.rule, on):
            return None, True  # "Senator John Kennedy" (2017) is not John F. Kennedy
        return PersonHit(m.actor_id, m.actor.iso3, "kb:name"), True

    def reset_text(self) -> None:
        """Forget text-introduced people (each run rebuilds them, so re-runs are repeatable)."""
        self.text_people.clear()
        self.text_iso.clear()

    def add_text_person(self, actor_id: str, name: str, iso3: str | None) -> None:
        """Register a text-introduced person: full name and (if unambiguous) surname."""
        self.text_iso[actor_id] = iso3
        for key in {normalise(name), normalise(name.split()[-1])}:
            owner = self.text_people.get(key)
            if owner and owner != actor_id:
                self.text_people[key] = "__ambiguous__"
            else:
                self.text_people[key] = actor_id
            self.keys.add(key)
        self.text_people = {k: v for k, v in self.text_people.items() if v != "__ambiguous__"}

    def iso3_of(self, actor_id: str) -> str | None:
        a = self.kb.get(actor_id)
        return a.iso3 if a is not None else self.text_iso.get(actor_id)

    def name_of(self, actor_id: str) -> str | None:
        a = self.kb.get(actor_id)
        return a.name if a is not None else None


def load_people(extra_paths: tuple = (), *, strict: bool = True) -> PeopleIndex:
    """The actors KB with the user's actor files, for the coder.

    ``strict=False`` skips malformed lines of user dictionaries (the KB lists them in
    ``problems``) instead of raising on the first one."""
    return PeopleIndex(ActorKB.load(extra_paths=tuple(extra_paths), strict=strict))
