"""The coder's word knowledge: event triggers and the word sets its rules read, as data.

Read once per process from ``data/coding/triggers.yaml`` (verbs and nouns with their CAMEO
code, argument frame and conditions; object sets; intent codes) and
``data/coding/words.yaml`` (named word sets such as the planning or speech verbs), and
checked: an unknown key, a code the CAMEO table lacks, a word that is not a string (YAML reads
a bare ``on`` as true) or a reference to a set that does not exist stops the load with
``file: entry: what was wrong`` (:class:`TriggerDataError`). The format is documented in
``coding/README.md`` ("Word knowledge as data").

``VERBS`` / ``NOUNS`` map a lemma to its :class:`Frame`; ``WORDS`` holds the word sets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from summitry.codes import cameo_info
from summitry.nlp import lexical

TRIGGERS_FILE = "triggers.yaml"
WORDS_FILE = "words.yaml"
ANY = "*"  # ``by_phone: any``: every preposition
_CODE = re.compile(r"\d{2,4}")


class TriggerDataError(ValueError):
    """A bad entry in the coder's word data (the message names the file and the entry)."""


@dataclass(frozen=True)
class Sense:
    """Another reading of a trigger: selected by a particle or preposition (verbs: "call on
    X" is an appeal), by a word modifying it or by its governing verb (nouns: "hunger
    strike", "staged a strike"); it replaces the code (and target prepositions)."""

    code: str | None = None
    target_preps: tuple[str, ...] | None = None
    with_words: frozenset[str] = frozenset()  # verbs: a particle, or a preposition + actor
    modifier: str | None = None  # nouns: a word among the noun's children
    governors: frozenset[str] | None = None  # nouns: lemmas of the verb governing the noun
    light_verbs: frozenset[str] = frozenset()  # nouns: more verbs it is the object of


@dataclass(frozen=True)
class Frame:
    """A trigger's code, argument frame and the conditions under which it is an event.

    ``target_preps``: prepositions whose object is the target ("meet with X"); the direct
    object is a target candidate unless ``dobj_target`` is False. ``objects``: (object
    lemma, code) pairs: the verb is an event only with one of them, which also fixes the code
    ("provided food" -> 073). The other fields are conditions, each documented in
    coding/README.md; a :class:`Sense` taken replaces the frame and drops its conditions.
    """

    code: str
    target_preps: tuple[str, ...] = ()
    dobj_target: bool = True
    needs_target: bool = True
    symmetric: bool = False  # "A and B met": the second subject is the target
    objects: tuple[tuple[str, str], ...] = ()
    senses: tuple[Sense, ...] = ()
    # verbs
    as_root_noun: bool = False  # also a trigger when parsed as a sentence's root noun
    by_phone: frozenset[str] = frozenset()  # prepositions of "by phone" (ANY: every one)
    unless_deps: frozenset[str] = frozenset()  # no event with a child of these relations
    unless_preps: frozenset[str] = frozenset()  # ... or with one of these prepositions
    unless_particles: frozenset[str] = frozenset()  # ... or particles ("give up")
    unless_objects: frozenset[str] = frozenset()  # ... or an object of these lemmas
    max_objects: int | None = None  # at most this many object-like children
    needs_deps: frozenset[str] = frozenset()  # a child of one of these relations
    needs_object: frozenset[str] = frozenset()  # an object of one of these lemmas
    only_objects: frozenset[str] = frozenset()  # an object, if any, of these (or an actor)
    needs_dobj: bool = False  # a direct object
    needs_actor_object: bool = False  # a direct object that is an actor
    not_as_modifier: bool = False  # never as a modifier (amod / acl)
    refusal: bool = False  # a refusal of an event ("refused to meet", not "... to comment")
    addressee: bool = False  # a statement that keeps its target ("told X")
    target_in_clause: bool = False  # no object: the object of its clause ("warned it would hit X")
    person_target_code: str | None = None  # the code when the target is a person
    # nouns
    governors: frozenset[str] | None = None  # an event only under these verbs
    governor_codes: tuple[tuple[str, str], ...] = ()  # (governor, code) refinements
    phone_modifier_suffices: bool = False  # "phone call": no governor needed
    plural_only: bool = False  # "talks", not "talk"
    source_from_modifiers: bool = False  # "the Trump-Xi summit": actors from modifiers
    any_modifier_actor: bool = False  # modifiers of any kind count ("U.S. sanctions")
    light_verbs: frozenset[str] = frozenset()  # more verbs that take it ("told a news conference")

    def with_sense(self, sense: Sense) -> Frame:
        """This frame read as ``sense``: its code and prepositions, none of the conditions
        (a sense with its own code drops the objects that would fix another: "fired back at
        X" is no shooting)."""
        return Frame(
            sense.code or self.code,
            self.target_preps if sense.target_preps is None else sense.target_preps,
            self.dobj_target,
            self.needs_target,
            self.symmetric,
            () if sense.code else self.objects,
            light_verbs=sense.light_verbs,
        )


