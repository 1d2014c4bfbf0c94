"""A PETRARCH-compatible pattern coder over Penn Treebank parses.

Our own implementation of the method of PETRARCH (Schrodt et al., MIT): noun phrases become
named-entity blocks coded from the actor and agent dictionaries; for every verb phrase whose
head is in the verb dictionary, the words before the verb (back to a comma) and the words of
the verb phrase after it are matched against the verb's patterns, which may bind the source
(``$``), target (``+``) or a compound (``%``); otherwise the source is the nearest coded
noun phrase before the verb and the target the first one after it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from summitry.petrarch.dictionaries import (
    ActorDictionary,
    AgentDictionary,
    DiscardList,
    Pattern,
    Phrase,
    VerbDictionary,
    VerbForm,
    read_actors,
    read_agents,
    read_discards,
    read_verbs,
)
from summitry.petrarch.tree import Node, TreeError, parse_tree

NULL = "---"
_PASSIVE_AUX = {"WAS", "IS", "BEEN"}
_SKIP_WORDS = {
    "THE",
    "A",
    "AN",
    "IT",
    "HE",
    "THEY",
    "HER",
    "HAS",
    "HAD",
    "HAVE",
    "SOME",
    "FEW",
    "THAT",
    "HUNDRED",
    "THOUSAND",
    "MILLION",
    "BILLION",
    "TRILLION",
    "DOZEN",
    "ONE",
    "TWO",
    "THREE",
    "FOUR",
    "FIVE",
    "SIX",
    "SEVEN",
    "EIGHT",
    "NINE",
    "DOLLAR",
    "DUCAT",
}


@dataclass
class Options:
    """PETRARCH's coding options (names as in its config file)."""

    new_actor_length: int = 0
    require_dyad: bool = True
    comma_min: int = 2
    comma_max: int = 8
    comma_bmin: int = 0
    comma_bmax: int = 0
    comma_emin: int = 2
    comma_emax: int = 8

    def set(self, option: str, value: str) -> None:
        opt = option.strip().lower()
        if opt == "require_dyad":
            self.require_dyad = "false" not in value.lower()
        elif (opt == "new_actor_length" or opt.startswith("comma_")) and hasattr(self, opt):
            setattr(self, opt, int(value))


@dataclass(frozen=True)
class Event:
    source: str
    target: str
    code: str
    verb: str = ""
    rule: str = ""  # "pattern:<file line>" or "verb:<block>"

    @property
    def triple(self) -> tuple[str, str, str]:
        return (self.source, self.target, self.code)


@dataclass
class CodingResult:
    events: list[Event] = field(default_factory=list)
    status: str = "coded"  # coded | sentence-discard | story-discard | dateline | bad-parse


@dataclass(eq=False)
class NE:
    """A noun-phrase block: its words and the actor/agent code (``---`` if none)."""

    words: tuple[str, ...]
    code: str = NULL

    def __repr__(self) -> str:
        return f"{' '.join(self.words)}>{self.code}"


