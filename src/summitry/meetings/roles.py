"""Who is a leader (or minister) on a date, for the meeting builder: the actors KB (with the
people only the store knows added to it) answers; imported country-level actors become the
holder of the office their text names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from summitry.actors import LEADER_ROLES, ActorKB, add_store_actors

MINISTER_ROLES = ("foreign_minister", "defence_minister", "vice_president")
# Titles too loose to name one office in an imported actor's text ("opposition leader").
_LOOSE_TITLES = {"leader", "minister", "ambassador", "envoy"}


@dataclass(frozen=True)
class RoleHolder:
    """A resolved participant: actor id, display name, role on the date, country."""

    actor_id: str
    name: str
    role: str
    iso3: str | None


class RoleResolver:
    """Answers the meeting builder's role questions from one resolver, the actors KB."""

    def __init__(self, store, kb: ActorKB | None = None) -> None:
        self.store = store
        self.kb = kb if kb is not None else ActorKB.load()
        add_store_actors(self.kb, store)

    def name(self, actor_id: str) -> str:
        actor = self.kb.get(actor_id)
        if actor is not None:
            return actor.name
        if actor_id.startswith("person:"):
            return actor_id.split(":")[-1].replace("-", " ").title()
        return actor_id

    def iso3(self, actor_id: str) -> str | None:
        """The country an actor belongs to (None if unknown)."""
        actor = self.kb.get(actor_id)
        return actor.iso3 if actor is not None else None

    def roles(self, actor_id: str, on: date) -> list[tuple[str, str | None]]:
        """(role, iso3) pairs the actor holds on ``on``."""
        return [(r.role, r.iso3) for r in self.kb.roles(actor_id, on=on)]

    def person_named(self, text: str, on: date) -> str | None:
        """The person a name string denotes on ``on`` ("VLADIMIR PUTIN", "Putin"), or None
        when the name is unknown, not a person, ambiguous or of another era."""
        m = self.kb.person(text, on)
        return m.actor_id if m is not None else None

    def holder(self, role: str, iso3: str, on: date) -> str | None:
        actor = self.kb.holder(role, iso3, on=on)
        return actor.actor_id if actor is not None else None

    def resolve(
        self,
        actor_id: str | None,
        text: str | None,
        code: str | None,
        iso3: str | None,
        on: date,
        ministers: bool = False,
    ) -> RoleHolder | None:
        """The leader (or minister) this event actor stands for on ``on``, or None.

        People are checked against their roles on the date. A country-level actor (as in
        GDELT/ICEWS rows) counts only when its text names an office ("PRESIDENT",
        "Prime Minister"): it then resolves to that office's holder on the date."""
        wanted = LEADER_ROLES + (MINISTER_ROLES if ministers else ())
        if actor_id and actor_id.startswith("person:"):
            for role, r_iso3 in self.roles(actor_id, on):
                if role in wanted:
                    actor = self.kb.get(actor_id)
                    home = actor.iso3 if actor is not None else iso3
                    return RoleHolder(actor_id, self.name(actor_id), role, r_iso3 or home)
            return None
        country = iso3 or (
            actor_id if actor_id and len(actor_id) == 3 and actor_id.isupper() else None
        )
        if text and (person := self.person_named(text, on)) is not None:
            return self.resolve(person, None, None, iso3, on, ministers)
        if country is None or not text:
            return None
        title = self.kb.offices.named_in(text)
        if title is None or title.title in _LOOSE_TITLES or title.role not in wanted:
            return None
        m = self.kb.office_holder(title.role, country, on)
        return RoleHolder(m.actor_id, m.actor.name, title.role, country) if m else None
