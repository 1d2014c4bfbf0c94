"""Consult-type events (from any origin) as meeting reports with resolved participants."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from summitry import events
from summitry.events import EventFilter
from summitry.meetings.roles import RoleHolder, RoleResolver

# CAMEO consult family (040-046) and 036 "express intent to meet or negotiate".
CONSULT_CODES = ("040", "041", "042", "043", "044", "045", "046")
INTENT_CODES = ("036",)
_CALL_SENTENCE = re.compile(
    r"\b(?:tele)?phone\b|\bvideo (?:call|link|conference)\b|\bcalled each other\b", re.I
)
_CALL_WORDS = re.compile(
    r"\b(phone|telephone|call(?:ed)?|video ?(?:call|link|conference)|spoke by)\b", re.I
)
# "this week", "last month": too vague to date an encounter (they may still attach to one).
_VAGUE_DATE = re.compile(r"\b(?:week|weekend|month|year)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|would|shall|is expected to|are expected to|plans? to)\b", re.I)
# A report dated more than this before its document's publication is a back-reference.
BACKGROUND_DAYS = 14


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
    event_date: date | None
    dated_by_text: bool
    published: date | None
    cameo_code: str
    modality: str
    mode: str  # call | in_person
    participants: tuple[RoleHolder, ...]
    location_name: str | None = None
    location_iso3: str | None = None
    lat: float | None = None
    lon: float | None = None
    future_tense: bool = False  # the sentence speaks of the future ("will focus on")
    by_party: bool = False  # reported by one of the participants' sides
    past_context: bool = False  # undated, in a sentence anchored in the past
    topics: list[str] = field(default_factory=list)
    source_url: str | None = None
    rule: str = ""

    @property
    def pair(self) -> tuple[str, ...]:
        return tuple(sorted({p.actor_id for p in self.participants}))

    @property
    def is_intent(self) -> bool:
        return self.cameo_code.startswith("036") or self.modality == "planned"

    @property
    def background(self) -> bool:
        """Dated well before its document: a passing back-reference, not news."""
        if self.past_context:
            return True
        if self.origin != "extracted" or self.published is None or self.event_date is None:
            return False
        return self.event_date < self.published - timedelta(days=BACKGROUND_DAYS)


_COLUMNS = (
    *("event_id", "origin", "dataset", "dataset_row_id", "doc_id", "sent_idx", "start_char"),
    *("end_char", "event_date", "date_text", "cameo_code", "modality", "trigger_text"),
    *("source_actor_id", "source_text", "source_code", "source_iso3"),
    *("target_actor_id", "target_text", "target_code", "target_iso3"),
    *("location_name", "location_iso3", "lat", "lon", "topics", "source_url", "rule"),
    *("doc_published", "speaker_actor_id", "evidence_text", "plover_mode"),
)


def load_reports(
    store,
    resolver: RoleResolver,
    *,
    ministers: bool = False,
    origins: tuple[str, ...] = ("extracted", "imported"),
) -> list[Report]:
    """Every consult/intent event whose two sides resolve to distinct leaders on its date."""
    f = EventFilter(origins=origins, types=(*CONSULT_CODES, *INTENT_CODES, "CONSULT"))
    rows = events.select(store, f, _COLUMNS).rows
    out: list[Report] = []
    for r in rows:
        (
            event_id,
            origin,
            dataset,
            row_id,
            doc_id,
            sent_idx,
            s,
            e,
            event_date,
            date_text,
            cameo,
            modality,
            trigger,
            s_id,
            s_text,
            s_code,
            s_iso3,
            t_id,
            t_text,
            t_code,
            t_iso3,
            loc,
            loc_iso3,
            lat,
            lon,
            topics,
            url,
            rule,
            published,
            speaker,
            sentence,
            plover_mode,
        ) = r
        on = event_date or published
        if on is None:
            continue
        a = resolver.resolve(s_id, s_text, s_code, s_iso3, on, ministers)
        b = resolver.resolve(t_id, t_text, t_code, t_iso3, on, ministers)
        if a is None or b is None or a.actor_id == b.actor_id:
            continue
        cameo = cameo or "040"
        is_call = (
            cameo.startswith("041")
            or "phone" in (plover_mode or "").lower()
            or bool(trigger and _CALL_WORDS.search(trigger))
            or bool(sentence and _CALL_SENTENCE.search(sentence))
        )
        out.append(
            Report(
                event_id=event_id,
                origin=origin,
                dataset=dataset,
                dataset_row_id=row_id,
                doc_id=doc_id,
                sent_idx=sent_idx,
                start_char=s,
                end_char=e,
                event_date=event_date,
                dated_by_text=(bool(date_text) and not _VAGUE_DATE.search(date_text))
                or origin != "extracted",
                future_tense=bool(sentence and _FUTURE.search(sentence)),
                published=published,
                cameo_code=cameo,
                modality=(modality or "asserted"),
                mode="call" if is_call else "in_person",
                participants=(a, b),
                by_party=_by_party(speaker, (a, b), resolver, sentence),
                past_context=_past_context(sentence, published) if not date_text else False,
                location_name=loc,
                location_iso3=loc_iso3,
                lat=lat,
                lon=lon,
                topics=list(topics or []),
                source_url=url,
                rule=rule,
            )
        )
    return out


def _past_context(sentence: str | None, published: date | None) -> bool:
    """True when the sentence carries a date well before its document ("a March 2016
    meeting ... offered to help arrange a meeting"): the event is background."""
    if not sentence or published is None:
        return False
    from summitry.nlp.dates import find_dates

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
        from summitry.meetings import lexicon as lx

        m = sentence and (lx.SPOKES.search(sentence) or lx.OFFICE_SPEAKS.search(sentence))
        return bool(m) and lx.INSTITUTION_ISO3.get(m.group("inst")) in {p.iso3 for p in parts}
    iso3 = speaker if len(speaker) == 3 and speaker.isupper() else resolver.iso3(speaker)
    return speaker in {p.actor_id for p in parts} or iso3 in {p.iso3 for p in parts}
