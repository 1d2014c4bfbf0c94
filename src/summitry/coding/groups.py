"""Group event reports into real-world events, so counts are of events, not of reports.

Reports of the coder with the same actors (unordered for the consult family 04 and for
intent to meet 036, ordered otherwise), the same CAMEO root, the same event date and the same
modality form one group (``event_groups``, rule ``GROUP_RULE``; ``events.group_id``).
Statements (01) are not grouped: two statements on one day are usually two statements.
Events dated only by publication are grouped by that date, so reports of one meeting
published on different days stay apart (a conservative, under-merging choice).
"""

from __future__ import annotations

from summitry.faults import fault_point
from summitry.store import Store, pending

GROUP_RULE = "summitry-coder:same-actors-root-date-modality:v1"
_DATASET = "summitry-coder"
GROUP_STEP = "group:" + _DATASET  # marked by each batch the coder writes, cleared here


def group_reports(store: Store) -> int:
    """Recompute the coder's event groups; return the number of groups."""
    with store.transaction() as con:
        con.execute("UPDATE events SET group_id = NULL WHERE dataset = ?", [_DATASET])
        con.execute("DELETE FROM event_groups WHERE rule = ?", [GROUP_RULE])
        con.execute(
            """
            UPDATE events SET group_id = g.gid FROM (
              SELECT event_id, 'grp:' || substr(md5(concat_ws('|',
                CASE WHEN cameo_root = '04' OR cameo_code = '036'
                     THEN least(source_actor_id, coalesce(target_actor_id, ''))
                     ELSE source_actor_id END,
                CASE WHEN cameo_root = '04' OR cameo_code = '036'
                     THEN greatest(source_actor_id, coalesce(target_actor_id, ''))
                     ELSE coalesce(target_actor_id, '') END,
                CASE WHEN cameo_code = '036' THEN '036' ELSE cameo_root END,
                CAST(event_date AS VARCHAR), modality)), 1, 20) AS gid
              FROM events
              WHERE dataset = ? AND event_date IS NOT NULL AND cameo_root <> '01'
            ) AS g
            WHERE events.event_id = g.event_id
            """,
            [_DATASET],
        )
        con.execute(
            """
            INSERT INTO event_groups
            SELECT group_id, 'extracted', min(event_date), max(event_date),
                   any_value(source_actor_id), any_value(source_code),
                   any_value(target_actor_id), any_value(target_code),
                   any_value(cameo_root), count(*), ?
            FROM events WHERE dataset = ? AND group_id IS NOT NULL GROUP BY group_id
            """,
            [GROUP_RULE, _DATASET],
        )
        (n,) = con.execute(
            "SELECT count(*) FROM event_groups WHERE rule = ?", [GROUP_RULE]
        ).fetchone()
        pending.clear(con, GROUP_STEP)
        fault_point("code.grouped")
    return n


def group_if_pending(store: Store) -> int | None:
    """Regroup when a run ended (was killed) between writing events and grouping them."""
    return group_reports(store) if pending.is_pending(store.con, GROUP_STEP) else None
