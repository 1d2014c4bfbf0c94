"""The briefing model: typed records between the analysis and the renderers.

:func:`summitry.report.build_briefing` fills a :class:`Briefing`; the HTML, Markdown and PDF
renderers only read it. Every factual sentence is a :class:`Claim` citing numbered
:class:`Reference` objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from summitry.analysis.dyad import Dyad
from summitry.analysis.record import Meeting
from summitry.analysis.results import TableResult


@dataclass
class Claim:
    """One factual sentence and the numbers of the references that support it."""

    text: str
    refs: list[int] = field(default_factory=list)
    origin: str | None = None


@dataclass
class Reference:
    """One source, cited by number; one per URL (or document, or data set row)."""

    n: int
    origin: str  # curated | extracted | imported | analysis
    label: str  # what the reader sees: publisher, type, date, title
    url: str | None = None  # only http(s) URLs are ever linked (see summitry.report.safe)
    publisher: str | None = None
    published: date | None = None
    source_type: str | None = None
    locators: list[str] = field(default_factory=list)  # sentences, rows cited in this source


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
    positions: list[Claim]
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

    @property
    def n_topics(self) -> int:
        return sum(len(c.topics) for c in self.records)

    @property
    def sections(self) -> list[tuple[str, list[Claim]]]:
        """The non-empty item lists, labelled (empty ones are not shown)."""
        named = (
            ("Topics", self.topics),
            ("Outcomes", self.outcomes),
            ("Positions", self.positions),
            ("Statements", self.statements),
            ("Reactions", self.reactions),
            ("Status history", self.status),
        )
        return [(label, lst) for label, lst in named if lst]


@dataclass
class TimelineEntry:
    """One encounter on the time-scaled timeline."""

    start: date
    end: date
    label: str
    format: str
    status: str
    outcome: str  # agreement | no_agreement | none
    in_person: bool
    anchor: str  # the card's id in the HTML


@dataclass
class Venue:
    """A place of one or more in-person meetings."""

    city: str
    country: str | None
    lat: float
    lon: float
    dates: list[date]
    refs: list[int]


@dataclass
class PositionEntry:
    """One side's stance on one topic at one meeting."""

    when: date | None
    meeting: str
    stance: str  # wants | proposes | refuses | warns | denies | accepts | concerned
    text: str  # the paraphrase (with any short quotation)
    claim: Claim
    changed_from: str | None = None  # the earlier stance when the position changed


@dataclass
class TopicPositions:
    """Both sides' stated positions on one topic across the meetings."""

    topic: str
    label: str
    sides: dict[str, list[PositionEntry]]
    changes: list[Claim] = field(default_factory=list)


@dataclass
class FollowedFact:
    """A recorded fact that began within the window after a meeting (sequence, not cause)."""

    area: str
    area_label: str
    when: date
    days_after: int
    window: int  # the smallest window (30 or 90) that holds it
    claim: Claim
    linked: bool = False  # the fact names this meeting among its related meetings


@dataclass
class MeetingFollowUps:
    meeting_id: str
    label: str
    when: date
    facts: list[FollowedFact]

    def in_area(self, area: str) -> list[FollowedFact]:
        return [f for f in self.facts if f.area == area]


@dataclass
class OutcomeRow:
    """An outcome or explicit non-outcome of a meeting, with what became of it."""

    when: date | None
    meeting: str
    anchor: str
    kind: str  # outcome | non_outcome
    type_text: str
    claim: Claim
    implemented: str  # yes | no | partly | not recorded | not applicable
    follow_up: list[Claim] = field(default_factory=list)


@dataclass
class ImpactRow:
    meeting: str
    when: date
    window: int
    statistic: str
    change: str
    interval: str
    n: str
    placebo: str
    verdict: str


@dataclass
class Measured:
    """The before/after measurement from event data (empty when the store has none)."""

    index: TableResult | None = None
    impact: TableResult | None = None
    third_party: TableResult | None = None
    claims: list[Claim] = field(default_factory=list)
    rows: list[ImpactRow] = field(default_factory=list)
    third_party_claims: list[Claim] = field(default_factory=list)

    @property
    def available(self) -> bool:
        return self.index is not None and self.index.insufficient is None


@dataclass
class Impact:
    """The global-impact section: what followed each meeting, and measured change."""

    areas: dict[str, str]  # area code -> label, in display order
    followups: list[MeetingFollowUps] = field(default_factory=list)
    quiet: list[str] = field(default_factory=list)  # meetings followed by no recorded fact
    windows: tuple[int, ...] = (30, 90)
    measured: Measured = field(default_factory=Measured)


@dataclass
class MethodNote:
    title: str
    text: str


@dataclass
class Briefing:
    """Everything a rendered briefing shows, in reading order."""

    dyad: Dyad
    sources: tuple[str, ...]
    generated: str
    references: list[Reference] = field(default_factory=list)
    bottom_line: list[Claim] = field(default_factory=list)
    context: list[Claim] = field(default_factory=list)
    treaty_claims: list[Claim] = field(default_factory=list)  # since the pair's first meeting
    earlier_treaty_claims: list[Claim] = field(default_factory=list)
    cards: list[MeetingCard] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    venues: list[Venue] = field(default_factory=list)
    discussions: list[Claim] = field(default_factory=list)
    outcomes: list[OutcomeRow] = field(default_factory=list)
    positions: list[TopicPositions] = field(default_factory=list)
    statements: dict[str, list[Claim]] = field(default_factory=dict)
    impact: Impact = field(default_factory=lambda: Impact({}))
    limits: list[str] = field(default_factory=list)  # the one data-limits box
    to_add: list[str] = field(default_factory=list)  # what to ingest or import for more
    charts: dict = field(default_factory=dict)  # name -> summitry.report.charts.Chart
    methods: list[MethodNote] = field(default_factory=list)
    source_counts: dict[str, int] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """Nothing at all about the pair: the briefing is a short page of what to add."""
        return (
            not self.cards
            and not self.impact.measured.available
            and not any(self.statements.values())
        )

    @property
    def held_cards(self) -> list[MeetingCard]:
        return [c for c in self.cards if c.meeting.status == "held"]
