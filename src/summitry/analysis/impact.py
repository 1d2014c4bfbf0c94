"""Impact of each meeting: change after versus before, bootstrap intervals, placebo baseline.

For a meeting held from day s to day e and a window of w days, "before" is s-w .. s-1 and
"after" is e+1 .. e+w. Statistics (after minus before):

- ``goldstein``: mean Goldstein score of the dyad's events;
- ``cooperation_share`` / ``conflict_share``: share of events of a PLOVER cooperation / conflict
  type (the mix of event types);
- ``per_1000``: dyad events per 1,000 events of all actors (volume, normalised for news volume).

The 95% interval is a percentile bootstrap (numpy; events resampled within each window). The
placebo baseline is the distribution of the same statistic at comparable dates: random days
within two years (``placebo_span``) of the meeting, inside the span of the data, with no
meeting of the pair within w days, and (for the event-mix statistics) with at least as many
events in each window as an interval needs. ``placebo_p`` is the share of placebo changes at
least as large (in absolute value) as the observed one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from summitry.analysis.dyad import Dyad, check_sources
from summitry.analysis.events import (
    EventArrays,
    daily_totals,
    day_number,
    measured_origins,
    volume,
)
from summitry.analysis.index import dyad_events
from summitry.analysis.results import Estimate, Insufficient, TableResult

WINDOWS = (7, 30, 90)
STATS = ("goldstein", "cooperation_share", "conflict_share", "per_1000")
MIN_EVENTS = 5
MIN_PLACEBO = 20
PLACEBO_SPAN = 730  # days either side of a meeting from which placebo dates are drawn


@dataclass(frozen=True)
class MeetingDates:
    meeting_id: str
    label: str
    start: object  # datetime.date
    end: object


def _values(ev: EventArrays, sl: slice, stat: str) -> np.ndarray:
    if stat == "goldstein":
        g = ev.goldstein[sl]
        return g[~np.isnan(g)]
    if stat == "cooperation_share":
        return ev.coop[sl].astype(float)
    return ev.conflict[sl].astype(float)


def bootstrap_diff(
    before: np.ndarray,
    after: np.ndarray,
    rng: np.random.Generator,
    n_boot: int = 1000,
    chunk: int = 100,
) -> tuple[float, float]:
    """95% percentile interval of mean(after) - mean(before), resampling each window."""
    diffs = []
    for start in range(0, n_boot, chunk):
        k = min(chunk, n_boot - start)
        mb = before[rng.integers(0, len(before), size=(k, len(before)))].mean(axis=1)
        ma = after[rng.integers(0, len(after), size=(k, len(after)))].mean(axis=1)
        diffs.append(ma - mb)
    d = np.concatenate(diffs)
    return float(np.percentile(d, 2.5)), float(np.percentile(d, 97.5))


class _Cum:
    """Cumulative sums for O(1) window statistics at many placebo dates."""

    def __init__(self, ev: EventArrays):
        self.day = ev.day
        g = np.nan_to_num(ev.goldstein)
        self.g = np.concatenate([[0.0], np.cumsum(g)])
        self.gn = np.concatenate([[0], np.cumsum(~np.isnan(ev.goldstein))])
        self.c = np.concatenate([[0], np.cumsum(ev.coop)])
        self.f = np.concatenate([[0], np.cumsum(ev.conflict)])
        self.n = np.arange(len(ev.day) + 1)

    def window(
        self, start: np.ndarray, end: np.ndarray, stat: str
    ) -> tuple[np.ndarray, np.ndarray]:
        lo = np.searchsorted(self.day, start, side="left")
        hi = np.searchsorted(self.day, end, side="right")
        if stat == "goldstein":
            s, n = self.g[hi] - self.g[lo], self.gn[hi] - self.gn[lo]
        else:
            arr = self.c if stat == "cooperation_share" else self.f
            s, n = arr[hi] - arr[lo], self.n[hi] - self.n[lo]
        with np.errstate(invalid="ignore", divide="ignore"):
            return s / n, n


def _placebo_days(
    lo: int,
    hi: int,
    w: int,
    meeting_days: list[tuple[int, int]],
    n: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """Up to ``n`` random days in lo..hi with no meeting of the pair within ``w`` days."""
    cand = np.arange(lo, hi + 1)
    if len(cand) == 0:
        return cand
    keep = np.ones(len(cand), dtype=bool)
    for s, e in meeting_days:
        keep &= ~((cand >= s - w) & (cand <= e + w))
    cand = cand[keep]
    if len(cand) > n:
        cand = rng.choice(cand, size=n, replace=False)
    return np.sort(cand)


def _placebo(
    cum: _Cum,
    totals: np.ndarray,
    tdays: np.ndarray,
    pdays: np.ndarray,
    w: int,
    stat: str,
    min_events: int,
) -> np.ndarray:
    """Changes (after minus before) of ``stat`` at each placebo day, vectorised."""
    if stat == "per_1000":

        def rate(start: np.ndarray, end: np.ndarray) -> np.ndarray:
            lo = np.searchsorted(tdays, start, side="left")
            hi = np.searchsorted(tdays, end, side="right")
            n_all = totals[hi] - totals[lo]
            n_dyad = (
                cum.n[np.searchsorted(cum.day, end, side="right")]
                - cum.n[np.searchsorted(cum.day, start, side="left")]
            )
            with np.errstate(invalid="ignore", divide="ignore"):
                return np.where(n_all > 0, 1000 * n_dyad / np.maximum(n_all, 1), np.nan)

        d = rate(pdays + 1, pdays + w) - rate(pdays - w, pdays - 1)
        return d[~np.isnan(d)]
    mb, nb = cum.window(pdays - w, pdays - 1, stat)
    ma, na = cum.window(pdays + 1, pdays + w, stat)
    ok = (nb >= min_events) & (na >= min_events)
    return (ma - mb)[ok]


def _verdict(est: Estimate, p: float | None) -> str:
    if est.lo is None or est.hi is None:  # volume: placebo baseline only
        if p is None:
            return "no placebo baseline"
        return "larger than usual" if p < 0.05 else "within the usual variation"
    excludes_zero = est.lo > 0 or est.hi < 0
    if not excludes_zero:
        return "no clear change"
    if p is None:
        return "change (no placebo baseline)"
    return "larger than usual" if p < 0.05 else "within the usual variation"


def meeting_impact(
    store,
    dyad: Dyad,
    meetings: Sequence[MeetingDates],
    windows: Sequence[int] = WINDOWS,
    sources=None,
    n_boot: int = 1000,
    n_placebo: int = 200,
    seed: int = 0,
    min_events: int = MIN_EVENTS,
    events: EventArrays | None = None,
    placebo_span: int = PLACEBO_SPAN,
) -> TableResult:
    """One row per meeting x window x statistic, with interval, placebo and a verdict."""
    origins = measured_origins(check_sources(sources))
    ev = events if events is not None else dyad_events(store, dyad, sources)
    tdays, tcounts = daily_totals(store, origins)
    method = __doc__.split("\n\n", 1)[1].strip()
    if len(ev) == 0:
        why = (
            "the store holds no extracted or imported events"
            if len(tdays) == 0
            else f"no events between {dyad.a.iso3} and {dyad.b.iso3} in the store"
        )
        return TableResult([], method, Insufficient(why))
    # separate streams: the bootstrap draws do not depend on how many placebo dates were drawn
    rng, rng_placebo = (np.random.default_rng(x) for x in np.random.SeedSequence(seed).spawn(2))
    mdays = [(day_number(m.start), day_number(m.end or m.start)) for m in meetings if m.start]
    pb = _PlaceboFrame(
        _Cum(ev), tdays, np.concatenate([[0], np.cumsum(tcounts)]), mdays, n_placebo,
        rng_placebo, min_events, placebo_span,
    )  # fmt: skip
    rows = []
    for m in meetings:
        if not m.start:
            continue
        s, e = day_number(m.start), day_number(m.end or m.start)
        for w in windows:
            bsl, asl = ev.window(s - w, s - 1), ev.window(e + 1, e + w)
            placebo = pb.baselines(s, e, w)
            for stat in STATS:
                if stat == "per_1000":
                    est = _volume_estimate(ev, tdays, tcounts, s, e, w, bsl, asl)
                else:
                    before, after = _values(ev, bsl, stat), _values(ev, asl, stat)
                    est = _estimate(before, after, w, rng, n_boot, min_events)
                row = {
                    "meeting_id": m.meeting_id, "meeting": m.label, "date": m.start,
                    "window_days": w, "statistic": stat, "change": est,
                }  # fmt: skip
                rows.append(_with_placebo(row, est, placebo[stat]))
    return TableResult(rows, method, None, {"n_events": len(ev), "origins": origins})


@dataclass
class _PlaceboFrame:
    """What the placebo baselines of every meeting are drawn from."""

    cum: _Cum
    tdays: np.ndarray
    totals: np.ndarray
    mdays: list[tuple[int, int]]
    n_placebo: int
    rng: np.random.Generator
    min_events: int
    span: int

    def baselines(self, s: int, e: int, w: int) -> dict[str, np.ndarray | Insufficient]:
        """Per statistic: the changes at comparable non-meeting dates, or why there are none."""
        first, last = int(self.tdays[0]), int(self.tdays[-1])
        lo, hi = max(first + w, s - self.span), min(last - w, e + self.span)
        pdays = _placebo_days(lo, hi, w, self.mdays, self.n_placebo, self.rng)
        out: dict[str, np.ndarray | Insufficient] = {}
        for stat in STATS:
            arr = _placebo(self.cum, self.totals, self.tdays, pdays, w, stat, self.min_events)
            out[stat] = arr if len(arr) >= MIN_PLACEBO else Insufficient(
                f"only {len(arr)} comparable non-meeting dates with enough events within "
                f"{self.span} days of the meeting (need {MIN_PLACEBO}) for a {w}-day "
                "placebo baseline"
            )  # fmt: skip
        return out


def _with_placebo(row: dict, est, pl: np.ndarray | Insufficient) -> dict:
    """The row with its placebo figures and verdict."""
    if isinstance(est, Estimate) and isinstance(pl, np.ndarray):
        p = float(np.mean(np.abs(pl) >= abs(est.value) - 1e-12))
        row.update(
            placebo_n=len(pl),
            placebo_p05=float(np.percentile(pl, 5)),
            placebo_p95=float(np.percentile(pl, 95)),
            placebo_p=p,
        )
    else:
        row.update(placebo_n=None, placebo_p05=None, placebo_p95=None, placebo_p=None)
        if isinstance(pl, Insufficient):
            row["placebo"] = pl
    est_ok = isinstance(est, Estimate)
    row["verdict"] = _verdict(est, row["placebo_p"]) if est_ok else "insufficient data"
    return row


def _estimate(
    before: np.ndarray, after: np.ndarray, w: int, rng, n_boot: int, min_events: int
) -> Estimate | Insufficient:
    nb, na = len(before), len(after)
    if nb == 0 or na == 0:
        side = "before" if nb == 0 else "after"
        return Insufficient(f"no events in the {w} days {side} the meeting")
    if nb < min_events or na < min_events:
        return Insufficient(
            f"too few events for an interval ({nb} before, {na} after; "
            f"need at least {min_events} on each side)"
        )
    lo, hi = bootstrap_diff(before, after, rng, n_boot)
    return Estimate(float(after.mean() - before.mean()), lo, hi, nb, na)


def _per_1000(ev, tdays, tcounts, start: int, end: int) -> float | None:
    n_all = volume(tdays, tcounts, start, end)
    if n_all == 0:
        return None
    sl = ev.window(start, end)
    return 1000 * (sl.stop - sl.start) / n_all


def _volume_estimate(ev, tdays, tcounts, s, e, w, bsl, asl) -> Estimate | Insufficient:
    b = _per_1000(ev, tdays, tcounts, s - w, s - 1)
    a = _per_1000(ev, tdays, tcounts, e + 1, e + w)
    if a is None or b is None:
        side = "before" if b is None else "after"
        return Insufficient(f"no event data of any actor in the {w} days {side} the meeting")
    return Estimate(
        a - b,
        None,
        None,
        bsl.stop - bsl.start,
        asl.stop - asl.start,
        "volume: compared with the placebo baseline only",
    )
