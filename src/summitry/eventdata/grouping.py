"""Group imported reports that describe the same real-world event (``event_groups``).

GDELT and ICEWS rows count reports, not events. Rule ``group-reports:1``, per dataset:
two rows are reports of one event when they have

1. the same source actor and the same target actor (actor id, else the dataset's actor
   code, else the actor text, case-folded),
2. the same CAMEO root (PLOVER event type for POLECAT), and
3. dates on the same or adjacent days, chained (a run of rows with no gap of more than one
   day is one event), and
4. the same place (coordinates rounded to 0.1 degree, else the place name, else the
   country) - or the same source URL: runs of (1)-(3) that share a source URL are merged
   even when the place differs.

Rows without a date are their own group. ``events.group_id`` points to ``event_groups``;
``report_count`` is the number of rows. The group id is ``grp:<first event_id>``
(event ids start with the dataset), so re-grouping after a new import keeps ids
stable where groups do not change.
"""

from __future__ import annotations

from summitry.faults import fault_point
from summitry.store import pending

RULE = "group-reports:1"


def group_reports(store, dataset: str, done_step: str | None = None) -> tuple[int, int]:
    """(Re)build the groups of ``dataset``; returns (reports, groups). ``done_step`` is a
    pending step cleared in the same transaction."""
    con = store.con
    with store.transaction():
        con.execute(
            """
            CREATE OR REPLACE TEMP TABLE grp_keys AS
            WITH k AS (
              SELECT event_id, event_date, NULLIF(source_url, '') AS url,
                coalesce(source_actor_id, source_code, lower(source_text), '') AS sk,
                coalesce(target_actor_id, target_code, lower(target_text), '') AS tk,
                coalesce(cameo_root, plover_type, '') AS rk,
                coalesce(CAST(round(lat, 1) AS VARCHAR) || ',' || CAST(round(lon, 1) AS VARCHAR),
                         lower(location_name), location_iso3, '') AS pk
              FROM events WHERE dataset = ? AND origin = 'imported'
            ), d AS (
              SELECT *, CASE WHEN event_date IS NULL
                               OR event_date - lag(event_date) OVER w > 1 THEN 1 ELSE 0 END AS brk
              FROM k WINDOW w AS (PARTITION BY sk, tk, rk, pk ORDER BY event_date, event_id)
            ), runs AS (
              SELECT *, sum(brk) OVER (PARTITION BY sk, tk, rk, pk ORDER BY event_date, event_id
                                      ROWS UNBOUNDED PRECEDING) AS island
              FROM d
            ), labelled AS (
              SELECT *, min(event_id) OVER (PARTITION BY sk, tk, rk, pk, island) AS g0
              FROM runs
            )
            SELECT event_id, event_date, url, sk, tk, rk, g0 AS g FROM labelled
            """,
            [dataset],
        )
        # Merge runs that share a source URL (same actors and root); two passes of label
        # propagation cover chains of length two, which is what URL sharing gives in practice.
        for _ in range(2):
            con.execute(
                """
                CREATE OR REPLACE TEMP TABLE grp_keys AS
                WITH byurl AS (
                  SELECT *, CASE WHEN url IS NULL OR event_date IS NULL THEN g
                                 ELSE min(g) OVER (PARTITION BY sk, tk, rk, url) END AS g1
                  FROM grp_keys
                )
                SELECT event_id, event_date, url, sk, tk, rk,
                       min(g1) OVER (PARTITION BY g) AS g FROM byurl
                """
            )
        con.execute(
            "DELETE FROM event_groups WHERE group_id LIKE ? AND rule = ?",
            [f"grp:{dataset}:%", RULE],
        )
        con.execute(
            f"""
            INSERT INTO event_groups
            SELECT 'grp:' || k.g, 'imported', min(e.event_date), max(e.event_date),
                   mode(e.source_actor_id), mode(e.source_code),
                   mode(e.target_actor_id), mode(e.target_code),
                   mode(e.cameo_root), count(*), '{RULE}'
            FROM grp_keys k JOIN events e USING (event_id) GROUP BY k.g
            """
        )
        con.execute(
            "UPDATE events SET group_id = 'grp:' || k.g FROM grp_keys k "
            "WHERE events.event_id = k.event_id AND events.group_id IS DISTINCT FROM "
            "'grp:' || k.g"
        )
        n_reports, n_groups = con.execute(
            "SELECT count(*), count(DISTINCT g) FROM grp_keys"
        ).fetchone()
        con.execute("DROP TABLE IF EXISTS grp_keys")
        if done_step:
            pending.clear(con, done_step)
        fault_point("import.grouped")
    return int(n_reports), int(n_groups)
