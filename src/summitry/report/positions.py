"""Each side's stated positions, topic by topic across the meetings, and where they changed."""

from __future__ import annotations

from collections import defaultdict

from summitry.analysis.dyad import Dyad, Side
from summitry.analysis.record import Item, Meeting
from summitry.report.cards import item_text, meeting_label, position_text, short_date
from summitry.report.labels import stance_group, stance_word, topic_label
from summitry.report.model import Claim, MeetingCard, PositionEntry, TopicPositions
from summitry.report.references import References


def _side_of(it: Item, m: Meeting, dyad: Dyad) -> Side | None:
    """The side whose leader (or, for countries, whose country's participant) took it."""
    iso = {a: iso3 for a, _, iso3 in m.participants}.get(it.actor_id or "")
    for side in (dyad.a, dyad.b):
        if side.person_id and it.actor_id == side.person_id:
            return side
        if side.person_id is None and iso in side.countries:
            return side
    return None


def _entries(cards: list[MeetingCard], dyad: Dyad, refs: References):
    """(topic, side label, entry) for every position item of every record, oldest first."""
    for c in cards:
        for rec in c.records:
            m = rec.meeting
            for it in m.of_kind("position"):
                side = _side_of(it, m, dyad)
                if side is None:
                    continue
                claim = Claim(item_text(it), [refs.cite(it.evidence)], it.evidence.origin)
                when = it.item_date or m.start
                entry = PositionEntry(
                    when, meeting_label(m), it.value or "", position_text(it), claim
                )
                yield it.topic or "other", side.label, entry


def _mark_changes(label: str, side: str, entries: list[PositionEntry]) -> list[Claim]:
    """Set ``changed_from`` where a stance moves between seeking and opposing; say so."""
    out = []
    for prev, cur in zip(entries, entries[1:], strict=False):
        g0, g1 = stance_group(prev.stance), stance_group(cur.stance)
        if g0 and g1 and g0 != g1:
            cur.changed_from = prev.stance
            when0 = short_date(prev.when) if prev.when else prev.meeting
            when1 = short_date(cur.when) if cur.when else cur.meeting
            out.append(
                Claim(
                    f"{side} on {label}: from “{stance_word(prev.stance)}” "
                    f"({when0}) to “{stance_word(cur.stance)}” ({when1}).",
                    sorted({*prev.claim.refs, *cur.claim.refs}),
                    cur.claim.origin,
                )
            )
    return out


def topic_positions(cards: list[MeetingCard], dyad: Dyad, refs: References) -> list[TopicPositions]:
    """Topics with a stated position of either side; most-discussed first."""
    by_topic: dict[str, dict[str, list[PositionEntry]]] = defaultdict(
        lambda: {dyad.a.label: [], dyad.b.label: []}
    )
    for topic, side, entry in _entries(cards, dyad, refs):
        by_topic[topic][side].append(entry)
    out = []
    for topic, sides in by_topic.items():
        label = topic_label(topic)
        tp = TopicPositions(topic, label, sides)
        for side, entries in sides.items():
            entries.sort(key=lambda e: (e.when is None, e.when))
            tp.changes += _mark_changes(label, side, entries)
        out.append(tp)
    out.sort(key=lambda t: (-sum(len(v) for v in t.sides.values()), t.label))
    return out


def side_statements(
    quoted: dict[str, list[Item]], cards: list[MeetingCard], dyad: Dyad, refs: References
) -> dict[str, list[Claim]]:
    """Each side's quoted statements from event data and from the meeting records."""
    out: dict[str, list[Claim]] = {}
    for side in (dyad.a, dyad.b):
        lst = [
            Claim(
                (f"{short_date(it.item_date)}: " if it.item_date else "") + f"“{it.text}”",
                [refs.cite(it.evidence)],
                it.evidence.origin,
            )
            for it in quoted.get(side.label, [])
        ]
        for c in (r for card in cards for r in card.records):
            lst += [
                cl
                for it, cl in zip(c.meeting.of_kind("statement"), c.statements, strict=True)
                if _side_of(it, c.meeting, dyad) is side
                or (side.person_id is None and it.actor_name and side.label in it.actor_name)
            ]
        out[side.label] = lst
    return out
