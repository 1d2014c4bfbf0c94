"""Knowledge pack v3, second research pass: the APEC bilaterals of 2010-11, the re-sourced calls,
positions of both sides for the key encounters, and the added impact facts."""

from __future__ import annotations

import re
from datetime import date

import pytest

from summitry.knowledge import read_pack

T, P, B = "person:donald-trump", "person:vladimir-putin", "person:joe-biden"
OBAMA, M, GWB = "person:barack-obama", "person:dmitry-medvedev", "person:george-w-bush"
WEAK = ("canindia.com", "apa.az", "news.am", "polit.info", "washingtonexaminer.com")


@pytest.fixture(scope="module")
def pack():
    return read_pack()


def _sides(pack, meeting_id):
    return {p.side for p in pack.positions if p.meeting_id == meeting_id}


@pytest.mark.parametrize(
    ("meeting_id", "day", "city", "country"),
    [
        ("kp-2010-11-14-yokohama", date(2010, 11, 14), "Yokohama", "JPN"),
        ("kp-2011-11-12-honolulu", date(2011, 11, 12), "Honolulu", "USA"),
    ],
)
def test_obama_medvedev_apec_bilaterals_are_recorded(pack, meeting_id, day, city, country):
    m = next(m for m in pack.meetings if m.meeting_id == meeting_id)
    assert (m.start_date, m.end_date, m.city, m.country) == (day, day, city, country)
    assert set(m.participants) == {OBAMA, M}
    assert (m.format, m.occasion) == ("sideline", "APEC summit")
    assert pack.sources[m.source_url].source_type == "official"
    topics = {i.topic for i in pack.items if i.meeting_id == meeting_id}
    assert {"arms_control", "trade_economy"} <= topics
    assert _sides(pack, meeting_id) == {OBAMA, M}


def test_no_row_cites_the_weak_outlets_of_the_first_pass(pack):
    for c in pack.citations:
        host = re.sub(r"^www\.", "", c.url.split("/")[2].lower())
        assert not any(host == d or host.endswith("." + d) for d in WEAK), (c.fname, c.line)


def test_the_re_sourced_calls_cite_wires_newspapers_or_officials(pack):
    calls = {m.start_date: m for m in pack.meetings if set(m.participants) == {T, P}}
    for day in (date(2017, 12, 17), date(2020, 3, 30), date(2020, 4, 9), date(2020, 5, 7)):
        m = calls[day]
        assert pack.sources[m.source_url].source_type in {"wire", "newspaper", "official"}, day
        items = [i for i in pack.items if i.meeting_id == m.meeting_id]
        assert items and all(i.source_url == m.source_url for i in items), day


@pytest.mark.parametrize(
    ("meeting_id", "sides"),
    [
        ("kp-2001-06-16-ljubljana", {GWB, P}),
        ("kp-2009-07-06-moscow", {OBAMA, M}),
        ("kp-2010-04-08-prague", {OBAMA, M}),
        ("kp-2017-07-07-hamburg", {T, P}),
        ("kp-2017-12-17-call", {T, P}),
        ("kp-2018-07-16-helsinki", {T, P}),
        ("kp-2020-03-30-call", {T, P}),
        ("kp-2021-06-16-geneva", {B, P}),
        ("kp-2021-12-07-video", {B, P}),
        ("kp-2025-03-18-call", {T, P}),
        ("kp-2025-08-15-anchorage", {T, P}),
    ],
)
def test_key_encounters_record_both_sides(pack, meeting_id, sides):
    assert _sides(pack, meeting_id) == sides


def test_helsinki_positions_pair_the_denial_with_its_acceptance(pack):
    hel = {(p.side, p.topic, p.stance) for p in pack.positions if p.meeting_id.endswith("helsinki")}
    assert {(P, "cyber_elections", "denies"), (T, "cyber_elections", "accepts")} <= hel
    assert {(P, "ukraine", "refuses"), (T, "ukraine", "refuses")} <= hel


