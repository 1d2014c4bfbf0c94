"""Text the classifier must survive: a 5,000-word sentence, non-English text, markup debris."""

from __future__ import annotations

import pytest

from summitry.classify.features import MAX_TOKENS, candidate_features


@pytest.mark.slow
def test_five_thousand_word_sentence(model_coder, code_text):
    words = ("Russia and China agreed with Japan that the talks " * 500).split()
    text = " ".join(words[:5000]) + "."
    events = code_text(model_coder, text)
    assert isinstance(events, list)  # no crash; features are bounded:
    doc = model_coder.nlp(text)
    assert sum(f.startswith("w:") for f in candidate_features(doc, 0, 2, [])) <= MAX_TOKENS


@pytest.mark.parametrize(
    "text",
    [
        "Путин встретился с Трампом во Вьетнаме, сообщил Кремль.",
        "La France et l'Allemagne ont signé un accord à Paris avec la Russie et la Chine.",
        "<div class='x'><p>&nbsp;Russia | China ||| {{{ }}} <script>var a=1;</script></p></div>",
        "@@@ ### Trump ??? Putin !!! ;;; ::: ... --- +++ === ~~~ ```",
        "Russia China Japan India France " * 40,
    ],
)
def test_foreign_text_and_debris(model_coder, code_text, text):
    for ev in code_text(model_coder, text):
        assert ev.type_origin in ("rule", "model", "both")
