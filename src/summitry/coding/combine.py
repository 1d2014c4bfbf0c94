"""How the model and the rules combine on one parsed sentence (measured in the coding README).

- A rule event keeps its CAMEO code (the rules are exact where they fire). Its
  ``type_origin`` is ``both`` when the model's best type is the same PLOVER type, else
  ``rule``; ``model_score`` is the model's probability of the rule's type.
- A candidate source with no rule event gets a model event when the model's most probable
  event type (NONE aside) has probability >= ``threshold``: ``type_origin`` ``model``, the type's
  general CAMEO code (``data/classify/plover_cameo.yaml``), trigger = the governing word,
  modality, date and place from the rules (``SentenceCoder``): a refusal, denial, plan or
  hypothetical is never a held event.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from importlib import resources

import yaml

from summitry.classify.apply import rule_types, sentence_candidates
from summitry.classify.features import governor
from summitry.classify.model import EventModel
from summitry.codes import plover_for
from summitry.coding.extract import Extracted, SentenceCoder
from summitry.coding.mentions import Mention
from summitry.coding.modality import modality as rule_modality

MODEL_RULE = "model"


@dataclass
class ScoredEvent(Extracted):
    """An extracted event with where its type came from and the model's score."""

    type_origin: str = "rule"
    model_score: float | None = None


@cache
def cameo_for_type() -> dict[str, str]:
    path = resources.files("summitry") / "data" / "classify" / "plover_cameo.yaml"
    return {k: str(v) for k, v in yaml.safe_load(path.read_text(encoding="utf-8")).items()}


def _scored(ev: Extracted, origin: str, score: float | None) -> ScoredEvent:
    return ScoredEvent(
        **{f.name: getattr(ev, f.name) for f in fields(Extracted)},
        type_origin=origin,
        model_score=score,
    )


def combine(
    model: EventModel,
    parsed,
    sent_start: int,
    mentions: list[Mention],
    rule_events: list[Extracted],
    sc: SentenceCoder,
    threshold: float,
) -> list[ScoredEvent]:
    """The sentence's events: the rules' (scored) plus the model's where the rules found none."""
    resolved = [m for m in mentions if m.actor_id]
    spans = [(m.start - sent_start, m.end - sent_start, m.actor_id) for m in resolved]
    cands = sentence_candidates(parsed, spans, rule_types(e.code for e in rule_events))
    if not cands:
        return [_scored(e, "rule", None) for e in rule_events]
    probs = model.scores([f for _, f in cands])
    cls = {c: k for k, c in enumerate(model.classes)}
    by_source = {c.src_mention: (c, probs[k]) for k, (c, _) in enumerate(cands)}
    out = []
    for ev in rule_events:
        p_type = plover_for(ev.code)
        hit = next(
            (v for c, v in by_source.values() if _same(resolved[c.src_mention], ev.source)), None
        )
        hit = hit if hit is not None else probs[0]
        if p_type is None or p_type.event_type not in cls:
            out.append(_scored(ev, "rule", None))
            continue
        score = float(hit[cls[p_type.event_type]])
        best = model.classes[int(hit.argmax())]
        out.append(_scored(ev, "both" if best == p_type.event_type else "rule", score))
    covered = {(e.source.start, e.source.end) for e in rule_events}
    for c, p in by_source.values():
        src = resolved[c.src_mention]
        best = _best_event(model.classes, p)
        label = model.classes[best]
        if (src.start, src.end) in covered or not emits(p, best, threshold):
            continue
        ev = _model_event(parsed, sc, src, resolved, c, label, float(p[best]))
        if ev is not None:
            out.append(ev)
    return out


def emits(p, best: int, threshold: float) -> bool:
    """Whether the model's best event type ``best`` is sure enough to stand as an event."""
    return bool(p[best] >= threshold)


def _best_event(classes: list[str], p) -> int:
    """The most probable event type (never NONE: the threshold on its probability decides
    whether there is an event at all)."""
    order = sorted(range(len(classes)), key=lambda k: -p[k])
    return next(k for k in order if classes[k] != "NONE")


def _domestic_body(m: Mention | None) -> bool:
    """A party, legislature or agency of one country ("Congress", "the FBI"): an
    organisation of the actors KB with an iso3. The model, trained on international events,
    types their pairs poorly; the rules still code them."""
    return m is not None and m.kind == "igo" and bool(m.iso3)


def _same(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _model_event(parsed, sc, src, resolved, c, label: str, score: float) -> ScoredEvent | None:
    trig = governor(parsed[c.src])
    modality = rule_modality(trig, trig, sc.when.future_date)
    code = cameo_for_type()[label]
    if modality in ("negated", "refused", "denied", "hypothetical"):
        return None  # precision first: the model adds held, planned or reported events only
    if modality == "planned" and label in ("CONSULT", "COOPERATE", "AID", "SUPPORT"):
        code = "030"  # an announced cooperative act is an intent (PLOVER AGREE)
    tgt = resolved[c.tgt_mention] if c.tgt_mention is not None else None
    if any(_domestic_body(m) for m in (src, tgt)):
        return None  # measured: 1 of 11 such model events right by reading (coding README)
    return ScoredEvent(
        code=code,
        source=src,
        target=tgt,
        trigger=trig,
        modality=modality,
        speaker=None,
        quote=None,
        date=sc.when.date_for(trig),
        location=sc.when.location_for(trig),
        rule=f"{MODEL_RULE}:{label.lower()}",
        type_origin="model",
        model_score=score,
    )
