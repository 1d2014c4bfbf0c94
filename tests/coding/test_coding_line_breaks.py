"""Names broken across lines ("King Hamad\\nBin Isa ...") are found with exact spans."""

from __future__ import annotations

from datetime import date

import pytest

PUB = date(2024, 3, 5)


@pytest.mark.parametrize(
    "text,name,iso3",
    [
        (
            "The Danish Prime Minister, Mette\nFrederiksen, met the delegation.",
            "Mette Frederiksen",
            "DNK",
        ),
        (
            "Poland's Foreign Minister Radoslaw\nSikorski spoke with the envoy.",
            "Radoslaw Sikorski",
            "POL",
        ),
        ("The President spoke with King Abdullah\nII of Jordan on Tuesday.", "Abdullah II", "JOR"),
        (
            "Talks with Prime Minister Anwar\r\nIbrahim of Malaysia ended late.",
            "Anwar Ibrahim",
            "MYS",
        ),
        (
            "She called President Gustavo\n  Petro of Colombia.",
            "Gustavo Petro",
            "COL",
        ),
        ("Kenya's new President William\n\nRuto arrived in Paris.", "William Ruto", "KEN"),
        (
            "The Chilean Foreign Minister, Alberto van\nKlaveren, met his counterpart.",
            "Alberto van Klaveren",
            "CHL",
        ),
    ],
)
def test_introduced_name_across_a_line_break(coder, text: str, name: str, iso3: str):
    d = coder.prepare("t", text, PUB, None, "en", False)  # raised ValueError before
    found = [m for ms in d.candidates.values() for m in ms if m.kind == "person"]
    if not found:  # not an event sentence: read the mentions directly
        from summitry.coding.mentions import DocContext

        found = [m for m in coder.finder.find(text, 0, DocContext(PUB)) if m.kind == "person"]
    match = [m for m in found if " ".join(text[m.start : m.end].split()) == name]
    assert match, [(m.text, text[m.start : m.end]) for m in found]
    assert match[0].iso3 == iso3
    assert match[0].text == name  # the name itself has single spaces


def test_one_line_name_spans_unchanged(coder):
    text = "Poland's Foreign Minister Radoslaw Sikorski spoke with the envoy."
    from summitry.coding.mentions import DocContext

    (m,) = [m for m in coder.finder.find(text, 10, DocContext(PUB)) if m.kind == "person"]
    assert (m.start - 10, m.end - 10) == (26, 43) and text[26:43] == "Radoslaw Sikorski"
