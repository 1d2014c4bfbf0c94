"""The actor knowledge base: countries, international organisations and people with roles.

Load once per run with :meth:`ActorKB.load`; the shipped files are parsed once per process
and cached. Resolution (:meth:`ActorKB.resolve`) maps a surface string and a date to
candidate actors and says which rule matched; unknown names return nothing.
"""

from __future__ import annotations

import csv
import math
import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process

from summitry.actors.files import ActorFileError, ParsedFile, read_actor_file
from summitry.actors.model import Actor, Match, Role
from summitry.actors.normalise import normalise
from summitry.actors.offices import LEADER, Offices, load_offices
from summitry.actors.phoenix import LoadReport, add_dictionary
from summitry.codes import cameo_country
from summitry.petrarch.dictionaries import ActorDictionary, read_actors

SHIPPED_FILES = ("countries.csv", "organisations.csv", "people.csv", "roles.csv")
TERMS_FILE = "country_terms.csv"
SINGLE_HOLDER_ROLES = {
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "party_leader",
    "vice_president",
    "commission_president",
    "council_president",
    "supreme_leader",
    "secretary_general",
    "national_security_advisor",
    "secretary_of_war",
    "press_secretary",
    "crown_prince",
    "un_ambassador",
}
# Surnames that are also everyday words: never resolved on their own.
# (the full name still resolves: "Theresa May", "Gordon Brown").
COMMON_WORD_SURNAMES = {
    "may",
    "brown",
    "rice",
    "major",
    "hunt",
    "cook",
    "straw",
    "ban",
    "li",
}
# Words that may precede a name ("U.S. Secretary of State Mike Pompeo", "President Putin").
TITLE_WORDS = {
    "the",
    "'s",
    "president",
    "prime",
    "minister",
    "foreign",
    "defence",
    "defense",
    "secretary",
    "of",
    "state",
    "chancellor",
    "premier",
    "king",
    "queen",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "general",
    "gen",
    "leader",
    "vice",
    "supreme",
    "crown",
    "prince",
    "ayatollah",
    "emperor",
    "lord",
    "senator",
    "sen",
    "ambassador",
    "chairman",
    "first",
    "deputy",
    "acting",
    "interim",
    "then",
    "former",
    "spokesman",
    "spokeswoman",
    "adviser",
    "advisor",
    "national",
    "security",
    "party",
    "communist",
    "soviet",
    "pm",
    "dame",
    "madam",
    "counterpart",
    "envoy",
    "war",
}
HISTORIC_UNTIL = {"SUN": date(1991, 12, 26)}  # the USSR was dissolved on 1991-12-26
SUCCESSOR_OF = {"RUS": ("SUN", date(1991, 12, 26))}
AROUND = timedelta(days=366)  # "holding a relevant role around that date"

# "the <country> <title>" / "the <title> of <country>", a title from titles.csv
_TITLE_FIRST = (
    r"^(?:the )?(?:(?:acting|interim|then|current|new) )?(?P<title>{alt})"
    r" of (?:the )?(?P<country>.+)$"
)
_TITLE_LAST = (
    r"^(?:the )?(?P<country>.+?) (?:(?:acting|interim|then|current|new) )?(?P<title>{alt})$"
)
# Ranks of offices when one person holds several ("his Russian counterpart" of a US
# president is the Russian head of state, not its head of government).
OFFICE_RANK = (
    "head_of_state",
    "head_of_government",
    "party_leader",
    "supreme_leader",
    "vice_president",
    "foreign_minister",
    "defence_minister",
)
SURNAME_YEARS = 2  # a bare surname: someone in office on the date, or this recently
NAME_YEARS = 20  # a full name: not someone whose every role ended longer ago than this


