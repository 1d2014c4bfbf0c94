"""The SQL that maps a staged batch (temp table ``stage``) to the store's tables.

One pass over the files: ``read_csv`` materialises in ``stage`` (whose rowid gives line
numbers) every typed column (so that a bad number is rejected) and the text columns that
validation, mapping and loading use (``stage_columns``); ``staged_view`` adds mapped values
(``_code``, ``_src_iso3``...), ``_reason`` (why a row cannot be loaded, NULL when it can) and
``_keep`` (valid and passing the user's filters); ``INSERT ... SELECT`` loads from it.
With GDELT filters, ``stage`` keeps values only for rows meeting ``gdelt_prefilter`` (a
condition on raw columns that every row passing the filters meets) and the view skips the rest.
"""

from __future__ import annotations

import itertools
import re
import string
from functools import lru_cache

from summitry.codes import cameo_country
from summitry.eventdata.detect import FileFormat

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

EVENT_COLUMNS = (
    "event_id, origin, dataset, dataset_row_id, event_date, date_text, "
    "source_actor_id, source_text, source_code, source_iso3, "
    "target_actor_id, target_text, target_code, target_iso3, "
    "cameo_code, cameo_root, quad_class, goldstein, plover_type, plover_mode, modality, "
    "location_name, location_iso3, lat, lon, topics, source_url, "
    "num_mentions, num_sources, num_articles, avg_tone, rule, created_at, publisher, story_ref"
)


def q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _is_gdelt(kind: str) -> bool:
    return kind in ("gdelt1", "gdelt2")


def maps_for(kind: str) -> list[tuple[str, str, list[str]]]:
    """(temp table, mapper, column expressions over ``stage``) to build per batch."""
    if _is_gdelt(kind):
        return [
            ("m_code", "cameo", ["EventCode"]),
            (
                "m_cty",
                "cameo_country",
                [
                    "Actor1CountryCode",
                    "Actor2CountryCode",
                    "left(Actor1Code, 3)",
                    "left(Actor2Code, 3)",
                ],
            ),
            ("m_act", "actor_id", ["Actor1Code", "Actor2Code"]),
            ("m_fips", "fips", ["ActionGeo_CountryCode"]),
        ]
    if kind == "icews":
        return [
            ("m_code", "cameo", [q("CAMEO Code")]),
            (
                "m_name",
                "country_name",
                [
                    q("Source Country"),
                    q("Target Country"),
                    q("Country"),
                    q("Source Name"),
                    q("Target Name"),
                ],
            ),
        ]
    if kind == "polecat":
        return [
            (
                "m_name",
                "country_name",
                [
                    q("Actor Country"),
                    q("Recipient Country"),
                    q("Country"),
                    q("Actor Name"),
                    q("Recipient Name"),
                ],
            )
        ]
    return []