@dataclass(frozen=True)
class Words:
    """The word sets of words.yaml the rules read (lower-case lemmas)."""

    light_verbs: frozenset[str]  # take an event noun as object ("held talks")
    phone_words: frozenset[str]
    plan_verbs: frozenset[str]
    refuse_verbs: frozenset[str]
    deny_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    hypothetical_aux: frozenset[str]
    future_aux: frozenset[str]
    circumstantial_preps: frozenset[str]
    negating_nouns: frozenset[str]
    noun_plan_modifiers: frozenset[str]
    person_nouns: frozenset[str]
    name_suffixes: frozenset[str]  # "Biden, Jr.": the parser heads the name on the suffix
    agreement_nouns: frozenset[str]
    not_agents: frozenset[str]
    not_agents_unless_protest: frozenset[str]
    not_saying: frozenset[str]
    requests: frozenset[str]
    possessed_people: frozenset[str]  # "Trump's defense secretary said he ...": not Trump
    hostile_objects: frozenset[str]
    fight_objects: frozenset[str]
    appeal_heads: frozenset[str]
    demand_aux: frozenset[str]  # "said Sudan must/should return ...": a demand (10)
    demand_verbs: frozenset[str]  # "said Sudan needs to / has to return ...": a demand
    demand_kinds: frozenset[str]  # mention kinds a demand at home may be made of
    condition_marks: frozenset[str]  # "should step aside if ...": a conditional demand
    threat_verbs: frozenset[str]  # "threatened to impose sanctions": the act is not held
    mutual_nouns: frozenset[str]  # "exchanges of threats between A and B": both ways
    view_verbs: frozenset[str]  # "agree that <clause>": a shared view, not an agreement
    commitment_aux: frozenset[str]  # "agreed that they would / should ...": an agreement
    accusation_verbs: frozenset[str]  # "said Russia had violated the treaty": an accusation
    accusation_adjectives: frozenset[str]  # "said Iran was guilty"
    blame_adjectives: frozenset[str]  # "said Iran was responsible for the attack"
    accusation_objects: frozenset[str]  # what one is responsible for in an accusation
    not_offers: frozenset[str]
    refusable: frozenset[str]
    travel_verbs: frozenset[str]  # "flew to Sochi for talks": in the past, the talks were held
    lemmas: frozenset[str]  # compared by lemma: their inflections are registered
    sector_roots: dict[str, frozenset[str]]  # sector code -> CAMEO roots ("*": the rest)
    intent_by_code: dict[str, str] = field(default_factory=dict)  # from triggers.yaml
    intent_by_root: dict[str, str] = field(default_factory=dict)


_SET_NAMES = tuple(f.name for f in fields(Words) if f.type == "frozenset[str]")


@dataclass(frozen=True)
class Triggers:
    verbs: dict[str, Frame]
    nouns: dict[str, Frame]
    words: Words


def data_dir() -> Path:
    return Path(str(resources.files("summitry") / "data" / "coding"))


def load(folder: Path | None = None) -> Triggers:
    """The trigger tables and word sets of ``folder`` (the shipped data by default)."""
    base = folder or data_dir()
    t, w = base / TRIGGERS_FILE, base / WORDS_FILE
    return _load(str(t), t.stat().st_mtime, str(w), w.stat().st_mtime)


