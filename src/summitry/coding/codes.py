"""CAMEO / PLOVER attributes for a code, via ``summitry.codes`` (root QuadClass if it lacks one)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from summitry.codes import cameo_info, plover_for

# Root-level QuadClass (CAMEO codebook) for a code the packaged tables do not list.
_ROOT_QUAD = {
    "01": 1,
    "02": 1,
    "03": 1,
    "04": 1,
    "05": 1,
    "06": 2,
    "07": 2,
    "08": 2,
    "09": 3,
    "10": 3,
    "11": 3,
    "12": 3,
    "13": 3,
    "14": 3,
    "15": 4,
    "16": 3,
    "17": 4,
    "18": 4,
    "19": 4,
    "20": 4,
}


@dataclass(frozen=True)
class CodeInfo:
    cameo_code: str
    cameo_root: str
    quad_class: int | None
    goldstein: float | None
    plover_type: str | None
    plover_mode: str | None


@lru_cache(maxsize=1024)
def code_info(code: str) -> CodeInfo:
    root = code[:2]
    quad, gold, ptype, pmode = _ROOT_QUAD.get(root), None, None, None
    ci = cameo_info(code)
    if ci is not None:
        root, quad, gold = ci.root, ci.quad_class, ci.goldstein
    pi = plover_for(code)
    if pi is not None:
        ptype, pmode = pi.event_type, pi.mode
    return CodeInfo(code, root, quad, gold, ptype, pmode)
