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

from summitry import events
from summitry.events import EventFilter

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


def asserted(origins: tuple[str, ...], **filters) -> EventFilter:
    """The analyses' filter: asserted, dated events of ``origins`` (plus ``filters``)."""
    return EventFilter(origins=origins, modality="asserted", dated=True, **filters)


def load_events(store, f: EventFilter) -> EventArrays:
    """Events matching ``f`` (see :func:`asserted`), grouped into real-world events."""
    if not f.origins:
        return _empty()
    rows = events.units(store, f)
    if not rows:
        return _empty()
    ptype = np.array([u.plover_type or "" for u in rows], dtype=object)
    return EventArrays(
        day=np.array([day_number(u.day) for u in rows], dtype=np.int64),
        goldstein=np.array([np.nan if u.goldstein is None else u.goldstein for u in rows]),
        quad=np.array([u.quad_class or 0 for u in rows], dtype=np.int64),
        coop=np.isin(ptype, COOPERATION),
        conflict=np.isin(ptype, CONFLICT),
        source=np.array([u.source for u in rows], dtype=object),
        target=np.array([u.target for u in rows], dtype=object),
        n_reports=np.array([u.n_reports for u in rows], dtype=np.int64),
        ref=np.array([u.ref for u in rows], dtype=object),
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


def daily_totals(store, origins: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """(days, number of real-world events of any actors that day), for normalisation."""
    if not origins:
        return np.array([], dtype=np.int64), np.array([], dtype=np.int64)
    rows = events.daily_units(store, asserted(origins))
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
