"""Assemble the briefing: what the store holds about a pair, the analyses, and citations."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from typing import Any

from summitry import events
from summitry.analysis.dyad import Dyad, check_sources, country_name
from summitry.analysis.impact import WINDOWS, MeetingDates, meeting_impact
from summitry.analysis.index import dyad_events, relationship_index
from summitry.analysis.record import (
    Meeting,
    dyad_meetings,
    link_encounters,
    statements,
    timeline,
    treaty_actions,
)
from summitry.analysis.results import Estimate, Insufficient, TableResult
from summitry.analysis.third_party import third_party_impact
from summitry.events import EventFilter
from summitry.report.charts import Chart, history_chart, impact_chart, index_chart, topics_chart
from summitry.report.references import Claim, References

FORMAT_WORDS = {
    "summit": "summit",
    "sideline": "meeting on the sidelines",
    "informal": "informal encounter",
    "call": "telephone call",
}
PLURALS = {
    "summit": "summits",
    "sideline": "meetings on the sidelines",
    "informal": "informal encounters",
    "call": "telephone calls",
}
STAT_WORDS = {
    "goldstein": "mean Goldstein score",
    "cooperation_share": "share of cooperative events",
    "conflict_share": "share of conflictual events",
    "per_1000": "dyad events per 1,000 events",
}


@cache
def topic_names() -> dict[str, str]:
    import yaml

    f = resources.files("summitry").joinpath("data", "topics", "topics_v1.yaml")
    try:
        spec = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        return {}
    return {k: v.get("label", k) for k, v in spec.items() if isinstance(v, dict)}


def topic_label(t: str | None) -> str:
    return topic_names().get(t or "", (t or "other").replace("_", " "))


@dataclass
class MeetingCard:
    meeting: Meeting
    ref: int
    date_text: str
    place: str
    format_text: str
    participants: str
    topics: list[Claim]
    outcomes: list[Claim]
    statements: list[Claim]
    reactions: list[Claim]
    status: list[Claim]
    notes: Claim | None
    linked: list[MeetingCard] = field(default_factory=list)  # same encounter, other sources
    differences: list[Claim] = field(default_factory=list)  # where linked records disagree

    @property
    def records(self) -> list[MeetingCard]:
        """This card's record and the linked records of the same encounter."""
        return [self, *self.linked]

    @property
    def origins(self) -> list[str]:
        return [c.meeting.origin for c in self.records]


@dataclass
class Briefing:
    dyad: Dyad
    sources: tuple[str, ...]
    generated: str
    refs: References
    summary: list[Claim] = field(default_factory=list)
    context: list[Claim] = field(default_factory=list)
    treaty_claims: list[Claim] = field(default_factory=list)
    treaty_claims_period: list[Claim] = field(default_factory=list)
    cards: list[MeetingCard] = field(default_factory=list)
    discussions: list[dict[str, Any]] = field(default_factory=list)
    outcomes: list[Claim] = field(default_factory=list)
    positions: dict[str, list[Claim]] = field(default_factory=dict)
    impact_claims: list[Claim] = field(default_factory=list)
    impact_rows: list[dict[str, Any]] = field(default_factory=list)
    third_party_claims: list[Claim] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    charts: dict[str, Chart] = field(default_factory=dict)
    methods: dict[str, str] = field(default_factory=dict)
    source_counts: dict[str, int] = field(default_factory=dict)
    index: TableResult | None = None
    impact: TableResult | None = None
    third_party: TableResult | None = None


def _the(iso3: str) -> str:
    from summitry.analysis.dyad import SHORT_NAMES

    return SHORT_NAMES.get(iso3, country_name(iso3))


def ref_groups(refs: list[int]) -> list[tuple[str, int]]:
    """Reference numbers as (label, first number), runs collapsed: [3, 4, 5, 9] -> 3–5, 9."""
    out: list[tuple[str, int]] = []
    nums = sorted(set(refs))
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        out.append((str(nums[i]) if i == j else f"{nums[i]}–{nums[j]}", nums[i]))
        i = j + 1
    return out


def _place(m: Meeting) -> str:
    if m.format == "call":
        return "by telephone"
    parts = [p for p in (m.city, country_name(m.country) if m.country else None) if p]
    return ", ".join(parts) or "place not recorded"