# --------------------------------------------------------------------------- dictionaries
class Dictionaries:
    """Actors, agents, verbs and discards indexed for the coder."""

    def __init__(
        self,
        actors: ActorDictionary,
        agents: AgentDictionary,
        verbs: VerbDictionary,
        discards: DiscardList | None = None,
    ) -> None:
        self.actors, self.agents, self.verbs = actors, agents, verbs
        self.discards = discards or DiscardList()
        # first word -> [(phrase, entry)], longest phrase first
        self.actor_index: dict[str, list[tuple[Phrase, object]]] = {}
        for e in actors.entries:
            for ph in (e.name, *e.synonyms):
                if ph.words:
                    self.actor_index.setdefault(ph.words[0], []).append((ph, e))
        for lst in self.actor_index.values():
            lst.sort(key=lambda pe: -len(pe[0].words))
        self.agent_index: dict[str, list[tuple[Phrase, object]]] = {}
        for a in agents.entries:
            self.agent_index.setdefault(a.phrase.words[0], []).append((a.phrase, a))
        for lst in self.agent_index.values():
            lst.sort(key=lambda pe: -len(pe[0].words))
        # verb word -> [(form, block)]
        self.verb_index: dict[str, list[tuple[VerbForm, object]]] = {}
        for b in verbs.blocks:
            for f in b.forms:
                self.verb_index.setdefault(f.verb, []).append((f, b))
        for lst in self.verb_index.values():
            lst.sort(key=lambda fb: -(len(fb[0].before) + len(fb[0].after)))
        self.synsets = {k: _expand_synset(k, verbs.synsets) for k in verbs.synsets}

    @classmethod
    def load(
        cls,
        actors: list[str | Path] | str | Path,
        agents: str | Path,
        verbs: str | Path,
        discards: str | Path | None = None,
        *,
        strict: bool = True,
    ) -> Dictionaries:
        paths = [actors] if isinstance(actors, str | Path) else list(actors)
        ad = ActorDictionary()
        for p in paths:
            read_actors(p, ad, strict=strict)
        return cls(
            ad,
            read_agents(agents, strict=strict),
            read_verbs(verbs),
            read_discards(discards) if discards else None,
        )


def _expand_synset(name: str, synsets: dict, seen: frozenset = frozenset()) -> list[tuple]:
    out: list[tuple] = []
    for member in synsets.get(name, []):
        if len(member) == 1 and member[0].startswith("&") and member[0] not in seen:
            out.extend(_expand_synset(member[0], synsets, seen | {name}))
        else:
            out.append(member)
    return out


# --------------------------------------------------------------------------- phrase coding
def _phrase_match(ph: Phrase, words: tuple[str, ...], i: int) -> int:
    """Length of the match of ``ph`` at ``words[i]`` (0 if none); gaps allow skipped words."""
    if words[i] != ph.words[0]:
        return 0
    k = i + 1
    for j in range(1, len(ph.words)):
        gap = ph.gaps[j - 1] if j - 1 < len(ph.gaps) else False
        if gap:
            while k < len(words) and words[k] != ph.words[j]:
                k += 1
        if k >= len(words) or words[k] != ph.words[j]:
            return 0
        k += 1
    return k - i


def code_phrase(words: tuple[str, ...], d: Dictionaries, on: date | None) -> str:
    """Actor code of a noun phrase: the first actor, then agents composed PETRARCH-style."""
    actor = ""
    span = (-1, -1)
    for i, w in enumerate(words):
        for ph, entry in d.actor_index.get(w, ()):
            n = _phrase_match(ph, words, i)
            if n:
                actor = entry.code_on(on)  # type: ignore[attr-defined]
                span = (i, i + n)
                break
        if actor:
            break
    agents: list = []
    i = 0
    while i < len(words):
        if span[0] <= i < span[1]:
            i += 1
            continue
        for ph, ag in d.agent_index.get(words[i], ()):
            n = _phrase_match(ph, words, i)
            if n:
                agents.append(ag)
                i += n - 1
                break
        i += 1
    if not agents:
        return actor or NULL
    code = actor or NULL
    for ag in agents:
        agc = ag.code
        if any(code[k : k + len(agc)] == agc for k in range(0, len(code) - len(agc) + 1, 3)):
            break
        code = agc + code if ag.prefix else code + agc
    return code


# --------------------------------------------------------------------------- tree conversion
def _mark_compounds(root: Node) -> None:
    parents: list[tuple[Node, Node]] = []

    def walk(n: Node) -> None:
        for c in n.children:
            if c.label == "CC":
                parents.append((c, n))
            walk(c)

    walk(root)
    for _cc, p in parents:
        if p.has_desc("VP") or p.has_desc("S"):
            continue
        if sum(1 for x in p.iter() if x.label == "CC") > 1:
            continue
        if p.label == "NP" and sum(1 for x in p.iter() if x.label.startswith("N")) >= 3:
            p.label = "NEC"


