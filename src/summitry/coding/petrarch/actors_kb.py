"""Load a PETRARCH/Phoenix actor dictionary into the summitry actor knowledge base.

Mapping (CAMEO code -> our actors):

* a bare country code (``[RUS]``) that the KB knows: the entry's name and synonyms become
  aliases of that country (``ROSSIYA`` -> ``RUS``);
* an entry with date-restricted codes (``[RUSGOV 000507-080507]``) is a person: it is added
  (or merged into the KB person with the same id, e.g. ``person:vladimir-putin``) and each
  dated code becomes a role ``cameo:<sector>`` (``cameo:GOV``) in that country;
* any other code: the KB actor with exactly that CAMEO code gets the names as aliases
  (``UNITED_NATIONS [IGOUNO]`` -> the UN), else a new organisation (``igo`` for ``IGO...``
  codes) keyed ``org:<slug>`` with its CAMEO code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from summitry.actors import Actor, ActorKB, Role, person_id, slug
from summitry.coding.petrarch.dictionaries import ActorDictionary, ActorEntry, read_actors


@dataclass
class LoadReport:
    entries: int = 0
    country_aliases: int = 0
    people: int = 0
    organisations: int = 0
    skipped: int = 0  # null codes ([---]) or codes of unknown countries
    problems: list[str] = field(default_factory=list)


def _title(words: tuple[str, ...]) -> str:
    return " ".join(w.capitalize() if w.isalpha() else w for w in words)


def _main_code(e: ActorEntry) -> str | None:
    plain = [c.code for c in e.codes if not c.restricted]
    if plain:
        return plain[-1]
    dated = sorted(e.codes, key=lambda c: c.start or c.end or date.min)
    return dated[-1].code if dated else None


def load_petrarch_actors(
    paths: str | Path | list[str | Path], kb: ActorKB | None = None, *, strict: bool = True
) -> tuple[ActorKB, LoadReport]:
    """Add the actors of one or more PETRARCH/Phoenix files to ``kb`` (default: the shipped
    KB). Raises :class:`~summitry.coding.petrarch.DictionaryError` naming ``file:line`` on a
    malformed line unless ``strict=False`` (then the line is skipped and reported)."""
    kb = kb if kb is not None else ActorKB.load()
    items = [paths] if isinstance(paths, str | Path) else list(paths)
    d = ActorDictionary()
    for p in items:
        read_actors(p, d, strict=strict)
    rep = LoadReport(entries=len(d.entries), problems=list(d.problems))
    for e in d.entries:
        _add_entry(kb, e, rep)
    return kb, rep


def _add_entry(kb: ActorKB, e: ActorEntry, rep: LoadReport) -> None:
    code = _main_code(e)
    if not code or code.startswith(("---", "+++", "###")):
        rep.skipped += 1
        return
    names = [_title(e.name.words)] + [_title(s.words) for s in e.synonyms]
    dated = [c for c in e.codes if c.restricted]
    country = kb.actor_for_cameo(code[:3]) if len(code) >= 3 else None
    if country is not None and country.kind != "country":
        country = None
    iso3 = country.iso3 if country is not None else None
    if len(code) == 3 and not dated and country is not None:
        kb.add(country, aliases=names)
        rep.country_aliases += len(names)
        return
    if dated:
        pid = person_id(names[0])
        old = kb.get(pid)
        actor = old or Actor(
            pid,
            names[0],
            "person",
            iso3=iso3,
            cameo_code=code,
            origin="dictionary",
            note=f"PETRARCH {e.path}:{e.line}",
        )
        kb.add(actor, aliases=names)
        for c in dated:
            end = c.end + timedelta(days=1) if c.end else None  # Role.end is exclusive
            c_country = kb.actor_for_cameo(c.code[:3])
            kb.add_role(
                Role(
                    pid,
                    f"cameo:{c.code[3:] or c.code}",
                    c_country.iso3 if c_country is not None else iso3,
                    c.start,
                    end,
                    origin="dictionary",
                    note=f"PETRARCH {e.path}:{e.line}",
                )
            )
        rep.people += 1
        return
    known = kb.actor_for_cameo(code)
    if known is not None and (known.cameo_code or "").upper() == code:
        kb.add(known, aliases=names)  # e.g. UNITED_NATIONS [IGOUNO] -> the KB's UN
        rep.organisations += 1
        return
    kind = "igo" if code.startswith("IGO") else "organisation"
    aid = f"org:{slug(names[0])}"
    kb.add(
        Actor(
            aid,
            names[0],
            kind,
            iso3=iso3,
            cameo_code=code,
            origin="dictionary",
            note=f"PETRARCH {e.path}:{e.line}",
        ),
        aliases=names,
    )
    rep.organisations += 1
