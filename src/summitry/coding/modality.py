"""Whether an event happened: asserted, negated, refused, denied, planned, hypothetical or
reported, from the trigger's governors, auxiliaries, negation, conditionals and reported
speech (word sets in data/coding/words.yaml)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from summitry.coding.triggers import WORDS
from summitry.nlp.lexical import lemma as _lemma
from summitry.nlp.lexical import upos as _upos

FutureDate = Callable[[Token], bool]  # does a date in the token's phrase lie ahead?
_CHAIN_DEPS = ("xcomp", "pobj", "prep", "acomp", "dobj", "nsubjpass", "auxpass", "attr", "conj")


def modality(trig: Token, gov: Token, future_date: FutureDate) -> str:
    """asserted|negated|refused|denied|planned|hypothetical for one trigger under ``gov``."""
    chain, plan_chain = _chains(trig, gov)
    found = _noun_position(trig) or _is_to(chain) or _negation(chain)
    if found:
        return found
    for tok in chain[1:] + ([trig] if _upos(trig) == "NOUN" else []):
        if _lemma(tok) in WORDS.refuse_verbs:
            return "refused"
        if _lemma(tok) in WORDS.deny_verbs:
            return "denied"
    when = _time_clause(chain)
    if when:
        return when
    return _mood(trig, chain, plan_chain, future_date)


def _chains(trig: Token, gov: Token) -> tuple[list[Token], list[Token]]:
    """The tokens from the trigger up its governing chain, and those whose planning verbs
    ("offer", "agree") apply: not past a circumstantial preposition ("during a visit")."""
    chain: list[Token] = [trig]
    if gov.i != trig.i:
        chain.append(gov)
    plan_chain = list(chain)
    if trig.dep_ == "pobj" and trig.head.lower_ in WORDS.circumstantial_preps:
        plan_chain = [trig]  # "during a visit to Vietnam, Trump offered ...": the visit happened
    t = gov
    circumstantial = False  # "during / after a meeting ...": the meeting is not planned by the verb
    if (
        t.dep_ == "advcl"
        and t.head.i != t.i
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
    ):  # "will fly to Ankara to meet Erdogan": the purpose shares its act's mood
        t = t.head
        chain.append(t)
        plan_chain.append(t)
    while t.dep_ in _CHAIN_DEPS and t.head.i != t.i:
        if t.dep_ == "pobj" and t.head.lower_ in WORDS.circumstantial_preps:
            circumstantial = True
        t = t.head
        chain.append(t)
        if not circumstantial:
            plan_chain.append(t)
    return chain, plan_chain


def _noun_position(trig: Token) -> str | None:
    """Modality read off where an event noun sits ("the lack of a meeting", "ahead of the
    visit", "meetings ... will focus on")."""
    head = trig.head
    if trig.dep_ == "pobj" and head.lower_ == "of" and _lemma(head.head) in WORDS.negating_nouns:
        return "negated"  # "the lack of a bilateral meeting"
    if _upos(trig) != "NOUN":
        return None
    if _held_by_relative(trig):
        return "asserted"  # "Assad's visit to Russia, which he made on Monday": it happened
    if trig.dep_ == "pobj" and head.lower_ == "for" and _travelled(head.head):
        return None  # "flew to Sochi for talks with Putin on Monday": they were held
    if trig.dep_ == "pobj" and (
        head.lower_ in ("before", "ahead")
        or (head.lower_ == "for" and _lemma(head.head) not in ("thank", "praise", "criticize"))
    ):
        return "planned"
    if trig.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "ahead":
        return "planned"  # "ahead of Trump's visit"
    if trig.dep_ in ("nsubj", "nsubjpass") and any(
        k.dep_ == "aux" and k.lower_ in WORDS.future_aux for k in head.children
    ):
        return "planned"  # "Meetings between Trump and Xi this week will focus on trade"
    return None


def _travelled(verb: Token) -> bool:
    """A verb of going in the simple past, with no modal or negation ("flew", "arrived")."""
    return (
        verb.tag_ == "VBD"
        and _lemma(verb) in WORDS.travel_verbs
        and not any(k.dep_ in ("neg", "aux") for k in verb.children)
    )


def _threatened(trig: Token) -> bool:
    """The act a threat verb governs ("threatened to file a lawsuit"), not a verb conjoined
    with it ("threatened action and called on Beijing")."""
    t = trig
    while t.dep_ in ("xcomp", "dobj", "pobj", "prep") and t.head.i != t.i:
        t = t.head
        if _lemma(t) in WORDS.threat_verbs:
            return True
    return False


def _held_by_relative(noun: Token) -> bool:
    """An event noun whose relative clause says, in the past, that it took place ("the visit
    which he made on Monday", "the talks they held last week"): no modal, no negation."""
    for c in noun.children:
        if c.dep_ != "relcl" or c.tag_ != "VBD" or _lemma(c) not in WORDS.light_verbs:
            continue
        if not any(k.dep_ in ("neg", "aux") for k in c.children):
            return True
    return False


def _is_to(chain: list[Token]) -> str | None:
    if any(k.dep_ == "aux" and k.lower_ == "to" for tok in chain for k in tok.children) and any(
        _lemma(tok) == "be" and tok.dep_ == "ROOT" for tok in chain
    ):
        return "planned"  # "Trump is to visit ..."
    return None


def _negation(chain: list[Token]) -> str | None:
    for tok in chain:
        kids = list(tok.children)
        if any(k.dep_ == "neg" for k in kids) or any(
            k.dep_ == "det" and k.lower_ == "no" for k in kids
        ):
            return "negated"
    return None


def _time_clause(chain: list[Token]) -> str | None:
    """ "Just before Trump visits Beijing": planned. "... will discuss X when he meets Xi":
    the main clause's tense decides (its chain is added to ``chain``)."""
    last = chain[-1]
    if last.dep_ != "advcl" or not any(
        k.dep_ in ("mark", "advmod") and k.lower_ in ("when", "before", "once")
        for k in last.children
    ):
        return None
    if any(k.lower_ == "before" for k in last.children):
        return "planned"
    t = last.head
    chain.append(t)
    while t.dep_ in ("xcomp", "conj") and t.head.i != t.i:
        t = t.head
        chain.append(t)
    return None


def _mood(trig: Token, chain: list[Token], plan_chain: list[Token], future_date: FutureDate) -> str:
    """Hypothetical or planned from auxiliaries, conditionals, plan verbs and modifiers."""
    aux = {k.lower_ for tok in chain for k in tok.children if k.dep_ in ("aux", "auxpass")}
    if aux & WORDS.hypothetical_aux:
        return "hypothetical"
    if any(
        k.dep_ == "mark" and k.lower_ in ("if", "unless", "whether")
        for tok in chain
        for k in tok.children
    ):
        return "hypothetical"
    if _threatened(trig):
        return "hypothetical"  # "threatened to impose sanctions": a threat, not the act
    if aux & WORDS.future_aux or "would" in aux:
        return "planned"
    if any(_lemma(tok) in WORDS.plan_verbs and tok.i != trig.i for tok in plan_chain):
        return "planned"
    if _upos(trig) == "NOUN" and any(
        k.lower_ in WORDS.noun_plan_modifiers or _lemma(k) in WORDS.noun_plan_modifiers
        for k in trig.children
    ):
        return "planned"
    for tok in chain:
        if (
            tok.tag_ == "VBG"
            and any(k.lower_ in ("be", "is", "are", "'s") and k.dep_ == "aux" for k in tok.children)
            and future_date(tok)
        ):
            return "planned"
    return "asserted"


def statement_modality(verb: Token, current: str, reported: bool) -> str:
    """The modality of a statement (01): negated, hypothetical ("What if Sessions says
    ...?"), planned, else asserted unless someone else reports it."""
    kids = list(verb.children)
    if any(k.dep_ == "neg" for k in kids):
        return "negated"
    if verb.dep_ in ("xcomp", "ccomp") and _lemma(verb.head) in WORDS.deny_verbs:
        return "denied"  # "denied saying that ..."
    if any(k.dep_ == "aux" and k.lower_ in WORDS.hypothetical_aux for k in kids) or any(
        k.dep_ == "mark" and k.lower_ in ("if", "unless", "whether") for k in kids
    ):
        return "hypothetical"
    if any(k.dep_ == "aux" and k.lower_ in WORDS.future_aux for k in kids):
        return "planned"
    if current != "reported" or not reported:
        return "asserted"
    return current


def reporter(trig: Token) -> Token | None:
    """The speech verb whose clause contains ``trig``, if any."""
    t = trig
    while t.head.i != t.i:
        if t.dep_ in ("ccomp", "parataxis") and _lemma(t.head) in WORDS.speech_verbs:
            return t.head
        t = t.head
    return None


def intent_code(code: str) -> str:
    """CAMEO code of an announced (planned) cooperative act: intent (03x)."""
    if code in WORDS.intent_by_code:
        return WORDS.intent_by_code[code]
    return WORDS.intent_by_root.get(code[:2]) or code