def _flat(n: Node, skip_pos: bool = False) -> list:
    """Words of a subtree, keeping nested NEC nodes as nodes."""
    if n.word is not None:
        return [] if (skip_pos and n.label == "POS") else [n.word]
    if n.label == "NEC":
        return [n]
    out: list = []
    for c in n.children:
        out.extend(_flat(c, skip_pos))
    return out


def _nec_elements(nec: Node) -> list[list]:
    """Elements of a compound: leading adjectives are shared by bare nouns."""
    adjs: list[str] = []
    elems: list[list] = []
    seen_noun = False
    for c in nec.children:
        if c.label.startswith("NP") or c.label.startswith("NN") or c.label == "NEC":
            seen_noun = True
            if c.word is not None:
                elems.append([*adjs, c.word])
            else:
                elems.append(_flat(c))
        elif not seen_noun and c.label.startswith("JJ"):
            adjs.extend(c.words())
    return elems


def _ne_nodes(items: list) -> Node:
    """Items (words and nested NEC nodes) -> an NE leaf, or an NEC of NEs if compound."""
    k = next((i for i, x in enumerate(items) if isinstance(x, Node)), None)
    if k is None:
        return Node("NE", ne=NE(tuple(w for w in items if isinstance(w, str))))
    pre = [w for w in items[:k] if isinstance(w, str)]
    post = items[k + 1 :]
    kids = []
    for el in _nec_elements(items[k]):
        kids.append(_ne_nodes([*pre, *el, *post]))
    flat: list[Node] = []
    for kid in kids:
        flat.extend(kid.children if kid.label == "NEC" else [kid])
    return Node("NEC", flat)


def _prep_phrase(np: Node) -> list | None:
    """(NP (NP x) (PP (IN p) (NP y))) -> words x p y; None if not of that shape."""
    pp_parent = None
    for n in np.iter():
        if any(c.label == "PP" for c in n.children):
            pp_parent = n
            break
    if pp_parent is None or pp_parent.label not in ("NP", "NEC") or not pp_parent.children:
        return None
    first = pp_parent.children[0]
    if first.label not in ("NP", "NEC"):
        return None
    pp = next(c for c in pp_parent.children if c.label == "PP")
    prep = next((c for c in pp.children if c.label == "IN"), None)
    if prep is None:
        return None
    obj = next((c for c in pp.children if c.label in ("NP", "NEC")), None)
    if obj is None or obj.has_desc("PP"):
        return None
    items = _flat(first) + [prep.word] + _flat(obj)
    return items


def _convert(n: Node) -> Node:
    """Replace noun phrases by NE leaves / NEC nodes (PETRARCH's read_TreeBank step)."""
    if n.is_leaf:
        return n
    if n.label == "NP":
        items: list | None = None
        if n.has_desc("POS"):
            items = _flat(n, skip_pos=True)
        elif n.has_desc("PP"):
            items = _prep_phrase(n)
        elif not n.has_desc("NP") and not n.has_desc("NEC"):
            items = _flat(n)
        if items is not None:
            return _ne_nodes(items)
    if n.label == "NEC":
        kids = [_ne_nodes(el) for el in _nec_elements(n)]
        flat: list[Node] = []
        for k in kids:
            flat.extend(k.children if k.label == "NEC" else [k])
        return Node("NEC", flat)
    return Node(n.label, [_convert(c) for c in n.children], n.word, n.ne)


# --------------------------------------------------------------------------- linear sequence
@dataclass
class Elem:
    kind: str  # W word | NES/NEE ne start/end | NW word inside NE | CS/CE compound start/end
    word: str = ""
    tag: str = ""
    ne: NE | None = None
    nec: Node | None = None


def _units(n: Node) -> list[Node]:
    """Atomic units in order: preterminals, NE leaves and NEC nodes."""
    if n.is_leaf or n.label == "NEC":
        return [n]
    out: list[Node] = []
    for c in n.children:
        out.extend(_units(c))
    return out


