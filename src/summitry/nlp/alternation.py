"""Regular expressions for long lists of words.

Python's ``re`` tries the branches of ``a|b|c...`` one by one at every position, so a list
of 700 country names and adjectives costs 700 tries per capital letter. The same words as a
trie (``Ira(?:n(?:ian)?|q(?:i)?)``) cost one try per character. Longer words are tried
first, as with a longest-first alternation, so matches are the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence


def literal_alternation(words: Iterable[str]) -> str:
    """A non-capturing group matching any of ``words`` (taken literally), longest first."""
    return trie_alternation([re.escape(ch) for ch in w] for w in words)


def trie_alternation(sequences: Iterable[Sequence[str]]) -> str:
    """A non-capturing group matching any of ``sequences``, each a list of regex pieces
    (characters, or small patterns such as ``[\\s-]+``), sharing common prefixes."""
    trie: dict[str, dict] = {}
    for seq in sequences:
        if not seq:
            continue
        node = trie
        for piece in seq:
            node = node.setdefault(piece, {})
        node[""] = {}  # a sequence ends here
    return "(?:" + _pattern(trie) + ")"


def _pattern(node: dict[str, dict]) -> str:
    branches = [piece + _pattern(child) for piece, child in sorted(node.items()) if piece]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
