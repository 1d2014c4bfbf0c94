"""Regular expressions for long lists of literal words.

Python's ``re`` tries the branches of ``a|b|c...`` one by one at every position, so a list
of 700 country names and adjectives costs 700 tries per capital letter. The same words as a
character trie (``Ira(?:n(?:ian)?|q(?:i)?)``) cost one try per character. Longer words are
tried first, as with a longest-first alternation, so matches are the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def literal_alternation(words: Iterable[str]) -> str:
    """A non-capturing group matching any of ``words`` (taken literally), longest first."""
    trie: dict[str, dict] = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return "(?:" + _pattern(trie) + ")"


def _pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
