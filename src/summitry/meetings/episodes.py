"""Group meeting reports into episodes: one per real encounter, with its status history.

Rules (rule id ``episodes:v2``):
- One sentence, one encounter: reports from the same sentence, trigger and period are one
  report with all their participants ("Putin, Erdogan and Rouhani met in Sochi" is one
  three-party report, not three pairs).
- Founding a held episode: a report that claims the encounter took place (asserted, or
  reported by a participant's own side, or a negation about a topic at a named meeting:
  "did not discuss trade at their summit") founds one when it is dated by its own text to
  a period of at most ``MAX_SPAN_DAYS`` days ("on Sunday", "last week", "in April") —
  also when that date lies in the past: "they first met in Hamburg in July 2017" gives the
  July 2017 encounter — unless its sentence speaks of repeated or earlier encounters
  ("have met several times", "has spoken to him"); or, undated, when it is in the lead of
  its document (a readout, a wire story's first sentences) and does not refer back: it is
  that day's news, dated by the publication date.
- Merging: founders of compatible participants (the same, or one group inside the other
  unless the sentence says the meetings were separate), compatible mode (call / in person;
  a report whose only cue is "spoke" or no cue at all is compatible with both) and
  overlapping periods (one day of tolerance) are one episode. Calls last a day: two calls
  on different days are two episodes unless one of them is dated only by publication.
  The episode's dates are those of its day-precise reports, else the narrowest period its
  reports allow ("last week" -> that week).
- Other claims (undated outside the lead, back-references, claims reported by others)
  attach to the held episode they match and never found one.
- Planned reports (intent, 036, modality planned) that are not back-references attach to
  the held episode of the same participants that follows within three weeks of their
  document; otherwise they found a planned episode at their (future) date. Negated /
  refused / denied reports attached to a held episode are kept as status items (e.g. "no
  formal bilateral meeting"); attached to a planned episode they make it cancelled (or
  postponed when the text says so).
- A call and an in-person episode of the same participants on the same days are one when
  one of them rests only on weak cues: a call is never also a summit.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from summitry.meetings.reports import MAX_SPAN_DAYS, Report

MERGE_DAYS = 1
PLAN_WINDOW_DAYS = 21
ATTACH_DAYS = 7
# An undated claim outside the lead founds an episode of the week before its article.
RECENT_DAYS = 7
NEG_MODALITIES = ("negated", "refused", "denied")
WEAK = ("weak", "none")


@dataclass
class Episode:
    pair: tuple[str, ...]  # participant ids, sorted (two or more)
    mode: str
    held: list[Report] = field(default_factory=list)
    attached: list[Report] = field(default_factory=list)  # reported / undated / background
    planned: list[Report] = field(default_factory=list)
    negated: list[Report] = field(default_factory=list)
    _dates: tuple | None = field(default=None, repr=False, compare=False)

    @property
    def reports(self) -> list[Report]:
        return self.held + self.attached + self.planned + self.negated

    @property
    def origin(self) -> str:
        origins = {r.origin for r in self.reports}
        return "extracted" if "extracted" in origins else "imported"

    def dates(self) -> tuple[date | None, date | None]:
        """Held: the days its reports date it to; else the narrowest period they allow, made
        exact by an announced day inside it ("will meet on Feb. 15" + "met in February");
        else the announced days before its reports, else their publication days."""
        key = (len(self.held), len(self.planned))
        if self._dates is None or self._dates[0] != key:
            self._dates = (key, self._compute_dates())
        return self._dates[1]

    def _compute_dates(self) -> tuple[date | None, date | None]:
        if not self.held:
            return _span([r.event_date for r in self.planned if r.event_date])
        text = [r for r in self.held if r.event_date and r.dated_by_text]
        days = [r.event_date for r in text if r.span_days == 1]
        if days:
            return min(days), max(days)
        announced = [
            r.event_date
            for r in self.planned
            if r.event_date and r.dated_by_text and r.span_days == 1
        ]
        if text:
            lo, hi = _narrowest([r.period for r in text])
            inside = [d for d in announced if lo <= d <= hi]
            return _span(inside) if inside else (lo, hi)
        latest = max((r.published or r.event_date for r in self.held), default=None)
        before = [d for d in announced if latest is None or d <= latest]
        return _span(before or [r.event_date for r in self.held if r.event_date])

    @property
    def status(self) -> str:
        return "held" if self.held else "planned"

    @property
    def weak(self) -> bool:
        """Every report's call / in-person cue is weak (or absent)."""
        return all(r.mode_strength in WEAK for r in self.held + self.attached)