def test_a_changed_stance_is_recorded_at_both_ends(pack):
    def stances(side, topic):
        rows = sorted(
            (p for p in pack.positions if p.side == side and p.topic == topic),
            key=lambda p: p.item_date,
        )
        return [(p.item_date.year, p.stance) for p in rows]

    medvedev = stances(M, "arms_control")
    assert (2009, "refuses") in medvedev and (2011, "concerned") in medvedev
    putin_ukraine = [s for y, s in stances(P, "ukraine") if y == 2025]
    assert "accepts" in putin_ukraine and "refuses" in putin_ukraine


def test_positions_quote_at_most_briefly_and_cite_no_state_media(pack):
    for p in pack.positions:
        assert pack.sources[p.source_url].source_type in {"official", "wire", "newspaper"}
        if p.quote:
            assert len(p.quote.split()) <= 12, (p.meeting_id, p.side)


def _facts(pack):
    return {f.fact_id: f for f in pack.impact_facts}


def test_us_executive_orders_of_2014_and_2021_22_are_numbered_and_dated(pack):
    by_title = {
        int(m.group(1)): f
        for f in pack.impact_facts
        if (m := re.match(r"Executive Order (\d{5})", f.title))
    }
    dates = {13660: date(2014, 3, 6), 13661: date(2014, 3, 16), 13662: date(2014, 3, 20)}
    dates |= {13685: date(2014, 12, 19), 14024: date(2021, 4, 15), 14066: date(2022, 3, 8)}
    dates |= {14068: date(2022, 3, 11), 14071: date(2022, 4, 6)}
    for number, day in dates.items():
        assert by_title[number].start_date == day, number
        assert by_title[number].area == "sanctions" and by_title[number].actors == ("USA",)
    assert "79 FR 13493" in by_title[13660].title


def test_eu_decisions_cite_eur_lex_identifiers_matching_their_numbers(pack):
    eu = [f for f in pack.impact_facts if f.actors == ("EUU",) and f.area == "sanctions"]
    years = {f.start_date.year for f in eu}
    assert {2014, 2022, 2023, 2025} <= years and len(eu) >= 9
    for f in eu:
        number = re.search(r"(\d{4})/(\d+)", f.title)
        assert number, f.fact_id
        eli = re.search(r"eli/(?:dec|reg)/(\d{4})/(\d+)/oj$", f.source_url)
        assert eli and eli.groups() == number.groups(), f.fact_id
        assert f.start_date.year == int(number.group(1)), f.fact_id


def test_counter_expulsions_spy_swap_and_nato_summits(pack):
    facts = _facts(pack)
    russian = {f.start_date for f in facts.values() if f.area == "expulsions" and "RUS" in f.actors}
    assert {date(2016, 12, 30), date(2017, 7, 30), date(2018, 3, 29)} <= russian
    swap = facts["exchange-2010-vienna"]
    assert swap.start_date == date(2010, 7, 9) and set(swap.actors) == {"USA", "RUS"}
    nato = {f.start_date.year for f in facts.values() if f.area == "nato"}
    assert {2008, 2014, 2016, 2018} <= nato


def test_every_announced_ceasefire_says_whether_it_held(pack):
    facts = _facts(pack)
    for f in facts.values():
        if f.area != "ceasefire" or f.kind != "ceasefire_announced":
            continue
        outcome_ids = re.findall(r"fact ([a-z0-9-]+)\)", f.text)
        assert f.status in {"held", "broken", "partial"} or outcome_ids, f.fact_id
        for oid in outcome_ids:
            assert oid in facts and facts[oid].start_date >= f.start_date, (f.fact_id, oid)
    assert facts["ceasefire-2017-sw-syria"].status == "broken"
    assert facts["ceasefire-2025-energy"].status == "partial"
    assert facts["ceasefire-2025-easter"].status == "partial"
