"""Writing the KB into the store tables ``actors`` and ``actor_roles`` (idempotent upsert)."""

from __future__ import annotations

import pyarrow as pa

from summitry.actors.kb import ActorKB
from summitry.actors.model import Actor, Role

_ACTOR_COLS = ["actor_id", "name", "kind", "iso3", "cameo_code", "origin", "source_url", "note"]
_ROLE_COLS = ["actor_id", "role", "iso3", "start_date", "end_date", "origin", "source_url"]


def write_actors_to_store(store, kb: ActorKB) -> tuple[int, int]:
    """Upsert every KB actor and role; returns (n_actors, n_roles).

    Actor rows with the same id are replaced; the roles of those actors that came from the
    same origins as the KB rows are replaced as a whole (so corrected dates leave no stale
    rows). Roles without a start date cannot be keyed and are skipped. One transaction.
    """
    actors = list(kb.actors())
    roles = [r for r in kb.all_roles() if r.start is not None]
    a_tab = pa.table({c: [getattr(a, c) for a in actors] for c in _ACTOR_COLS})
    r_tab = pa.table(
        {
            "actor_id": [r.actor_id for r in roles],
            "role": [r.role for r in roles],
            "iso3": [r.iso3 or "" for r in roles],
            "start_date": pa.array([r.start for r in roles], pa.date32()),
            "end_date": pa.array([r.end for r in roles], pa.date32()),
            "origin": [r.origin for r in roles],
            "source_url": [r.source_url for r in roles],
        }
    )
    ids = pa.table({"actor_id": [a.actor_id for a in actors]})
    origins = sorted({r.origin for r in roles} | {a.origin for a in actors})
    with store.transaction() as con:
        con.register("_kb_actors", a_tab)
        con.register("_kb_roles", r_tab)
        con.register("_kb_ids", ids)
        try:
            con.execute(
                "DELETE FROM actor_roles WHERE actor_id IN (SELECT actor_id FROM _kb_ids) "
                "AND origin IN (SELECT unnest(?::VARCHAR[]))",
                [origins],
            )
            con.execute("DELETE FROM actors WHERE actor_id IN (SELECT actor_id FROM _kb_ids)")
            con.execute(
                f"INSERT INTO actors ({', '.join(_ACTOR_COLS)}) SELECT {', '.join(_ACTOR_COLS)} "
                "FROM _kb_actors"
            )
            con.execute(
                f"INSERT INTO actor_roles ({', '.join(_ROLE_COLS)}) SELECT {', '.join(_ROLE_COLS)} "
                "FROM _kb_roles"
            )
        finally:
            for name in ("_kb_actors", "_kb_roles", "_kb_ids"):
                con.unregister(name)
    return len(actors), len(roles)


def add_store_actors(kb: ActorKB, store) -> int:
    """Add to ``kb`` the people and their roles only the store knows (people texts introduced,
    user files written with ``summitry actors store``), so that one resolver answers for
    both. KB actors keep their own rows; roles of other origins are added to them.
    Returns the number of actors added."""
    added: set[str] = set()
    for aid, name, iso3, origin, url in store.con.execute(
        "SELECT actor_id, name, iso3, origin, source_url FROM actors "
        "WHERE kind = 'person' OR actor_id LIKE 'person:%' ORDER BY actor_id"
    ).fetchall():
        if aid not in kb and name:
            kb.add(Actor(aid, name, "person", iso3, origin=origin or "kb", source_url=url))
            added.add(aid)
    for aid, role, iso3, start, end, origin, url in store.con.execute(
        "SELECT actor_id, role, iso3, start_date, end_date, origin, source_url FROM actor_roles "
        "ORDER BY actor_id, start_date"
    ).fetchall():
        if aid in added or (aid in kb and origin != "kb"):
            kb.add_role(
                Role(aid, role, iso3 or None, start, end, origin=origin or "kb", source_url=url)
            )
    return len(added)
