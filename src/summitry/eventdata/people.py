"""Resolve imported actor names to people of the actor knowledge base.

Runs over the distinct (name, year) pairs of imported rows still without an actor id, so it
costs one KB lookup per distinct name and year, not per row. Only the one person of that
year's era is used (see :func:`summitry.eventdata.lookups.person_resolver`); names stay in
``source_text`` / ``target_text`` either way.
"""

from __future__ import annotations

from datetime import date

from summitry.eventdata.lookups import person_resolver


def resolve_people(store, datasets: set[str]) -> int:
    """Set source/target_actor_id from the KB where the name allows; returns rows updated."""
    if not datasets:
        return 0
    resolve = person_resolver()
    con = store.con
    marks = ", ".join("?" for _ in datasets)
    updated = 0
    for side in ("source", "target"):
        pairs = con.execute(
            f"SELECT DISTINCT {side}_text, year(event_date) FROM events "
            f"WHERE dataset IN ({marks}) AND origin = 'imported' AND {side}_actor_id IS NULL "
            f"AND {side}_text IS NOT NULL AND length({side}_text) > 3",
            sorted(datasets),
        ).fetchall()
        found = []
        for name, year in pairs:
            actor_id = resolve(name, date(int(year), 7, 1) if year else None)
            if actor_id:
                found.append((name, year, actor_id))
        if not found:
            continue
        with store.transaction():
            con.execute(
                "CREATE OR REPLACE TEMP TABLE person_map (name VARCHAR, yr BIGINT, "
                "actor_id VARCHAR)"
            )
            con.executemany("INSERT INTO person_map VALUES (?, ?, ?)", found)
            updated += con.execute(
                f"UPDATE events SET {side}_actor_id = m.actor_id FROM person_map m "
                f"WHERE events.dataset IN ({marks}) AND events.{side}_actor_id IS NULL "
                f"AND events.{side}_text = m.name "
                f"AND year(events.event_date) IS NOT DISTINCT FROM m.yr",
                sorted(datasets),
            ).fetchone()[0]
    return int(updated)