@lru_cache(maxsize=4)
def _load(triggers: str, _t: float, words: str, _w: float) -> Triggers:
    sets = _word_sets(Path(words).name, _read_yaml(Path(words)))
    data = _read_yaml(Path(triggers))
    name = Path(triggers).name
    _keys(name, "", data, {"object_sets", "verbs", "nouns", "intent"})
    reader = _FrameReader(name, sets, _object_sets(name, data.get("object_sets") or {}))
    verbs = {
        w: reader.frame(f"verbs.{w}", e, verb=True)
        for w, e in _mapping(name, "verbs", data).items()
    }
    nouns = {
        w: reader.frame(f"nouns.{w}", e, verb=False)
        for w, e in _mapping(name, "nouns", data).items()
    }
    sets["intent_by_code"], sets["intent_by_root"] = _intent(name, data.get("intent") or {})
    governors = {g for f in nouns.values() for g in f.governors or ()}
    sets["light_verbs"] = sets["light_verbs"] | governors  # a noun's governor is a light verb
    return Triggers(verbs, nouns, Words(**sets))


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise TriggerDataError(f"{path}: {exc}") from None
    if not isinstance(data, dict):
        raise TriggerDataError(f"{path}: expected a mapping at the top")
    return data


def _keys(file: str, where: str, entry: dict, allowed: set[str]) -> None:
    bad = sorted(str(k) for k in entry if k not in allowed)
    if bad:
        raise TriggerDataError(
            f"{file}: {where or 'top level'}: unknown key {bad[0]!r} "
            f"(expected one of {', '.join(sorted(allowed))})"
        )


def _mapping(file: str, where: str, data: dict) -> dict:
    value = data.get(where)
    if not isinstance(value, dict):
        raise TriggerDataError(f"{file}: {where}: expected a mapping of words to entries")
    return value


