"""One card per encounter: dates, place, format, and each recorded item as a cited claim."""

from __future__ import annotations

from datetime import date

from summitry.analysis.dyad import country_name
from summitry.analysis.record import Encounter, Item, Meeting
from summitry.report.labels import format_word, stance_word, topic_label
from summitry.report.model import Claim, MeetingCard
from summitry.report.references import References


def place_text(m: Meeting) -> str:
    if m.format == "call":
        return "by telephone"
    parts = [p for p in (m.city, country_name(m.country) if m.country else None) if p]
    return ", ".join(parts) or "place not recorded"


def long_date(d: date) -> str:
    """'7 July 2017'."""
    return f"{d.day} {d:%B %Y}"


def short_date(d: date) -> str:
    """'7 Jul 2017'."""
    return f"{d.day} {d:%b %Y}"


def dates_text(m: Meeting) -> str:
    if m.start is None:
        return "date not set"
    if m.end and m.end != m.start:
        if (m.start.year, m.start.month) == (m.end.year, m.end.month):
            return f"{m.start.day}–{long_date(m.end)}"
        if m.start.year == m.end.year:
            return f"{m.start.day} {m.start:%B} – {long_date(m.end)}"
        return f"{long_date(m.start)} – {long_date(m.end)}"
    return long_date(m.start)


def sentence(text: str) -> str:
    text = (text or "").strip()
    return text if text.endswith((".", "!", "?", '"', "”")) else text + "."


def meeting_label(m: Meeting) -> str:
    return m.title or format_word(m.format)


def _same_words(a: str | None, b: str | None) -> bool:
    def norm(x: str | None) -> str:
        return (x or "").strip().rstrip(".").lower().replace("_", " ")

    return norm(a) == norm(b)


def item_text(it: Item) -> str:
    """The sentence a card shows for one item."""
    if it.kind == "topic":
        label = topic_label(it.topic)
        same = not it.text or _same_words(it.text, it.topic) or _same_words(it.text, label)
        return sentence(label if same else f"{label}: {it.text}")
    if it.kind == "position":
        who = it.actor_name or "One side"
        about = f" on {topic_label(it.topic)}" if it.topic else ""
        return f"{who}{about}: {stance_word(it.value)} — {position_text(it)}"
    if it.kind in ("statement", "reaction") and it.actor_name:
        return sentence(f"{it.actor_name}: “{it.text}”")
    if it.kind == "status":
        when = f" on {long_date(it.item_date)}" if it.item_date else ""
        detail = f": {it.text}" if it.text and it.text != it.value else ""
        return sentence(f"Status {it.value}{when}{detail}")
    return sentence(it.text)


def position_text(it: Item) -> str:
    """The paraphrase of a position, with its short quotation when there is one."""
    quote = f" (“{it.quote.strip()}”)" if it.quote else ""
    return sentence(it.text.rstrip(".") + quote)


def item_claims(m: Meeting, kinds: tuple[str, ...], refs: References) -> list[Claim]:
    return [
        Claim(item_text(it), [refs.cite(it.evidence)], it.evidence.origin)
        for it in m.of_kind(*kinds)
    ]


def card(m: Meeting, refs: References) -> MeetingCard:
    r = refs.cite(m.evidence)
    return MeetingCard(
        meeting=m,
        ref=r,
        date_text=dates_text(m),
        place=place_text(m),
        format_text=format_word(m.format) + (f" ({m.occasion})" if m.occasion else ""),
        participants=", ".join(n for _, n, _ in m.participants),
        topics=item_claims(m, ("topic",), refs),
        outcomes=item_claims(m, ("outcome", "non_outcome"), refs),
        positions=item_claims(m, ("position",), refs),
        statements=item_claims(m, ("statement",), refs),
        reactions=item_claims(m, ("reaction",), refs),
        status=item_claims(m, ("status",), refs),
        notes=Claim(sentence(m.notes), [r], m.origin) if m.notes else None,
    )


def differences(lead: MeetingCard, other: MeetingCard) -> list[Claim]:
    """Where a linked record disagrees with the lead record: stated, both sides cited."""
    a, o = lead.meeting, other.meeting
    out = []
    for what, x, y in (
        ("dates", lead.date_text, other.date_text),
        ("place", lead.place, other.place),
        ("format", format_word(a.format), format_word(o.format)),
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


def encounter_cards(encounters: list[Encounter], refs: References) -> list[MeetingCard]:
    """One card per encounter, the records of other sources linked beside the lead."""
    out = []
    for g in encounters:
        c = card(g.lead, refs)
        c.linked = [card(x, refs) for x in g.linked]
        c.differences = [d for x in c.linked for d in differences(c, x)]
        out.append(c)
    return out
