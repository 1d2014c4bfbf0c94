"""Patterns the meetings stage reads evidence sentences with (rule ids in RULES)."""

from __future__ import annotations

import re

MEETING_WORDS = re.compile(
    r"\b(met|meet|meets|meeting|meetings|talks|talked|spoke|speak|conversation|call|"
    r"discuss(?:ed|es|ion)?|summit|encounter|sidelines|bilateral|statement)\b",
    re.I,
)
# "the conversation would focus on ...": refers back to the report one or two sentences before.
ANAPHOR = re.compile(
    r"\b(?:the|their|that) (?:meeting|talks|conversation|call|encounter|summit)\b", re.I
)
GROUP_WORDS = re.compile(r"\b(the two (leaders|presidents|men)|both leaders|the leaders)\b", re.I)

OCCASIONS: list[tuple[str, re.Pattern[str]]] = [
    ("APEC", re.compile(r"\bAPEC\b|Asia-Pacific Economic Cooperation", re.I)),
    ("G20", re.compile(r"\bG-?20\b|Group of (?:20|Twenty)\b")),
    ("G7", re.compile(r"\bG-?7\b|Group of Seven")),
    ("G8", re.compile(r"\bG-?8\b|Group of Eight")),
    ("UNGA", re.compile(r"U\.?N\.? General Assembly|\bUNGA\b|United Nations General Assembly")),
    (
        "ASEAN",
        re.compile(r"\bASEAN\b|Association of South ?East Asian? Nations|East Asia Summit", re.I),
    ),
    ("NATO", re.compile(r"\bNATO (summit|meeting)\b")),
    ("BRICS", re.compile(r"\bBRICS\b")),
    ("SCO", re.compile(r"Shanghai Cooperation Organi[sz]ation|\bSCO\b")),
    ("OSCE", re.compile(r"\bOSCE\b")),
    ("CIS", re.compile(r"\bCIS (summit|meeting)\b")),
]

# Words just before an occasion's name that place the meeting at it.
OCCASION_CUE = re.compile(
    r"\b(?:sidelines|margins|at|during|attended|on the fringes)\b(?: of)?"
    r"(?: an?| the| this year's| a weekend)?(?: [\w-]+){0,3}\s*$",
    re.I,
)

INFORMAL = re.compile(
    r"\bbrief(?:ly)?\b|\binformal(?:ly)?\b|\bchat(?:ted|s)?\b|\bhandshake\b|\bexchanged (?:a few )?"
    r"(?:words|pleasantries)\b|\bin passing\b|\bencounters?\b",
    re.I,
)
NO_FORMAL = re.compile(
    r"\b(no|lack of|without|did not hold|didn't hold|not hold)\b[^.]{0,40}\b(bilateral|formal|"
    r"substantive)\b",
    re.I,
)

