"""The one name key and the one slug of summitry.

:func:`normalise` is the key every stage matches names on (the KB's indexes, the coder's
mention tables, meeting participants, event-data country names): accent- and
transliteration-insensitive, no punctuation, no possessive, so "Erdoğan's", "Erdogan" and
"ERDOGAN" are one key. :func:`slug` makes ids ("person:" + slug of the canonical name) and
file names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

_PUNCT = re.compile(r"[^a-z0-9' ]+")
# a possessive or a bare trailing apostrophe at the end of a word ("Putin's", "Abbas'")
_POSSESSIVE = re.compile(r"(?:'s|')(?=\s|$)")
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
    "mikhael": "mikhail",
    "primakow": "primakov",
}


@lru_cache(maxsize=200_000)
def normalise(text: str) -> str:
    """Lower-case ASCII key: no accents, punctuation or possessive; 'U.S.' -> 'us',
    'al-Assad' -> 'al assad', transliteration variants folded ('Zelenskiy' -> 'zelensky')."""
    s = (text if text.isascii() else unidecode(text)).lower().replace("’", "'")
    s = s.replace(".", "").replace("-", " ")
    s = _POSSESSIVE.sub("", _PUNCT.sub(" ", s))
    return " ".join(_TRANSLIT.get(w, w) for w in s.split())


def slug(name: str) -> str:
    """The slug of a canonical English name: lower-case ASCII words joined by '-'."""
    return re.sub(r"[^a-z0-9]+", "-", unidecode(name).lower()).strip("-")


def person_id(name: str) -> str:
    """The KB id of a person with this canonical name ("person:vladimir-putin")."""
    return "person:" + slug(name)
