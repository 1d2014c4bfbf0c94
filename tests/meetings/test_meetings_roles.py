"""Who is a leader on a date: the actors KB through the meetings' RoleResolver."""

from __future__ import annotations

from datetime import date

from summitry.meetings.roles import RoleResolver


def test_meetings_roles_person_named_stays_unresolved_when_ambiguous(store) -> None:
    roles = RoleResolver(store)
    # two Presidents Bush, neither in office in 2017: no guess
    assert roles.person_named("Bush", date(2017, 11, 1)) is None
    assert roles.person_named("BUSH", date(2003, 1, 1)) == "person:george-w-bush"
    assert roles.person_named("VLADIMIR PUTIN", date(2017, 11, 1)) == "person:vladimir-putin"
    assert roles.person_named("the Kremlin", date(2017, 11, 1)) is None  # not a person
    # a GDELT-style actor whose text is an ambiguous surname is not a leader
    assert roles.resolve("USA", "BUSH", "USA", "USA", date(2017, 11, 1)) is None
    gwb = roles.resolve("USA", "BUSH", "USA", "USA", date(2003, 1, 1))
    assert gwb is not None and (gwb.actor_id, gwb.role) == ("person:george-w-bush", "head_of_state")


def test_meetings_roles_kb_ids_and_supreme_leaders(store) -> None:
    roles = RoleResolver(store)
    kim = roles.resolve("person:kim-jong-un", None, None, "PRK", date(2018, 6, 12))
    assert kim is not None and kim.role == "supreme_leader"
    z = roles.resolve(None, "VOLODYMYR ZELENSKY", "UKR", "UKR", date(2019, 9, 25))
    assert z is not None and z.actor_id == "person:volodymyr-zelenskyy"


def test_meetings_roles_office_named_in_imported_text(store) -> None:
    roles = RoleResolver(store)
    on = date(2018, 7, 16)
    got = roles.resolve("RUS", "RUSSIAN PRESIDENT", None, "RUS", on)
    assert got is not None and (got.actor_id, got.role) == (
        "person:vladimir-putin",
        "head_of_state",
    )
    got = roles.resolve("DEU", "German Chancellor", None, "DEU", on)
    assert got is not None and got.actor_id == "person:angela-merkel"
    # the longest title wins: a vice president is no head of state, and counts as a minister
    assert roles.resolve("USA", "VICE PRESIDENT", None, "USA", on) is None
    vp = roles.resolve("USA", "VICE PRESIDENT", None, "USA", on, ministers=True)
    assert vp is not None and vp.actor_id == "person:mike-pence"
    # loose titles name no one office
    assert roles.resolve("USA", "OPPOSITION LEADER", None, "USA", on) is None
    assert roles.resolve("USA", "GOVERNMENT", None, "USA", on) is None
    # Iran's supreme leader is a leader of his own office, not the president
    kh = roles.resolve("IRN", "Supreme Leader", None, "IRN", on)
    assert kh is not None and (kh.actor_id, kh.role) == ("person:ali-khamenei", "supreme_leader")


def test_meetings_roles_add_people_only_the_store_knows(store) -> None:
    store.con.execute(
        "INSERT INTO actors (actor_id, name, kind, iso3, origin) "
        "VALUES ('person:text:jane-roe', 'Jane Roe', 'person', 'GBR', 'text')"
    )
    store.con.execute(
        "INSERT INTO actor_roles (actor_id, role, iso3, start_date, origin) "
        "VALUES ('person:text:jane-roe', 'foreign_minister', 'GBR', DATE '2030-01-01', 'text')"
    )
    roles = RoleResolver(store)
    on = date(2030, 6, 1)
    assert roles.person_named("Jane Roe", on) == "person:text:jane-roe"
    assert roles.name("person:text:jane-roe") == "Jane Roe"
    got = roles.resolve("person:text:jane-roe", None, None, "GBR", on, ministers=True)
    assert got is not None and (got.role, got.iso3) == ("foreign_minister", "GBR")
    assert roles.resolve("person:text:jane-roe", None, None, "GBR", on) is None  # no leader