def _mapped(kind: str) -> tuple[str, str]:
    """(extra select columns, joins) adding mapped values to ``stage s``."""
    if _is_gdelt(kind):
        cols = (
            "mc.v AS _code, coalesce(c1.v, c1b.v) AS _src_iso3, "
            "coalesce(c2.v, c2b.v) AS _tgt_iso3, a1.v AS _src_id, a2.v AS _tgt_id, "
            "f.v AS _loc_iso3"
        )
        joins = (
            "LEFT JOIN m_code mc ON mc.k = s.EventCode "
            "LEFT JOIN m_cty c1 ON c1.k = s.Actor1CountryCode "
            "LEFT JOIN m_cty c1b ON c1b.k = left(s.Actor1Code, 3) "
            "LEFT JOIN m_cty c2 ON c2.k = s.Actor2CountryCode "
            "LEFT JOIN m_cty c2b ON c2b.k = left(s.Actor2Code, 3) "
            "LEFT JOIN m_act a1 ON a1.k = s.Actor1Code "
            "LEFT JOIN m_act a2 ON a2.k = s.Actor2Code "
            "LEFT JOIN m_fips f ON f.k = s.ActionGeo_CountryCode"
        )
        return cols, joins
    if kind == "icews":
        cols = (
            "mc.v AS _code, n1.v AS _src_iso3, n2.v AS _tgt_iso3, sn.v AS _src_id, "
            "tn.v AS _tgt_id, nl.v AS _loc_iso3"
        )
        joins = (
            f"LEFT JOIN m_code mc ON mc.k = s.{q('CAMEO Code')} "
            f"LEFT JOIN m_name n1 ON n1.k = s.{q('Source Country')} "
            f"LEFT JOIN m_name n2 ON n2.k = s.{q('Target Country')} "
            f"LEFT JOIN m_name sn ON sn.k = s.{q('Source Name')} "
            f"LEFT JOIN m_name tn ON tn.k = s.{q('Target Name')} "
            f"LEFT JOIN m_name nl ON nl.k = s.{q('Country')}"
        )
        return cols, joins
    if kind == "polecat":
        cols = (
            "n1.v AS _src_iso3, n2.v AS _tgt_iso3, sn.v AS _src_id, tn.v AS _tgt_id, "
            "nl.v AS _loc_iso3"
        )
        joins = (
            f"LEFT JOIN m_name n1 ON n1.k = s.{q('Actor Country')} "
            f"LEFT JOIN m_name n2 ON n2.k = s.{q('Recipient Country')} "
            f"LEFT JOIN m_name sn ON sn.k = s.{q('Actor Name')} "
            f"LEFT JOIN m_name tn ON tn.k = s.{q('Recipient Name')} "
            f"LEFT JOIN m_name nl ON nl.k = s.{q('Country')}"
        )
        return cols, joins
    return "", ""


def _shown(expr: str) -> str:
    return f"coalesce('''' || {expr} || '''', 'nothing')"


def _reason(kind: str) -> str:
    if _is_gdelt(kind):
        return (
            "CASE WHEN GLOBALEVENTID IS NULL THEN 'GLOBALEVENTID: expected an integer, got nothing'"
            " WHEN try_strptime(SQLDATE, '%Y%m%d') IS NULL THEN "
            f"'SQLDATE: expected a date YYYYMMDD, got ' || {_shown('SQLDATE')}"
            " WHEN _code IS NULL THEN "
            f"'EventCode: expected a CAMEO event code, got ' || {_shown('EventCode')} END"
        )
    if kind in ("icews", "polecat"):
        date_col = q("Event Date")
        tail = (
            f" WHEN _code IS NULL THEN 'CAMEO Code: expected a CAMEO event code, got ' || "
            f"{_shown(q('CAMEO Code'))}"
            if kind == "icews"
            else f" WHEN upper(trim({q('Event Type')})) NOT IN "
            f"({', '.join(repr(t) for t in PLOVER_TYPES)}) THEN "
            f"'Event Type: expected a PLOVER event type, got ' || {_shown(q('Event Type'))}"
        )
        return (
            f"CASE WHEN {q('Event ID')} IS NULL THEN 'Event ID: missing'"
            f" WHEN try_cast(left({date_col}, 10) AS DATE) IS NULL THEN "
            f"'Event Date: expected a date YYYY-MM-DD, got ' || {_shown(date_col)}"
            f"{tail} END"
        )
    if kind == "gdelt-mentions":
        return (
            "CASE WHEN GLOBALEVENTID IS NULL THEN 'GLOBALEVENTID: expected an integer' "
            "WHEN MentionIdentifier IS NULL THEN 'MentionIdentifier: missing' END"
        )
    if kind == "gkg":
        return "CASE WHEN GKGRECORDID IS NULL THEN 'GKGRECORDID: missing' END"
    raise ValueError(kind)


