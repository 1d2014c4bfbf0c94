"""Name normalisation: accent- and transliteration-insensitive keys, person id slugs."""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

_PUNCT = re.compile(r"[^a-z0-9' ]+")
_SPACE = re.compile(r"\s+")
# transliteration variants folded to one spelling (applied word-wise after unidecode)
_TRANSLIT = {
    "zelenskyy": "zelensky",
    "zelenskiy": "zelensky",
    "zelenskij": "zelensky",
    "zelenski": "zelensky",
    "shoygu": "shoigu",
    "kiev": "kyiv",
    "sergey": "sergei",
    "yevgeny": "evgeny",
    "medvedyev": "medvedev",
    "gorbachov": "gorbachev",
    "kruschev": "khrushchev",
    "khrushchov": "khrushchev",
    "krushchev": "khrushchev",
    "brezhnyev": "brezhnev",
    "andropow": "andropov",
    "yeltsine": "yeltsin",
    "eltsin": "yeltsin",
    "jeltsin": "yeltsin",
    "poutine": "putin",
    "gromyko": "gromyko",
    "chernenko": "chernenko",
    "mikhael": "mikhail",
    "kozyrev": "kozyrev",
    "primakow": "primakov",
}


@lru_cache(maxsize=100_000)
def normalise(text: str) -> str:
    """Lower-case ASCII key: no accents or punctuation, 'U.S.' -> 'us', variants folded."""
    s = unidecode(text).lower().replace("’", "'")
    s = s.replace(".", "")
    s = s.replace("-", " ")
    s = _PUNCT.sub(" ", s)
    s = re.sub(r"'s\b", " 's", s)
    words = [_TRANSLIT.get(w, w) for w in _SPACE.sub(" ", s).strip().split(" ") if w]
    return " ".join(words)


def slug(name: str) -> str:
    """The slug of a canonical English name: lower-case ASCII words joined by '-'."""
    s = unidecode(name).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s)
    return s.strip("-")


def person_id(name: str) -> str:
    return "person:" + slug(name)
