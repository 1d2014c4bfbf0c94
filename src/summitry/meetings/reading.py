"""How a report's sentence speaks of its encounter (rules ``reading:v1``, words in
``data/meetings/cues.yaml``): call or in person, a reference back to an earlier encounter
rather than news of one, and a negation about a topic that still presupposes the meeting.

Only the words around the event's trigger are read (the clause it sits in), so "Trump, who
met Putin in Helsinki, spoke to Xi by phone" gives an in-person back-reference for the
first event and a call for the second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

import yaml

from summitry.geo import lookup_place
from summitry.nlp.dates import find_dates

RULE = "reading:v1"


def _alternation(words: list[str]) -> str:
    parts = []
    for w in sorted(words, key=len, reverse=True):
        body = re.escape(w.rstrip("*")).replace(r"\ ", r"\s+")
        parts.append(body + (r"\w*" if w.endswith("*") else ""))
    return r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])"


@dataclass(frozen=True)
class Cues:
    call_strong: re.Pattern[str]
    call_weak: re.Pattern[str]
    call_trigger: re.Pattern[str]
    in_person_trigger: re.Pattern[str]
    in_person: re.Pattern[str]
    back_frequency: re.Pattern[str]
    back_conjunctions: re.Pattern[str]
    back_ordinals: re.Pattern[str]
    perfect: re.Pattern[str]
    relative: re.Pattern[str]
    topic_verbs: re.Pattern[str]
    encounter_nouns: re.Pattern[str]
    separate: re.Pattern[str]


@cache
def cues() -> Cues:
    """The cue lists of ``data/meetings/cues.yaml``, compiled once."""
    text = resources.files("summitry").joinpath("data/meetings/cues.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return Cues(**{k: re.compile(_alternation(v), re.I) for k, v in data.items()})


@dataclass(frozen=True)
class Reading:
    mode: str | None  # call | in_person | None (the sentence does not say)
    mode_strength: str  # trigger | sentence | weak | none
    back_reference: str | None  # frequency | clause | perfect | relative | None
    presupposed: bool  # a negated topic verb at a named encounter: the meeting took place
    separate: bool  # the sentence says the meetings were separate / bilateral
    definite: bool = False  # a noun trigger naming a known encounter ("the summit between")
    date_in_clause: bool = True  # the report's date expression is in the trigger's clause
    news_date: str | None = None  # "on Sunday" of "on Sunday when X met Y": its date
    own: bool = False  # "his meeting with X": a participant's encounter, told as a circumstance


def _clause(sentence: str, start: int, end: int) -> tuple[str, str, str]:
    """(before, trigger, after) within the trigger's clause: cut at sentence punctuation
    that usually ends a clause (; : — and a comma before a conjunction)."""
    start, end = max(0, min(start, len(sentence))), max(0, min(end, len(sentence)))
    before, after = sentence[:start], sentence[end:]
    cut = max(before.rfind(";"), before.rfind(":"), before.rfind(" — "), before.rfind(" - "))
    before = before[cut + 1 :] if cut >= 0 else before
    m = re.search(r";|:|\s—\s|\s-\s|,\s+(?:and|but|while|whereas)\s", after)
    after = after[: m.start()] if m else after
    return before, sentence[start:end], after


_PLACE = re.compile(r"\b(?:in|at)\s+((?:[A-Z][\w'’.-]+)(?:\s+[A-Z][\w'’.-]+){0,2})")


def _names_a_place(text: str) -> bool:
    """ "in Munich", "at Camp David": the clause places the leaders somewhere."""
    for m in _PLACE.finditer(text):
        words = m.group(1).rstrip(".")
        if find_dates(words, None) or words.split()[0] in _NOT_PLACES:
            continue
        if lookup_place(words) is not None:
            return True
    return False


_NOT_PLACES = {"English", "French", "Russian", "Spanish", "Arabic", "Chinese", "Parliament"}


# where a report's topic starts: "to discuss", "about trade", "ahead of the vote"; not
# "for about an hour" (a duration)
_DURATION = r"(?:an?|half an|\d+|one|two|three|four|five|ten|twenty|thirty|forty|fifty|ninety)"
_TOPIC_START = re.compile(
    # "to" starts a topic only as an infinitive ("to discuss"), not before the person or
    # place it leads to ("spoke to Putin by phone on Thursday", "welcomed him to Sochi")
    r"\s(?:to(?!\s+(?:the|a|an|his|her|their|its|him|them|us|me|each|[A-Z]\w*)\b)"
    rf"|about(?!\s+{_DURATION}\s+(?:hours?|minutes?)\b)"
    r"|regarding|concerning|as part of|following|ahead of|amid|which|that|who|on how)\s",
)


def _mode(trigger: str, before: str, after: str, sentence: str) -> tuple[str | None, str]:
    """Call or in person: the trigger first, then the sentence's call words, then words
    that place the leaders together in the clause up to where its topic starts ("spoke
    today with Kishida to commend him on the Games in Tokyo" is no meeting in Tokyo)."""
    c = cues()
    m = _TOPIC_START.search(after)
    after = after[: m.start()] if m else after
    if c.call_strong.search(trigger + after[:25]) or c.call_trigger.fullmatch(trigger.strip()):
        return "call", "trigger"  # "called", "received a call from", "held a phone call"
    if c.in_person.search(trigger) or c.in_person_trigger.fullmatch(trigger.strip()):
        return "in_person", "trigger"
    if c.call_strong.search(sentence):
        return "call", "sentence"
    if c.in_person.search(before + " " + after) or _names_a_place(after):
        return "in_person", "sentence"
    if c.call_weak.search(trigger):
        return "call", "weak"
    return None, "none"


def _back_reference(before: str, trigger: str, after: str) -> str | None:
    c = cues()
    near_before = before[-60:]
    if c.back_frequency.search(near_before + " " + trigger + " " + after[:80]) or re.search(
        r"\bbefore\s*(?:[,.;:]|$)", after[:80], re.I
    ):
        return "frequency"
    governed = re.search(
        c.back_conjunctions.pattern + r"\s+(?:[\w'’.-]+\s+){0,5}$", near_before, re.I
    )
    if governed and news_when(near_before[: governed.start()], governed.group(0)):
        governed = None
    ordinal = re.search(
        c.back_ordinals.pattern + r"(?:\s+[\w-]+)?\s*$", near_before[-30:], re.I
    ) or c.back_ordinals.search(trigger)
    if governed or ordinal:
        return "clause"
    if re.search(
        c.perfect.pattern + r"(?:\s+\w+ly)?\s*$", near_before, re.I
    ) and not _NOUN_TRIGGER.match(trigger.strip()):  # "had talks": a light verb, no perfect
        return "perfect"
    if re.search(r",\s*" + c.relative.pattern + r"(?:\s+\w+){0,2}\s*$", near_before, re.I):
        return "relative"
    return None


_SOME_DAY = date(2001, 1, 10)  # any day: only the length of the period is read
_NEWS_WHEN_DAYS = 7  # "last year when ..." is background, "on Sunday when ..." news


def news_when(before: str, clause: str) -> str | None:
    """ "... on Sunday when Xi met Trong", "earlier this week, when Abe called Moon": a
    "when" right after a date expression says when the news happened, not that the
    encounter is an earlier one. The date expression, else None."""
    if not re.match(r"when\b", clause, re.I):
        return None
    head = before.rstrip().rstrip(",").rstrip()[-40:]
    return next(
        (
            d.text
            for d in find_dates(head, _SOME_DAY)
            if d.end == len(head) and d.value is not None and d.span_days <= _NEWS_WHEN_DAYS
        ),
        None,
    )


_NOUN_TRIGGER = re.compile(
    r"^(?:meeting|meetings|summit|summits|talks|call|calls|conversation|visit|encounter|"
    r"chat|dinner|lunch|breakfast)$",
    re.I,
)
_DEFINITE = re.compile(
    r"\b(?:the|their|his|her|its|this|that|these|those|last|recent|previous|earlier)"
    r"(?:\s+[\w-]+){0,2}\s*$",
    re.I,
)


_OWN_WITH = re.compile(r"\b(?:his|her)\s*$", re.I)
_WITH = re.compile(r"^\s*(?:by\s+(?:phone|telephone|video)\s+)?with\b", re.I)


def _definite(before: str, trigger: str, after: str) -> bool:
    """A noun trigger naming a known encounter ("the summit between", "their talks"); a
    participant's own encounter with a named partner ("during his meeting with X",
    "following her talks with X") only describes one and is not definite."""
    if not (_NOUN_TRIGGER.match(trigger.strip()) and _DEFINITE.search(before[-40:])):
        return False
    return not _own(before, trigger, after)


def _own(before: str, trigger: str, after: str) -> bool:
    """ "his meeting with X", "her talks with X": a noun trigger owned by one participant
    with the other named after it."""
    return bool(
        _NOUN_TRIGGER.match(trigger.strip()) and _OWN_WITH.search(before) and _WITH.match(after)
    )


def _date_in_clause(sentence: str, t0: int, t1: int, d0: int | None, d1: int | None) -> bool:
    """The date expression lies in the trigger's clause (not "..., as announced in March")."""
    if d0 is None or d1 is None:
        return True
    lo, hi = min(t0, d0), max(t1, d1)
    between = sentence[lo:hi]
    if re.search(
        r"[;:]|,\s+(?:as|which|who|when|after|before|while|and|but|following)\b|\(|,\s+\w+ing\b",
        between,
    ):
        return False
    # a date after the trigger, past the start of its topic, dates the topic ("discussed
    # the flaws that accompanied the July 28 election")
    return d0 < t0 or not _TOPIC_START.search(" " + sentence[t1:d0] + " ")


def read(
    sentence: str | None,
    trigger_start: int | None,
    trigger_end: int | None,
    trigger_text: str | None = None,
    date_span: tuple[int, int] | None = None,
) -> Reading:
    """Read one report's sentence (trigger and date offsets relative to the sentence; without
    trigger offsets the trigger is looked up by its text)."""
    if not sentence:
        return Reading(None, "none", None, False, False)
    if trigger_start is None or trigger_end is None or trigger_end <= trigger_start:
        m = re.search(rf"\b{re.escape(trigger_text)}\b", sentence) if trigger_text else None
        trigger_start, trigger_end = (m.start(), m.end()) if m else (0, 0)
    before, trigger, after = _clause(sentence, trigger_start, trigger_end)
    mode, strength = _mode(trigger, before, after, sentence)
    c = cues()
    presupposed = bool(
        c.topic_verbs.search(trigger)
        and re.search(
            r"\b(?:at|during|in|on|after)\s+(?:their|the|a|his|her)\s+(?:\w+\s+){0,2}"
            + c.encounter_nouns.pattern,
            after,
            re.I,
        )
    )
    return Reading(
        mode,
        strength,
        _back_reference(before, trigger, after),
        presupposed,
        bool(c.separate.search(sentence)),
        _definite(before, trigger, after),
        _date_in_clause(sentence, trigger_start, trigger_end, *(date_span or (None, None))),
        _when_date(before),
        _own(before, trigger, after),
    )


def _when_date(before: str) -> str | None:
    """The date expression of "on Sunday when" just before the trigger's clause."""
    m = re.search(r"\bwhen\s+(?:[\w'’.-]+\s+){0,5}$", before[-60:], re.I)
    return news_when(before[-60:][: m.start()], m.group(0)) if m else None
