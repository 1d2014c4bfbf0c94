"""Consult-type events (from any origin) as meeting reports with resolved participants.

A report keeps what the episode rules need: who (leaders on the date), when (the period
its date expression names, or only its document's publication date), how (call or in
person, and how sure), and whether its sentence reports news, refers back to an earlier
encounter, announces one or denies one (see :mod:`summitry.meetings.reading`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property

from summitry import events
from summitry.actors import normalise
from summitry.events import EventFilter
from summitry.meetings import lexicon as lx
from summitry.meetings.reading import Reading, read
from summitry.meetings.roles import RoleHolder, RoleResolver
from summitry.nlp.dates import find_dates

# CAMEO consult family (040-046) and 036 "express intent to meet or negotiate".
CONSULT_CODES = ("040", "041", "042", "043", "044", "045", "046")
INTENT_CODES = ("036",)
_FUTURE = re.compile(r"\b(?:will|would|shall|is expected to|are expected to|plans? to)\b", re.I)
# A report dated more than this before its document's publication is a back-reference.
BACKGROUND_DAYS = 14
# The sentences of a document's lead: an undated report there is that day's news.
LEAD_SENTENCES = 2
# A date expression naming a longer period than this cannot date an encounter.
MAX_SPAN_DAYS = 31


@dataclass
class Report:
    """One event row read as a report of an encounter between leaders."""

    event_id: str
    origin: str
    dataset: str
    dataset_row_id: str | None
    doc_id: str | None
    sent_idx: int | None
    start_char: int | None
    end_char: int | None
    event_date: date | None  # the day (start of the period) the report gives
    dated_by_text: bool  # a date expression in the text (or a dataset's event date)
    published: date | None
    cameo_code: str
    modality: str
    mode: str  # call | in_person
    participants: tuple[RoleHolder, ...]
    date_end: date | None = None  # last day of the period ("last week": its Sunday)
    mode_strength: str = "trigger"  # trigger | sentence | weak | none | code
    location_name: str | None = None
    location_iso3: str | None = None
    lat: float | None = None
    lon: float | None = None
    future_tense: bool = False  # the sentence speaks of the future ("will focus on")
    by_party: bool = False  # reported by one of the participants' sides
    attributed: bool = False  # the claim is someone's whose side is known (a speaker named)
    past_context: bool = False  # undated, in a sentence anchored in the past
    back_reference: str | None = None  # frequency | clause | perfect | relative | None
    presupposed: bool = False  # negated topic at a named encounter: the encounter happened
    separate: bool = False  # the sentence speaks of separate / bilateral meetings
    definite: bool = False  # a noun trigger naming a known encounter ("the summit between")
    own: bool = False  # "his meeting with X" (a circumstance): news of the week, not the day
    trigger_start: int | None = None
    topics: list[str] = field(default_factory=list)
    source_url: str | None = None
    rule: str = ""

    @cached_property
    def pair(self) -> tuple[str, ...]:
        return tuple(sorted({p.actor_id for p in self.participants}))

    @property
    def is_intent(self) -> bool:
        return self.cameo_code.startswith("036") or self.modality == "planned"

    @property
    def period(self) -> tuple[date | None, date | None]:
        return self.event_date, self.date_end or self.event_date

    @property
    def span_days(self) -> int:
        a, b = self.period
        return (b - a).days + 1 if a and b else 1

    @property
    def lead(self) -> bool:
        return self.sent_idx is not None and self.sent_idx < LEAD_SENTENCES

    @property
    def background(self) -> bool:
        """Dated well before its document, or anchored in the past: not this day's news."""
        if self.past_context:
            return True
        if self.origin != "extracted" or self.published is None or self.event_date is None:
            return False
        return self.period[1] < self.published - timedelta(days=BACKGROUND_DAYS)

    @property
    def held_claim(self) -> bool:
        """The report says the encounter took place (as fact, or by a participant's side)."""
        if self.is_intent or self.modality in ("hypothetical",):
            return False
        if self.modality == "asserted":
            return True
        if self.modality == "reported":  # "..., officials said"; a third party's claim is not
            return self.by_party or not self.attributed
        return self.modality == "negated" and self.presupposed


