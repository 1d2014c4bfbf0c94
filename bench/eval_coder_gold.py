"""Accuracy of the coder on two human-coded gold sets in ../shared (read, never copied).

- PLOVER GSR (PLOVER_GSR_CAMEO.txt, PLOVER 0.5b1 names mapped to current ones:
  DEMAND->REQUEST, DISAPPROVE->ACCUSE, FIGHT->ASSAULT): event type = PLOVER type.
- PETR2 validation (PETR2_GSR_validation.xml, CAMEO): event type = CAMEO root (and full code).
A record counts as an event-type hit when any event the coder emits for it has the gold
type; actor accuracy is over hits: the coder's source/target country (ISO3, or IGO code)
equals the gold code's country part (first three letters). Coverage = records with any event.
Misses are broken down by where the record was lost: no sentence passed the pre-filter
(no trigger stem / no actor), parsed but no event, or events of another type.
Old CAMEO country codes (JAP, ITL, VTN) are mapped to ISO3; a gold ``IGO``/``NGO`` actor
matches any organisation the coder resolves. PLOVER 0.5b1 INVESTIGATE is ACCUSE
(mode investigate) in the current PLOVER, and counted so.
Usage: python bench/eval_coder_gold.py [--show-misses] [--half odd|even] [--rules-only]
(--rules-only: the coder without its event classifier, i.e. coder 0.2's behaviour)
"""

from __future__ import annotations

from datetime import date

from summitry.classify.gold import half, petr2_records, plover_records


def _events(coder, text: str, published: date | None):
    """(events with their code info, why nothing came out: '' / 'no-trigger' / 'no-actor' /
    'no-event')."""
    from summitry.coding.codes import code_info
    from summitry.coding.extract import may_have_event

    d = coder.prepare("g", text, published, None, "en", False)
    out = []
    for i in sorted(d.candidates):
        s, e = d.sentences[i]
        _, evs = coder.extract(d, i, coder.parse_sentence(text[s:e]))
        for ev in evs:
            out.append((ev, code_info(ev.code)))
    why = ""
    if not out:
        if d.candidates:
            why = "no-event"
        elif not any(may_have_event(text[s:e]) for s, e in d.sentences):
            why = "no-trigger"
        else:
            why = "no-actor"
    return out, why


def _actor_keys(m) -> set[str]:
    if m is None:
        return set()
    keys = {k for k in (m.iso3, m.actor_id) if k}
    if m.kind == "igo" or (m.iso3 is None and m.actor_id and ":" not in m.actor_id):
        keys.add("IGO")  # gold codes organisations as IGO / NGO
    return keys


def _score(
    name: str,
    rows: list[tuple[str, date | None, set[str], set[str], set[str], str]],
    coder,
    kind: str,
    show: bool = False,
):
    n = hit = cover = src_ok = tgt_ok = tgt_n = 0
    full = 0
    lost = {"no-trigger": 0, "no-actor": 0, "no-event": 0, "wrong-type": 0}
    for text, pub, gold_types, gold_src, gold_tgt, full_code in rows:
        n += 1
        evs, why = _events(coder, text, pub)
        if evs:
            cover += 1
        match = None
        for ev, info in evs:
            t = info.plover_type if kind == "plover" else info.cameo_root
            if t in gold_types:
                match = (ev, info)
                break
        if match is None:
            lost[why or "wrong-type"] += 1
            if show:
                got = ",".join(f"{i.cameo_code}/{i.plover_type}:{e.trigger.text}" for e, i in evs)
                print(f"  MISS {why or 'wrong-type':10} gold={sorted(gold_types)} got=[{got}]")
                print(f"       {text[:160]}")
            continue
        hit += 1
        ev, info = match
        if kind == "cameo" and info.cameo_code == full_code:
            full += 1
        if _actor_keys(ev.source) & gold_src:
            src_ok += 1
        elif show:
            print(f"  SRC  gold={sorted(map(str, gold_src))} got={ev.source.text!r}: {text[:120]}")
        if gold_tgt:
            tgt_n += 1
            if _actor_keys(ev.target) & gold_tgt:
                tgt_ok += 1
    print(
        f"{name}: {n} records; coverage {cover}/{n}; event-type accuracy {hit}/{n} = {hit / n:.1%}"
        + (f"; full CAMEO code {full}/{n}" if kind == "cameo" else "")
    )
    if hit:
        print(
            f"   actors on type hits: source {src_ok}/{hit} = {src_ok / hit:.1%}; "
            f"target {tgt_ok}/{tgt_n} = {tgt_ok / max(1, tgt_n):.1%}"
        )
    print(
        "   misses: "
        + "; ".join(f"{k} {v}" for k, v in lost.items())
        + "  (no-trigger/no-actor: no sentence passed the pre-filter)"
    )
    return hit, n


def plover_rows():
    return [(r.text, r.published, r.types, r.sources, r.targets, "") for r in plover_records()]


def petr_rows():
    return [(r.text, r.published, r.roots, r.sources, r.targets, r.cameo) for r in petr2_records()]


def main() -> None:
    import sys

    from summitry.coding import Coder

    show = "--show-misses" in sys.argv
    which = sys.argv[sys.argv.index("--half") + 1] if "--half" in sys.argv else None
    coder = Coder(model=None) if "--rules-only" in sys.argv else Coder()
    tag = f" [{which} half]" if which else ""
    _score(f"PLOVER GSR (PLOVER type){tag}", half(plover_rows(), which), coder, "plover", show)
    _score(
        f"PETR2 GSR validation (CAMEO root){tag}", half(petr_rows(), which), coder, "cameo", show
    )


if __name__ == "__main__":
    main()
