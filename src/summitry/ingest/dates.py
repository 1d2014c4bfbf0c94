"""Publication dates: from metadata, then the record's own field, then the text's dateline.

ISO dates take a fast path; anything else is parsed with dateparser (cached, since feeds and
tables repeat the same strings). In the text only the opening ``DATELINE_CHARS`` characters
are searched, and only for a full date with a year (a cheap regex finds the span,
dateparser reads it): a bare "Tuesday" or "Nov 21" is not enough. Nothing is ever resolved
against today's date: an undated document keeps ``published`` NULL and source ``none``.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from functools import lru_cache

from summitry.ingest.model import Record

DATELINE_CHARS = 400
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T ]|\s)")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_TEXT_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?:19|20)\d{{2}}"
    r"|(?:19|20)\d{2}-\d{2}-\d{2})\b",
    re.IGNORECASE,
)
_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": ["day", "month", "year"],
}


@lru_cache(maxsize=65_536)
def parse_date(value: str) -> date | None:
    """A calendar date from a date/time string, or None when it is not one."""
    value = value.strip()
    if not value or len(value) > 100:  # no date is written in more than 100 characters
        return None
    m = _ISO.match(value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    if value.isdigit() and len(value) >= 9:  # Unix epoch seconds (or ms)
        seconds = int(value) / (1000 if len(value) >= 13 else 1)
        try:
            found = datetime.fromtimestamp(seconds, tz=UTC).date()
        except (OverflowError, OSError, ValueError):  # far outside any calendar
            return None
        return found if 1800 <= found.year <= 2200 else None
    # dateparser: 0.1 s to import, only for dates the fast parser does not read
    import dateparser

    try:
        parsed = dateparser.parse(value, languages=["en"], settings=_SETTINGS)
    except (OverflowError, OSError, ValueError, RecursionError):
        return None
    if parsed is None or not 1800 <= parsed.year <= 2200:
        return None
    return parsed.date()


def date_from_text(text: str) -> tuple[date, str] | None:
    """The first full date in the opening of ``text`` and the span that gave it."""
    for m in _TEXT_DATE.finditer(text, 0, DATELINE_CHARS):
        found = parse_date(m.group(0))
        if found is not None:
            return found, m.group(0)
    return None


def resolve(
    record: Record, warnings: list[str] | None = None
) -> tuple[date | None, str, str | None]:
    """(published, published_source, published_evidence) for ``record``."""
    if record.meta_date is not None:
        return record.meta_date, "metadata", record.meta_evidence
    if record.field_value is not None:
        found = parse_date(record.field_value)
        if found is not None:
            return found, "field", record.field_name
        if warnings is not None:
            warnings.append(
                f"{record.record_ref or 'record'}: field {record.field_name!r}: "
                f"{record.field_value[:40]!r} is not a date; looked in the text instead"
            )
    hit = date_from_text(record.text)
    if hit is not None:
        return hit[0], "text", hit[1]
    return None, "none", None
