"""Who did what to whom: events from one parsed sentence (the coder's main pass).

For each trigger token (verb lemma in ``VERBS``, event noun in ``NOUNS``, both read from
``data/coding/triggers.yaml``) the source is the grammatical subject (passive: the
``agent``), the target the direct object or the object of a frame preposition; conjoined
subjects of symmetric verbs ("A and B met") give the target. No source actor: no event.
The parts live beside this module: arguments (:mod:`summitry.coding.arguments`), modality
(:mod:`summitry.coding.modality`), dates and places (:mod:`summitry.coding.when_where`);
the word knowledge is data (:mod:`summitry.coding.triggers`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Token

from summitry.coding import triggers as tr
from summitry.coding.arguments import Arg, Arguments, gerund_of_circumstance
from summitry.coding.mentions import Mention
from summitry.coding.modality import intent_code, modality, reporter, statement_modality
from summitry.coding.triggers import WORDS, Frame
from summitry.coding.when_where import WhenWhere
from summitry.nlp import lexical
from summitry.nlp.dates import DateMention, find_dates
from summitry.nlp.lexical import lemma as _lemma
from summitry.nlp.lexical import upos as _upos

_QUOTE_RE = re.compile(r"[“\"]([^”\"]{3,})[”\"]")
_OBJECT_LIKE = ("dobj", "oprd", "attr", "npadvmod")  # what ``max_objects`` counts


def _time_modifier(tok: Token) -> bool:
    """ "called Kishida today", "met him this afternoon": a date expression the parser
    attached as a noun-phrase adverbial is no object of the verb."""
    if tok.dep_ != "npadvmod":
        return False
    phrase = tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text
    return any(d.start == 0 and d.end == len(phrase) for d in find_dates(phrase, None))


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


def _sector_may(m: Mention, code: str) -> bool:
    """A generic sector actor ("police", "protesters", "the rebels": no country) is a source
    only for the acts that are its own: police coerce, protesters protest, rebels fight."""
    if not (m.actor_id or "").startswith("sector:"):
        return True
    roots = WORDS.sector_roots
    return code[:2] in roots.get((m.actor_id or "")[7:10], roots["*"])


def _shared_view(verb: Token) -> bool:
    """ "agree that <clause>" with no obligation or future in the clause and no "to" or "on"
    (a shared view; "agreed that their countries should cooperate" stays an agreement)."""
    kids = list(verb.children)
    if any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ in ("on", "to")) for c in kids):
        return False
    for c in kids:
        if c.dep_ == "ccomp" and any(k.dep_ == "mark" and k.lower_ == "that" for k in c.children):
            aux = {k.lower_ for k in c.children if k.dep_ in ("aux", "auxpass")}
            return not aux & WORDS.commitment_aux
    return False


def _exchanged(noun: Token) -> bool:
    """ "exchanges of threats between A and B": each threatened the other (both directions)."""
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and _lemma(noun.head.head) in WORDS.mutual_nouns
        and any(c.dep_ == "prep" and c.lower_ == "between" for c in noun.children)
    )


def _verbal_target(m: Mention) -> bool:
    """A person, or a party, legislature or agency of one country (a KB organisation with an
    iso3): attacking or clashing with one is verbal ("attacked Congress", "clashed with
    Corker")."""
    return m.kind == "person" or (m.kind == "igo" and bool(m.iso3))


def _dobj_lemmas(verb: Token) -> set[str]:
    return {_lemma(c) for c in verb.children if c.dep_ == "dobj"}


def _misparsed_modifier(verb: Token) -> bool:
    """ "Starmer hosted President Joe Biden" parsed with "hosted" as a modifier of the
    title: a past-tense verb with a subject of its own is the clause's verb."""
    return (
        verb.dep_ == "amod"
        and verb.tag_ in ("VBD", "VBN")
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


def _has_phone_word(tok: Token) -> bool:
    return any(_lemma(g) in WORDS.phone_words for g in tok.subtree)


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
        self._tok_mention: dict[int, Mention] = {}
        self._triggers: list[int] = []  # tokens whose word has a trigger lemma
        self._extra: list[Extracted] = []  # further participants' events of a trigger
        self._more_subjects: dict[int, list[Arg]] = {}  # further partners of a trigger
        self._map_mentions()
        self.args = Arguments(doc, self._tok_mention)
        self.when = WhenWhere(doc, offset, dates)

    def _map_mentions(self) -> None:
        """Which token each actor mention covers, and which tokens may be triggers."""
        starts: list[int] = []  # document offsets of the tokens an actor may sit in
        ends: list[int] = []
        first = 0  # index of the first of those tokens
        prev, dateline = "", False
        for t in self.doc:
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
                starts.append(self.offset + t.idx)
                ends.append(self.offset + t.idx + len(text))
            prev = text
        for m in self.mentions:  # the tokens that overlap the mention (ends are increasing)
            k = bisect_right(ends, m.start)
            while k < len(starts) and starts[k] < m.end:
                self._tok_mention.setdefault(first + k, m)
                k += 1

    # --- the main pass ------------------------------------------------------------------
    def events(self) -> list[Extracted]:
        out: list[Extracted] = []
        for tok in (self.doc[i] for i in self._triggers):  # any other word is no trigger
            frame = tr.VERBS.get(_lemma(tok))
            if _upos(tok) in ("VERB", "AUX") or (
                _upos(tok) == "NOUN" and frame and frame.as_root_noun and tok.dep_ == "ROOT"
            ):
                if frame and _upos(tok) != "AUX":
                    ev = self._verb_event(tok, frame)
                    if ev:
                        out.append(ev)
                        out += self._beside_statement(tok, ev)
            elif _upos(tok) in ("NOUN", "PROPN") and _noun_lemma(tok) in tr.NOUNS:
                ev = self._noun_event(tok, tr.NOUNS[_noun_lemma(tok)])
                if ev:
                    out.append(ev)
                    if ev.target is not None and _exchanged(tok):
                        out.append(replace(ev, source=ev.target, target=ev.source))
        return out + self._extra

    def _finish(
        self, code: str, src: Arg, tgt: Arg | None, trig: Token, gov: Token, rule: str
    ) -> Extracted | None:
        if tgt is not None and tgt.mention.actor_id == src.mention.actor_id:
            return None
        if not _sector_may(src.mention, code):
            return None  # "police said": a generic sector without a country, not its own act
        mod = modality(trig, gov, self.when.future_date)
        rep = reporter(gov)
        speaker = None
        if rep is not None:
            subj, _ = self.args.subjects(rep)
            subj = subj or self.args.trailing_attribution(rep)
            if subj:
                speaker = subj[0].mention
                participants = {src.mention.actor_id, tgt.mention.actor_id if tgt else None}
                if mod == "asserted" and speaker.actor_id not in participants:
                    mod = "reported"
            elif mod == "asserted":
                mod = "reported"
        d = self.when.date_for(gov)
        if mod == "asserted" and d and d.future:
            mod = "planned"
        if code.startswith("04") and mod in ("planned", "hypothetical"):
            code = "036"
        elif mod == "planned":
            code = intent_code(code)
        loc = self.when.location_for(gov)
        tgt_m = tgt.mention if tgt else None
        return Extracted(code, src.mention, tgt_m, trig, mod, speaker, None, d, loc, rule)

    def _beside_statement(self, verb: Token, said: Extracted) -> list[Extracted]:
        """What a held statement does beside saying (the statement stays: what was said, by
        whom): a demand of a person or group of the speaker's own country ("Collins said
        Democrats should testify": CAMEO 100), an accusation of the actor said to have done
        wrong ("said Russia had violated the treaty": 112)."""
        if said.code != "010" or said.modality not in ("asserted", "reported"):
            return []
        if (
            verb.dep_ in ("xcomp", "ccomp")
            and _lemma(verb.head) in WORDS.deny_verbs | WORDS.refuse_verbs
        ):
            return []  # "denied saying that Sessions should resign"
        out = []
        for code, tgt, rule in (
            ("100", self.args.home_demand(verb, said.source), "+demand-at-home"),
            ("112", self.args.accused(verb, said.source), "+accusation"),
        ):
            if tgt is not None:
                out.append(replace(said, code=code, target=tgt.mention, rule=said.rule + rule))
        return out

    def _meeting_code(self, code: str, src: Arg, tgt: Arg | None, tok: Token) -> str:
        tgt_iso3 = tgt.mention.iso3 if tgt else None
        return self.when.meeting_code(code, src.mention.iso3, tgt_iso3, tok)

    # --- verbs --------------------------------------------------------------------------
    def _verb_event(self, verb: Token, frame: Frame) -> Extracted | None:
        lemma = _lemma(verb)
        if (verb.dep_ in ("amod", "compound") and not _misparsed_modifier(verb)) or (
            verb.tag_ == "VBG"
            and verb.dep_ in ("xcomp", "acl")
            and _lemma(verb.head) in WORDS.speech_verbs
        ):
            return None  # "told visiting U.S. President Donald Trump": a modifier, not the event
        read = self._verb_sense(verb, frame)
        if read is None:
            return None
        frame = read
        code = self._verb_code(verb, frame)
        if code is None:
            return None
        subj, passive = self.args.subjects(verb, code)
        if not subj:
            return None
        src = subj[0]
        found = self._verb_target(verb, frame, code, subj, passive)
        if found is None:
            return None
        code, tgt = found
        if frame.person_target_code and tgt is not None and _verbal_target(tgt.mention):
            code = frame.person_target_code  # attacking a person is verbal ("attacked Corker")
        if code.startswith("04") or code == "036":
            code = self._meeting_code(code, src, tgt, verb)
        # "will fly home after meeting X": the circumstance's verb gives modality and date
        gov = verb.head.head if gerund_of_circumstance(verb) else verb
        ev = self._finish(code, src, tgt, verb, gov, f"verb:{lemma}")
        if ev and code.startswith("04") and frame.symmetric and len(subj) > 2 and tgt is subj[1]:
            # "A, B, C and D met": one event per further participant, so the meeting
            # has all of them (the meetings stage joins one sentence's events)
            for other in subj[2:]:
                more = self._finish(code, src, other, verb, gov, f"verb:{lemma}")
                if more is not None:
                    self._extra.append(more)
        if ev and code.startswith("04") and code != "041":
            for other in self._more_subjects.pop(verb.i, []):  # "A met with B and C"
                more = self._finish(code, src, other, verb, gov, f"verb:{lemma}")
                if more is not None:
                    self._extra.append(more)
        if ev and code.startswith("01"):
            ev.speaker = src.mention
            ev.quote = self._quote(verb)
            ev.code = code
            ev.modality = statement_modality(verb, ev.modality, reporter(verb) is not None)
        return ev

    def _verb_sense(self, verb: Token, frame: Frame) -> Frame | None:
        """The reading of the verb: a sense its particle or preposition selects ("call on
        X": an appeal), else the base frame if its own conditions hold (None if not)."""
        kids = list(verb.children)
        # "fired back at X" is a retort; "fired back at X with rockets" or "fired back shots" is not
        armed = any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "with") for c in kids)
        for sense in frame.senses:
            if any(
                (c.dep_ == "prt" and c.lower_ in sense.with_words)
                # an adverb the parser did not make a particle ("fired *back* at")
                or (c.dep_ == "advmod" and c.lower_ in sense.with_words and not armed)
                or (
                    c.dep_ == "prep"
                    and c.lower_ in sense.with_words
                    and any(g.i in self._tok_mention for g in c.children)
                )
                for c in verb.children
            ):
                return frame.with_sense(sense)
        if frame.max_objects is not None and (
            sum(c.dep_ in _OBJECT_LIKE and not _time_modifier(c) for c in kids) > frame.max_objects
        ):
            return None
        named = {c.i for c in self.args.named_object(verb, frame)}
        if any(c.dep_ in frame.unless_deps and c.i not in named for c in kids) or any(
            c.dep_ == "prep" and c.lower_ in frame.unless_preps for c in kids
        ):
            return None  # "called it a hoax", "called for talks"
        return frame

    def _verb_code(self, verb: Token, frame: Frame) -> str | None:
        """The verb's code after the frame's conditions and the general rules (None: the
        verb is no event here)."""
        code = frame.code
        if not code and not frame.objects:
            return None  # a verb that is an event only in one of its senses ("hit back at")
        if frame.by_phone and any(
            c.dep_ == "prep"
            and (tr.ANY in frame.by_phone or c.lower_ in frame.by_phone)
            and _has_phone_word(c)
            for c in verb.children
        ):
            code = "041"
        if not self._verb_conditions(verb, frame):
            return None
        if (
            code[:2] not in ("02", "10")
            and verb.dep_ == "xcomp"
            and _lemma(verb.head) in WORDS.appeal_heads
        ):
            return None  # "urged Beijing to cut links": the appeal is the event, not the cut
        if frame.objects:
            code = self._object_code(verb, frame)
            if not code:
                return None
        elif frame.needs_dobj and not any(c.dep_ == "dobj" for c in verb.children):
            return None
        if _lemma(verb) in WORDS.view_verbs and _shared_view(verb):
            return None  # "Democrats and Republicans agree that Trump may nominate": a view
        if frame.refusal and not self._refused_act(verb):
            return None  # "declined to comment" is no rejection
        if code.startswith("01") and verb.dep_ == "xcomp" and _lemma(verb.head) in WORDS.not_saying:
            return None  # "declined to say who ...": nothing was said
        if code.startswith("03") and any(
            c.dep_ == "xcomp" and any(k.dep_ == "neg" for k in c.children) for c in verb.children
        ):
            code = "120"  # "Pyongyang has vowed never to give up ...": a rejection, not intent
        return code

    def _verb_conditions(self, verb: Token, frame: Frame) -> bool:
        """The conditions of the verb's frame (triggers.yaml) on its children."""
        kids = list(verb.children)
        dobjs = [c for c in kids if c.dep_ == "dobj"]
        lemmas = _dobj_lemmas(verb)
        checks = (
            frame.needs_actor_object  # "was received by X": the passive subject is the object
            and not any(
                c.i in self._tok_mention for c in dobjs + [k for k in kids if k.dep_ == "nsubjpass"]
            ),
            frame.not_as_modifier and verb.dep_ in ("amod", "acl"),
            bool(frame.needs_object) and not lemmas & frame.needs_object,
            any(c.dep_ == "prt" and c.lower_ in frame.unless_particles for c in kids),
            bool(lemmas & frame.unless_objects),
            bool(frame.needs_deps) and not any(c.dep_ in frame.needs_deps for c in kids),
            bool(frame.only_objects)
            and bool(lemmas)
            and not lemmas & frame.only_objects
            and not any(c.i in self._tok_mention for c in dobjs),
        )
        return not any(checks)

    def _verb_target(
        self, verb: Token, frame: Frame, code: str, subj: list[Arg], passive: bool
    ) -> tuple[str, Arg | None] | None:
        """(code, target) of the verb: its objects, a threatened act's object, a demand's
        addressee, a symmetric verb's second subject; None if the frame needs a target."""
        objs = self.args.objects(verb, frame, passive)
        if not objs and _misparsed_modifier(verb):
            head = verb.head  # "Starmer hosted [President Joe Biden]": the phrase's head
            while head.dep_ == "compound" and head.head.i != head.i:
                head = head.head
            objs = [a for a in self.args.of([head]) if a.mention is not subj[0].mention]
        if not objs and frame.target_in_clause:
            # "X warned it would destroy Y": the target is the object of the threatened act
            objs = self.args.clause_objects(verb, ("ccomp", "xcomp"), ("dobj",))
        if not objs and code[:2] in ("02", "10") and not passive:
            # "demanded that the United States match ...": the target is the clause's subject
            objs = self.args.clause_objects(verb, ("ccomp",), ("nsubj", "nsubjpass"))
        tgt: Arg | None = objs[0] if objs else None
        if code.startswith("04") and code != "041" and len(objs) > 1:
            self._more_subjects[verb.i] = objs[1:]  # "met with B and C": all of them
        if tgt is None and frame.symmetric and len(subj) > 1:
            tgt = subj[1]
        if tgt is None and frame.needs_target:
            return None
        if code == "010" and tgt is not None and not frame.addressee:
            tgt = None
        if code == "010":
            demanded = self.args.must_clause(verb, subj[0])
            if demanded is not None:  # "Russia said Sudan must return the helicopter"
                code, tgt = "100", demanded
        return code, tgt

    def _object_code(self, verb: Token, frame: Frame) -> str:
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
            if c.dep_ == "dobj" and _lemma(c) in WORDS.refusable:
                return True
        return False

    def _quote(self, verb: Token) -> str | None:
        m = _QUOTE_RE.search(self.doc.text)
        if m:
            return m.group(1).strip()
        comp = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
        if comp:
            toks = list(comp[0].subtree)
            return self.doc.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
        return None

    # --- nouns --------------------------------------------------------------------------
    def _noun_event(self, noun: Token, frame: Frame) -> Extracted | None:
        lemma = _noun_lemma(noun)
        read = self._noun_sense(noun, frame, lemma)
        if read is None:
            return None
        frame, code = read
        found = self._noun_actors(noun, frame, code)
        if found is None:
            return None
        src, tgt, gov = found
        if tgt is None and frame.needs_target:
            return None
        if code.startswith("04"):
            code = self._meeting_code(code, src, tgt, gov)
        ev = self._finish(code, src, tgt, noun, gov, f"noun:{lemma}")
        if ev and code.startswith("04") and tgt is not None:
            # "A, B and C held a video conference": one event per further subject, as for
            # "A, B, C and D met" (the meetings stage joins one sentence's events)
            for other in self._more_subjects.pop(noun.i, []):
                more = self._finish(code, src, other, noun, gov, f"noun:{lemma}")
                if more is not None:
                    self._extra.append(more)
        return ev

    def _noun_sense(self, noun: Token, frame: Frame, lemma: str) -> tuple[Frame, str] | None:
        """(frame, code) of the event noun: a sense its modifier or governor selects
        ("hunger strike" 142, "staged a strike" 143), else the base frame if its governor
        and form fit; None if the noun reports no event here."""
        gov = _lemma(noun.head)
        phone = any(_lemma(c) in WORDS.phone_words and c.i != noun.i for c in noun.children)
        for sense in frame.senses:
            if sense.modifier is not None:
                if not any(c.lower_ == sense.modifier for c in noun.children):
                    continue
                if sense.governors is not None and gov not in sense.governors:
                    return None
            elif sense.governors is None or gov not in sense.governors:
                continue
            frame = frame.with_sense(sense)
            return frame, frame.code
        if (
            frame.governors is not None
            and gov not in frame.governors
            and not (frame.phone_modifier_suffices and phone)
        ):
            return None
        if frame.plural_only and noun.text.lower() != lemma + "s":
            return None  # "talks", not "talk"
        code = tr.noun_governor_code(frame, gov)
        if phone and code.startswith("04"):
            code = "041"
        return frame, code

    def _noun_actors(
        self, noun: Token, frame: Frame, code: str
    ) -> tuple[Arg, Arg | None, Token] | None:
        """(source, target, governing token) of an event noun: "talks between A and B",
        "A's visit to B", the subject of the light verb ("A held talks with B"), or the
        actors modifying the noun ("the Trump-Xi summit")."""
        kids = list(noun.children)
        between = [
            p for c in kids if c.dep_ == "prep" and c.lower_ == "between" for p in c.children
        ]
        with_ = [
            p
            for c in kids
            if c.dep_ == "prep" and c.lower_ in frame.target_preps
            for p in c.children
            if p.dep_ == "pobj"
        ]
        with_ += [  # "talks by video with X": the partner hung on the means
            q
            for c in kids
            if c.dep_ == "prep" and c.lower_ in ("by", "over", "via")
            for p in c.children
            if p.dep_ == "pobj" and _has_phone_word(p)
            for g in p.children
            if g.dep_ == "prep" and g.lower_ in frame.target_preps
            for q in g.children
            if q.dep_ == "pobj"
        ]
        mods = [
            c
            for c in kids
            if c.dep_ in ("compound", "amod")
            and c.i in self._tok_mention
            and (frame.any_modifier_actor or self._tok_mention[c.i].kind in ("person", "igo"))
        ]
        src: Arg | None = None
        tgt: Arg | None = None
        pair = self.args.of([p for p in between if p.dep_ == "pobj"])
        if len(pair) >= 2:
            src, tgt = pair[0], pair[1]
        if src is None:
            a = self.args.of([c for c in kids if c.dep_ == "poss"])
            src = a[0] if a else None
        gov = noun
        if (
            src is None
            and noun.dep_ in ("dobj", "nsubjpass", "attr", "pobj")
            and _upos(noun.head) in ("VERB", "AUX", "ADP")
        ):
            found = self._light_verb_subjects(noun, frame, code, bool(with_))
            if found is None:
                return None
            gov, src, tgt = found[0], found[1] or src, found[2] or tgt
            if not with_ and gov.i != noun.i and _upos(gov) in ("VERB", "AUX"):
                with_ = self.args.partners(gov, frame)  # "held a call today with X"
        if src is None and mods and frame.source_from_modifiers:
            a = self.args.of(mods)
            if a:
                src = a[0]
                tgt = a[1] if len(a) > 1 else tgt
        if src is None:
            return None
        for extra in (with_, mods):
            if tgt is None and extra:
                a = [x for x in self.args.of(extra) if x.mention.actor_id != src.mention.actor_id]
                tgt = a[0] if a else None
        return src, tgt, gov

    def _light_verb_subjects(
        self, noun: Token, frame: Frame, code: str, has_partner: bool
    ) -> tuple[Token, Arg | None, Arg | None] | None:
        """(governor, source, target) from the verb or preposition an event noun hangs on
        ("held talks", "during a meeting with X"); None if it reports no event."""
        head = noun.head
        gov = head if _upos(head) != "ADP" else head.head
        if _upos(head) == "ADP" and head.lower_ in ("during", "at", "in", "after"):
            # "called for more efforts during a meeting with X": the parser hung the
            # circumstance on a noun; it is the clause's
            while _upos(gov) not in ("VERB", "AUX") and gov.head.i != gov.i and gov.dep_ != "ROOT":
                gov = gov.head
        if _upos(head) != "ADP" and _lemma(gov) not in (
            WORDS.light_verbs
            | frame.light_verbs
            | WORDS.plan_verbs
            | WORDS.refuse_verbs
            | WORDS.deny_verbs
            | {"be", "during", "after", "at"}
        ):
            return None
        visit_of_two = (
            code[:3] == "042" and _upos(head) == "ADP" and head.lower_ in ("on", "during")
        )
        if visit_of_two:
            # "On a visit to Cairo, Putin and Sisi signed a deal": the visitor and the host
            # are the subjects of the act the visit is the circumstance of
            subj, _ = self.args.subjects(gov, code)
            if len(subj) < 2 or _upos(gov) not in ("VERB", "AUX"):
                return None
            if len(subj) > 2:
                self._more_subjects[noun.i] = subj[2:]
            return gov, subj[0], subj[1]
        if _upos(head) == "ADP" and head.lower_ not in (
            "for",
            "to",
            "during",
            "at",
            "in",
            "after",
            "before",
        ):
            return None
        addressee = None
        circumstance = (
            _upos(head) == "ADP"
            and head.lower_ in ("during", "at", "in", "after", "before")
            and not has_partner
        )
        if circumstance:
            # "... during a meeting with X": only with a named partner, or the person the
            # act is done to ("praised Sisi after a meeting", "thanked him in a call"), or
            # two subjects of a symmetric noun ("A and B agreed in a phone call")
            addressee = self._addressee(gov, code)
            if addressee is None and not (
                frame.symmetric
                and not any(c.dep_ == "neg" for c in gov.children)
                and len(self.args.subjects(gov, code)[0]) > 1
            ):  # "At their meeting, A and B agreed": the clause's two subjects met
                return None
        subj, _ = self.args.subjects(gov, code)
        if circumstance and addressee is None and len(subj) < 2:
            return None
        if not subj:
            return gov, None, None
        tgt = subj[1] if len(subj) > 1 and frame.symmetric and not has_partner else addressee
        if tgt is not None and len(subj) > 2 and tgt is subj[1]:
            self._more_subjects[noun.i] = subj[2:]
        return gov, subj[0], tgt

    def _addressee(self, gov: Token, code: str) -> Arg | None:
        """The person object of the verb a meeting or call noun is the circumstance of."""
        if code[:3] not in ("040", "041") or _upos(gov) not in ("VERB", "AUX"):
            return None  # a visit is to a place, not to the verb's object
        objs = [c for c in gov.children if c.dep_ == "dobj"]
        found = [a for a in self.args.of(objs) if a.mention.kind == "person"]
        return found[0] if len(found) == 1 else None


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
