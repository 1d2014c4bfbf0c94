"""What followed each meeting, area by area, within 30 and 90 days (never "caused")."""

from __future__ import annotations

from summitry.analysis.facts import WINDOWS, Followed, ImpactFact, facts_after
from summitry.report.cards import long_date, sentence, short_date
from summitry.report.labels import area_labels, format_word, implemented_word
from summitry.report.model import Claim, FollowedFact, MeetingCard, MeetingFollowUps
from summitry.report.references import References


def fact_claim(f: ImpactFact, refs: References) -> Claim:
    text = f.title.rstrip(".")
    if f.end and f.end != f.start:
        text += f" ({short_date(f.start)} – {short_date(f.end)})"
    else:
        text += f" ({short_date(f.start)})"
    if f.status:
        text += f"; status: {f.status.replace('_', ' ')}"
    return Claim(sentence(text), [refs.cite_url(f.source_url, "curated", f.title)], "curated")


def _followed(x: Followed, refs: References, labels: dict[str, str]) -> FollowedFact:
    return FollowedFact(
        x.fact.area,
        labels.get(x.fact.area, x.fact.area.replace("_", " ")),
        x.fact.start,
        x.days_after,
        x.window,
        fact_claim(x.fact, refs),
        x.linked,
    )


def meeting_followups(
    cards: list[MeetingCard],
    facts: list[ImpactFact],
    refs: References,
    windows: tuple[int, ...] = WINDOWS,
) -> tuple[list[MeetingFollowUps], list[str]]:
    """For each held meeting, the facts that began within the windows after it; and the
    meetings after which nothing recorded followed."""
    labels = area_labels()
    out, quiet = [], []
    for c in cards:
        m = c.meeting
        if m.status != "held" or m.start is None:
            continue
        label = f"{m.title or format_word(m.format).capitalize()}"
        found = facts_after(m.meeting_id, m.start, m.end, facts, windows)
        if not found:
            quiet.append(f"{label} ({short_date(m.start)})")
            continue
        out.append(
            MeetingFollowUps(
                m.meeting_id, label, m.start, [_followed(x, refs, labels) for x in found]
            )
        )
    return out, quiet


def follow_up_of(
    meeting_id: str, facts: list[ImpactFact], refs: References
) -> tuple[list[Claim], str | None]:
    """The facts that name a meeting as related, and whether they say it was implemented."""
    related = [f for f in facts if meeting_id in f.related_meetings]
    verdicts = [v for f in related if (v := implemented_word(f.status))]
    claims = [
        Claim(
            sentence(f"{long_date(f.start)}: {f.title.rstrip('.')}"),
            [refs.cite_url(f.source_url, "curated", f.title)],
            "curated",
        )
        for f in related
    ]
    return claims, (verdicts[-1] if verdicts else None)
