"""Readout phrasings through the coder's own parse path (prepare, parse, extract): line
breaks and no-break spaces inside a sentence, "Jr." after a name, the partner of "with X
to VERB", the partner of a light verb ("held a call today with X"). Sentences written for
these tests."""

from __future__ import annotations

from datetime import date

import pytest

PUB = date(2022, 5, 4)


def _consults(coder, text: str) -> set[tuple[str, str | None, str | None]]:
    d = coder.prepare("t", text, PUB, None, "en", False)
    rows = coder.build_rows([d])
    return {
        (e["cameo_code"], e["source_actor_id"], e["target_actor_id"])
        for e in rows.events
        if e["cameo_code"].startswith("04")
    }


def _pair(found: set[tuple[str, str | None, str | None]]) -> set[frozenset]:
    return {frozenset((s, t)) for _, s, t in found}


@pytest.mark.parametrize(
    "text,code",
    [
        # a line break inside the partner's name
        ("President Joe Biden spoke today with Chancellor Olaf\nScholz of Germany.", "04"),
        # a no-break space after "Jr."
        ("President Joseph R. Biden, Jr.\xa0met today with Chancellor Olaf Scholz.", "04"),
        # "Jr." with commas heads the subject
        ("President Joseph R. Biden, Jr., met this morning with Chancellor Olaf Scholz.", "04"),
        # with X to VERB: the parser makes the partner the subject of the purpose clause
        (
            "President Joe Biden spoke today with Chancellor Olaf Scholz to thank him for "
            "his support for the people of Ukraine.",
            "04",
        ),
        (
            "President Joe Biden met with Chancellor Olaf Scholz of Germany to review "
            "the state of the alliance.",
            "04",
        ),
        # a light verb with its partner on the verb, a date word between
        ("President Joe Biden held a telephone call today with Chancellor Olaf Scholz.", "041"),
        ("President Joe Biden had a video call on Tuesday with Chancellor Olaf Scholz.", "041"),
    ],
)
def test_readout_sentence_gives_the_encounter(coder, text: str, code: str) -> None:
    found = _consults(coder, text)
    assert frozenset(("person:joe-biden", "person:olaf-scholz")) in _pair(found), found
    assert any(c.startswith(code) for c, _, _ in found), found


def test_with_partner_to_verb_misparsed_as_a_subject(coder) -> None:
    text = (
        "Prime Minister Kishida spoke today with President Yoon Suk Yeol to convey his "
        "sympathy on the loss of life."
    )
    found = _pair(_consults(coder, text))
    assert frozenset(("person:fumio-kishida", "person:yoon-suk-yeol")) in found, found


def test_plain_spaces_keep_the_offsets(coder) -> None:
    text = "President Joe Biden spoke today with Chancellor Olaf\nScholz of Germany."
    d = coder.prepare("t", text, PUB, None, "en", False)
    rows = coder.build_rows([d])
    (ev,) = [e for e in rows.events if e["cameo_code"].startswith("04")]
    assert text[ev["target_start"] : ev["target_end"]].split()[-2:] == ["Olaf", "Scholz"]


def test_a_purpose_clause_subject_far_from_with_is_no_partner(coder) -> None:
    # the subject of the purpose clause is the speaker's own, not a partner of "met"
    text = "President Joe Biden met reporters on Tuesday so that Chancellor Olaf Scholz could rest."
    assert frozenset(("person:joe-biden", "person:olaf-scholz")) not in _pair(
        _consults(coder, text)
    )
