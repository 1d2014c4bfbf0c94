"""When and where: the date mention and the place of a trigger in a parsed sentence, and the
meeting code a place gives (042 visit, 043 host, 044 third place)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from summitry.coding.places import place_iso3
from summitry.nlp.dates import DateMention
from summitry.nlp.lexical import upos as _upos

_CLAUSE_DEPS = ("ROOT", "ccomp", "advcl", "relcl", "acl", "xcomp", "parataxis", "conj", "pcomp")


def clause_root(tok: Token) -> Token:
    """The head of the clause ``tok`` is in."""
    t = tok
    while t.dep_ not in _CLAUSE_DEPS and t.head.i != t.i:
        t = t.head
    return t


class WhenWhere:
    """Dates and places of the triggers of one sentence (``offset``: its document offset)."""

    def __init__(self, doc: Doc, offset: int, dates: list[DateMention]):
        self.doc, self.offset, self.dates = doc, offset, dates

    def _tokens_of(self, d: DateMention) -> list[Token]:
        return [t for t in self.doc if d.start <= self.offset + t.idx < d.end]

    def date_for(self, tok: Token) -> DateMention | None:
        """The date in the trigger's own phrase, else in its subtree, else the sentence's
        only date if it sits in the trigger's clause."""
        if not self.dates:
            return None
        sub = {t.i for t in tok.subtree}
        best = None
        for d in self.dates:
            toks = {t.i for t in self._tokens_of(d)}
            if toks & self._own_phrase(tok):
                return d
            if toks & sub and best is None:
                best = d
        if best:
            return best
        if len(self.dates) == 1:  # the only date, if it sits in the trigger's own clause
            toks = self._tokens_of(self.dates[0])
            if toks and clause_root(toks[0]).i == clause_root(tok).i:
                return self.dates[0]
        if tok.dep_ == "conj" and tok.tag_.startswith("VB") and tok.head.tag_.startswith("VB"):
            # "arrived on Monday and held talks", "picked up the phone on Tuesday and
            # called X": a conjoined verb without a date of its own shares the first one's
            own = self._own_phrase(tok.head)
            for d in self.dates:
                if {t.i for t in self._tokens_of(d)} & own:
                    return d
        if (
            tok.dep_ == "advcl"
            and tok.head.i != tok.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            and tok.head.dep_ in ("ROOT", "conj")
            and not any(c.dep_ == "aux" and c.lower_ != "to" for c in tok.head.children)
        ):  # "flew to Sochi on Thursday to meet Putin": the purpose clause's day is its act's
            return self.date_for(tok.head)
        return None

    @staticmethod
    def _own_phrase(tok: Token) -> set[int]:
        """The token and its children's subtrees, other clauses and conjuncts left out."""
        ch = [
            t
            for t in tok.children
            if t.dep_ not in ("ccomp", "advcl", "relcl", "conj", "parataxis")
        ]
        return {x.i for c in ch for x in c.subtree} | {tok.i}

    def future_date(self, tok: Token) -> bool:
        d = self.date_for(tok)
        return bool(d and d.future)

    def location_for(self, tok: Token) -> tuple[str, int, int] | None:
        """The place ("in Da Nang", "at the Kremlin") of the trigger or of a phrase in its
        own clause: (text, document start, document end)."""
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
                            return self._place_span(p)
        return None

    def _place_span(self, p: Token) -> tuple[str, int, int]:
        toks = [
            x
            for x in p.subtree
            if _upos(x) == "PROPN" or x.dep_ in ("compound", "npadvmod") or x.i == p.i
        ]
        toks = [x for x in toks if x.i <= p.i + 3]
        s = min(x.idx for x in toks)
        e = max(x.idx + len(x.text) for x in toks)
        txt = self.doc.text[s:e].rstrip(".,")
        return txt, self.offset + s, self.offset + s + len(txt)

    def meeting_code(
        self, code: str, src_iso3: str | None, tgt_iso3: str | None, tok: Token
    ) -> str:
        """040 -> 042 visit / 043 host / 044 third place, from where the meeting was."""
        if code != "040" or not src_iso3 or not tgt_iso3 or src_iso3 == tgt_iso3:
            return code
        loc = self.location_for(tok)
        iso = place_iso3(loc[0]) if loc else None
        if not iso:
            return code
        if iso == tgt_iso3:
            return "042"
        if iso == src_iso3:
            return "043"
        return "044"