def _dates(m: Meeting) -> str:
    if m.start is None:
        return "date not set"
    if m.end and m.end != m.start:
        return f"{m.start:%d %B %Y} – {m.end:%d %B %Y}"
    return f"{m.start:%d %B %Y}"


def _sentence(text: str) -> str:
    text = (text or "").strip()
    return text if text.endswith((".", "!", "?", '"', "”")) else text + "."


def _item_claims(m: Meeting, kinds: tuple[str, ...], refs: References) -> list[Claim]:
    out = []
    for it in m.of_kind(*kinds):
        text = it.text
        if it.kind == "topic":
            text = (
                f"{topic_label(it.topic)}: {it.text}"
                if it.text and it.text != it.topic
                else topic_label(it.topic)
            )
        if it.kind in ("statement", "reaction") and it.actor_name:
            text = f"{it.actor_name}: “{it.text}”"
        if it.kind == "status":
            text = (
                f"Status {it.value}"
                + (f" on {it.item_date:%d %B %Y}" if it.item_date else "")
                + (f": {it.text}" if it.text and it.text != it.value else "")
            )
        out.append(Claim(_sentence(text), [refs.cite(it.evidence)], it.evidence.origin))
    return out


def _card(m: Meeting, refs: References) -> MeetingCard:
    r = refs.cite(m.evidence)
    return MeetingCard(
        m,
        r,
        _dates(m),
        _place(m),
        FORMAT_WORDS.get(m.format, m.format) + (f" ({m.occasion})" if m.occasion else ""),
        ", ".join(n for _, n, _ in m.participants),
        _item_claims(m, ("topic",), refs),
        _item_claims(m, ("outcome", "non_outcome"), refs),
        _item_claims(m, ("statement",), refs),
        _item_claims(m, ("reaction",), refs),
        _item_claims(m, ("status",), refs),
        Claim(_sentence(m.notes), [r], m.origin) if m.notes else None,
    )


def _differences(lead: MeetingCard, other: MeetingCard) -> list[Claim]:
    """Where a linked record disagrees with the lead record: stated, both sides cited."""
    a, o = lead.meeting, other.meeting
    out = []
    for what, x, y in (
        ("dates", lead.date_text, other.date_text),
        ("place", lead.place, other.place),
        ("format", FORMAT_WORDS.get(a.format, a.format), FORMAT_WORDS.get(o.format, o.format)),
        ("status", a.status, o.status),
    ):
        if x != y:
            out.append(
                Claim(
                    f"The sources differ on the {what}: {x} ({a.origin} record) versus {y} "
                    f"({o.origin} record).",
                    [lead.ref, other.ref],
                )
            )
    return out


