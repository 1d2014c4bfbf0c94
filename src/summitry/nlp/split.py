"""A fast rule-based sentence splitter returning character offsets.

Only candidate sentences are parsed by spaCy later, so the splitter runs over every
document and must be cheap: one regex pass for boundary candidates, then a check that
the word before the period is not a known abbreviation ("Nov.", "U.S.", "Mr.").
"""

from __future__ import annotations

import re

_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sen",
    "rep",
    "gov",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "adm",
    "st",
    "jr",
    "sr",
    "rev",
    "hon",
    "pres",
    "amb",
    "mt",
    "ft",
    "vs",
    "etc",
    "inc",
    "corp",
    "co",
    "ltd",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thurs",
    "fri",
    "sat",
    "sun",
    "u.s",
    "u.n",
    "u.k",
    "e.u",
    "a.m",
    "p.m",
    "d.c",
    "i.e",
    "e.g",
    "approx",
    "dept",
    "est",
    "ala",
    "ariz",
    "calif",
    "colo",
    "conn",
    "fla",
    "ga",
    "ill",
    "ind",
    "kan",
    "ky",
    "la",
    "md",
    "mass",
    "mich",
    "minn",
    "miss",
    "mo",
    "mont",
    "neb",
    "nev",
    "okla",
    "ore",
    "pa",
    "tenn",
    "tex",
    "va",
    "vt",
    "wash",
    "wis",
    "wyo",
    "n.y",
    "n.j",
    "n.c",
    "s.c",
}
# A boundary candidate: terminal punctuation, optional closing quotes/brackets, whitespace,
# then something that can start a sentence (capital, digit, opening quote or bracket).
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
MAX_SENTENCE_CHARS = 2000


_DATELINE = re.compile(r"^\s*[A-Z][A-Z .,'’/-]{1,60}(?:\s*\([^)]{1,40}\))?\s+[-–—]\s+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) character offsets of the sentences in ``text``.

    Offsets are trimmed of surrounding whitespace; sentences longer than
    ``MAX_SENTENCE_CHARS`` (markup debris, tables) are cut into fixed-size pieces so no
    single span is pathological for the parser.
    """
    spans: list[tuple[int, int]] = []
    dl = _DATELINE.match(text[:120])
    start = dl.end() if dl else 0  # "MOSCOW (Reuters) - " is a dateline, not part of a sentence
    for m in _BOUNDARY.finditer(text, start):
        if text[m.start()] == ".":
            w = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
            if w:
                word = w.group(1).lower().rstrip(".")
                # single capital initials ("John F. Kennedy") and known abbreviations
                if word in _ABBREV or (len(word) == 1 and w.group(1).isupper()):
                    continue
        _add(spans, text, start, m.start() + len(m.group(0).rstrip()))
        start = m.end()
    _add(spans, text, start, len(text))
    return spans


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start, start + MAX_SENTENCE_CHARS)
        if cut <= start:
            cut = start + MAX_SENTENCE_CHARS
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))
