"""Who did it and to whom: the actors of a trigger's subject and objects in a parse.

Arguments are mapped to actor mentions inside their noun phrase only (never relative
clauses), so actors are not taken from the wrong part of the sentence; a subject that is no
actor ("the judge in the trial of Senator X", "Trump's decision", "U.S. stocks") gives no
source rather than a guess.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from summitry.coding.mentions import Mention
from summitry.coding.triggers import WORDS, Frame
from summitry.nlp.lexical import lemma as _lemma
from summitry.nlp.lexical import upos as _upos

_NP_SKIP = {"relcl", "acl", "advcl", "ccomp", "xcomp", "punct", "cc", "conj", "prep", "parataxis"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}


@dataclass
class Arg:
    mention: Mention
    token: Token


def np_tokens(tok: Token) -> list[Token]:
    """The tokens of the noun phrase headed by ``tok`` (no clauses, no other prepositions
    than "of")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in _NP_SKIP and not (c.dep_ == "prep" and c.lower_ == "of"):
            continue
        out.extend(np_tokens(c))
    return out


def _appos_of_subject(tok: Token) -> bool:
    return tok.dep_ == "appos" and tok.head.dep_ in ("nsubj", "nsubjpass")


def _demanding(clause: Token) -> bool:
    """ "must/should/ought (to) <verb>", "needs/has to <verb>" (a "to" verb beneath)."""
    if any(k.dep_ == "aux" and k.lower_ in WORDS.demand_aux for k in clause.children):
        return True
    heads = WORDS.demand_verbs | WORDS.demand_aux  # "ought to quit": the parser heads on "ought"
    return (_lemma(clause) in heads or clause.lower_ in WORDS.demand_aux) and any(
        c.dep_ == "xcomp" and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children)
        for c in clause.children
    )


def _accusing(clause: Token) -> bool:
    """ "(had) violated / lied / meddled", "was responsible for the attack", "is guilty"."""
    if _lemma(clause) in WORDS.accusation_verbs:
        return True
    if _lemma(clause) != "be":
        return False
    for c in clause.children:
        if c.dep_ == "acomp" and _lemma(c) in WORDS.accusation_adjectives:
            return not any(k.dep_ == "neg" for k in c.children)
        if c.dep_ == "acomp" and _lemma(c) in WORDS.blame_adjectives:
            # "responsible for the attack", not "responsible for security"
            return any(
                p.dep_ == "prep"
                and p.lower_ == "for"
                and any(
                    _lemma(o) in WORDS.accusation_objects for o in p.children if o.dep_ == "pobj"
                )
                for p in c.children
            )
    return False


def _qualified(clause: Token) -> bool:
    """A clause that asserts nothing held: negated, modal or future ("may have violated",
    "did not violate", "would violate"), conditional or a question ("whether")."""
    for k in clause.children:
        if k.dep_ == "neg":
            return True
        if k.dep_ in ("aux", "auxpass") and (
            k.lower_ in WORDS.hypothetical_aux
            or k.lower_ in WORDS.future_aux
            or k.lower_ == "would"
        ):
            return True
        if k.dep_ == "mark" and k.lower_ in ("if", "unless", "whether"):
            return True
    return _conditional(clause)


def _conditional(clause: Token) -> bool:
    """ "should step aside if the allegations are true": a clause under a condition."""
    return any(
        c.dep_ == "advcl"
        and any(k.dep_ == "mark" and k.lower_ in WORDS.condition_marks for k in c.children)
        for c in clause.children
    )


def _conjuncts(tok: Token) -> list[Token]:
    return [tok, *[c for c in tok.conjuncts if c.i > tok.i]]


def _marked_by(clause: Token, preps: tuple[str, ...]) -> bool:
    """ "spoke with Bennett to offer ...": the parser made "with" the mark of "offer"."""
    return any(c.dep_ == "mark" and c.lower_ in preps and c.i < clause.i for c in clause.children)


