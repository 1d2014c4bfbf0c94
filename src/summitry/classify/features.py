"""Features of one candidate (parsed sentence, source token, target token) for the classifier.

What carries an event's type is the verb (or noun) that governs the source, its complements
("agreed to cooperate", "called for talks"), the argument roles of source and target, negation
and modality; the rest of the sentence adds context. Features are strings:

    gv:<lemma>        the governing word of the source (verb, or the root)
    gx:<lemma>        a verb it governs through xcomp/ccomp/conj ("agreed to *cooperate*")
    go:<lemma>|<obj>  governing word + its direct object's lemma ("provide aid")
    gp:<lemma>|<prep>|<obj>  governing word + preposition + object ("call for talks")
    sr:<dep>          the source's role (nsubj, nsubjpass, poss ...); tr:<path> the target's
    neg / md:<modal> / pass   negation, modal auxiliary, passive
    w:<stem>          every word stem of the sentence (first MAX_TOKENS tokens) but names
    rule:<type>       the PLOVER type the rules gave this sentence (``rule:none`` if none)

Names (proper nouns, capitalised adjectives: "China", "Russian", "Pelosi") are left out of the
bag of words (version f3): which actors a sentence names says nothing of the event's type,
and as words they learnt the training sets' mix of actors ("China" leaned to CONSULT).
The actors' roles (``sr:``, ``tr:``) carry what they contribute.

Truncation: only the first ``MAX_TOKENS`` tokens feed the bag of words, and the walk up the
parse stops after ``MAX_HOPS`` steps, so a 5,000-word sentence costs no more than a short one.
"""

from __future__ import annotations

from collections.abc import Iterable

from summitry.nlp.lexical import lemma_of

MAX_TOKENS = 120
MAX_HOPS = 8
_SUBJ = {"nsubj", "nsubjpass", "csubj", "agent", "expl"}
_OBJ = {"dobj", "obj", "attr", "oprd", "dative", "iobj"}
_COMP = {"xcomp", "ccomp", "conj", "advcl"}
_MODALS = {"will", "would", "may", "might", "could", "should", "must", "can", "shall", "wo", "ca"}
_SUFFIXES = ("ations", "ation", "ings", "ing", "ied", "ies", "ed", "es", "s")


def stem(word: str) -> str:
    """A crude, deterministic stem: the irregular-verb lemma ("said" -> "say"), less one
    common English suffix, a final "e" and a doubled final consonant ("expell" -> "expel")."""
    w = lemma_of(word.lower())
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)]
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    return w


def is_name(tok) -> bool:
    """A proper noun, or a capitalised adjective ("Russian"): an actor's word, not an event's."""
    return tok.tag_ in ("NNP", "NNPS") or (tok.tag_ == "JJ" and tok.text[:1].isupper())


def _lem(tok) -> str:
    return stem(tok.text)


def _is_verb(tok) -> bool:
    return tok.tag_.startswith("VB") or tok.tag_ == "MD"


def governor(tok):
    """The verb above ``tok`` (itself if a verb), else the sentence root."""
    cur = tok
    for _ in range(MAX_HOPS):
        if _is_verb(cur) and cur.i != tok.i:
            return cur
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _role(tok, gov) -> str:
    """Dependency labels from ``tok`` up to ``gov`` ("pobj<prep:with" etc.), at most 3."""
    parts, cur = [], tok
    for _ in range(MAX_HOPS):
        if cur.i == gov.i or cur.head.i == cur.i:
            break
        label = cur.dep_
        if label == "pobj":
            label = f"pobj:{cur.head.lower_}"
        parts.append(label)
        cur = cur.head
    return ">".join(parts[-3:]) if parts else "self"


def _chain(gov) -> list:
    """The governing word and the verbs it passes the event to: complements of reporting
    verbs ("said it *will support*"), of "be willing/ready/set to", xcomp ("agreed to
    *cooperate*"), at most ``MAX_HOPS`` words."""
    out, todo = [], [gov]
    while todo and len(out) < MAX_HOPS:
        t = todo.pop(0)
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ in _COMP or c.dep_ == "acomp")
    return out


def _word_features(t, depth: int) -> list[str]:
    g = _lem(t)
    out = [f"gc:{g}", f"g{min(depth, 2)}:{g}"]
    for c in t.children:
        if c.dep_ == "neg":
            out.append("neg")
        elif c.dep_ in ("aux", "auxpass") and c.lower_ in _MODALS:
            out.append(f"md:{lemma_of(c.lower_)}")
            out.append(f"gm:{g}|{lemma_of(c.lower_)}")
        elif c.dep_ == "auxpass" or c.dep_ == "nsubjpass":
            out.append("pass")
        elif c.dep_ in _OBJ:
            out.append(f"go:{g}|{_lem(c)}")
            out.extend(  # "shipped 300 tonnes of rice": the object's "of" noun too
                f"go:{g}|{_lem(x)}"
                for p in c.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for x in p.children
                if x.dep_ == "pobj"
            )
        elif c.dep_ == "prep":
            objs = [x for x in c.children if x.dep_ == "pobj"]
            out.append(f"gp:{g}|{c.lower_}|{_lem(objs[0]) if objs else ''}")
        elif c.dep_ == "aux" and c.lower_ == "to" and depth:
            out.append(f"to:{g}")
    return out


def _governor_features(gov) -> list[str]:
    out = [f"gv:{_lem(gov)}"]
    for depth, t in enumerate(_chain(gov)):
        out.extend(_word_features(t, depth))
    return out


def candidate_features(
    doc, src: int | None, tgt: int | None, rule_types: Iterable[str]
) -> list[str]:
    """Feature strings of one candidate; ``src``/``tgt`` are token indices (or None)."""
    n = len(doc)
    feats = [f"w:{_lem(t)}" for t in doc[:MAX_TOKENS] if t.is_alpha and not is_name(t)]
    if src is not None and src < n:
        s = doc[src]
        gov = governor(s)
        feats.append(f"sr:{_role(s, gov)}")
    else:
        gov = next((t for t in doc[:MAX_TOKENS] if t.dep_ == "ROOT"), doc[0]) if n else None
        feats.append("sr:none")
    if gov is not None:
        feats.extend(_governor_features(gov))
    if tgt is not None and tgt < n and gov is not None:
        feats.append(f"tr:{_role(doc[tgt], gov)}")
    else:
        feats.append("tr:none")
    rules = sorted(set(rule_types)) or ["none"]
    feats.extend(f"rule:{r}" for r in rules)
    return feats
