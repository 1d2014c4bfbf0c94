"""Language: from metadata when given, else detected with py3langid on the first characters."""

from __future__ import annotations

import json
from pathlib import Path

import py3langid

from summitry.ingest import ingest_paths
from summitry.ingest.analyse import LANG_CHARS, detect_languages

FR = (
    "Le président français a reçu lundi à l'Élysée son homologue allemand pour préparer le "
    "sommet européen. Les deux dirigeants ont évoqué la guerre en Ukraine, les sanctions "
    "contre la Russie et la politique énergétique de l'Union, selon un communiqué."
)
DE = (
    "Der Bundeskanzler hat am Montag in Berlin den französischen Präsidenten empfangen, um "
    "den europäischen Gipfel vorzubereiten. Beide sprachen über den Krieg in der Ukraine, "
    "die Sanktionen gegen Russland und die Energiepolitik der Union, hieß es."
)
EN = (
    "The French president received his German counterpart in Paris on Monday to prepare "
    "the European summit. The two leaders discussed the war in Ukraine, sanctions against "
    "Russia and the Union's energy policy, according to a statement."
)
ES = (
    "El presidente del Gobierno se reunió el lunes en Madrid con el canciller alemán para "
    "preparar la cumbre europea y hablar de la guerra en Ucrania y de las sanciones."
)
RU = (
    "Президент России провёл в понедельник переговоры с премьер-министром Индии в Москве, "
    "стороны обсудили торговлю, энергетику и вопросы безопасности."
)
ZH = (
    "两国领导人周一在北京举行会谈，双方就贸易、能源和地区安全问题交换了意见，并签署了多项合作协议。"
)


def test_detected_when_not_given_metadata_wins(store, tmp_path: Path):
    rows = [
        {"id": "fr", "text": FR},
        {"id": "de", "text": DE},
        {"id": "en", "text": EN},
        {"id": "meta", "text": EN + " Second desk.", "language": "it"},  # metadata wins
        {"id": "short", "text": "Oui."},  # too short to call
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    summary = ingest_paths(store, [path])
    assert summary.ok and summary.added == 5
    got = dict(store.con.execute("SELECT external_id, language FROM documents").fetchall())
    assert got == {"fr": "fr", "de": "de", "en": "en", "meta": "it", "short": None}


def test_batched_detection_equals_py3langid(story):
    long_en = " ".join(story(i) for i in range(3))  # longer than LANG_CHARS: cut
    texts = [FR, DE, EN, ES, RU, ZH, long_en, FR[:60], DE[:45], "  " + EN + "  "]
    expected = [py3langid.classify(t[:LANG_CHARS].strip())[0] for t in texts]
    assert detect_languages(texts) == expected
    assert expected[:6] == ["fr", "de", "en", "es", "ru", "zh"]
    assert detect_languages(["", "ok", "   "]) == [None, None, None]
