"""The one data-limits box, and what to ingest or import to fill a thin briefing."""

from __future__ import annotations

from datetime import date

from summitry.analysis.dyad import Dyad
from summitry.report.gather import Inputs
from summitry.report.model import Briefing


def data_limits(b: Briefing, inputs: Inputs, measured_limits: list[str]) -> list[str]:
    """Everything the data cannot support, said once."""
    out = []
    m = b.impact.measured
    if m.index is not None and m.index.insufficient:
        out.append(
            "No measured before/after change, relationship index or comparison of other "
            f"countries can be given: {m.index.insufficient.reason}."
        )
    out += measured_limits
    if "curated" in b.sources and not inputs.facts:
        out.append(
            "No curated facts of what followed (UN Security Council votes, sanctions, "
            "expulsions, prisoner exchanges, ceasefires, NATO decisions, arms control) are "
            "recorded for this pair."
        )
    if b.cards and not b.positions:
        out.append("No stated positions of either side are recorded for these meetings.")
    if b.cards and not any(b.statements.values()):
        out.append(
            "No quoted statements: they come from news text ingested and coded into the store."
        )
    if inputs.pack.get("as_of"):
        out.append(
            f"The knowledge pack (version {inputs.pack.get('version')}) was checked up to "
            f"{inputs.pack['as_of']:%d %B %Y}; later meetings appear only from ingested or "
            "imported data."
        )
    return out


def what_to_add(dyad: Dyad, inputs: Inputs, overlap: tuple[date, date] | None) -> list[str]:
    """Commands that would give the briefing more to say about the pair."""
    span = (
        f" --from {overlap[0]:%Y-%m-%d} --to {overlap[1]:%Y-%m-%d}"
        if overlap
        else " --from … --to …"
    )
    out = []
    if not inputs.encounters:
        out.append(
            "News text that reports their meetings and calls (wire stories, official readouts): "
            "summitry ingest FILES, then summitry code and summitry meetings."
        )
    if not inputs.has_events:
        out.append(
            "Event data for the two countries: summitry import gdelt FILES (or icews, polecat), "
            f"or summitry gdelt fetch{span}."
        )
    if overlap:
        out.append(
            f"Both held office together from {overlap[0]:%d %B %Y} to {overlap[1]:%d %B %Y}: "
            "that is the period worth covering."
        )
    return out