def _purpose_subjects(clauses: Iterable[Token]) -> list[Token]:
    """The partner the parser made the subject of a purpose infinitive: "met with Erdogan
    to discuss Syria" read as "with [Erdogan to discuss Syria]" (a pcomp or advcl whose
    subject stands right after the preposition, with "to" before the verb)."""
    out = []
    for v in clauses:
        if v.dep_ not in ("pcomp", "advcl", "xcomp") or v.tag_ != "VB":
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            continue
        out += [c for c in v.children if c.dep_ == "nsubj" and c.i < v.i]
    return out


_AFTER = ("after", "upon")  # a gerund under these reports a done encounter


def gerund_of_circumstance(v: Token) -> bool:
    """ "said after meeting with X", "After talking to X, Y said": a gerund under "after"
    that hangs on a verb."""
    return (
        v.dep_ == "pcomp"
        and v.tag_ == "VBG"
        and v.head.lower_ in _AFTER  # not "tardy in calling X", "insisted on meeting X"
        and v.head.head.i != v.head.i
        and _upos(v.head.head) in ("VERB", "AUX")
    )


def _government(m: Mention) -> Mention:
    """ "Trump administration officials", "Putin's spokesman": the person's government."""
    iso3 = m.iso3 or ""
    return Mention(
        m.start,
        m.end,
        m.text,
        iso3,
        "country",
        iso3,
        "modifier:person->government",
        code=iso3 + "GOV",
    )


