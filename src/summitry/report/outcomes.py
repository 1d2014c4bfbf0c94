"""The outcomes table: each outcome or explicit non-outcome, implemented or not, follow-up."""

from __future__ import annotations

from summitry.analysis.facts import ImpactFact
from summitry.report.cards import meeting_label
from summitry.report.followups import follow_up_of
from summitry.report.model import MeetingCard, OutcomeRow
from summitry.report.references import References


def outcome_rows(
    cards: list[MeetingCard], facts: list[ImpactFact], refs: References
) -> list[OutcomeRow]:
    rows = []
    for c in cards:
        for rec in c.records:
            m = rec.meeting
            items = m.of_kind("outcome", "non_outcome")
            follow, verdict = follow_up_of(m.meeting_id, facts, refs)
            for it, claim in zip(items, rec.outcomes, strict=True):
                none = it.kind == "non_outcome"
                rows.append(
                    OutcomeRow(
                        when=it.item_date or m.start,
                        meeting=meeting_label(m),
                        anchor=c.meeting.meeting_id,
                        kind=it.kind,
                        type_text=(it.value or it.kind).replace("_", " "),
                        claim=claim,
                        implemented="not applicable" if none else (verdict or "not recorded"),
                        follow_up=[] if none else follow,
                    )
                )
    return rows
