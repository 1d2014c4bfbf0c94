"""Actor knowledge base: countries (ISO 3166 / CAMEO), international organisations, and
people with time-bounded roles, plus date-aware resolution of names and titles.

    from summitry.actors import ActorKB
    kb = ActorKB.load(extra_paths=["my_actors.csv"])
    kb.holder("head_of_state", "USA", on=date(2018, 7, 16)).name   # 'Donald Trump'
    [(m.actor_id, m.rule) for m in kb.resolve("the Russian president", on=date(2010, 1, 1))]
    # [('person:dmitry-medvedev', 'title:head_of_state')]
    kb.office("leader", "SUN", date(1986, 10, 11)).actor_id       # Gorbachev (party leader)
    kb.counterpart("person:donald-trump", "RUS", date(2018, 7, 16)).actor_id   # Putin
    kb.person("Putin", date(2018, 7, 16))                          # one person of the era, or None

It is the one resolver of summitry: the coder (descriptors, counterparts, names), the meeting
builder (leaders on a date), the knowledge pack and the analysis ask it, and nobody else
keeps titles, role maps or people (``titles.csv``, ``leaders.csv``, ``people.csv``,
``roles.csv``). :func:`normalise` is the one name key and :func:`slug` the one id slug.

User files: CSV, YAML or PETRARCH/Phoenix actor dictionaries (detected by name and content,
see :mod:`summitry.actors.files`; Phoenix entries are mapped by
:mod:`summitry.actors.phoenix`):

    kb = ActorKB.load(["../shared/petrarch2/Phoenix.Countries.actors.txt"], strict=False)
    kb.problems        # malformed lines skipped by strict=False, as 'file:line: what'

Shipped data: ``summitry/data/actors/``.
"""

from summitry.actors.files import ActorFileError, detect_format, read_actor_file
from summitry.actors.kb import SINGLE_HOLDER_ROLES, ActorKB, load_petrarch_actors
from summitry.actors.model import Actor, Match, Role
from summitry.actors.normalise import normalise, person_id, slug
from summitry.actors.offices import LEADER_ROLES, Offices, Title, load_offices
from summitry.actors.phoenix import LoadReport
from summitry.actors.store import add_store_actors, write_actors_to_store

__all__ = [
    "LEADER_ROLES",
    "SINGLE_HOLDER_ROLES",
    "Actor",
    "ActorFileError",
    "ActorKB",
    "LoadReport",
    "Match",
    "Offices",
    "Role",
    "Title",
    "detect_format",
    "load_offices",
    "load_petrarch_actors",
    "normalise",
    "person_id",
    "read_actor_file",
    "slug",
    "add_store_actors",
    "write_actors_to_store",
]
