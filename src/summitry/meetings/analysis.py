"""Read an episode's evidence sentences: format, occasion, place, duration, topics,
outcomes, statements and reactions. Every item keeps doc_id/sent_idx/span and a rule."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from summitry.geo import Place, lookup_place
from summitry.meetings import lexicon as lx
from summitry.meetings.episodes import Episode
from summitry.meetings.sources import Sentence, SentenceSource

RULE = "meetings-evidence:v1"
_PLACE_AFTER = re.compile(
    r"\b(?:in|at)\s+(?P<a>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})"
    r"(?:,\s+(?P<b>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2}))?"
)
REACTION_DAYS = 10
# Imported (text-less) episodes read articles published up to this many days after them.
RELATED_DAYS = 3
# At most this many articles are read for an imported episode's evidence and for the
# reactions to an episode (the earliest first), so a build stays linear in the episodes.
MAX_RELATED_DOCS = 20
MAX_REACTION_DOCS = 30


@dataclass
class Item:
    kind: str
    text: str
    sent: Sentence | None
    value: str | None = None
    topic: str | None = None
    actor_id: str | None = None
    actor_name: str | None = None
    score: float | None = None
    item_date: date | None = None
    event_id: str | None = None
    dataset: str | None = None
    dataset_row_id: str | None = None
    origin: str = "extracted"
    rule: str = RULE


@dataclass
class Analysis:
    format: str
    occasion: str | None = None
    place: Place | None = None
    duration_minutes: int | None = None
    one_on_one: bool | None = None
    delegations: str | None = None
    items: list[Item] = field(default_factory=list)


def _surname(name: str) -> str:
    return name.split()[-1]


def _minutes(m: re.Match[str]) -> int | None:
    n = (m.group("n") or m.group("n2") or "").lower()
    unit = (m.group("u") or m.group("u2") or "").lower()
    value = lx._NUM.get(n)
    if value is None:
        try:
            value = float(n)
        except ValueError:
            return None
    return int(round(value * (60 if unit.startswith("hour") else 1)))


@dataclass
class _Reading:
    """What every section of ``analyse`` reads: the episode, its participants and sentences."""

    ep: Episode
    names: dict[str, tuple[str, str | None]]
    src: SentenceSource
    surnames: dict[str, str]
    event_sents: set[tuple[str, int]]
    party: re.Pattern[str]

    @classmethod
    def of(
        cls, ep: Episode, names: dict[str, tuple[str, str | None]], src: SentenceSource
    ) -> _Reading:
        surnames = {aid: _surname(n) for aid, (n, _) in names.items()}
        event_sents = {
            (r.doc_id, r.sent_idx)
            for r in ep.reports
            if r.doc_id is not None and r.sent_idx is not None
        }
        alternation = "|".join(re.escape(s) for s in sorted(set(surnames.values())))
        party = re.compile(r"\b(?:" + alternation + r")\b")
        return cls(ep, names, src, surnames, event_sents, party)

    def mentions_party(self, text: str) -> bool:
        return bool(self.party.search(text) or lx.GROUP_WORDS.search(text))

    def context(self, doc_ids: list[str]) -> list[Sentence]:
        """The sentences of these documents that speak of the episode."""
        out = []
        self.src.load(doc_ids)
        for d in doc_ids:
            for s in self.src.doc(d):
                follows = any((d, s.sent_idx - k) in self.event_sents for k in (1, 2))
                if (
                    (s.doc_id, s.sent_idx) in self.event_sents
                    or (self.mentions_party(s.text) and lx.MEETING_WORDS.search(s.text))
                    or (follows and lx.ANAPHOR.search(s.text))
                ):
                    out.append(s)
        return out


def analyse(ep: Episode, names: dict[str, tuple[str, str | None]], src: SentenceSource) -> Analysis:
    """names: actor_id -> (display name, iso3) of the episode's participants."""
    rd = _Reading.of(ep, names, src)
    held_docs, plan_docs, related = _evidence_docs(rd)
    held_ctx = rd.context(held_docs)
    plan_ctx = rd.context(plan_docs)
    res = Analysis(format="call" if ep.mode == "call" else "summit")
    items = _occasion_and_format(ep, held_ctx, plan_ctx, res)
    if ep.mode != "call":
        home = frozenset(iso3 for _, iso3 in names.values() if iso3)
        res.place = _place(ep, held_ctx or plan_ctx, res.occasion, src, home)
    items += _duration_and_setting(held_ctx, res)
    items += _topic_items(held_ctx + plan_ctx)
    items += _outcome_items(held_ctx)
    by_iso3 = {iso3: aid for aid, (_, iso3) in names.items() if iso3}
    sides = Sides(rd.surnames, by_iso3, names)
    in_ctx = {(s.doc_id, s.sent_idx) for s in held_ctx + plan_ctx}
    items += _statement_items(rd, sides, held_docs, plan_docs, in_ctx)
    if ep.held and ep.dates()[0] is not None:
        items += _reaction_items(rd, sides, held_docs, held_ctx)
    for it in items:
        if it.sent is not None and it.sent.doc_id in related:
            it.rule += ":related-article"
    res.items = items
    return res


