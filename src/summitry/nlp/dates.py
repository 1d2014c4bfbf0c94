"""Find and resolve date expressions against a document's publication date.

News convention: a bare weekday ("on Monday", "Sunday") means the most recent such day
on or before publication; "last week" / "earlier this month" resolve to the start of
that period (the span is kept so readers can judge); explicit dates ("on Nov. 21",
"Oct. 3, 2017", "in October") take their year from publication, moving back a year
when the result would be far after publication. Explicit dates are parsed with
dateutil; nothing is ever resolved against today's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil import parser as du_parser

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH_RE = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|Jun\.|July|Jul\.|"
    r"Aug(?:ust|\.)?|Sept(?:ember|\.)?|Sep\.|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "mdy",
        re.compile(
            rf"\b(?P<m>{_MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)\d\d))?\b"
        ),
    ),
    ("dmy", re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH_RE})(?:\s+(?P<y>(?:19|20)\d\d))?\b")),
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mo>\d\d)-(?P<d>\d\d)\b")),
    ("rel_day", re.compile(r"\b(?P<w>yesterday|today|tomorrow|tonight|last night)\b", re.I)),
    (
        "weekday",
        re.compile(
            r"\b(?:(?P<q>last|next|this|on|late|early)\s+)?(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?\b"
        ),
    ),
    (
        "rel_period",
        re.compile(
            r"\b(?P<q>last|next|this|earlier this|later this|early next|late last"
            r"|earlier in the|past)"
            r"\s+(?P<p>week|month|year|weekend)\b",
            re.I,
        ),
    ),
    (
        "month",
        re.compile(
            rf"\b(?P<q>in|since|during|by|until|early|late|mid-|last|next)\s+(?P<m>{_MONTH_RE})(?:\s+(?P<y>(?:19|20)\d\d))?\b"
        ),
    ),
    ("year", re.compile(r"\bin\s+(?P<y>(?:19|20)\d\d)\b")),
]


@dataclass(frozen=True)
class DateMention:
    """A date expression found in text and its resolution (None when unresolvable)."""

    text: str
    start: int
    end: int
    value: date | None
    kind: str  # which pattern: mdy, weekday, rel_period, ...
    future: bool = False  # the expression itself points forward ("next week", "tomorrow")


def _month(tok: str) -> int:
    return _MONTHS[tok.lower().rstrip(".")]


def _year_for(month: int, day: int, published: date) -> int:
    """Year for a month/day given without one: the publication year, or the previous year
    when that would put the date more than ~5 months after publication."""
    y = published.year
    try:
        cand = date(y, month, day)
    except ValueError:
        return y
    if (cand - published).days > 160:
        return y - 1
    if (published - cand).days > 300:  # "on Jan. 3" in a late-December report
        return y + 1
    return y


def _resolve(kind: str, m: re.Match[str], published: date | None) -> tuple[date | None, bool]:
    g = m.groupdict()
    if kind == "iso":
        try:
            return date(int(g["y"]), int(g["mo"]), int(g["d"])), False
        except ValueError:
            return None, False
    if kind in ("mdy", "dmy"):
        month, day = _month(g["m"]), int(g["d"])
        year = (
            int(g["y"]) if g.get("y") else (_year_for(month, day, published) if published else None)
        )
        if year is None:
            return None, False
        try:
            value = du_parser.parse(f"{year}-{month:02d}-{day:02d}").date()
        except (ValueError, OverflowError):
            return None, False
        return value, bool(published and value > published)
    if published is None:
        return None, False
    if kind == "rel_day":
        w = g["w"].lower()
        delta = {"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "tomorrow": 1}[w]
        return published + timedelta(days=delta), delta > 0
    if kind == "weekday":
        wd = _WEEKDAYS.index(g["w"].lower())
        q = (g.get("q") or "").lower()
        back = (published.weekday() - wd) % 7
        if q == "next":
            ahead = (wd - published.weekday()) % 7 or 7
            return published + timedelta(days=ahead), True
        if q == "last" and back == 0:
            back = 7
        return published - timedelta(days=back), False
    if kind == "rel_period":
        q, p = g["q"].lower(), g["p"].lower()
        nxt = q.startswith("next") or q.startswith("early next") or q == "later this"
        if p in ("week", "weekend"):
            monday = published - timedelta(days=published.weekday())
            if q.startswith("last") or q == "late last" or q == "past":
                return monday - timedelta(days=7), False
            if "next" in q:
                return monday + timedelta(days=7), True
            return monday, nxt
        if p == "month":
            first = published.replace(day=1)
            if "last" in q or q == "past":
                return (first - timedelta(days=1)).replace(day=1), False
            if "next" in q:
                return (first + timedelta(days=32)).replace(day=1), True
            return first, nxt
        if p == "year":
            if "last" in q or q == "past":
                return date(published.year - 1, 1, 1), False
            if "next" in q:
                return date(published.year + 1, 1, 1), True
            return date(published.year, 1, 1), nxt
    if kind == "month":
        month = _month(g["m"])
        year = int(g["y"]) if g.get("y") else _year_for(month, 1, published)
        value = date(year, month, 1)
        q = g["q"].lower()
        if q == "next" or (not g.get("y") and value > published):
            return value, True
        return value, False
    if kind == "year":
        return date(int(g["y"]), 1, 1), int(g["y"]) > published.year
    return None, False


def find_dates(text: str, published: date | None, offset: int = 0) -> list[DateMention]:
    """All non-overlapping date expressions in ``text`` (offsets shifted by ``offset``)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pat in _PATTERNS:
        for m in pat.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            value, future = _resolve(kind, m, published)
            taken.append((s, e))
            found.append(DateMention(m.group(0), s + offset, e + offset, value, kind, future))
    found.sort(key=lambda d: d.start)
    return found