# (column read through summitry.events, key in the report builder)
_FIELDS = (
    ("event_id", "event_id"),
    ("origin", "origin"),
    ("dataset", "dataset"),
    ("dataset_row_id", "row_id"),
    ("doc_id", "doc_id"),
    ("sent_idx", "sent_idx"),
    ("start_char", "s"),
    ("end_char", "e"),
    ("event_date", "event_date"),
    ("date_text", "date_text"),
    ("cameo_code", "cameo"),
    ("modality", "modality"),
    ("trigger_text", "trigger"),
    ("source_actor_id", "s_id"),
    ("source_text", "s_text"),
    ("source_code", "s_code"),
    ("source_iso3", "s_iso3"),
    ("target_actor_id", "t_id"),
    ("target_text", "t_text"),
    ("target_code", "t_code"),
    ("target_iso3", "t_iso3"),
    ("location_name", "loc"),
    ("location_iso3", "loc_iso3"),
    ("lat", "lat"),
    ("lon", "lon"),
    ("topics", "topics"),
    ("source_url", "url"),
    ("rule", "rule"),
    ("doc_published", "published"),
    ("speaker_actor_id", "speaker"),
    ("evidence_text", "sentence"),
    ("plover_mode", "plover_mode"),
    ("trigger_start", "trigger_start"),
    ("trigger_end", "trigger_end"),
    ("date_start", "date_start"),
    ("date_end", "date_end"),
)
_COLUMNS = tuple(c for c, _ in _FIELDS)
_NAMES = [k for _, k in _FIELDS]


def _period(
    date_text: str | None, event_date: date | None, published: date | None, future: bool
) -> tuple[date | None, date | None, bool]:
    """(first day, last day, dated by text) of a report's date expression."""
    if not date_text:
        return event_date, event_date, False
    found = [d for d in find_dates(date_text, published, prefer_future=future) if d.value]
    if not found:
        return event_date, event_date, False
    d = found[0]
    end = d.until or d.value
    if not future and published is not None and end > published >= d.value:
        end = published  # a past event "this week": not after the report
    return d.value, end, d.span_days <= MAX_SPAN_DAYS


def _mode(cameo: str, plover_mode: str | None, reading: Reading) -> tuple[str, str]:
    if cameo.startswith("041") or "phone" in (plover_mode or "").lower():
        return "call", "code"
    return reading.mode or "in_person", reading.mode_strength


def _report(r: dict, a: RoleHolder, b: RoleHolder, resolver: RoleResolver) -> Report:
    cameo = r["cameo"] or "040"
    modality = r["modality"] or "asserted"
    sentence = r["sentence"]
    t0 = (
        r["trigger_start"] - r["s"]
        if r["trigger_start"] is not None and r["s"] is not None
        else None
    )
    t1 = r["trigger_end"] - r["s"] if r["trigger_end"] is not None and r["s"] is not None else None
    span = None
    if r["date_start"] is not None and r["date_end"] is not None and r["s"] is not None:
        span = (r["date_start"] - r["s"], r["date_end"] - r["s"])
    reading = read(sentence, t0, t1, r["trigger"], span)
    intent = cameo.startswith("036") or modality == "planned"
    if r["origin"] == "extracted":
        start, end, dated = _period(r["date_text"], r["event_date"], r["published"], intent)
        if dated and not reading.date_in_clause:  # the date belongs to another clause
            start = end = r["published"] or start
            dated = False
        if not dated and reading.news_date:  # "on Sunday when X met Y"
            start, end, dated = _period(reading.news_date, start, r["published"], intent)
    else:
        start, end, dated = r["event_date"], r["event_date"], True
    mode, strength = _mode(cameo, r["plover_mode"], reading)
    return Report(
        event_id=r["event_id"],
        origin=r["origin"],
        dataset=r["dataset"],
        dataset_row_id=r["row_id"],
        doc_id=r["doc_id"],
        sent_idx=r["sent_idx"],
        start_char=r["s"],
        end_char=r["e"],
        event_date=start,
        date_end=end,
        dated_by_text=dated,
        published=r["published"],
        cameo_code=cameo,
        modality=modality,
        mode=mode,
        mode_strength=strength,
        participants=(a, b),
        future_tense=bool(sentence and _FUTURE.search(sentence)),
        by_party=_by_party(r["speaker"], (a, b), resolver, sentence),
        attributed=bool(r["speaker"]),
        past_context=_past_context(sentence, r["published"]) if not r["date_text"] else False,
        back_reference=reading.back_reference,
        presupposed=reading.presupposed,
        separate=reading.separate,
        definite=reading.definite,
        own=reading.own,
        trigger_start=r["trigger_start"],
        location_name=r["loc"],
        location_iso3=r["loc_iso3"],
        lat=r["lat"],
        lon=r["lon"],
        topics=list(r["topics"] or []),
        source_url=r["url"],
        rule=r["rule"],
    )