def _evidence_docs(rd: _Reading) -> tuple[list[str], list[str], set[str]]:
    """The documents that report the episode as held and as planned, and the related ones
    read for an imported episode (rows carry no text)."""
    ep = rd.ep
    held_docs = sorted({r.doc_id for r in ep.held + ep.attached + ep.negated if r.doc_id})
    plan_docs = sorted({r.doc_id for r in ep.planned if r.doc_id} - set(held_docs))
    related: set[str] = set()
    start0, end0 = ep.dates()
    if held_docs or plan_docs or start0 is None:
        return held_docs, plan_docs, related
    # imported rows carry no text: read the stored articles of the days that follow
    # which name both participants and speak of a meeting (or, for a call, a call)
    window_end = (end0 or start0) + timedelta(days=RELATED_DAYS)
    words = list(rd.surnames.values())
    for d in rd.src.docs_mentioning(words, start0, window_end, limit=MAX_RELATED_DOCS):
        ctx = rd.context([d])
        if ep.mode == "call":
            ctx = [x for x in ctx if lx.CALL_WORDS.search(x.text)]
        if ctx:
            related.add(d)
    if ep.held:
        return sorted(related), plan_docs, related
    return held_docs, sorted(related), related


def _occasion_and_format(
    ep: Episode, held_ctx: list[Sentence], plan_ctx: list[Sentence], res: Analysis
) -> list[Item]:
    """Set the occasion (a summit the meeting sat beside) and the format; their evidence."""
    occ: Counter[str] = Counter()
    for s in held_ctx + plan_ctx:
        for name, pat in lx.OCCASIONS:
            for m in pat.finditer(s.text):
                if lx.OCCASION_CUE.search(s.text[max(0, m.start() - 40) : m.start()]):
                    occ[name] += 1
    if occ and ep.mode != "call":
        res.occasion = occ.most_common(1)[0][0]
    informal = [s for s in held_ctx if lx.INFORMAL.search(s.text) or lx.NO_FORMAL.search(s.text)]
    if ep.mode != "call":
        if ep.held and (informal or ep.negated):
            res.format = "informal"
        elif res.occasion:
            res.format = "sideline"
    return [Item("format_evidence", s.text, s, value=res.format) for s in informal]


def _duration_and_setting(held_ctx: list[Sentence], res: Analysis) -> list[Item]:
    """Duration, one-on-one and delegations: the first sentence that says each."""
    items: list[Item] = []
    for s in held_ctx:
        m = lx.DURATION.search(s.text)
        if m and res.duration_minutes is None:
            res.duration_minutes = _minutes(m)
            items.append(Item("duration", m.group(0), s, value=str(res.duration_minutes)))
        if lx.ONE_ON_ONE.search(s.text) and res.one_on_one is None:
            res.one_on_one = True
            items.append(Item("one_on_one", s.text, s, value="true"))
        m = lx.DELEGATIONS.search(s.text)
        if m and res.delegations is None:
            res.delegations = s.text.strip()
    return items


def _topic_items(ctx: list[Sentence]) -> list[Item]:
    """Topics ranked by documents, then sentences; one item per evidence sentence."""
    topic_hits: dict[str, list[Sentence]] = {}
    for s in ctx:
        for topic, pat in lx.TOPICS.items():
            if pat.search(s.text):
                topic_hits.setdefault(topic, []).append(s)
    ranked = sorted(
        topic_hits.items(), key=lambda kv: (-len({s.doc_id for s in kv[1]}), -len(kv[1]), kv[0])
    )
    items = []
    for rank, (topic, sents) in enumerate(ranked, 1):
        n_docs = float(len({x.doc_id for x in sents}))
        for s in sents:
            items.append(Item("topic", s.text, s, topic=topic, value=str(rank), score=n_docs))
    return items


