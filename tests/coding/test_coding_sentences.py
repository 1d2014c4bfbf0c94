"""Sentence-level coding: actors, event types, modality, dates, topics (real spaCy model)."""

from __future__ import annotations

from datetime import date

import pytest

PUB = date(2017, 11, 13)  # a Monday


def _code(coder, text: str, published: date = PUB):
    return coder.code_text(text, published)


@pytest.mark.parametrize(
    "text,code,src,tgt,modality",
    [
        (
            "Trump spoke with Putin by phone on Monday.",
            "041",
            "person:donald-trump",
            "person:vladimir-putin",
            "asserted",
        ),
        (
            "Putin refused to meet Trump.",
            "040",
            "person:vladimir-putin",
            "person:donald-trump",
            "refused",
        ),
        (
            "Trump and Putin may meet next month.",
            "036",
            "person:donald-trump",
            "person:vladimir-putin",
            "hypothetical",
        ),
        (
            "Trump said he would meet Putin in Vietnam.",
            "036",
            "person:donald-trump",
            "person:vladimir-putin",
            "planned",
        ),
        (
            "Trump did not meet Putin on Saturday.",
            "040",
            "person:donald-trump",
            "person:vladimir-putin",
            "negated",
        ),
        (
            "Trump met his Russian counterpart on Saturday.",
            "040",
            "person:donald-trump",
            "person:vladimir-putin",
            "asserted",
        ),
        (
            "The Iranian president, Hassan Rouhani, criticised the United States.",
            "111",
            "person:hassan-rouhani",
            "USA",
            "asserted",
        ),
        ("Russia accused the United States of meddling.", "112", "RUS", "USA", "asserted"),
        ("The Kremlin praised Beijing for its restraint.", "051", "RUS", "CHN", "asserted"),
        (
            "Trump met Putin in Da Nang, Vietnam on Saturday.",
            "044",
            "person:donald-trump",
            "person:vladimir-putin",
            "asserted",
        ),
    ],
)
def test_event_frames(coder, text, code, src, tgt, modality):
    evs = [e for e in _code(coder, text) if e.code == code]
    assert evs, [(e.code, e.source.actor_id) for e in _code(coder, text)]
    ev = evs[0]
    assert (ev.source.actor_id, ev.target.actor_id if ev.target else None, ev.modality) == (
        src,
        tgt,
        modality,
    )


def test_no_meeting_was_planned_is_not_a_meeting(coder):
    evs = _code(coder, "No meeting was planned between Trump and Putin.")
    assert all(e.modality != "asserted" for e in evs if e.code.startswith("04") or e.code == "036")


def test_no_source_actor_no_event(coder):
    assert _code(coder, "Officials met on Monday to discuss sanctions against Iran.") == []


def test_statement_has_speaker_and_quote(coder):
    evs = _code(coder, "“We are ready for talks,” Lavrov said on Monday.")
    st = [e for e in evs if e.code == "010"]
    assert st and st[0].speaker.actor_id == "person:sergei-lavrov"
    assert st[0].quote == "We are ready for talks,"
    assert st[0].date.value == PUB


def test_unknown_person_is_not_guessed(coder):
    # an unknown speaker with a "Trump adviser" apposition must not become Trump
    evs = _code(coder, "He could name more judges, said Leonard Leo, a Trump adviser.")
    assert all(e.source.actor_id != "person:donald-trump" for e in evs)


def test_text_person_recognised_again_by_surname(coder):
    text = (
        "Vietnam's President Tran Dai Quang met Xi Jinping on Sunday. "
        "Quang later criticised the United States."
    )
    evs = _code(coder, text)
    assert any(e.code == "111" and e.source.actor_id == "person:text:tran-dai-quang" for e in evs)


def test_dates_resolved_against_publication():
    from summitry.nlp.dates import find_dates

    got = {
        d.text: d.value
        for d in find_dates("on Saturday, last week, on Nov. 21, earlier this month", PUB)
    }
    assert got == {
        "on Saturday": date(2017, 11, 11),
        "last week": date(2017, 11, 6),
        "Nov. 21": date(2017, 11, 21),
        "earlier this month": date(2017, 11, 1),
    }


def test_topics_record_matched_terms():
    from summitry.topics import load_taxonomy

    got = {
        t.topic: t.matched_terms
        for t in load_taxonomy().assign("They discussed New START and Crimea.")
    }
    assert got == {"arms_control": ("START", "new start"), "ukraine": ("crimea",)}


