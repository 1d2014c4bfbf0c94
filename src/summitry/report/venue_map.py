"""A world map of the in-person venues, drawn offline with matplotlib from the country
shapes that the countryinfo package ships (nothing is fetched)."""

from __future__ import annotations

from functools import cache

from countryinfo import all_countries

from summitry.report.charts import Chart, pyplot, render_figure
from summitry.report.model import Venue

SIDE_COLOURS = ("#c6dbef", "#fdd0a2")  # the two sides' countries
LAND, EDGE = "#e8e8e8", "#ffffff"


@cache
def country_shapes() -> dict[str, list[list[tuple[float, float]]]]:
    """ISO3 -> outer rings (lon, lat) of the country's polygons, from countryinfo."""
    out: dict[str, list[list[tuple[float, float]]]] = {}
    for c in all_countries():
        try:
            geo = c.geo_json()
            iso3 = c.iso(3)
        except Exception:  # noqa: BLE001 - entries without shapes or codes are skipped
            continue
        rings = []
        for feat in (geo or {}).get("features", []):
            g = feat.get("geometry") or {}
            polys = [g["coordinates"]] if g.get("type") == "Polygon" else g.get("coordinates", [])
            rings += [[(float(x), float(y)) for x, y, *_ in poly[0]] for poly in polys if poly]
        if rings and iso3:
            out[str(iso3).upper()] = rings
    return out


def _label_offsets(venues: list[Venue]) -> list[tuple[int, int]]:
    """Label positions that keep a cluster readable: to the left of a venue with a
    neighbour to its east, above one whose nearest neighbour lies below."""
    out = []
    for v in venues:
        near = [
            w for w in venues if w is not v and abs(w.lon - v.lon) < 22 and abs(w.lat - v.lat) < 12
        ]
        east = any(w.lon > v.lon for w in near)
        nearest = min(near, key=lambda w: abs(w.lon - v.lon) + abs(w.lat - v.lat), default=None)
        below = nearest is None or nearest.lat < v.lat
        out.append((-6 if east else 6, 4 if below else -11))
    return out


def venue_map(venues: list[Venue], sides: tuple[tuple[str, ...], tuple[str, ...]]) -> Chart | None:
    """Venues as dots sized by the number of meetings, labelled with place and years; the
    two sides' countries tinted."""
    if not venues:
        return None
    plt = pyplot()
    # matplotlib: only when the map is drawn
    from matplotlib.patches import Polygon

    fig, ax = plt.subplots(figsize=(9, 4.6))
    shapes = country_shapes()
    for iso3, rings in shapes.items():
        colour = next((SIDE_COLOURS[i] for i, s in enumerate(sides) if iso3 in s), LAND)
        for ring in rings:
            ax.add_patch(Polygon(ring, closed=True, facecolor=colour, edgecolor=EDGE, lw=0.3))
    for v, (dx, dy) in zip(venues, _label_offsets(venues), strict=True):
        ax.scatter(
            [v.lon],
            [v.lat],
            s=28 + 22 * len(v.dates),
            color="#c0392b",
            edgecolors="white",
            linewidths=0.8,
            zorder=4,
        )
        years = sorted({d.year for d in v.dates})
        ax.annotate(
            f"{v.city} {', '.join(str(y) for y in years)}",
            (v.lon, v.lat),
            xytext=(dx, dy),
            textcoords="offset points",
            ha="left" if dx > 0 else "right",
            fontsize=7,
            zorder=5,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7},
        )
    lons, lats = [v.lon for v in venues], [v.lat for v in venues]
    ax.set_xlim(max(-180, min(lons) - 40), min(180, max(lons) + 40))
    ax.set_ylim(max(-60, min(lats) - 20), min(85, max(lats) + 18))
    ax.set_aspect(1.15)
    ax.set_xticks([])
    ax.set_yticks([])
    for sp in ax.spines.values():
        sp.set_visible(False)
    ax.set_facecolor("#f4f8fb")
    ax.set_title(f"Where they met in person ({sum(len(v.dates) for v in venues)} meetings)")
    return render_figure(
        fig, "Venues", "Map of the in-person meeting venues, with the years of the meetings"
    )
