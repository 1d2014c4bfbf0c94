"""Who did what to whom: events from one parsed sentence.

For each trigger token (verb lemma in ``VERBS``, event noun in ``NOUNS``) the source is the
grammatical subject (passive: the ``agent``), the target the direct object or the object
of a frame preposition; conjoined subjects of symmetric verbs ("A and B met") give the
target. Arguments are mapped to actor mentions inside their noun phrase only (never
relative clauses), so actors are not taken from the wrong part of the sentence. No source
actor: no event. Modality comes from negation, refusing/denying/planning governors,
modal auxiliaries, conditionals and reported speech.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from summitry.coding import triggers as tr
from summitry.coding.mentions import Mention
from summitry.nlp import lexical
from summitry.nlp.dates import DateMention
from summitry.nlp.lexical import lemma as _lemma
from summitry.nlp.lexical import upos as _upos

_NP_SKIP = {"relcl", "acl", "advcl", "ccomp", "xcomp", "punct", "cc", "conj", "prep", "parataxis"}
_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_HYPO_AUX = {"may", "might", "could", "can", "should", "must"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_PERSON_NOUNS = {
    "president",
    "leader",
    "counterpart",
    "minister",
    "premier",
    "chancellor",
    "king",
    "ambassador",
    "envoy",
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# what one signs: "signed an agreement", "the deal", "a memorandum"
_AGREEMENT_NOUNS = (
    "agreement",
    "deal",
    "treaty",
    "accord",
    "memorandum",
    "pact",
    "declaration",
    "contract",
)

# heads that cannot be the doer even when an actor modifies them ("Trump's decision offers",
# "U.S. stocks rallying", "Flynn's lawyer said"): the source would be the modifier, wrongly
_NOT_AGENTS = _words(
    """
    decision attempt address speech memo proposal plan draft ad action actions effort efforts
    response move policy order bill law budget cut visit trip tone promotion return ability
    lawsuit guidance report letter statement tweet comment remark stock stocks equity equities
    market markets economy dollar currency share shares bond bonds price prices rate rates
    hurricane storm earthquake flood fire damage disaster percent day days week year pay tax
    taxes deal agreement program programme sanction sanctions missile missiles weapon weapons
    test tests election vote poll survey data figures
    """
)
# people linked to an actor who do not act for it ("Flynn's lawyer said", "critics of Trump
# say"); they stand for their side only when they protest ("supporters of X blocked roads")
_NOT_AGENTS_UNLESS_PROTEST = _words(
    """
    son daughter wife husband brother sister mother father family lawyer lawyers attorney
    attorneys associate associates friend friends critic critics opponent opponents rival
    rivals supporter supporters voter voters accuser accusers man woman men women people
    poster commentator commentators competitor competitors lobbyist lobbyists analyst analysts
    investor investors company companies firm firms bank banks
    """
)
_SECTOR_ROOTS = {
    "COP": {"17", "18", "19", "20"},
    "MIL": {"15", "17", "18", "19", "20"},
    "REB": {"12", "13", "15", "17", "18", "19", "20"},
    "INS": {"12", "13", "15", "17", "18", "19", "20"},
    "*": {"14"},
}
_NOT_SAYING = {"decline", "refuse", "fail", "hesitate", "avoid"}
_REQUESTS = {"request", "application", "bail", "appeal", "motion", "petition", "permission"}
_HOSTILE_OBJECTS = {
    "sanction",
    "sanctions",
    "restriction",
    "restrictions",
    "tariff",
    "tariffs",
    "ban",
    "embargo",
    "penalty",
    "penalties",
    "measure",
    "measures",
}
_FIGHT_OBJECTS = {
    "war",
    "battle",
    "force",
    "forces",
    "militant",
    "militants",
    "insurgent",
    "insurgents",
    "rebel",
    "rebels",
    "troops",
    "army",
    "fighter",
    "fighters",
    "terrorist",
    "terrorists",
}
_NEEDS_DOBJ = {"release", "free", "withdraw", "ease", "lift", "cut", "suspend", "mobilize", "seize"}
_CIRCUMSTANTIAL_PREPS = {"during", "after", "at", "in", "on", "since", "following"}
_NEGATING_NOUNS = {"lack", "absence", "failure", "cancellation"}
_NOUN_PLAN_MODS = {
    "upcoming",
    "planned",
    "proposed",
    "possible",
    "potential",
    "future",
    "next",
    "expected",
}
lexical.register_lemmas(
    [
        *tr.VERBS,
        *tr.NOUNS,
        *tr.LIGHT_VERBS,
        *tr.PLAN_VERBS,
        *tr.REFUSE_VERBS,
        *tr.DENY_VERBS,
        *tr.SPEECH_VERBS,
        *tr.PHONE_WORDS,
        *_PERSON_NOUNS,
        *_AGREEMENT_NOUNS,
        "tone",
        "balance",
        "chord",
        "carry",
        "launch",
        "conduct",
        "summit",
        "meeting",
        "conversation",
        "visit",
        "trip",
        "mount",
        "impose",
        "order",
    ]
)
_QUOTE_RE = re.compile(r"[“\"]([^”\"]{3,})[”\"]")


@dataclass
class Arg:
    mention: Mention
    token: Token


@dataclass
class Extracted:
    code: str
    source: Mention
    target: Mention | None
    trigger: Token
    modality: str
    speaker: Mention | None
    quote: str | None
    date: DateMention | None
    location: tuple[str, int, int] | None  # text, doc start, doc end
    rule: str


def _np_tokens(tok: Token) -> list[Token]:
    out = [tok]
    for c in tok.children:
        if c.dep_ in _NP_SKIP and not (c.dep_ == "prep" and c.lower_ == "of"):
            continue
        out.extend(_np_tokens(c))
    return out


def _sector_may(m: Mention, code: str) -> bool:
    """A generic sector actor ("police", "protesters", "the rebels": no country) is a source
    only for the acts that are its own: police coerce, protesters protest, rebels fight."""
    if not (m.actor_id or "").startswith("sector:"):
        return True
    sector = (m.actor_id or "")[7:10]
    return code[:2] in _SECTOR_ROOTS.get(sector, _SECTOR_ROOTS["*"])


def _appos_of_subject(tok: Token) -> bool:
    return tok.dep_ == "appos" and tok.head.dep_ in ("nsubj", "nsubjpass")


def _conjuncts(tok: Token) -> list[Token]:
    return [tok, *[c for c in tok.conjuncts if c.i > tok.i]]


class SentenceCoder:
    """Extract events from one parsed sentence with its mentions."""

    def __init__(
        self,
        doc: Doc,
        offset: int,
        mentions: list[Mention],
        dates: list[DateMention],
        published: date | None,
    ):
        self.doc, self.offset, self.published = doc, offset, published
        self.mentions = [m for m in mentions if m.actor_id]
        self.dates = dates
        self._tok_mention: dict[int, Mention] = {}
        starts: list[int] = []  # document offsets of the tokens an actor may sit in
        ends: list[int] = []
        first = 0  # index of the first of those tokens
        self._triggers: list[int] = []  # tokens whose word has a trigger lemma
        prev, dateline = "", False
        for t in doc:
            text = t.text
            if t.lower_ in TRIGGER_WORDS:
                self._triggers.append(t.i)
            if text == "Reuters" and prev == "(" and not dateline:
                # "WASHINGTON/KHOBAR, Saudi Arabia (Reuters) - Trump appealed ...": a
                # dateline's places are where the story was filed, never an actor
                starts.clear()
                ends.clear()
                first, dateline = t.i + 1, True
            else:
                starts.append(offset + t.idx)
                ends.append(offset + t.idx + len(text))
            prev = text
        for m in self.mentions:  # the tokens that overlap the mention (ends are increasing)
            k = bisect_right(ends, m.start)
            while k < len(starts) and starts[k] < m.end:
                self._tok_mention.setdefault(first + k, m)
                k += 1

    # --- arguments ------------------------------------------------------------------
    def actor_of(self, tok: Token) -> Mention | None:
        """The actor named by the noun phrase headed by ``tok`` (its head word first)."""
        if tok.i in self._tok_mention:
            return self._tok_mention[tok.i]
        if _lemma(tok) in _PERSON_NOUNS:  # "his U.S. counterpart Rex Tillerson": the person
            toks = _np_tokens(tok) + [c for c in tok.children if c.dep_ == "appos"]
            # "U.S. Ambassador to the United Nations Nikki Haley": the name ends the "to" phrase
            toks += [
                x for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for x in c.subtree
            ]
            for t in toks:
                m = self._tok_mention.get(t.i)
                if m is not None and m.kind == "person":
                    return m
        if _upos(tok) == "PROPN":
            return None  # an unknown name heads the phrase: never guessed from its modifiers
        toks = [t for t in _np_tokens(tok) if t.dep_ != "appos" and t.head.dep_ != "appos"]
        # prefer modifiers close to the head: compound/amod/poss ("Russian officials")
        for t in sorted(toks, key=lambda x: (x.head.i != tok.i, abs(x.i - tok.i))):
            if t.i in self._tok_mention:
                m = self._tok_mention[t.i]
                if m.kind == "person" and _upos(tok) == "NOUN" and _lemma(tok) not in _PERSON_NOUNS:
                    if not m.iso3 or len(m.iso3) != 3:
                        return None
                    # "Trump administration officials", "Putin's spokesman": the government
                    return Mention(
                        m.start,
                        m.end,
                        m.text,
                        m.iso3,
                        "country",
                        m.iso3,
                        "modifier:person->government",
                        code=m.iso3 + "GOV",
                    )
                return m
        return None

    def _args(self, toks: list[Token]) -> list[Arg]:
        out: list[Arg] = []
        for t in toks:
            for c in _conjuncts(t):
                m = self.actor_of(c)
                if m and all(a.mention.actor_id != m.actor_id for a in out):
                    out.append(Arg(m, c))
        return out

    def _coordinated_names(self, head: Token) -> list[Arg]:
        """Names joined by "and" that the parser folded into one noun phrase: "U.S. President
        Donald Trump and Russian President Vladimir Putin" parsed as a compound headed by
        "Putin". Only when the phrase left of its head is names, titles and adjectives."""
        head_m = self._tok_mention.get(head.i)
        if head_m is None:
            return []
        left = [t for t in head.subtree if t.i < head.i]
        if not left or left[0].i + len(left) != head.i:
            return []  # not a contiguous pre-head phrase
        ands = [t for t in left if t.lower_ == "and" and t.tag_ == "CC"]
        if len(ands) != 1:
            return []
        for t in left:
            if t.i in self._tok_mention or t.i == ands[0].i:
                continue
            if _upos(t) not in ("PROPN", "ADJ", "DET", "PUNCT", "X") and _lemma(t) not in (
                _PERSON_NOUNS
            ):
                return []
        out: list[Arg] = []
        for t in left:
            m = self._tok_mention.get(t.i)
            if (
                m is not None
                and t.i < ands[0].i
                and m.actor_id != head_m.actor_id
                and all(a.mention.actor_id != m.actor_id for a in out)
            ):
                out.append(Arg(m, t))
        if not out:
            return []
        return [*out, Arg(head_m, head)]

    def subjects(self, verb: Token, code: str = "") -> tuple[list[Arg], bool]:
        """Subject actors of ``verb`` (inherited through xcomp / conj) and whether passive.

        Precision first: a subject that is no actor ("the judge in the trial of Senator X",
        "Trump's decision", "U.S. stocks") gives no source, and a subject is not inherited
        across a parse that is likely wrong (a participle clause, a relative clause)."""
        args, passive = self._subjects(verb)
        return [a for a in args if self._agentive(a, code)], passive

    def _agentive(self, a: Arg, code: str = "") -> bool:
        """False for an actor that only modifies a head that cannot act ("Trump's decision",
        "U.S. stocks", "Flynn's lawyer", "hurricane damage")."""
        t = a.token
        if t.i in self._tok_mention:
            return True
        words = {_lemma(t), t.lower_}
        if words & _NOT_AGENTS:
            return False
        return code[:2] == "14" or not words & _NOT_AGENTS_UNLESS_PROTEST

    def _subjects(self, verb: Token) -> tuple[list[Arg], bool]:
        v = verb
        if (
            verb.tag_ == "VBN"
            and verb.dep_ in ("advcl", "acl")
            and not any(c.dep_ in _SUBJ for c in verb.children)
        ):
            # "When asked about X, McMaster told ...", "a bill offered by Republicans": the
            # participle is passive and its head or the main subject is not its doer
            return [], True
        for _ in range(4):
            subj = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
            passive = [c for c in v.children if c.dep_ == "nsubjpass"]
            if (
                len(subj) > 1
                and subj[0].i not in self._tok_mention
                and _upos(subj[0]) == "NOUN"
                and not any(t.is_punct for t in self.doc[subj[0].i : v.i])
            ):
                # two subjects is a misparse ("The judge in the trial of Senator X told"):
                # the first one is the subject, and it is no actor
                return [], False
            if subj or passive:
                if passive:
                    agents = [
                        gc
                        for c in v.children
                        if c.dep_ == "agent"
                        for gc in c.children
                        if gc.dep_ == "pobj"
                    ]
                    return self._args(agents), True
                if len(subj) == 1 and not subj[0].conjuncts:
                    folded = self._coordinated_names(subj[0])
                    if folded:
                        return folded, False
                return self._args(subj), False
            if v.dep_ == "conj" and self._relcl_between(v):
                break  # "damage, which disrupted X, contaminated Y and destroyed Z"
            if v.dep_ == "conj":
                own = self._swallowed_subject(v)
                if own is not None:  # "Russia denies the claims and Trump denies collusion"
                    return self._args([own]), False
            if v.dep_ in ("xcomp", "conj", "advcl") and v.head.i != v.i:
                v = v.head
                continue
            if (
                v.dep_ == "acl"
                and v.head.i != v.i
                and v.tag_ == "VBG"
                and (v.head.dep_ in ("nsubj", "ROOT") or _appos_of_subject(v.head))
            ):  # "Putin, speaking after talks with ...": only a subject's participle
                return self._args([v.head]), False
            break
        return [], False

    def _swallowed_subject(self, v: Token) -> Token | None:
        """The subject of a conjoined verb that the parser joined to the previous clause's
        object instead: a conjoined noun right before the verb (auxiliaries, negation and
        adverbs aside), as "Trump" in "Russia denies the claims and Trump denies collusion"."""
        i = v.i - 1
        while i > v.head.i and self.doc[i].dep_ in ("aux", "auxpass", "neg", "advmod"):
            i -= 1
        t = self.doc[i]
        if i > v.head.i and t.dep_ == "conj" and _upos(t) in ("NOUN", "PROPN"):
            return t
        return None

    def _relcl_between(self, v: Token) -> bool:
        """True when a relative clause sits between a conjoined verb and the verb it hangs
        on, with the conjunct's form and not the head's: the parser most likely joined the
        relative clause's verbs to the main verb."""
        head = v.head
        for t in self.doc[head.i + 1 : v.i]:
            if t.dep_ == "relcl" and t.tag_ == v.tag_ and head.tag_ != v.tag_:
                return True
        return False

    def objects(self, verb: Token, frame: tr.Frame, passive: bool) -> list[Arg]:
        toks: list[Token] = []
        if passive:
            toks += [c for c in verb.children if c.dep_ == "nsubjpass"]
        elif frame.dobj_target:
            toks += [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        for prep in verb.children:
            if prep.dep_ in ("prep", "dative") and prep.lower_ in frame.target_preps:
                toks += [c for c in prep.children if c.dep_ == "pobj"]
        # "called on X to", "accused X of": the particle/prep attached to the verb
        for c in verb.children:
            if c.dep_ == "prt" and c.lower_ in frame.target_preps:
                toks += [d for d in verb.children if d.dep_ == "dobj"]
        return self._args(toks)

    # --- modality -------------------------------------------------------------------
    def modality(self, trig: Token, gov: Token) -> str:
        """asserted|negated|refused|denied|planned|hypothetical|reported for one trigger."""
        chain: list[Token] = [trig]
        if gov.i != trig.i:
            chain.append(gov)
        plan_chain = list(chain)  # tokens whose planning verbs ("offer", "agree") apply
        if trig.dep_ == "pobj" and trig.head.lower_ in _CIRCUMSTANTIAL_PREPS:
            plan_chain = [
                trig
            ]  # "during a visit to Vietnam, Trump offered ...": the visit happened
        t = gov
        circumstantial = (
            False  # "during / after a meeting ...": the meeting is not planned by the verb
        )
        while (
            t.dep_
            in ("xcomp", "pobj", "prep", "acomp", "dobj", "nsubjpass", "auxpass", "attr", "conj")
            and t.head.i != t.i
        ):
            if t.dep_ == "pobj" and t.head.lower_ in _CIRCUMSTANTIAL_PREPS:
                circumstantial = True
            t = t.head
            chain.append(t)
            if not circumstantial:
                plan_chain.append(t)
        if (
            trig.dep_ == "pobj"
            and trig.head.lower_ == "of"
            and _lemma(trig.head.head) in _NEGATING_NOUNS
        ):
            return "negated"  # "the lack of a bilateral meeting"
        if (
            _upos(trig) == "NOUN"
            and trig.dep_ == "pobj"
            and (
                trig.head.lower_ in ("before", "ahead")
                or (
                    trig.head.lower_ == "for"
                    and _lemma(trig.head.head) not in ("thank", "praise", "criticize")
                )
            )
        ):
            return "planned"
        if (
            _upos(trig) == "NOUN"
            and trig.dep_ == "pobj"
            and trig.head.lower_ == "of"
            and trig.head.head.lower_ == "ahead"
        ):
            return "planned"  # "ahead of Trump's visit"
        if (
            _upos(trig) == "NOUN"
            and trig.dep_ in ("nsubj", "nsubjpass")
            and any(k.dep_ == "aux" and k.lower_ in _FUTURE_AUX for k in trig.head.children)
        ):
            return "planned"  # "Meetings between Trump and Xi this week will focus on trade"
        if any(k.dep_ == "aux" and k.lower_ == "to" for tok in chain for k in tok.children) and any(
            _lemma(tok) == "be" and tok.dep_ == "ROOT" for tok in chain
        ):
            return "planned"  # "Trump is to visit ..."
        for tok in chain:
            kids = list(tok.children)
            if any(k.dep_ == "neg" for k in kids) or any(
                k.dep_ == "det" and k.lower_ == "no" for k in kids
            ):
                return "negated"
        for tok in chain[1:] + ([trig] if _upos(trig) == "NOUN" else []):
            if _lemma(tok) in tr.REFUSE_VERBS:
                return "refused"
            if _lemma(tok) in tr.DENY_VERBS:
                return "denied"
        if chain[-1].dep_ == "advcl" and any(
            k.dep_ in ("mark", "advmod") and k.lower_ in ("when", "before", "once")
            for k in chain[-1].children
        ):
            if any(k.lower_ == "before" for k in chain[-1].children):
                return "planned"  # "just before Trump visits Beijing"
            t = chain[-1].head  # "... will discuss X when he meets Xi": the main clause's tense
            chain.append(t)
            while t.dep_ in ("xcomp", "conj") and t.head.i != t.i:
                t = t.head
                chain.append(t)
        aux = {k.lower_ for tok in chain for k in tok.children if k.dep_ in ("aux", "auxpass")}
        if aux & _HYPO_AUX:
            return "hypothetical"
        if any(
            k.dep_ == "mark" and k.lower_ in ("if", "unless", "whether")
            for tok in chain
            for k in tok.children
        ):
            return "hypothetical"
        if aux & _FUTURE_AUX or "would" in aux:
            return "planned"
        if any(_lemma(tok) in tr.PLAN_VERBS and tok.i != trig.i for tok in plan_chain):
            return "planned"
        if _upos(trig) == "NOUN" and any(
            k.lower_ in _NOUN_PLAN_MODS or _lemma(k) in _NOUN_PLAN_MODS for k in trig.children
        ):
            return "planned"
        for tok in chain:
            if (
                tok.tag_ == "VBG"
                and any(
                    k.lower_ in ("be", "is", "are", "'s") and k.dep_ == "aux" for k in tok.children
                )
                and self._future_date(tok)
            ):
                return "planned"
        return "asserted"

    def _future_date(self, tok: Token) -> bool:
        d = self.date_for(tok)
        return bool(d and d.future)

    def reporter(self, trig: Token) -> Token | None:
        """The speech verb whose clause contains ``trig``, if any."""
        t = trig
        while t.head.i != t.i:
            if t.dep_ in ("ccomp", "parataxis") and _lemma(t.head) in tr.SPEECH_VERBS:
                return t.head
            t = t.head
        return None

    # --- dates and places --------------------------------------------------------------
    def date_for(self, tok: Token) -> DateMention | None:
        if not self.dates:
            return None
        sub = {t.i for t in tok.subtree}
        ch = [
            t
            for t in tok.children
            if t.dep_ not in ("ccomp", "advcl", "relcl", "conj", "parataxis")
        ]
        near = {x.i for c in ch for x in c.subtree} | {tok.i}
        best = None
        for d in self.dates:
            toks = {t.i for t in self.doc if d.start <= self.offset + t.idx < d.end}
            if toks & near:
                return d
            if toks & sub and best is None:
                best = d
        if best:
            return best
        if len(self.dates) == 1:  # the only date, if it sits in the trigger's own clause
            toks = [
                t
                for t in self.doc
                if self.dates[0].start <= self.offset + t.idx < self.dates[0].end
            ]
            if toks and _clause_root(toks[0]).i == _clause_root(tok).i:
                return self.dates[0]
        return None

    def location_for(self, tok: Token) -> tuple[str, int, int] | None:
        near = [tok, tok.head] + [
            t
            for t in tok.subtree
            if t.dep_ == "pobj"
            and t.head.dep_ == "prep"
            and not any(
                a.dep_ in ("ccomp", "relcl", "advcl")
                for a in t.ancestors
                if a.i != tok.i and tok.i in {x.i for x in a.ancestors}
            )
        ]
        for t in near:
            for prep in t.children:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                    for p in prep.children:
                        if p.dep_ == "pobj" and _upos(p) == "PROPN":
                            toks = [
                                x
                                for x in p.subtree
                                if _upos(x) == "PROPN"
                                or x.dep_ in ("compound", "npadvmod")
                                or x.i == p.i
                            ]
                            toks = [x for x in toks if x.i <= p.i + 3]
                            s = min(x.idx for x in toks)
                            e = max(x.idx + len(x.text) for x in toks)
                            txt = self.doc.text[s:e].rstrip(".,")
                            return txt, self.offset + s, self.offset + s + len(txt)
        return None

    # --- main -----------------------------------------------------------------------
    def events(self) -> list[Extracted]:
        out: list[Extracted] = []
        for tok in (self.doc[i] for i in self._triggers):  # any other word is no trigger
            if _upos(tok) in ("VERB", "AUX") or (
                _upos(tok) == "NOUN" and _lemma(tok) in ("call", "phone") and tok.dep_ == "ROOT"
            ):
                frame = tr.VERBS.get(_lemma(tok))
                if frame and _upos(tok) != "AUX":
                    ev = self._verb_event(tok, frame)
                    if ev:
                        out.append(ev)
            elif _upos(tok) in ("NOUN", "PROPN") and _noun_lemma(tok) in tr.NOUNS:
                ev = self._noun_event(tok, tr.NOUNS[_noun_lemma(tok)])
                if ev:
                    out.append(ev)
        return out

    def _finish(
        self,
        code: str,
        src: Arg,
        tgt: Arg | None,
        trig: Token,
        gov: Token,
        rule: str,
        symmetric_pair: bool = False,
    ) -> Extracted | None:
        if tgt is not None and tgt.mention.actor_id == src.mention.actor_id:
            return None
        if not _sector_may(src.mention, code):
            return None  # "police said": a generic sector without a country, not its own act
        modality = self.modality(trig, gov)
        rep = self.reporter(gov)
        speaker = None
        if rep is not None:
            subj, _ = self.subjects(rep)
            subj = subj or self._trailing_attribution(rep)
            if subj:
                speaker = subj[0].mention
                participants = {src.mention.actor_id, tgt.mention.actor_id if tgt else None}
                if modality == "asserted" and speaker.actor_id not in participants:
                    modality = "reported"
            elif modality == "asserted":
                modality = "reported"
        d = self.date_for(gov)
        if modality == "asserted" and d and d.future:
            modality = "planned"
        if code.startswith("04") and modality in ("planned", "hypothetical"):
            code = "036"
        elif modality == "planned":
            code = _intent_code(code)
        loc = self.location_for(gov)
        return Extracted(
            code,
            src.mention,
            tgt.mention if tgt else None,
            trig,
            modality,
            speaker,
            None,
            d,
            loc,
            rule,
        )

    def _trailing_attribution(self, rep: Token) -> list[Arg]:
        """The speaker of a sentence-final attribution the parser left without a subject
        ("..., a White House official said."): a short phrase between a comma and the verb."""
        if rep.i == 0 or self.doc[rep.i - 1].lower_ == ",":
            return []
        start = rep.i - 1
        while start > 0 and self.doc[start - 1].lower_ not in (",", "”", '"'):
            start -= 1
            if rep.i - start > 6:
                return []
        if start == 0 or self.doc[start - 1].lower_ != ",":
            return []
        for t in reversed(self.doc[start : rep.i]):
            m = self._tok_mention.get(t.i)
            if m is not None:
                return [Arg(m, t)]
        return []

    def _verb_event(self, verb: Token, frame: tr.Frame) -> Extracted | None:
        lemma = _lemma(verb)
        code = frame.code
        if verb.dep_ in ("amod", "compound") or (
            verb.tag_ == "VBG"
            and verb.dep_ in ("xcomp", "acl")
            and _lemma(verb.head) in tr.SPEECH_VERBS
        ):
            return None  # "told visiting U.S. President Donald Trump": a modifier, not the event
        # "call": appeal only with "call on"; a call with a person object is a phone call
        if lemma == "call":
            dobjs = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "attr", "npadvmod")]
            if any(c.dep_ == "prt" and c.lower_ in ("on", "upon") for c in verb.children) or any(
                c.dep_ == "prep"
                and c.lower_ in ("on", "upon")
                and any(g.i in self._tok_mention for g in c.children)
                for c in verb.children
            ):
                frame = tr.Frame("020", ("on", "upon"))
            elif (
                len(dobjs) > 1
                or any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in verb.children)
                or any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)
            ):
                return None
            else:
                frame = tr.Frame("041")
            code = frame.code
        if lemma in ("speak", "talk", "chat", "confer") and any(
            c.dep_ == "prep"
            and c.lower_ in ("by", "over", "via", "on")
            and any(_lemma(g) in tr.PHONE_WORDS for g in c.subtree)
            for c in verb.children
        ):
            code = "041"
        if lemma in ("meet", "talk", "hold") and any(
            _lemma(g) in tr.PHONE_WORDS
            for c in verb.children
            if c.dep_ == "prep"
            for g in c.subtree
        ):
            code = "041"
        if lemma in ("receive", "welcome") and not any(
            c.dep_ == "dobj" and c.i in self._tok_mention for c in verb.children
        ):
            return None
        if lemma in ("support", "back") and verb.dep_ in ("amod", "acl"):
            return None
        if lemma == "sign" and not any(
            c.dep_ == "dobj" and _lemma(c) in _AGREEMENT_NOUNS for c in verb.children
        ):
            return None
        if (
            code[:2] not in ("02", "10")
            and verb.dep_ == "xcomp"
            and _lemma(verb.head) in _APPEAL_HEADS
        ):
            return None  # "urged Beijing to cut links": the appeal is the event, not the cut
        if any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children) and lemma in (
            "give",
            "blow",
            "end",
            "break",
        ):
            return None  # "give up weapons" is a concession, not aid
        if frame.objects:
            code = self._object_code(verb, frame)
            if not code:
                return None
        elif lemma in _NEEDS_DOBJ and not any(c.dep_ == "dobj" for c in verb.children):
            return None
        if lemma == "offer" and any(
            c.dep_ == "dobj" and _lemma(c) in _NOT_OFFERS for c in verb.children
        ):
            return None  # "offered a different version of events"
        if lemma in ("refuse", "decline", "spurn") and not self._refused_act(verb):
            return None  # "declined to comment" is no rejection
        if lemma == "strike" and any(
            c.dep_ == "dobj" and _lemma(c) in ("deal", "agreement", "tone", "balance", "chord")
            for c in verb.children
        ):
            return None
        if lemma in ("add", "state", "declare") and not any(
            c.dep_ in ("ccomp", "parataxis") for c in verb.children
        ):
            return None
        dobj_lemmas = {_lemma(c) for c in verb.children if c.dep_ == "dobj"}
        if code.startswith("01") and verb.dep_ == "xcomp" and _lemma(verb.head) in _NOT_SAYING:
            return None  # "declined to say who ...": nothing was said
        if code == "016" and dobj_lemmas & _REQUESTS:
            return None  # "a judge denied a request": a ruling, not a denial of responsibility
        if lemma == "propose" and dobj_lemmas & _HOSTILE_OBJECTS:
            return None  # "proposed sanctions" is not an offer to cooperate
        if (
            lemma == "fight"
            and dobj_lemmas
            and not dobj_lemmas & _FIGHT_OBJECTS
            and not any(c.dep_ == "dobj" and c.i in self._tok_mention for c in verb.children)
        ):
            return None  # "fought broad legal interpretations in court"
        if code.startswith("03") and any(
            c.dep_ == "xcomp" and any(k.dep_ == "neg" for k in c.children) for c in verb.children
        ):
            code = "120"  # "Pyongyang has vowed never to give up ...": a rejection, not intent
        subj, passive = self.subjects(verb, code)
        if not subj:
            return None
        src = subj[0]
        objs = self.objects(verb, frame, passive)
        if not objs and code[:2] in ("13", "11") and lemma in ("warn", "threaten", "vow"):
            # "X warned it would destroy Y": the target is the object of the threatened act
            for comp in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
                objs = self._args([d for d in comp.children if d.dep_ == "dobj"])
                if objs:
                    break
        if not objs and code[:2] in ("02", "10") and not passive:
            # "demanded that the United States match ...": the target is the clause's subject
            for comp in (c for c in verb.children if c.dep_ == "ccomp"):
                objs = self._args([d for d in comp.children if d.dep_ in ("nsubj", "nsubjpass")])
                if objs:
                    break
        tgt: Arg | None = objs[0] if objs else None
        if tgt is None and frame.symmetric and len(subj) > 1:
            tgt = subj[1]
        if tgt is None and frame.needs_target:
            return None
        if tgt is None and code == "056":
            return None  # "pardoned a turkey": forgiveness needs someone forgiven
        if code == "010" and tgt is not None and lemma != "tell":
            tgt = None
        if code == "010":
            demanded = self._must_clause(verb, src)
            if demanded is not None:  # "Russia said Sudan must return the helicopter"
                code, tgt = "100", demanded
        if lemma == "deny" and not any(c.dep_ in ("ccomp", "dobj") for c in verb.children):
            return None
        if lemma == "attack" and tgt is not None and tgt.mention.kind == "person":
            code = "111"  # attacking a person is verbal ("attacked Corker on Twitter")
        if code.startswith("04") or code == "036":
            code = self._meeting_code(code, src, tgt, verb)
        ev = self._finish(code, src, tgt, verb, verb, f"verb:{lemma}")
        if ev and code.startswith("01"):
            ev.speaker = src.mention
            ev.quote = self._quote(verb)
            ev.code = code
            kids = list(verb.children)
            if any(k.dep_ == "neg" for k in kids):
                ev.modality = "negated"
            elif any(k.dep_ == "aux" and k.lower_ in _HYPO_AUX for k in kids) or any(
                k.dep_ == "mark" and k.lower_ in ("if", "unless", "whether") for k in kids
            ):
                ev.modality = "hypothetical"  # "What if Sessions says ...?"
            elif any(k.dep_ == "aux" and k.lower_ in _FUTURE_AUX for k in kids):
                ev.modality = "planned"
            elif ev.modality != "reported" or self.reporter(verb) is None:
                ev.modality = "asserted"
        return ev

    def _object_code(self, verb: Token, frame: tr.Frame) -> str:
        """The code given by the verb's object ("provided food" -> 073), or ""."""
        objs = dict(frame.objects)
        heads = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "dative")]
        heads += [  # "pulled out its troops": particle + object; "sent aid to"
            g for c in verb.children if c.dep_ == "prt" for g in c.children if g.dep_ == "pobj"
        ]
        for h in heads:
            cands = [h] + [c for c in h.children if c.dep_ in ("compound", "amod")]
            cands += [
                g
                for c in h.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            for t in cands:
                for key in (_lemma(t), t.lower_, t.lower_.rstrip("s")):
                    if key in objs:
                        return objs[key]
        return ""

    def _refused_act(self, verb: Token) -> bool:
        """ "refused to deploy troops", "rejected the offer": a refusal of an event."""
        for c in verb.children:
            if c.dep_ == "xcomp":
                f = tr.VERBS.get(_lemma(c))
                if f is None or f.code.startswith("01"):
                    continue
                if not f.objects or self._object_code(c, f):  # "declined to give reasons": no
                    return True
            if c.dep_ == "dobj" and _lemma(c) in _REFUSABLE:
                return True
        return False

    def _must_clause(self, verb: Token, src: Arg) -> Arg | None:
        """The actor a speaker says "must" do something: CAMEO 10 (demand)."""
        for comp in (c for c in verb.children if c.dep_ in ("ccomp", "parataxis")):
            if not any(k.dep_ == "aux" and k.lower_ == "must" for k in comp.children):
                continue
            subj = self._args([d for d in comp.children if d.dep_ in ("nsubj", "nsubjpass")])
            if subj and subj[0].mention.actor_id != src.mention.actor_id:
                return subj[0]
        return None

    def _noun_event(self, noun: Token, frame: tr.Frame) -> Extracted | None:
        lemma = _noun_lemma(noun)
        code = frame.code
        if lemma in tr.NOUN_GOVERNORS or lemma == "strike":
            gov_lem = _lemma(noun.head)
            if lemma == "strike" and any(c.lower_ == "hunger" for c in noun.children):
                if gov_lem not in (
                    "stage",
                    "begin",
                    "start",
                    "continue",
                    "launch",
                    "hold",
                    "go",
                    "end",
                ):
                    return None
                code = "142"
            elif lemma == "strike" and gov_lem in ("stage", "call", "hold", "go"):
                code = "143"
            elif lemma in tr.NOUN_GOVERNORS:
                if gov_lem not in tr.NOUN_GOVERNORS[lemma]:
                    return None
                code = tr.noun_governor_code(lemma, gov_lem, code)
            frame = tr.Frame(
                code, frame.target_preps, frame.dobj_target, frame.needs_target, frame.symmetric
            )
        if lemma == "call" and not (
            any(_lemma(c) in tr.PHONE_WORDS and c.i != noun.i for c in noun.children)
            or _lemma(noun.head) in ("hold", "have", "make")
        ):
            return None
        if lemma == "talk" and noun.text.lower() != "talks":
            return None
        if any(
            _lemma(c) in tr.PHONE_WORDS and c.i != noun.i for c in noun.children
        ) and code.startswith("04"):
            code = "041"
        if lemma in ("deal", "agreement", "treaty") and _lemma(noun.head) not in (
            "sign",
            "reach",
            "seal",
            "strike",
            "conclude",
        ):
            return None
        if lemma in ("invasion", "curfew") and _lemma(noun.head) not in (
            "mount",
            "launch",
            "impose",
            "begin",
            "order",
        ):
            return None
        if (
            lemma in ("strike", "attack")
            and code not in ("142", "143")
            and _lemma(noun.head) not in ("launch", "carry", "conduct")
        ):
            return None
        gov = noun
        # actors inside the noun phrase: "A's meeting with B", "talks between A and B"
        src: Arg | None = None
        tgt: Arg | None = None
        poss = [c for c in noun.children if c.dep_ == "poss"]
        between = [
            p
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "between"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        with_ = [
            p
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in frame.target_preps
            for p in c.children
            if p.dep_ == "pobj"
        ]
        mods = [
            c
            for c in noun.children
            if c.dep_ in ("compound", "amod")
            and c.i in self._tok_mention
            and (lemma == "sanction" or self._tok_mention[c.i].kind in ("person", "igo"))
        ]
        if between:
            pair = self._args(between)
            if len(pair) >= 2:
                src, tgt = pair[0], pair[1]
        if src is None and poss:
            a = self._args(poss)
            if a:
                src = a[0]
        if (
            src is None
            and noun.dep_ in ("dobj", "nsubjpass", "attr", "pobj")
            and _upos(noun.head) in ("VERB", "AUX", "ADP")
        ):
            gov = noun.head if _upos(noun.head) != "ADP" else noun.head.head
            if (
                _lemma(gov)
                not in tr.LIGHT_VERBS
                | tr.PLAN_VERBS
                | tr.REFUSE_VERBS
                | tr.DENY_VERBS
                | {
                    "be",
                    "during",
                    "after",
                    "at",
                }
                and _upos(noun.head) != "ADP"
            ):
                return None
            if _upos(noun.head) == "ADP" and noun.head.lower_ not in (
                "for",
                "to",
                "during",
                "at",
                "in",
                "after",
                "before",
            ):
                return None
            if (
                _upos(noun.head) == "ADP"
                and noun.head.lower_ in ("during", "at", "in", "after", "before")
                and not with_
            ):
                return None  # "... during a meeting with X": only with a named partner
            subj, _ = self.subjects(gov, code)
            if subj:
                src = subj[0]
                if len(subj) > 1 and tgt is None and frame.symmetric and not with_:
                    tgt = subj[1]
        if src is None and mods and lemma in ("sanction", "summit", "talk", "meeting"):
            a = self._args(mods)
            if a:
                src = a[0]
                if len(a) > 1:
                    tgt = a[1]
        if src is None:
            return None
        if tgt is None and with_:
            a = [x for x in self._args(with_) if x.mention.actor_id != src.mention.actor_id]
            if a:
                tgt = a[0]
        if tgt is None and mods:
            a = [x for x in self._args(mods) if x.mention.actor_id != src.mention.actor_id]
            if a:
                tgt = a[0]
        if tgt is None and frame.needs_target:
            return None
        if tgt is None and code == "056":
            return None  # "pardoned a turkey": forgiveness needs someone forgiven
        if code.startswith("04"):
            code = self._meeting_code(code, src, tgt, gov)
        return self._finish(code, src, tgt, noun, gov, f"noun:{lemma}")

    def _meeting_code(self, code: str, src: Arg, tgt: Arg | None, tok: Token) -> str:
        """040 -> 042 visit / 043 host / 044 third place, from where the meeting was."""
        if code != "040" or tgt is None:
            return code
        loc = self.location_for(tok)
        if not loc:
            return code
        from summitry.coding.places import place_iso3

        iso = place_iso3(loc[0])
        if not iso:
            return code
        s_iso, t_iso = src.mention.iso3, tgt.mention.iso3
        if not s_iso or not t_iso or s_iso == t_iso:
            return code
        if iso == t_iso:
            return "042"
        if iso == s_iso:
            return "043"
        return "044"

    def _quote(self, verb: Token) -> str | None:
        m = _QUOTE_RE.search(self.doc.text)
        if m:
            return m.group(1).strip()
        comp = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
        if comp:
            toks = list(comp[0].subtree)
            return self.doc.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
        return None


_APPEAL_HEADS = {
    "urge",
    "ask",
    "call",
    "demand",
    "press",
    "push",
    "want",
    "tell",
    "convince",
    "persuade",
    "appeal",
    "encourage",
    "request",
    "pressure",
    "force",
}
_NOT_OFFERS = {
    "version",
    "account",
    "explanation",
    "detail",
    "insight",
    "view",
    "comment",
    "opinion",
    "assessment",
    "hint",
    "clue",
    "evidence",
    "glimpse",
    "reason",
    "analysis",
    "thought",
    "prayer",
    "condolence",
    "word",
    "remark",
    "testimony",
    "description",
}
_REFUSABLE = {
    "offer",
    "invitation",
    "request",
    "demand",
    "proposal",
    "plan",
    "call",
    "appeal",
    "aid",
    "ultimatum",
    "condition",
    "deal",
    "agreement",
    "accord",
    "peace",
    "resolution",
    "bid",
    "initiative",
    "idea",
    "suggestion",
    "claim",
    "accusation",
    "charge",
    "allegation",
}
# An announced cooperative act is an intent (CAMEO 03). An announced hostile act keeps its
# code with modality "planned" (a threat, 13, needs a threatening verb).
_INTENT = {"05": "032", "06": "031", "07": "033", "08": "035"}
_INTENT_EXACT = {
    "074": "0334",
    "0841": "0353",
    "085": "0354",
    "0871": "0356",
    "0874": "0356",
    "081": "0351",
    "0813": "0351",
    "0814": "0351",
    "0831": "0341",
    "057": "032",
}


def _intent_code(code: str) -> str:
    """CAMEO code of an announced (planned) cooperative act: intent (03x)."""
    if code in _INTENT_EXACT:
        return _INTENT_EXACT[code]
    return _INTENT.get(code[:2]) or code


def _clause_root(tok: Token) -> Token:
    t = tok
    while (
        t.dep_
        not in ("ROOT", "ccomp", "advcl", "relcl", "acl", "xcomp", "parataxis", "conj", "pcomp")
        and t.head.i != t.i
    ):
        t = t.head
    return t


def _noun_lemma(tok: Token) -> str:
    return _noun_lemma_of(tok.lower_)


def _noun_lemma_of(low: str) -> str:
    if low in tr.NOUNS:
        return low
    if low.endswith("s") and low[:-1] in tr.NOUNS:
        return low[:-1]
    return lexical.lemma_of(low)


def _trigger_words() -> frozenset[str]:
    """Every lower-cased word that :meth:`SentenceCoder.events` can take as a trigger: a verb
    lemma in ``VERBS`` or a noun lemma in ``NOUNS``, in each inflection the lemma tables know
    (any other word is its own lemma)."""
    words = lexical.known_forms() | set(tr.VERBS) | set(tr.NOUNS) | {n + "s" for n in tr.NOUNS}
    return frozenset(
        w for w in words if lexical.lemma_of(w) in tr.VERBS or _noun_lemma_of(w) in tr.NOUNS
    )


TRIGGER_WORDS = _trigger_words()
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_OTHER_TRIGGER_WORDS = tuple(w for w in TRIGGER_WORDS if not _LETTER_RUN.fullmatch(w))


def may_have_event(text: str) -> bool:
    """Pre-parse test, exact for the trigger words: does a word of ``text`` have a trigger
    lemma? spaCy splits tokens at hyphens and apostrophes, so every word token is a run of
    letters; the few trigger words with other characters are looked for as substrings."""
    low = text.lower()
    return any(w in TRIGGER_WORDS for w in _LETTER_RUN.findall(low)) or any(
        w in low for w in _OTHER_TRIGGER_WORDS
    )
