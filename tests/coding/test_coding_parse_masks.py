"""Names the parser misreads as words ("May" read as the modal) are masked before
parsing (summitry.nlp.parse_text): the events of such sentences come out, offsets intact."""

from __future__ import annotations

from datetime import date

import pytest

from summitry.coding.coder import Coder
from summitry.coding.people import load_people
from summitry.nlp.parse_text import parser_text

ON = date(2017, 11, 25)


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(people=load_people())


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("May called Trump on Sunday.", "Kim called Trump on Sunday."),
        ('"We agree," May told lawmakers.', '"We agree," Kim told lawmakers.'),
        ("Theresa May's plan", "Theresa Kim's plan"),
        ("In May, Trump met Putin.", "In May, Trump met Putin."),
        ("Trump and May met.", "Trump and May met."),
        ("Merkel, May and Macron met.", "Merkel, Kim and Macron met."),
        ("talks planned for early May", "talks planned for early May"),
        ("between March and May", "between March and May"),
        ("May 5 was the deadline.", "May 5 was the deadline."),
        ("It may rain. Trumpism", "It may rain. Trumpism"),
        ("the Trump-Putin talks", "the Trump-Putin talks"),
        ("line\nbreak\xa0here", "line break here"),
    ],
)
def test_parser_text_masks_only_the_names(text: str, masked: str) -> None:
    assert parser_text(text) == masked
    assert len(parser_text(text)) == len(text)


# a bare "May" is Theresa May only after her full name in the same text
INTRO = "British Prime Minister Theresa May spoke in London on Friday. "


def _pairs(coder: Coder, text: str) -> set[tuple[str, str | None, str]]:
    return {
        (ev.source.actor_id, ev.target.actor_id if ev.target else None, ev.code[:2])
        for ev in coder.code_text(INTRO + text, ON)
    }


TRUMP, PUTIN, MAY = "person:donald-trump", "person:vladimir-putin", "person:theresa-may"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("May called Trump on Sunday.", (MAY, TRUMP, "04")),
        ("May met Trump in Manila on Monday.", (MAY, TRUMP, "04")),
        ("May urged Trump to stay in the Paris accord.", (MAY, TRUMP, "02")),
        ("Speaking in London, May praised Trump for his support.", (MAY, TRUMP, "05")),
    ],
)
def test_sentences_led_by_a_misread_name_are_coded(coder: Coder, text: str, expected) -> None:
    assert expected in _pairs(coder, text)


def test_the_month_may_is_no_person(coder: Coder) -> None:
    events = coder.code_text("In May, Trump met Putin in Vietnam.", ON)
    assert {ev.source.actor_id for ev in events} <= {TRUMP, PUTIN}
    assert all(MAY not in (ev.source.actor_id, ev.target and ev.target.actor_id) for ev in events)
