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
