"""Cutting a document into highlighted and marked segments (what the template escapes)."""

from summitry.serve.marks import segments


def mention(s: int, e: int, actor: str | None = "RUS") -> dict:
    return {"start_char": s, "end_char": e, "actor_id": actor, "rule": "r"}


def test_highlight_and_mentions_cut_the_text_without_losing_a_character():
    text = "Putin met Trump. Then <b>x</b> happened."
    parts = segments(text, (0, 16), [mention(0, 5), mention(10, 15, "USA"), mention(3, 8)])
    assert "".join(p.text for p in parts) == text
    assert [(p.text, p.highlight, p.mention) for p in parts[:4]] == [
        ("Putin", True, "RUS (r)"),
        (" met ", True, None),
        ("Trump", True, "USA (r)"),
        (".", True, None),
    ]
    assert [p.first_highlight for p in parts].count(True) == 1 and parts[0].first_highlight
    assert parts[-1].text == " Then <b>x</b> happened." and not parts[-1].highlight


def test_spans_out_of_range_or_empty_are_ignored():
    text = "abc"
    parts = segments(
        text, (2, 99), [mention(-1, 2), mention(1, 1), mention(2, 9), mention(0, 1, None)]
    )
    assert "".join(p.text for p in parts) == text
    assert [(p.text, p.highlight, p.mention) for p in parts] == [
        ("a", False, "unresolved (r)"),
        ("b", False, None),
        ("c", True, None),
    ]
    assert segments("", None, []) == []
