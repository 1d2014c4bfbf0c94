"""Rules and model together, on sentences written for these tests in several phrasings."""

from __future__ import annotations

from summitry.codes import plover_for
from summitry.coding.combine import ScoredEvent, cameo_for_type


def _types(evs) -> set[str]:
    return {p.event_type for e in evs if (p := plover_for(e.code))}


def test_general_codes_map_back_to_their_type():
    for plover_type, code in cameo_for_type().items():
        assert plover_for(code).event_type == plover_type


JOINT_DRILLS = [
    "China and Russia held joint naval drills in the East China Sea.",
    "Russia and China conducted joint military exercises near Vladivostok on Monday.",
]


def test_model_finds_what_the_rules_miss(model_coder, rules_coder, code_text):
    for text in JOINT_DRILLS:
        assert "COOPERATE" not in _types(code_text(rules_coder, text)), text
        evs = [e for e in code_text(model_coder, text) if e.type_origin == "model"]
        assert "COOPERATE" in _types(evs), text
        for e in evs:
            assert e.rule.startswith("model:")
            assert e.model_score >= model_coder.model.meta["threshold"]
            assert e.source.actor_id in ("CHN", "RUS")


def test_rule_events_keep_their_codes(model_coder, rules_coder, code_text):
    for text in [
        "Britain expelled 23 Russian diplomats on Wednesday.",
        "Trump praised Xi Jinping for his help on North Korea.",
        "Putin met Trump on the sidelines of the summit in Da Nang on Saturday.",
        "The Kremlin said on Tuesday that Putin had spoken by phone with Erdogan.",
    ]:
        rules = sorted((e.code, e.source.actor_id) for e in code_text(rules_coder, text))
        both = [e for e in code_text(model_coder, text) if e.type_origin != "model"]
        assert rules and sorted((e.code, e.source.actor_id) for e in both) == rules, text
        assert all(isinstance(e, ScoredEvent) for e in both)
    agreed = code_text(model_coder, "Britain expelled 23 Russian diplomats on Wednesday.")
    assert [e.type_origin for e in agreed] == ["both"] and agreed[0].model_score > 0.5


def test_no_held_event_from_a_negated_or_possible_act(model_coder, code_text):
    for text in [
        "China and Russia did not hold joint naval drills this year.",
        "China and Russia might hold joint naval drills if tensions rise.",
    ]:
        for e in code_text(model_coder, text):
            assert not (e.type_origin == "model" and e.modality == "asserted"), (text, e.code)