def _words(file: str, where: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        raise TriggerDataError(
            f"{file}: {where}: expected a list of words (strings), got {value!r}; quote YAML "
            "words such as on, off, yes, no"
        )
    return value


def _code(file: str, where: str, value: object) -> str:
    """A CAMEO event code: two to four digits under a root of the codebook (a few codes, such
    as 176 "attack cybernetically", are newer than GDELT's table and kept)."""
    if not (isinstance(value, str) and _CODE.fullmatch(value) and cameo_info(value[:2])):
        raise TriggerDataError(f"{file}: {where}: {value!r} is not a CAMEO event code (quote it)")
    return value


def _word_sets(file: str, data: dict) -> dict[str, Any]:
    _keys(file, "", data, {*_SET_NAMES, "sector_roots"})
    missing = [n for n in (*_SET_NAMES, "sector_roots") if n not in data]
    if missing:
        raise TriggerDataError(f"{file}: the word set {missing[0]!r} is missing")
    roots = data["sector_roots"]
    if not isinstance(roots, dict):
        raise TriggerDataError(f"{file}: sector_roots: expected sector -> CAMEO roots")
    out: dict[str, Any] = {n: frozenset(_words(file, n, data[n])) for n in _SET_NAMES}
    out["sector_roots"] = {
        str(k): frozenset(_words(file, f"sector_roots.{k}", v)) for k, v in roots.items()
    }
    return out


def _object_sets(file: str, data: object) -> dict[str, dict[str, str] | list[str]]:
    if not isinstance(data, dict):
        raise TriggerDataError(f"{file}: object_sets: expected a mapping of names to sets")
    out: dict[str, dict[str, str] | list[str]] = {}
    for name, value in data.items():
        where = f"object_sets.{name}"
        if isinstance(value, dict):
            out[name] = {str(k): _code(file, f"{where}.{k}", v) for k, v in value.items()}
        else:
            out[name] = _words(file, where, value)
    return out


def _intent(file: str, data: dict) -> tuple[dict[str, str], dict[str, str]]:
    _keys(file, "intent", data, {"by_code", "by_root"})
    return tuple(  # type: ignore[return-value]
        {str(k): _code(file, f"intent.{part}.{k}", v) for k, v in (data.get(part) or {}).items()}
        for part in ("by_code", "by_root")
    )


_FRAME_KEYS = {
    "code",
    "target_preps",
    "dobj_target",
    "needs_target",
    "symmetric",
    "senses",
    "objects",
    "object_sets",
}
_VERB_KEYS = _FRAME_KEYS | {
    "as_root_noun",
    "by_phone",
    "unless_deps",
    "unless_preps",
    "unless_particles",
    "unless_objects",
    "max_objects",
    "needs_deps",
    "needs_object",
    "only_objects",
    "needs_dobj",
    "needs_actor_object",
    "not_as_modifier",
    "refusal",
    "addressee",
    "target_in_clause",
    "person_target_code",
}
_NOUN_KEYS = _FRAME_KEYS | {
    "governors",
    "governor_codes",
    "phone_modifier_suffices",
    "plural_only",
    "source_from_modifiers",
    "any_modifier_actor",
    "light_verbs",
}
_WORD_SET_KEYS = {"unless_objects", "needs_object", "only_objects"}  # words or "@set"
_BOOL_KEYS = {f.name for f in fields(Frame) if f.type == "bool"}
_LIST_KEYS = {
    "unless_deps",
    "unless_preps",
    "unless_particles",
    "needs_deps",
    "governors",
    "light_verbs",
}


@dataclass
class _FrameReader:
    file: str
    sets: dict[str, Any]
    object_sets: dict[str, dict[str, str] | list[str]]

    def frame(self, where: str, entry: object, *, verb: bool) -> Frame:
        if not isinstance(entry, dict):
            raise TriggerDataError(f"{self.file}: {where}: expected a mapping, got {entry!r}")
        _keys(self.file, where, entry, _VERB_KEYS if verb else _NOUN_KEYS)
        objects = self._objects(where, entry)
        if "code" not in entry and not objects and not entry.get("senses"):
            raise TriggerDataError(f"{self.file}: {where}: needs a code, objects or senses")
        kw: dict[str, Any] = {
            "code": _code(self.file, f"{where}.code", entry["code"]) if "code" in entry else "",
            "objects": objects,
        }
        for key, value in entry.items():
            if key in ("code", "objects", "object_sets"):
                continue
            kw[key] = self._value(f"{where}.{key}", key, value, verb)
        return Frame(**kw)

    def _value(self, where: str, key: str, value: object, verb: bool) -> object:
        if key in _BOOL_KEYS:
            if not isinstance(value, bool):
                raise TriggerDataError(f"{self.file}: {where}: expected true or false")
            return value
        if key == "target_preps":
            return tuple(_words(self.file, where, value))
        if key in _LIST_KEYS:
            return frozenset(_words(self.file, where, value))
        if key in _WORD_SET_KEYS:
            return self._word_set(where, value)
        if key == "by_phone":
            return (
                frozenset({ANY}) if value == "any" else frozenset(_words(self.file, where, value))
            )
        if key == "max_objects":
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise TriggerDataError(f"{self.file}: {where}: expected a whole number")
            return value
        if key == "person_target_code":
            return _code(self.file, where, value)
        if key == "governor_codes":
            if not isinstance(value, dict):
                raise TriggerDataError(f"{self.file}: {where}: expected governor -> code")
            return tuple((str(g), _code(self.file, f"{where}.{g}", c)) for g, c in value.items())
        if key == "senses":
            if not isinstance(value, list):
                raise TriggerDataError(f"{self.file}: {where}: expected a list of senses")
            return tuple(self._sense(f"{where}[{n}]", s, verb) for n, s in enumerate(value))
        raise TriggerDataError(f"{self.file}: {where}: not understood")  # pragma: no cover

    def _word_set(self, where: str, value: object) -> frozenset[str]:
        if isinstance(value, str) and value.startswith("@"):
            if value[1:] not in self.sets:
                raise TriggerDataError(
                    f"{self.file}: {where}: no word set {value[1:]!r} in {WORDS_FILE}"
                )
            return self.sets[value[1:]]
        return frozenset(_words(self.file, where, value))

    def _sense(self, where: str, entry: object, verb: bool) -> Sense:
        allowed = {"code", "target_preps"} | (
            {"with"} if verb else {"modifier", "governors", "light_verbs"}
        )
        if not isinstance(entry, dict):
            raise TriggerDataError(f"{self.file}: {where}: expected a mapping")
        _keys(self.file, where, entry, allowed)
        if verb and "with" not in entry or not verb and not {"modifier", "governors"} & set(entry):
            need = "with" if verb else "modifier or governors"
            raise TriggerDataError(f"{self.file}: {where}: a sense needs {need}")
        return Sense(
            code=_code(self.file, f"{where}.code", entry["code"]) if "code" in entry else None,
            target_preps=tuple(_words(self.file, f"{where}.target_preps", entry["target_preps"]))
            if "target_preps" in entry
            else None,
            with_words=frozenset(_words(self.file, f"{where}.with", entry.get("with", []))),
            modifier=str(entry["modifier"]) if "modifier" in entry else None,
            governors=frozenset(_words(self.file, f"{where}.governors", entry["governors"]))
            if "governors" in entry
            else None,
            light_verbs=frozenset(
                _words(self.file, f"{where}.light_verbs", entry.get("light_verbs", []))
            ),
        )

    def _objects(self, where: str, entry: dict) -> tuple[tuple[str, str], ...]:
        out: dict[str, str] = {}
        for name, code in (entry.get("object_sets") or {}).items():
            s = self.object_sets.get(name)
            if s is None:
                raise TriggerDataError(f"{self.file}: {where}.object_sets: no object set {name!r}")
            if isinstance(s, dict):
                if code is not None:
                    raise TriggerDataError(
                        f"{self.file}: {where}.object_sets.{name}: the set has its own codes "
                        "(write null)"
                    )
                out.update(s)
            else:
                out.update(dict.fromkeys(s, _code(self.file, f"{where}.object_sets.{name}", code)))
        objects = entry.get("objects") or {}
        if not isinstance(objects, dict):
            raise TriggerDataError(f"{self.file}: {where}.objects: expected object -> code")
        for obj, code in objects.items():
            out[str(obj)] = _code(self.file, f"{where}.objects.{obj}", code)
        return tuple(out.items())


def _register_lemmas(t: Triggers) -> None:
    """Make every inflection of the words the rules compare by lemma map back to the word
    (verbs before nouns: "meeting" is the verb's)."""
    w = t.words
    lexical.register_lemmas(
        [
            *t.verbs,
            *t.nouns,
            *sorted(w.light_verbs),
            *sorted(w.plan_verbs),
            *sorted(w.refuse_verbs),
            *sorted(w.deny_verbs),
            *sorted(w.speech_verbs),
            *sorted(w.phone_words),
            *sorted(w.travel_verbs),
            *sorted(w.person_nouns),
            *sorted(w.agreement_nouns),
            *sorted(w.accusation_verbs),
            *sorted(w.mutual_nouns),
            *sorted(w.accusation_objects),
            *sorted(w.lemmas),
            *sorted({v for f in t.nouns.values() for s in f.senses for v in s.light_verbs}),
        ]
    )


TRIGGERS = load()
_register_lemmas(TRIGGERS)
VERBS: dict[str, Frame] = TRIGGERS.verbs
NOUNS: dict[str, Frame] = TRIGGERS.nouns
WORDS: Words = TRIGGERS.words
LIGHT_VERBS = WORDS.light_verbs
PHONE_WORDS = WORDS.phone_words
PLAN_VERBS = WORDS.plan_verbs
REFUSE_VERBS = WORDS.refuse_verbs
DENY_VERBS = WORDS.deny_verbs
SPEECH_VERBS = WORDS.speech_verbs


def noun_governor_code(frame: Frame, governor: str) -> str:
    """The code of an event noun under its governing verb ("offered mediation" -> 039)."""
    return dict(frame.governor_codes).get(governor, frame.code)