def build_briefing(
    store,
    dyad: Dyad,
    sources=None,
    windows=WINDOWS,
    freq: str = "month",
    n_boot: int = 1000,
    n_placebo: int = 200,
    seed: int = 0,
) -> Briefing:
    sources = check_sources(sources)
    refs = References()
    b = Briefing(dyad, sources, datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), refs)
    meetings = dyad_meetings(store, dyad, sources)
    held = [m for m in meetings if m.status == "held"]
    # --- the meetings: one card per encounter, records of other sources linked ----------
    for g in link_encounters(meetings, dyad):
        card = _card(g.lead, refs)
        card.linked = [_card(x, refs) for x in g.linked]
        card.differences = [d for x in card.linked for d in _differences(card, x)]
        b.cards.append(card)
    # --- summary ----------------------------------------------------------------------
    who = f"{dyad.a.label} and {dyad.b.label}"
    if meetings:
        held_cards = [c.meeting for c in b.cards if c.meeting.status == "held"]
        fmt = Counter(m.format for m in held_cards)
        parts = [
            f"{n} {PLURALS.get(k, k) if n != 1 else FORMAT_WORDS.get(k, k)}"
            for k, n in fmt.most_common()
        ]
        dated = [m for m in held_cards if m.start]
        span = f" between {dated[0].start:%B %Y} and {dated[-1].start:%B %Y}" if dated else ""
        b.summary.append(
            Claim(
                f"The store records {len(held_cards)} held encounters of {who}{span}: "
                f"{', '.join(parts)}.",
                sorted({c.ref for c in b.cards if c.meeting.status == "held"})[:40],
            )
        )
        other = [c.meeting for c in b.cards if c.meeting.status != "held"]
        for m in other:
            b.summary.append(
                Claim(
                    f"A {FORMAT_WORDS.get(m.format, m.format)} in {_place(m)} "
                    f"({m.title or m.meeting_id}) "
                    f"is recorded as {m.status}.",
                    [refs.cite(m.evidence)],
                    m.origin,
                )
            )
        summits = [m for m in held_cards if m.format in ("summit", "sideline", "informal")]
        if summits:
            b.summary.append(
                Claim(
                    "In-person meetings: "
                    + "; ".join(f"{_place(m)} on {_dates(m)}" for m in summits)
                    + ".",
                    [refs.cite(m.evidence) for m in summits],
                )
            )
    else:
        b.gaps.append(
            f"The store holds no meetings of {who} from the selected sources "
            f"({', '.join(sources)})."
        )
    # --- context ------------------------------------------------------------------------
    tl = timeline(store, dyad, sources)
    hist = [r for r in tl.rows if r["kind"] == "meeting" and r["status"] == "held"]
    b.charts["history"] = history_chart(tl.rows)
    hist_meetings = dyad_meetings(store, dyad, sources, history=True)
    if hist:
        first = hist[0]
        a_c, b_c = _the(dyad.a.iso3), _the(dyad.b.iso3)
        pred = [c for c in dyad.b.countries[1:] + dyad.a.countries[1:]]
        pred_txt = f" (including {', '.join(_the(p) for p in pred)})" if pred else ""
        in_person = [r for r in hist if r["format"] != "call"]
        hrefs = sorted(
            {
                refs.cite(g.lead.evidence)
                for g in link_encounters(hist_meetings, dyad)
                if g.lead.status == "held" and g.lead.format != "call"
            }
        )
        b.context.append(
            Claim(
                f"Leaders of {a_c} and {b_c}{pred_txt} met in person {len(in_person)} times in the "
                f"records, the first being the {first['label']} on {first['date']:%d %B %Y}.",
                hrefs,
            )
        )
        by_decade = Counter(r["date"].year // 10 * 10 for r in in_person)
        b.context.append(
            Claim(
                "In-person meetings per decade: "
                + ", ".join(f"{d}s: {n}" for d, n in sorted(by_decade.items()))
                + ".",
                hrefs,
            )
        )
    for a in treaty_actions(store, dyad):
        r = refs.cite_source(
            f"treaty:{a['treaty_id']}:{a['action']}:{a['action_date']}",
            "curated",
            f"knowledge pack, treaty_actions {a['treaty_id']} {a['action']} ({a['short_name']})",
            a["source_url"],
        )
        note = f" {a['note']}" if a.get("note") else ""
        b.treaty_claims.append(
            Claim(
                _sentence(
                    f"{a['action_date']:%d %B %Y}: {a['short_name']} "
                    f"{a['action'].replace('_', ' ')}.{note}"
                ),
                [r],
                "curated",
            )
        )
    # --- key discussions ------------------------------------------------------------------
    by_topic: dict[str, list[tuple[Meeting, Claim]]] = {}
    for card in b.cards:
        for c in card.records:
            for it, cl in zip(c.meeting.of_kind("topic"), c.topics, strict=True):
                by_topic.setdefault(it.topic or "other", []).append((card.meeting, cl))
    for t, lst in sorted(
        by_topic.items(), key=lambda kv: (-len({m.meeting_id for m, _ in kv[1]}), kv[0])
    ):
        n = len({m.meeting_id for m, _ in lst})
        b.discussions.append(
            {
                "topic": topic_label(t),
                "n_meetings": n,
                "claim": Claim(
                    f"{topic_label(t)} was on the agenda of {n} recorded "
                    f"meeting{'s' if n != 1 else ''}: "
                    + ", ".join(f"{m.start:%d %b %Y}" if m.start else m.meeting_id for m, _ in lst)
                    + ".",
                    sorted({r for _, cl in lst for r in cl.refs}),
                ),
            }
        )
    tc = topics_chart(b.cards, topic_names())
    if tc:
        b.charts["topics"] = tc
    # --- outcomes ---------------------------------------------------------------------------
    for card in b.cards:
        for c in card.records:
            for cl in c.outcomes:
                b.outcomes.append(
                    Claim(f"{card.date_text} ({card.place}): {cl.text}", cl.refs, cl.origin)
                )
    if dyad.is_leaders and held:
        start = min(m.start for m in held if m.start)
        b.treaty_claims_period = [
            cl
            for cl, a in zip(b.treaty_claims, treaty_actions(store, dyad), strict=True)
            if a["action_date"] >= start
        ]
    else:
        b.treaty_claims_period = []
    # --- positions -----------------------------------------------------------------------
    sts = statements(store, dyad, sources)
    for side in (dyad.a, dyad.b):
        lst = [
            Claim(
                _sentence(
                    f"{it.item_date:%d %B %Y}: “{it.text}”" if it.item_date else f"“{it.text}”"
                ),
                [refs.cite(it.evidence)],
                it.evidence.origin,
            )
            for it in sts.get(side.label, [])
        ]
        for c in (r for card in b.cards for r in card.records):
            lst += [
                cl
                for it, cl in zip(c.meeting.of_kind("statement"), c.statements, strict=True)
                if it.actor_id == side.person_id
                or (side.person_id is None and it.actor_name and side.label in it.actor_name)
            ]
        b.positions[side.label] = lst
    # --- measured impact -----------------------------------------------------------------
    b.index = relationship_index(store, dyad, freq, sources)
    ev = dyad_events(store, dyad, sources)
    # one impact estimate per encounter: linked records (several sources) are measured once,
    # at the dates of the lead record (curated before extracted before imported)
    by_dates: dict[tuple, Meeting] = {}
    for m in (c.meeting for c in b.cards if c.meeting.status == "held" and c.meeting.start):
        by_dates.setdefault((m.start, m.end or m.start), m)
    dates = [
        MeetingDates(m.meeting_id, m.title or FORMAT_WORDS.get(m.format, m.format), m.start, m.end)
        for m in sorted(by_dates.values(), key=lambda m: (m.start, m.meeting_id))
    ]
    b.impact = meeting_impact(
        store, dyad, dates, windows, sources, n_boot, n_placebo, seed, events=ev
    )
    b.third_party = third_party_impact(
        store,
        dyad,
        dates,
        {c.meeting.meeting_id: [t for r in c.records for t in r.meeting.topics] for c in b.cards},
        30,
        sources,
        n_boot,
        seed,
    )
    data_ref = _data_reference(store, refs, sources)
    _impact_text(b, data_ref, windows)
    treaty_marks = [(a["action_date"], a["short_name"]) for a in treaty_actions(store, dyad)]
    b.charts["index"] = index_chart(
        b.index.rows,
        [(m.start, m.title or "", m.format) for m in by_dates.values()],
        treaty_marks,
        b.index.insufficient.reason if b.index.insufficient else None,
    )
    mid = 30 if 30 in windows else windows[0]
    ic = impact_chart(b.impact.rows, mid)
    if ic:
        b.charts["impact"] = ic
    b.methods = {
        "Relationship index": b.index.method,
        "Impact of each meeting": b.impact.method,
        "Third-party impact": b.third_party.method,
        "Historical context": tl.method,
    }
    b.source_counts = dict(events.count_by(store, ("origin",), EventFilter(origins=sources)))
    return b


def _data_reference(store, refs: References, sources) -> int:
    measured = tuple(o for o in sources if o in ("extracted", "imported"))
    f = EventFilter(origins=measured)
    rows = events.count_by(store, ("origin", "dataset"), f) if measured else []
    what = "; ".join(f"{d} ({o}): {n} rows" for o, d, n in rows) or "no rows"
    return refs.cite_source(
        "event-data",
        "analysis",
        f"events table of this store — {what}; computed by summitry.analysis (see Method)",
    )


def _fmt(x: float) -> str:
    return f"{x:+.2f}"


def _impact_text(b: Briefing, ref: int, windows) -> None:
    if b.index.insufficient:
        b.gaps.append(f"Relationship index: insufficient data — {b.index.insufficient.reason}.")
    if b.impact.insufficient:
        b.gaps.append(
            f"Impact of the meetings: insufficient data — "
            f"{b.impact.insufficient.reason}. No before/after change is reported."
        )
    if b.third_party.insufficient:
        b.gaps.append(
            f"Third-party impact: insufficient data — {b.third_party.insufficient.reason}."
        )
    for r in b.impact.rows:
        est = r["change"]
        row = {
            "meeting": r["meeting"],
            "date": r["date"],
            "window": r["window_days"],
            "statistic": STAT_WORDS[r["statistic"]],
            "verdict": r["verdict"],
        }
        if isinstance(est, Estimate):
            row.update(
                change=_fmt(est.value),
                interval=f"{_fmt(est.lo)} … {_fmt(est.hi)}" if est.lo is not None else "—",
                n=f"{est.n_before} / {est.n_after}",
                placebo=(
                    f"{_fmt(r['placebo_p05'])} … {_fmt(r['placebo_p95'])} "
                    f"(p = {r['placebo_p']:.2f})"
                    if r["placebo_p"] is not None
                    else r.get("placebo").reason
                    if r.get("placebo")
                    else "—"
                ),
            )
        else:
            row.update(
                change="—",
                interval="—",
                n="—",
                placebo="—",
                verdict=f"insufficient data: {est.reason}",
            )
        b.impact_rows.append(row)
        main = r["window_days"] == (30 if 30 in windows else windows[0])
        if (
            r["statistic"] == "goldstein"
            and main
            and isinstance(est, Estimate)
            and est.lo is not None
        ):
            words = {
                "larger than usual": "a change larger than at comparable dates without meetings",
                "within the usual variation": "a change, but within the "
                "variation seen at comparable dates without meetings",
                "no clear change": "no clear change (the interval includes zero)",
            }.get(r["verdict"], r["verdict"])
            b.impact_claims.append(
                Claim(
                    f"{r['meeting']} ({r['date']:%d %b %Y}), {r['window_days']} days after versus "
                    f"before: the mean Goldstein score moved by {_fmt(est.value)} (95% interval "
                    f"{_fmt(est.lo)} to {_fmt(est.hi)}; {est.n_before} events before, "
                    f"{est.n_after} "
                    f"after) — {words}.",
                    [ref],
                    "analysis",
                )
            )
        elif r["statistic"] == "goldstein" and isinstance(est, Insufficient):
            b.gaps.append(
                f"{r['meeting']} ({r['date']:%d %b %Y}), {r['window_days']}-day window: "
                f"insufficient data — {est.reason}."
            )
    main_w = 30 if 30 in windows else windows[0]
    tested = [
        r
        for r in b.impact.rows
        if r["statistic"] == "goldstein"
        and r["window_days"] == main_w
        and isinstance(r["change"], Estimate)
        and r["placebo_p"] is not None
    ]
    starts = sorted({r["date"] for r in tested})
    close = sum(1 for x, y in zip(starts, starts[1:], strict=False) if (y - x).days < main_w)
    if close:
        b.gaps.append(
            f"{close} meetings followed the previous one by less than {main_w} days: their "
            "before/after windows overlap, so their estimates are not independent and part of "
            "a change may belong to the neighbouring meeting."
        )
    if tested:
        k = sum(1 for r in tested if r["verdict"] == "larger than usual")
        b.impact_claims.insert(
            0,
            Claim(
                f"Read together: {k} of {len(tested)} meetings show a change in mean Goldstein "
                f"over {main_w} days larger than at comparable dates without meetings; by chance "
                f"alone about {0.05 * len(tested):.1f} would, so a single result is weak "
                "evidence and a pattern across many meetings is needed to speak of an effect.",
                [ref],
                "analysis",
            ),
        )
    for r in b.third_party.rows:
        est = r["goldstein_change"]
        if isinstance(est, Estimate) and est.lo is not None and (est.lo > 0 or est.hi < 0):
            b.third_party_claims.append(
                Claim(
                    f"Around {r['meeting']} ({r['date']:%d %b %Y}), events by {r['group']} toward "
                    f"{r['toward']} shifted by {_fmt(est.value)} in mean Goldstein (95% interval "
                    f"{_fmt(est.lo)} to {_fmt(est.hi)}; {est.n_before} before, "
                    f"{est.n_after} after, "
                    f"{r['window_days']}-day windows).",
                    [ref],
                    "analysis",
                )
            )
    n_tp = sum(1 for r in b.third_party.rows if isinstance(r["goldstein_change"], Insufficient))
    if n_tp:
        b.gaps.append(
            f"Third-party impact: {n_tp} of {len(b.third_party.rows)} meeting/side/group "
            "comparisons had too few events for an interval and are not reported."
        )
