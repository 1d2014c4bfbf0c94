"""Third-party impact: how other actors' events toward each side changed around the meetings.

Groups of other actors: formal allies of each side (NATO members for NATO countries, plus the
U.S. treaty allies Japan, South Korea and Australia; CSTO members for Russia), the countries
discussed at the meeting (from its topics), international organisations, and all other
actors together. For each meeting, side and group: the change in mean Goldstein score of the
group's events toward the side, after versus before (bootstrap 95% interval), as in
:mod:`summitry.analysis.impact`. These intervals are not adjusted for the number of
comparisons (meetings x sides x groups) and have no placebo baseline: about one in twenty
comparisons will exclude zero by chance, so read single results with care.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from summitry.actors import ActorKB
from summitry.analysis.dyad import Dyad, check_sources, country_name
from summitry.analysis.events import (
    EventArrays,
    asserted,
    day_number,
    load_events,
    measured_origins,
)
from summitry.analysis.impact import MIN_EVENTS, MeetingDates, _estimate
from summitry.analysis.results import Insufficient, TableResult

NATO = (
    "ALB",
    "BEL",
    "BGR",
    "CAN",
    "HRV",
    "CZE",
    "DNK",
    "EST",
    "FIN",
    "FRA",
    "DEU",
    "GRC",
    "HUN",
    "ISL",
    "ITA",
    "LVA",
    "LTU",
    "LUX",
    "MNE",
    "NLD",
    "MKD",
    "NOR",
    "POL",
    "PRT",
    "ROU",
    "SVK",
    "SVN",
    "ESP",
    "SWE",
    "TUR",
    "GBR",
    "USA",
)
CSTO = ("RUS", "BLR", "ARM", "KAZ", "KGZ", "TJK")


def _igo_ids() -> tuple[str, ...]:
    """Ids of the international organisations of the actor KB, plus the generic CAMEO IGO
    codes that imported rows may carry."""
    kinds = {"igo", "group"}
    return tuple(
        sorted({a.actor_id for a in ActorKB.load().actors() if a.kind in kinds} | {"IGO", "UNO"})
    )


IGOS = _igo_ids()
TOPIC_COUNTRIES = {
    "ukraine": ("UKR",),
    "syria": ("SYR",),
    "iran": ("IRN",),
    "north_korea": ("PRK",),
    "nato_europe": ("DEU", "FRA", "GBR", "POL"),
}


def allies(iso3: str) -> tuple[str, ...]:
    if iso3 in NATO:
        extra = ("JPN", "KOR", "AUS") if iso3 == "USA" else ()
        return tuple(c for c in (*NATO, *extra) if c != iso3)
    if iso3 in CSTO:
        return tuple(c for c in CSTO if c != iso3)
    return ()


def third_party_impact(
    store,
    dyad: Dyad,
    meetings: Sequence[MeetingDates],
    topics: dict[str, list[str]] | None = None,
    window: int = 30,
    sources=None,
    n_boot: int = 1000,
    seed: int = 0,
    min_events: int = MIN_EVENTS,
) -> TableResult:
    """Rows per meeting x side x group of other actors (``topics``: meeting_id -> topics)."""
    method = __doc__.split("\n\n", 1)[1].strip()
    origins = measured_origins(check_sources(sources))
    pair = [dyad.a.iso3, dyad.b.iso3]
    ev = load_events(store, asserted(origins, target=pair, not_source=pair))
    if len(ev) == 0:
        return TableResult(
            [], method, Insufficient("no events by other actors toward either side in the store")
        )
    rng = np.random.default_rng(seed)
    fixed: dict[tuple[str, str], EventArrays] = {}  # (side, group) -> its events, once
    for side in (dyad.a, dyad.b):
        toward = ev.target == side.iso3
        fixed[(side.iso3, f"allies of {country_name(side.iso3)}")] = ev.subset(
            toward & np.isin(ev.source, allies(side.iso3))
        )
        fixed[(side.iso3, "international organisations")] = ev.subset(
            toward & np.isin(ev.source, IGOS)
        )
        fixed[(side.iso3, "all other actors")] = ev.subset(toward)
    rows = []
    for m in meetings:
        if not m.start:
            continue
        s, e = day_number(m.start), day_number(m.end or m.start)
        discussed = tuple(
            c for t in (topics or {}).get(m.meeting_id, []) for c in TOPIC_COUNTRIES.get(t, ())
        )
        for side in (dyad.a, dyad.b):
            groups = [
                f"allies of {country_name(side.iso3)}",
                "countries discussed",
                "international organisations",
                "all other actors",
            ]
            for name in groups:
                if name == "countries discussed":
                    if not discussed:
                        continue
                    sub = fixed[(side.iso3, "all other actors")]
                    sub = sub.subset(np.isin(sub.source, discussed))
                else:
                    sub = fixed[(side.iso3, name)]
                if name.startswith("allies") and not allies(side.iso3):
                    continue
                b, a = sub.window(s - window, s - 1), sub.window(e + 1, e + window)
                gb, ga = sub.goldstein[b], sub.goldstein[a]
                est = _estimate(
                    gb[~np.isnan(gb)], ga[~np.isnan(ga)], window, rng, n_boot, min_events
                )
                rows.append(
                    {
                        "meeting_id": m.meeting_id,
                        "meeting": m.label,
                        "date": m.start,
                        "toward": country_name(side.iso3),
                        "group": name,
                        "window_days": window,
                        "goldstein_change": est,
                    }
                )
    return TableResult(rows, method, None, {"n_events": len(ev)})
