"""Resolution of names, surnames, titles and metonyms by date, with the rule that matched."""

from __future__ import annotations

from datetime import date

import pytest

from summitry.actors import ActorKB

D = date.fromisoformat


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def one(kb, text, on=None):
    got = kb.resolve(text, on=D(on) if on else None)
    assert len(got) == 1, (text, [(m.actor_id, m.rule) for m in got])
    return got[0].actor_id, got[0].rule


@pytest.mark.parametrize(
    ("text", "on", "actor", "rule"),
    [
        ("the U.S. president", "2018-07-16", "person:donald-trump", "title:head_of_state"),
        ("the US president", "2022-03-01", "person:joe-biden", "title:head_of_state"),
        ("the American president", "2025-08-15", "person:donald-trump", "title:head_of_state"),
        ("the Russian president", "2010-01-01", "person:dmitry-medvedev", "title:head_of_state"),
        ("Russian President", "2018-07-16", "person:vladimir-putin", "title:head_of_state"),
        (
            "Russia's foreign minister",
            "2018-07-16",
            "person:sergei-lavrov",
            "title:foreign_minister",
        ),
        ("the president of Russia", "2018-07-16", "person:vladimir-putin", "title:head_of_state"),
        ("the Russian leader", "2018-07-16", "person:vladimir-putin", "title:head_of_state"),
        ("the Soviet leader", "1986-10-11", "person:mikhail-gorbachev", "title:party_leader"),
        ("the Russian leader", "1986-10-11", "person:mikhail-gorbachev", "title:party_leader"),
        (
            "the British prime minister",
            "2019-06-28",
            "person:theresa-may",
            "title:head_of_government",
        ),
        (
            "the Japanese prime minister",
            "2019-06-28",
            "person:shinzo-abe",
            "title:head_of_government",
        ),
        (
            "U.S. Secretary of State",
            "1972-05-26",
            "person:william-p-rogers",
            "title:foreign_minister",
        ),
        (
            "the Russian defence minister",
            "2025-01-01",
            "person:andrei-belousov",
            "title:defence_minister",
        ),
        ("the Chinese leader", "2015-01-01", "person:xi-jinping", "title:party_leader"),
        ("the Kremlin", "2018-07-16", "RUS", "metonym"),
        ("the Kremlin", "1985-01-01", "SUN", "metonym"),
        ("the White House", None, "USA", "metonym"),
        ("the Pentagon", None, "USA", "metonym"),
        ("Downing Street", None, "GBR", "metonym"),
        ("the Élysée", None, "FRA", "metonym"),
        ("Moscow", "2018-07-16", "RUS", "capital"),
        ("Moscow", "1975-01-01", "SUN", "capital"),
        ("Kiev", "2022-03-01", "UKR", "capital"),
        ("Beijing", None, "CHN", "capital"),
        ("Vladimir Putin", None, "person:vladimir-putin", "name"),
        ("Recep Tayyip Erdoğan", None, "person:recep-tayyip-erdogan", "name"),
        ("Erdogan", None, "person:recep-tayyip-erdogan", "surname"),
        ("Zelenskiy", None, "person:volodymyr-zelenskyy", "name"),
        ("Zelensky", None, "person:volodymyr-zelenskyy", "name"),
        ("Shoygu", None, "person:sergei-shoigu", "surname"),
        ("Lavrov", None, "person:sergei-lavrov", "surname"),
        ("Xi", None, "person:xi-jinping", "surname"),
        ("Abe", None, "person:shinzo-abe", "surname"),
        ("Putin's", "2018-07-16", "person:vladimir-putin", "surname"),
        ("Bush", "2003-01-01", "person:george-w-bush", "surname@date"),
        ("Bush", "1990-01-01", "person:george-h-w-bush", "surname@date"),
        ("Clinton", "2010-05-01", "person:hillary-clinton", "surname@date"),
        ("Johnson", "2020-01-01", "person:boris-johnson", "surname@date"),
        ("Lee", "2025-08-01", "person:lee-jae-myung", "surname@date"),
        ("Vladimir Puttin", None, "person:vladimir-putin", "fuzzy"),
        ("Russian President Vladimir Putin", "2018-07-16", "person:vladimir-putin", "titled-name"),
        ("U.S. Secretary of State Mike Pompeo", None, "person:mike-pompeo", "titled-name"),
        ("President Bush", "2003-01-01", "person:george-w-bush", "titled-surname@date"),
        ("Prime Minister May", "2018-01-01", "person:theresa-may", "titled-surname"),
        ("the North Korean leader", "2018-06-12", "person:kim-jong-un", "title:supreme_leader"),
        ("Kim", "2018-06-12", "person:kim-jong-un", "surname@date"),
        ("NATO", None, "NATO", "name"),
        ("the U.N. Security Council", None, "UNSC", "name"),
        ("Russia", None, "RUS", "name"),
        ("the United States", None, "USA", "name"),
    ],
)
def test_resolves(kb, text, on, actor, rule):
    assert one(kb, text, on) == (actor, rule)


def test_unknown_and_ambiguous_are_not_guessed(kb):
    assert kb.resolve("John Smith", on=D("2018-07-16")) == []
    assert kb.resolve("Gorby", on=D("1988-01-01")) == []
    assert kb.resolve("May", on=D("2018-07-16")) == []  # a surname that is also a month
    assert kb.resolve("the secretary of state", on=D("2018-07-16")) == []  # no country
    bush = kb.resolve("Bush")
    assert {m.actor_id for m in bush} == {"person:george-h-w-bush", "person:george-w-bush"}
    assert all(m.rule == "surname:ambiguous" for m in bush)
    assert kb.resolve("the German president", on=D("1990-01-01")) == []  # no holder known
    assert kb.resolve("the former president of Russia", on=D("2018-07-16")) == []
    assert kb.resolve("the Russian president") == []  # a title needs a date


def test_find_and_helpers(kb):
    assert [a.actor_id for a in kb.find("the U.S. president", on=D("2018-07-16"))] == [
        "person:donald-trump"
    ]
    assert kb.country_of_adjective("Russian") == "RUS"
    assert kb.country_of_adjective("American") == "USA"
    assert kb.country_of_adjective("U.S.") == "USA"
    assert kb.normalise("Erdoğan") == kb.normalise("Erdogan") == "erdogan"
    assert {r.role for r in kb.roles("person:donald-trump", on=D("2018-07-16"))} == {
        "head_of_state",
        "head_of_government",
    }
    assert "Putin" in kb.names()


@pytest.mark.parametrize(
    ("code", "actor"),
    [
        ("RUSGOV", "RUS"),
        ("USA", "USA"),
        ("SUN", "SUN"),
        ("KSV", "XKX"),
        ("ROM", "ROU"),
        ("IGOWSTNAT", "NATO"),
        ("IGOUNOIAE", "IAEA"),
        ("IGOUNOKBZ", "UN"),
        ("XYZ", None),
        ("", None),
    ],
)
def test_actor_for_cameo(kb, code, actor):
    got = kb.actor_for_cameo(code)
    assert (got.actor_id if got else None) == actor
