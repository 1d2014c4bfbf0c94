"""How a report's sentence is read: call or in person, news or a reference back, and a
negation that still presupposes the meeting. Sentences are this project's own wording."""

from __future__ import annotations

from datetime import date

import pytest

from summitry.geo import lookup_place
from summitry.meetings.reading import read
from summitry.nlp.dates import find_dates


def _read(sentence: str, trigger: str):
    i = sentence.index(trigger)
    return read(sentence, i, i + len(trigger))


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("The Chilean president called his Peruvian counterpart on Monday.", "called"),
        ("Ms. Ardern spoke with Mr. Albanese by phone late on Tuesday.", "spoke"),
        ("Lula said he had received a call from Macron on Sunday.", "received"),
        ("In a telephone conversation with Scholz, Sanchez raised energy prices.", "conversation"),
        ("A phone call between the two prime ministers lasted forty minutes.", "call"),
        ("Ruto and Museveni held a video conference on the border dispute.", "held"),
        ("The two presidents discussed grain exports during their call.", "discussed"),
        ("The king and the emir talked over the phone about the summit.", "talked"),
        ("Modi spoke today with the Japanese prime minister.", "spoke"),
    ],
)
def test_calls_in_every_phrasing(sentence: str, trigger: str) -> None:
    assert _read(sentence, trigger).mode == "call"


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Talks between Tinubu and Akufo-Addo ended without a statement.", "Talks"),
        ("Sisi's meeting with Abbas in Cairo lasted two hours.", "meeting"),
        ("The Egyptian leader was received by the Saudi king in Riyadh.", "received"),
        ("Orban hosted Vucic at his residence on Saturday.", "hosted"),
        ("On a visit to Cairo, Putin discussed grain deliveries with Sisi.", "discussed"),
        ("The two leaders met on the sidelines of the summit in Lima.", "met"),
        ("Erdogan welcomed Aliyev with a military ceremony in Ankara.", "welcomed"),
        ("Mattis also said he spoke with the Afghan president in Munich.", "spoke"),
    ],
)
def test_in_person_in_nominal_and_passive_form(sentence: str, trigger: str) -> None:
    assert _read(sentence, trigger).mode == "in_person"


def test_no_cue_leaves_the_mode_open() -> None:
    r = _read("Tusk and Fiala discussed the budget on Friday.", "discussed")
    assert (r.mode, r.mode_strength) == (None, "none")
    weak = _read("Abe and Moon spoke on Friday.", "spoke")
    assert (weak.mode, weak.mode_strength) == ("call", "weak")


@pytest.mark.parametrize(
    ("sentence", "trigger", "kind"),
    [
        ("Trump, who has met Putin several times, said he would not.", "met", "frequency"),
        ("Macron has spoken to him before, aides said.", "spoken", "frequency"),
        ("When Trump met Putin in Helsinki, he sided with him.", "met", "clause"),
        ("Relations cooled since their July summit in Vienna.", "summit", "clause"),
        ("The two men first met at a 2015 climate conference.", "met", "clause"),
        ("Scholz had talked with Xi about the war, officials said.", "talked", "perfect"),
        ("The chancellor, who met Biden in Washington, flew home.", "met", "relative"),
    ],
)
def test_references_back_are_recognised(sentence: str, trigger: str, kind: str) -> None:
    assert _read(sentence, trigger).back_reference == kind


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Kishida met Yoon in Seoul on Sunday.", "met"),
        ("Biden spoke by phone with Netanyahu before leaving for Israel.", "spoke"),
        ("After the speech, Lula met Petro for an hour.", "met"),
        ("Ramaphosa had talks with Tinubu in Abuja on Monday.", "talks"),  # a light verb
        ("Ruto had dinner with Museveni at State House on Friday.", "dinner"),
    ],
)
def test_news_is_not_a_reference(sentence: str, trigger: str) -> None:
    assert _read(sentence, trigger).back_reference is None