def _outcome_items(held_ctx: list[Sentence]) -> list[Item]:
    """Outcomes (the first kind that matches) and explicit non-outcomes."""
    items = []
    for s in held_ctx:
        non = lx.NON_OUTCOME.search(s.text)
        if non:
            items.append(
                Item("non_outcome", s.text, s, value=non.group(0), topic=_topic_of(s.text))
            )
        for kind, pat in lx.OUTCOMES:
            if pat.search(s.text):
                items.append(Item("outcome", s.text, s, value=kind, topic=_topic_of(s.text)))
                break
    return items


def _statement_items(
    rd: _Reading,
    sides: Sides,
    held_docs: list[str],
    plan_docs: list[str],
    in_ctx: set[tuple[str, int]],
) -> list[Item]:
    """What the sides said, in the documents reporting the episode."""
    items = []
    for d in held_docs + plan_docs:
        sides.learn(rd.src.doc(d))
        for s in rd.src.doc(d):
            speaker = sides.speaker(s.text) if lx.SPEECH.search(s.text) else None
            if speaker is None:
                continue
            if d in plan_docs and (s.doc_id, s.sent_idx) not in in_ctx:
                continue
            aid, label = speaker
            items.append(
                Item(
                    "statement", s.text, s, actor_id=aid, actor_name=label,
                    topic=_topic_of(s.text), item_date=s.published,
                )
            )  # fmt: skip
    return items


def _reaction_items(
    rd: _Reading, sides: Sides, held_docs: list[str], held_ctx: list[Sentence]
) -> list[Item]:
    """What third parties said of a held episode, up to REACTION_DAYS after it."""
    start, end = rd.ep.dates()
    assert start is not None
    end = end or start
    cues = _episode_cues(held_ctx)
    words = list(rd.surnames.values())
    until = end + timedelta(days=REACTION_DAYS)
    # without a cue no later article can be shown to be about this episode
    later = rd.src.docs_mentioning(words, start, until, limit=MAX_REACTION_DOCS) if cues else []
    docs = sorted(set(held_docs) | set(later))
    rd.src.load(docs)
    items = []
    for d in docs:
        sents = rd.src.doc(d)
        if d not in held_docs and not any(c.search(s.text) for s in sents for c in cues):
            continue  # a later article about something else
        sides.learn(sents)
        for s in sents:
            if s.published is None or s.published < start or not lx.SPEECH.search(s.text):
                continue
            if sides.speaker(s.text) is not None or not rd.mentions_party(s.text):
                continue
            who = sides.third_party(s.text)
            if who is None:
                continue
            items.append(
                Item(
                    "reaction", s.text, s, actor_name=who, topic=_topic_of(s.text),
                    item_date=s.published, rule=RULE + ":reaction",
                )
            )  # fmt: skip
    return items


def _topic_of(text: str) -> str | None:
    for topic, pat in lx.TOPICS.items():
        if pat.search(text):
            return topic
    return None


_TITLE_WORDS = {
    "Secretary",
    "General",
    "President",
    "Minister",
    "Director",
    "Senator",
    "Spokesman",
    "Spokeswoman",
    "Former",
    "Attorney",
    "Treasury",
    "Prime",
    "Foreign",
}


