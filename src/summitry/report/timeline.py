"""The timeline entries and the venues of the in-person meetings, from the cards."""

from __future__ import annotations

from summitry.geo import lookup_place
from summitry.report.model import MeetingCard, TimelineEntry, Venue


def outcome_kind(card: MeetingCard) -> str:
    """agreement when any record has an outcome, no_agreement for an explicit non-outcome."""
    kinds = {it.kind for r in card.records for it in r.meeting.of_kind("outcome", "non_outcome")}
    if "outcome" in kinds:
        return "agreement"
    return "no_agreement" if "non_outcome" in kinds else "none"


def timeline_entries(cards: list[MeetingCard]) -> list[TimelineEntry]:
    out = []
    for c in cards:
        m = c.meeting
        if m.start is None:
            continue
        out.append(
            TimelineEntry(
                start=m.start,
                end=m.end or m.start,
                label=m.city or (m.title or m.format),
                format=m.format,
                status=m.status,
                outcome=outcome_kind(c),
                in_person=m.format != "call",
                anchor=m.meeting_id,
            )
        )
    return out


def venues(cards: list[MeetingCard]) -> list[Venue]:
    """One venue per place of held in-person meetings, with coordinates from the record or
    the offline gazetteer (places it cannot locate are left off the map)."""
    by_place: dict[tuple[str, str | None], Venue] = {}
    for c in cards:
        m = c.meeting
        if m.format == "call" or m.status != "held" or not m.city or m.start is None:
            continue
        key = (m.city, m.country)
        if key not in by_place:
            lat, lon = _coordinates(c)
            if lat is None or lon is None:
                continue
            by_place[key] = Venue(m.city, m.country, lat, lon, [], [])
        by_place[key].dates.append(m.start)
        by_place[key].refs.append(c.ref)
    return list(by_place.values())


def _coordinates(c: MeetingCard) -> tuple[float | None, float | None]:
    m = c.meeting
    if m.lat is not None and m.lon is not None:
        return m.lat, m.lon
    place = lookup_place(m.city, m.country)
    return (place.lat, place.lon) if place else (None, None)
