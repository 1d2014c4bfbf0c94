"""Group meeting reports into episodes: one per real encounter, with its status history.

Rules (rule id ``episodes:v1``):
- Held: asserted reports (or reports attributed to a participant's own side: "a White
  House official said") of the same pair and mode (call / in person) whose dates are at
  most ``MERGE_DAYS`` apart form one episode. Only reports dated by their own text (a
  date expression, or a dataset's event date) and dated as news (not more than
  ``BACKGROUND_DAYS`` before their document) can found an episode: a report whose date
  is only its document's publication date may be a passing back-reference.
- Reported / undated / background reports never found an episode; they attach to a held
  episode of the same pair whose dates they match (undated ones: from a document
  published during or within a week after it).
- Planned reports (intent, 036, modality planned) that are not back-references attach to
  the held episode of the same pair that follows within three weeks of their document;
  otherwise they found a planned episode at their (future) date. Negated / refused /
  denied reports attached to a held episode are kept as status items (e.g. "no formal
  bilateral meeting"); attached to a planned episode they make it cancelled (or postponed
  when the text says so).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from summitry.meetings.reports import Report

MERGE_DAYS = 1
PLAN_WINDOW_DAYS = 21
NEG_MODALITIES = ("negated", "refused", "denied")


@dataclass
class Episode:
    pair: tuple[str, ...]
    mode: str
    held: list[Report] = field(default_factory=list)
    attached: list[Report] = field(default_factory=list)  # reported / undated / background
    planned: list[Report] = field(default_factory=list)
    negated: list[Report] = field(default_factory=list)

    @property
    def reports(self) -> list[Report]:
        return self.held + self.attached + self.planned + self.negated

    @property
    def origin(self) -> str:
        origins = {r.origin for r in self.reports}
        return "extracted" if "extracted" in origins else "imported"

    def dates(self) -> tuple[date | None, date | None]:
        base = self.held or self.planned
        strong = [r.event_date for r in base if r.event_date and r.dated_by_text]
        dates = strong or [r.event_date for r in base if r.event_date]
        return (min(dates), max(dates)) if dates else (None, None)

    @property
    def status(self) -> str:
        return "held" if self.held else "planned"


def _pub(r: Report) -> date | None:
    return r.published or r.event_date


def build_episodes(reports: list[Report]) -> list[Episode]:
    """Cluster reports into episodes (see the module docstring for the rules)."""
    episodes: list[Episode] = []
    founders = [
        r
        for r in reports
        if r.modality == "asserted"
        and not r.is_intent
        and r.event_date is not None
        and r.dated_by_text
        and not r.background
    ]
    founders.sort(key=lambda r: (r.pair, r.mode, r.event_date, r.event_id))
    for r in founders:
        last = episodes[-1] if episodes else None
        if (
            last
            and last.pair == r.pair
            and last.mode == r.mode
            and r.event_date - last.dates()[1] <= timedelta(days=MERGE_DAYS)
        ):
            last.held.append(r)
        else:
            episodes.append(Episode(r.pair, r.mode, held=[r]))
    held_eps = list(episodes)
    # second pass: reports attributed to a participant's side found an episode only when
    # no asserted report covers them (their date may be the statement's, not the meeting's)
    for r in sorted(reports, key=lambda r: (r.event_date or date.min, r.event_id)):
        if (
            r in founders
            or r.modality != "reported"
            or not r.by_party
            or r.is_intent
            or r.event_date is None
            or not r.dated_by_text
            or r.background
            or r.future_tense
        ):
            continue
        ep = next(
            (
                e
                for e in held_eps
                if e.pair == r.pair
                and e.mode == r.mode
                and e.dates()[0] - timedelta(days=MERGE_DAYS)
                <= r.event_date
                <= e.dates()[1] + timedelta(days=MERGE_DAYS)
            ),
            None,
        )
        if ep is None:
            ep = Episode(r.pair, r.mode, held=[r])
            held_eps.append(ep)
        elif any(x.modality == "asserted" for x in ep.held):
            ep.attached.append(r)
        else:
            ep.held.append(r)
        founders.append(r)

    def match_held(r: Report, modes: tuple[str, ...]) -> Episode | None:
        best = None
        for ep in held_eps:
            if ep.pair != r.pair or ep.mode not in modes:
                continue
            start, end = ep.dates()
            if r.event_date is not None and r.dated_by_text:
                ok = (
                    start - timedelta(days=MERGE_DAYS)
                    <= r.event_date
                    <= end + timedelta(days=MERGE_DAYS)
                )
            else:
                pub = _pub(r)
                ok = pub is not None and start <= pub <= end + timedelta(days=7)
            if ok and (
                best is None
                or abs((start - (r.event_date or start)).days)
                < abs((best.dates()[0] - (r.event_date or start)).days)
            ):
                best = ep
        return best

    def match_upcoming(r: Report, pool: list[Episode]) -> Episode | None:
        pub = _pub(r)
        if pub is None:
            return None
        modes = (r.mode,) if r.mode == "call" else ("in_person", "call")
        cands = []
        for ep in pool:
            start, _ = ep.dates()
            if (
                ep.pair == r.pair
                and ep.mode in modes
                and start is not None
                and pub - timedelta(days=1) <= start <= pub + timedelta(days=PLAN_WINDOW_DAYS)
            ):
                cands.append((ep.mode != r.mode, abs((start - (r.event_date or pub)).days), ep))
        return min(cands, key=lambda c: c[:2])[2] if cands else None

    rest = [r for r in reports if r not in founders]
    rest.sort(key=lambda r: (_pub(r) or date.min, r.event_id))
    planned_eps: list[Episode] = []
    for r in rest:
        if r.modality in NEG_MODALITIES:
            continue
        if r.is_intent or r.modality in ("planned", "hypothetical"):
            if r.modality == "hypothetical" or r.background:
                continue  # a possibility, or a back-reference ("a March 2016 meeting ...")
            ep = match_upcoming(r, held_eps)
            if ep is not None:
                ep.planned.append(r)
                continue
            if r.event_date is None or (
                r.published and r.event_date < r.published - timedelta(days=1)
            ):
                continue  # an undated or past intention: no episode of its own
            ep = match_upcoming(r, planned_eps) or next(
                (
                    p
                    for p in planned_eps
                    if p.pair == r.pair
                    and p.mode == r.mode
                    and abs((p.dates()[0] - r.event_date).days) <= 3
                ),
                None,
            )
            if ep is None:
                ep = Episode(r.pair, r.mode)
                planned_eps.append(ep)
            ep.planned.append(r)
        else:
            ep = match_held(r, (r.mode,))
            if ep is not None:
                ep.attached.append(r)
    for r in rest:
        if r.modality not in NEG_MODALITIES:
            continue
        ep = (
            match_held(r, ("in_person", "call"))
            or match_upcoming(r, planned_eps)
            or _planned_for(r, planned_eps)
        )
        if ep is not None:
            ep.negated.append(r)
    return held_eps + planned_eps


def _planned_for(r: Report, planned: list[Episode]) -> Episode | None:
    """A negation reported after a planned date (\"the meeting did not take place\")."""
    pub = _pub(r)
    for ep in planned:
        start, _ = ep.dates()
        if (
            ep.pair == r.pair
            and start
            and pub
            and start - timedelta(days=3) <= pub <= start + timedelta(days=14)
        ):
            return ep
    return None