def _holder(resolver: RoleResolver, r: dict, side: str, on: date, ministers: bool):
    """The leader an event side stands for on the event's date, else on its article's date
    (a person the article introduces with a title holds it from then on: "Colombian
    President Juan Manuel Santos said he spoke with ... on Thursday")."""
    args = (r[f"{side}_id"], r[f"{side}_text"], r[f"{side}_code"], r[f"{side}_iso3"])
    found = resolver.resolve(*args, on, ministers)
    pub = r["published"]
    if found is None and pub is not None and pub != on and abs((pub - on).days) <= MAX_SPAN_DAYS:
        found = resolver.resolve(*args, pub, ministers)
    return found


def load_reports(
    store,
    resolver: RoleResolver,
    *,
    ministers: bool = False,
    origins: tuple[str, ...] = ("extracted", "imported"),
) -> list[Report]:
    """Every consult/intent event whose two sides resolve to leaders (with ``ministers``,
    also foreign / defence ministers and vice presidents) of two countries on its date."""
    f = EventFilter(origins=origins, types=(*CONSULT_CODES, *INTENT_CODES, "CONSULT"))
    out: list[Report] = []
    for row in events.select(store, f, _COLUMNS).rows:
        r = dict(zip(_NAMES, row, strict=True))
        on = r["event_date"] or r["published"]
        if on is None:
            continue
        a = _holder(resolver, r, "s", on, ministers)
        b = _holder(resolver, r, "t", on, ministers)
        if a is None or b is None or a.actor_id == b.actor_id:
            continue
        if a.iso3 and a.iso3 == b.iso3:
            continue  # a president and his own vice president: not an encounter between leaders
        out.append(_report(r, a, b, resolver))
    return out


def unify_people(reports: list[Report]) -> list[Report]:
    """One id per person: a person the text introduced under a shorter or reordered form of
    another participant's name of the same country ("Kishida Fumio" for the KB's Fumio
    Kishida, "Rodrigo Chaves" beside "Rodrigo Chaves Robles") takes that participant's id,
    preferring the knowledge base's over the text's and the fuller name."""
    people: dict[str, RoleHolder] = {}
    for r in reports:
        for p in r.participants:
            people.setdefault(p.actor_id, p)
    words = {aid: frozenset(normalise(p.name).split()) for aid, p in people.items()}
    rank = sorted(people, key=lambda a: (a.startswith("person:text:"), -len(words[a]), a))
    place = {aid: i for i, aid in enumerate(rank)}
    canon: dict[str, str] = {}
    for aid in people:
        if not aid.startswith("person:text:") or len(words[aid]) < 2:
            continue
        better = next(
            (
                o
                for o in rank[: place[aid]]
                if people[o].iso3 == people[aid].iso3 and words[aid] <= words[o]
            ),
            None,
        )
        if better is not None:
            canon[aid] = better
    if not canon:
        return reports
    out = []
    for r in reports:
        parts = tuple(
            replace(people[canon[p.actor_id]], role=p.role) if p.actor_id in canon else p
            for p in r.participants
        )
        out.append(replace(r, participants=parts) if parts != r.participants else r)
    return out


def _past_context(sentence: str | None, published: date | None) -> bool:
    """True when the sentence carries a date well before its document ("a March 2016
    meeting ... offered to help arrange a meeting"): the event is background."""
    if not sentence or published is None:
        return False
    limit = published - timedelta(days=BACKGROUND_DAYS)
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", sentence)]
    if any(y < published.year for y in years):
        return True
    return any(d.value is not None and d.value < limit for d in find_dates(sentence, published))


def _by_party(
    speaker: str | None,
    parts: tuple[RoleHolder, ...],
    resolver: RoleResolver,
    sentence: str | None = None,
) -> bool:
    """The reporting speaker is a participant or belongs to a participant's country
    ("a White House official said", "the Kremlin said")."""
    if not speaker:
        m = sentence and (lx.SPOKES.search(sentence) or lx.OFFICE_SPEAKS.search(sentence))
        return bool(m) and lx.INSTITUTION_ISO3.get(m.group("inst")) in {p.iso3 for p in parts}
    iso3 = speaker if len(speaker) == 3 and speaker.isupper() else resolver.iso3(speaker)
    return speaker in {p.actor_id for p in parts} or iso3 in {p.iso3 for p in parts}
