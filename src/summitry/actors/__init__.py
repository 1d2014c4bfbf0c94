"""Actor knowledge base: countries (ISO 3166 / CAMEO), international organisations, and
people with time-bounded roles, plus date-aware resolution of names and titles.

    from summitry.actors import ActorKB
    kb = ActorKB.load(extra_paths=["my_actors.csv"])
    kb.holder("head_of_state", "USA", on=date(2018, 7, 16)).name   # 'Donald Trump'
    [(m.actor_id, m.rule) for m in kb.resolve("the Russian president", on=date(2010, 1, 1))]
    # [('person:dmitry-medvedev', 'title:head_of_state')]

User files: CSV, YAML or PETRARCH/Phoenix actor dictionaries (detected by name and content,
see :mod:`summitry.actors.files`; Phoenix entries are mapped by
:mod:`summitry.coding.petrarch.actors_kb`):

    kb = ActorKB.load(["../shared/petrarch2/Phoenix.Countries.actors.txt"], strict=False)
    kb.problems        # malformed lines skipped by strict=False, as 'file:line: what'

Shipped data: ``summitry/data/actors/``.
"""

from summitry.actors.files import ActorFileError, detect_format, read_actor_file
from summitry.actors.kb import SINGLE_HOLDER_ROLES, ActorKB
from summitry.actors.model import Actor, Match, Role
from summitry.actors.normalise import normalise, person_id, slug
from summitry.actors.store import write_actors_to_store

__all__ = [
    "SINGLE_HOLDER_ROLES",
    "Actor",
    "ActorFileError",
    "ActorKB",
    "Match",
    "Role",
    "detect_format",
    "normalise",
    "person_id",
    "read_actor_file",
    "slug",
    "write_actors_to_store",
]
