"""Loading a user's PETRARCH/Phoenix actor file into the summitry actor KB."""

from datetime import date
from pathlib import Path

import pytest

from summitry.actors import ActorKB, load_petrarch_actors
from summitry.petrarch import DictionaryError

USER_FILE = """\
# a user's Phoenix-format additions
RUSSIA_ [RUS]
+ROSSIYSKAYA_FEDERATSIYA_
+ROSSIYA

KIRILL_DMITRIEV_  # head of the Russian Direct Investment Fund
+DMITRIEV_
\t[RUSBUS >110601]

VLADIMIR_PUTIN_
+PUTIN_THE_ELDER
\t[RUSGOV 000507-080507]

UNITED_NATIONS_ [IGOUNO]
+THE_WORLD_BODY

VALDAI_DISCUSSION_CLUB [RUSEDU]

SECRETARY-GENERAL_BAN_KI-MOON
+BAN_KI-MOON
	[IGOUNO >20070101]
"""


def test_load_user_phoenix_file(tmp_path: Path) -> None:
    p = tmp_path / "my.actors.txt"
    p.write_text(USER_FILE)
    kb, rep = load_petrarch_actors(p)
    assert (rep.entries, rep.people, rep.organisations) == (6, 3, 2)
    assert kb.country_of("Rossiya") == "RUS"  # synonym of a country code -> country alias
    # a dated code -> person with a role; merges into the KB's own Putin
    putin = [m.actor_id for m in kb.resolve("Putin The Elder")]
    assert putin == ["person:vladimir-putin"]
    dm = kb.get("person:kirill-dmitriev")
    assert dm is not None and dm.kind == "person" and dm.iso3 == "RUS"
    assert [r.role for r in kb.roles("person:kirill-dmitriev", on=date(2018, 7, 16))] == [
        "cameo:BUS"
    ]
    # provenance: origin 'dictionary', source = absolute file path and entry line
    src = f"{p.resolve()}:6"
    assert (dm.origin, dm.source_url) == ("dictionary", src)
    assert [r.source_url for r in kb.roles("person:kirill-dmitriev")] == [src]
    assert kb.name_source("person:vladimir-putin", "Putin The Elder") == f"{p.resolve()}:10"
    # an entry titled differently merges by its other full name into the KB's person
    assert kb.get("person:secretary-general-ban-ki-moon") is None
    assert [r.role for r in kb.roles("person:ban-ki-moon") if r.origin == "dictionary"] == [
        "cameo:UNO"
    ]
    un = kb.actor_for_cameo("IGOUNO")
    assert un is not None and "The World Body" in un.aliases  # merged, not duplicated
    club = [a for a in kb.actors("organisation") if a.cameo_code == "RUSEDU"]
    assert [a.name for a in club] == ["Valdai Discussion Club"] and club[0].iso3 == "RUS"


def test_load_real_phoenix_international(petr_dir: Path) -> None:
    kb, rep = load_petrarch_actors(
        petr_dir / "Phoenix.International.actors.txt", ActorKB.load(), strict=False
    )
    assert rep.entries > 5000 and rep.organisations > 1000
    nato = kb.actor_for_cameo("IGOWSTNAT")
    assert nato is not None


def test_actor_kb_load_reads_phoenix_files_like_the_loader(tmp_path: Path) -> None:
    p = tmp_path / "my.actors.txt"
    p.write_text(USER_FILE)
    a, _rep = load_petrarch_actors(p)
    b = ActorKB.load(extra_paths=[p])
    assert sorted(map(repr, a.actors())) == sorted(map(repr, b.actors()))
    assert sorted(map(repr, a.all_roles())) == sorted(map(repr, b.all_roles()))


def test_malformed_user_file(tmp_path: Path) -> None:
    p = tmp_path / "bad.txt"
    p.write_text("RUSSIA [RUS]\nPUTIN [RUSGOV 000507-0805]\n")
    with pytest.raises(DictionaryError, match=r"bad\.txt:2: bad date '0805'"):
        load_petrarch_actors(p)
