"""Readers for PETRARCH / TABARI / Phoenix dictionaries: actors, agents, verbs, discards.

Formats (as documented in PETRARCH's ``PETRreader``; this is our own implementation):

* **Actors**: ``NAME [CODE]`` starts an entry; ``+SYNONYM`` lines add synonyms; indented
  ``[CODE <date]``, ``[CODE >date]``, ``[CODE date-date]`` lines add date-restricted codes
  (dates ``YYMMDD`` or ``YYYYMMDD``). Words are joined by ``_`` (consecutive) or spaces.
* **Agents**: ``!MACRO! = A, B`` substitutions; ``NAME {PLURALS} [~CODE]`` (``~`` after the
  code means the agent code goes before the actor's: ``[NGO~]``); ``{}`` = no plural.
* **Verbs**: ``&SYNSET`` followed by ``+WORD`` lines; ``--- NAME [CODE] ---`` starts a verb
  block, followed by verb forms (``WORD {IRREGULAR FORMS}``, ``+SYNONYM``, multi-word verbs
  with the verb marked by ``+``: ``WIRE_+TAP``) and patterns ``- WORDS * WORDS [CODE]``
  where ``*`` is the verb, ``$`` the source, ``+`` the target, ``%`` a compound actor,
  ``^`` skips the rest of a noun phrase and ``&NAME`` is a synset.
* **Discards**: one phrase a line; ``+`` marks a story-level discard.

Comments: ``#`` to end of line and ``<!-- ... -->`` blocks. Malformed lines raise
:class:`DictionaryError` naming ``file:line``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


class DictionaryError(ValueError):
    """A malformed dictionary line; the message names ``file:line`` and what was expected."""


# --------------------------------------------------------------------------- dataclasses
@dataclass(frozen=True)
class DatedCode:
    """An actor code valid from ``start`` to ``end`` (inclusive; None = open)."""

    code: str
    start: date | None = None
    end: date | None = None

    @property
    def restricted(self) -> bool:
        return self.start is not None or self.end is not None

    def valid_on(self, on: date) -> bool:
        return (self.start is None or on >= self.start) and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class Phrase:
    """Words of a dictionary phrase; ``gaps[i]`` is True if words may intervene before word i+1."""

    words: tuple[str, ...]
    gaps: tuple[bool, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass
class ActorEntry:
    name: Phrase
    synonyms: list[Phrase] = field(default_factory=list)
    codes: list[DatedCode] = field(default_factory=list)
    line: int = 0
    path: str = ""

    def code_on(self, on: date | None) -> str:
        """The code for a sentence date: the first matching restricted code, else the
        unrestricted one, else ``---``."""
        if on is not None:
            for c in self.codes:
                if c.restricted and c.valid_on(on):
                    return c.code
        plain = [c.code for c in self.codes if not c.restricted]
        return plain[-1] if plain else "---"


@dataclass
class AgentEntry:
    phrase: Phrase
    code: str  # without the ~
    prefix: bool  # True for ``[XXX~]`` (agent code goes before the actor code)
    line: int = 0


@dataclass
class Pattern:
    """A verb pattern; ``upper`` are the tokens before the verb (sentence order), ``lower``
    those after it. Tokens: words, ``$``, ``+``, ``%``, ``^`` or ``&SYNSET``."""

    upper: tuple[str, ...]
    lower: tuple[str, ...]
    code: str
    line: int = 0
    text: str = ""
    # ``_`` connectors: upper_tight[i] -> upper[i] is adjacent to the token after it (or the
    # verb); lower_tight[i] -> lower[i] is adjacent to the token before it (or the verb)
    upper_tight: tuple[bool, ...] = ()
    lower_tight: tuple[bool, ...] = ()

    @property
    def size(self) -> int:
        return len(self.upper) + len(self.lower)


@dataclass
class VerbForm:
    """A (possibly multi-word) verb: ``verb`` is the inflected head, ``before``/``after`` the
    words that must surround it."""

    verb: str
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    code: str | None = None


@dataclass
class VerbBlock:
    name: str
    code: str
    forms: list[VerbForm] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)
    line: int = 0


@dataclass
class Discard:
    phrase: tuple[str, ...]
    story: bool
    line: int = 0


@dataclass
class ActorDictionary:
    entries: list[ActorEntry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # lines skipped with strict=False

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, name: str) -> ActorEntry | None:
        key = tuple(_words(name))
        for e in self.entries:
            if e.name.words == key or any(s.words == key for s in e.synonyms):
                return e
        return None


@dataclass
class AgentDictionary:
    entries: list[AgentEntry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.entries)


@dataclass
class VerbDictionary:
    blocks: list[VerbBlock] = field(default_factory=list)
    synsets: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.blocks)

    @property
    def n_patterns(self) -> int:
        return sum(len(b.patterns) for b in self.blocks)


@dataclass
class DiscardList:
    entries: list[Discard] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.entries)

    def check(self, text: str) -> Discard | None:
        """The first discard phrase found in ``text`` (story-level ones first)."""
        toks = [t.strip(".,;:!?\"'()") for t in text.upper().split()]
        for story in (True, False):
            for d in self.entries:
                if d.story != story:
                    continue
                n = len(d.phrase)
                for i in range(len(toks) - n + 1):
                    if tuple(toks[i : i + n]) == d.phrase:
                        return d
        return None


# --------------------------------------------------------------------------- helpers
_COMMENT_BLOCK = re.compile(r"<!\s*--.*?-->", re.S)


def _lines(path: str | Path) -> list[tuple[int, str]]:
    """(line number, text) with comments removed; blank lines kept as ''."""
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DictionaryError(f"{p}: cannot read ({exc.strerror})") from exc

    # blank out comment blocks but keep the line count
    def _blank(m: re.Match[str]) -> str:
        return "\n" * m.group(0).count("\n")

    raw = _COMMENT_BLOCK.sub(_blank, raw)
    out = []
    for n, line in enumerate(raw.split("\n"), 1):
        line = _strip_comment(line)
        out.append((n, line.rstrip()))
    return out


def _strip_comment(line: str) -> str:
    """Drop a ``#`` comment, but not a ``#`` inside ``[...]`` (``[###]`` is a code)."""
    depth = 0
    for i, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == "#" and depth == 0:
            return line[:i]
    return line


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[_\s]+", text.strip().upper()) if w]


