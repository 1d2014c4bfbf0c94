"""Leaders wire copy names without a title ("Spain's Mariano Rajoy", "Orban") are known to the
actors KB by their tenure; "the president of Egypt", "the emir of Qatar" is the office
holder; a pronoun after "Name's <person noun>" as subject is not Name ("Putin's spokesman
said he had spoken with X": the spokesman spoke). Sentences written for this test, through
the real ingest stage, the real coder and the meetings build."""

from __future__ import annotations

from pathlib import Path

import pytest
from episodes_lib import episodes_between as _episodes

DOCS = [
    (
        "u1",
        "2017-06-15",
        "Chinese Premier Li Keqiang met Spain's Mariano Rajoy in Madrid on Wednesday, and the "
        "two promised to open their markets to each other.",
    ),
    (
        "u2",
        "2019-05-14",
        "U.S. President Donald Trump hosted Orban at the White House on Monday, the first visit "
        "by a Hungarian leader in years.",
    ),
    (
        "u3",
        "2018-02-01",
        "Turkish President Tayyip Erdogan spoke by phone with the emir of Qatar on Wednesday "
        "about the blockade.",
    ),
    (
        "u4",
        "2023-03-08",
        "New Zealand's Chris Hipkins met Australian Prime Minister Anthony Albanese in "
        "Melbourne on Tuesday for their first formal talks.",
    ),
    # "the <title> of <Country>": the office holder on the date
    (
        "t1",
        "2023-01-26",
        "Indian Prime Minister Narendra Modi met the president of Egypt in New Delhi on "
        "Wednesday to discuss wheat supplies.",
    ),
    (
        "t2",
        "2018-03-01",
        "Japanese Prime Minister Shinzo Abe spoke with the Prime Minister of Spain by phone on "
        "Wednesday.",
    ),
    # a minister or a former office "of <Country>" is no leader
    (
        "t3",
        "2018-03-08",
        "German Chancellor Angela Merkel met the foreign minister of Spain and the former "
        "president of Egypt in Berlin on Wednesday.",
    ),
    # out of office: the KB's tenure says no leader then
    (
        "o1",
        "2019-01-16",
        "Former Spanish leader Mariano Rajoy met French President Emmanuel Macron in Paris on "
        "Tuesday at a conference on Europe.",
    ),
    # the pronoun after "Name's spokesman" as subject is not Name
    (
        "p1",
        "2017-11-08",
        "Putin's spokesman said he had spoken with Turkish President Tayyip Erdogan's chief "
        "adviser on Tuesday, and with Iranian President Hassan Rouhani on Monday.",
    ),
]


@pytest.fixture(scope="module")
def coded(code_documents) -> Path:
    """A store of the documents above, ingested, coded and built (read it only)."""
    return code_documents("untitled", DOCS)


@pytest.mark.parametrize(
    ("a", "b", "day", "call"),
    [
        ("Li Keqiang", "Mariano Rajoy", "2017-06-14", False),
        ("Donald Trump", "Viktor Orban", "2019-05-13", False),
        ("Tayyip Erdogan", "Tamim bin Hamad Al Thani", "2018-01-31", True),
        ("Chris Hipkins", "Anthony Albanese", "2023-03-07", False),
        ("Narendra Modi", "Abdel Fattah el-Sisi", "2023-01-25", False),
        ("Shinzo Abe", "Mariano Rajoy", "2018-02-28", True),
    ],
)
def test_an_untitled_leader_of_the_kb_meets(coded: Path, a: str, b: str, day: str, call: bool):
    (got,) = _episodes(coded, a, b)
    assert (got[0], got[2]) == (day, "held") and (got[1] == "call") == call, got


def test_a_former_leader_is_no_leader(coded: Path) -> None:
    assert _episodes(coded, "Mariano Rajoy", "Emmanuel Macron") == []
    assert _episodes(coded, "Angela Merkel", "Abdel Fattah el-Sisi") == []
    assert _episodes(coded, "Angela Merkel", "Mariano Rajoy") == []


def test_the_pronoun_after_a_spokesman_is_not_his_principal(coded: Path) -> None:
    assert _episodes(coded, "Vladimir Putin", "Hassan Rouhani") == []
