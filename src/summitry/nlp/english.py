"""Is a text English? The one decision the coder makes before coding a document.

The share of English function words among a text's plain words decides, with the language
the ingest detector gave (py3langid); the thresholds and the words are data
(``data/nlp/english.yaml``, which explains the rules). The detector labels short,
name-heavy English readouts Pidgin (``pcm``): there the function words overrule it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

# whitespace-separated words of letters only, less one trailing [.,;:]
PLAIN_WORDS = re.compile(r"(?<!\S)([^\W\d_]+)[.,;:]?(?!\S)")


@dataclass(frozen=True)
class EnglishTest:
    sample_chars: int
    short_words: int
    short_share: float
    short_lower_share: float
    min_words: int
    min_share: float
    function_words: frozenset[str]


@lru_cache(maxsize=1)
def english_test() -> EnglishTest:
    """The thresholds and function words of ``data/nlp/english.yaml``."""
    path = resources.files("summitry") / "data" / "nlp" / "english.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    words = frozenset(str(w).lower() for w in data.pop("function_words"))
    return EnglishTest(**data, function_words=words)


def is_english(text: str, detected: str | None) -> bool:
    """Whether ``text`` is English, given the language code the detector gave (or None)."""
    t = english_test()
    plain = PLAIN_WORDS.findall(text[: t.sample_chars])
    words = [w.lower() for w in plain]
    share = sum(w in t.function_words for w in words) / len(words) if words else 0.0
    short = len(words) < t.short_words
    if detected and not detected.lower().startswith("en"):
        # a short text: the share among its lower-case words, names left out ("Brazilian
        # President Luiz Inacio Lula da Silva met Argentine President Alberto Fernandez ...")
        lower = [w for w in plain if w.islower()]
        common = sum(w in t.function_words for w in lower) / len(lower) if lower else 0.0
        return short and (share >= t.short_share or common >= t.short_lower_share)
    if detected and short:
        return True
    return len(words) < t.min_words or share >= t.min_share