def _phrase(text: str) -> Phrase:
    """``A_B C`` -> words (A, B, C), gaps (False, True)."""
    t = text.strip().upper().strip("_")
    words: list[str] = []
    gaps: list[bool] = []
    for m in re.finditer(r"([^_\s]+)([_\s]*)", t):
        words.append(m.group(1))
        sep = m.group(2)
        if sep:
            gaps.append("_" not in sep)
    return Phrase(tuple(words), tuple(gaps[: max(0, len(words) - 1)]))


def _date(text: str, where: str) -> date:
    t = text.strip()
    if not re.fullmatch(r"\d{6}|\d{8}", t):
        raise DictionaryError(
            f"{where}: bad date {t!r} in actor code (expected YYMMDD or YYYYMMDD)"
        )
    if len(t) == 6:
        yy = int(t[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        mm, dd = int(t[2:4]), int(t[4:6])
    else:
        year, mm, dd = int(t[:4]), int(t[4:6]), int(t[6:8])
    try:
        return date(year, mm, dd)
    except ValueError as exc:
        raise DictionaryError(f"{where}: bad date {t!r} in actor code ({exc})") from exc


_CODE_RE = re.compile(r"\[([^\[\]]*)\]")


def _dated_code(body: str, where: str) -> DatedCode:
    """``CODE``, ``CODE <d``, ``CODE >d``, ``CODE d1-d2``."""
    b = body.strip()
    if not b:
        raise DictionaryError(f"{where}: empty actor code '[]'")
    m = re.fullmatch(r"(\S+)\s*(?:([<>])\s*(\S+)|(\S+)\s*-\s*(\S+))?", b)
    if not m:
        raise DictionaryError(
            f"{where}: malformed actor code [{b}] (expected [CODE], "
            "[CODE <date], [CODE >date] or [CODE date-date])"
        )
    code, op, d, d1, d2 = m.groups()
    if op == "<":
        return DatedCode(code.upper(), None, _date(d, where))
    if op == ">":
        return DatedCode(code.upper(), _date(d, where), None)
    if d1:
        return DatedCode(code.upper(), _date(d1, where), _date(d2, where))
    return DatedCode(code.upper())


def _split_codes(text: str, where: str) -> tuple[str, list[str]]:
    """Split ``NAME [C1] [C2]`` into the name and the code bodies; checks brackets."""
    if text.count("[") != text.count("]"):
        raise DictionaryError(f"{where}: unbalanced '[' ']' in {text.strip()!r}")
    bodies = _CODE_RE.findall(text)
    name = _CODE_RE.sub(" ", text)
    if "[" in name or "]" in name:
        raise DictionaryError(f"{where}: malformed code brackets in {text.strip()!r}")
    return name.strip(), bodies


# --------------------------------------------------------------------------- actors
def read_actors(
    path: str | Path, into: ActorDictionary | None = None, *, strict: bool = True
) -> ActorDictionary:
    """Read a PETRARCH/Phoenix actor dictionary (several files may share one ``into``).

    ``strict=False`` skips malformed lines and records them in ``problems`` (the published
    Phoenix files have a handful of bad dates); the default raises :class:`DictionaryError`.
    """
    out = into if into is not None else ActorDictionary()
    for n, line in _lines(path):
        try:
            _actor_line(out, n, line, f"{path}:{n}", str(path))
        except DictionaryError as exc:
            if strict:
                raise
            out.problems.append(str(exc))
    return out


def _actor_line(out: ActorDictionary, n: int, line: str, where: str, path: str) -> None:
    s = line.strip()
    if not s:
        return
    cur = out.entries[-1] if out.entries and out.entries[-1].path == path else None
    if s.startswith("+"):
        if cur is None:
            raise DictionaryError(f"{where}: synonym {s!r} before any actor entry")
        name, bodies = _split_codes(s[1:], where)
        if name:
            cur.synonyms.append(_phrase(name))
        cur.codes.extend(_dated_code(b, where) for b in bodies)
        return
    if s.startswith("["):
        if cur is None:
            raise DictionaryError(f"{where}: code {s!r} before any actor entry")
        _name, bodies = _split_codes(s, where)
        if _name:
            raise DictionaryError(f"{where}: text after code in {s!r}")
        cur.codes.extend(_dated_code(b, where) for b in bodies)
        return
    name, bodies = _split_codes(s, where)
    if not name:
        raise DictionaryError(f"{where}: actor entry without a name: {s!r}")
    codes = [_dated_code(b, where) for b in bodies]
    out.entries.append(ActorEntry(_phrase(name), [], codes, n, path))


# --------------------------------------------------------------------------- agents
def _plural(word: str) -> str:
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith(("S", "X", "Z", "CH", "SH")):
        return word + "ES"
    if word.endswith("MAN"):
        return word[:-3] + "MEN"
    return word + "S"


def read_agents(path: str | Path, *, strict: bool = True) -> AgentDictionary:
    """Read an agents dictionary; ``strict=False`` records malformed lines in ``problems``."""
    out = AgentDictionary()
    macros: dict[str, list[str]] = {}
    for n, line in _lines(path):
        try:
            _agent_line(out, macros, n, line, f"{path}:{n}")
        except DictionaryError as exc:
            if strict:
                raise
            out.problems.append(str(exc))
    return out


def _agent_line(
    out: AgentDictionary, macros: dict[str, list[str]], n: int, line: str, where: str
) -> None:
    s = line.strip()
    if not s:
        return
    m = re.fullmatch(r"(![A-Z0-9_]+!)\s*=\s*(.+)", s, re.I)
    if m:
        macros[m.group(1).upper()] = [w.strip().upper() for w in m.group(2).split(",") if w.strip()]
        return
    if s.count("{") != s.count("}"):
        raise DictionaryError(f"{where}: unbalanced '{{' '}}' in {s!r}")
    plural_m = re.search(r"\{([^}]*)\}", s)
    plurals: list[str] | None = None
    if plural_m:
        plurals = plural_m.group(1).split()
        s = s[: plural_m.start()] + " " + s[plural_m.end() :]
    name, bodies = _split_codes(s, where)
    if len(bodies) != 1:
        raise DictionaryError(
            f"{where}: agent needs exactly one [CODE] (got {len(bodies)}): {line.strip()!r}"
        )
    body = bodies[0].strip()
    if not name:
        raise DictionaryError(f"{where}: agent entry without a name: {line.strip()!r}")
    if re.fullmatch(r"~[A-Z0-9]+", body, re.I):
        code, prefix = body[1:].upper(), False
    elif re.fullmatch(r"[A-Z0-9]+~", body, re.I):
        code, prefix = body[:-1].upper(), True
    else:
        raise DictionaryError(f"{where}: agent code [{body}] must be [~XXX] or [XXX~]")
    names = [name.upper()]
    for key, subs in macros.items():
        if any(key in nm for nm in names):
            names = [nm.replace(key, sub) for nm in names for sub in subs]
    if "!" in "".join(names):
        raise DictionaryError(f"{where}: undefined !MACRO! in {name!r}")
    for nm in names:
        ph = _phrase(nm)
        out.entries.append(AgentEntry(ph, code, prefix, n))
        forms: list[Phrase] = []
        if plurals is None:
            forms.append(Phrase((*ph.words[:-1], _plural(ph.words[-1])), ph.gaps))
        else:
            forms.extend(_phrase(p) for p in plurals)
        for f in forms:
            if f.words != ph.words:
                out.entries.append(AgentEntry(f, code, prefix, n))


# --------------------------------------------------------------------------- verbs
_HEADER = re.compile(r"---\s*(.*?)\s*\[([^\]]*)\]\s*(?:---)?")


def _verb_inflections(base: str) -> list[str]:
    """Regular forms: -S/-ES, -ED, -ING (the PETRARCH convention, with e/y rules)."""
    forms = [base]
    if base.endswith("E"):
        forms += [base + "S", base + "D", base[:-1] + "ING"]
    elif base.endswith("Y") and len(base) > 1 and base[-2] not in "AEIOU":
        forms += [base[:-1] + "IES", base[:-1] + "IED", base + "ING"]
    elif base.endswith(("S", "X", "Z", "CH", "SH")):
        forms += [base + "ES", base + "ED", base + "ING"]
    else:
        forms += [base + "S", base + "ED", base + "ING"]
    return forms


def _pattern_tokens(text: str, where: str) -> tuple[list[str], list[bool]]:
    """Tokens and, for each, whether a ``_`` joins it to the next token."""
    toks: list[str] = []
    joined: list[bool] = []
    for m in re.finditer(r"([^_\s]+)(_*)", text.strip().upper()):
        tok = m.group(1)
        if tok == "&":
            raise DictionaryError(f"{where}: empty synset name in pattern")
        toks.append(tok)
        joined.append(bool(m.group(2)))
    return toks, joined


def _verb_form_line(text: str, code: str | None, where: str) -> list[VerbForm]:
    """``BAN {BANS BANNED}``, ``+BREAK_DOWN {+BROKE_DOWN}``, ``WIRE_+TAP``."""
    s = text.strip()
    if s.startswith("+"):
        s = s[1:]
    irregular: list[str] = []
    m = re.search(r"\{([^}]*)\}", s)
    if m:
        irregular = m.group(1).split()
        s = s[: m.start()] + s[m.end() :]
    elif "{" in s or "}" in s:
        raise DictionaryError(f"{where}: unbalanced '{{' '}}' in verb form {text.strip()!r}")
    s = s.strip()
    if not s:
        raise DictionaryError(f"{where}: empty verb form")

    def split(word: str, default_head: int) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
        parts = [p for p in re.split(r"[_\s]+", word.upper()) if p]
        head = default_head
        for i, p in enumerate(parts):
            if p.startswith("+") and len(p) > 1:
                head = i
                parts[i] = p[1:]
        return tuple(parts[:head]), parts[head], tuple(parts[head + 1 :])

    before, head, after = split(s, 0)
    forms = [VerbForm(f, before, after, code) for f in _verb_inflections(head)]
    for irr in irregular:
        b, h, a = split(irr, len(before))
        forms.append(VerbForm(h, b, a, code))
    return forms


def read_verbs(path: str | Path) -> VerbDictionary:
    out = VerbDictionary()
    block: VerbBlock | None = None
    synset: str | None = None
    for n, line in _lines(path):
        where = f"{path}:{n}"
        s = line.strip()
        if not s:
            synset = None
            continue
        if s.startswith("---"):
            m = _HEADER.fullmatch(s)
            if not m:
                raise DictionaryError(
                    f"{where}: malformed verb block header {s!r} (expected '--- NAME [CODE] ---')"
                )
            synset = None
            block = VerbBlock(m.group(1).strip("_ ").upper(), m.group(2).strip().upper(), line=n)
            out.blocks.append(block)
            continue
        if s.startswith("&"):
            name = s.split()[0].upper().rstrip("_")
            if len(name) < 2:
                raise DictionaryError(f"{where}: synset without a name")
            synset = name
            out.synsets.setdefault(synset, [])
            block = None
            continue
        if synset is not None:
            if not s.startswith("+"):
                raise DictionaryError(f"{where}: synset member must start with '+': {s!r}")
            words = tuple(w for w in re.split(r"[_\s]+", s[1:].upper()) if w)
            if not words:
                raise DictionaryError(f"{where}: empty synset member")
            out.synsets[synset].append(words)
            continue
        if block is None:
            raise DictionaryError(f"{where}: line outside a verb block or synset: {s!r}")
        if s.startswith("-"):
            body, codes = _split_codes(s[1:], where)
            if len(codes) != 1:
                raise DictionaryError(f"{where}: pattern needs exactly one [CODE]: {s!r}")
            toks, joined = _pattern_tokens(body, where)
            if toks.count("*") != 1:
                raise DictionaryError(f"{where}: pattern needs exactly one '*' (the verb): {s!r}")
            k = toks.index("*")
            before = [False, *joined]  # before[i]: token i joined to the one before it
            block.patterns.append(
                Pattern(
                    tuple(toks[:k]),
                    tuple(toks[k + 1 :]),
                    codes[0].strip().upper(),
                    n,
                    body.strip(),
                    tuple(joined[:k]),
                    tuple(before[k + 1 : len(toks)]),
                )
            )
            continue
        body, codes = _split_codes(s, where)
        if len(codes) > 1:
            raise DictionaryError(f"{where}: verb form with several codes: {s!r}")
        block.forms.extend(
            _verb_form_line(body, codes[0].strip().upper() if codes else None, where)
        )
    for b in out.blocks:
        for p in b.patterns:
            for t in (*p.upper, *p.lower):
                if t.startswith("&") and t not in out.synsets:
                    raise DictionaryError(f"{path}:{p.line}: unknown synset {t}")
    return out


# --------------------------------------------------------------------------- discards
def read_discards(path: str | Path) -> DiscardList:
    out = DiscardList()
    for n, line in _lines(path):
        s = line.strip()
        if not s:
            continue
        story = s.startswith("+")
        words = tuple(_words(s[1:] if story else s))
        if not words:
            raise DictionaryError(f"{path}:{n}: empty discard phrase")
        out.entries.append(Discard(words, story, n))
    return out
