"""Find actor mentions in a sentence: names, countries, descriptors, text-introduced people.

Works on raw sentence text (before parsing) so it doubles as the cheap pre-filter.
Names are matched on normalised word n-grams (unidecode + lower case), so "Erdoğan"
and "Erdogan" are the same key. Every mention records the rule that resolved it;
unknown people are never guessed (a capitalised run that matches nothing is ignored).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from summitry.actors import LEADER_ROLES, ActorKB, normalise, slug
from summitry.coding import lexicon as lx
from summitry.coding.people import PeopleIndex
from summitry.nlp.alternation import literal_alternation, trie_alternation

_PARTICLES = r"(?:al|el|bin|ibn|de|da|del|van|von|der|la|le|of|the|and)"
_CAP = r"[A-Z\u00C0-\u00DE][\w.'’\-]*"
_RUN = re.compile(rf"{_CAP}(?:\s+(?:(?:{_PARTICLES}|al-\w+|el-\w+)\s+)*{_CAP})*|al-\w+|el-\w+")
_WORD = re.compile(r"\S+")
# Forms of address before a title or a name ("His Majesty King ...", "Amir Sheikh Tamim").
_HONORIFIC = r"\b(?:His|Her)\s+(?:Royal\s+)?(?:Majesty|Highness|Excellency|Holiness)"
_HONORIFIC2 = r"\b(?:Sheikh|Sheikha|Sheik|Shaikh|Dr\.?)"
# After a name, these make it another person's ("Donald Trump Jr", "King Abdullah II").
_SUFFIXES = ("jr", "sr", "junior", "ii", "iii", "iv")
_HONORIFIC_WORDS = {"his", "her", "royal", "majesty", "highness", "excellency", "holiness"}
_HONORIFIC_WORDS |= {"sheikh", "sheikha", "sheik", "shaikh"}
# Titles that name no one office ("opposition leader Y of X"), and words before a title
# that make it another office than the country's: no "Title Name of Country" introduction.
_LOOSE_TITLES = {"leader", "minister", "envoy", "head"}
_NOT_THE_OFFICE = re.compile(
    r"\b(?:opposition|former|ex|exiled|rebel|deputy|vice|acting|interim|late)[\s-]*$", re.I
)
_POSSESSIVE = re.compile(r"['’]s?$")  # "Putin's", "Sessions’"
# A possessive inside a name run ("Arabia's", "Sessions’"), not an ayn ("Shia’ al-Sudani").
_POSSESSIVE_WORD = re.compile(r"(?:['’]s|s['’])$")
_NAMEW = r"[A-Z\u00C0-\u00DE][\w'’\-]*\.?"
# Words that make a capitalised run a title or an institution rather than a person's name.
_TITLE_WORDS = {
    "treasury",
    "secretary",
    "minister",
    "president",
    "prime",
    "foreign",
    "defense",
    "defence",
    "chief",
    "staff",
    "attorney",
    "general",
    "senator",
    "sen",
    "representative",
    "rep",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "vice",
    "deputy",
    "leader",
    "senate",
    "house",
    "republican",
    "democratic",
    "democrat",
    "majority",
    "minority",
    "national",
    "security",
    "adviser",
    "advisor",
    "commerce",
    "state",
    "energy",
    "homeland",
    "economy",
    "finance",
    "trade",
    "justice",
    "interior",
    "commander",
    "gen",
    "lt",
    "admiral",
    "king",
    "queen",
    "prince",
    "crown",
    "emir",
    "chancellor",
    "premier",
    "governor",
    "gov",
    "mayor",
    "speaker",
    "envoy",
    "director",
    "head",
    "u.s",
    "former",
    "acting",
    "interim",
    "top",
    "opposition",
    "presidential",
    "candidate",
    "lawmaker",
    "supreme",
    "army",
    "military",
    "counsel",
    "special",
    "white",
    "press",
    "spy",
    "intelligence",
    "chairman",
    "chairwoman",
    "affairs",
    "judge",
    "district",
    "health",
    "agriculture",
    "labor",
    "education",
    "transportation",
    "veterans",
    "housing",
    "navy",
    "air",
    "budget",
    "policy",
    "economic",
    "congressman",
    "congresswoman",
    "rep.",
    "sen.",
    "gen.",
    "mr",
    "mrs",
    "ms",
    "dr",
    "officer",
}
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}

_INSTITUTION_WORDS = {
    "ministry",
    "government",
    "parliament",
    "news",
    "agency",
    "committee",
    "department",
    "council",
    "party",
    "congress",
    "court",
    "bank",
    "union",
    "republic",
    "association",
    "organization",
    "organisation",
    "forces",
    "force",
    "navy",
    "service",
    "services",
    "office",
    "administration",
    "commission",
    "senate",
    "house",
    "assembly",
    "company",
    "group",
    "institute",
    "university",
    "center",
    "centre",
    "foundation",
    "fund",
    "street",
    "times",
    "post",
    "journal",
    "airlines",
    "corp",
    "inc",
    "ltd",
    "airways",
    "guard",
    "guards",
    "police",
    "federation",
    "board",
    "representatives",
    "reuters",
    "twitter",
    "facebook",
    "google",
    "state",
    "states",
    "kingdom",
    "league",
    "front",
    "army",
    "movement",
    "brigade",
    "club",
    "city",
    "region",
    "province",
    "railways",
    "petroleum",
    "oil",
    "gas",
    *_WEEKDAYS,
    *(_MONTHS - {"may"}),  # "May" is also a surname
    "summit",
    "forum",
    "treaty",
    "agreement",
    "act",
    "bureau",
    "islands",
    "island",
    "war",
    "plans",
    "plan",
    "trial",
    "against",
    "secretary",
    "bill",
    "law",
    "program",
    "programme",
    "sea",
    "river",
    "coast",
    "day",
    "airport",
    "hotel",
}


def _title_case(title: str) -> str:
    """ "secretary of state" -> "Secretary of State", "u.n. ambassador" -> "U.N. Ambassador"."""
    return " ".join(
        w if w in ("of", "to", "the") else w.upper() if "." in w else w[:1].upper() + w[1:]
        for w in title.split()
    )


def _name_tail(title: str) -> str:
    """ "ambassador to the united nations" -> "ambassador to the United Nations"."""
    head, sep, tail = title.partition(" to the ")
    return head + sep + _title_case(tail) if sep else title


_SECTOR_NOUNS = (
    "government|officials?|authorities|forces|military|troops|diplomats?|ministry|"
    "foreign ministry|defen[cs]e ministry|embassy|delegation|negotiators?|lawmakers|"
    "parliament|navy|army|air force|warplanes|jets|intelligence|spy agencies|side|"
    "administration|state media|leadership|regime|security services|counterparts|rebels|"
    "guerr?illas|militants|soldiers|servicemen|police|protesters|demonstrators|workers|students|"
    "fighters|warships|submarines|bombers|army bulldozers|opposition|envoys?|lawmakers|legislators|"
    "prosecutors|courts?|central bank|security forces|border guards|coast guard|sides?|"
    "insurgents|militiamen|militias?|gunmen|rioters|activists|farmers|prisoners|refugees|"
    "tanks|helicopters|bulldozers|artillery|paratroopers|commandos|judges?|high court|"
    "supreme court|newspapers?|state television|state radio|media|leaders|"
    "police officers|policemen|riot police|military police|secret police|officers|"
    "opposition groups|opposition parties|government forces|army troops|peacekeepers|"
    "peacekeeping troops|peacekeeping force|extremists|fundamentalists|civilians|villagers"
)
# CAMEO agent (sector) codes for the nouns above, as in the Phoenix agents dictionary;
# anything not listed is GOV.
_SECTOR_CODE: dict[str, str] = {
    **dict.fromkeys(
        [
            "forces",
            "military",
            "troops",
            "navy",
            "army",
            "soldiers",
            "servicemen",
            "warships",
            "submarines",
            "bombers",
            "warplanes",
            "jets",
            "tanks",
            "helicopters",
            "bulldozers",
            "artillery",
            "paratroopers",
            "commandos",
            "officers",
            "peacekeepers",
        ],
        "MIL",
    ),
    **dict.fromkeys(
        (
            "air force",
            "army bulldozers",
            "security forces",
            "border guards",
            "coast guard",
            "government forces",
            "army troops",
            "peacekeeping troops",
            "peacekeeping force",
        ),
        "MIL",
    ),
    **dict.fromkeys(
        ["police", "policemen"]
        + ["police officers", "riot police", "military police", "secret police"],
        "COP",
    ),
    **dict.fromkeys(
        [
            "rebels",
            "guerrillas",
            "guerillas",
            "fighters",
            "insurgents",
            "militiamen",
            "militia",
            "militias",
            "gunmen",
        ],
        "REB",
    ),
    "militants": "REB",
    "extremists": "RAD",
    "fundamentalists": "RAD",
    **dict.fromkeys(
        [
            "opposition",
            "activists",
            "protesters",
            "demonstrators",
            "opposition groups",
            "opposition parties",
        ],
        "OPP",
    ),
    "rioters": "CVL",
    "civilians": "CVL",
    "villagers": "CVL",
    "workers": "LAB",
    "students": "EDU",
    "farmers": "AGR",
    "prisoners": "CVL",
    "refugees": "REF",
    **dict.fromkeys(
        ["court", "courts", "judge", "judges", "prosecutors", "high court", "supreme court"],
        "JUD",
    ),
    **dict.fromkeys(["parliament", "lawmakers", "legislators"], "LEG"),
    **dict.fromkeys(
        ["newspaper", "newspapers", "state media", "state television", "state radio", "media"],
        "MED",
    ),
    **dict.fromkeys(["intelligence", "spy agencies"], "SPY"),
}
SECTOR_NAMES = {
    "MIL": "armed forces",
    "COP": "police",
    "REB": "rebels / militants",
    "RAD": "radicals",
    "OPP": "opposition / protesters",
    "CVL": "civilians",
    "LAB": "labour",
    "EDU": "students",
    "AGR": "farmers",
    "REF": "refugees",
    "JUD": "judiciary",
    "LEG": "legislature",
    "MED": "media",
    "SPY": "intelligence services",
    "GOV": "government",
}
# Sector nouns that name an actor on their own ("the rebels", "protesters"): a generic actor
# ``sector:<CODE>`` with no country, or the country of an "in <country>" modifier.
_GENERIC_SECTOR = (
    "rebels|insurgents|militants|guerr?illas|militiamen|gunmen|protesters|demonstrators|"
    "rioters|police|riot police|policemen|opposition|activists|students|workers|farmers|"
    "prisoners|refugees|soldiers|troops|extremists|fundamentalists|peacekeepers"
)


def sector_code(noun: str) -> str:
    """CAMEO agent code for a sector noun ("police" -> COP; unknown -> GOV)."""
    return _SECTOR_CODE.get(noun.lower(), "GOV")


_PRONOUNS = {"he", "she", "him", "her", "his"}
# Capitalised at a sentence start but not given names ("During Trump's visit").
_FUNCTION_WORDS = {
    "during",
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "while",
    "but",
    "and",
    "as",
    "if",
    "the",
    "for",
    "with",
    "by",
    "from",
    "to",
    "of",
    "since",
    "under",
    "like",
    "unlike",
    "then",
    "so",
    "though",
    "although",
    "because",
    "until",
    "once",
    "where",
    "whether",
    "both",
    "mr",
    "mrs",
    "ms",
    "meanwhile",
    "also",
    "still",
    "yet",
    "asked",
    "speaking",
    "a",
    "an",
    "that",
    "this",
    "why",
    "how",
    "what",
    "who",
    "said",
    "says",
    "told",
    "earlier",
    "later",
    "last",
    "next",
    "despite",
    "ahead",
    "without",
    "against",
    "among",
    "between",
    "over",
    "about",
    "around",
    "via",
    "per",
    "thanks",
    *_WEEKDAYS,
    *_MONTHS,
    "reuters",
    "republican",
    "democratic",
    "democrat",
    "president-elect",
}


@dataclass
class Mention:
    """A span in the sentence that names an actor (actor_id None = unresolved)."""

    start: int  # document offsets
    end: int
    text: str
    actor_id: str | None
    kind: str  # person|country|igo|sector|pronoun|descriptor
    iso3: str | None
    rule: str
    code: str | None = None  # CAMEO-style actor code (e.g. RUSGOV)
    role: str | None = None

    @classmethod
    def at(cls, m: re.Match[str], offset: int, *fields, **named) -> Mention:
        """The mention of the match ``m`` in a sentence that starts at document offset
        ``offset``; ``fields`` from ``actor_id`` on."""
        return cls(m.start() + offset, m.end() + offset, m.group(0), *fields, **named)


@dataclass(frozen=True)
class _Intro:
    """A person an introduction names ("Chad's foreign minister, Mahamat Zene Cherif")."""

    name: str  # single spaces
    title: str  # lower case, "" if none
    iso3: str
    country_named: bool  # "Country's Name" / "of Country" (not only an adjective)
    match_start: int  # document offsets
    start: int
    end: int


@dataclass
class DocContext:
    """Per-document state: text-introduced people recognised again later by surname."""

    published: date | None
    surnames: dict[str, str] = field(default_factory=dict)  # normalise(surname) -> actor_id
    new_actors: dict[str, dict] = field(default_factory=dict)


class MentionFinder:
    """Compiled lookup tables for actor mentions."""

    def __init__(self, people: PeopleIndex):
        self.people = people
        self.kb = people.kb
        self.titles = self.kb.offices.country_titles()  # "foreign minister" -> its role
        self._titles_longest_first = sorted(self.titles, key=len, reverse=True)
        title_alt_cs = literal_alternation(
            {f(t) for t in self.titles for f in (str, _title_case, _name_tail)}
        )
        title_alt = literal_alternation(self.titles)
        self.names: dict[str, tuple[str, str]] = {}  # norm -> (kind, id)
        for name, iso in lx.country_names().items():
            self.names[normalise(name)] = ("country", iso)
        for name, code in lx.IGOS.items():
            self.names[normalise(name)] = ("igo", code)
        self.org_iso3: dict[str, str] = {}  # a domestic body's country ("Congress": USA)
        for kind in ("igo", "group", "organisation"):  # organisations of the actors KB
            for a in self.kb.actors(kind):
                for nm in (a.name, *a.aliases):
                    self.names.setdefault(normalise(nm), ("igo", a.actor_id))
                if a.iso3:
                    self.org_iso3[a.actor_id] = a.iso3
        adjectives = self.kb.adjective_terms()
        for adj, iso in adjectives.items():  # "Palestinians", "Israelis": the country
            if adj[-1:] in ("n", "i") and adj[:1].isupper():
                self.names.setdefault(normalise(adj + "s"), ("country", iso))
        self.metonyms = {normalise(k): v for k, v in self.kb.government_terms().items()}
        self.adjectives = {normalise(k): v for k, v in adjectives.items()}
        adj_alt = literal_alternation(adjectives)
        cn_alt = literal_alternation(lx.country_names())
        cn_alt_lower = literal_alternation({c.lower() for c in lx.country_names()})  # for re.I
        self.re_descriptor = re.compile(
            rf"\b(?:(?P<det>[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+)?(?:(?:new|former|then|outgoing|top)\s+)?"
            rf"(?:(?P<adj>{adj_alt})|(?P<cn>{cn_alt})['’]s)\s+(?:(?:new|former|outgoing|then)\s+)?"
            # atomic: a title followed by a name is no descriptor, and neither is its prefix
            # ("U.S. Ambassador to the United Nations Nikki Haley" is not "U.S. Ambassador")
            rf"(?P<title>(?>{title_alt_cs})\b|counterpart\b)(?!,?\s+[A-Z\u00C0-\u00DE])",
        )
        self.re_sector = re.compile(
            # "Serbian military police", "Kenyan opposition": one lower-case word may intervene
            rf"\b(?P<adj>{adj_alt})\s+(?:[a-z]+\s+)?(?P<noun>{_SECTOR_NOUNS})\b"
            rf"|\b(?P<cn>{cn_alt})['’]s\s+(?:[a-z]+\s+)?(?P<noun2>{_SECTOR_NOUNS})\b"
        )
        self.re_generic = re.compile(
            rf"\b(?P<gnoun>{_GENERIC_SECTOR})\b(?:\s+(?:groups?|parties|members|leaders|forces))?"
            rf"(?:\s+in\s+(?:the\s+)?(?P<gcn>{cn_alt_lower})\b)?",
            re.I,
        )
        # a particle inside a name: "Luiz Inacio Lula da Silva", "Ursula von der Leyen"
        particle = r"(?:al|el|bin|ibn|de|da|das|do|dos|du|del|van|von|der)\s+|al-|el-"
        name_re = rf"{_NAMEW}(?:\s+(?:{particle})?{_NAMEW}){{1,5}}"
        self.re_intro = re.compile(
            rf"\b(?:(?P<adj>{adj_alt})|(?P<cn>{cn_alt})['’]s)\s+(?:(?:new|former|outgoing)\s+)?"
            rf"(?:(?P<title>{title_alt_cs})\s*,?\s+)?(?P<name>{name_re})"
        )
        # "President Felix Tshisekedi of the Democratic Republic of the Congo", "Amir Sheikh
        # Tamim bin Hamad Al Thani of Qatar", "His Majesty Haitham bin Tariq, the Sultan of
        # Oman": any title of titles.csv, honorifics around it, the country in any form the
        # actors KB knows ("the Hashemite Kingdom of Jordan")
        exact = [t for t in self.titles if t not in _LOOSE_TITLES]
        title_seq = {_title_case(t) for t in exact} | set(exact)
        title_ws = trie_alternation(
            [r"\s+" if ch == " " else re.escape(ch) for ch in t] for t in title_seq
        )
        place = rf"(?:the\s+)?{_NAMEW}(?:\s+(?:(?:of|and)\s+(?:the\s+)?)?{_NAMEW}){{0,5}}"
        # "the president of Egypt", "the emir of Qatar", "the King of Saudi Arabia": the
        # office holder, as "Egypt's president" (a name after it is the introduction's)
        self.re_title_of = re.compile(
            rf"\b[Tt]he\s+(?P<title>{title_ws})\s+of\s+(?P<place>{place})"
        )
        self.re_intro2 = re.compile(
            rf"\bthe\s+(?P<adj>{adj_alt})\s+(?P<title>{title_alt}),\s+(?P<name>{name_re})"
            rf"|(?:{_HONORIFIC}\s+)?\b(?P<title2>{title_ws})\s+(?:{_HONORIFIC2}\s+)?"
            rf"(?P<name2>{name_re}),?\s+of\s+(?P<cn2>{place})"
            rf"|(?:\b(?:with|and|by|from|met|called|welcomed|hosted|received)\s+|"
            rf"{_HONORIFIC}\s+)(?P<name3>{name_re}),\s+the\s+(?P<title3>{title_ws})\s+of\s+"
            rf"(?P<cn3>{place})"
        )

    # --- public -----------------------------------------------------------------------
    def find(self, text: str, offset: int, ctx: DocContext) -> list[Mention]:
        """All actor mentions in one sentence (``offset`` = sentence start in the document)."""
        on = ctx.published
        found: list[Mention] = []
        self._introductions(text, offset, ctx, found)
        self._descriptors(text, offset, on, found)
        for m in self.re_sector.finditer(text):
            adj = m.group("adj") or m.group("cn")
            iso = (
                self.adjectives.get(normalise(adj))
                or self.names.get(normalise(adj), (None, None))[1]
            )
            if iso:
                noun = (m.group("noun") or m.group("noun2") or "").lower()
                sector = sector_code(noun)
                self._add(
                    found,
                    Mention.at(
                        m,
                        offset,
                        iso,
                        "sector",
                        iso,
                        "lexicon:adjective+sector",
                        code=iso + sector,
                    ),
                )
        for m in self.re_generic.finditer(text):
            noun = m.group("gnoun").lower()
            code = sector_code(noun)
            iso = None
            if m.group("gcn"):
                iso = self.names.get(normalise(m.group("gcn")), (None, None))[1]
            self._add(
                found,
                Mention.at(
                    m,
                    offset,
                    iso or f"sector:{code}",
                    "sector",
                    iso,
                    "lexicon:sector-in-country" if iso else "lexicon:generic-sector",
                    code=(iso or "") + code,
                ),
            )
        for m in _RUN.finditer(text):
            self._names_in_run(m.group(0), m.start() + offset, on, ctx, found)
        for m in re.finditer(r"\b(?:he|she|him|her|his)\b", text, re.I):
            self._add(
                found,
                Mention.at(
                    m,
                    offset,
                    None,
                    "pronoun",
                    None,
                    "pronoun:unresolved",
                ),
            )
        found.sort(key=lambda x: x.start)
        return found

    def has_candidate(self, text: str) -> bool:
        """Cheap test: could this sentence contain an actor? (runs before any parse)"""
        if self.re_generic.search(text):
            return True
        for m in _RUN.finditer(text):
            words = m.group(0).split()
            for a, b in zip(words, words[1:], strict=False):  # "Amnesty International"
                if normalise(f"{a} {b}".rstrip(".,;:")) in self.names:
                    return True
            for w in words:
                k = normalise(w.rstrip(".,;:"))
                if (
                    k in self.names
                    or k in self.metonyms
                    or k in self.adjectives
                    or k in self.people.keys
                ):
                    return True
        return False

    # --- rules ----------------------------------------------------------------------
    def _add(self, found: list[Mention], m: Mention) -> None:
        for other in found:
            if m.start < other.end and other.start < m.end:
                return  # earlier (more specific) rules win
        found.append(m)

    def _introductions(self, text: str, offset: int, ctx: DocContext, found: list[Mention]) -> None:
        for pat in (self.re_intro2, self.re_intro):
            for m in pat.finditer(text):
                intro = self._intro(m, text, offset)
                if intro is not None:
                    self._introduce(intro, ctx, found)

    def _intro(self, m: re.Match[str], text: str, offset: int) -> _Intro | None:
        """The person an introduction match names (title, country, name, span), or None."""
        g = m.groupdict()
        name_group = next((k for k in ("name", "name2", "name3") if g.get(k)), "name")
        name = g.get(name_group)
        cn, adj = g.get("cn"), g.get("adj")
        title = " ".join(
            (g.get("title") or g.get("title2") or g.get("title3") or "").lower().split()
        )
        iso = (self.adjectives.get(normalise(adj)) if adj else None) or (
            self.names.get(normalise(cn), (None, None))[1] if cn else None
        )
        if g.get("cn2") or g.get("cn3"):
            cn, iso = self._country_phrase(g.get("cn2") or g.get("cn3"))
            at = m.start("title2") if g.get("title2") else m.start("title3")
            if _NOT_THE_OFFICE.search(text[max(0, at - 20) : at]):
                return None
        if not name or not iso or self.names.get(normalise(cn or ""), ("", ""))[0] == "igo":
            return None
        raw = _POSSESSIVE.sub("", name).rstrip(".,")
        spans = [(w.start(), w.end()) for w in re.finditer(r"\S+", raw)]
        words = [raw[a:b] for a, b in spans]
        if any(_POSSESSIVE_WORD.search(w) for w in words):
            return None  # "Arabia's Crown Prince ...": a possessive ends no word of a name
        lead: list[str] = []
        while words and normalise(words[0]) in _TITLE_WORDS | _HONORIFIC_WORDS:
            lead.append(words.pop(0))
        if len(words) < 2 or any(
            normalise(w) in _INSTITUTION_WORDS
            or normalise(w) in self.names
            or normalise(w) in self.adjectives
            for w in words
        ):
            return None
        if not title and lead:
            title = " ".join(lead).lower()
            title = next((t for t in self._titles_longest_first if title.endswith(t)), title)
        # the span runs from the first to the last word of the name as written (a hard
        # line break may sit between them); the name has single spaces
        name_start = offset + m.start(name_group)
        return _Intro(
            " ".join(words), title, iso, bool(cn), offset + m.start(),
            name_start + spans[len(lead)][0], name_start + spans[-1][1],
        )  # fmt: skip

    def _introduce(self, p: _Intro, ctx: DocContext, found: list[Mention]) -> None:
        """Record an introduced person: the KB's or an earlier text's, else a new one."""
        kb = self.people.lookup(normalise(p.name), ctx.published)
        role = self.kb.title_role(p.title, p.iso3, ctx.published) if p.title else None
        if not kb and not p.title and not p.country_named:
            return  # a text person needs a title, or "Country's Name" form
        surname = normalise(p.name.split()[-1])
        if kb:
            self._add(
                found,
                Mention(
                    p.start, p.end, p.name, kb.actor_id, "person", kb.iso3, "kb:name", role=role
                ),
            )
            # "Senator Ron Johnson ... Johnson said": the surname is his in this document,
            # whoever else the KB knows by it
            ctx.surnames.setdefault(surname, kb.actor_id)
            if role and kb.actor_id.startswith("person:text:"):
                # a person an earlier text introduced, now with a title: this document
                # attests the role too
                ctx.new_actors.setdefault(
                    kb.actor_id,
                    {"actor_id": kb.actor_id, "name": p.name, "iso3": kb.iso3 or p.iso3,
                     "role": role, "start": p.start, "end": p.end},
                )  # fmt: skip
            return
        actor_id = "person:text:" + slug(p.name)
        ctx.surnames[surname] = actor_id
        ctx.surnames[normalise(p.name)] = actor_id
        ctx.new_actors.setdefault(
            actor_id,
            {"actor_id": actor_id, "name": p.name, "iso3": p.iso3, "role": role,
             "start": p.match_start, "end": p.end},
        )  # fmt: skip
        self.people.add_text_person(actor_id, p.name, p.iso3)
        self._add(
            found,
            Mention(
                p.start, p.end, p.name, actor_id, "person", p.iso3, "text:title-country-name",
                role=role,
            ),
        )  # fmt: skip

    def _country_phrase(self, phrase: str) -> tuple[str | None, str | None]:
        """(name, ISO3) of the longest start of ``phrase`` that names a country ("the
        Democratic Republic of the Congo (DRC) at the ..." -> COD), else (None, None)."""
        words = phrase.split()
        for k in range(len(words), 0, -1):
            if words[k - 1].lower() in ("of", "the", "and"):
                continue
            cand = " ".join(words[:k]).rstrip(".,;:")
            if self.names.get(normalise(cand), ("", ""))[0] == "igo":
                return None, None
            iso = self.kb.country_of(cand)
            if iso and self.kb.country_of_adjective(cand) is None:
                return cand, iso
        return None, None

    def _descriptors(self, text: str, offset: int, on: date | None, found: list[Mention]) -> None:
        for m in self.re_title_of.finditer(text):
            cn, iso = self._country_phrase(m.group("place"))
            if iso is None or cn is None:
                continue
            title = " ".join(m.group("title").lower().split())
            if title in self.titles and self.kb.title_role(title, iso, on) in LEADER_ROLES:
                end = m.start("place") + m.group("place").index(cn) + len(cn)
                if re.match(r"\s+[A-Z\u00C0-\u00DE]", text[end:]):
                    continue  # "the president of the United States Chamber of Commerce"
                span = (m.start() + offset, end + offset, text[m.start() : end])
                self._descriptor(span, title, iso, on, found)
        for m in self.re_descriptor.finditer(text):
            adj, cn = m.group("adj"), m.group("cn")
            iso = (
                self.adjectives.get(normalise(adj))
                if adj
                else self.names.get(normalise(cn), (None, None))[1]
            )
            title = m.group("title").lower()
            if not iso:
                continue
            if title == "counterpart":
                self._add(
                    found,
                    Mention.at(
                        m,
                        offset,
                        None,
                        "descriptor",
                        iso,
                        "descriptor:counterpart",
                        role="counterpart",
                    ),
                )
                continue
            self._descriptor(
                (m.start() + offset, m.end() + offset, m.group(0)), title, iso, on, found
            )

    def _descriptor(
        self,
        span: tuple[int, int, str],
        title: str,
        iso: str,
        on: date | None,
        found: list[Mention],
    ) -> None:
        """The mention of a title of a country without a name ("the Russian leader", "the
        president of Egypt"): its holder on the date, or the government for a minister."""
        role = self.kb.title_role(title, iso, on)
        holder = self.kb.office(title, iso, on) if role and on else None
        if holder is not None:
            role, iso = holder.role, holder.iso3 or iso  # "the Russian leader" in 1986
        if holder is None and role not in (None, *LEADER_ROLES):
            # "a French minister": no person is guessed; the actor is the government
            self._add(
                found,
                Mention(
                    *span, iso, "country", iso, "descriptor:country-government",
                    code=iso + "GOV", role=role,
                ),
            )  # fmt: skip
            return
        self._add(
            found,
            Mention(
                *span,
                holder.actor_id if holder else None,
                "descriptor",
                iso,
                f"descriptor:{role}@date" if holder else "descriptor:unresolved",
                role=role,
            ),
        )

    def _names_in_run(
        self, run: str, run_start: int, on: date | None, ctx: DocContext, found: list[Mention]
    ) -> None:
        words = [(w.group(0), w.start()) for w in _WORD.finditer(run)]
        i = 0
        while i < len(words):
            hit = None
            for j in range(min(len(words), i + 6), i, -1):
                span_text = run[words[i][1] : words[j - 1][1] + len(words[j - 1][0])]
                span_text = (
                    _POSSESSIVE.sub("", span_text).rstrip(".,;:")
                    if not span_text.endswith(("U.S.", "U.N.", "U.K.", "E.U."))
                    else span_text
                )
                key = normalise(span_text)
                res = self._resolve_name(key, span_text, on, ctx)
                if res:
                    hit = (j, span_text, res)
                    break
            if hit and hit[2][0] == "person" and j_is_single(hit[0], i):
                prev = normalise(words[i - 1][0]) if i > 0 else ""
                nxt = normalise(words[hit[0]][0]) if hit[0] < len(words) else ""
                # "Ivanka Trump", "Donald Trump Jr": another person with the same surname
                if (
                    prev
                    and words[i - 1][0][:1].isupper()
                    and prev not in _TITLE_WORDS
                    and prev not in _FUNCTION_WORDS
                    and prev not in self.names
                    and prev not in self.adjectives
                    and prev not in self.metonyms
                ) or nxt in _SUFFIXES:
                    hit = None
            elif (
                hit
                and hit[2][0] == "person"
                and hit[0] < len(words)
                and normalise(words[hit[0]][0]) in _SUFFIXES
            ):
                hit = None
            if hit and self._other_body(words, i, hit):
                hit = None
            if hit:
                j, span_text, (kind, actor_id, iso, rule) = hit
                if kind == "person" and len(span_text.split()) > 1 and actor_id:
                    ctx.surnames.setdefault(normalise(span_text.split()[-1]), actor_id)
                s = run_start + words[i][1]
                code = iso if kind in ("country", "metonym") else None
                self._add(
                    found,
                    Mention(
                        s,
                        s + len(span_text),
                        span_text,
                        actor_id,
                        "country" if kind == "metonym" else kind,
                        iso,
                        rule,
                        code=code,
                    ),
                )
                i = j
            else:
                i += 1

    def _other_body(self, words: list[tuple[str, int]], i: int, hit) -> bool:
        """A domestic body's one-word name after another capitalised word is another body:
        "Free Democrats", "Social Democrats", "Irish Republicans" are not the US parties."""
        j, _span, (kind, actor_id, iso, _rule) = hit
        if kind != "igo" or actor_id not in self.org_iso3 or j - i != 1 or i == 0:
            return False
        prev = words[i - 1][0]
        key = normalise(prev)
        return (
            prev[:1].isupper()
            and key not in _FUNCTION_WORDS
            and key not in _TITLE_WORDS
            and self.adjectives.get(key) != iso
            and self.names.get(key, ("", ""))[1] != iso
        )

    def _resolve_name(self, key: str, surface: str, on: date | None, ctx: DocContext):
        if not key:
            return None
        if key in ctx.surnames:
            aid = ctx.surnames[key]
            return (
                "person",
                aid,
                ctx.new_actors.get(aid, {}).get("iso3") or self.people.iso3_of(aid),
                "text:surname-in-doc",
            )
        person = self.people.lookup(key, on)
        if person:
            return ("person", person.actor_id, person.iso3, person.rule)
        if key in self.names:
            kind, v = self.names[key]
            iso = v if kind == "country" else self.org_iso3.get(v)
            return (kind, v, iso, f"lexicon:{kind}")
        if key in self.metonyms:
            return ("metonym", self.metonyms[key], self.metonyms[key], "lexicon:seat-of-government")
        if key.startswith("the ") and key[4:] in self.metonyms:
            return (
                "metonym",
                self.metonyms[key[4:]],
                self.metonyms[key[4:]],
                "lexicon:seat-of-government",
            )
        return None


def j_is_single(j: int, i: int) -> bool:
    return j - i == 1


def resolve_pronouns(mentions: list[Mention], unknown_subjects: list[int] = ()) -> None:
    """He/she -> the only person named earlier in the same sentence (else left unresolved).

    ``unknown_subjects`` are document offsets of subjects that are names we could not resolve
    ("Mueller would be crossing a red line if he ..."): a pronoun after one is left alone.
    """
    persons_before: list[Mention] = []
    for m in mentions:
        if m.kind == "pronoun" and any(u < m.start for u in unknown_subjects):
            continue
        if m.kind in ("person", "descriptor") and m.actor_id and m.actor_id.startswith("person:"):
            persons_before.append(m)
        elif m.kind == "pronoun":
            ids = {p.actor_id for p in persons_before}
            if len(ids) == 1:
                p = persons_before[-1]
                m.actor_id, m.iso3, m.rule = p.actor_id, p.iso3, "pronoun:sole-person-before"


def resolve_counterparts(mentions: list[Mention], kb: ActorKB, on: date | None) -> None:
    """'his Russian counterpart' -> the holder in that country of the named person's office,
    by date (:meth:`ActorKB.counterpart`)."""
    for m in mentions:
        if m.rule != "descriptor:counterpart" or not on:
            continue
        others = [  # a named person or a resolved descriptor ("Russia's foreign minister")
            p
            for p in mentions
            if p.kind in ("person", "descriptor")
            and p.actor_id
            and p.actor_id.startswith("person:")
            and p.iso3 != m.iso3
        ]
        if not others:
            continue
        holder = kb.counterpart(others[0].actor_id, m.iso3, on)
        if holder is not None:
            m.actor_id, m.role = holder.actor_id, holder.role
            m.rule = f"descriptor:counterpart:{holder.role}@date"


_ = _PRONOUNS
