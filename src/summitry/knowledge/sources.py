"""The pack's sources: one row per cited URL, and the policy on which domains may be cited.

``sources.csv`` gives each URL its publisher, date and type; ``source_policy.csv`` lists
refused domains (disinformation networks, fringe outlets, aggregators) and state media,
which may be cited only for a statement of that state's own position in ``positions.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from importlib.resources.abc import Traversable
from pathlib import Path
from urllib.parse import urlsplit

from summitry.knowledge.rows import Citation, KnowledgePackError, read_rows

SOURCE_TYPES = frozenset(
    {"official", "depositary", "un", "wire", "newspaper", "reference", "state_media"}
)
POLICY_RULES = frozenset({"refused", "state_media"})
POSITIONS_FILE = "positions.csv"


@dataclass(frozen=True)
class Source:
    url: str
    publisher: str
    published: date | None
    source_type: str
    title: str | None


@dataclass(frozen=True)
class DomainRule:
    domain: str
    rule: str  # refused | state_media
    country: str | None  # for state media: the ISO3 code of the state whose outlet it is
    note: str


def host_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def rule_for(url: str, rules: list[DomainRule]) -> DomainRule | None:
    """The policy rule of the URL's domain or of a parent domain (subdomains included)."""
    host = host_of(url)
    for r in rules:
        if host == r.domain or host.endswith("." + r.domain):
            return r
    return None


def read_policy(root: Traversable | Path) -> list[DomainRule]:
    out = []
    for r in read_rows(root, "source_policy.csv", ["domain", "rule", "country", "note"]):
        rule = r.choice("rule", POLICY_RULES)
        country = r.text("country", required=rule == "state_media")
        out.append(DomainRule(r.req("domain").lower(), rule, country, r.req("note")))
    return out


def read_sources(root: Traversable | Path, rules: list[DomainRule]) -> dict[str, Source]:
    cols = ["url", "publisher", "published", "source_type", "title"]
    out: dict[str, Source] = {}
    for r in read_rows(root, "sources.csv", cols):
        url = r.url("url")
        if url in out:
            raise r.fail("url", "a URL not listed on an earlier row")
        kind = r.choice("source_type", SOURCE_TYPES)
        rule = rule_for(url, rules)
        if rule is not None and rule.rule == "refused":
            raise r.fail("url", f"a URL outside the refused domain {rule.domain} ({rule.note})")
        if (rule is not None) != (kind == "state_media"):
            raise r.fail("source_type", "state_media exactly for the state-media domains")
        published = r.date("published", required=False)
        out[url] = Source(url, r.req("publisher"), published, kind, r.text("title", required=False))
    return out


def check_citations(
    citations: list[Citation],
    sources: dict[str, Source],
    rules: list[DomainRule],
    position_country: dict[int, str | None],
) -> None:
    """Every cited URL is listed in sources.csv, none is of a refused domain, and state
    media back only a position of their own state (``position_country``: line -> ISO3)."""
    for c in citations:
        where = f"{c.fname} line {c.line}, field source_url"
        rule = rule_for(c.url, rules)
        if rule is not None and rule.rule == "refused":
            raise KnowledgePackError(
                f"{where}: {c.url} is of the refused domain {rule.domain} ({rule.note})"
            )
        if c.url not in sources:
            raise KnowledgePackError(f"{where}: {c.url} has no row in sources.csv")
        if rule is not None and rule.rule == "state_media":
            own = c.fname == POSITIONS_FILE and position_country.get(c.line) == rule.country
            if not own:
                raise KnowledgePackError(
                    f"{where}: {c.url} is state media of {rule.country}; it may back only "
                    f"a position of {rule.country} in {POSITIONS_FILE}"
                )
