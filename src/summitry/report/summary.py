"""The bottom line (a handful of sentences built from the facts), the historical context,
the treaty record and the topics discussed across meetings."""

from __future__ import annotations

from collections import Counter
from typing import Any

from summitry.analysis.dyad import SHORT_NAMES, Dyad, country_name
from summitry.analysis.facts import treaty_action_text
from summitry.analysis.record import Encounter
from summitry.report.cards import long_date, place_text, short_date
from summitry.report.labels import area_labels, format_word, stance_word, topic_label
from summitry.report.model import Briefing, Claim, MeetingCard
from summitry.report.references import References


def _the(iso3: str) -> str:
    return SHORT_NAMES.get(iso3, country_name(iso3))


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _contacts(b: Briefing) -> Claim | None:
    held = b.held_cards
    if not held:
        return None
    in_person = [c for c in held if c.meeting.format != "call"]
    calls = [c for c in held if c.meeting.format == "call"]
    dated = [c.meeting.start for c in held if c.meeting.start]
    parts = []
    if in_person:
        where = [
            f"{c.meeting.city or place_text(c.meeting)} {c.meeting.start:%Y}"
            if c.meeting.start
            else place_text(c.meeting)
            for c in in_person
        ]
        n = len(in_person)
        parts.append(f"met in person {n} time{'s' if n != 1 else ''} ({', '.join(where)})")
    if calls:
        parts.append(f"held {len(calls)} {format_word('call', len(calls))}")
    span = f" between {min(dated):%B %Y} and {max(dated):%B %Y}" if dated else ""
    other = [c for c in b.cards if c.meeting.status != "held"]
    tail = "".join(
        f"; a {format_word(c.meeting.format)} ({c.meeting.title or place_text(c.meeting)}) is "
        f"recorded as {c.meeting.status}"
        for c in other
    )
    refs = sorted({c.ref for c in [*in_person, *calls, *other]})
    return Claim(f"{b.dyad.title.replace(' – ', ' and ')} {' and '.join(parts)}{span}{tail}.", refs)


def _latest(b: Briefing) -> Claim | None:
    held = [c for c in b.held_cards if c.meeting.start]
    if not held:
        return None
    last = max(held, key=lambda c: c.meeting.start)
    outcomes = [o for r in last.records for o in r.outcomes]
    what = (
        f"it produced: {outcomes[0].text[0].lower()}{outcomes[0].text[1:]}"
        if outcomes
        else "no outcome is recorded for it"
    )
    where = "" if last.meeting.format == "call" else f" in {last.place}"
    text = (
        f"The latest recorded contact was the {format_word(last.meeting.format)}{where} on "
        f"{long_date(last.meeting.start)}; {what}"
    )
    refs = sorted({last.ref, *(r for o in outcomes[:1] for r in o.refs)})
    return Claim(text if text.endswith(".") else text + ".", refs)


def _agenda(b: Briefing) -> Claim | None:
    count: Counter[str] = Counter()
    refs: set[int] = set()
    for c in b.cards:
        topics = {t for r in c.records for t in r.meeting.topics}
        count.update(topics)
        refs.update(x for r in c.records for cl in r.topics for x in cl.refs)
    if not count:
        return None
    top = [f"{topic_label(t)} ({n})" for t, n in most_raised(count, 3)]
    return Claim(
        f"The topics raised most often (number of meetings) were {_join(top)}.", sorted(refs)
    )


def most_raised(count: Counter[str], k: int) -> list[tuple[str, int]]:
    """The k most counted keys, ties by key: the same whatever order they were counted in
    (the topics come from sets, whose order changes from run to run)."""
    return sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))[:k]


def _outcomes(b: Briefing) -> Claim | None:
    done = [o for o in b.outcomes if o.kind == "outcome"]
    failed = [o for o in b.outcomes if o.kind == "non_outcome"]
    if not done and not failed:
        return None
    parts = [f"{len(done)} recorded outcome{'s' if len(done) != 1 else ''}"]
    known = Counter(o.implemented for o in done if o.implemented in ("yes", "no", "partly"))
    words = {"yes": "implemented", "no": "not implemented", "partly": "partly implemented"}
    if known:
        parts[0] += " (" + ", ".join(f"{n} {words[k]}" for k, n in known.items()) + ")"
    if failed:
        parts.append(f"{len(failed)} explicit failure{'s' if len(failed) != 1 else ''} to agree")
    refs = sorted({r for o in [*done, *failed] for r in o.claim.refs})
    return Claim(f"The meetings have {' and '.join(parts)}; see the outcomes table.", refs)