@pytest.mark.parametrize(
    ("sentence", "trigger", "day"),
    [
        ("The dispute eased on Sunday when Lula met Milei at the border.", "met", "on Sunday"),
        ("Talks resumed earlier this week, when Ruto spoke to Museveni.", "spoke",
         "earlier this week"),
        ("Prices jumped yesterday when the two prime ministers met in Oslo.", "met", "yesterday"),
        ("A truce held on Tuesday, when Modi called Sharif.", "called", "on Tuesday"),
    ],
)  # fmt: skip
def test_when_after_a_day_is_that_days_news(sentence: str, trigger: str, day: str) -> None:
    r = _read(sentence, trigger)
    assert (r.back_reference, r.news_date) == (None, day)


@pytest.mark.parametrize(
    "sentence",
    [
        "He was criticised last year when Trump met Putin in Helsinki.",
        "It happened in July 2018, when Trump met Putin in Helsinki.",
        "Much has changed since Trump met Putin on Monday.",
    ],
)
def test_when_after_a_long_period_still_refers_back(sentence: str) -> None:
    r = _read(sentence, "met")
    assert (r.back_reference, r.news_date) == ("clause", None)


def test_a_negated_topic_presupposes_the_meeting() -> None:
    s = "Trump and Abe did not discuss a free trade agreement at their summit meeting on Monday."
    assert _read(s, "discuss").presupposed
    assert not _read("Trump and Abe did not meet on Monday.", "meet").presupposed
    assert not _read("Xi did not discuss Taiwan, his office said.", "discuss").presupposed


def test_definite_noun_names_a_known_encounter() -> None:
    s = "They agreed to follow up on the successful summit between the two presidents."
    assert _read(s, "summit").definite
    assert not _read(
        "In a White House meeting with the premier, Pence raised it.", "meeting"
    ).definite


def test_date_in_another_clause_is_not_the_meeting_date() -> None:
    s = "The leaders discussed cyber defence, as announced in March."
    i, d = s.index("discussed"), s.index("in March")
    assert not read(s, i, i + 9, date_span=(d, d + 8)).date_in_clause
    t = "The leaders met in March in Geneva."
    j, e = t.index("met"), t.index("in March")
    assert read(t, j, j + 3, date_span=(e, e + 8)).date_in_clause
    u = "Abe and Moon talked by phone for half an hour on Tuesday about the missiles."
    k, f = u.index("talked"), u.index("on Tuesday")
    assert read(u, k, k + 6, date_span=(f, f + 10)).date_in_clause
    v = "Lula and Petro discussed the border, following the Sunday election."
    m, g = v.index("discussed"), v.index("Sunday")
    assert not read(v, m, m + 9, date_span=(g, g + 6)).date_in_clause


PUB = date(2019, 3, 13)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("this morning", date(2019, 3, 13), date(2019, 3, 13)),
        ("earlier this afternoon", date(2019, 3, 13), date(2019, 3, 13)),
        ("three days ago", date(2019, 3, 10), date(2019, 3, 10)),
        ("last week", date(2019, 3, 4), date(2019, 3, 10)),
        ("earlier this week", date(2019, 3, 11), date(2019, 3, 13)),
        ("over the weekend", date(2019, 3, 9), date(2019, 3, 10)),
        ("earlier this month", date(2019, 3, 1), date(2019, 3, 13)),
        ("in February", date(2019, 2, 1), date(2019, 2, 28)),
        ("late January", date(2019, 1, 20), date(2019, 1, 31)),
    ],
)
def test_relative_dates_give_their_period(text: str, start: date, end: date) -> None:
    (d,) = find_dates(text, PUB)
    assert (d.value, d.until or d.value) == (start, end)


def test_a_weekday_in_a_sentence_about_the_future_is_the_next_one() -> None:
    (past,) = find_dates("on Friday", PUB)
    (future,) = find_dates("on Friday", PUB, prefer_future=True)
    assert (past.value, future.value) == (date(2019, 3, 8), date(2019, 3, 15))
    (today,) = find_dates("on Wednesday", PUB, prefer_future=True)
    assert today.value == PUB


def test_places_prefer_the_participants_countries() -> None:
    assert lookup_place("Florida").iso3 == "USA"  # the state, not the town in Cuba
    assert lookup_place("Palm Beach", prefer={"USA", "CHN"}) is None  # not the Australian one
    assert lookup_place("Hanoi", prefer={"USA", "CHN"}).iso3 == "VNM"  # a notable third place
