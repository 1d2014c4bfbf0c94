"""What the three renderers (HTML, Markdown, PDF) show the same way: the section list, the key
figures, table cells, and the rows of the positions comparison."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from summitry.report.cards import short_date
from summitry.report.labels import topic_label
from summitry.report.model import Briefing, MeetingCard, PositionEntry, TopicPositions
from summitry.report.timeline import outcome_kind


@dataclass(frozen=True)
class Section:
    id: str
    title: str


SECTION_LIST = (
    Section("bottom-line", "Bottom line"),
    Section("timeline", "Timeline and venues"),
    Section("context", "Historical context"),
    Section("meetings", "The meetings"),
    Section("discussions", "Key discussions"),
    Section("outcomes", "Outcomes"),
    Section("positions", "Positions"),
    Section("impact", "Global impact"),
    Section("method", "Method and sources"),
)
SECTIONS = tuple(s.title for s in SECTION_LIST)
EMPTY_SECTIONS = ("Nothing recorded yet", "Method and sources")

OUTCOME_WORDS = {"agreement": "outcome recorded", "no_agreement": "no agreement", "none": "—"}


def outcome_word(card: MeetingCard) -> str:
    return OUTCOME_WORDS[outcome_kind(card)]


def topic_names(card: MeetingCard) -> str:
    topics = list(dict.fromkeys(t for r in card.records for t in r.meeting.topics))
    return ", ".join(topic_label(t) for t in topics) or "—"


def fmt_short(d: date | None) -> str:
    return short_date(d) if d else "undated"


def keyfacts(b: Briefing) -> list[tuple[str, str]]:
    held = b.held_cards
    in_person = sum(1 for c in held if c.meeting.format != "call")
    dated = [c.meeting.start for c in held if c.meeting.start]
    facts = [
        ("in-person meetings", str(in_person)),
        ("calls", str(len(held) - in_person)),
        ("outcomes recorded", str(sum(1 for o in b.outcomes if o.kind == "outcome"))),
        ("topics with stated positions", str(len(b.positions))),
        (
            "facts that followed",
            str(len({f.claim.text for u in b.impact.followups for f in u.facts})),
        ),
    ]
    if dated:
        facts.insert(0, ("first – latest", f"{min(dated):%Y} – {max(dated):%Y}"))
    return facts


def position_rows(
    tp: TopicPositions,
) -> list[tuple[date | None, str, list[list[PositionEntry]]]]:
    """One row per meeting at which either side stated a position on the topic."""
    keys: dict[tuple, None] = {}
    for entries in tp.sides.values():
        for e in entries:
            keys[(e.when, e.meeting)] = None
    rows = []
    for when, meeting in sorted(keys, key=lambda k: (k[0] is None, k[0] or date.max, k[1])):
        cells = [
            [e for e in entries if (e.when, e.meeting) == (when, meeting)]
            for entries in tp.sides.values()
        ]
        rows.append((when, meeting, cells))
    return rows


def window_spans(windows: tuple[int, ...]) -> list[tuple[int, int]]:
    spans, lo = [], 0
    for w in sorted(windows):
        spans.append((lo, w))
        lo = w + 1
    return spans


def window_heads(windows: tuple[int, ...]) -> list[str]:
    return [
        f"Within {hi} days" if lo == 0 else f"{lo}–{hi} days" for lo, hi in window_spans(windows)
    ]