def _positions(b: Briefing) -> Claim | None:
    if not b.positions:
        return None
    tp = b.positions[0]
    latest = {s: e[-1] for s, e in tp.sides.items() if e}
    said = [
        f"{s} {stance_word(e.stance)} — {e.text.rstrip('.')}"
        + (f" ({short_date(e.when)})" if e.when else "")
        for s, e in latest.items()
    ]
    text = f"On {tp.label}, the topic with most stated positions, the latest: " + "; ".join(said)
    refs = {r for e in latest.values() for r in e.claim.refs}
    changes = [c for t in b.positions for c in t.changes]
    if changes:
        n = len(changes)
        text += f". {n} change{'s' if n != 1 else ''} of stated position "
        text += "are recorded across the topics" if n != 1 else "is recorded"
        refs.update(changes[0].refs)
    return Claim(text + ".", sorted(refs))


def _followed(b: Briefing) -> Claim | None:
    seen: dict[str, set[str]] = {}
    refs: set[int] = set()
    for fu in b.impact.followups:
        for f in fu.facts:
            seen.setdefault(f.area, set()).add(f.claim.text)
            refs.update(f.claim.refs)
    if not seen:
        return None
    labels = area_labels()
    parts = [f"{labels.get(a, a)} ({len(v)})" for a, v in seen.items()]
    return Claim(
        f"Within 90 days of their meetings followed recorded facts on {_join(parts)} — a "
        "sequence in time, not evidence that the meetings caused them.",
        sorted(refs),
    )


def bottom_line(b: Briefing) -> list[Claim]:
    """About five sentences, each from the briefing's own facts and cited like them."""
    parts = (_contacts, _latest, _agenda, _outcomes, _positions, _followed)
    out = [c for f in parts if (c := f(b)) is not None]
    if b.treaty_claims:
        last = b.treaty_claims[-1]
        out.append(Claim("The latest treaty action on record: " + last.text, last.refs, "curated"))
    if b.impact.measured.claims:
        out.append(b.impact.measured.claims[0])
    return out


def context(history: list[Encounter], dyad: Dyad, refs: References) -> list[Claim]:
    """How often leaders of the two countries met, since the first meeting on record."""
    held = [g for g in history if g.lead.status == "held" and g.lead.start]
    in_person = [g for g in held if g.lead.format != "call"]
    if not in_person:
        return []
    first = in_person[0].lead
    pred = [*dyad.b.countries[1:], *dyad.a.countries[1:]]
    pred_txt = f" (including {', '.join(_the(p) for p in pred)})" if pred else ""
    hrefs = sorted({refs.cite(g.lead.evidence) for g in in_person})
    by_decade = Counter(g.lead.start.year // 10 * 10 for g in in_person)
    return [
        Claim(
            f"Leaders of {_the(dyad.a.iso3)} and {_the(dyad.b.iso3)}{pred_txt} met in person "
            f"{len(in_person)} times in the records, the first being the "
            f"{first.title or format_word(first.format)} on {long_date(first.start)}.",
            hrefs,
        ),
        Claim(
            "In-person meetings per decade: "
            + ", ".join(f"{d}s: {n}" for d, n in sorted(by_decade.items()))
            + ".",
            hrefs,
        ),
    ]


def treaty_claims(actions: list[dict[str, Any]], refs: References) -> list[Claim]:
    out = []
    for a in actions:
        actors = [x for x in (a.get("actor") or "").split(";") if x]
        note = f" {a['note'].strip()}" if a.get("note") else ""
        text = f"{long_date(a['action_date'])}: "
        text += treaty_action_text(a["short_name"], a["action"], actors) + "."
        out.append(
            Claim(
                text + note, [refs.cite_url(a["source_url"], "curated", a["short_name"])], "curated"
            )
        )
    return out


def discussions(cards: list[MeetingCard]) -> list[Claim]:
    by_topic: dict[str, list[tuple[MeetingCard, Claim]]] = {}
    for c in cards:
        for rec in c.records:
            for it, cl in zip(rec.meeting.of_kind("topic"), rec.topics, strict=True):
                by_topic.setdefault(it.topic or "other", []).append((c, cl))
    out = []
    for t, lst in sorted(by_topic.items(), key=lambda kv: (-len({id(c) for c, _ in kv[1]}), kv[0])):
        cards_t = list({id(c): c for c, _ in lst}.values())
        n = len(cards_t)
        dates = ", ".join(
            short_date(c.meeting.start) if c.meeting.start else c.meeting.meeting_id
            for c in cards_t
        )
        out.append(
            Claim(
                f"{topic_label(t)} was on the agenda of {n} recorded meeting"
                f"{'s' if n != 1 else ''}: {dates}.",
                sorted({r for _, cl in lst for r in cl.refs}),
            )
        )
    return out
