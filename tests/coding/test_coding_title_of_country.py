"""People introduced as "Title Name of (the) Country" in any title of titles.csv, with
honorifics, and "Name, the Title of Country" (sentences written for this test); and short
name-heavy texts are coded, whatever the language detector says."""

from __future__ import annotations

from datetime import date

import pytest

from summitry.coding.coder import _status
from summitry.coding.mentions import DocContext, MentionFinder
from summitry.coding.people import load_people


@pytest.fixture(scope="module")
def finder() -> MentionFinder:
    return MentionFinder(load_people())


def _people(finder: MentionFinder, text: str) -> list[tuple[str, str | None, str | None]]:
    ctx = DocContext(date(2023, 5, 2))
    return [
        (m.text, m.iso3, m.role)
        for m in finder.find(text, 0, ctx)
        if m.kind == "person" and (m.actor_id or "").startswith("person:text:")
    ]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "The chancellor met President Aurelio Mbemba Kasongo of the Democratic Republic "
            "of the Congo on Monday.",
            ("Aurelio Mbemba Kasongo", "COD", "head_of_state"),
        ),
        (
            "The president spoke with Amir Sheikh Faisal bin Rashid Al Nuaimi of Qatar.",
            ("Faisal bin Rashid Al Nuaimi", "QAT", "head_of_state"),
        ),
        (
            "She welcomed His Majesty King Tomasi Vaea II of the Kingdom of Tonga.",
            ("Tomasi Vaea II", "TON", "head_of_state"),
        ),
        (
            "He called Taoiseach Ciaran Mac\nGowan of Ireland to offer his congratulations.",
            ("Ciaran Mac Gowan", "IRL", "head_of_government"),
        ),
        (
            "The leaders were joined by Prime\nMinister Ingrid Solheim Berg of Norway.",
            ("Ingrid Solheim Berg", "NOR", "head_of_government"),
        ),
        (
            "Xi received General Secretary Tran Van Minh of Vietnam in Beijing.",
            ("Tran Van Minh", "VNM", "party_leader"),
        ),
        (
            "Talks were held with Foreign Minister Layla Haddad Mansour of the Hashemite "
            "Kingdom of Jordan.",
            ("Layla Haddad Mansour", "JOR", "foreign_minister"),
        ),
        (
            "The prime minister spoke today with His Majesty Omar bin Khalid Al Harthy, the "
            "Sultan of Oman.",
            ("Omar bin Khalid Al Harthy", "OMN", "head_of_state"),
        ),
        (
            "Morrison met with Tevita Lolo Fifita, the King of Tonga, in Nuku'alofa.",
            ("Tevita Lolo Fifita", "TON", "head_of_state"),
        ),
    ],
)
def test_title_name_of_country(finder: MentionFinder, text: str, person: tuple) -> None:
    assert _people(finder, text) == [person]


def test_a_regnal_number_is_another_person(finder: MentionFinder) -> None:
    """ "King Abdullah II" is not the KB's King Abdullah (nor "Donald Trump Jr" Trump)."""
    ctx = DocContext(date(2024, 4, 14))
    for text in ("The president spoke with King Abdullah II about Gaza.",
                 "Reporters asked Donald Trump Jr about the meeting."):  # fmt: skip
        assert not [m for m in finder.find(text, 0, ctx) if m.kind == "person" and m.actor_id]


@pytest.mark.parametrize(
    "text",
    [
        # an opposition leader, a former president: not the country's office
        "The president met opposition leader Irina Petrovna Volkova of Belarus.",
        "The president met former President Tomas Ferreira Lindqvist of Brazil.",
        # "of" an organisation, not a country
        "He met President Helena Varga Molnar of the European Commission.",
    ],
)
def test_no_leader_of_a_country(finder: MentionFinder, text: str) -> None:
    roles = {role for _, _, role in _people(finder, text)}
    assert not roles & {"head_of_state", "head_of_government"}


@pytest.mark.parametrize(
    ("text", "language", "status"),
    [
        # short, name-heavy, English: coded whatever the detector says
        ("Prime Minister Justin Trudeau spoke today with Amir Sheikh Faisal of Qatar.", "pcm",
         "coded"),
        ("Japanese Prime Minister Yoshihide Suga called Scott Morrison today.", "en", "coded"),
        # short and not English: skipped
        ("Der Bundeskanzler Olaf Scholz hat heute mit Präsident Emmanuel Macron in Berlin "
         "über die Lage in der Ukraine gesprochen.", "de", "skipped-language"),
        ("El presidente Pedro Sánchez se reunió hoy con el canciller Olaf Scholz en Madrid "
         "para hablar de la guerra en Ucrania.", "es", "skipped-language"),
    ],
)  # fmt: skip
def test_short_texts_read_by_their_function_words(text: str, language: str, status: str) -> None:
    assert _status(text, language, False) == status
