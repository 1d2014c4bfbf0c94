"""Event triggers: verb and noun lemmas -> CAMEO codes, with the argument frame of each.

``Frame.target_preps`` lists the prepositions whose object is the target ("meet with X",
"talk to X", "call on X"); the direct object is always a target candidate unless
``dobj_target`` is False. Codes are CAMEO codebook strings; a few are refined later
(meetings by location: 042/043/044; telephone: 041).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Frame:
    code: str
    target_preps: tuple[str, ...] = ()
    dobj_target: bool = True
    needs_target: bool = True
    symmetric: bool = False  # "A and B met": the second subject is the target
    # (object lemma, code): the verb is an event only with one of these objects, which also
    # refine the code ("provided food" -> 073, "lifted the curfew" -> 0813); no actor target
    # is needed then ("released 30 prisoners")
    objects: tuple[tuple[str, str], ...] = ()


def _S(code: str, preps: tuple[str, ...] = (), dobj: bool = True, sym: bool = False) -> Frame:
    """A frame whose event stands without a target actor ("X condemned the attack")."""
    return Frame(code, preps, dobj, needs_target=False, symmetric=sym)


def _O(objects: dict[str, str], preps: tuple[str, ...] = ()) -> Frame:
    """A frame that needs one of ``objects`` as its object (code per object)."""
    return Frame("", preps, True, needs_target=False, objects=tuple(objects.items()))


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
# --- coverage of the CAMEO families (codebook ../shared/cameo/CAMEO.eventcodes.txt) ---------
# Verbs whose event stands without a target actor: CAMEO codes the source alone when the
# target is not an actor ("X condemned the bombing", "rebels demanded elections").
for _lemma in [
    "offer",
    "pledge",
    "promise",
    "propose",
    "agree",
    "praise",
    "commend",
    "hail",
    "congratulate",
    "applaud",
    "endorse",
    "apologize",
    "cooperate",
    "investigate",
    "demand",
    "criticize",
    "criticise",
    "condemn",
    "denounce",
    "blast",
    "slam",
    "rebuke",
    "chide",
    "accuse",
    "blame",
    "complain",
    "reject",
    "rebuff",
    "veto",
    "threaten",
    "protest",
    "mobilize",
    "expel",
    "arrest",
    "detain",
    "jail",
    "seize",
    "kidnap",
    "bomb",
    "shell",
    "fight",
    "mediate",
]:
    _f = VERBS[_lemma]
    VERBS[_lemma] = Frame(_f.code, _f.target_preps, _f.dobj_target, False, _f.symmetric)
_AID = {
    "aid": "070",
    "assistance": "070",
    "help": "070",
    "relief": "073",
    "food": "073",
    "medicine": "073",
    "supply": "070",
    "shelter": "073",
    "grant": "071",
    "loan": "071",
    "credit": "071",
    "money": "071",
    "fund": "071",
    "funding": "071",
    "million": "071",
    "billion": "071",
    "dollar": "071",
    "investment": "071",
    "weapon": "072",
    "arm": "072",
    "missile": "072",
    "ammunition": "072",
    "equipment": "072",
    "intelligence": "064",
    "information": "064",
    "asylum": "075",
    "refuge": "075",
    "peacekeeper": "074",
    "protection": "074",
}
_PEOPLE_OBJ = [
    "prisoner",
    "hostage",
    "detainee",
    "captive",
    "people",
    "activist",
    "journalist",
    "soldier",
    "sailor",
    "fisherman",
    "citizen",
    "national",
    "civilian",
    "dissident",
    "inmate",
    "crew",
    "worker",
    "man",
    "woman",
    "body",
    "remains",
    "missionary",
    "tourist",
]
_TROOPS = [
    "troop",
    "force",
    "soldier",
    "army",
    "unit",
    "tank",
    "warship",
    "ship",
    "jet",
    "aircraft",
    "battalion",
]
VERBS.update(
    {
        # 01 statements
        "reiterate": Frame("010", (), dobj_target=False, needs_target=False),
        # 02 appeal
        "appeal": Frame("020", ("to",), needs_target=False),
        # 03 intent
        "vow": _S("030"),
        # 04 consult (partner needed)
        "host": Frame("043"),
        # 05 diplomatic cooperation
        "defend": Frame("052"),
        "forgive": _S("056"),
        "pardon": _S("056"),
        "ratify": _S("057"),
        # 06 / 07 material cooperation, aid
        "provide": _O(_AID, ("to", "for")),
        "give": _O(_AID, ("to",)),
        "send": _O({**_AID, "inspector": "090", "investigator": "090"}, ("to",)),
        "grant": _O(_AID, ("to",)),
        "donate": _O(_AID, ("to",)),
        "deliver": _O(_AID, ("to",)),
        "supply": _O(_AID, ("to", "with")),
        "share": _O(
            {"intelligence": "064", "information": "064", "evidence": "064", "data": "064"},
            ("with",),
        ),
        # 08 yield
        "release": _O(dict.fromkeys(_PEOPLE_OBJ, "0841")),
        "free": _O(dict.fromkeys(_PEOPLE_OBJ, "0841")),
        "return": _O(
            {
                "body": "0841",
                "remains": "0841",
                "prisoner": "0841",
                "property": "0842",
                "land": "0842",
                "territory": "0842",
            }
        ),
        "withdraw": _O(
            {
                **dict.fromkeys(_TROOPS, "0874"),
                "peacekeeper": "1661",
                "inspector": "1662",
                "observer": "1662",
                "ambassador": "161",
                "envoy": "161",
                "diplomat": "161",
                "staff": "166",
                "recognition": "161",
                "support": "120",
                "offer": "120",
            },
            ("from",),
        ),
        "pull": _O(dict.fromkeys(_TROOPS, "0874"), ("from",)),
        "lift": _O(
            {
                "sanction": "085",
                "embargo": "085",
                "boycott": "085",
                "ban": "081",
                "restriction": "081",
                "curfew": "0813",
                "emergency": "0814",
                "blockade": "0872",
                "siege": "0872",
                "measure": "081",
            }
        ),
        "ease": _O(
            {
                "sanction": "085",
                "embargo": "085",
                "ban": "081",
                "restriction": "081",
                "curfew": "0813",
                "emergency": "0814",
                "blockade": "0872",
                "measure": "081",
                "siege": "0872",
            }
        ),
        "shorten": _O({"curfew": "0813"}),
        "cancel": _O(
            {
                "restriction": "081",
                "ban": "081",
                "curfew": "0813",
                "visit": "160",
                "trip": "160",
                "talk": "164",
                "meeting": "160",
            }
        ),
        "accept": _O(
            {
                "demand": "083",
                "condition": "080",
                "ultimatum": "080",
                "refugee": "075",
                "peacekeeper": "0861",
                "inspector": "0862",
                "observer": "0862",
                "mediation": "038",
            }
        ),
        "surrender": _S("0874"),
        "demobilize": _S("0873"),
        "disarm": _S("0873"),
        "resign": Frame("0831", (), dobj_target=False, needs_target=False),
        "concede": _S("080", ("to",), dobj=False),
        # 09 investigate
        # 10 demand
        "insist": Frame("010", (), dobj_target=False, needs_target=False),
        # 11 disapprove
        "charge": Frame("112"),
        "sue": _S("115"),
        "allege": _S("112", (), dobj=False),
        "deplore": _S("111"),
        "decry": _S("111"),
        "censure": _S("111"),
        "lambast": _S("111"),
        "assail": _S("111"),
        # 12 reject
        "refuse": _S("120"),
        "decline": _S("120"),
        "spurn": _S("120"),
        "renege": _S("120", ("on",), dobj=False),
        "defy": _S("128"),
        "violate": _S("128"),
        "breach": _S("128"),
        # 13 threaten
        "threaten": _S("130"),
        # 14 protest
        "protest": _S("140", ("against",)),
        "demonstrate": _S("141", ("against",), dobj=False),
        "rally": _S("141", ("against",), dobj=False),
        "march": _S("141", ("against", "on"), dobj=False),
        "picket": _S("141"),
        "riot": _S("145", (), dobj=False),
        "block": _O(
            {
                "road": "144",
                "bridge": "144",
                "highway": "144",
                "street": "144",
                "access": "144",
                "entrance": "144",
                "crossing": "144",
                "traffic": "144",
                "railway": "144",
                "route": "144",
                "port": "144",
            }
        ),
        "blockade": _S("191"),
        # 15 force posture
        "mobilize": _O(
            {
                **dict.fromkeys(_TROOPS, "154"),
                "reservist": "154",
                "reserve": "154",
                "police": "153",
            },
            ("against",),
        ),
        "mobilise": _O(
            {
                **dict.fromkeys(_TROOPS, "154"),
                "reservist": "154",
                "reserve": "154",
                "police": "153",
            },
            ("against",),
        ),
        "deploy": _O(
            {
                **dict.fromkeys(_TROOPS, "150"),
                "peacekeeper": "074",
                "missile": "150",
                "police": "150",
                "system": "150",
            },
            ("to", "in"),
        ),
        "mass": _O(dict.fromkeys(_TROOPS, "150")),
        # 16 reduce relations
        "suspend": _O(
            {
                "aid": "162",
                "assistance": "162",
                "talk": "164",
                "negotiation": "164",
                "relation": "161",
                "tie": "161",
                "link": "161",
                "cooperation": "160",
                "mediation": "165",
                "flight": "160",
                "delivery": "162",
                "program": "162",
                "membership": "160",
            }
        ),
        "halt": _O(
            {
                "aid": "162",
                "assistance": "162",
                "talk": "164",
                "negotiation": "164",
                "delivery": "162",
                "mediation": "165",
                "cooperation": "160",
            }
        ),
        "sever": _O({"relation": "161", "tie": "161", "link": "161"}),
        "break": _O({"relation": "161", "tie": "161"}),
        "cut": _O(
            {
                "aid": "162",
                "assistance": "162",
                "relation": "161",
                "tie": "161",
                "link": "161",
                "supply": "162",
            }
        ),
        "reduce": _O({"aid": "162", "assistance": "162", "supply": "162", "presence": "166"}),
        "recall": _O({"ambassador": "161", "envoy": "161", "diplomat": "161"}),
        "prohibit": _O(_AID),
        "end": _O(
            {
                "mediation": "165",
                "talk": "164",
                "negotiation": "164",
                "cooperation": "160",
                "aid": "162",
                "assistance": "162",
            }
        ),
        # 17 coerce
        "ban": _S("172"),
        "outlaw": _S("172"),
        "deport": _S("174"),
        "confiscate": _S("1711"),
        "demolish": _S("1712"),
        "destroy": _O(
            {
                "home": "1712",
                "house": "1712",
                "building": "1712",
                "village": "1712",
                "property": "1712",
                "crop": "1712",
            }
        ),
        "raze": _S("1712"),
        "imprison": _S("173"),
        "convict": _S("173"),
        "sentence": _S("173"),
        "indict": _S("173"),
        "hack": _S("176", ("into",)),
        # 18 unconventional violence (root level)
        "abduct": _S("180"),
        "torture": _S("180"),
        "beat": _O(dict.fromkeys(_PEOPLE_OBJ + ["detainee", "protester"], "180")),
        "assassinate": _S("180"),
        "behead": _S("180"),
        "execute": _O(dict.fromkeys(_PEOPLE_OBJ, "180")),
        "massacre": _S("200"),
        "kill": _O(
            dict.fromkeys(
                _PEOPLE_OBJ
                + [
                    "person",
                    "policeman",
                    "officer",
                    "member",
                    "militant",
                    "rebel",
                    "fighter",
                    "child",
                    "protester",
                    "leader",
                    "commander",
                    "resident",
                    "villager",
                    "guard",
                    "student",
                    "demonstrator",
                    "trooper",
                    "peacekeeper",
                    "youth",
                    "priest",
                    "police",
                ],
                "180",
            )
        ),
        # 19 conventional military force (root level)
        "shoot": _S("190", ("at",)),
        "wound": _S("190"),
        "injure": _S("190"),
        "clash": _S("190", ("with",), dobj=False, sym=True),
        "raid": _S("190"),
        "storm": _S("190"),
        "shell": _S("190"),
        "bombard": _S("190"),
        "occupy": _S("190"),
        "overrun": _S("190"),
        "retake": _S("190"),
        "recapture": _S("190"),
        "ambush": _S("190"),
        "invade": Frame("190"),
        "fire": _O(
            {
                "shot": "190",
                "missile": "190",
                "rocket": "190",
                "shell": "190",
                "bomb": "190",
                "mortar": "190",
                "round": "190",
                "gun": "190",
                "grenade": "190",
                "bullet": "190",
                "salvo": "190",
            },
            ("at", "on"),
        ),
        "engage": Frame("190"),
        "blow": _O(
            {
                "line": "190",
                "bridge": "190",
                "building": "190",
                "pipeline": "190",
                "plane": "190",
                "vehicle": "190",
                "car": "190",
                "bus": "190",
            }
        ),
    }
)
NOUNS.update(
    {
        "investigation": Frame("090", ("into",), needs_target=False),
        "probe": Frame("090", ("into",), needs_target=False),
        "inquiry": Frame("090", ("into",), needs_target=False),
        "hearing": Frame("090", ("into",), needs_target=False),
        "mediation": Frame("045", ("between",), needs_target=False),
        "protest": Frame("140", ("with", "against", "to"), needs_target=False),
        "demonstration": Frame("141", ("against",), needs_target=False),
        "rally": Frame("141", ("against",), needs_target=False),
        "march": Frame("141", ("against",), needs_target=False),
        "offensive": Frame("190", ("against", "on"), needs_target=False),
        "raid": Frame("190", ("on", "against"), needs_target=False),
        "bombing": Frame("190", ("on", "against"), needs_target=False),
        "ceasefire": Frame("0871", ("with",), needs_target=False),
        "truce": Frame("0871", ("with",), needs_target=False),
        "embargo": Frame("163", ("on", "against"), needs_target=False),
        "blockade": Frame("191", ("on", "against", "of"), needs_target=False),
        "demand": Frame("100", ("for", "from"), needs_target=False),
        "appeal": Frame("020", ("to", "for"), needs_target=False),
        "warning": Frame("130", ("to", "against"), needs_target=False),
        "ultimatum": Frame("139", ("to",), needs_target=False),
        "condemnation": Frame("111", ("of",), needs_target=False),
        "apology": Frame("055", ("to",), needs_target=False),
        "withdrawal": Frame("0874", ("from",), needs_target=False),
        "crackdown": Frame("175", ("on", "against"), needs_target=False),
        "sanction": Frame("163", ("on", "against"), needs_target=False),
        "criticism": Frame("111", ("of",), needs_target=False),
        "accusation": Frame("112", ("against",), needs_target=False),
        "threat": Frame("130", ("to", "against"), needs_target=False),
        "curfew": Frame("1721", ("in", "on"), needs_target=False),
        "expulsion": Frame("166", ("of",), needs_target=False),
        "boycott": Frame("143", ("of",), needs_target=False),
    }
)
# The light verb under an event noun can refine its code ("declared a ceasefire").
NOUN_GOVERNORS: dict[str, set[str]] = {
    "investigation": {
        "launch",
        "open",
        "begin",
        "order",
        "start",
        "conduct",
        "complete",
        "announce",
        "put",
    },
    "probe": {"launch", "open", "begin", "order", "start", "conduct", "complete"},
    "inquiry": {"launch", "open", "begin", "order", "start", "conduct", "complete"},
    "hearing": {"open", "hold", "begin", "start", "conduct"},
    "mediation": {"launch", "begin", "start", "offer", "end", "conduct", "undertake"},
    "protest": {"lodge", "stage", "hold", "launch", "file", "register", "lead", "organize"},
    "demonstration": {"stage", "hold", "organize", "lead", "launch"},
    "rally": {"stage", "hold", "organize", "lead"},
    "march": {"stage", "hold", "organize", "lead"},
    "offensive": {"launch", "begin", "start", "mount", "resume", "open"},
    "raid": {"launch", "carry", "conduct", "mount", "stage"},
    "bombing": {"carry", "conduct", "launch", "stage"},
    "ceasefire": {"declare", "announce", "agree", "accept", "observe", "sign"},
    "truce": {"declare", "announce", "agree", "accept", "observe", "sign"},
    "embargo": {"impose", "slap", "announce", "declare", "tighten"},
    "blockade": {"impose", "declare", "enforce", "mount", "tighten"},
    "demand": {"issue", "make", "reiterate", "renew", "repeat", "press", "insist"},
    "appeal": {"issue", "make", "launch", "renew", "repeat"},
    "warning": {"issue", "give", "deliver", "repeat", "renew"},
    "ultimatum": {"issue", "give", "deliver", "set"},
    "condemnation": {"issue", "express"},
    "apology": {"issue", "make", "offer", "deliver", "extend"},
    "withdrawal": {"complete", "begin", "start", "order", "announce", "speed", "finish"},
    "crackdown": {"launch", "begin", "order", "intensify", "step"},
    "boycott": {"call", "launch", "announce", "stage", "declare"},
}
_NOUN_GOV_CODE = {
    ("mediation", "end"): "165",
    ("mediation", "offer"): "039",
    ("ceasefire", "agree"): "0871",
}


def noun_governor_code(noun: str, gov: str, code: str) -> str:
    """The code of an event noun under its governing verb ("pledged aid" -> 033)."""
    return _NOUN_GOV_CODE.get((noun, gov), code)


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
    *{v for vs in NOUN_GOVERNORS.values() for v in vs},
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