@pytest.mark.parametrize(
    "text,forbidden",
    [
        ("Ivanka Trump met Abe on Monday.", "person:donald-trump"),  # same surname, other person
        ("Veselnitskaya met Donald Trump Jr in New York.", "person:donald-trump"),
        (
            "Mueller would cross a red line if he investigated the Trump family.",
            "person:donald-trump",
        ),
    ],
)
def test_actor_not_taken_from_a_namesake_or_unsafe_pronoun(coder, text, forbidden):
    assert all(e.source.actor_id != forbidden for e in _code(coder, text))


def test_meeting_under_during_and_verbal_attack(coder):
    evs = _code(coder, "Trump attacked Corker repeatedly on Twitter.")
    assert not [e for e in evs if e.code.startswith("19")]
    evs = _code(
        coder,
        "Trudeau said he raised the issue during a meeting with Myanmar leader Aung San Suu Kyi.",
    )
    meet = [e for e in evs if e.code == "040"]
    assert meet and meet[0].source.actor_id == "person:justin-trudeau"
    assert meet[0].target.actor_id == "person:text:aung-san-suu-kyi"
    assert meet[0].modality == "asserted"


def test_future_visit_is_intent(coder):
    evs = _code(coder, "China prepared its welcome ahead of Trump's visit to Beijing next week.")
    visits = [e for e in evs if e.trigger.text == "visit"]
    assert visits and visits[0].code == "036" and visits[0].modality == "planned"


_CALL_PUB = date(2017, 11, 21)  # a Tuesday


@pytest.mark.parametrize(
    "text,code,modality,day",
    [
        # the parser folds "A and B" into one name phrase: both leaders are still the sides
        (
            "U.S. President Donald Trump and Russian President Vladimir Putin spoke on the phone "
            "for about an hour on Tuesday, a White House official said.",
            "041",
            "reported",
            date(2017, 11, 21),
        ),
        ("Trump spoke to Putin by telephone on Monday.", "041", "asserted", date(2017, 11, 20)),
        ("Trump and Putin talked by telephone on Sunday.", "041", "asserted", date(2017, 11, 19)),
        ("Trump had a phone call with Putin on Monday.", "041", "asserted", date(2017, 11, 20)),
        ("Trump and Putin spoke over the phone last week.", "041", "asserted", date(2017, 11, 13)),
        ("Trump and Putin may speak by phone on Friday.", "036", "hypothetical", None),
        ("Trump and Putin will speak by phone on Friday.", "036", "planned", None),
        ("Trump and Putin did not speak on the phone on Monday.", "041", "negated", None),
    ],
)
def test_phone_calls(coder, text, code, modality, day):
    evs = [e for e in _code(coder, text, _CALL_PUB) if e.code.startswith("04") or e.code == "036"]
    assert evs, [(e.code, e.source.actor_id) for e in _code(coder, text, _CALL_PUB)]
    ev = evs[0]
    assert (ev.code, ev.modality) == (code, modality)
    assert {ev.source.actor_id, ev.target.actor_id} == {
        "person:donald-trump",
        "person:vladimir-putin",
    }
    if day is not None:
        assert ev.date.value == day


def test_attribution_without_subject_keeps_its_speaker(coder):
    text = (
        "Trump and Putin spoke on the phone on Tuesday and covered topics including Syria and "
        "Ukraine, a White House official said."
    )
    ev = next(e for e in _code(coder, text, _CALL_PUB) if e.code == "041")
    assert ev.modality == "reported" and ev.speaker.text == "White House"


@pytest.mark.parametrize(
    "text",
    [
        "No phone call between Trump and Putin was planned, the Kremlin said.",
        "A phone call between Trump and Putin is not planned, Peskov said.",
        "Trump and Putin may speak by phone.",
        "Trump said he would call Putin.",
    ],
)
def test_unheld_calls_are_never_asserted(coder, text):
    evs = [e for e in _code(coder, text, _CALL_PUB) if e.code.startswith("04") or e.code == "036"]
    assert evs  # the call is found, with its modality
    assert all(e.modality not in ("asserted", "reported") for e in evs)


def test_names_joined_by_and_inside_a_longer_phrase_stay_apart(coder):
    # "and" inside a phrase whose head is not a name: no coordination is guessed
    evs = _code(coder, "The Trump and Putin aides met on Monday.", _CALL_PUB)
    assert not [
        e
        for e in evs
        if e.source.actor_id == "person:donald-trump"
        and e.target is not None
        and e.target.actor_id == "person:vladimir-putin"
    ]


def test_people_come_from_the_actors_kb(coder):
    # ids are the KB's (the KB spells Zelenskyy's id with -yy)
    evs = _code(coder, "Zelensky met Trump in New York on Wednesday.", date(2019, 9, 26))
    meet = [e for e in evs if e.code.startswith("04")]
    assert meet and meet[0].source.actor_id == "person:volodymyr-zelenskyy"
    assert coder.people.iso3_of("person:volodymyr-zelenskyy") == "UKR"


