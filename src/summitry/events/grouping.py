"""Group reports that describe the same real-world event (``event_groups``,
``events.group_id``), so that counts are of events, not of reports.

One entry point, :func:`group_reports`, for every dataset. Two rules, because the two kinds
of report carry different evidence:

- ``SAME_DAY_RULE`` (reports the coder extracted from text): same actors (unordered for the
  consult family 04 and intent to meet 036, ordered otherwise), same CAMEO root, the same
  event date and the same modality. The coder resolves each event's own date from its
  sentence, so one event has one date, and modality tells a planned meeting from a held one.
  Statements (01) are not grouped: two statements on one day are usually two statements.
  Events dated only by publication are grouped by that date, so reports of one meeting
  published on different days stay apart (a conservative, under-merging choice).
- ``ADJACENT_DAYS_RULE`` (rows of GDELT, ICEWS, POLECAT): same source and target (actor id,
  else the dataset's actor code, else the actor text, case-folded), same CAMEO root (PLOVER
  type for POLECAT), dates on the same or adjacent days chained (datasets date a row by the
  article, which may run a day late), and the same place (coordinates rounded to 0.1 degree,
  else the place name, else the country), or the same source URL. Rows without a date are
  their own group; the group id is ``grp:<first event_id>`` so that ids stay stable where
  groups do not change after a new import.
"""

from __future__ import annotations

from typing import NamedTuple

from summitry.faults import fault_point
from summitry.store import pending

CODER_DATASET = "summitry-coder"
SAME_DAY_RULE = "summitry-coder:same-actors-root-date-modality:v1"
ADJACENT_DAYS_RULE = "group-reports:1"


class Grouped(NamedTuple):
    reports: int
    groups: int


def grouping_step(dataset: str) -> str:
    """The pending step (``store.pending``) that a batch of ``dataset``'s reports marks in
    its transaction and :func:`group_reports` clears in its own: a run killed in between is
    regrouped by the next one."""
    return f"group:{dataset}"


def group_reports(store, dataset: str = CODER_DATASET) -> Grouped:
    """(Re)build the groups of ``dataset``'s reports; the coder's by ``SAME_DAY_RULE``,
    every imported dataset's by ``ADJACENT_DAYS_RULE``."""
    with store.transaction() as con:
        if dataset == CODER_DATASET:
            done = _group_same_day(con, dataset)
        else:
            done = _group_adjacent_days(con, dataset)
        pending.clear(con, grouping_step(dataset))
        fault_point("events.grouped", dataset)
    return done


def pending_groupings(store) -> list[str]:
    """Datasets whose grouping a killed run left undone."""
    return pending.pending(store.con, grouping_step(""))


def regroup_if_pending(store, dataset: str = CODER_DATASET) -> Grouped | None:
    """Regroup ``dataset`` when a run ended between writing its reports and grouping them."""
    if dataset not in pending_groupings(store):
        return None
    return group_reports(store, dataset)


def _write_groups(con, origin: str, rule: str, keys_sql: str, params: list) -> None:
    """Insert one ``event_groups`` row per group of ``keys_sql`` (event_id, gid).

    A group's sides and root are those of one of its reports, so that they never mix the
    source of one report with the target of another, and do not depend on the order the
    rows are read in: the report of the group's most frequent (source, target) pair, ties
    broken by the smallest event id."""
    con.execute(
        f"""
        INSERT INTO event_groups
        WITH r AS (
          SELECT k.gid, e.event_id, e.event_date, e.source_actor_id, e.source_code,
                 e.target_actor_id, e.target_code, e.cameo_root,
                 count(*) OVER (PARTITION BY k.gid, e.source_actor_id, e.source_code,
                                e.target_actor_id, e.target_code) AS n_pair
          FROM ({keys_sql}) k JOIN events e USING (event_id)
        ), rep AS (
          SELECT * FROM r
          QUALIFY row_number() OVER (PARTITION BY gid ORDER BY n_pair DESC, event_id) = 1
        ), span AS (
          SELECT gid, min(event_date) AS first_date, max(event_date) AS last_date,
                 count(*) AS n
          FROM r GROUP BY gid
        )
        SELECT s.gid, ?, s.first_date, s.last_date, p.source_actor_id, p.source_code,
               p.target_actor_id, p.target_code, p.cameo_root, s.n, ?
        FROM span s JOIN rep p USING (gid)
        """,
        [*params, origin, rule],
    )


def _group_same_day(con, dataset: str) -> Grouped:
    con.execute("UPDATE events SET group_id = NULL WHERE dataset = ?", [dataset])
    con.execute("DELETE FROM event_groups WHERE rule = ?", [SAME_DAY_RULE])
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
        [dataset],
    )
    keys = "SELECT event_id, group_id AS gid FROM events WHERE dataset = ? AND group_id IS NOT NULL"
    _write_groups(con, "extracted", SAME_DAY_RULE, keys, [dataset])
    reports, groups = con.execute(
        "SELECT count(*), count(DISTINCT group_id) FROM events WHERE dataset = ? "
        "AND group_id IS NOT NULL",
        [dataset],
    ).fetchone()
    return Grouped(int(reports), int(groups))


def _group_adjacent_days(con, dataset: str) -> Grouped:
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
        [f"grp:{dataset}:%", ADJACENT_DAYS_RULE],
    )
    _write_groups(
        con, "imported", ADJACENT_DAYS_RULE, "SELECT event_id, 'grp:' || g AS gid FROM grp_keys", []
    )
    con.execute(
        "UPDATE events SET group_id = 'grp:' || k.g FROM grp_keys k "
        "WHERE events.event_id = k.event_id AND events.group_id IS DISTINCT FROM 'grp:' || k.g"
    )
    reports, groups = con.execute("SELECT count(*), count(DISTINCT g) FROM grp_keys").fetchone()
    con.execute("DROP TABLE IF EXISTS grp_keys")
    return Grouped(int(reports), int(groups))
