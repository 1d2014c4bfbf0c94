"""The stored articles an episode's evidence is read from, fetched so that a build over a
large store costs one query per kind of question, not one per episode.

- sentences of a document: from the ``sentences`` table (else split on the fly), kept in a
  bounded LRU cache so memory does not grow with the store;
- documents naming people in a date window: from an index of the build's names (one
  DuckDB pass over the documents for all of them, :meth:`SentenceSource.prime`);
- documents of a window matching a pattern (an occasion: "the APEC summit in ..."): one
  DuckDB regular-expression query.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date

from summitry.nlp.split import split_sentences

CACHE_DOCS = 4096


@dataclass
class Sentence:
    doc_id: str
    sent_idx: int
    start: int
    end: int
    text: str
    published: date | None


class SentenceSource:
    """Sentences of stored documents, and which documents name whom when."""

    def __init__(self, store, cache_docs: int = CACHE_DOCS) -> None:
        self.store = store
        self._cache: OrderedDict[str, list[Sentence]] = OrderedDict()
        self._cache_docs = cache_docs
        self._terms: dict[str, tuple[list[date], list[str]]] = {}

    def doc(self, doc_id: str) -> list[Sentence]:
        if doc_id in self._cache:
            self._cache.move_to_end(doc_id)
            return self._cache[doc_id]
        return self.load([doc_id])[doc_id]

    def load(self, doc_ids: list[str]) -> dict[str, list[Sentence]]:
        """The sentences of several documents, the missing ones read in two queries."""
        cache = self._cache
        out = {d: cache[d] for d in doc_ids if d in cache}
        todo = [d for d in dict.fromkeys(doc_ids) if d not in out]
        if not todo:
            return out
        if todo:
            texts = {
                d: (t, p)
                for d, t, p in self.store.con.execute(
                    "SELECT doc_id, text, published FROM documents "
                    "WHERE doc_id IN (SELECT unnest(?))",
                    [todo],
                ).fetchall()
            }
            spans: dict[str, list[tuple[int, int, int]]] = {}
            for d, i, s, e in self.store.con.execute(
                "SELECT doc_id, sent_idx, start_char, end_char FROM sentences "
                "WHERE doc_id IN (SELECT unnest(?)) ORDER BY doc_id, sent_idx",
                [todo],
            ).fetchall():
                spans.setdefault(d, []).append((i, s, e))
            for d in todo:
                sents: list[Sentence] = []
                if d in texts:
                    text, published = texts[d]
                    idx = spans.get(d) or [
                        (i, s, e) for i, (s, e) in enumerate(split_sentences(text))
                    ]
                    sents = [Sentence(d, i, s, e, text[s:e], published) for i, s, e in idx]
                out[d] = sents
                self._cache[d] = sents
        while len(self._cache) > self._cache_docs:
            self._cache.popitem(last=False)
        return out

    def prime(self, terms: set[str]) -> None:
        """Index the dated documents containing each term (case-sensitive), in one query."""
        todo = sorted(t for t in terms if t and t not in self._terms)
        if not todo:
            return
        found: dict[str, list[tuple[date, str]]] = {t: [] for t in todo}
        cur = self.store.con.execute(
            "SELECT t.term, d.published, d.doc_id FROM documents d, "
            "(SELECT unnest(?) AS term) t WHERE d.published IS NOT NULL "
            "AND contains(d.text, t.term)",
            [todo],
        )
        while rows := cur.fetchmany(50_000):
            for term, published, doc_id in rows:
                found[term].append((published, doc_id))
        for term, hits in found.items():
            hits.sort()
            self._terms[term] = ([p for p, _ in hits], [d for _, d in hits])

    def docs_mentioning(
        self, words: list[str], start: date, end: date, limit: int | None = None
    ) -> list[str]:
        """Documents published in [start, end] that contain every word, by doc id; with
        ``limit``, only the ``limit`` earliest."""
        if not words:
            return []
        self.prime(set(words))
        common: set[str] | None = None
        order: list[str] = []
        for w in words:
            days, ids = self._terms[w]
            window = ids[bisect_left(days, start) : bisect_right(days, end)]
            if common is None:
                order = window
            common = set(window) if common is None else common & set(window)
        hits = [d for d in order if d in (common or set())]
        if limit is not None:
            hits = hits[:limit]
        return sorted(hits)

    def docs_matching(
        self, pattern: str, start: date, end: date, ignore_case: bool = False, limit: int = 200
    ) -> list[str]:
        """Documents published in [start, end] whose text matches a regular expression."""
        rows = self.store.con.execute(
            "SELECT doc_id FROM documents WHERE published BETWEEN ? AND ? "
            "AND regexp_matches(text, ?, ?) ORDER BY doc_id LIMIT ?",
            [start, end, pattern, "i" if ignore_case else "c", limit],
        ).fetchall()
        return [r[0] for r in rows]
