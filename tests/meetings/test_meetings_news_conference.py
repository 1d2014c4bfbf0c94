"""A news conference two leaders give together is an encounter of the two (sentences written
for this test), through the real ingest stage, the real coder and the meetings build: "X
told / addressed / gave a (joint) news conference with Y", "at a news conference with Y",
"speaking alongside Y at a news conference"; and what is no encounter: a news conference
about Y, a conference call with reporters, a news conference where X spoke of Y."""

from __future__ import annotations

from pathlib import Path

import pytest
from episodes_lib import episodes_between as _episodes

DOCS = [
    # told / addressed / gave a (joint) news or press conference with Y
    (
        "t1",
        "2022-10-07",
        "Canadian Prime Minister Justin Trudeau told a news conference with Mexican President "
        "Andres Manuel Lopez Obrador on Thursday that the border would stay open.",
    ),
    (
        "t2",
        "2022-10-12",
        "German Chancellor Olaf Scholz told a joint news conference with Spanish Prime "
        "Minister Pedro Sanchez in Madrid that energy links were a priority.",
    ),
    (
        "t3",
        "2022-10-18",
        "Australian Prime Minister Anthony Albanese addressed a joint press conference with "
        "Japanese Prime Minister Fumio Kishida in Perth on Monday.",
    ),
    (
        "t4",
        "2023-04-21",
        "Italian Prime Minister Giorgia Meloni gave a news conference with French President "
        "Emmanuel Macron in Rome on Thursday after their lunch.",
    ),
    # "at a (joint) news conference with Y", before or after the speech verb
    (
        "a1",
        "2022-10-25",
        "Indian Prime Minister Narendra Modi said at a joint news conference with South "
        "Korean President Yoon Suk Yeol on Monday that trade would double.",
    ),
    (
        "a2",
        "2022-10-28",
        "At a news conference with Brazilian President Jair Bolsonaro on Thursday, "
        "Argentine President Alberto Fernandez said the two would build a pipeline.",
    ),
    # "speaking alongside Y at a news conference"
    (
        "s1",
        "2022-11-03",
        "South African President Cyril Ramaphosa, speaking alongside Kenyan President William "
        "Ruto at a news conference in Nairobi on Wednesday, said visas would be waived.",
    ),
    (
        "s2",
        "2022-11-09",
        "Speaking alongside Turkish President Tayyip Erdogan at a news conference in Ankara, "
        "Hungarian Prime Minister Viktor Orban said gas deliveries were secure.",
    ),
    # two subjects of one news conference
    (
        "j1",
        "2023-05-08",
        "Japanese Prime Minister Fumio Kishida and South Korean President Yoon Suk Yeol told a "
        "joint news conference in Seoul on Sunday that their countries would share radar data.",
    ),
    # no encounters: a news conference about Y, a conference call with reporters, a news
    # conference where X spoke of Y, a news conference of X alone that names Y
    (
        "n1",
        "2022-11-18",
        "Polish President Andrzej Duda held a news conference about Ukrainian President "
        "Volodymyr Zelenskiy's visit plans on Thursday.",
    ),
    (
        "n2",
        "2021-11-18",
        "Israeli Prime Minister Naftali Bennett held a conference call with reporters on "
        "Thursday about Egyptian President Abdel Fattah al-Sisi.",
    ),
    (
        "n3",
        "2022-11-22",
        "At a news conference where Greek Prime Minister Kyriakos Mitsotakis spoke of Cypriot "
        "President Nicos Anastasiades, he praised the island's recovery.",
    ),
    (
        "n4",
        "2022-11-24",
        "Dutch Prime Minister Mark Rutte told a news conference on Wednesday that Belgian Prime "
        "Minister Alexander De Croo would visit in the spring.",
    ),
    (
        "n5",
        "2022-11-25",
        "Japanese Prime Minister Fumio Kishida spoke about Chinese President Xi Jinping at a "
        "news conference in Tokyo on Thursday.",
    ),
]


@pytest.fixture(scope="module")
def coded(code_documents) -> Path:
    """A store of the documents above, ingested, coded and built (read it only)."""
    return code_documents("news_conference", DOCS)


def _one_encounter(path: Path, a: str, b: str, day: str) -> None:
    (got,) = _episodes(path, a, b)
    assert (got[0], got[2]) == (day, "held") and got[1] != "call", got


@pytest.mark.parametrize(
    ("a", "b", "day"),
    [
        ("Justin Trudeau", "Andres Manuel Lopez Obrador", "2022-10-06"),
        ("Olaf Scholz", "Pedro Sanchez", "2022-10-12"),
        ("Anthony Albanese", "Fumio Kishida", "2022-10-17"),
        ("Giorgia Meloni", "Emmanuel Macron", "2023-04-20"),
    ],
)
def test_told_addressed_gave_a_news_conference_with_y(coded: Path, a: str, b: str, day: str):
    _one_encounter(coded, a, b, day)


@pytest.mark.parametrize(
    ("a", "b", "day"),
    [
        ("Narendra Modi", "Yoon Suk Yeol", "2022-10-24"),
        ("Alberto Fernandez", "Jair Bolsonaro", "2022-10-27"),
    ],
)
def test_at_a_news_conference_with_y(coded: Path, a: str, b: str, day: str) -> None:
    _one_encounter(coded, a, b, day)


@pytest.mark.parametrize(
    ("a", "b", "day"),
    [
        ("Cyril Ramaphosa", "William Ruto", "2022-11-02"),
        ("Viktor Orban", "Tayyip Erdogan", "2022-11-09"),
    ],
)
def test_speaking_alongside_y_at_a_news_conference(coded: Path, a: str, b: str, day: str):
    _one_encounter(coded, a, b, day)


def test_two_leaders_told_a_joint_news_conference(coded: Path) -> None:
    _one_encounter(coded, "Fumio Kishida", "Yoon Suk Yeol", "2023-05-07")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Andrzej Duda", "Volodymyr Zelenskiy"),  # a news conference about Y
        ("Naftali Bennett", "Abdel Fattah al-Sisi"),  # a conference call with reporters
        ("Kyriakos Mitsotakis", "Nicos Anastasiades"),  # where X spoke of Y
        ("Fumio Kishida", "Xi Jinping"),  # spoke about Y at a news conference
    ],
)
def test_a_news_conference_that_names_y_is_no_encounter(coded: Path, a: str, b: str) -> None:
    assert _episodes(coded, a, b) == []


def test_a_visit_announced_at_a_news_conference_is_not_held(coded: Path) -> None:
    assert all(s != "held" for _, _, s in _episodes(coded, "Mark Rutte", "Alexander De Croo"))
