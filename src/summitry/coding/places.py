"""Place names -> country (ISO3): the lexicon's countries first, then ``summitry.geo``."""

from __future__ import annotations

from functools import lru_cache

from summitry.coding import lexicon as lx
from summitry.geo import lookup_place


@lru_cache(maxsize=50_000)
def place(name: str):
    """The gazetteer Place for ``name`` (or None); countries come from the lexicon."""
    try:
        return lookup_place(name)
    except Exception:
        return None


@lru_cache(maxsize=50_000)
def place_iso3(name: str) -> str | None:
    iso = lx.country_names().get(name)
    if iso:
        return iso
    if "," in name:  # "Da Nang, Vietnam"
        head, _, tail = name.partition(",")
        return lx.country_names().get(tail.strip()) or place_iso3(head.strip())
    p = place(name)
    return p.iso3 if p else None
