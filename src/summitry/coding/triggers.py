"""Event triggers: verb and noun lemmas -> CAMEO codes, with the argument frame of each.

``Frame.target_preps`` lists the prepositions whose object is the target ("meet with X",
"talk to X", "call on X"); the direct object is always a target candidate unless
``dobj_target`` is False. Codes are CAMEO codebook strings; a few are refined later
(meetings by location: 042/043/044; telephone: 041).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Frame:
    code: str
    target_preps: tuple[str, ...] = ()
    dobj_target: bool = True
    needs_target: bool = True
    symmetric: bool = False  # "A and B met": the second subject is the target


_MEET = Frame("040", ("with",), symmetric=True)
VERBS: dict[str, Frame] = {
    # 01 statements (source = speaker; no target needed)
    "say": Frame("010", (), dobj_target=False, needs_target=False),
    "tell": Frame("010", (), needs_target=False),
    "state": Frame("010", (), dobj_target=False, needs_target=False),
    "announce": Frame("010", (), dobj_target=False, needs_target=False),
    "declare": Frame("010", (), dobj_target=False, needs_target=False),
    "insist": Frame("010", (), dobj_target=False, needs_target=False),
    "tweet": Frame("010", (), dobj_target=False, needs_target=False),
    "add": Frame("010", (), dobj_target=False, needs_target=False),
    "deny": Frame("016", (), dobj_target=False, needs_target=False),
    "acknowledge": Frame("015", (), dobj_target=False, needs_target=False),
    "admit": Frame("015", (), dobj_target=False, needs_target=False),
    # 02 appeals
    "urge": Frame("020"),
    "appeal": Frame("020", ("to",)),
    "ask": Frame("020"),
    "request": Frame("020"),
    "call": Frame("020", ("on", "upon")),
    # 03 intent
    "offer": Frame("030", ("to",)),
    "pledge": Frame("030", ("to",)),
    "promise": Frame("030"),
    "propose": Frame("030", ("to",)),
    "invite": Frame("036"),
    "agree": Frame("030", ("with",), dobj_target=False, symmetric=True),
    # 04 consult
    "meet": _MEET,
    "talk": Frame("040", ("with", "to"), dobj_target=False, symmetric=True),
    "speak": Frame("040", ("with", "to"), dobj_target=False, symmetric=True),
    "discuss": Frame("040", ("with",), dobj_target=False, symmetric=True),
    "confer": Frame("040", ("with",), symmetric=True),
    "consult": Frame("040", ("with",)),
    "phone": Frame("041"),
    "telephone": Frame("041"),
    "visit": Frame("042"),
    "host": Frame("043"),
    "welcome": Frame("043"),
    "receive": Frame("043"),
    "mediate": Frame("045", ("between",)),
    "broker": Frame("045", ("between",)),
    "negotiate": Frame("046", ("with",), dobj_target=False, symmetric=True),
    # 05 diplomatic cooperation
    "praise": Frame("051"),
    "commend": Frame("051"),
    "hail": Frame("051"),
    "thank": Frame("051"),
    "congratulate": Frame("051"),
    "applaud": Frame("051"),
    "support": Frame("051"),
    "endorse": Frame("051"),
    "back": Frame("051"),
    "sign": Frame("057", ("with",), dobj_target=False, symmetric=True),
    "recognize": Frame("054"),
    "recognise": Frame("054"),
    "apologize": Frame("055", ("to",), dobj_target=False),
    # 06/07 material cooperation, aid
    "cooperate": Frame("060", ("with",), dobj_target=False, symmetric=True),
    "aid": Frame("070"),
    "supply": Frame("070"),
    "arm": Frame("070"),
    # 08 yield
    "release": Frame("080", (), dobj_target=False),
    "free": Frame("080", (), dobj_target=False),
    "withdraw": Frame("080", ("from",), dobj_target=False),
    "ease": Frame("081", (), dobj_target=False),
    "lift": Frame("081", (), dobj_target=False),
    # 09 investigate
    "investigate": Frame("090"),
    # 10 demand
    "demand": Frame("100", ("from", "of")),
    # 11 disapprove
    "criticize": Frame("111"),
    "criticise": Frame("111"),
    "condemn": Frame("111"),
    "denounce": Frame("111"),
    "blast": Frame("111"),
    "slam": Frame("111"),
    "rebuke": Frame("111"),
    "chide": Frame("111"),
    "fault": Frame("111"),
    "attack_verbal": Frame("111"),
    "accuse": Frame("112"),
    "blame": Frame("112"),
    "complain": Frame("114", ("about", "to")),
    # 12 reject
    "reject": Frame("120"),
    "rebuff": Frame("120"),
    "dismiss": Frame("120"),
    "veto": Frame("129"),
    "oppose": Frame("120"),
    "boycott": Frame("163"),
    "ban": Frame("172"),
    "share": Frame("064", ("with",), dobj_target=False),
    "concede": Frame("080", ("to",), dobj_target=False),
    "demolish": Frame("171"),
    "capture": Frame("190"),
    # 13 threaten
    "threaten": Frame("130"),
    "warn": Frame("130"),
    # 14 protest
    "protest": Frame("140", ("against",)),
    # 15 force posture
    "mobilize": Frame("150", ("against",), dobj_target=False),
    # 16 reduce relations
    "sanction": Frame("163"),
    "expel": Frame("166"),
    "suspend": Frame("160", (), dobj_target=False),
    "cut": Frame("161", (), dobj_target=False),
    # 17 coerce
    "arrest": Frame("173"),
    "detain": Frame("173"),
    "seize": Frame("171"),
    "jail": Frame("173"),
    # 18-20 violence (root level)
    "kill": Frame("180"),
    "kidnap": Frame("180"),
    "assassinate": Frame("180"),
    "attack": Frame("190"),
    "bomb": Frame("190"),
    "strike": Frame("190"),
    "shell": Frame("190"),
    "invade": Frame("190"),
    "fight": Frame("190", ("against", "with")),
}
# Nouns that report an event; the actors come from the governing verb, "between A and B",
# a possessive, or "with X". needs_target as for the verb frames.
NOUNS: dict[str, Frame] = {
    "meeting": _MEET,
    "talk": Frame("040", ("with",), symmetric=True),
    "summit": Frame("040", ("with",), symmetric=True),
    "visit": Frame("042", ("to",)),
    "trip": Frame("042", ("to",)),
    "conversation": Frame("040", ("with",), symmetric=True),
    "call": Frame("041", ("with", "to"), symmetric=True),
    "negotiation": Frame("046", ("with",), symmetric=True),
    "sanction": Frame("163", ("on", "against")),
    "criticism": Frame("111", ("of",)),
    "accusation": Frame("112", ("against",)),
    "agreement": Frame("057", ("with",), symmetric=True),
    "deal": Frame("057", ("with",), symmetric=True),
    "treaty": Frame("057", ("with",), symmetric=True),
    "expulsion": Frame("166", ("of",)),
    "threat": Frame("130", ("to", "against")),
    "invitation": Frame("036", ("to",)),
    "strike": Frame("190", ("on", "against")),
    "airstrike": Frame("190", ("on", "against")),
    "attack": Frame("190", ("on", "against")),
    "invasion": Frame("190", ("of",)),
    "curfew": Frame("172", ("in", "on")),
}
# Light verbs that take an event noun as object: "held talks", "had a phone call".
LIGHT_VERBS = {
    "hold",
    "have",
    "conduct",
    "attend",
    "begin",
    "start",
    "open",
    "resume",
    "wrap",
    "end",
    "sign",
    "reach",
    "impose",
    "slap",
    "make",
    "level",
    "issue",
    "pay",
    "launch",
    "carry",
    "extend",
    "accept",
    "host",
    "seal",
    "strike",
    "conclude",
}
PHONE_WORDS = {"phone", "telephone", "call", "phonecall"}
# Lemmas that, governing a trigger, make it an intention / plan (CAMEO 036 for meetings).
PLAN_VERBS = {
    "plan",
    "expect",
    "hope",
    "want",
    "intend",
    "seek",
    "schedule",
    "set",
    "aim",
    "agree",
    "prepare",
    "propose",
    "offer",
    "arrange",
    "ready",
    "due",
    "consider",
    "wish",
    "invite",
    "try",
    "will",
    "likely",
    "eager",
    "poise",
    "look",
    "announce",
}
REFUSE_VERBS = {
    "refuse",
    "decline",
    "reject",
    "rule",
    "rebuff",
    "snub",
    "spurn",
    "cancel",
    "scrap",
    "postpone",
    "abandon",
}
DENY_VERBS = {"deny"}
SPEECH_VERBS = {
    "say",
    "tell",
    "state",
    "announce",
    "declare",
    "insist",
    "tweet",
    "add",
    "report",
    "claim",
    "write",
    "warn",
    "note",
    "suggest",
    "believe",
    "think",
}

_STEMS = sorted(
    {
        *VERBS,
        *NOUNS,
        "met",
        "told",
        "said",
        "spoke",
        "held",
        "talks",
        "sanctions",
        "phoned",
        "fought",
        "struck",
        "freed",
        "summit",
        "called",
        "seized",
        "cut",
    },
    key=len,
    reverse=True,
)
TRIGGER_RE = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in _STEMS) + r")", re.I)


def has_trigger(text: str) -> bool:
    """Cheap pre-parse test: any trigger stem in the sentence."""
    return TRIGGER_RE.search(text) is not None