def _pub(r: Report) -> date | None:
    return r.published or r.event_date


def _span(days: list[date]) -> tuple[date | None, date | None]:
    return (min(days), max(days)) if days else (None, None)


def _narrowest(periods: list[tuple[date, date]]) -> tuple[date, date]:
    """The intersection of the periods, or the shortest one when they do not meet."""
    lo, hi = max(a for a, _ in periods), min(b for _, b in periods)
    if lo <= hi:
        return lo, hi
    return min(periods, key=lambda p: (p[1] - p[0], p[0]))


class EpisodeIndex:
    """Episodes by participant and week, so a report is compared with the few episodes
    that share a participant and lie near its dates, not with every episode."""

    def __init__(self) -> None:
        self._by: dict[tuple[str, int], list[Episode]] = {}
        self._order: dict[int, int] = {}
        self._episodes: dict[int, Episode] = {}

    @property
    def episodes(self) -> list[Episode]:
        """The episodes in the order they were added."""
        return list(self._episodes.values())

    def order(self, ep: Episode) -> int:
        return self._order[id(ep)]

    @staticmethod
    def _weeks(start: date, end: date) -> range:
        return range(start.toordinal() // 7, end.toordinal() // 7 + 1)

    def add(self, ep: Episode) -> None:
        if id(ep) not in self._episodes:
            self._order[id(ep)] = len(self._order)
            self._episodes[id(ep)] = ep
        self.reindex(ep)

    def reindex(self, ep: Episode) -> None:
        """Index the episode under its current participants and dates (call after either
        changed; stale entries are filtered at lookup)."""
        start, end = ep.dates()
        if start is None:
            return
        for actor in ep.pair:
            for week in self._weeks(start - timedelta(days=1), end + timedelta(days=1)):
                bucket = self._by.setdefault((actor, week), [])
                if not bucket or bucket[-1] is not ep:
                    bucket.append(ep)

    def near(self, actors: tuple[str, ...], start: date, end: date) -> list[Episode]:
        """Episodes with one of ``actors`` whose (padded) dates may meet [start, end]."""
        seen: dict[int, Episode] = {}
        for actor in actors:
            for week in self._weeks(start, end):
                for ep in self._by.get((actor, week), ()):
                    if id(ep) in self._episodes:
                        seen.setdefault(id(ep), ep)
        return sorted(seen.values(), key=self.order)

    def remove(self, ep: Episode) -> None:
        """Forget an episode (its index entries are skipped from now on)."""
        self._episodes.pop(id(ep), None)


def merge_sentence_reports(reports: list[Report]) -> list[Report]:
    """Reports of one sentence, trigger and period with shared participants -> one report
    with all of them (the first report keeps its id and evidence)."""
    groups: dict[tuple, list[Report]] = {}
    out: list[Report] = []
    for r in reports:
        if r.doc_id is None or r.trigger_start is None:
            out.append(r)
            continue
        key = (r.doc_id, r.sent_idx, r.trigger_start, r.period, r.mode, r.is_intent, r.modality)
        groups.setdefault(key, []).append(r)
    for group in groups.values():
        merged: list[Report] = []
        for r in group:
            target = next((m for m in merged if set(m.pair) & set(r.pair)), None)
            if target is None:
                merged.append(r)
                continue
            people = {p.actor_id: p for p in target.participants + r.participants}
            merged[merged.index(target)] = replace(target, participants=tuple(people.values()))
        out.extend(merged)
    return out


def founds(r: Report) -> bool:
    """Whether a report can found a held episode (see the module docstring)."""
    if not r.held_claim or r.event_date is None:
        return False
    if r.back_reference in ("frequency", "perfect"):
        return False
    if r.dated_by_text:
        return r.span_days <= MAX_SPAN_DAYS
    return (
        r.origin == "extracted"
        and r.lead
        and r.back_reference is None
        and not r.past_context
        and not r.definite
        and not r.own
    )


def _is_recent(r: Report) -> bool:
    """An undated claim outside the lead that still reads as news of a recent encounter
    ("Trudeau said he raised the issue during a meeting with Suu Kyi"): no reference back,
    no known encounter named, no past anchor."""
    return (
        r.held_claim
        and r.origin == "extracted"
        and not r.dated_by_text
        and r.published is not None
        and r.back_reference is None
        and not r.definite
        and not r.past_context
    )


def _recent(r: Report) -> Report:
    """The report dated to the week before its article (``date_precision`` week)."""
    pub = r.published
    return replace(r, event_date=pub - timedelta(days=RECENT_DAYS - 1), date_end=pub,
                   dated_by_text=True, rule=r.rule + ";date=recent-week")  # fmt: skip


def _people_fit(ep: Episode, r: Report) -> bool:
    a, b = set(ep.pair), set(r.pair)
    if a == b:
        return True
    if r.separate or any(x.separate for x in ep.held):
        return False
    return a <= b or b <= a


def _mode_fit(ep: Episode, r: Report) -> bool:
    return ep.mode == r.mode or r.mode_strength in WEAK or ep.weak


def _dates_fit(ep: Episode, r: Report) -> bool:
    start, end = ep.dates()
    a, b = r.period
    if start is None or a is None:
        return False
    tol = timedelta(days=MERGE_DAYS)
    if not (a <= end + tol and b >= start - tol):
        return False
    if ep.mode == "call" and r.mode == "call" and r.span_days == 1 and r.dated_by_text:
        # a call lasts a day: another day is another call, unless one side is undated
        text_days = {x.event_date for x in ep.held if x.dated_by_text and x.span_days == 1}
        return not text_days or a in text_days
    return True


def _add(ep: Episode, r: Report) -> None:
    ep.held.append(r)
    ep.pair = tuple(sorted(set(ep.pair) | set(r.pair)))
    strong = [x.mode for x in ep.held if x.mode_strength not in WEAK]
    if strong:
        ep.mode = max(set(strong), key=strong.count)


def cluster(founders: list[Report]) -> EpisodeIndex:
    """Founding reports -> held episodes (participants, mode and dates compatible)."""
    index = EpisodeIndex()
    ordered = sorted(
        founders, key=lambda r: (r.span_days > 1, r.event_date, -len(r.pair), r.event_id)
    )
    tol = timedelta(days=MERGE_DAYS)
    for r in ordered:
        a, b = r.period
        fits = [
            ep
            for ep in index.near(r.pair, a - tol, b + tol)
            if _people_fit(ep, r) and _mode_fit(ep, r) and _dates_fit(ep, r)
        ]
        if fits:
            best = min(
                fits,
                key=lambda ep: (
                    ep.mode != r.mode,
                    abs((ep.dates()[0] - r.event_date).days),
                    index.order(ep),
                ),
            )
            _add(best, r)
            index.reindex(best)
        else:
            index.add(Episode(r.pair, r.mode, held=[r]))
    return index


def _match_held(index: EpisodeIndex, r: Report, any_mode: bool = False) -> Episode | None:
    """The held episode a non-founding report speaks of (closest in date)."""
    tol = timedelta(days=MERGE_DAYS)
    if r.event_date is not None and r.dated_by_text:
        a, b = r.period
        window = (a - tol, b + tol)
    else:
        pub = _pub(r)
        if pub is None:
            return None
        window = (pub - timedelta(days=ATTACH_DAYS), pub)
    best, best_key = None, None
    for ep in index.near(r.pair, *window):
        if not _people_fit(ep, r) or (not any_mode and not _mode_fit(ep, r)):
            continue
        start, end = ep.dates()
        if r.event_date is not None and r.dated_by_text:
            ok = window[0] <= end and start <= window[1]
        else:
            ok = start <= window[1] <= end + timedelta(days=ATTACH_DAYS)
        key = (abs((start - (r.event_date or start)).days), index.order(ep))
        if ok and (best is None or key < best_key):
            best, best_key = ep, key
    return best


def _match_upcoming(r: Report, index: EpisodeIndex) -> Episode | None:
    pub = _pub(r)
    if pub is None:
        return None
    modes = (r.mode,) if r.mode == "call" and r.mode_strength not in WEAK else ("in_person", "call")
    lo, hi = pub - timedelta(days=1), pub + timedelta(days=PLAN_WINDOW_DAYS)
    cands = []
    for ep in index.near(r.pair, lo, hi):
        start, _ = ep.dates()
        if _people_fit(ep, r) and ep.mode in modes and start is not None and lo <= start <= hi:
            gap = abs((start - (r.event_date or pub)).days)
            cands.append((ep.mode != r.mode, gap, index.order(ep), ep))
    return min(cands, key=lambda c: c[:3])[3] if cands else None


def _plan(r: Report, held: EpisodeIndex, planned: EpisodeIndex) -> None:
    if r.modality == "hypothetical" or r.background or r.back_reference in ("frequency", "perfect"):
        return  # a possibility, or a back-reference ("a March 2016 meeting ...")
    ep = _match_upcoming(r, held)
    if ep is not None:
        ep.planned.append(r)
        return
    if r.event_date is None or (r.published and r.event_date < r.published - timedelta(days=1)):
        return  # an undated or past intention: no episode of its own
    three = timedelta(days=3)
    ep = _match_upcoming(r, planned) or next(
        (
            p
            for p in planned.near(r.pair, r.event_date - three, r.event_date + three)
            if set(p.pair) == set(r.pair)
            and p.mode == r.mode
            and abs((p.dates()[0] - r.event_date).days) <= 3
        ),
        None,
    )
    if ep is None:
        ep = Episode(r.pair, r.mode)
        ep.planned.append(r)
        planned.add(ep)
        return
    ep.planned.append(r)
    planned.reindex(ep)


def _merge_weak_duplicates(index: EpisodeIndex) -> EpisodeIndex:
    """A call and an in-person episode of the same people and days: keep one when the other
    rests on weak cues only."""
    out = EpisodeIndex()
    for ep in sorted(index.episodes, key=lambda e: (e.weak, index.order(e))):
        start, end = ep.dates()
        twin = None
        if ep.weak:
            twin = next(
                (
                    o
                    for o in out.near(ep.pair, start, end)
                    if set(o.pair) == set(ep.pair)
                    and o.mode != ep.mode
                    and o.dates()[0] <= end
                    and start <= o.dates()[1]
                ),
                None,
            )
        if twin is None:
            out.add(ep)
        else:
            twin.attached.extend(ep.held + ep.attached)
            twin.planned.extend(ep.planned)
            twin.negated.extend(ep.negated)
    return out


def build_episodes(reports: list[Report]) -> list[Episode]:
    """Cluster reports into episodes (see the module docstring for the rules)."""
    reports = merge_sentence_reports(reports)
    founders = [r for r in reports if founds(r)]
    held = _merge_weak_duplicates(cluster(founders))
    taken = {id(r) for r in founders}
    rest = sorted(
        (r for r in reports if id(r) not in taken), key=lambda r: (_pub(r) or date.min, r.event_id)
    )
    planned = EpisodeIndex()
    unattached: list[Report] = []
    for r in rest:
        if r.modality in NEG_MODALITIES and not r.presupposed:
            continue
        if r.is_intent or r.modality in ("planned", "hypothetical"):
            _plan(r, held, planned)
        elif (ep := _match_held(held, r)) is not None:
            ep.attached.append(r)
        else:
            unattached.append(r)
    confirmed = _confirm_planned(unattached, planned)
    for ep in confirmed:
        held.add(ep)
    used = {id(r) for ep in confirmed for r in ep.held}
    for ep in cluster(
        [_recent(r) for r in unattached if id(r) not in used and _is_recent(r)]
    ).episodes:
        held.add(ep)
    for r in rest:
        if r.modality not in NEG_MODALITIES or r.presupposed:
            continue
        ep = (
            _match_held(held, r, any_mode=True)
            or _match_upcoming(r, planned)
            or _planned_for(r, planned)
        )
        if ep is not None:
            ep.negated.append(r)
    return held.episodes + planned.episodes


def _confirm_planned(claims: list[Report], planned: EpisodeIndex) -> list[Episode]:
    """An announced encounter that a later report says took place ("two days after Trump's
    first meeting with Xi in Florida") is held, dated by its announcement. Returns the
    planned episodes that became held (removed from ``planned``)."""
    confirmed: list[Episode] = []
    for r in claims:
        if not r.held_claim or r.dated_by_text or r.back_reference in ("frequency", "perfect"):
            continue
        pub = _pub(r)
        if pub is None:
            continue
        window = (pub - timedelta(days=ATTACH_DAYS * 2), pub)
        for ep in sorted(planned.near(r.pair, *window), key=planned.order):
            start, end = ep.dates()
            if (
                start is not None
                and start <= pub <= end + timedelta(days=ATTACH_DAYS * 2)
                and _people_fit(ep, r)
                and _mode_fit(ep, r)
            ):
                ep.held.append(r)
                if ep not in confirmed:
                    confirmed.append(ep)
                break
    for ep in confirmed:
        planned.remove(ep)
    return confirmed


def _planned_for(r: Report, planned: EpisodeIndex) -> Episode | None:
    """A negation reported after a planned date (\"the meeting did not take place\")."""
    pub = _pub(r)
    if pub is None:
        return None
    for ep in planned.near(r.pair, pub - timedelta(days=14), pub + timedelta(days=3)):
        start, _ = ep.dates()
        if (
            set(ep.pair) == set(r.pair)
            and start
            and start - timedelta(days=3) <= pub <= start + timedelta(days=14)
        ):
            return ep
    return None
