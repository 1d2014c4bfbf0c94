"""Which (source, target) pairs of a parsed sentence the classifier looks at.

A candidate's source is an actor mention in a subject role (the subject of an active verb,
the agent of a passive: "X was accused *by Y*"; never a passive subject or a possessor,
"Trump's campaign manager"); failing that, the sentence's first actor if it stands before
the main verb and is neither (when training: in any case). Its target is
another actor under the same governing word, else none.
Mentions are (start, end) character offsets into the parsed text.
"""

from __future__ import annotations

from dataclasses import dataclass

from summitry.classify.features import governor, is_name

_SOURCE_ROLES = ("nsubj", "csubj")  # a passive subject is the target: "X was accused by Y"


@dataclass(frozen=True)
class Candidate:
    src: int | None  # token index of the source's head (None: no actor found)
    tgt: int | None
    src_mention: int | None = None  # index into the mention list
    tgt_mention: int | None = None


def head_token(doc, start: int, end: int) -> int | None:
    """Index of the token of ``doc`` spanning [start, end) whose head lies outside it."""
    toks = [t for t in doc if t.idx < end and t.idx + len(t) > start]
    if not toks:
        return None
    inside = {t.i for t in toks}
    for t in toks:
        if t.head.i not in inside or t.head.i == t.i:
            return t.i
    return toks[-1].i


def _role_ok(doc, i: int) -> bool:
    tok = doc[i]
    for _ in range(4):  # "the leaders of Russia and China": up through of/conj/appos
        if tok.dep_ in _SOURCE_ROLES or (tok.dep_ == "pobj" and tok.head.dep_ == "agent"):
            return True
        climb = (
            tok.dep_ in ("compound", "conj", "appos", "amod")
            or (tok.dep_ == "pobj" and tok.head.lower_ == "of")
            or (tok.dep_ == "prep" and tok.lower_ == "of")
        )
        if not climb or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def candidates(doc, spans: list[tuple[int, int, str]], fallback: bool = False) -> list[Candidate]:
    """Candidates from actor spans (start, end, actor key); one per source actor in a
    source role. ``fallback`` (training): with none, the first actor stands as source
    wherever it is."""
    heads = [(head_token(doc, s, e), key) for s, e, key in spans]
    found = [(k, h, key) for k, (h, key) in enumerate(heads) if h is not None]
    if not found:
        return []
    sources = [f for f in found if _role_ok(doc, f[1])]
    if not sources:  # the first actor, if it stands before the main verb (or when training)
        root = next((t.i for t in doc if t.dep_ == "ROOT"), len(doc))
        sources = [
            f
            for f in found[:1]
            if fallback or (f[1] < root and doc[f[1]].dep_ not in ("nsubjpass", "poss"))
        ]
    out, seen = [], set()
    for k, h, key in sources:
        if key in seen:
            continue
        seen.add(key)
        gov = governor(doc[h])
        others = [f for f in found if f[2] != key]
        under = [f for f in others if governor(doc[f[1]]).i == gov.i or _below(doc[f[1]], gov)]
        after = [f for f in others if f[1] > h]
        pick = (under or after or [None])[0]
        out.append(Candidate(h, pick[1] if pick else None, k, pick[0] if pick else None))
    return out


def _below(tok, gov, hops: int = 4) -> bool:
    cur = tok
    for _ in range(hops):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.i == gov.i:
            return True
    return False


def text_spans(doc, *texts: str | None) -> list[tuple[int, int, str]]:
    """Spans of the given actor texts in the parsed text (first occurrence each)."""
    out = []
    for k, t in enumerate(texts):
        if not t:
            continue
        pos = doc.text.find(t)
        if pos >= 0:
            out.append((pos, pos + len(t), f"t{k}"))
    return out


def parse_spans(doc) -> list[tuple[int, int, str]]:
    """Actor-like spans from the parse alone (proper nouns and capitalised adjectives), for
    training texts whose actors have no marked span."""
    out = []
    for t in doc:
        if is_name(t):
            if out and out[-1][1] >= t.idx - 1 and doc[t.i - 1].tag_ in ("NNP", "NNPS", "JJ"):
                s, _, key = out[-1]
                out[-1] = (s, t.idx + len(t), key)
            else:
                out.append((t.idx, t.idx + len(t), t.text.lower()))
    return out