class Arguments:
    """Actors of the subjects and objects of triggers in one parsed sentence."""

    def __init__(self, doc: Doc, tok_mention: dict[int, Mention]):
        self.doc = doc
        self.tok_mention = tok_mention

    def actor_of(self, tok: Token) -> Mention | None:
        """The actor named by the noun phrase headed by ``tok`` (its head word first)."""
        if tok.i in self.tok_mention:
            return self.tok_mention[tok.i]
        if tok.lower_ in WORDS.name_suffixes:  # "Joseph R. Biden, Jr." headed by "Jr."
            named = [self.tok_mention.get(c.i) for c in tok.children if c.i < tok.i]
            people = [m for m in named if m is not None and m.kind == "person"]
            if people:
                return people[-1]
        if _lemma(tok) in WORDS.person_nouns:  # "his U.S. counterpart Rex Tillerson": the person
            toks = np_tokens(tok) + [c for c in tok.children if c.dep_ == "appos"]
            # "U.S. Ambassador to the United Nations Nikki Haley": the name ends the "to" phrase
            toks += [
                x for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for x in c.subtree
            ]
            owner = self._possessing_person(tok)
            for t in toks:
                m = self.tok_mention.get(t.i)
                if m is not None and m.kind == "person" and m is not owner:
                    return m
            if owner is not None:  # "Putin's foreign minister": an official of his government
                usable = owner.iso3 and len(owner.iso3) == 3 and _lemma(tok) != "counterpart"
                return _government(owner) if usable else None
        if _upos(tok) == "PROPN":
            return None  # an unknown name heads the phrase: never guessed from its modifiers
        toks = [t for t in np_tokens(tok) if t.dep_ != "appos" and t.head.dep_ != "appos"]
        # prefer modifiers close to the head: compound/amod/poss ("Russian officials")
        for t in sorted(toks, key=lambda x: (x.head.i != tok.i, abs(x.i - tok.i))):
            if t.i in self.tok_mention:
                m = self.tok_mention[t.i]
                if m.kind == "pronoun" and t.lower_ == "his":
                    continue  # "assail his adversaries": "his" is an actor only of an event noun
                if (
                    m.kind == "person"
                    and _upos(tok) == "NOUN"
                    and _lemma(tok) not in WORDS.person_nouns
                ):
                    return _government(m) if m.iso3 and len(m.iso3) == 3 else None
                return m
        return None

    def _possessing_person(self, tok: Token) -> Mention | None:
        """The person who possesses a title noun ("Putin's foreign minister"): never its holder."""
        for c in tok.children:
            m = self.tok_mention.get(c.i)
            if c.dep_ == "poss" and m is not None and m.kind == "person":
                return m
        return None

    def of(self, toks: list[Token]) -> list[Arg]:
        """The actors of ``toks`` and their conjuncts, one per actor, in order."""
        out: list[Arg] = []
        for t in toks:
            for c in _conjuncts(t) + self._listed_people(t):
                m = self.actor_of(c)
                if m and all(a.mention.actor_id != m.actor_id for a in out):
                    out.append(Arg(m, c))
        return out

    def _listed_people(self, tok: Token) -> list[Token]:
        """ "Macron of France, Scholz of Germany, Starmer and Biden met": a list of people
        the parser read as a person with an apposition (and its conjuncts). Another person
        in apposition to a person is a list, never the same person renamed."""
        head = self.tok_mention.get(tok.i)
        if head is None or head.kind != "person":
            return []
        out: list[Token] = []
        for c in tok.children:
            m = self.tok_mention.get(c.i)
            if (
                c.dep_ == "appos"
                and m is not None
                and m.kind == "person"
                and m.actor_id != head.actor_id
            ):
                out += _conjuncts(c)
        return out

    def coordinated_names(self, head: Token) -> list[Arg]:
        """Names joined by "and" that the parser folded into one noun phrase: "U.S. President
        Donald Trump and Russian President Vladimir Putin" parsed as a compound headed by
        "Putin". Only when the phrase left of its head is names, titles and adjectives."""
        head_m = self.tok_mention.get(head.i)
        if head_m is None:
            return []
        left = [t for t in head.subtree if t.i < head.i]
        if not left or left[0].i + len(left) != head.i:
            return []  # not a contiguous pre-head phrase
        ands = [t for t in left if t.lower_ == "and" and t.tag_ == "CC"]
        if len(ands) != 1:
            return []
        for t in left:
            if t.i in self.tok_mention or t.i == ands[0].i:
                continue
            if (
                _upos(t) not in ("PROPN", "ADJ", "DET", "PUNCT", "X")
                and _lemma(t) not in WORDS.person_nouns
            ):
                return []
        out: list[Arg] = []
        for t in left:
            m = self.tok_mention.get(t.i)
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

    # --- subjects -----------------------------------------------------------------------
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
        if t.i in self.tok_mention:
            return True
        words = {_lemma(t), t.lower_}
        if words & WORDS.not_agents:
            return False
        return code[:2] == "14" or not words & WORDS.not_agents_unless_protest

    def _subjects(self, verb: Token) -> tuple[list[Arg], bool]:
        if (
            verb.tag_ == "VBN"
            and verb.dep_ in ("advcl", "acl")
            and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        ):
            # "When asked about X, McMaster told ...", "a bill offered by Republicans": the
            # participle is passive and its head or the main subject is not its doer
            return [], True
        v = verb
        for _ in range(4):
            found = self._own_subjects(v)
            if found is not None:
                return found
            if v.dep_ == "conj" and self._relcl_between(v):
                break  # "damage, which disrupted X, contaminated Y and destroyed Z"
            if v.dep_ == "conj":
                own = self._swallowed_subject(v)
                if own is not None:  # "Russia denies the claims and Trump denies collusion"
                    return self.of([own]), False
            if v.dep_ == "xcomp" and v.head.i != v.i:
                ctrl = self._controller(v.head)
                if ctrl is not None:  # "led / prompted / urged X to VERB": X does it
                    return self.of([ctrl]), False
            if v.dep_ in ("xcomp", "conj", "advcl") and v.head.i != v.i:
                v = v.head
                continue
            if gerund_of_circumstance(v):  # "said after meeting with X", "After meeting
                v = v.head.head  # X, Y said": the doer is the clause's subject
                continue
            if (
                v.dep_ == "acl"
                and v.head.i != v.i
                and v.tag_ == "VBG"
                and (v.head.dep_ in ("nsubj", "ROOT") or _appos_of_subject(v.head))
            ):  # "Putin, speaking after talks with ...": only a subject's participle
                return self.of([v.head]), False
            break
        return [], False

    def _controller(self, head: Token) -> Token | None:
        """The actor object of a verb whose infinitive complement it does (object control:
        "prompted Abe to call Moon"), or None."""
        objs: dict[int, Token] = {}  # one per mention ("leading Japan Prime Minister Abe
        for c in head.children:  # to ...": the parser may make the name two objects)
            if c.dep_ == "dobj" and c.i in self.tok_mention:
                objs.setdefault(id(self.tok_mention[c.i]), c)
        people = [c for c in objs.values() if self.tok_mention[c.i].kind == "person"]
        if len(people) == 1:
            return people[0]
        return next(iter(objs.values())) if len(objs) == 1 else None

    def _own_subjects(self, v: Token) -> tuple[list[Arg], bool] | None:
        """The subjects ``v`` has itself (None if it has none)."""
        subj = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
        passive = [c for c in v.children if c.dep_ == "nsubjpass"]
        if (
            len(subj) > 1
            and subj[0].i not in self.tok_mention
            and _upos(subj[0]) == "NOUN"
            and not any(t.is_punct for t in self.doc[subj[0].i : v.i])
        ):
            # two subjects is a misparse ("The judge in the trial of Senator X told"): the
            # first one is the subject, and it is no actor
            return [], False
        if not (subj or passive):
            return None
        if (
            v.dep_ == "relcl"
            and len(subj) == 1
            and subj[0].lower_ in ("who", "that")
            and v.head.i in self.tok_mention
            and self.tok_mention[v.head.i].kind == "person"
        ):
            head = v.head
            if head.dep_ == "conj" and not any(
                c.dep_ in ("dobj", "prep") and c.lower_ not in ("in", "at", "on", "for")
                for c in v.children
            ):  # "Putin and Erdogan, who met in Sochi": the relative is of both
                while head.dep_ == "conj":
                    head = head.head
            return self.of([head]), False  # "Trump, who met Xi on Thursday, said": Trump
        if passive:
            agents = [
                gc
                for c in v.children
                if c.dep_ == "agent"
                for gc in c.children
                if gc.dep_ == "pobj"
            ]
            return self.of(agents), True
        if len(subj) == 1 and not subj[0].conjuncts:
            folded = self.coordinated_names(subj[0])
            if folded:
                return folded, False
        if len(subj) == 1:
            group = self._named_members(subj[0])
            if group:
                return group, False
        return self.of(subj), False

    def _named_members(self, tok: Token) -> list[Arg]:
        """ "The presidents of Russia, Turkey and Iran, Putin, Erdogan and Rouhani, held",
        "Leaders of the G7, including Trump, Macron and Abe, ended": a plural person noun
        that is no actor, with two or more people named in its phrase (not in a clause)."""
        if tok.i in self.tok_mention or tok.tag_ != "NNS" or _lemma(tok) not in WORDS.person_nouns:
            return []
        inner = {x.i for c in tok.subtree if c.dep_ in ("relcl", "acl", "advcl") for x in c.subtree}
        named = [
            t
            for t in tok.subtree
            if t.i not in inner
            and t.dep_ != "compound"
            and t.i in self.tok_mention
            and self.tok_mention[t.i].kind == "person"
        ]
        people = [a for a in self.of(named) if a.mention.kind == "person"]
        return people if len(people) >= 2 else []

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

    # --- objects ------------------------------------------------------------------------
    def objects(self, verb: Token, frame: Frame, passive: bool) -> list[Arg]:
        """Target candidates of ``verb``: its object (passive: its subject), the objects of
        the frame's prepositions, and "called on X" / "accused X of" particle objects."""
        toks: list[Token] = []
        if passive:
            toks += [c for c in verb.children if c.dep_ == "nsubjpass"]
        elif frame.dobj_target:
            toks += [c for c in verb.children if c.dep_ in ("dobj", "dative")]
            toks += self.named_object(verb, frame)
        toks += self.partners(verb, frame)
        for c in verb.children:
            if c.dep_ == "prt" and c.lower_ in frame.target_preps:
                toks += [d for d in verb.children if d.dep_ == "dobj"]
        return self.of(toks)

    def named_object(self, verb: Token, frame: Frame) -> list[Token]:
        """ "called President Claudia Sheinbaum today": with no object, a person the parser
        made the predicate of a verb whose frame refuses predicates ("called him a liar")
        is its object."""
        if "oprd" not in frame.unless_deps or any(c.dep_ == "dobj" for c in verb.children):
            return []
        return [
            c
            for c in verb.children
            if c.dep_ == "oprd" and getattr(self.tok_mention.get(c.i), "kind", None) == "person"
        ]

    def partners(self, verb: Token, frame: Frame) -> list[Token]:
        """The objects of the frame's prepositions on ``verb`` ("met with X", "held a call
        with X"), also when the parser made the partner the subject of a purpose clause
        ("met with Erdogan to discuss Syria")."""
        toks: list[Token] = []
        dangling: Token | None = None  # "spoke with [Netanyahu to reiterate ...]" parsed
        for c in verb.children:  # as a bare "with" and a purpose clause of the verb
            if c.dep_ in ("prep", "dative") and c.lower_ in frame.target_preps:
                toks += [p for p in c.children if p.dep_ == "pobj"]
                toks += _purpose_subjects(c.children)
                if not any(p.dep_ in ("pobj", "pcomp") for p in c.children):
                    dangling = c
            if c.dep_ in ("advcl", "xcomp") and (
                _marked_by(c, frame.target_preps) or (dangling is not None and dangling.i < c.i)
            ):
                toks += [s for s in _purpose_subjects([c]) if dangling is None or s.i > dangling.i]
        return toks

    def clause_objects(
        self, verb: Token, deps: tuple[str, ...], roles: tuple[str, ...]
    ) -> list[Arg]:
        """Actors in ``roles`` of the first clause (``deps``) under ``verb`` that has any:
        "warned it would destroy Y" (dobj of a ccomp), "demanded that X match" (nsubj)."""
        for comp in (c for c in verb.children if c.dep_ in deps):
            found = self.of([d for d in comp.children if d.dep_ in roles])
            if found:
                return found
        return []

    def _demanded(self, verb: Token, src: Mention) -> list[Arg]:
        """The actors the speaker ``src`` says must, should or need to do something, one per
        demanding clause under ``verb`` (never the speaker; never a conditional demand:
        "said Moore should step aside if the allegations were true")."""
        out = []
        for comp in (c for c in verb.children if c.dep_ in ("ccomp", "parataxis")):
            if not _demanding(comp) or _conditional(comp):
                continue
            subj = self.of([d for d in comp.children if d.dep_ in ("nsubj", "nsubjpass")])
            if subj and subj[0].mention.actor_id != src.actor_id:
                out.append(subj[0])
        return out

    def must_clause(self, verb: Token, src: Arg) -> Arg | None:
        """The actor of another country a speaker says must, should or needs to do
        something ("said Sudan must return", "said China should put more pressure", "said
        Iran would have to change"): CAMEO 10 (demand), in place of the statement."""
        for subj in self._demanded(verb, src.mention):
            if src.mention.iso3 and subj.mention.iso3 == src.mention.iso3:
                continue  # "Putin said Russia needs to modernise": a plan at home, no demand
            return subj
        return None

    def home_demand(self, verb: Token, src: Mention) -> Arg | None:
        """A person or group of the speaker's own country the speaker says must, should or
        needs to act ("Collins said Democrats should testify", "'He should resign,' said
        Ryan"): a demand (CAMEO 10) beside the statement, which stays. The country itself,
        its government or its seats ("Putin said Russia needs to modernise") is no demand."""
        for subj in self._demanded(verb, src):
            m = subj.mention
            if src.iso3 and m.iso3 == src.iso3 and m.kind in WORDS.demand_kinds:
                return subj
        return None

    def accused(self, verb: Token, src: Mention) -> Arg | None:
        """The actor a speaker says did wrong ("said Russia had violated the treaty", "said
        Pyongyang lied", "said Iran was responsible for the attack"): an accusation (CAMEO
        112) of that actor. A negated, modal, future or conditional clause accuses no one
        ("said Russia may have violated", "said Iran was not responsible")."""
        for comp in (c for c in verb.children if c.dep_ in ("ccomp", "parataxis")):
            if not any(_accusing(v) for v in (comp, *comp.conjuncts)) or _qualified(comp):
                continue
            subj = self.of([d for d in comp.children if d.dep_ in ("nsubj", "nsubjpass")])
            if subj and subj[0].mention.actor_id != src.actor_id:
                return subj[0]
        return None

    def trailing_attribution(self, rep: Token) -> list[Arg]:
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
            m = self.tok_mention.get(t.i)
            if m is not None:
                return [Arg(m, t)]
        return []
