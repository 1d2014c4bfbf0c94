"""Assemble the briefing: read the store once (:mod:`summitry.report.gather`), build each
section from those inputs, and hand a typed :class:`~summitry.report.model.Briefing` to the
renderers."""

from __future__ import annotations

from datetime import UTC, datetime

from summitry.analysis.dyad import Dyad, check_sources, tenure_overlap
from summitry.analysis.impact import WINDOWS
from summitry.report import charts
from summitry.report.cards import encounter_cards
from summitry.report.followups import meeting_followups
from summitry.report.gather import Inputs, gather
from summitry.report.labels import area_labels, method_notes, topic_label
from summitry.report.limits import data_limits, what_to_add
from summitry.report.measured import data_reference, describe, main_window, measure
from summitry.report.model import Briefing, Impact, MethodNote
from summitry.report.outcomes import outcome_rows
from summitry.report.positions import side_statements, topic_positions
from summitry.report.references import References
from summitry.report.summary import bottom_line, context, discussions, treaty_claims
from summitry.report.timeline import timeline_entries, venues
from summitry.report.venue_map import venue_map


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
    """The briefing on ``dyad`` from what the store holds (``sources``: origins to use)."""
    sources = check_sources(sources)
    inputs = gather(store, dyad, sources)
    refs = References(inputs.sources)
    b = Briefing(dyad, sources, datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"))
    _meetings(b, inputs, refs)
    opts = {
        "windows": tuple(windows),
        "freq": freq,
        "n_boot": n_boot,
        "n_placebo": n_placebo,
        "seed": seed,
    }
    b.impact = _impact(store, b, inputs, refs, opts)
    b.bottom_line = bottom_line(b)
    b.to_add = what_to_add(dyad, inputs, tenure_overlap(dyad)) if _thin(b, inputs) else []
    b.charts = _charts(b, inputs, opts)
    b.methods = _methods(opts, b.impact.measured.available)
    b.source_counts = {o: n for o, _, n in inputs.event_rows}
    b.references = refs.refs
    return b


def _meetings(b: Briefing, inputs: Inputs, refs: References) -> None:
    """Cards, timeline, venues, context, treaties, topics, positions, statements, outcomes."""
    b.cards = encounter_cards(inputs.encounters, refs)
    b.timeline = timeline_entries(b.cards)
    b.venues = venues(b.cards)
    b.context = context(inputs.history, b.dyad, refs)
    claims = treaty_claims(inputs.treaties, refs)
    dated = [c.meeting.start for c in b.cards if c.meeting.start and c.meeting.status == "held"]
    since = min(dated) if dated and b.dyad.is_leaders else None
    for a, claim in zip(inputs.treaties, claims, strict=True):
        recent = since is None or a["action_date"] >= since
        (b.treaty_claims if recent else b.earlier_treaty_claims).append(claim)
    b.discussions = discussions(b.cards)
    b.positions = topic_positions(b.cards, b.dyad, refs)
    b.statements = side_statements(inputs.statements, b.cards, b.dyad, refs)
    b.outcomes = outcome_rows(b.cards, inputs.facts, refs)


def _impact(store, b: Briefing, inputs: Inputs, refs: References, opts: dict) -> Impact:
    followups, quiet = meeting_followups(b.cards, inputs.facts, refs)
    impact = Impact(area_labels(), followups, quiet)
    impact.measured = measure(store, b.dyad, inputs, b.cards, b.sources, opts)
    ref = data_reference(inputs, refs) if impact.measured.available else 0
    b.impact = impact
    b.limits = data_limits(b, inputs, describe(impact.measured, opts["windows"], ref))
    return impact


def _thin(b: Briefing, inputs: Inputs) -> bool:
    return not inputs.encounters or not inputs.has_events


def _charts(b: Briefing, inputs: Inputs, opts: dict) -> dict:
    out = {}
    held = [g.lead for g in inputs.history if g.lead.status == "held" and g.lead.start]
    if held or inputs.treaties:
        out["history"] = charts.history_chart(
            [(m.start, m.format) for m in held],
            [a["action_date"] for a in inputs.treaties],
            _calls_note(held),
        )
    for name, chart in (
        ("timeline", charts.timeline_chart(b.timeline)),
        ("map", venue_map(b.venues, (b.dyad.a.countries, b.dyad.b.countries))),
        (
            "topics",
            charts.topics_chart(
                b.cards,
                {t: topic_label(t) for c in b.cards for r in c.records for t in r.meeting.topics},
            ),
        ),
    ):
        if chart is not None:
            out[name] = chart
    m = b.impact.measured
    if m.available:
        marks = [(t.start, t.label, t.format) for t in b.timeline if t.status == "held"]
        treaties = [(a["action_date"], a["short_name"]) for a in inputs.treaties]
        out["index"] = charts.index_chart(m.index.rows, marks, treaties)
        ic = charts.impact_chart(m.impact.rows, main_window(opts["windows"]))
        if ic:
            out["impact"] = ic
    return out


def _calls_note(held: list) -> str | None:
    """Say where the records of calls begin, so that the bars are not read as diplomacy."""
    calls = [m.start for m in held if m.format == "call"]
    if not calls or not any(m.start < min(calls) for m in held if m.format != "call"):
        return None
    return (
        f"No call before {min(calls):%Y} is recorded: the bars for calls show what the records "
        "hold, not every call that took place"
    )


def _methods(opts: dict, measured: bool) -> list[MethodNote]:
    values = {
        "windows": ", ".join(str(w) for w in opts["windows"]),
        "n_boot": f"{opts['n_boot']:,}",
        "n_placebo": f"{opts['n_placebo']:,}",
    }
    return [
        MethodNote(n["title"], n["text"].format(**values))
        for n in method_notes()
        if measured or n.get("needs") != "events"
    ]
