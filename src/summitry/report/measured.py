"""The measured before/after change around each meeting, from event data, in words."""

from __future__ import annotations

from typing import Any

from summitry.analysis.dyad import Dyad
from summitry.analysis.impact import MeetingDates, meeting_impact
from summitry.analysis.index import relationship_index
from summitry.analysis.results import Estimate, Insufficient, TableResult
from summitry.analysis.third_party import third_party_impact
from summitry.report.cards import short_date
from summitry.report.gather import Inputs
from summitry.report.labels import format_word, labels
from summitry.report.model import Claim, ImpactRow, Measured, MeetingCard
from summitry.report.references import References


def _fmt(x: float) -> str:
    return f"{x:+.2f}"


def meeting_dates(cards: list[MeetingCard]) -> list[MeetingDates]:
    """One measurement per encounter (linked records share the lead record's dates)."""
    by_dates: dict[tuple, MeetingDates] = {}
    for c in cards:
        m = c.meeting
        if m.status == "held" and m.start:
            label = m.title or format_word(m.format)
            by_dates.setdefault(
                (m.start, m.end or m.start), MeetingDates(m.meeting_id, label, m.start, m.end)
            )
    return sorted(by_dates.values(), key=lambda d: (d.start, d.meeting_id))


def data_reference(inputs: Inputs, refs: References) -> int:
    what = "; ".join(f"{d} ({o}): {n:,} rows" for o, d, n in inputs.event_rows if o != "curated")
    return refs.cite_source(
        "event-data",
        "analysis",
        f"events of this store — {what or 'no rows'}; computed by summitry (see Method)",
    )


def measure(
    store,
    dyad: Dyad,
    inputs: Inputs,
    cards: list[MeetingCard],
    sources: tuple[str, ...],
    opts: dict[str, Any],
) -> Measured:
    """Index, impact and third-party analyses (skipped, with a reason, without events)."""
    index = relationship_index(store, dyad, opts["freq"], sources)
    if index.insufficient:
        return Measured(index=index)
    dates = meeting_dates(cards)
    impact = meeting_impact(
        store,
        dyad,
        dates,
        opts["windows"],
        sources,
        opts["n_boot"],
        opts["n_placebo"],
        opts["seed"],
        events=inputs.events,
    )
    topics = {c.meeting.meeting_id: [t for r in c.records for t in r.meeting.topics] for c in cards}
    third = third_party_impact(
        store, dyad, dates, topics, 30, sources, opts["n_boot"], opts["seed"]
    )
    return Measured(index=index, impact=impact, third_party=third)


def main_window(windows: tuple[int, ...]) -> int:
    return 30 if 30 in windows else windows[0]


def impact_row(r: dict[str, Any]) -> ImpactRow:
    est = r["change"]
    stat = labels()["statistics"][r["statistic"]]
    if not isinstance(est, Estimate):
        return ImpactRow(
            r["meeting"],
            r["date"],
            r["window_days"],
            stat,
            "—",
            "—",
            "—",
            "—",
            f"insufficient data: {est.reason}",
        )
    if r["placebo_p"] is not None:
        placebo = f"{_fmt(r['placebo_p05'])} … {_fmt(r['placebo_p95'])} (p = {r['placebo_p']:.2f})"
    else:
        placebo = r["placebo"].reason if r.get("placebo") else "—"
    return ImpactRow(
        r["meeting"],
        r["date"],
        r["window_days"],
        stat,
        _fmt(est.value),
        f"{_fmt(est.lo)} … {_fmt(est.hi)}" if est.lo is not None else "—",
        f"{est.n_before} / {est.n_after}",
        placebo,
        r["verdict"],
    )


def _goldstein_claim(r: dict[str, Any], ref: int) -> Claim:
    est = r["change"]
    words = labels()["verdicts"].get(r["verdict"], r["verdict"])
    return Claim(
        f"{r['meeting']} ({short_date(r['date'])}), {r['window_days']} days after versus "
        f"before: the mean Goldstein score moved by {_fmt(est.value)} (95% interval "
        f"{_fmt(est.lo)} to {_fmt(est.hi)}; {est.n_before} events before, {est.n_after} "
        f"after) — {words}.",
        [ref],
        "analysis",
    )


def _read_together(tested: list[dict[str, Any]], w: int, ref: int) -> Claim:
    k = sum(1 for r in tested if r["verdict"] == "larger than usual")
    return Claim(
        f"Read together: {k} of {len(tested)} meetings show a change in mean Goldstein over "
        f"{w} days larger than at comparable dates without meetings; by chance alone about "
        f"{0.05 * len(tested):.1f} would, so a single result is weak evidence and a pattern "
        "across many meetings is needed to speak of an effect.",
        [ref],
        "analysis",
    )


def describe(m: Measured, windows: tuple[int, ...], ref: int) -> list[str]:
    """Fill the claims and table rows of ``m``; return its limits (for the data-limits box)."""
    limits: list[str] = []
    if not m.available:
        return limits
    w = main_window(windows)
    m.rows = [impact_row(r) for r in m.impact.rows]
    tested = []
    insufficient = []
    for r in m.impact.rows:
        if r["statistic"] != "goldstein" or r["window_days"] != w:
            continue
        est = r["change"]
        if isinstance(est, Estimate) and est.lo is not None:
            m.claims.append(_goldstein_claim(r, ref))
            if r["placebo_p"] is not None:
                tested.append(r)
        elif isinstance(est, Insufficient):
            insufficient.append(f"{r['meeting']} ({short_date(r['date'])})")
    if tested:
        m.claims.insert(0, _read_together(tested, w, ref))
    if insufficient:
        limits.append(
            f"Too few events for a {w}-day before/after comparison around {len(insufficient)} "
            f"meetings: " + "; ".join(insufficient) + "."
        )
    limits += _overlap_limit(tested, w)
    m.third_party_claims, tp_limits = _third_party(m.third_party, ref)
    return limits + tp_limits


def _overlap_limit(tested: list[dict[str, Any]], w: int) -> list[str]:
    starts = sorted({r["date"] for r in tested})
    close = sum(1 for x, y in zip(starts, starts[1:], strict=False) if (y - x).days < w)
    if not close:
        return []
    return [
        f"{close} meetings followed the previous one by less than {w} days: their before/after "
        "windows overlap, so their estimates are not independent and part of a change may "
        "belong to the neighbouring meeting."
    ]


def _third_party(tp: TableResult | None, ref: int) -> tuple[list[Claim], list[str]]:
    if tp is None or tp.insufficient:
        return [], ([f"Other countries: {tp.insufficient.reason}."] if tp else [])
    claims = []
    for r in tp.rows:
        est = r["goldstein_change"]
        if isinstance(est, Estimate) and est.lo is not None and (est.lo > 0 or est.hi < 0):
            claims.append(
                Claim(
                    f"Around {r['meeting']} ({short_date(r['date'])}), events by {r['group']} "
                    f"toward {r['toward']} shifted by {_fmt(est.value)} in mean Goldstein (95% "
                    f"interval {_fmt(est.lo)} to {_fmt(est.hi)}; {est.n_before} before, "
                    f"{est.n_after} after, {r['window_days']}-day windows).",
                    [ref],
                    "analysis",
                )
            )
    n = sum(1 for r in tp.rows if isinstance(r["goldstein_change"], Insufficient))
    limits = (
        [f"Other countries: {n} of {len(tp.rows)} comparisons had too few events for an interval."]
        if n
        else []
    )
    return claims, limits
