"""User actor files (CSV and YAML), the public add() method, and clean errors on bad input."""

from __future__ import annotations

from datetime import date

import pytest

from summitry.actors import Actor, ActorFileError, ActorKB, Role

D = date.fromisoformat

CSV = """actor_id,name,kind,iso3,aliases,surname,source_url,role,start_date,end_date,acting
person:alexander-stubb,Alexander Stubb,person,FIN,Stubb,Stubb,https://example.org/stubb,head_of_state,2024-03-01,,
person:jane-doe,Jane Doe,person,XXX,J. Doe;Jane Q. Doe,Doe,https://example.org/doe,foreign_minister,2020-01-01,2021-06-30,1
"""

YAML = """
- actor_id: person:yuri-ushakov
  name: Yuri Ushakov
  iso3: RUS
  aliases: [Yury Ushakov]
  source_url: https://example.org/ushakov
  roles:
    - {role: presidential_aide, start_date: 2012-05-21}
"""


def test_csv_and_yaml_user_files_extend_the_kb(tmp_path):
    c = tmp_path / "mine.csv"
    c.write_text(CSV, encoding="utf-8")
    y = tmp_path / "mine.yaml"
    y.write_text(YAML, encoding="utf-8")
    kb = ActorKB.load(extra_paths=[c, y])
    doe = kb.get("person:jane-doe")
    assert doe.origin == "user" and doe.iso3 == "XXX"
    assert [m.actor_id for m in kb.resolve("Jane Q. Doe")] == ["person:jane-doe"]
    assert kb.holders("foreign_minister", "XXX", D("2020-06-01"))[0].acting
    assert kb.holder("foreign_minister", "XXX", D("2021-06-30")) is None
    assert [m.actor_id for m in kb.resolve("Yury Ushakov")] == ["person:yuri-ushakov"]
    assert [r.role for r in kb.roles("person:yuri-ushakov", on=D("2018-07-16"))] == [
        "presidential_aide"
    ]
    # a shipped actor keeps its row; the user's role for it is merged without duplication
    assert kb.get("person:alexander-stubb").origin == "kb"
    assert len(kb.holders("head_of_state", "FIN", D("2025-01-01"))) == 1
    assert ActorKB.load().get("person:jane-doe") is None  # the cache is not polluted


def test_add_merges_aliases_and_roles():
    kb = ActorKB.load()
    kb.add(
        Actor("person:vladimir-putin", "Vladimir Putin", "person", "RUS", origin="dictionary"),
        aliases=["PUTIN_VLADIMIR", "Vova"],
    )
    assert kb.get("person:vladimir-putin").origin == "kb"
    assert [m.actor_id for m in kb.resolve("Vova")] == ["person:vladimir-putin"]
    new = kb.add(
        Actor("person:ivan-testov", "Ivan Testov", "person", "RUS", origin="dictionary"),
        roles=[
            Role(
                "person:ivan-testov",
                "governor",
                "RUS",
                D("2001-01-01"),
                D("2003-01-01"),
                origin="dictionary",
            )
        ],
    )
    assert new.origin == "dictionary"
    assert kb.holder("governor", "RUS", D("2002-01-01")).actor_id == "person:ivan-testov"


@pytest.mark.parametrize(
    ("text", "suffix", "message"),
    [
        (
            "actor_id,name,start_date,role\nperson:x,X,2020-13-01,head_of_state\n",
            ".csv",
            "line 2: field 'start_date': expected an ISO date",
        ),
        ("actor_id,name\n,Nobody\n", ".csv", "line 2: field 'actor_id': required"),
        ("actor_id,name,kind\nperson:x,X,planet\n", ".csv", "field 'kind': expected one of"),
        ("id,label\n1,2\n", ".csv", "line 1: expected a header with actor_id"),
        (
            "- actor_id: person:x\n  name: X\n"
            "  roles: [{role: head_of_state, start_date: yesterday}]\n",
            ".yaml",
            "item 1 role 1: field 'start_date'",
        ),
        ("actor_id: [unclosed\n", ".yaml", "not valid YAML"),
        (
            "actor_id,role,iso3,start_date\nperson:nobody-known,head_of_state,USA,2020-01-01\n",
            ".csv",
            "role of unknown actor 'person:nobody-known'",
        ),
    ],
)
def test_bad_files_give_one_clear_error(tmp_path, text, suffix, message):
    p = tmp_path / f"bad{suffix}"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(ActorFileError) as err:
        ActorKB.load(extra_paths=[p])
    assert message in str(err.value)
    assert str(p) in str(err.value) or "unknown actor" in str(err.value)


def test_missing_file_is_an_error(tmp_path):
    with pytest.raises(ActorFileError, match="no such actor file"):
        ActorKB.load(extra_paths=[tmp_path / "nope.csv"])
