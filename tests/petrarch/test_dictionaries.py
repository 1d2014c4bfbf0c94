"""PETRARCH/Phoenix dictionary readers on the real files in ../shared/petrarch2."""

from datetime import date
from pathlib import Path

import pytest

from summitry.petrarch import (
    DictionaryError,
    read_actors,
    read_agents,
    read_discards,
    read_verbs,
)


def test_validate_actors(petr_dir: Path) -> None:
    a = read_actors(petr_dir / "PETR.Validate.actors.txt")
    assert len(a) == 128
    gollum = a.find("SMEAGOL")
    assert gollum is not None and gollum.name.words == ("GOLLUM",)
    assert gollum.code_on(date(1995, 1, 1)) == "HOB"
    assert gollum.code_on(date(1997, 1, 1)) == "HOBGOV"
    assert gollum.code_on(date(2001, 1, 1)) == "HOBREB"
    # an interval listed first overrides a later overlapping one (SAM_GAMGEE)
    sam = a.find("SAM GAMGEE")
    assert sam is not None and sam.code_on(date(2010, 1, 10)) == "ORCHOB"
    assert sam.code_on(date(2010, 2, 1)) == "HOBMIL"
    assert a.find("THE SHIRE").code_on(None) == "FRO/BIL/SAM"


def test_validate_agents_verbs_discards(petr_dir: Path) -> None:
    ag = read_agents(petr_dir / "PETR.Validate.agents.txt")
    by = {e.phrase.text: e for e in ag.entries}
    assert by["PRESIDENT"].code == "GOV" and not by["PRESIDENT"].prefix
    assert by["HUMAN RIGHTS BODY"].prefix and by["HUMAN RIGHTS BODY"].code == "NGO"
    assert "PRESIDENTS" in by  # regular plural generated
    assert "MEDIAS" not in by  # {} = no plural
    assert "GOLDEN GEESE" in by  # explicit plural
    assert "CONGRESSWOMEN" in by  # !PERSON! substitution
    v = read_verbs(petr_dir / "PETR.Validate.verbs.txt")
    assert len(v) == 261 and v.n_patterns > 400
    assert ("GOLDEN", "GOBLIN", "GALLEONS") in v.synsets["&CURRENCY"]
    shot = [b for b in v.blocks if b.name == "SHOT" and b.code == "223"][0]
    p = shot.patterns[0]
    assert (p.upper, p.lower, p.code) == (("+", "WAS"), ("DEAD", "IN", "$"), "224")
    d = read_discards(petr_dir / "PETR.Validate.discards.txt")
    assert d.check("Manchester United beat Arsenal").story
    assert not d.check("Arnor met Gondor years later").story
    assert d.check("Arnor met Gondor") is None


def test_phoenix_dictionaries(petr_dir: Path) -> None:
    a = read_actors(petr_dir / "Phoenix.Countries.actors.txt", strict=False)
    read_actors(petr_dir / "Phoenix.International.actors.txt", a, strict=False)
    assert len(a) == 26231
    assert len(a.problems) == 9  # the published files have a few bad dates and brackets
    afg = a.find("AFGHANISTAN")
    assert afg is not None and afg.code_on(date(2010, 1, 1)) == "AFG"
    assert a.find("KABUL") is afg
    un = a.find("UNITED NATIONS")
    assert un is not None and un.code_on(date(2010, 1, 1)) == "IGOUNO"
    putin = a.find("VLADIMIR PUTIN")
    assert putin is not None and any(c.restricted for c in putin.codes)
    ag = read_agents(petr_dir / "Phoenix.agents.txt", strict=False)
    assert len(ag) > 6000 and len(ag.problems) == 2


def test_phoenix_strict_names_file_and_line(petr_dir: Path) -> None:
    with pytest.raises(DictionaryError, match=r"Phoenix\.Countries\.actors\.txt:2039: bad date"):
        read_actors(petr_dir / "Phoenix.Countries.actors.txt")


@pytest.mark.parametrize(
    ("reader", "text", "message"),
    [
        (read_actors, "ARNOR [ARN]\nGONDOR [GON 1995x]\n", r"x\.txt:2: malformed actor code"),
        (read_actors, "+ALIAS\n", r"x\.txt:1: synonym '\+ALIAS' before any actor"),
        (read_actors, "GONDOR [GON\n", r"x\.txt:1: unbalanced"),
        (read_agents, "POLICE [COP]\n", r"x\.txt:1: agent code \[COP\] must be"),
        (read_verbs, "--- MEET [031] ---\nMEET\n- WITH + [031]\n", r"x\.txt:3: .*exactly one '\*'"),
        (read_verbs, "--- MEET 031 ---\n", r"x\.txt:1: malformed verb block header"),
        (read_verbs, "--- MEET [031] ---\nMEET\n- * &NOPE [031]\n", r"x\.txt:3: unknown synset"),
    ],
)
def test_malformed_line_errors(tmp_path: Path, reader, text: str, message: str) -> None:
    p = tmp_path / "x.txt"
    p.write_text(text)
    with pytest.raises(DictionaryError, match=message):
        reader(p)
