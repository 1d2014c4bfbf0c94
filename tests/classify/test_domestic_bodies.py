"""The model adds no event for a pair with a domestic body ("Congress", "the FBI"): measured
on the Reuters file, 1 of 11 such model events was right by reading. Sentences written for
this test; the rules still code such bodies."""

from __future__ import annotations

from datetime import date

from summitry.classify.apply import sentence_candidates

TEXTS = [
    "Congress and the FBI conducted joint naval exercises on Monday.",
    "Congress and the Justice Department conducted joint military exercises on Monday.",
]


def _best_scores(coder, text: str) -> list[float]:
    """The model's best event-type probability for each candidate of the text."""
    d = coder.prepare("t", text, date(2017, 11, 15), None, "en", False)
    out = []
    for i in sorted(d.candidates):
        s, e = d.sentences[i]
        parsed = coder.parse_sentence(text[s:e])
        mentions, _ = coder.extract(d, i, parsed)
        spans = [(m.start - s, m.end - s, m.actor_id) for m in mentions if m.actor_id]
        cands = sentence_candidates(parsed, spans, set())
        if cands:
            none = coder.model.classes.index("NONE")
            for p in coder.model.scores([f for _, f in cands]):
                out.append(max(float(x) for k, x in enumerate(p) if k != none))
    return out


def test_no_model_event_for_domestic_bodies(model_coder, code_text):
    threshold = model_coder.model.meta["threshold"]
    for text in TEXTS:
        # the model would type these candidates above its threshold ...
        assert max(_best_scores(model_coder, text)) >= threshold, text
        # ... but emits no event for them
        assert not [e for e in code_text(model_coder, text) if e.type_origin == "model"], text


def test_domestic_bodies_still_coded_by_rules(model_coder, code_text):
    evs = code_text(model_coder, "Democrats accused the FBI of hiding evidence.")
    assert [(e.code, e.source.actor_id, e.target.actor_id) for e in evs] == [
        ("112", "USA-DEMOCRATIC-PARTY", "USA-FBI")
    ]
