"""Relationship index: a daily, weekly or monthly series for a dyad from event data."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import numpy as np

from summitry.analysis.dyad import Dyad, check_sources
from summitry.analysis.events import (
    EventArrays,
    asserted,
    daily_totals,
    from_day,
    load_events,
    measured_origins,
)
from summitry.analysis.results import Insufficient, TableResult

FREQS = ("day", "week", "month")

INDEX_METHOD = (
    "Events between the two countries (either direction; a leader counts as their country) "
    "with modality 'asserted' from extracted (coded from ingested documents) and imported "
    "(GDELT, ICEWS, POLECAT) data. Reports grouped into one real-world event (events.group_id) "
    "count once, on the first report's date, with their mean Goldstein score. Per period: "
    "the number of dyad events; the mean Goldstein score (-10 conflict .. +10 cooperation); "
    "counts by CAMEO QuadClass (1 verbal cooperation, 2 material cooperation, 3 verbal "
    "conflict, 4 material conflict); counts of PLOVER cooperation types (AGREE, CONSULT, "
    "SUPPORT, CONCEDE, COOPERATE, AID, RETREAT) and conflict types (ACCUSE, REJECT, THREATEN, "
    "PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT). Volume is normalised for news volume as "
    "dyad events per 1,000 events of all actors in the same period and origins. Curated "
    "(knowledge-pack) events are the meetings themselves and are not counted."
)


def period_start(d: date, freq: str) -> date:
    if freq == "day":
        return d
    if freq == "week":
        return d - timedelta(days=d.weekday())
    return d.replace(day=1)


def _next(d: date, freq: str) -> date:
    if freq == "day":
        return d + timedelta(days=1)
    if freq == "week":
        return d + timedelta(days=7)
    return (d.replace(day=28) + timedelta(days=4)).replace(day=1)


def dyad_events(store, dyad: Dyad, sources=None) -> EventArrays:
    origins = measured_origins(check_sources(sources))
    return load_events(store, asserted(origins, dyad=(dyad.a.iso3, dyad.b.iso3)))


def relationship_index(store, dyad: Dyad, freq: str = "month", sources=None) -> TableResult:
    """One row per period: volume (raw and per 1,000 events), Goldstein, QuadClass, PLOVER.

    Returns a :class:`TableResult` whose ``insufficient`` is set when there is no event data.
    """
    if freq not in FREQS:
        raise ValueError(f"freq {freq!r}: expected one of {', '.join(FREQS)}")
    origins = measured_origins(check_sources(sources))
    if not origins:
        return TableResult(
            [],
            INDEX_METHOD,
            Insufficient(
                "only curated sources were selected; the index needs extracted or imported events"
            ),
        )
    ev = dyad_events(store, dyad, sources)
    tdays, tcounts = daily_totals(store, origins)
    if len(tdays) == 0:
        return TableResult(
            [],
            INDEX_METHOD,
            Insufficient(
                "the store holds no extracted or imported events (ingest and code documents, or "
                "import GDELT/ICEWS/POLECAT data)"
            ),
        )
    if len(ev) == 0:
        return TableResult(
            [],
            INDEX_METHOD,
            Insufficient(
                f"no events between {dyad.a.iso3} and {dyad.b.iso3} among the "
                f"{int(tcounts.sum())} events in the store"
            ),
        )
    totals: dict[date, int] = defaultdict(int)
    for dn, c in zip(tdays, tcounts, strict=True):
        totals[period_start(from_day(dn), freq)] += int(c)
    groups: dict[date, list[int]] = defaultdict(list)
    for i, dn in enumerate(ev.day):
        groups[period_start(from_day(dn), freq)].append(i)
    rows = []
    p, last = min(totals), max(totals)
    while p <= last:
        idx = np.array(groups.get(p, []), dtype=np.int64)
        n_all = totals.get(p, 0)
        g = ev.goldstein[idx] if len(idx) else np.array([])
        g = g[~np.isnan(g)]
        rows.append(
            {
                "period": p,
                "n_events": len(idx),
                "n_reports": int(ev.n_reports[idx].sum()) if len(idx) else 0,
                "all_events": n_all,
                "per_1000": round(1000 * len(idx) / n_all, 3) if n_all else None,
                "goldstein_mean": round(float(g.mean()), 3) if len(g) else None,
                **{f"quad{q}": int((ev.quad[idx] == q).sum()) for q in (1, 2, 3, 4)},
                "plover_cooperation": int(ev.coop[idx].sum()),
                "plover_conflict": int(ev.conflict[idx].sum()),
                "note": None if n_all else "no event data for this period",
            }
        )
        p = _next(p, freq)
    return TableResult(
        rows, INDEX_METHOD, None, {"freq": freq, "origins": origins, "n_events": len(ev)}
    )
