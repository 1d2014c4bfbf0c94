"""Load event data for the analyses, counting real-world events rather than reports.

Reports that share an ``events.group_id`` (an ``event_groups`` row) are one event: it counts
once, on the date of its first report, with the mean Goldstein score of its reports and
their most frequent QuadClass / PLOVER type. Only ``asserted`` events with a date are used.
Curated events are left out of the index and impact series: they are the meetings
themselves (the treatment), not a measure of the relationship.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

COOPERATION = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT")
CONFLICT = ("ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MEASURED_ORIGINS = ("extracted", "imported")
EPOCH = date(1970, 1, 1)


def day_number(d: date) -> int:
    return (d - EPOCH).days


def from_day(n: int) -> date:
    return date.fromordinal(EPOCH.toordinal() + int(n))


def measured_origins(sources: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(s for s in sources if s in MEASURED_ORIGINS)


_ISO = (
    "coalesce({p}_iso3, CASE WHEN length({p}_actor_id) = 3 AND upper({p}_actor_id) = "
    "{p}_actor_id THEN {p}_actor_id END)"
)
SRC_ISO = _ISO.format(p="source")
TGT_ISO = _ISO.format(p="target")


@dataclass
class EventArrays:
    """One row per real-world event, sorted by day."""

    day: np.ndarray  # int days since 1970-01-01
    goldstein: np.ndarray  # float, NaN when unknown
    quad: np.ndarray  # int 0..4 (0 unknown)
    coop: np.ndarray  # bool: PLOVER cooperation type
    conflict: np.ndarray  # bool: PLOVER conflict type
    source: np.ndarray  # object: source country / actor
    target: np.ndarray  # object
    n_reports: np.ndarray  # int
    ref: np.ndarray  # object: one report's event_id (for citations)

    def __len__(self) -> int:
        return len(self.day)

    def window(self, start: int, end: int) -> slice:
        """Rows with start <= day <= end (days as ints)."""
        lo = int(np.searchsorted(self.day, start, side="left"))
        hi = int(np.searchsorted(self.day, end, side="right"))
        return slice(lo, hi)

    def subset(self, mask: np.ndarray) -> EventArrays:
        return EventArrays(*(getattr(self, f)[mask] for f in self.__dataclass_fields__))


def load_events(store, where: str, params: list, origins: tuple[str, ...]) -> EventArrays:
    """Events matching ``where`` (SQL over events columns), grouped into real-world events."""
    if not origins:
        return _empty()
    sql = f"""
      WITH r AS (
        SELECT coalesce(group_id, event_id) AS unit, event_id, event_date, goldstein, quad_class,
               plover_type, {SRC_ISO} AS s_iso, {TGT_ISO} AS t_iso, source_actor_id
        FROM events
        WHERE modality = 'asserted' AND event_date IS NOT NULL
          AND origin IN (SELECT unnest(?)) AND ({where})
      )
      , u AS (  -- a group's date is its first report's, over all its reports (as in totals)
        SELECT group_id AS unit, min(event_date) AS ud FROM events
        WHERE group_id IN (SELECT unit FROM r) AND modality = 'asserted'
          AND event_date IS NOT NULL AND origin IN (SELECT unnest(?))
        GROUP BY group_id
      )
      SELECT coalesce(any_value(u.ud), min(r.event_date)) AS d, avg(goldstein) AS g,
             mode(quad_class) AS q, mode(plover_type) AS p,
             mode(coalesce(s_iso, source_actor_id)) AS s, mode(t_iso) AS t, count(*) AS n,
             min(event_id) AS ref
      FROM r LEFT JOIN u USING (unit) GROUP BY unit ORDER BY d, ref
    """
    rows = store.con.execute(sql, [list(origins), *params, list(origins)]).fetchall()
    if not rows:
        return _empty()
    d, g, q, p, s, t, n, ref = zip(*rows, strict=True)
    ptype = np.array([x or "" for x in p], dtype=object)
    return EventArrays(
        day=np.array([day_number(x) for x in d], dtype=np.int64),
        goldstein=np.array([np.nan if x is None else x for x in g], dtype=float),
        quad=np.array([x or 0 for x in q], dtype=np.int64),
        coop=np.isin(ptype, COOPERATION),
        conflict=np.isin(ptype, CONFLICT),
        source=np.array(s, dtype=object),
        target=np.array(t, dtype=object),
        n_reports=np.array(n, dtype=np.int64),
        ref=np.array(ref, dtype=object),
    )


def _empty() -> EventArrays:
    e = np.array([], dtype=object)
    return EventArrays(
        np.array([], dtype=np.int64),
        np.array([], dtype=float),
        np.array([], dtype=np.int64),
        np.array([], dtype=bool),
        np.array([], dtype=bool),
        e,
        e,
        np.array([], dtype=np.int64),
        e,
    )


def dyad_where(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, list]:
    """Events from a side to the other, either direction."""
    sql = (
        f"(({SRC_ISO} IN (SELECT unnest(?)) AND {TGT_ISO} IN (SELECT unnest(?))) OR "
        f"({SRC_ISO} IN (SELECT unnest(?)) AND {TGT_ISO} IN (SELECT unnest(?))))"
    )
    return sql, [list(a), list(b), list(b), list(a)]


def daily_totals(store, origins: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """(days, number of real-world events of any actors that day), for normalisation."""
    if not origins:
        return np.array([], dtype=np.int64), np.array([], dtype=np.int64)
    rows = store.con.execute(
        "SELECT d, count(*) FROM (SELECT coalesce(group_id, event_id) AS unit, "
        "min(event_date) AS d FROM events WHERE modality = 'asserted' AND event_date IS NOT NULL "
        "AND origin IN (SELECT unnest(?)) GROUP BY unit) GROUP BY d ORDER BY d",
        [list(origins)],
    ).fetchall()
    if not rows:
        return np.array([], dtype=np.int64), np.array([], dtype=np.int64)
    return (
        np.array([day_number(r[0]) for r in rows], dtype=np.int64),
        np.array([r[1] for r in rows], dtype=np.int64),
    )


def volume(days: np.ndarray, counts: np.ndarray, start: int, end: int) -> int:
    lo = int(np.searchsorted(days, start, side="left"))
    hi = int(np.searchsorted(days, end, side="right"))
    return int(counts[lo:hi].sum())
