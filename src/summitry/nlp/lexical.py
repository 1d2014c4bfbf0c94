"""Fast part of speech and lemmas without spaCy's attribute ruler and lemmatizer.

The coder parses with tagger + parser only (the two slowest remaining components are
the attribute ruler and the rule lemmatizer). Universal POS is derived from the Penn tag
and the dependency label; lemmas are needed only for the words the coder looks up, so
``lemma`` maps every inflected form of those words (regular rules plus irregular verbs)
back to its base and returns the lower-cased word otherwise. Registered as the token
extensions ``tok._.upos`` and ``tok._.lem``.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

_TAG_POS = {
    "NN": "NOUN",
    "NNS": "NOUN",
    "NNP": "PROPN",
    "NNPS": "PROPN",
    "PRP": "PRON",
    "PRP$": "PRON",
    "WP": "PRON",
    "WP$": "PRON",
    "JJ": "ADJ",
    "JJR": "ADJ",
    "JJS": "ADJ",
    "RB": "ADV",
    "RBR": "ADV",
    "RBS": "ADV",
    "WRB": "ADV",
    "IN": "ADP",
    "DT": "DET",
    "PDT": "DET",
    "WDT": "DET",
    "CC": "CCONJ",
    "CD": "NUM",
    "MD": "AUX",
    "TO": "PART",
    "RP": "ADP",
    "POS": "PART",
    "UH": "INTJ",
}
_IRREGULAR = {
    "met": "meet",
    "shook": "shake",
    "shaken": "shake",
    "sat": "sit",
    "sitting": "sit",
    "said": "say",
    "says": "say",
    "told": "tell",
    "spoke": "speak",
    "spoken": "speak",
    "rang": "ring",
    "rung": "ring",
    "held": "hold",
    "had": "have",
    "has": "have",
    "fought": "fight",
    "struck": "strike",
    "stricken": "strike",
    "sought": "seek",
    "freed": "free",
    "cut": "cut",
    "set": "set",
    "began": "begin",
    "begun": "begin",
    "made": "make",
    "paid": "pay",
    "brought": "bring",
    "thought": "think",
    "wrote": "write",
    "written": "write",
    "took": "take",
    "got": "get",
    "gotten": "get",
    "taken": "take",
    "went": "go",
    "flew": "fly",
    "flown": "fly",
    "came": "come",
    "gone": "go",
    "was": "be",
    "were": "be",
    "is": "be",
    "are": "be",
    "am": "be",
    "been": "be",
    "being": "be",
    "'s": "be",
    "'re": "be",
    "did": "do",
    "does": "do",
    "done": "do",
    "won": "win",
    "led": "lead",
    "left": "leave",
    "shot": "shoot",
    "sent": "send",
    "put": "put",
    "hit": "hit",
    "rode": "ride",
    "ran": "run",
    "saw": "see",
    "seen": "see",
    "gave": "give",
    "given": "give",
    "slew": "slay",
    "forbade": "forbid",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
    "undertook": "undertake",
    "broke": "break",
    "broken": "break",
    "wo": "will",
    "'ll": "will",
    "ca": "can",
    "talks": "talk",
    "sanctions": "sanction",
    "negotiations": "negotiation",
}
_FORMS: dict[str, str] = {}


def _inflections(base: str) -> Iterable[str]:
    yield base
    yield base + "s"
    yield base + "es"
    yield base + "ed"
    yield base + "d"
    yield base + "ing"
    if base.endswith("e"):
        yield base[:-1] + "ing"
    if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        yield base[:-1] + "ies"
        yield base[:-1] + "ied"
    if (
        len(base) >= 3
        and base[-1] not in "aeiouywx"
        and base[-2] in "aeiou"
        and base[-3] not in "aeiou"
    ):
        yield base + base[-1] + "ed"
        yield base + base[-1] + "ing"


def register_lemmas(words: Iterable[str]) -> None:
    """Make every inflection of ``words`` map back to the word."""
    for w in words:
        for form in _inflections(w):
            _FORMS.setdefault(form, w)


def lemma_of(low: str) -> str:
    """The lemma of a lower-cased word (the same for every part of speech)."""
    return _IRREGULAR.get(low) or _FORMS.get(low, low)


def lemma(tok: Token) -> str:
    return lemma_of(tok.lower_)


def known_forms() -> set[str]:
    """Every word whose lemma differs from itself (irregular and registered inflections)."""
    return set(_IRREGULAR) | set(_FORMS)


def upos(tok: Token) -> str:
    tag = tok.tag_
    if tag.startswith("VB"):
        if tok.dep_ in ("aux", "auxpass"):
            return "AUX"
        return "VERB"
    return _TAG_POS.get(tag, "X")


if not Token.has_extension("lem"):
    Token.set_extension("lem", getter=lemma)
if not Token.has_extension("upos"):
    Token.set_extension("upos", getter=upos)