class Sides:
    """Who speaks for whom: participants, their spokespeople and offices (per document)."""

    def __init__(
        self,
        surnames: dict[str, str],
        by_iso3: dict[str, str],
        names: dict[str, tuple[str, str | None]],
    ) -> None:
        self.surnames, self.by_iso3, self.names = surnames, by_iso3, names
        self.spokes: dict[str, str] = {}  # surname of a spokesperson -> participant id

    def learn(self, sents: list[Sentence]) -> None:
        for s in sents:
            for m in lx.SPOKES.finditer(s.text):
                aid = self.by_iso3.get(lx.INSTITUTION_ISO3.get(m.group("inst"), ""))
                if aid and m.group("name"):
                    self.spokes[m.group("name").split()[-1]] = aid

    def speaker(self, text: str) -> tuple[str, str] | None:
        """(participant id, label) when a participant, their office or spokesperson speaks."""
        verb = lx.SPEECH_VERB.search(text)
        if verb is None:
            return None
        before, after = text[: verb.start()], text[verb.end() : verb.end() + 40]
        m = lx.SPOKES.search(before[-80:]) or lx.OFFICE_SPEAKS.search(text[: verb.end()][-60:])
        if m:
            aid = self.by_iso3.get(lx.INSTITUTION_ISO3.get(m.group("inst"), ""))
            if aid:
                return aid, m.group(0)
        name = lx.NAME_BEFORE.search(before) or lx.NAME_AFTER.match(after)
        if name is None:
            return None
        last = name.group(1).split()[-1]
        for aid, sn in self.surnames.items():
            if last == sn:
                return aid, self.names[aid][0]
        if last in self.spokes:
            return self.spokes[last], last
        return None

    def third_party(self, text: str) -> str | None:
        verb = lx.SPEECH_VERB.search(text)
        if verb is None:
            return None
        m = lx.NAME_BEFORE.search(text[: verb.start()]) or lx.NAME_AFTER.match(
            text[verb.end() : verb.end() + 40]
        )
        if m is None:
            return None
        words = [w for w in m.group(1).split() if w not in _TITLE_WORDS]
        if not words or words[-1] in self.surnames.values() or words[-1] in self.spokes:
            return None
        return " ".join(words)


def _episode_cues(ctx: list[Sentence]) -> list[re.Pattern[str]]:
    """Occasion and place words of an episode: how a later article shows it is about it."""
    cues = [pat for _, pat in lx.OCCASIONS if any(pat.search(s.text) for s in ctx)]
    for s in ctx:
        for p in _places_in(s.text):
            cues.append(re.compile(rf"\b{re.escape(p.name)}\b"))
    if any(lx.CALL_WORDS.search(s.text) for s in ctx):
        cues.append(lx.CALL_WORDS)
    return cues


def _place(
    ep: Episode,
    ctx: list,
    occasion: str | None,
    src: SentenceSource,
    home: frozenset[str] = frozenset(),
) -> Place | None:
    found: list[Place] = []
    for r in ep.held + ep.attached:
        if r.location_name:
            # GDELT-style "Helsinki, Southern Finland, Finland": the first part is the place
            first = r.location_name.split(",")[0].strip()
            p = lookup_place(r.location_name, r.location_iso3) or lookup_place(
                first, r.location_iso3
            )
            if p is None and r.lat is not None:
                p = Place(first, r.location_iso3, r.lat, r.lon, "reported", city=first)
            if p is not None:
                found.append(p)
    for s in ctx:
        if not (lx.MEETING_WORDS.search(s.text) or any(p.search(s.text) for _, p in lx.OCCASIONS)):
            continue
        found.extend(_places_in(s.text, home))
    countries = Counter(p.iso3 for p in found if p.iso3)
    country = countries.most_common(1)[0][0] if countries else None
    cities = [p for p in found if p.kind != "country" and (country is None or p.iso3 == country)]
    if not cities and occasion is not None:
        start, end = ep.dates()
        if start is not None:
            pat = dict(lx.OCCASIONS)[occasion]
            window = (start - timedelta(days=14), end + timedelta(days=3))
            for d in src.docs_matching(pat.pattern, *window, bool(pat.flags & re.I)):
                for s in src.doc(d):
                    m = pat.search(s.text)
                    if m is None:
                        continue
                    tail = s.text[m.end() : m.end() + 80]
                    for p in _places_in(tail, home):
                        if p.kind != "country" and (country is None or p.iso3 == country):
                            cities.append(p)
    if cities:
        return Counter(cities).most_common(1)[0][0]
    if country is not None:
        return next(p for p in found if p.iso3 == country)
    return None


def _places_in(text: str, home: frozenset[str] = frozenset()) -> list[Place]:
    """Places named "in City(, Country)" / "at Venue"; ``home``: the participants'
    countries, preferred among same-named cities."""
    out = []
    for m in _PLACE_AFTER.finditer(text):
        a, b = m.group("a"), m.group("b")
        country = lookup_place(b) if b else None
        if country is not None and country.kind == "country":
            p = lookup_place(a, country.iso3)
            out.extend([p, country] if p is not None else [country])
        else:
            p = lookup_place(a, prefer=home)
            if p is not None and p.kind != "region":
                out.append(p)
            elif p is not None:
                out.append(Place(p.name, p.iso3, None, None, "country"))
    return out