# Text columns that validation and mapping need (``stage`` also keeps every typed column, so
# that DuckDB rejects a bad number there, and the text columns ``insert_sql`` loads).
NEEDED = {
    "gdelt1": [
        "GLOBALEVENTID",
        "SQLDATE",
        "EventCode",
        "Actor1CountryCode",
        "Actor2CountryCode",
        "Actor1Code",
        "Actor2Code",
        "ActionGeo_CountryCode",
    ],
    "icews": [
        "Event ID",
        "Event Date",
        "CAMEO Code",
        "Source Country",
        "Target Country",
        "Country",
        "Source Name",
        "Target Name",
    ],
    "polecat": [
        "Event ID",
        "Event Date",
        "Event Type",
        "Actor Country",
        "Recipient Country",
        "Country",
        "Actor Name",
        "Recipient Name",
    ],
    "gdelt-mentions": ["GLOBALEVENTID", "MentionIdentifier"],
    "gkg": ["GKGRECORDID", "V2DOCUMENTIDENTIFIER"],
}
NEEDED["gdelt2"] = NEEDED["gdelt1"]


def _used_in(name: str, sql: str) -> bool:
    if q(name) in sql:
        return True
    return re.search(rf"(?<![\w\"]){re.escape(name)}(?![\w\"])", sql) is not None


def stage_columns(fmt: FileFormat) -> list[str]:
    """Columns ``stage`` keeps, in file order: every typed column and the text columns that
    validation, mapping (``NEEDED``) and loading (``insert_sql``) use."""
    needed = set(NEEDED[fmt.kind])
    load = insert_sql(fmt, "x", "x")
    return [n for n, t in fmt.all_columns if t != "VARCHAR" or n in needed or _used_in(n, load)]


def read_sql(read_csv: str, fmt: FileFormat) -> str:
    """The file scan, with NULL columns for canonical columns the file lacks."""
    if not fmt.missing:
        return read_csv
    nulls = ", ".join(f"CAST(NULL AS {t}) AS {q(n)}" for n, t in fmt.missing)
    return f"(SELECT *, {nulls} FROM {read_csv})"


def staged_view(kind: str, keep: str, where: str = "true") -> str:
    """A view of the rows of ``stage s`` meeting ``where``, with mapped values, ``_rid``,
    ``_reason`` (why a row cannot be loaded), ``_match`` (it passes the user's filter
    ``keep``) and ``_keep`` (both)."""
    cols, joins = _mapped(kind)
    extra = f", {cols}" if cols else ""
    return (
        "CREATE OR REPLACE TEMP VIEW staged AS SELECT *, "
        "_reason IS NULL AND _match AS _keep FROM ("
        f"SELECT *, {_reason(kind)} AS _reason, coalesce(({keep}), false) AS _match FROM ("
        f"SELECT s.*, s.rowid AS _rid{extra} FROM stage s {joins} WHERE {where}))"
    )


@lru_cache(maxsize=64)
def _cameo_country_codes(isos: frozenset[str]) -> frozenset[str]:
    """Every 3-letter CAMEO country code that ``cameo_country`` maps into ``isos``."""
    letters = string.ascii_uppercase
    return frozenset(
        k for k in map("".join, itertools.product(letters, repeat=3)) if cameo_country(k) in isos
    )


