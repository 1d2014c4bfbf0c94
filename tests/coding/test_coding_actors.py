"""The coder resolves descriptors, counterparts and names with the one actor resolver
(summitry.actors), so it agrees with ``summitry actors who`` on every date."""

from __future__ import annotations

from datetime import date

import pytest

from summitry.actors import ActorKB

D = date.fromisoformat


def _pairs(coder, text: str, on: str) -> list[tuple[str, str, str | None]]:
    d = coder.prepare("t", text, D(on), None, "en", False)
    out = []
    for i in sorted(d.candidates):
        s, e = d.sentences[i]
        _, evs = coder.extract(d, i, coder.nlp(text[s:e]))
        out += [
            (ev.code, ev.source.actor_id, ev.target.actor_id if ev.target else None) for ev in evs
        ]
    return out


def test_reykjavik_the_soviet_leader_is_gorbachev(coder):
    text = "The Soviet leader met President Reagan in Reykjavik."
    got = _pairs(coder, text, "1986-10-11")
    meets = [(s, t) for code, s, t in got if code.startswith("04")]
    assert meets == [("person:mikhail-gorbachev", "person:ronald-reagan")]
    # ... and the KB (what `summitry actors who` prints) says the same
    kb = ActorKB.load()
    assert [m.actor_id for m in kb.resolve("the Soviet leader", on=D("1986-10-11"))] == [
        "person:mikhail-gorbachev"
    ]


@pytest.mark.parametrize(
    ("text", "on", "src", "tgt"),
    [
        (
            "Reagan met his Soviet counterpart in Reykjavik on Saturday.",
            "1986-10-11",
            "person:ronald-reagan",
            "person:mikhail-gorbachev",
        ),
        (
            "The Soviet foreign minister met the U.S. secretary of state in Geneva.",
            "1985-01-08",
            "person:andrei-gromyko",
            "person:george-p-shultz",
        ),
        (
            "The Soviet president met Thatcher in London.",
            "1990-06-01",
            "person:mikhail-gorbachev",
            "person:margaret-thatcher",
        ),
        (
            "The Russian leader met the U.S. president in Helsinki.",
            "2018-07-16",
            "person:vladimir-putin",
            "person:donald-trump",
        ),
        (
            "Russia's foreign minister met his American counterpart in Vienna.",
            "2017-12-07",
            "person:sergei-lavrov",
            "person:rex-tillerson",
        ),
        (
            "The British prime minister met the German chancellor in Brussels.",
            "2018-03-22",
            "person:theresa-may",
            "person:angela-merkel",
        ),
        (
            "The Chinese leader spoke with the Japanese prime minister by phone.",
            "2018-05-09",
            "person:xi-jinping",
            "person:shinzo-abe",
        ),
        (
            "The Turkish leader met the Russian president in Sochi.",
            "2010-01-13",
            "person:recep-tayyip-erdogan",  # Turkey's leader was its prime minister then
            "person:dmitry-medvedev",
        ),
        (
            "The North Korean leader threatened the United States.",
            "2017-11-13",
            "person:kim-jong-un",
            "USA",
        ),
        (
            "Iran’s leader criticised the United States on Friday.",
            "2017-11-10",
            "person:ali-khamenei",
            "USA",
        ),
    ],
)
def test_descriptors_and_counterparts_by_date(coder, text, on, src, tgt):
    assert (src, tgt) in [(s, t) for _code, s, t in _pairs(coder, text, on)]


def test_possessive_names_are_one_key(coder):
    # "Erdoğan's", "Sessions’": the name without its possessive, the span without it either
    d = coder.prepare(
        "t", "Erdoğan's aides criticised Germany.", D("2017-06-01"), None, "en", False
    )
    names = [m for ms in d.candidates.values() for m in ms if m.kind == "person"]
    assert [(m.text, m.actor_id) for m in names] == [("Erdoğan", "person:recep-tayyip-erdogan")]
