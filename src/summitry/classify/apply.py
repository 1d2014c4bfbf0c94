"""Candidates and their features for one parsed sentence, the same in training and coding."""

from __future__ import annotations

from collections.abc import Iterable

from summitry.classify.candidates import Candidate, candidates, parse_spans, text_spans
from summitry.classify.features import candidate_features
from summitry.codes import plover_for


def rule_types(codes: Iterable[str]) -> set[str]:
    """PLOVER types of the rules' CAMEO codes (statements and appeals: none)."""
    out = set()
    for c in codes:
        p = plover_for(c)
        if p is not None:
            out.add(p.event_type)
    return out


def sentence_candidates(
    doc, spans: list[tuple[int, int, str]], rules: set[str]
) -> list[tuple[Candidate, list[str]]]:
    """Every candidate of the parsed sentence ``doc`` with its features; ``spans`` are the
    resolved actor mentions as (start, end, actor key), offsets into ``doc.text``."""
    return [(c, candidate_features(doc, c.src, c.tgt, rules)) for c in candidates(doc, spans)]


def training_candidate(
    doc,
    spans: list[tuple[int, int, str]],
    rules: set[str],
    src_text: str | None,
    tgt_text: str | None,
) -> list[str]:
    """The features of the one candidate a training sentence stands for: its marked source
    (and target) where the set marks them, else its first candidate, else the sentence."""
    marked = text_spans(doc, src_text, tgt_text)
    if src_text and marked and marked[0][2] == "t0":
        rest = [s for s in spans if not (s[0] < marked[0][1] and s[1] > marked[0][0])]
        cands = candidates(doc, [marked[0], *(marked[1:] or rest)], fallback=True)
        if cands:
            c = cands[0]
            return candidate_features(doc, c.src, c.tgt, rules)
    cands = candidates(doc, spans or parse_spans(doc), fallback=True)
    if cands:
        return candidate_features(doc, cands[0].src, cands[0].tgt, rules)
    return candidate_features(doc, None, None, rules)