def _count_words(units: list[Node]) -> int:
    return sum(1 for u in units for w in u.words() if w[:1].isalpha())


def _prune(n: Node, drop: set[int]) -> Node | None:
    """Remove every subtree all of whose units are in ``drop`` (ids)."""
    if n.is_leaf or n.label == "NEC":
        return None if id(n) in drop else n
    kids = [k for k in (_prune(c, drop) for c in n.children) if k is not None]
    if not kids:
        return None
    return Node(n.label, kids, n.word, n.ne)


def _remove_commas(root: Node, o: Options) -> Node:
    """PETRARCH's comma-clause deletion (initial, terminal, then internal clauses)."""
    units = _units(root)
    if not any(u.label == "," for u in units):
        return root

    def commas() -> list[int]:
        return [i for i, u in enumerate(units) if u.label == ","]

    def drop(lo: int, hi: int) -> None:
        nonlocal root, units
        ids = {id(u) for u in units[lo:hi]}
        new = _prune(root, ids)
        if new is not None:
            root = new
            units = _units(root)

    if o.comma_bmax:
        c = commas()
        if c and o.comma_bmin <= _count_words(units[: c[0]]) <= o.comma_bmax:
            drop(0, c[0])
    if o.comma_emax:
        c = commas()
        end = len(units) - 1 if units and units[-1].label == "." else len(units)
        if c and c[-1] < end and o.comma_emin <= _count_words(units[c[-1] :]) <= o.comma_emax:
            drop(c[-1] + 1, end)
    if o.comma_max:
        k = 0
        while True:
            c = commas()
            if k + 1 >= len(c):
                break
            a, b = c[k], c[k + 1]
            if o.comma_min <= _count_words(units[a + 1 : b]) <= o.comma_max:
                drop(a, b)
            else:
                k += 1
    c = commas()
    if c and _count_words(units[: c[0]]) == 0:
        drop(c[0], c[0] + 1)
    c = commas()
    if c:
        end = len(units) - 1 if units and units[-1].label == "." else len(units)
        if _count_words(units[c[-1] + 1 : end]) == 0:
            drop(c[-1], c[-1] + 1)
    return root


def _linearize(root: Node) -> tuple[list[Elem], list[tuple[Node, int, int, int]]]:
    """Elements in order, plus (VP node, start, end, coordination start or -1) spans."""
    seq: list[Elem] = []
    vps: list[tuple[Node, int, int]] = []

    def add_ne(ne: NE) -> None:
        seq.append(Elem("NES", ne=ne))
        seq.extend(Elem("NW", word=w, ne=ne) for w in ne.words)
        seq.append(Elem("NEE", ne=ne))

    def walk(n: Node) -> None:
        if n.ne is not None:
            add_ne(n.ne)  # type: ignore[arg-type]
            return
        if n.word is not None:
            seq.append(Elem("W", word=n.word, tag=n.label))
            return
        if n.label == "NEC":
            seq.append(Elem("CS", nec=n))
            for c in n.children:
                walk(c)
            seq.append(Elem("CE", nec=n))
            return
        start = len(seq)
        rec = None
        if n.label == "VP":
            rec = [n, start, 0, -1]
            vps.append(rec)  # type: ignore[arg-type]
            if any(c.label == "CC" for c in n.children):
                for c in n.children:
                    if c.label == "VP":
                        coord_top[id(c)] = start
        for c in n.children:
            walk(c)
        if rec is not None:
            rec[2] = len(seq)
            rec[3] = coord_top.get(id(n), -1)

    coord_top: dict[int, int] = {}
    walk(root)
    return seq, [(v[0], v[1], v[2], v[3]) for v in vps]  # type: ignore[misc]


# --------------------------------------------------------------------------- pattern matching
@dataclass
class _Bind:
    source: object = None  # NE or NEC Node
    target: object = None


def _is_word(e: Elem) -> bool:
    return e.kind in ("W", "NW")


