"""Verb knowledge from PETRARCH2's CAMEO verb dictionary (``petrarch2/CAMEO.2.0.txt``), read
from ``../shared`` at training time only: each verb with a code, and each verb pattern with
its object ("- * AID [070] # RUSH" -> governing verb "rush" + object "aid" = AID), becomes a
feature-only training example (no sentence), so the trained weights know verbs the example
sentences never use. Nothing of the dictionary is shipped: only the weights learnt from it.
"""

from __future__ import annotations

import re
from pathlib import Path

from summitry.classify.features import stem
from summitry.classify.gold import NONE
from summitry.codes import plover_for

_CODE = re.compile(r"\[([0-9]{2,4})(?::[0-9]+)?\]")
_PREPS = {"for", "with", "to", "on", "against", "into", "from", "in", "of", "at", "over"}


def _plover(code: str) -> str:
    p = plover_for(code)
    return p.event_type if p else NONE


def _synsets(lines: list[str]) -> dict[str, list[str]]:
    sets, cur = {}, None
    for ln in lines:
        if ln.startswith("&"):
            cur = ln.split()[0][1:]
            sets[cur] = []
        elif ln.startswith("+") and cur:
            sets[cur].append(ln[1:].split()[0].strip("_").replace("_", " "))
    return sets


def _words(pattern: str, sets: dict[str, list[str]]) -> list[str]:
    out = []
    for w in re.findall(r"[&A-Za-z_]+", pattern):
        if w.startswith("&"):
            out.append((sets.get(w[1:]) or [w[1:]])[0].split()[0])
        else:
            out.append(w.split("_")[0])
    return [w.lower() for w in out]


def dictionary_examples(shared: Path) -> list[tuple[list[str], str]]:
    """(features, PLOVER type or NONE) pairs from the verb dictionary."""
    lines = (shared / "petrarch2" / "CAMEO.2.0.txt").read_text(encoding="utf-8").splitlines()
    start = next(i for i, ln in enumerate(lines) if "VERB PATTERNS" in ln)
    sets = _synsets(lines[:start])
    out: list[tuple[list[str], str]] = []
    block_code = None
    for raw in lines[start + 1 :]:
        if "TRANSFORMATIONS" in raw:
            break
        ln = raw.split("#")[0].rstrip() if not raw.startswith("- ") else raw
        if not ln.strip():
            continue
        if ln.startswith("---"):
            m = _CODE.search(ln)
            block_code = m.group(1) if m else None
            continue
        if ln.startswith("- "):
            m, verb = _CODE.search(ln), re.search(r"#\s*([A-Z_]+)", ln)
            if not m or not verb or "*" not in ln:
                continue
            v = stem(verb.group(1).split("_")[0])
            obj = _words(ln[: m.start()].split("*", 1)[1], sets)
            feats = [f"gc:{v}"]
            if obj and obj[0] in _PREPS and len(obj) > 1:
                feats.append(f"gp:{v}|{obj[0]}|{stem(obj[1])}")
            elif obj:
                feats.append(f"go:{v}|{stem(obj[0])}")
            out.append((feats, _plover(m.group(1))))
        elif ln[:1].isalpha() or ln.startswith("+"):
            m = _CODE.search(ln) or (_CODE.search(f"[{block_code}]") if block_code else None)
            if m:
                word = ln.lstrip("+").split()[0].split("_")[0]
                out.append(([f"gc:{stem(word)}"], _plover(m.group(1))))
    return out