def test_un_ambassador_title_is_the_kb_role(coder):
    evs = _code(
        coder,
        "U.S. Ambassador to the United Nations Nikki Haley criticised Iran on Friday.",
        date(2017, 11, 3),
    )
    assert [e.source.actor_id for e in evs if e.code == "111"] == ["person:nikki-haley"]
    evs = _code(
        coder,
        "The U.S. ambassador to the United Nations criticised Iran on Friday.",
        date(2017, 11, 3),
    )
    assert [e.source.actor_id for e in evs if e.code == "111"] == ["person:nikki-haley"]


def _by_code(evs):
    return {e.code: e for e in evs}


@pytest.mark.parametrize(
    "text,code,src,src_code,tgt",
    [
        # sector agents: the country stays the actor, the agent goes into the CAMEO code
        (
            "Israeli police arrested 12 protesters in Jerusalem.",
            "173",
            "ISR",
            "ISRCOP",
            "sector:OPP",
        ),
        ("Afghan rebels kidnapped 16 Russian civilians.", "180", "AFG", "AFGREB", "RUS"),
        # a generic sector with no country; "in <country>" supplies one
        ("Rebels in Colombia rejected the peace offer.", "120", "COL", "COLREB", None),
        ("The rebels rejected the government's peace plan.", "120", "sector:REB", "REB", None),
        # organisations from the lexicon / actors KB
        (
            "Amnesty International accused the United States of torture.",
            "112",
            "AMNESTY",
            None,
            "USA",
        ),
        # source-only events ("condemned the bombing"), object-refined codes
        ("France condemned the bombing.", "111", "FRA", "FRA", None),
        ("Japan provided food to refugees in Sudan.", "073", "JPN", "JPN", "SDN"),
        ("Serbia lifted the curfew in Montenegro.", "0813", "SRB", "SRB", None),
        # "X said Y must ...": a demand on Y
        ("Russia said Sudan must return the helicopter.", "100", "RUS", "RUS", "SDN"),
        ("Chile said Peru should withdraw its claim to the islands.", "100", "CHL", "CHL", "PER"),
        (
            "Canada told reporters that Mexico would have to cut its tariffs.",
            "100",
            "CAN",
            "CAN",
            "MEX",
        ),
        # praise in other words
        ("Norway lauded Kenya for its handling of the election.", "051", "NOR", "NOR", "KEN"),
        ("Brazil heaped praise on the new trade agreement.", "051", "BRA", "BRA", None),
        # an announced cooperative act is an intent (CAMEO 03)
        ("Finland will provide aid to Tanzania.", "033", "FIN", "FIN", "TZA"),
    ],
)
def test_families_and_sector_actors(coder, text, code, src, src_code, tgt):
    from summitry.coding.coder import _actor_code

    evs = _by_code(_code(coder, text))
    assert code in evs, (text, {c: e.rule for c, e in evs.items()})
    ev = evs[code]
    assert ev.source.actor_id == src
    if src_code:
        assert _actor_code(ev.source) == src_code
    assert (ev.target.iso3 or ev.target.actor_id if ev.target else None) == tgt


@pytest.mark.parametrize(
    "text",
    [
        "Russia declined to comment.",  # no rejection
        "Japan offered a different version of events.",  # not an offer
        "China urged Russia to cut its links with North Korea.",  # the cut is not an event
        "North Korea will not give up its nuclear weapons.",  # not aid
    ],
)
def test_no_false_family_events(coder, text):
    codes = {e.code for e in _code(coder, text)}
    assert not codes & {"120", "030", "161", "070", "072"}, codes


@pytest.mark.parametrize(
    "text",
    [
        "Russia denies the allegations and Trump denies any collusion.",
        "The Kremlin has denied meddling in the election and Trump has denied any collusion.",
    ],
)
def test_second_clause_keeps_its_own_subject(coder, text):
    """The parser joins "Trump" to the first clause's object; the second verb's source is
    still Trump, not the first clause's subject (and "denied", "denies" are triggers)."""
    evs = sorted((e.trigger.idx, e.code, e.source.actor_id) for e in _code(coder, text))
    assert [(c, s) for _, c, s in evs] == [("016", "RUS"), ("016", "person:donald-trump")]


@pytest.mark.parametrize(
    "text",
    [
        "Merkel said the economy should grow next year.",  # no actor is asked to act
        "Putin said Russia needs to modernise its army.",  # a plan at home, not a demand
        "Trump said he had to leave early.",
    ],
)
def test_should_without_another_actor_is_no_demand(coder, text):
    assert "100" not in {e.code for e in _code(coder, text)}
