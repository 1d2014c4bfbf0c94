"""Select events with filters, and write them as table rows, CSV, JSON or Parquet.

``--gdelt-columns`` renames the columns to the GDELT 2.0 event table names so that
tools written for GDELT read summitry output unchanged.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

GDELT_COLUMNS: list[tuple[str, str]] = [
    ("event_id", "GLOBALEVENTID"),
    ("strftime(event_date, '%Y%m%d')", "SQLDATE"),
    ("source_code", "Actor1Code"),
    ("source_text", "Actor1Name"),
    ("source_iso3", "Actor1CountryCode"),
    ("target_code", "Actor2Code"),
    ("target_text", "Actor2Name"),
    ("target_iso3", "Actor2CountryCode"),
    ("CASE WHEN modality = 'asserted' THEN 1 ELSE 0 END", "IsRootEvent"),
    ("cameo_code", "EventCode"),
    ("cameo_root", "EventRootCode"),
    ("quad_class", "QuadClass"),
    ("goldstein", "GoldsteinScale"),
    ("coalesce(num_mentions, 1)", "NumMentions"),
    ("coalesce(num_sources, 1)", "NumSources"),
    ("coalesce(num_articles, 1)", "NumArticles"),
    ("avg_tone", "AvgTone"),
    ("location_name", "ActionGeo_FullName"),
    ("location_iso3", "ActionGeo_CountryCode"),
    ("lat", "ActionGeo_Lat"),
    ("lon", "ActionGeo_Long"),
    ("strftime(created_at, '%Y%m%d%H%M%S')", "DATEADDED"),
    ("source_url", "SOURCEURL"),
    ("source_actor_id", "summitry_Actor1Id"),
    ("target_actor_id", "summitry_Actor2Id"),
    ("modality", "summitry_Modality"),
    ("plover_type", "summitry_PloverType"),
]
DEFAULT_COLUMNS = [
    "event_id",
    "event_date",
    "origin",
    "source_actor_id",
    "cameo_code",
    "plover_type",
    "target_actor_id",
    "modality",
    "location_name",
    "topics",
    "doc_id",
    "sent_idx",
    "start_char",
    "end_char",
    "trigger_text",
    "speaker_actor_id",
    "type_origin",
    "model_score",
    "rule",
]


@dataclass
class EventFilter:
    actor: str | None = None
    dyad: tuple[str, str] | None = None
    type: str | None = None
    topic: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    source: str | None = None
    modality: str | None = None
    min_score: float | None = None  # the classifier's score of the event's type
    type_origin: str | None = None  # rule | model | both


TABLE_COLUMNS = [
    "event_date",
    "source_actor_id",
    "cameo_code",
    "plover_type",
    "target_actor_id",
    "modality",
    "location_name",
    "trigger_text",
    "origin",
    "type_origin",
    "model_score",
]


def build_query(f: EventFilter, gdelt: bool = False, compact: bool = False) -> tuple[str, list]:
    where, params = ["1=1"], []
    if f.actor:
        where.append(
            "(source_actor_id = ? OR target_actor_id = ? OR source_iso3 = ? OR target_iso3 = ?)"
        )
        params += [f.actor] * 4
    if f.dyad:
        a, b = f.dyad
        where.append(
            "((source_actor_id = ? OR source_iso3 = ?)"
            " AND (target_actor_id = ? OR target_iso3 = ?)"
            " OR (source_actor_id = ? OR source_iso3 = ?)"
            " AND (target_actor_id = ? OR target_iso3 = ?))"
        )
        params += [a, a, b, b, b, b, a, a]
    if f.type:
        t = f.type.strip()
        if t.isdigit():
            where.append("(cameo_code LIKE ? OR cameo_root = ?)")
            params += [t + "%", t]
        else:
            where.append("upper(plover_type) = upper(?)")
            params.append(t)
    if f.topic:
        where.append("list_contains(topics, ?)")
        params.append(f.topic)
    if f.date_from:
        where.append("event_date >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append("event_date <= ?")
        params.append(f.date_to)
    if f.source:
        where.append("origin = ?")
        params.append(f.source)
    if f.modality:
        where.append("modality = ?")
        params.append(f.modality)
    if f.min_score is not None:  # events the model did not score (NULL) are left out
        where.append("model_score >= ?")
        params.append(f.min_score)
    if f.type_origin:
        where.append("type_origin = ?")
        params.append(f.type_origin)
    cols = (
        ", ".join(f'{expr} AS "{name}"' for expr, name in GDELT_COLUMNS)
        if gdelt
        else ", ".join(TABLE_COLUMNS if compact else DEFAULT_COLUMNS)
    )
    sql = f"SELECT {cols} FROM events WHERE {' AND '.join(where)} ORDER BY event_date, event_id"
    return sql, params


def write_events(con, sql: str, params: list, out: Path, fmt: str) -> int:
    """Write the selection to ``out`` atomically (temp file + rename); return the row count."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    opts = {
        "csv": "FORMAT CSV, HEADER",
        "json": "FORMAT JSON, ARRAY true",
        "jsonl": "FORMAT JSON",
        "parquet": "FORMAT PARQUET",
    }[fmt]
    try:
        n = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
        path = str(tmp).replace("'", "''")
        con.execute(f"COPY ({sql}) TO '{path}' ({opts})", params)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return n
