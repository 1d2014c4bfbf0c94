"""summitry.nlp.english.is_english: the coder's one English/non-English decision (a text
that is not English is not coded: skipped-language). The detector labels short, name-heavy
English readouts Pidgin (pcm); English function words overrule it there."""

from __future__ import annotations

import pytest

from summitry.coding.coder import _status
from summitry.nlp.english import english_test, is_english

_LONG_EN = (
    "The two leaders met for three hours at the palace and said that the talks had been "
    "frank. They agreed to open a new trade office by the spring, to restore direct flights "
    "and to hold a second round of talks in the capital before the end of the year. The "
    "president told reporters that he was hopeful, and the prime minister said the visit was "
    "a turning point for relations between the countries, which were strained for a decade."
)
_LONG_DE = (
    "Die beiden Regierungschefs trafen sich am Montag drei Stunden lang im Palast und "
    "sprachen über Handel, Energie und die Lage an der Grenze. Sie vereinbarten, bis zum "
    "Frühjahr ein neues Handelsbüro zu eröffnen, direkte Flüge wieder aufzunehmen und noch "
    "vor Jahresende eine zweite Gesprächsrunde in der Hauptstadt abzuhalten. Der Präsident "
    "zeigte sich zuversichtlich, und der Ministerpräsident sprach von einem Wendepunkt in "
    "den Beziehungen beider Länder, die seit zehn Jahren belastet waren."
)
_LONG_ES = (
    "Los dos mandatarios se reunieron durante tres horas en el palacio y hablaron de "
    "comercio, energía y la situación en la frontera. Acordaron abrir una nueva oficina "
    "comercial antes de la primavera, restablecer los vuelos directos y celebrar una segunda "
    "ronda de conversaciones en la capital antes de fin de año. El presidente se mostró "
    "optimista y el primer ministro habló de un punto de inflexión en unas relaciones que "
    "llevaban una década tensas entre ambos países."
)


def test_the_long_texts_are_long() -> None:
    short = english_test().short_words
    assert all(len(t.split()) >= short for t in (_LONG_EN, _LONG_DE, _LONG_ES))


@pytest.mark.parametrize(
    ("text", "detected"),
    [
        # short English readouts the detector calls Pidgin (or anything else)
        ("President Lula spoke by phone with Chancellor Scholz of Germany on Tuesday.", "pcm"),
        ("Prime Minister Modi received the Emir of Kuwait at the airport in Delhi.", "pcm"),
        ("King Abdullah met with President Ramaphosa in Amman to discuss the war.", "pcm"),
        ("Foreign Minister Wong held talks with the Prime Minister of Fiji at the port.", "sw"),
        # short English all names: the detector's English stands
        ("Premier Li Qiang called Chancellor Olaf Scholz today about electric cars.", "en"),
        ("Presidents Macron, Biden, Erdogan, Zelensky, Duda, Ruto attended Vilnius.", "en"),
        # long English, detected or not
        (_LONG_EN, "en"),
        (_LONG_EN, None),
        (_LONG_EN, "EN"),
        # a short text with too few plain words to judge and no detected language
        ("Scholz Macron Berlin Paris Sanchez Madrid", None),
    ],
)  # fmt: skip
def test_english(text: str, detected: str | None) -> None:
    assert is_english(text, detected)
    assert _status(text, detected, False) == "coded"


@pytest.mark.parametrize(
    ("text", "detected"),
    [
        # short and not English, detected as such
        ("Bundeskanzler Scholz hat heute mit Präsident Macron in Paris telefoniert.", "de"),
        ("La presidenta Sheinbaum recibió hoy al primer ministro Trudeau en Palacio.", "es"),
        ("Le président Macron a reçu mardi le roi Charles au palais de l'Élysée.", "fr"),
        # short, nothing detected, enough plain words and hardly a function word
        ("Der Präsident empfing heute den König im Schloss zu Gesprächen über Handel "
         "Energie und die Lage", None),
        # long and not English: detected as such, detected as English by mistake, or not
        (_LONG_DE, "de"),
        (_LONG_ES, "es"),
        (_LONG_DE, "en"),
        (_LONG_ES, None),
    ],
)  # fmt: skip
def test_not_english(text: str, detected: str | None) -> None:
    assert not is_english(text, detected)
    assert _status(text, detected, False) == "skipped-language"