def _next_word(seq: list[Elem], i: int, marker: str | None = None) -> int:
    """First index >= i holding a word that is not a skip word (or ``marker``)."""
    for j in range(i, len(seq)):
        e = seq[j]
        if marker is not None and e.kind == marker:
            return j
        if _is_word(e) and e.word not in _SKIP_WORDS:
            return j
    return len(seq)


class _Matcher:
    """Backtracking match of pattern tokens against a sequence, leftmost first.

    ``tight[ti]``: token ``ti`` must follow the previous match with no word in between
    (skip words such as articles and numbers are transparent, as in PETRARCH)."""

    def __init__(self, synsets: dict[str, list[tuple]]) -> None:
        self.synsets = synsets

    def match(
        self, toks: tuple[str, ...], tight: tuple[bool, ...], seq: list[Elem], b: _Bind, upper: bool
    ):
        self.toks, self.tight, self.seq, self.up = toks, tight, seq, upper
        self.start_marker = "NEE" if upper else "NES"
        self.end_marker = "NES" if upper else "NEE"
        self.c_start = "CE" if upper else "CS"
        self.c_end = "CS" if upper else "CE"
        return self._m(0, 0, b)

    def _m(self, ti: int, i: int, b: _Bind):
        toks, seq = self.toks, self.seq
        if ti == len(toks):
            return b
        t = toks[ti]
        tight = ti < len(self.tight) and self.tight[ti]
        if tight:
            marker = self.start_marker if t in ("+", "$") else (self.c_start if t == "%" else None)
            j0 = _next_word(seq, i, marker)
            rng: range | list[int] = [j0] if j0 < len(seq) else []
        else:
            rng = range(i, len(seq))
        if t in ("+", "$") and not self.up and 0 < i < len(seq) and seq[i].kind == "NW":
            # already inside a noun phrase: the actor slot takes that phrase (PETRARCH)
            nb = replace(b, **{"target" if t == "+" else "source": seq[i].ne})
            r = self._m(ti + 1, i, nb)
            if r:
                return r
        for j in rng:
            e = seq[j]
            if t in ("+", "$"):
                if e.kind == self.start_marker:
                    k = j
                    if self.up:  # continue past the whole NE
                        while k < len(seq) and seq[k].kind != self.end_marker:
                            k += 1
                    nb = replace(b, **{"target" if t == "+" else "source": e.ne})
                    r = self._m(ti + 1, k + 1, nb)
                    if r:
                        return r
            elif t == "%":
                if e.kind == self.c_start:
                    k = j
                    if self.up:
                        while k < len(seq) and seq[k].kind != self.c_end:
                            k += 1
                    # before the verb a compound is both source and target (events among its
                    # members, as in PETRARCH); after the verb it is the target
                    nb = _Bind(e.nec, e.nec) if self.up else replace(b, target=e.nec)
                    r = self._m(ti + 1, k + 1, nb)
                    if r:
                        return r
            elif t == "^":
                # skip the rest of the noun phrase we are in, or the next one
                inside = (
                    j == i
                    and seq[j].kind in ("NW", self.end_marker)
                    and i > 0
                    and seq[i - 1].kind in ("NW", self.start_marker)
                )
                if inside or e.kind == self.start_marker:
                    k = j
                    while k < len(seq) and seq[k].kind != self.end_marker:
                        k += 1
                    r = self._m(ti + 1, k + 1, b)
                    if r:
                        return r
            elif t.startswith("&"):
                for member in self.synsets.get(t, ()):
                    words = tuple(reversed(member)) if self.up else member
                    n = self._words_at(j, words)
                    if n:
                        r = self._m(ti + 1, n, b)
                        if r:
                            return r
            elif _is_word(e) and e.word == t:
                r = self._m(ti + 1, j + 1, b)
                if r:
                    return r
        return None

    def _words_at(self, j: int, words: tuple) -> int:
        """Index after ``words`` matched consecutively from ``j``; 0 if not."""
        k = j
        seq = self.seq
        for n, w in enumerate(words):
            if n:
                k = _next_word(seq, k)
            if k >= len(seq) or not _is_word(seq[k]) or seq[k].word != w:
                return 0
            k += 1
        return k


