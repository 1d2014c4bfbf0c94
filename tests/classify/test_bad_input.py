"""Text the classifier must survive: a 5,000-word sentence, non-English text, markup debris."""

from __future__ import annotations

from datetime import date

import pytest

from summitry.classify.features import MAX_TOKENS, candidate_features

PUB = date(2017, 11, 15)


def _code(coder, text: str):
    d = coder.prepare("t", text, PUB, None, "en", False)
    out = []
    for i in sorted(d.candidates):
        s, e = d.sentences[i]
        out.extend(coder.extract(d, i, coder.nlp(text[s:e]))[1])
    return out


@pytest.mark.slow
def test_five_thousand_word_sentence(model_coder):
    words = ("Russia and China agreed with Japan that the talks " * 500).split()
    text = " ".join(words[:5000]) + "."
    events = _code(model_coder, text)
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
def test_foreign_text_and_debris(model_coder, text):
    for ev in _code(model_coder, text):
        assert ev.type_origin in ("rule", "model", "both")