DURATION = re.compile(
    r"\bfor (?:about |around |nearly |almost |more than |over |roughly |some |just over |"
    r"just under )?(?P<n>an|one|two|three|four|five|six|half an|\d+(?:\.\d+)?) "
    r"(?P<u>hours?|minutes?)\b"
    r"|\b(?P<n2>one|two|three|four|five|\d+)[- ](?P<u2>hour|minute)(?:-long)? "
    r"(?:call|conversation|meeting|talks|session)",
    re.I,
)
_NUM = {"an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "half an": 0.5}

ONE_ON_ONE = re.compile(
    r"\bone-on-one\b|\bt[eê]te-[aà]-t[eê]te\b|\bonly (?:the )?interpreters\b|"
    r"\bbehind closed doors\b|\bface-to-face\b",
    re.I,
)
DELEGATIONS = re.compile(r"\b(expanded (?:format|talks|session)|delegations?)\b", re.I)

TOPICS: dict[str, re.Pattern[str]] = {
    "Syria": re.compile(r"\bSyria[n]?\b|\bAssad\b"),
    "Ukraine": re.compile(r"\bUkrain(?:e|ian)\b|\bDonbass?\b|\bMinsk (?:agreements?|accords?)\b"),
    "Crimea": re.compile(r"\bCrimea\b"),
    "North Korea": re.compile(r"\bNorth Korea(?:n)?\b|\bPyongyang\b|\bKorean peninsula\b"),
    "Iran": re.compile(r"\bIran(?:ian)?\b"),
    "Afghanistan": re.compile(r"\bAfghanistan\b|\bAfghan\b"),
    "election interference": re.compile(r"\bmeddl\w*|\binterfer\w*|\bhack(?:ing|ed)?\b", re.I),
    "trade": re.compile(r"\btrade\b|\btariffs?\b", re.I),
    "terrorism": re.compile(r"\bterroris\w+|\bIslamic State\b|\bISIS\b"),
    "arms control": re.compile(
        r"\barms control\b|\bNew START\b|\bINF\b|\bnuclear arms\b|\bmissile\w*", re.I
    ),
    "sanctions": re.compile(r"\bsanctions?\b", re.I),
    "energy": re.compile(r"\bpipeline\b|\bgas supplies\b|\boil price\w*", re.I),
}

OUTCOMES: list[tuple[str, re.Pattern[str]]] = [
    ("joint_statement", re.compile(r"\bjoint (?:statement|declaration|communiqu\w+)\b", re.I)),
    (
        "agreement_signed",
        re.compile(
            r"\bsign(?:ed|ing)\b[^.]{0,60}\b(?:agreement|treaty|accord|deal|"
            r"memorandum)\b",
            re.I,
        ),
    ),
    (
        "treaty_action",
        re.compile(
            r"\b(?:New START|INF|treaty)\b[^.]{0,60}\b(?:extend\w*|withdr\w*|"
            r"suspend\w*|ratif\w*)",
            re.I,
        ),
    ),
    (
        "follow_up",
        re.compile(
            r"\b(?:meet again|next meeting|follow-up|agreed to (?:continue|meet)|"
            r"invit\w+ (?:him )?to visit)\b",
            re.I,
        ),
    ),
    ("agreement", re.compile(r"\bagreed (?:on|to)\b|\breached (?:an )?agreement\b", re.I)),
]
NON_OUTCOME = re.compile(
    r"\b(?:no|without|failed to (?:reach|agree)|did not (?:reach|hold|produce|agree)|lack of|"
    r"not hold)\b[^.]{0,50}\b(?:agreement|deal|breakthrough|bilateral|substantive|talks|meeting|"
    r"progress)\b",
    re.I,
)

SPEECH = re.compile(r"\b(said|says|told|added|quoted|according to|stated|tweeted|declared)\b")
SPOKES = re.compile(
    r"\b(?P<inst>Kremlin|White House|State Department|Russian Foreign Ministry|Foreign Ministry)"
    r"(?: press secretary| spokesman| spokeswoman| spokesperson| aide| official)"
    r"(?:,? (?P<name>[A-Z][a-z]+ [A-Z][a-z]+))?"
)
OFFICE_SPEAKS = re.compile(r"\b(?P<inst>Kremlin|White House)\b (?:said|says|added|told)\b")
CALL_WORDS = re.compile(r"\b(?:tele)?phone\b|\bvideo (?:call|link|conference)\b", re.I)
INSTITUTION_ISO3 = {
    "Kremlin": "RUS",
    "Russian Foreign Ministry": "RUS",
    "White House": "USA",
    "State Department": "USA",
}
NAMED_SPEAKER = re.compile(
    r"(?P<a>(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+)(?: had)? (?:said|told|added)\b"
    r"|\bsaid (?P<b>[A-Z][a-z]+ [A-Z][a-z]+)"
)

SPEECH_VERB = re.compile(r"\b(?:said|says|told|added|as saying)\b")
# The speaker just before the first speech verb ("..., Peskov added") or just after it.
NAME_BEFORE = re.compile(
    r"((?:[A-Z][\w.'-]+ ){0,3}[A-Z][\w'-]+)(?:,[^,]{0,60},)?(?: had| has| was)? $"
)
NAME_AFTER = re.compile(r" ((?:[A-Z][\w.'-]+ ){0,2}[A-Z][\w'-]+)(?:[.,;:]|$)")
