"""Reading actor files (shipped and user-supplied): CSV or YAML, one shape for both.

Actor files (CSV, UTF-8, header row) have the columns

    actor_id      required; countries ISO3 ("RUS"), IGOs short codes ("NATO"),
                  people "person:<slug of name>" (e.g. person:vladimir-putin)
    name          required; canonical English name
    kind          country|igo|person|organisation|group (default: person if the id
                  starts with "person:", else organisation)
    iso3          country the actor belongs to
    cameo_code    CAMEO actor code, if any
    aliases       other names separated by ";" ("Erdogan;Tayyip Erdogan")
    surname       people: the name used alone ("Putin", "Xi"); default the last word
    source_url    where the row's facts come from (required in shipped files)
    note          free text

and optionally, to give the actor a role on the same row (repeat the actor columns on
each row for several roles):

    role          head_of_state|head_of_government|foreign_minister|defence_minister|
                  party_leader|vice_president|... (free-form others allowed)
    role_iso3     country of the role (default: iso3)
    start_date    ISO date, first day in office (inclusive)
    end_date      ISO date the successor took office (exclusive); empty = still in office
    acting        "1"/"true" for acting or interim holders

Role files (like the shipped roles.csv) have no ``name`` column: actor_id, role, iso3,
start_date, end_date, acting, source_url, note.

YAML files hold a list of mappings with the actor columns above, ``aliases`` as a list, and
``roles`` as a list of mappings {role, iso3, start_date, end_date, acting, source_url}.

PETRARCH/Phoenix actor dictionaries (``NAME [CODE]`` entries, ``+SYNONYM`` lines, dated
``[CODE yymmdd-yymmdd]`` lines; e.g. the open ``Phoenix.Countries.actors.txt``) are read by
:func:`summitry.petrarch.dictionaries.read_actors` and mapped onto the KB by
:mod:`summitry.actors.phoenix` (their CAMEO codes need the KB to resolve). They
are recognised by the extension ``.actors``/``.actor``, or for ``.txt`` and other names by
their first entry lines; ``fmt="phoenix"`` (CLI ``--actors-format phoenix``) forces it.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from summitry.actors.model import Actor, Role
from summitry.petrarch.dictionaries import DictionaryError, read_actors

KINDS = {"country", "igo", "person", "organisation", "group", "sector"}
FORMATS = ("csv", "yaml", "phoenix")
PHOENIX_SUFFIXES = {".actors", ".actor"}
# a dictionary entry line with a code: NAME [CODE ...] or an indented [CODE date-date] line
_PHOENIX_ENTRY = re.compile(r"^\s*\+?[^\[\],]*\[[^\[\]~]+\]")
TRUE = {"1", "true", "yes", "y"}


class ActorFileError(ValueError):
    """A bad row or field in an actor file (the message names file, line and field)."""


@dataclass
class ParsedFile:
    actors: list[tuple[Actor, int]]
    roles: list[tuple[Role, int]]
    # a PETRARCH/Phoenix file: its parsed entries (an ActorDictionary), mapped by the KB
    dictionary: Any = None
    problems: list[str] = field(default_factory=list)  # lines skipped with strict=False


def _date(value: object, where: str, field: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ActorFileError(
            f"{where}: field '{field}': expected an ISO date YYYY-MM-DD, got {value!r}"
        ) from None


def _clean(value: object) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return s or None


def _aliases(value: object) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    items = value if isinstance(value, list | tuple) else str(value).split(";")
    return tuple(a for a in (str(x).strip() for x in items) if a)


def actor_from_row(row: dict, where: str, origin: str) -> Actor:
    actor_id = _clean(row.get("actor_id"))
    name = _clean(row.get("name"))
    if not actor_id:
        raise ActorFileError(f"{where}: field 'actor_id': required, got nothing")
    if not name:
        raise ActorFileError(f"{where}: field 'name': required, got nothing")
    kind = _clean(row.get("kind")) or (
        "person" if actor_id.startswith("person:") else "organisation"
    )
    if kind not in KINDS:
        raise ActorFileError(
            f"{where}: field 'kind': expected one of {sorted(KINDS)}, got {kind!r}"
        )
    return Actor(
        actor_id=actor_id,
        name=name,
        kind=kind,
        iso3=_clean(row.get("iso3")),
        cameo_code=_clean(row.get("cameo_code")),
        aliases=_aliases(row.get("aliases")),
        surname=_clean(row.get("surname")),
        origin=_clean(row.get("origin")) or origin,
        source_url=_clean(row.get("source_url")),
        note=_clean(row.get("note")),
    )


def role_from_row(
    row: dict, where: str, origin: str, actor_id: str | None = None, iso3: str | None = None
) -> Role:
    aid = actor_id or _clean(row.get("actor_id"))
    role = _clean(row.get("role"))
    if not aid:
        raise ActorFileError(f"{where}: field 'actor_id': required, got nothing")
    if not role:
        raise ActorFileError(f"{where}: field 'role': required, got nothing")
    start = _date(row.get("start_date"), where, "start_date")
    end = _date(row.get("end_date"), where, "end_date")
    if start and end and end < start:
        raise ActorFileError(f"{where}: field 'end_date': {end} is before start_date {start}")
    return Role(
        actor_id=aid,
        role=role,
        iso3=_clean(row.get("role_iso3")) or _clean(row.get("iso3")) or iso3,
        start=start,
        end=end,
        acting=str(row.get("acting") or "").strip().lower() in TRUE,
        origin=origin,
        source_url=_clean(row.get("source_url")),
        note=_clean(row.get("note")),
    )


def read_csv(path: Path, origin: str) -> ParsedFile:
    out = ParsedFile([], [])
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            cols = set(reader.fieldnames or ())
            if "actor_id" not in cols or not ({"name", "role"} & cols):
                raise ActorFileError(
                    f"{path}: line 1: expected a header with actor_id and name (actor file) "
                    f"or actor_id and role (role file), got {sorted(cols)}"
                )
            for row in reader:
                where = f"{path}: line {reader.line_num}"
                if "name" in cols:
                    actor = actor_from_row(row, where, origin)
                    out.actors.append((actor, reader.line_num))
                    if _clean(row.get("role")):
                        out.roles.append(
                            (
                                role_from_row(row, where, origin, actor.actor_id, actor.iso3),
                                reader.line_num,
                            )
                        )
                else:
                    out.roles.append((role_from_row(row, where, origin), reader.line_num))
    except UnicodeDecodeError as exc:
        raise ActorFileError(f"{path}: expected UTF-8 text ({exc.reason})") from None
    return out


def read_yaml(path: Path, origin: str) -> ParsedFile:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ActorFileError(f"{path}: not valid YAML ({exc})") from None
    if data is None:
        return ParsedFile([], [])
    if isinstance(data, dict) and "actors" in data:
        data = data["actors"]
    if not isinstance(data, list):
        raise ActorFileError(f"{path}: expected a list of actor mappings at the top level")
    out = ParsedFile([], [])
    for i, item in enumerate(data, 1):
        where = f"{path}: item {i}"
        if not isinstance(item, dict):
            raise ActorFileError(f"{where}: expected a mapping with actor_id and name")
        actor = actor_from_row(item, where, origin)
        out.actors.append((actor, i))
        roles = item.get("roles") or []
        if not isinstance(roles, list):
            raise ActorFileError(f"{where}: field 'roles': expected a list of mappings")
        for j, r in enumerate(roles, 1):
            if not isinstance(r, dict):
                raise ActorFileError(
                    f"{where} role {j}: expected a mapping with role and start_date"
                )
            out.roles.append(
                (role_from_row(r, f"{where} role {j}", origin, actor.actor_id, actor.iso3), i)
            )
    return out


def detect_format(path: str | Path, fmt: str | None = None) -> str:
    """``csv``, ``yaml`` or ``phoenix`` for an actor file: ``fmt`` if given, else by extension
    (``.csv``, ``.yaml``/``.yml``, ``.actors``) and, for ``.txt`` or anything else, by content
    (a CSV header naming ``actor_id``, or PETRARCH ``NAME [CODE]`` entry lines)."""
    p = Path(path)
    if fmt is not None:
        if fmt not in FORMATS:
            raise ActorFileError(f"{p}: format must be one of {', '.join(FORMATS)}, got {fmt!r}")
        return fmt
    suffix = p.suffix.lower()
    if suffix in {".yaml", ".yml"}:
        return "yaml"
    if suffix == ".csv":
        return "csv"
    if suffix in PHOENIX_SUFFIXES:
        return "phoenix"
    head: list[str] = []
    try:
        with p.open(encoding="utf-8", errors="replace") as fh:
            in_block = False
            for line in fh:
                s = line.rstrip("\n")
                if in_block or s.lstrip().startswith("<!"):
                    in_block = "-->" not in s
                    continue
                if s.strip() and not s.lstrip().startswith("#"):
                    head.append(s)
                if len(head) == 20:
                    break
    except OSError as exc:
        raise ActorFileError(f"{p}: cannot read ({exc.strerror})") from None
    if head and "actor_id" in head[0] and "," in head[0]:
        return "csv"
    other = _other_petrarch_kind(head)
    if other:
        raise ActorFileError(
            f"{p}: this looks like a PETRARCH {other} dictionary; actor files are CSV, YAML "
            "or PETRARCH/Phoenix actor dictionaries (NAME [CODE] lines)"
        )
    if any(_PHOENIX_ENTRY.match(s) for s in head):
        return "phoenix"
    if suffix == ".txt" and head and "," in head[0]:
        return "csv"  # a .txt CSV without a proper header: the CSV reader says what is missing
    raise ActorFileError(
        f"{p}: expected a .csv, .yaml/.yml actor file or a PETRARCH/Phoenix actor dictionary "
        "(NAME [CODE] lines); if the name does not say, give the format explicitly"
    )


def _other_petrarch_kind(head: list[str]) -> str | None:
    for s in head:
        t = s.strip()
        if re.match(r"^![A-Z0-9_]+!\s*=", t, re.I) or "[~" in t or "~]" in t:
            return "agents"
        if t.startswith(("&", "---", "- ")):
            return "verbs"
        if t.startswith("<") and not t.startswith("<!"):
            return "issues"
    return None


def read_phoenix(path: Path, *, strict: bool = True) -> ParsedFile:
    """Parse a PETRARCH/Phoenix actor dictionary; a malformed line raises ``file:line: ...``
    (``strict=False``: skipped and listed in ``problems``)."""
    try:
        d = read_actors(path, strict=strict)
    except DictionaryError as exc:
        raise ActorFileError(str(exc)) from None
    if not d.entries and not d.problems:
        raise ActorFileError(f"{path}: no PETRARCH/Phoenix actor entries (NAME [CODE]) found")
    return ParsedFile([], [], dictionary=d, problems=list(d.problems))


def read_actor_file(
    path: str | Path, origin: str = "user", *, fmt: str | None = None, strict: bool = True
) -> ParsedFile:
    """Parse one CSV, YAML or PETRARCH/Phoenix actor file (format from :func:`detect_format`);
    raises :class:`ActorFileError` naming file and line on bad input."""
    p = Path(path)
    if not p.is_file():
        raise ActorFileError(f"{p}: no such actor file")
    kind = detect_format(p, fmt)
    if kind == "yaml":
        return read_yaml(p, origin)
    if kind == "phoenix":
        return read_phoenix(p, strict=strict)
    return read_csv(p, origin)
