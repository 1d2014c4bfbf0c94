"""Where each gold event of the recall set is lost (tests/classify/data/reuters_recall.csv).

Usage: python bench/diagnose_recall.py [--split dev|heldout] [-v]

Per gold event the first stage that loses it: ``found`` (the coder emits it, as
``eval_recall.py`` scores it), ``not-parsed`` (the sentence never reached the parser: no
trigger word and fewer than two actors), ``no-actor`` (no resolved mention is the gold
source), ``no-candidate`` (the source is resolved but is not a classifier candidate),
``rule-other`` (a rule event of another type, or a statement/appeal with no PLOVER type,
from that source), ``typed-none`` (the candidate's best event type is below the model's
threshold), ``model-other`` (the model emitted another type), ``modality`` (the right type,
dropped as negated/refused/denied/hypothetical), ``other``. ``-v`` lists each event with
the rule codes and the model's best type and score.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "classify" / "data" / "reuters_recall.csv"
REUTERS = REPO.parent / "shared" / "corpora" / "reuters-2017-oct-nov.jsonl"


def _is_source(m, gold: set[str]) -> bool:
    return "?" in gold or bool({m.actor_id, m.iso3} & gold)


def _stage(coder, d, idx: int, gold) -> tuple[str, str]:
    """(stage, detail) for one gold event of sentence ``idx`` of prepared document ``d``."""
    from summitry.classify.apply import rule_types, sentence_candidates
    from summitry.codes import plover_for
    from summitry.coding.combine import _best_event, emits
    from summitry.coding.extract import SentenceCoder
    from summitry.nlp.dates import find_dates

    if idx not in d.candidates:
        return "not-parsed", ""
    # build_rows let go of its parse
    parsed = coder.parse_sentence(d.text[slice(*d.sentences[idx])])
    mentions, events = coder.extract(d, idx, parsed)
    s, _ = d.sentences[idx]
    resolved = [m for m in mentions if m.actor_id]
    srcs = [k for k, m in enumerate(resolved) if _is_source(m, gold.sources)]
    if not srcs:
        return "no-actor", ",".join(sorted({m.actor_id for m in resolved}))
    sc = SentenceCoder(parsed, s, mentions, find_dates(parsed.text, d.published, offset=s), None)
    rules = sc.events()
    codes = ",".join(e.code for e in rules)
    for e in rules:
        if any(e.source.start == resolved[k].start for k in srcs):
            p = plover_for(e.code)
            if p is None or p.event_type not in gold.types:
                return "rule-other", f"rule {e.code}"
    spans = [(m.start - s, m.end - s, m.actor_id) for m in resolved]
    cands = [c for c in sentence_candidates(parsed, spans, rule_types(e.code for e in rules))]
    mine = [(c, f) for c, f in cands if c.src_mention in srcs]
    if not mine:
        return "no-candidate", f"rules {codes or '-'}"
    probs = coder.model.scores([f for _, f in mine])
    threshold = float(coder.model.meta.get("threshold", 0.5))
    best = _best_event(coder.model.classes, probs[0])
    label, p = coder.model.classes[best], float(probs[0][best])
    detail = f"model {label} {p:.2f} (NONE {probs[0][coder.model.classes.index('NONE')]:.2f})"
    if not emits(probs[0], best, threshold):
        return "typed-none", detail
    if label not in gold.types:
        return "model-other", detail
    if any(ev.source.start == resolved[srcs[0]].start for ev in events):
        return "other", detail
    return "modality", detail


def main() -> None:
    from summitry.classify.recall import load_recall, score_recall
    from summitry.coding import Coder
    from summitry.coding.checked import prepared_articles

    split = sys.argv[sys.argv.index("--split") + 1] if "--split" in sys.argv else None
    items = load_recall(GOLD, split)
    coder = Coder()
    docs = prepared_articles(REUTERS, coder, {it.article_id for it in items})
    rows = coder.build_rows(docs)  # parses the candidate sentences into d.parsed
    events: dict = {}
    for ev in rows.events:
        events.setdefault((ev["doc_id"], ev["start_char"]), []).append(ev)
    missed = set(score_recall(items, events).missed)
    by_id = {d.doc_id: d for d in docs}
    buckets: Counter = Counter()
    lines = []
    for it in items:
        d = by_id[it.article_id]
        idx = next(k for k, (s, _) in enumerate(d.sentences) if s == it.start)
        for k, g in enumerate(it.events):
            stage, detail = _stage(coder, d, idx, g) if (it.item, k) in missed else ("found", "")
            buckets[stage] += 1
            lines.append(f"  item {it.item}: {'|'.join(sorted(g.types))} {stage} {detail}")
    print(f"recall set [{split or 'all'}]: {sum(buckets.values())} gold events")
    for stage, n in buckets.most_common():
        print(f"  {stage:<13} {n}")
    if "-v" in sys.argv:
        print("\n".join(lines))


if __name__ == "__main__":
    main()
