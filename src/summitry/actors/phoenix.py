"""Load a PETRARCH/Phoenix actor dictionary into the summitry actor knowledge base.

Mapping (CAMEO code -> our actors):

* a bare country code (``[RUS]``) that the KB knows: the entry's name and synonyms become
  aliases of that country (``ROSSIYA`` -> ``RUS``);
* an entry with date-restricted codes (``[RUSGOV 000507-080507]``) is a person: it is merged
  into the KB person with the same id (``person:vladimir-putin``) or, failing that, with
  the one KB person one of its names (two words or more) belongs to; else it is added. Each
  dated code becomes a role ``cameo:<sector>`` (``cameo:GOV``) in that code's country;
* any other code: the KB actor with exactly that CAMEO code gets the names as aliases
  (``UNITED_NATIONS [IGOUNO]`` -> the UN), else a new organisation (``igo`` for ``IGO...``
  codes) keyed ``org:<slug>`` with its CAMEO code.

Names the KB reads as role titles (``U.S._PRESIDENT``) are not added: the KB resolves those
by date. Country names the KB already knows (``MOSCOW``, a capital) keep their rule.

Provenance: new actors and every role get origin ``dictionary`` and ``source_url`` =
``<absolute file path>:<line>``; names merged into existing actors keep that source too
(:meth:`ActorKB.name_source`, shown by ``summitry actors who``).

``ActorKB.load(extra_paths=[...])`` uses :func:`add_dictionary` for Phoenix files, so the
``--actors`` option of ``summitry actors`` and ``summitry code`` accepts them;
:func:`summitry.actors.load_petrarch_actors` loads files into a KB and returns this module's
:class:`LoadReport`. (The dictionary reader is :mod:`summitry.petrarch.dictionaries`, which
knows nothing of the KB.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from summitry.actors.model import Actor, Role
from summitry.actors.normalise import normalise, person_id, slug
from summitry.petrarch.dictionaries import ActorDictionary, ActorEntry

if TYPE_CHECKING:  # the KB calls add_dictionary: a type only, not an import cycle
    from summitry.actors.kb import ActorKB

NOTE = "PETRARCH/Phoenix actor dictionary"


@dataclass
class LoadReport:
    entries: int = 0
    country_aliases: int = 0
    people: int = 0
    organisations: int = 0
    skipped: int = 0  # null codes ([---]) or entries whose every name is a role title
    problems: list[str] = field(default_factory=list)


def _title(words: tuple[str, ...]) -> str:
    return " ".join(w.capitalize() if w.isalpha() else w for w in words)


def _main_code(e: ActorEntry) -> str | None:
    plain = [c.code for c in e.codes if not c.restricted]
    if plain:
        return plain[-1]
    dated = sorted(e.codes, key=lambda c: c.start or c.end or date.min)
    return dated[-1].code if dated else None


def add_dictionary(kb: ActorKB, d: ActorDictionary) -> LoadReport:
    """Map the parsed entries of ``d`` onto ``kb`` (see the module docstring)."""
    rep = LoadReport(entries=len(d.entries), problems=list(d.problems))
    sources: dict[str, str] = {}
    for e in d.entries:
        if e.path not in sources:
            sources[e.path] = str(Path(e.path).resolve())
        _add_entry(kb, e, rep, f"{sources[e.path]}:{e.line}")
    return rep


def _same_person(kb: ActorKB, names: list[str], iso3: str | None) -> str | None:
    """The one KB person that a (multi-word) name of the entry belongs to, if any."""
    for n in names:
        if " " not in normalise(n):
            continue
        ids = [
            i
            for i in kb.ids_for_name(n)
            if (a := kb.get(i)) is not None
            and a.kind == "person"
            and (iso3 is None or a.iso3 is None or a.iso3 == iso3)
        ]
        if len(ids) == 1:
            return ids[0]
    return None


def _add_entry(kb: ActorKB, e: ActorEntry, rep: LoadReport, source: str) -> None:
    code = _main_code(e)
    if not code or code.startswith(("---", "+++", "###")):
        rep.skipped += 1
        return
    # role titles ("U.S._PRESIDENT" under [USAGOV]) are left to the KB's dated title rule
    names = [n for n in (_title(p.words) for p in (e.name, *e.synonyms)) if not kb.is_title(n)]
    if not names:
        rep.skipped += 1
        return
    dated = [c for c in e.codes if c.restricted]
    country = kb.actor_for_cameo(code[:3]) if len(code) >= 3 else None
    if country is not None and country.kind != "country":
        country = None
    iso3 = country.iso3 if country is not None else None
    if len(code) == 3 and not dated and country is not None:
        # names the KB already knows as a country name, adjective or capital stay as they are
        # ("MOSCOW" [RUS] keeps its capital rule: the Soviet government before 1992)
        new = [n for n in names if kb.country_of(n) is None]
        kb.add(country, aliases=new, source=source)
        rep.country_aliases += len(new)
        return
    if dated:
        pid = person_id(names[0])
        if kb.get(pid) is None:
            pid = _same_person(kb, names, iso3) or pid
        actor = kb.get(pid) or Actor(
            pid,
            names[0],
            "person",
            iso3=iso3,
            cameo_code=code,
            origin="dictionary",
            source_url=source,
            note=NOTE,
        )
        kb.add(actor, aliases=names, source=source)
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
                    source_url=source,
                    note=NOTE,
                )
            )
        rep.people += 1
        return
    known = kb.actor_for_cameo(code)
    if known is not None and (known.cameo_code or "").upper() == code:
        kb.add(known, aliases=names, source=source)  # UNITED_NATIONS [IGOUNO] -> the KB's UN
        rep.organisations += 1
        return
    kind = "igo" if code.startswith("IGO") else "organisation"
    kb.add(
        Actor(
            f"org:{slug(names[0])}",
            names[0],
            kind,
            iso3=iso3,
            cameo_code=code,
            origin="dictionary",
            source_url=source,
            note=NOTE,
        ),
        aliases=names,
        source=source,
    )
    rep.organisations += 1