@lru_cache(maxsize=8)
def _title_patterns(titles: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    alt = "|".join(sorted((re.escape(t) for t in titles), key=len, reverse=True))
    return re.compile(_TITLE_FIRST.format(alt=alt)), re.compile(_TITLE_LAST.format(alt=alt))


def _data_dir() -> Path:
    return Path(str(resources.files("summitry") / "data" / "actors"))


@lru_cache(maxsize=8)
def _cached_file(
    path: str, mtime: float, origin: str, fmt: str | None = None, strict: bool = True
) -> ParsedFile:
    return read_actor_file(path, origin=origin, fmt=fmt, strict=strict)


def _parse(path: Path, origin: str, fmt: str | None = None, strict: bool = True) -> ParsedFile:
    return _cached_file(str(path), path.stat().st_mtime, origin, fmt, strict)


@lru_cache(maxsize=2)
def _cached_terms(path: str, mtime: float) -> tuple[tuple[str, str, str, str | None, bool], ...]:
    rows = []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            names_government = (row.get("names_government") or "").strip() == "yes"
            rows.append(
                (row["iso3"], row["term"], row["type"], row.get("note") or None, names_government)
            )
    return tuple(rows)


class ActorKB:
    """Actors and time-bounded roles, with indexes for name, surname, title and fuzzy look-up."""

    def __init__(self) -> None:
        self._actors: dict[str, Actor] = {}
        self._roles: dict[str, list[Role]] = {}
        self._by_office: dict[tuple[str, str], list[Role]] = {}
        self._names: dict[str, set[str]] = {}
        self._surnames: dict[str, set[str]] = {}
        self._adjectives: dict[str, str] = {}
        self._adjective_terms: dict[str, str] = {}  # as written: "Russian" -> RUS
        self._government_terms: dict[str, str] = {}  # "Kremlin", "Moscow" -> RUS
        self._capitals: dict[str, list[str]] = {}
        self._metonyms: dict[str, list[tuple[str, str | None]]] = {}
        self._country_keys: dict[str, str] = {}
        # country names from dictionaries ("VLADIMIR" [RUS] in Phoenix): found by name and
        # country_of(), but never stripped as a country word before a person's name
        self._loaded_country_keys: dict[str, str] = {}
        self._fuzzy_keys: list[str] | None = None  # person names for rapidfuzz, by length
        self._fuzzy_lens: list[int] = []
        self._cameo: dict[str, str] | None = None  # CAMEO code -> actor id, kept up to date
        self._alias_sets: dict[str, set[str]] = {}  # names of merged-into actors (dedup)
        self._name_sources: dict[tuple[str, str], str] = {}  # (actor id, name key) -> source
        self.problems: list[str] = []  # dictionary lines skipped by a non-strict load
        self.use_offices(load_offices(_data_dir()))

    def use_offices(self, offices: Offices) -> None:
        """Resolve titles with these titles and leader offices (``data/actors`` by default)."""
        self.offices = offices
        self._country_title_keys = tuple(
            sorted(k for k, t in offices.titles.items() if t.iso3 is None)
        )

    # --- loading ------------------------------------------------------------------------
    @classmethod
    def load(
        cls,
        extra_paths: Iterable[str | Path] = (),
        *,
        data_dir: Path | None = None,
        fmt: str | None = None,
        strict: bool = True,
    ) -> ActorKB:
        """The shipped KB plus user files: CSV, YAML or PETRARCH/Phoenix actor dictionaries
        (see :mod:`summitry.actors.files`; ``fmt`` forces one format for every extra file).

        Raises :class:`ActorFileError` (one line naming file, line and field) on bad input;
        with ``strict=False`` malformed dictionary lines are skipped and listed in
        :attr:`problems` instead.
        """
        kb = cls()
        base = data_dir or _data_dir()
        if data_dir is not None:
            kb.use_offices(load_offices(base))
        for name in SHIPPED_FILES:
            path = base / name
            if path.is_file():
                kb._add_parsed(_parse(path, "kb"))
        terms = base / TERMS_FILE
        if terms.is_file():
            for iso3, term, kind, note, gov in _cached_terms(str(terms), terms.stat().st_mtime):
                kb.add_country_term(iso3, term, kind, note, names_government=gov)
        for extra in extra_paths:
            p = Path(extra)
            if not p.is_file():
                raise ActorFileError(f"{p}: no such actor file")
            kb._add_parsed(_parse(p, "user", fmt, strict))
        return kb

    def _add_parsed(self, parsed: ParsedFile) -> None:
        if parsed.dictionary is not None:  # PETRARCH/Phoenix: codes are mapped onto the KB
            add_dictionary(self, parsed.dictionary)
            self.problems.extend(parsed.problems)
            return
        for actor, _line in parsed.actors:
            self.add(actor)
        for role, line in parsed.roles:
            if role.actor_id not in self._actors:
                raise ActorFileError(
                    f"role of unknown actor {role.actor_id!r} (line/item {line}); "
                    "add the actor row first"
                )
            self.add_role(role)

    def add(
        self,
        actor: Actor,
        aliases: Iterable[str] = (),
        roles: Iterable[Role] = (),
        *,
        source: str | None = None,
    ) -> Actor:
        """Add (or merge into) an actor: new aliases are appended, an existing row keeps its fields.

        The public entry point for other loaders (dictionaries, importers, user files).
        ``source`` (e.g. ``file:line``) is recorded for the names this call adds, so a match
        on a merged alias can say where it came from (:meth:`name_source`); country names
        added with a source are not used to strip country words off "Russian Vladimir Putin".
        Cost is linear in the names added, not in the size of the KB: bulk loads call this once
        per entry, and indexes built lazily (fuzzy keys) are only reset when person names change.
        """
        old = self._actors.get(actor.actor_id)
        if old is None:
            names = dict.fromkeys(a for a in (*actor.aliases, *aliases) if a)
            new = replace(actor, aliases=tuple(names))
            fresh = [new.name, *new.aliases]
            if new.kind != "person" and new.cameo_code and self._cameo is not None:
                self._cameo.setdefault(new.cameo_code.upper(), new.actor_id)
        else:
            known = self._alias_sets.get(old.actor_id)
            if known is None:
                known = self._alias_sets[old.actor_id] = {old.name, *old.aliases}
            fresh = []
            for a in (*actor.aliases, *aliases):
                if a and a not in known:
                    known.add(a)
                    fresh.append(a)
            new = replace(old, aliases=(*old.aliases, *fresh)) if fresh else old
        self._actors[new.actor_id] = new
        added_names = False
        for n in fresh:
            key = normalise(n)
            if not key:
                continue
            ids = self._names.setdefault(key, set())
            if new.actor_id not in ids:
                ids.add(new.actor_id)
                added_names = True
                if source is not None:
                    self._name_sources.setdefault((new.actor_id, key), source)
            if new.kind == "country" and new.iso3:
                keys = self._country_keys if source is None else self._loaded_country_keys
                keys.setdefault(key, new.iso3)
        if old is None and new.kind == "person":
            sur = normalise(new.surname or _default_surname(new.name))
            if sur:
                self._surnames.setdefault(sur, set()).add(new.actor_id)
        if added_names and new.kind == "person":
            self._fuzzy_keys = None
        for r in roles:
            self.add_role(r if r.actor_id == new.actor_id else replace(r, actor_id=new.actor_id))
        return new

    def add_role(self, role: Role) -> None:
        """Add a tenure (an identical role, start and country already known is ignored)."""
        if role.actor_id not in self._actors:
            raise KeyError(f"unknown actor {role.actor_id!r}: add the actor before its roles")
        have = self._roles.setdefault(role.actor_id, [])
        if any((r.role, r.iso3, r.start) == (role.role, role.iso3, role.start) for r in have):
            return
        have.append(role)
        office = self._by_office.setdefault((role.role, role.iso3 or ""), [])
        insort(office, role, key=_office_order)  # stays sorted; ties keep insertion order

    def is_title(self, text: str) -> bool:
        """True if ``text`` is a role title the title rule resolves by date ("U.S. President",
        "the Russian foreign minister"): such strings are not names of any one actor."""
        key = normalise(text)
        bare = key[4:] if key.startswith("the ") else key
        return bare in self.offices.titles or self._title_country(bare) is not None

    def _title_country(self, key: str) -> tuple[str, str] | None:
        """(normalised title, iso3) of "the Russian president" / "the president of Russia"."""
        first, last = _title_patterns(self._country_title_keys)
        m = first.match(key) or last.match(key)
        if m is None:
            return None
        iso3 = self.country_of(m.group("country")) or self.country_of_adjective(m.group("country"))
        return (m.group("title"), iso3) if iso3 else None

    def ids_for_name(self, name: str) -> set[str]:
        """Ids of the actors with exactly this name or alias (after normalisation)."""
        return set(self._names.get(normalise(name), ()))

    def name_source(self, actor_id: str, name: str) -> str | None:
        """Where a name of ``actor_id`` came from, if a loader said (``file:line``)."""
        return self._name_sources.get((actor_id, normalise(name)))

    def add_country_term(
        self,
        iso3: str,
        term: str,
        kind: str,
        note: str | None = None,
        *,
        names_government: bool = False,
    ) -> None:
        """Register an adjective ("Russian"), capital ("Moscow") or metonym ("the Kremlin").

        A metonym, and a capital marked ``names_government`` ("Moscow said"), is also a term
        that names a government when it acts in text (:meth:`government_terms`).
        """
        key = normalise(term)
        if key.startswith("the "):
            key = key[4:]
        if kind == "adjective":
            self._adjective_terms.setdefault(term, iso3)
        if kind == "metonym" or (kind == "capital" and names_government):
            bare_term = term[4:] if term.startswith("the ") else term
            self._government_terms.setdefault(bare_term, iso3)
        if kind == "adjective":
            self._adjectives.setdefault(key, iso3)
        elif kind == "capital":
            if iso3 not in self._capitals.setdefault(key, []):
                self._capitals[key].append(iso3)
        elif kind == "metonym":
            if all(i != iso3 for i, _n in self._metonyms.setdefault(key, [])):
                self._metonyms[key].append((iso3, note))
        elif kind == "name":
            self._country_keys.setdefault(key, iso3)
        else:
            raise ValueError(
                f"country term {term!r}: type must be adjective|capital|metonym|name, got {kind!r}"
            )

    # --- look-ups -------------------------------------------------------------------------
    def get(self, actor_id: str) -> Actor | None:
        return self._actors.get(actor_id)

    def __contains__(self, actor_id: str) -> bool:
        return actor_id in self._actors

    def __len__(self) -> int:
        return len(self._actors)

    def actors(self, kind: str | None = None) -> Iterator[Actor]:
        return (a for a in self._actors.values() if kind is None or a.kind == kind)

    def all_roles(self) -> Iterator[Role]:
        for rs in self._roles.values():
            yield from rs

    def names(self) -> list[str]:
        """Every surface name the KB knows for people (names, aliases, surnames)."""
        out: list[str] = []
        for a in self._actors.values():
            if a.kind == "person":
                out.extend((a.name, *a.aliases, a.surname or _default_surname(a.name)))
        return out

    def roles(self, actor_id: str, on: date | None = None) -> list[Role]:
        """The actor's roles (held on ``on`` if given), oldest first."""
        rs = self._roles.get(actor_id, [])
        if on is not None:
            rs = [r for r in rs if r.held_on(on)]
        return sorted(rs, key=lambda r: r.start or date.min)

    def holders(self, role: str, iso3: str, on: date) -> list[Role]:
        """Tenures of ``role`` in ``iso3`` held on ``on`` (substantive before acting)."""
        return [r for r in self._by_office.get((role, iso3), ()) if r.held_on(on)]

    def holder(self, role: str, iso3: str, on: date) -> Actor | None:
        """The holder of a role on a date; a substantive holder wins over an acting one."""
        rs = self.holders(role, iso3, on)
        if not rs:
            return None
        rs.sort(key=lambda r: r.acting)
        return self._actors.get(rs[0].actor_id)

    def adjective_terms(self) -> dict[str, str]:
        """Adjectives and demonyms as written ("Russian", "U.S.") -> ISO3, first row wins."""
        return dict(self._adjective_terms)

    def government_terms(self) -> dict[str, str]:
        """Seats and capitals that name a government ("Kremlin", "Moscow") -> actor id."""
        return dict(self._government_terms)

    def country_of_adjective(self, word: str) -> str | None:
        """ISO3 for an adjective/demonym ("Russian", "American", "U.S."), else None."""
        return self._adjectives.get(normalise(word))

    def country_of(self, term: str) -> str | None:
        """ISO3 for a country name, alias, adjective or capital ("Russia", "U.S.", "Moscow")."""
        key = normalise(term)
        if key.startswith("the "):
            key = key[4:]
        caps = self._capitals.get(key)
        return (
            self._country_keys.get(key)
            or self._adjectives.get(key)
            or (caps[0] if caps else None)
            or self._loaded_country_keys.get(key)
        )

    def actor_for_cameo(self, code: str) -> Actor | None:
        """The KB actor for a CAMEO actor code: exact ("IGOWSTNAT" -> NATO), else the longest
        known prefix ("RUSGOV" -> RUS, "IGOUNOKBZ" -> UN); None if nothing fits."""
        if self._cameo is None:
            self._cameo = {}
            for a in self._actors.values():
                if a.cameo_code and a.kind != "person":
                    self._cameo.setdefault(a.cameo_code.upper(), a.actor_id)
        code = (code or "").strip().upper()
        for n in range(len(code), 2, -1):
            aid = self._cameo.get(code[:n])
            if aid is not None:
                return self._actors[aid]
        # older CAMEO country codes (ROM, BUR, ZAR ...) from the shipped code tables
        iso3 = cameo_country(code[:3]) if len(code) >= 3 else None
        return self._actors.get(iso3) if iso3 else None

    @staticmethod
    def normalise(name: str) -> str:
        return normalise(name)

    # --- resolution -----------------------------------------------------------------------
    def find(self, name: str, on: date | None = None) -> list[Actor]:
        """Candidate actors for a surface string (see :meth:`resolve`); several = ambiguous."""
        return [m.actor for m in self.resolve(name, on=on)]

    def resolve(self, text: str, on: date | None = None) -> list[Match]:
        """Candidates for ``text`` on date ``on``, each with the rule that matched.

        Rules, in order: ``metonym`` ("the Kremlin"); ``name`` (full name or alias, by date if
        several); ``title:<role>`` ("the Russian president", by role tenure on ``on``, with an
        ``:acting`` suffix for an acting holder); ``capital`` ("Moscow" as the government);
        ``surname`` (unique, else the one holding a role on ``on``, else within a year);
        ``titled-name`` / ``titled-surname`` ("President Putin"); ``fuzzy`` (near spelling of
        a full person name). ``@date`` marks a choice made by date, ``:ambiguous`` a tie.
        Ambiguous results return every candidate; unknown strings return [].
        """
        key = normalise(text)
        if key.endswith(" 's"):
            key = key[:-3]
        if not key:
            return []
        bare = key[4:] if key.startswith("the ") else key
        if bare in self._metonyms:
            opts = self._metonyms[bare]
            iso3 = _pick_country([i for i, _n in opts], on)
            note = dict(opts)[iso3]
            a = self._actors.get(iso3)
            return [Match(a, "metonym", iso3=iso3, extra={"note": note})] if a else []
        ids = self._names.get(key) or self._names.get(bare)
        if ids and bare in COMMON_WORD_SURNAMES:  # "May" alone: not Theresa May, whoever says
            ids = {i for i in ids if self._actors[i].kind != "person"}
        if ids:
            found = key if key in self._names else bare
            return [self._with_source(m, found) for m in self._by_date(ids, on, "name")]
        title = self._resolve_title(bare, on)
        if title is not None:
            return title
        if bare in self._capitals:
            a = self._actors.get(_pick_country(self._capitals[bare], on))
            return [Match(a, "capital", iso3=a.actor_id)] if a else []
        sur = self._surnames.get(bare)
        if sur and bare not in COMMON_WORD_SURNAMES:
            return self._by_date(sur, on, "surname")
        titled = self._strip_title(bare)
        if titled:  # "Russian President Vladimir Putin", "Secretary of State Pompeo"
            ids = {i for i in self._names.get(titled, ()) if self._actors[i].kind == "person"}
            if ids:
                return self._by_date(ids, on, "titled-name")
            sur = self._surnames.get(titled)
            if sur:
                return self._by_date(sur, on, "titled-surname")
            return [] if self._names.get(titled) else self._fuzzy(titled, on)
        return self._fuzzy(bare, on)

    def _with_source(self, m: Match, key: str) -> Match:
        """Attach where the matched name came from (``file:line``), if a loader said."""
        src = self._name_sources.get((m.actor_id, key))
        return m if src is None else replace(m, extra={**m.extra, "source": src})

    def _strip_title(self, key: str) -> str | None:
        """The name after leading titles and country words, or None if nothing was stripped."""
        words = key.split(" ")
        i = 0
        while i < len(words) - 1:
            w = words[i]
            two = " ".join(words[i : i + 2])
            if two in self._country_keys or two in self._adjectives:
                i += 2
            elif w in TITLE_WORDS or w in self._adjectives or w in self._country_keys:
                i += 1
            else:
                break
        return " ".join(words[i:]) if 0 < i < len(words) else None

    def _by_date(self, ids: set[str], on: date | None, rule: str) -> list[Match]:
        cands = sorted(ids)
        if len(cands) == 1:
            return [Match(self._actors[cands[0]], rule, iso3=self._actors[cands[0]].iso3)]
        if on is not None:
            cands = self._live_on(cands, on)
            if len(cands) == 1:
                a = self._actors[cands[0]]
                return [Match(a, f"{rule}@date", iso3=a.iso3)]
        return [
            Match(self._actors[i], f"{rule}:ambiguous", iso3=self._actors[i].iso3) for i in cands
        ]

    def _live_on(self, cands: list[str], on: date) -> list[str]:
        """The candidates in office on ``on``, else within a year of it, judged by curated
        roles first (Phoenix codes are often open-ended: ``[PRKGOV >940708]`` outlives its
        holder); all candidates if none fits."""
        lo, hi = on - AROUND, on + AROUND
        for curated in (True, False):
            for live in (
                [i for i in cands if any(r.held_on(on) for r in self._roles_of(i, curated))],
                [i for i in cands if any(r.overlaps(lo, hi) for r in self._roles_of(i, curated))],
            ):
                if live:
                    return live
        return cands

    def _roles_of(self, actor_id: str, curated: bool) -> list[Role]:
        rs = self._roles.get(actor_id, [])
        return [r for r in rs if r.origin != "dictionary"] if curated else rs

    def _resolve_title(self, key: str, on: date | None) -> list[Match] | None:
        """None if ``key`` is not a title; [] if it is one but no holder is known."""
        title = self.offices.titles.get(key)  # "commission president": one body's office
        found = (key, title.iso3) if title and title.iso3 else self._title_country(key)
        if found is None:
            return None
        if on is None:
            return []
        m = self.office(found[0], found[1], on)
        return [m] if m is not None else []

    # --- offices: descriptors, counterparts, holders by date ------------------------------
    def title_role(self, title: str, iso3: str, on: date | None) -> str | None:
        """The role a title names for a country on a date: "foreign secretary" ->
        foreign_minister; "leader" -> the office leaders.csv lists (head of state if none)."""
        return self.offices.role_for(title, iso3, on)

    def office(self, title: str, iso3: str, on: date) -> Match | None:
        """The holder of the office a title names in ``iso3`` on ``on`` ("leader", "SUN",
        1986-10-11 -> Gorbachev, rule ``title:party_leader``). A successor state's title
        before it existed is its predecessor's ("the Russian leader" in 1986); the rule
        gets ``:acting`` for an acting holder. None when no holder is known."""
        role = self.title_role(title, iso3, on)
        if role is None:
            return None
        if iso3 in SUCCESSOR_OF and not self.holders(role, iso3, on):
            old, until = SUCCESSOR_OF[iso3]
            if on < until:
                iso3, role = old, self.title_role(title, old, on) or role
        return self.office_holder(role, iso3, on)

    def office_holder(self, role: str, iso3: str, on: date) -> Match | None:
        """The holder of ``role`` in ``iso3`` on ``on`` as a match ``title:<role>[:acting]``."""
        rs = sorted(self.holders(role, iso3, on), key=lambda r: r.acting)
        a = self._actors.get(rs[0].actor_id) if rs else None
        if a is None:
            return None
        rule = f"title:{role}" + (":acting" if rs[0].acting else "")
        return Match(a, rule, role=role, iso3=iso3)

    def counterpart(self, actor_id: str, iso3: str, on: date) -> Match | None:
        """The "Soviet counterpart" of ``actor_id`` on ``on``: the leader of ``iso3`` if the
        actor leads his own country then (Reagan's in 1986 is Gorbachev, the party leader),
        else the holder in ``iso3`` of the highest office the actor holds; None if none."""
        held = self.roles(actor_id, on)
        if any(r.iso3 and r.role == self.offices.leader_role(r.iso3, on) for r in held):
            m = self.office(LEADER, iso3, on)
            if m is not None:
                return m
        for role in sorted(dict.fromkeys(r.role for r in held), key=_office_rank):
            m = self.office_holder(role, iso3, on)
            if m is not None:
                return m
        return None

    def person(self, text: str, on: date | None) -> Match | None:
        """The one person ``text`` names on ``on``, of that era (:meth:`of_the_era`), else
        None (unknown, not a person, ambiguous on the date, or someone of another time)."""
        people = [m for m in self.resolve(text, on=on) if m.actor.kind == "person"]
        if len(people) != 1:
            return None
        if on is not None and not self.of_the_era(people[0].actor_id, people[0].rule, on):
            return None
        return people[0]

    def of_the_era(self, actor_id: str, rule: str, on: date) -> bool:
        """A person named in a text of date ``on`` must belong to its time: a bare surname
        ("Powell", "Rudd") only for someone in office then or within ``SURNAME_YEARS``; a
        full name not for someone whose every role ended more than ``NAME_YEARS`` before
        ("Senator John Kennedy" in 2017 is not John F. Kennedy). People without dated roles
        pass."""
        ends = [r.end for r in self._roles.get(actor_id, ())]
        if not ends or any(e is None or e > on for e in ends):
            return True
        years = SURNAME_YEARS if "surname" in rule else NAME_YEARS
        return (on - max(e for e in ends if e is not None)).days <= years * 365

    def _fuzzy(self, key: str, on: date | None) -> list[Match]:
        if len(key) < 6 or " " not in key:
            return []
        if self._fuzzy_keys is None:
            self._fuzzy_keys = sorted(
                (
                    k
                    for k, ids in self._names.items()
                    if " " in k and any(self._actors[i].kind == "person" for i in ids)
                ),
                key=len,
            )
            self._fuzzy_lens = [len(k) for k in self._fuzzy_keys]
        # fuzz.ratio >= 90 needs lengths within 9/11 .. 11/9 of each other: search that slice
        n = len(key)
        lo = bisect_left(self._fuzzy_lens, math.ceil(n * 9 / 11))
        hi = bisect_right(self._fuzzy_lens, math.floor(n * 11 / 9))
        hits = process.extract(
            key, self._fuzzy_keys[lo:hi], scorer=fuzz.ratio, score_cutoff=90, limit=3
        )
        ids = {i for k, _s, _ in hits for i in self._names[k] if self._actors[i].kind == "person"}
        if not ids:
            return []
        return self._by_date(ids, on, "fuzzy")


def _office_rank(role: str) -> int:
    return OFFICE_RANK.index(role) if role in OFFICE_RANK else len(OFFICE_RANK)


def _office_order(r: Role) -> tuple[date, bool]:
    return (r.start or date.min, r.acting)


def _pick_country(isos: list[str], on: date | None) -> str:
    """Among countries sharing a term (Moscow: SUN, RUS) pick the one that existed on ``on``."""
    if len(isos) == 1:
        return isos[0]
    for iso3 in isos:
        if iso3 in HISTORIC_UNTIL and on is not None and on < HISTORIC_UNTIL[iso3]:
            return iso3
    current = [i for i in isos if i not in HISTORIC_UNTIL]
    return current[0] if current else isos[0]


def _default_surname(name: str) -> str:
    words = [
        w
        for w in name.replace(",", " ").split()
        if w.lower().strip(".") not in {"jr", "sr", "ii", "iii"}
    ]
    return words[-1] if words else name


def load_petrarch_actors(
    paths: str | Path | list[str | Path], kb: ActorKB | None = None, *, strict: bool = True
) -> tuple[ActorKB, LoadReport]:
    """Add the actors of one or more PETRARCH/Phoenix files to ``kb`` (default: the shipped
    KB). Raises :class:`~summitry.petrarch.DictionaryError` naming ``file:line`` on a
    malformed line unless ``strict=False`` (then the line is skipped and reported)."""
    kb = kb if kb is not None else ActorKB.load()
    items = [paths] if isinstance(paths, str | Path) else list(paths)
    d = ActorDictionary()
    for p in items:
        read_actors(p, d, strict=strict)
    return kb, add_dictionary(kb, d)
