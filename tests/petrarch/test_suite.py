"""The PETRARCH2 unit-test records: the score must not fall (bench/eval_petrarch.py)."""

from pathlib import Path

from summitry.petrarch import Dictionaries, Options, PetrarchCoder
from summitry.petrarch.validation import read_records, run_suite, summarise

REACHED = 272  # of 279 scored records (97.5 %) when this test was written


def _dicts(d: Path) -> Dictionaries:
    return Dictionaries.load(
        d / "PETR.Validate.actors.txt",
        d / "PETR.Validate.agents.txt",
        d / "PETR.Validate.verbs.txt",
        d / "PETR.Validate.discards.txt",
    )


def test_unit_records_score(petr_dir: Path) -> None:
    records = read_records(petr_dir / "PETR.UnitTest.records.xml")
    assert len(records) == 284
    s = summarise(run_suite(records, _dicts(petr_dir)))
    assert s["skipped"] == 5  # sentence="false"
    assert s["exact"] >= REACHED - 3, s
    assert s["share"] >= 0.90


def test_single_sentence_with_agent_and_pattern(petr_dir: Path) -> None:
    coder = PetrarchCoder(_dicts(petr_dir), Options())
    tree = (
        "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (VP (IN about) (S (VP (TO to) (VP (VB restore)"
        " (NP (JJ full) (JJ diplomatic) (NNS ties)) (PP (IN with) (NP (NNP Gondor)))))))) (. .)))"
    )
    res = coder.code_tree(tree)
    assert [e.triple for e in res.events] == [("ARN", "GON", "064")]
    assert res.events[0].rule.startswith("pattern:")
    # an agent composes with the country: "the Gondor government" -> GONGOV
    tree2 = (
        "(ROOT (S (NP (DT The) (NNP Gondor) (NN government)) (VP (VBD condemned)"
        " (NP (NNP Arnor))) (. .)))"
    )
    assert [e.triple for e in coder.code_tree(tree2).events] == [("GONGOV", "ARN", "122")]
    # discards
    assert coder.code_tree(tree, text="Manchester United beat Arnor").status == "story-discard"
