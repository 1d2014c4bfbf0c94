"""Find and resolve date expressions against a document's publication date.

News convention: a bare weekday ("on Monday", "Sunday") means the most recent such day
on or before publication (the next one with ``prefer_future``, for a sentence about what
will happen); "last week" / "earlier this month" resolve to the start of that period and
``until`` gives its last day, with ``precision`` (day, week, month, year) saying how much
is known; explicit dates ("on Nov. 21", "Oct. 3, 2017", "in October") take their year from
publication, moving back a year when the result would be far after publication; "this
morning", "earlier today", "three days ago" count from publication. Explicit dates are
parsed with dateutil; nothing is ever resolved against today's date.
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
            rf"\b(?P<m>{_MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
            r"(?:\s*[-\u2013]\s*(?P<d2>\d{1,2})\b)?"  # "January 9-10, 2023": the days of a span
            r"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b"
        ),
    ),
    ("dmy", re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH_RE})(?:\s+(?P<y>(?:19|20)\d\d))?\b")),
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mo>\d\d)-(?P<d>\d\d)\b")),
    (
        "rel_day",
        re.compile(
            r"\b(?P<w>yesterday|today|tomorrow|tonight|last night|last evening|"
            r"(?:earlier |early |late |later )?this (?:morning|afternoon|evening)|overnight)\b",
            re.I,
        ),
    ),
    (
        "ago",
        re.compile(
            r"\b(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|a few|"
            r"several) (?P<u>days?|weeks?|months?) ago\b",
            re.I,
        ),
    ),
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
            r"|earlier in the|past|over the|at the)"
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
    until: date | None = None  # last day of the period the expression names
    precision: str = "day"  # day | week | month | year: how much the expression tells

    @property
    def span_days(self) -> int:
        """Days the expression leaves open (1 for a day)."""
        if self.value is None or self.until is None:
            return 1
        return (self.until - self.value).days + 1


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


_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


@dataclass(frozen=True)
class _Resolved:
    value: date | None
    future: bool = False
    until: date | None = None
    precision: str = "day"


def _month_end(d: date) -> date:
    return (d.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _explicit(kind: str, g: dict, published: date | None) -> _Resolved:
    if kind == "iso":
        try:
            return _Resolved(date(int(g["y"]), int(g["mo"]), int(g["d"])))
        except ValueError:
            return _Resolved(None)
    month, day = _month(g["m"]), int(g["d"])
    year = int(g["y"]) if g.get("y") else (_year_for(month, day, published) if published else None)
    if year is None:
        return _Resolved(None)
    try:
        value = du_parser.parse(f"{year}-{month:02d}-{day:02d}").date()
        last = date(year, month, int(g["d2"])) if g.get("d2") else None
    except (ValueError, OverflowError):
        return _Resolved(None)
    if last is not None and last > value:
        return _Resolved(value, bool(published and value > published), last)
    return _Resolved(value, bool(published and value > published))


def _rel_day(g: dict, published: date) -> _Resolved:
    w = " ".join(g["w"].lower().split())
    delta = {"yesterday": -1, "last night": -1, "last evening": -1, "tomorrow": 1}.get(w, 0)
    return _Resolved(published + timedelta(days=delta), delta > 0)


def _ago(g: dict, published: date) -> _Resolved:
    n_text, unit = g["n"].lower(), g["u"].lower()
    if n_text in ("a few", "several"):
        n, slack = 3, 2  # "a few days ago": two to five days
    else:
        n, slack = (int(n_text) if n_text.isdigit() else _NUMBERS[n_text]), 0
    if unit.startswith("day"):
        mid = published - timedelta(days=n)
        return _Resolved(mid - timedelta(days=slack), until=mid + timedelta(days=slack))
    if unit.startswith("week"):
        mid = published - timedelta(days=7 * n)
        return _Resolved(mid - timedelta(days=3), until=mid + timedelta(days=3), precision="week")
    first = published.replace(day=1)
    for _ in range(n):
        first = (first - timedelta(days=1)).replace(day=1)
    return _Resolved(first, until=_month_end(first), precision="month")


def _weekday(g: dict, published: date, prefer_future: bool) -> _Resolved:
    wd = _WEEKDAYS.index(g["w"].lower())
    q = (g.get("q") or "").lower()
    back = (published.weekday() - wd) % 7
    if q == "next" or (prefer_future and q != "last"):
        ahead = (wd - published.weekday()) % 7
        if q == "next" and ahead == 0:
            ahead = 7
        return _Resolved(published + timedelta(days=ahead), ahead > 0)
    if q == "last" and back == 0:
        back = 7
    return _Resolved(published - timedelta(days=back))


def _week(q: str, p: str, published: date) -> _Resolved:
    monday = published - timedelta(days=published.weekday())
    if q.startswith("last") or q in ("late last", "past"):
        monday -= timedelta(days=7)
    elif "next" in q:
        monday += timedelta(days=7)
    future = "next" in q or q == "later this"
    if p == "weekend" or q == "over the" and p == "weekend":
        sat = monday + timedelta(days=5)
        if q in ("over the", "at the", "this") and sat > published:
            sat -= timedelta(days=7)  # "over the weekend" in a weekday report: the last one
        return _Resolved(sat, future, sat + timedelta(days=1), "week")
    end = monday + timedelta(days=6)
    if q == "earlier this":
        end = published
    elif q == "later this":
        monday = published
    return _Resolved(monday, future, end, "week")


def _rel_period(g: dict, published: date) -> _Resolved:
    q, p = " ".join(g["q"].lower().split()), g["p"].lower()
    nxt = q.startswith("next") or q.startswith("early next") or q == "later this"
    if p in ("week", "weekend"):
        return _week(q, p, published)
    if q in ("over the", "at the"):
        return _Resolved(None)
    if p == "month":
        first = published.replace(day=1)
        if "last" in q or q == "past":
            first = (first - timedelta(days=1)).replace(day=1)
        elif "next" in q:
            first = (first + timedelta(days=32)).replace(day=1)
        end = published if q in ("earlier this", "earlier in the") else _month_end(first)
        return _Resolved(first, nxt, end, "month")
    year = published.year - ("last" in q or q == "past") + ("next" in q)
    return _Resolved(date(year, 1, 1), nxt, date(year, 12, 31), "year")


def _month_expr(g: dict, published: date) -> _Resolved:
    month = _month(g["m"])
    year = int(g["y"]) if g.get("y") else _year_for(month, 1, published)
    value = date(year, month, 1)
    q = g["q"].lower()
    future = q == "next" or (not g.get("y") and value > published)
    start, end = value, _month_end(value)
    if q == "early":
        end = value.replace(day=10)
    elif q == "late":
        start = value.replace(day=20)
    elif q == "mid-":
        start, end = value.replace(day=10), value.replace(day=20)
    return _Resolved(start, future, end, "month")


def _resolve(
    kind: str, m: re.Match[str], published: date | None, prefer_future: bool = False
) -> _Resolved:
    g = m.groupdict()
    if kind in ("iso", "mdy", "dmy"):
        return _explicit(kind, g, published)
    if kind == "year":
        y = int(g["y"])
        return _Resolved(
            date(y, 1, 1), bool(published and y > published.year), date(y, 12, 31), "year"
        )
    if published is None:
        return _Resolved(None)
    handlers = {
        "rel_day": lambda: _rel_day(g, published),
        "ago": lambda: _ago(g, published),
        "weekday": lambda: _weekday(g, published, prefer_future),
        "rel_period": lambda: _rel_period(g, published),
        "month": lambda: _month_expr(g, published),
    }
    return handlers[kind]() if kind in handlers else _Resolved(None)


def find_dates(
    text: str, published: date | None, offset: int = 0, prefer_future: bool = False
) -> list[DateMention]:
    """All non-overlapping date expressions in ``text`` (offsets shifted by ``offset``).
    ``prefer_future``: the text speaks of what will happen, so a bare weekday is the next
    one (today included), not the last."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pat in _PATTERNS:
        for m in pat.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            r = _resolve(kind, m, published, prefer_future)
            taken.append((s, e))
            found.append(
                DateMention(
                    m.group(0),
                    s + offset,
                    e + offset,
                    r.value,
                    kind,
                    r.future,
                    r.until,
                    r.precision,
                )
            )
    found.sort(key=lambda d: d.start)
    return found