# --------------------------------------------------------------------------- the coder
class PetrarchCoder:
    """Codes parsed sentences with PETRARCH dictionaries."""

    def __init__(self, dicts: Dictionaries, options: Options | None = None) -> None:
        self.d = dicts
        self.options = options or Options()
        self.matcher = _Matcher(dicts.synsets)

    def code_tree(
        self, parse: str, on: date | None = None, text: str | None = None
    ) -> CodingResult:
        if text is not None:
            disc = self.d.discards.check(text)
            if disc is not None:
                return CodingResult([], "story-discard" if disc.story else "sentence-discard")
        try:
            root = parse_tree(parse)
        except TreeError:
            return CodingResult([], "bad-parse")
        _mark_compounds(root)
        root = _convert(root)
        top = [c for c in root.children]
        if top and top[0].label == "NEC" or (top and top[0].ne is not None):
            return CodingResult([], "dateline")
        for n in root.iter():
            if n.ne is not None:
                n.ne.code = code_phrase(n.ne.words, self.d, on)  # type: ignore[attr-defined]
        root = _remove_commas(root, self.options)
        seq, vps = _linearize(root)
        events: list[Event] = []
        resume = -1
        for vp, start, end, top in vps:
            if start < resume:
                continue
            if self._code_vp(vp, start, end, seq, events, top):
                resume = end
        out: list[Event] = []
        seen: set[tuple[str, str, str]] = set()
        for ev in events:
            if self.options.require_dyad and (ev.source == NULL or ev.target == NULL):
                continue
            if ev.triple not in seen:
                seen.add(ev.triple)
                out.append(ev)
        return CodingResult(out)

    # ---- one verb phrase
    def _code_vp(
        self, vp: Node, start: int, end: int, seq: list[Elem], events: list[Event], top: int = -1
    ) -> bool:
        """Code one VP; ``top`` is where a coordination of VPs containing it starts (its
        earlier conjuncts are not searched for the source)."""
        if (
            not vp.children
            or vp.children[0].word is None
            or not vp.children[0].label.startswith("VB")
        ):
            return False
        vloc = start
        passive = False
        ploc = self._passive(vp, start, end, seq)
        if ploc is not None:
            vloc, passive = ploc, True
        verb = seq[vloc].word
        cands = self.d.verb_index.get(verb)
        if not cands:
            return False
        form, vstart, vend = None, vloc, vloc
        blocks: list = []
        for f, b in cands:
            span = self._form_span(f, seq, vloc, end)
            if span is None:
                continue
            if form is None:
                form, (vstart, vend) = f, span
            if (f.before, f.after) == (form.before, form.after) and b not in blocks:
                blocks.append(b)
        if form is None:
            return False
        patterns = [p for b in blocks for p in b.patterns]
        block_code = next((b.code for b in blocks if b.code != NULL), NULL)
        upper = self._upper(seq, vstart)
        lower = seq[vend + 1 : end]
        best: tuple[Pattern, _Bind] | None = None
        for p in sorted(patterns, key=lambda p: -p.size):
            b = self.matcher.match(p.lower, p.lower_tight, lower, _Bind(), upper=False)
            if b is None:
                continue
            b = self.matcher.match(
                tuple(reversed(p.upper)), tuple(reversed(p.upper_tight)), upper, b, upper=True
            )
            if b is not None:
                best = (p, b)
                break
        code = NULL
        bind = _Bind()
        rule = ""
        if best is not None and best[0].code != NULL:
            code, bind, rule = best[0].code, best[1], f"pattern:{best[0].line}"
        else:
            default = form.code or block_code
            if default != NULL:
                code, rule = default, f"verb:{blocks[0].name}"
        if code == NULL:
            return False
        target = bind.target or self._find_target(lower)
        if target is None:
            return True
        source = bind.source or self._find_source(self._upper(seq, vstart, top), target)
        if source is None:
            return True
        self._emit(source, target, code, passive, verb, rule, events)
        return True

    def _passive(self, vp: Node, start: int, end: int, seq: list[Elem]) -> int | None:
        """Location of the participle in 'was [adverb] VBN ... by X' (PETRARCH's test)."""
        idx = next((k for k in range(start + 1, end) if seq[k].tag == "VBN"), None)
        if idx is None:
            return None
        if not any(_is_word(e) and e.word == "BY" for e in seq[idx + 1 : end]):
            return None
        for k in range(idx - 1, start - 1, -1):
            if seq[k].tag.startswith("VB") and seq[k].word in _PASSIVE_AUX:
                return idx
        return None

    @staticmethod
    def _form_span(f: VerbForm, seq: list[Elem], vloc: int, end: int) -> tuple[int, int] | None:
        k = vloc
        for w in f.after:
            k += 1
            while k < end and (not _is_word(seq[k]) or seq[k].word in _SKIP_WORDS):
                k += 1
            if k >= end or seq[k].word != w:
                return None
        k2 = vloc
        for w in reversed(f.before):
            k2 -= 1
            while k2 >= 0 and (not _is_word(seq[k2]) or seq[k2].word in _SKIP_WORDS):
                k2 -= 1
            if k2 < 0 or seq[k2].word != w:
                return None
        return k2, k

    @staticmethod
    def _upper(seq: list[Elem], vloc: int, top: int = -1) -> list[Elem]:
        out = []
        first = vloc - 1 if top < 0 else top - 1
        for k in range(first, -1, -1):
            e = seq[k]
            if e.kind == "W" and e.word == ",":
                break
            out.append(e)
        return out

    @staticmethod
    def _find_target(lower: list[Elem]):
        for e in lower:
            if e.kind == "CS":
                return e.nec
            if e.kind == "NES" and e.ne.code != NULL:  # type: ignore[union-attr]
                return e.ne
        for e in lower:
            if e.kind == "NES":
                return e.ne
        return None

    @staticmethod
    def _find_source(upper: list[Elem], target):
        """Nearest coded noun phrase before the verb (not the target's code), else the
        nearest null one. ``NES`` counts too: a multi-word verb can start inside a phrase."""
        tcode = target.code if isinstance(target, NE) else None
        for e in upper:
            if e.kind == "CE":
                return e.nec
            if e.kind in ("NEE", "NES") and e.ne.code != NULL and e.ne.code != tcode:  # type: ignore
                return e.ne
        for e in upper:
            if e.kind in ("NEE", "NES") and (e.ne.code == NULL or e.ne.code != tcode):  # type: ignore
                return e.ne
        return None

    def _codes(self, x) -> list[str]:
        nes = [x] if isinstance(x, NE) else [c.ne for c in x.children if c.ne is not None]
        out: list[str] = []
        for ne in nes:
            if ne.code != NULL:
                out.extend(ne.code.split("/"))
            elif (
                self.options.new_actor_length > 0
                and len(ne.words) - 1 < self.options.new_actor_length
            ):
                out.append('"' + " ".join(ne.words) + '"')
        return out or [NULL]

    def _emit(
        self, source, target, code: str, passive: bool, verb: str, rule: str, events: list[Event]
    ) -> None:
        src, tgt = self._codes(source), self._codes(target)
        if ":" in code:
            if src[0] == NULL or tgt[0] == NULL:
                if tgt[0] == NULL:
                    tgt = src
                else:
                    src = tgt
            c1, _, c2 = code.partition(":")
            pairs = [(src, tgt, c1), (tgt, src, c2)]
        else:
            pairs = [(src, tgt, code)]
        for ss, tt, c in pairs:
            for s in ss:
                for t in tt:
                    if s == t:
                        continue
                    a, b = (t, s) if passive else (s, t)
                    events.append(Event(a, b, c, verb, rule))