def gdelt_prefilter(actors: frozenset[str], codes: tuple[str, ...]) -> str:
    """A condition on raw GDELT columns met by every row that passes ``--actors``/``--codes``
    (a superset, checked before any mapping, so that the read can drop the other rows).

    Actors: the mapped country (``cameo_country`` of the stripped, upper-cased first three
    letters of a country or actor code), the raw codes and the actor id all contain one of
    the given codes, a CAMEO code mapped to one, or ``IGO`` (organisations) as a substring
    of an upper-cased actor column. Codes: the mapped CAMEO code is the digits of EventCode,
    perhaps with one leading zero restored, so its first digits are the prefix, or the
    prefix without its leading zero. Returns ``"true"`` when nothing can be said.
    """
    parts = []
    if actors:
        wanted = frozenset(a.upper() for a in actors)
        keys = sorted(wanted | _cameo_country_codes(wanted) | {"IGO"})
        text = "upper(concat_ws(' ', Actor1CountryCode, Actor2CountryCode, Actor1Code, Actor2Code))"
        parts.append(
            "("
            + " OR ".join(f"contains({text}, '{k.replace(chr(39), chr(39) * 2)}')" for k in keys)
            + ")"
        )
    if codes and all(c.isascii() and c.isdigit() for c in codes):
        alts = sorted(set(codes) | {c[1:] for c in codes if c.startswith("0")})
        if "" not in alts:
            parts.append(f"regexp_matches(EventCode, '^[^0-9]*(?:{'|'.join(alts)})')")
    return " AND ".join(parts) if parts else "true"


def actor_filter(kind: str) -> str:
    if _is_gdelt(kind):
        return (
            "list_value(_src_iso3, _tgt_iso3, Actor1CountryCode, Actor2CountryCode, "
            "left(Actor1Code, 3), left(Actor2Code, 3), _src_id, _tgt_id)"
        )
    return "list_value(_src_iso3, _tgt_iso3, _src_id, _tgt_id)"


def target_table(kind: str) -> str:
    return {"gdelt-mentions": "gdelt_mentions", "gkg": "gkg"}.get(kind, "events")


