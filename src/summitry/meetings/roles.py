"""Who is a leader (or minister) on a date: the actors KB, else the store, else the coder's
fallback list. Also turns imported country-level actors into the office holder."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from unidecode import unidecode

LEADER_ROLES = ("head_of_state", "head_of_government", "party_leader", "supreme_leader")
MINISTER_ROLES = ("foreign_minister", "defence_minister", "vice_president")

_OFFICE_WORDS = [
    (
        re.compile(r"\b(president|head of state|king|queen|emir|supreme leader)\b", re.I),
        "head_of_state",
    ),
    (
        re.compile(r"\b(prime minister|premier|chancellor|head of government)\b", re.I),
        "head_of_government",
    ),
    (
        re.compile(r"\b(foreign minister|secretary of state|foreign secretary)\b", re.I),
        "foreign_minister",
    ),
    (re.compile(r"\b(defen[cs]e minister|defen[cs]e secretary)\b", re.I), "defence_minister"),
]


@dataclass(frozen=True)
class RoleHolder:
    """A resolved participant: actor id, display name, role on the date, country."""

    actor_id: str
    name: str
    role: str
    iso3: str | None


def _as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


class RoleResolver:
    """Answers role questions from the best available source (KB > store > fallback)."""

    def __init__(self, store) -> None:
        self.store = store
        self._kb = None
        try:  # the actors engineer's knowledge base, when installed
            from summitry.actors import ActorKB  # type: ignore[attr-defined]

            self._kb = ActorKB.load()
        except Exception:  # noqa: BLE001 - absent or not ready: fall back
            self._kb = None
        self._rows: dict[str, list[tuple[str, str | None, date | None, date | None]]] = {}
        self._names: dict[str, tuple[str, str | None]] = {}
        for aid, role, iso3, start, end in store.con.execute(
            "SELECT actor_id, role, iso3, start_date, end_date FROM actor_roles"
        ).fetchall():
            self._rows.setdefault(aid, []).append((role, iso3, start, end))
        for aid, name, iso3 in store.con.execute(
            "SELECT actor_id, name, iso3 FROM actors"
        ).fetchall():
            self._names[aid] = (name, iso3)
        if self._kb is None:
            self._load_fallback()

    def _load_fallback(self) -> None:
        try:
            from summitry.coding.lexicon import FALLBACK_PEOPLE  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001
            return
        for person in FALLBACK_PEOPLE:
            aid = getattr(person, "actor_id", None) or getattr(person, "id", None)
            if aid is None or aid in self._rows:  # the store's own rows win
                continue
            self._names.setdefault(
                aid, (getattr(person, "name", aid), getattr(person, "iso3", None))
            )
            for r in getattr(person, "roles", ()):
                role, iso3, start, end = (
                    getattr(r, k, None) for k in ("role", "iso3", "start", "end")
                )
                if role is None and isinstance(r, tuple):
                    role, iso3, start, end = r
                self._rows.setdefault(aid, []).append((role, iso3, _as_date(start), _as_date(end)))

    # --- queries ----------------------------------------------------------------------
    def name(self, actor_id: str) -> str:
        if self._kb is not None:
            try:
                actor = self._kb.get(actor_id)
                if actor is not None:
                    return getattr(actor, "name", actor_id)
            except Exception:  # noqa: BLE001
                pass
        if actor_id in self._names:
            return self._names[actor_id][0]
        if actor_id.startswith("person:"):
            return actor_id.split(":")[-1].replace("-", " ").title()
        return actor_id

    def roles(self, actor_id: str, on: date) -> list[tuple[str, str | None]]:
        """(role, iso3) pairs the actor holds on ``on``."""
        if self._kb is not None:
            try:
                found = self._kb.roles(actor_id, on=on)
                out = []
                for r in found or ():
                    role = getattr(r, "role", r if isinstance(r, str) else None)
                    out.append((role, getattr(r, "iso3", None)))
                if out:
                    return out
            except Exception:  # noqa: BLE001
                pass
        return [
            (role, iso3)
            for role, iso3, start, end in self._rows.get(actor_id, ())
            if (start is None or start <= on) and (end is None or on < end)
        ]

    def person_named(self, text: str, on: date) -> str | None:
        """The person a name string denotes on ``on`` ("VLADIMIR PUTIN", "Putin"), or None
        when the name is unknown, not a person, or ambiguous on that date."""
        if self._kb is not None:
            try:
                found = self._kb.find(text, on=on)
            except Exception:  # noqa: BLE001
                found = []
            if found:
                ids = {getattr(a, "actor_id", None) or getattr(a, "id", None) for a in found}
                if len(ids) != 1 or getattr(found[0], "kind", "person") != "person":
                    return None  # several candidates on the date, or a country/office
                return ids.pop()
        want = " ".join(unidecode(text).lower().split())
        hits = {
            aid
            for aid, (name, _) in self._names.items()
            if aid.startswith("person:")
            and aid in self._rows
            and " ".join(unidecode(name).lower().split()) == want
        }
        if len(hits) > 1:  # namesakes: the one holding a role on the date, if only one
            hits = {aid for aid in hits if self.roles(aid, on)}
        return hits.pop() if len(hits) == 1 else None

    def holder(self, role: str, iso3: str, on: date) -> str | None:
        if self._kb is not None:
            try:
                actor = self._kb.holder(role, iso3, on=on)
                if actor is not None:
                    return getattr(actor, "actor_id", None) or getattr(actor, "id", None)
            except Exception:  # noqa: BLE001
                pass
        for aid, rows in self._rows.items():
            for r, i, start, end in rows:
                if (
                    r == role
                    and i == iso3
                    and (start is None or start <= on)
                    and (end is None or on < end)
                ):
                    return aid
        return None

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
                    return RoleHolder(
                        actor_id,
                        self.name(actor_id),
                        role,
                        r_iso3 or self._names.get(actor_id, ("", iso3))[1],
                    )
            return None
        country = iso3 or (
            actor_id if actor_id and len(actor_id) == 3 and actor_id.isupper() else None
        )
        if text and (person := self.person_named(text, on)) is not None:
            return self.resolve(person, None, None, iso3, on, ministers)
        if country is None or not text:
            return None
        for pattern, role in _OFFICE_WORDS:
            if role in wanted and pattern.search(text):
                holder = self.holder(role, country, on)
                if holder:
                    return RoleHolder(holder, self.name(holder), role, country)
        return None