def insert_sql(fmt: FileFormat, dataset: str, rule: str, verb: str = "INSERT OR IGNORE") -> str:
    """``verb`` (``INSERT`` or ``INSERT OR IGNORE``) the kept rows of ``staged``."""
    kind = fmt.kind
    names = {n for n, _ in fmt.all_columns}
    r = f"'{rule}'"
    if _is_gdelt(kind):
        url = "SOURCEURL" if "SOURCEURL" in names else "NULL"
        geo = "coalesce(ActionGeo_Type, 0) > 0"
        select = f"""
          '{dataset}:' || GLOBALEVENTID, 'imported', '{dataset}', CAST(GLOBALEVENTID AS VARCHAR),
          CAST(strptime(SQLDATE, '%Y%m%d') AS DATE), SQLDATE,
          _src_id, Actor1Name, Actor1Code, _src_iso3,
          _tgt_id, Actor2Name, Actor2Code, _tgt_iso3,
          _code, ce.root,
          CASE WHEN QuadClass BETWEEN 1 AND 4 THEN QuadClass ELSE ce.quad_class END,
          coalesce(GoldsteinScale, ce.goldstein), cp.plover_type, cp.plover_mode, 'asserted',
          CASE WHEN {geo} THEN ActionGeo_FullName END, CASE WHEN {geo} THEN _loc_iso3 END,
          CASE WHEN {geo} THEN ActionGeo_Lat END, CASE WHEN {geo} THEN ActionGeo_Long END,
          NULL, NULLIF({url}, ''), NumMentions, NumSources, NumArticles, AvgTone, {r}, now(),
          NULL, NULL"""
        return _events_insert(select, verb)
    if kind == "icews":
        loc = (
            "NULLIF(concat_ws(', ', "
            + ", ".join(q(c) for c in ("City", "District", "Province", "Country"))
            + "), '')"
        )
        select = f"""
          'icews:' || {q("Event ID")}, 'imported', 'icews', {q("Event ID")},
          CAST(left({q("Event Date")}, 10) AS DATE), {q("Event Date")},
          _src_id, {q("Source Name")}, NULL, _src_iso3,
          _tgt_id, {q("Target Name")}, NULL, _tgt_iso3,
          _code, ce.root, ce.quad_class, coalesce({q("Intensity")}, ce.goldstein),
          cp.plover_type, cp.plover_mode, 'asserted',
          {loc}, _loc_iso3, {q("Latitude")}, {q("Longitude")},
          NULL, NULL, NULL, NULL, NULL, NULL, {r}, now(),
          {q("Publisher")}, NULLIF(concat_ws('/', {q("Story ID")}, {q("Sentence Number")}), '')"""
        return _events_insert(select, verb)
    if kind == "polecat":
        quad = (
            f"CASE lower(trim({q('Quad Code')})) WHEN 'verbal cooperation' THEN 1 "
            "WHEN 'material cooperation' THEN 2 WHEN 'verbal conflict' THEN 3 "
            f"WHEN 'material conflict' THEN 4 ELSE try_cast({q('Quad Code')} AS TINYINT) END"
        )
        loc = (
            f"coalesce({q('Placename')}, NULLIF(concat_ws(', ', "
            + ", ".join(q(c) for c in ("City", "District", "Province", "Country"))
            + "), ''))"
        )
        select = f"""
          'polecat:' || {q("Event ID")}, 'imported', 'polecat', {q("Event ID")},
          CAST(left({q("Event Date")}, 10) AS DATE), {q("Event Date")},
          _src_id, coalesce({q("Actor Name")}, {q("Actor Name Raw")}),
          {q("Primary Actor Sector")}, _src_iso3,
          _tgt_id, coalesce({q("Recipient Name")}, {q("Recipient Name Raw")}),
          {q("Primary Recipient Sector")}, _tgt_iso3,
          NULL, NULL, {quad}, {q("Intensity")},
          upper(trim({q("Event Type")})), NULLIF(lower(trim({q("Event Mode")})), ''), 'asserted',
          {loc}, _loc_iso3, {q("Latitude")}, {q("Longitude")},
          regexp_split_to_array(NULLIF(trim({q("Contexts")}, ' ;,'), ''), '\\s*[;,]\\s*'),
          NULL, NULL, NULL, NULL, NULL, {r}, now(), {q("Source")}, NULL"""
        return f"{verb} INTO events ({EVENT_COLUMNS}) SELECT {select} FROM staged WHERE _keep"
    if kind == "gdelt-mentions":
        return f"""
          {verb} INTO gdelt_mentions
          SELECT GLOBALEVENTID, 'gdelt2:' || GLOBALEVENTID, EventTimeDate, MentionTimeDate,
                 MentionType, MentionSourceName, MentionIdentifier, coalesce(SentenceID, 0),
                 Actor1CharOffset, Actor2CharOffset, ActionCharOffset, InRawText, Confidence,
                 MentionDocLen, MentionDocTone, MentionDocTranslationInfo, src.source
          FROM staged JOIN src_map src USING (filename) WHERE _keep"""
    if kind == "gkg":

        def lst(col: str) -> str:
            return f"string_split(NULLIF(trim({col}, ';'), ''), ';')"

        tone = "string_split(V15TONE, ',')"
        return f"""
          {verb} INTO gkg
          SELECT GKGRECORDID, V21DATE, try_cast(V2SOURCECOLLECTIONIDENTIFIER AS INTEGER),
                 V2SOURCECOMMONNAME, V2DOCUMENTIDENTIFIER,
                 {lst("V1THEMES")}, {lst("V1PERSONS")}, {lst("V1ORGANIZATIONS")},
                 V2ENHANCEDLOCATIONS,
                 try_cast({tone}[1] AS DOUBLE), try_cast({tone}[2] AS DOUBLE),
                 try_cast({tone}[3] AS DOUBLE), try_cast({tone}[4] AS DOUBLE),
                 V21QUOTATIONS, V21ALLNAMES, src.source
          FROM staged JOIN src_map src USING (filename) WHERE _keep"""
    raise ValueError(kind)


def _events_insert(select: str, verb: str) -> str:
    return (
        f"{verb} INTO events ({EVENT_COLUMNS}) SELECT {select} FROM staged "
        "LEFT JOIN codes_cameo ce ON ce.code = _code "
        "LEFT JOIN codes_plover cp ON cp.code = _code WHERE _keep"
    )
