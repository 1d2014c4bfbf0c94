"""The coder's word knowledge is data (data/coding/*.yaml), loaded and checked once: a bad
entry stops the load with one line naming the file and the entry."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from summitry.coding import triggers as tr


def test_shipped_data_loads_and_is_used():
    t = tr.load()
    assert t.verbs["meet"].code == "040" and t.verbs["meet"].target_preps == ("with",)
    assert t.verbs["call"].senses[0].with_words == {"on", "upon"}
    assert dict(t.verbs["provide"].objects)["food"] == "073"
    assert t.nouns["talk"].plural_only and t.nouns["mediation"].governor_codes
    assert "hold" in t.words.light_verbs and "launch" in t.words.light_verbs
    assert t.words.intent_by_code["0841"] == "0353"
    # the module's tables are the shipped data
    assert t.verbs == tr.VERBS and t.nouns == tr.NOUNS
    for frame in [*t.verbs.values(), *t.nouns.values()]:
        assert all(isinstance(p, str) for p in frame.target_preps)
        assert frame.code or frame.objects or frame.senses  # "hit": its senses only


@pytest.fixture
def data(tmp_path: Path) -> Path:
    out = tmp_path / "coding"
    shutil.copytree(tr.data_dir(), out)
    return out


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            '  meet: {code: "040",',
            '  meet: {cod: "040",',
            r"triggers\.yaml: verbs\.meet: unknown key 'cod'",
        ),
        (
            '  meet: {code: "040",',
            '  meet: {code: "999",',
            r"triggers\.yaml: verbs\.meet\.code: '999' is not a CAMEO event code",
        ),
        (
            '  meet: {code: "040",',
            "  meet: {code: 040,",
            r"verbs\.meet\.code: 32 is not a CAMEO event code \(quote it\)",  # YAML: octal
        ),
        (  # a bare YAML `on` is read as true
            '{with: ["on", upon],',
            "{with: [on, upon],",
            r"verbs\.call\.senses\[0\]\.with: expected a list of words .*quote YAML words",
        ),
        (
            '{with: ["on", upon],',
            '{wth: ["on", upon],',
            r"verbs\.call\.senses\[0\]: unknown key 'wth'",
        ),
        (
            'needs_object: "@agreement_nouns"',
            'needs_object: "@agreements"',
            r"verbs\.sign\.needs_object: no word set 'agreements' in words\.yaml",
        ),
        (
            "object_sets: {aid: null}",
            "object_sets: {help: null}",
            r"object_sets: no object set 'help'",
        ),
        (
            'object_sets: {people: "0841"}',
            "object_sets: {people: null}",
            r"object_sets\.people: .* is not a CAMEO event code",
        ),
    ],
)
def test_bad_trigger_entries_name_file_and_entry(data, old, new, message):
    _edit(data / "triggers.yaml", old, new)
    with pytest.raises(tr.TriggerDataError, match=message):
        tr.load(data)


def test_bad_word_sets_name_file_and_set(data):
    _edit(data / "words.yaml", "deny_verbs: [deny]", "deny_verbs: deny")
    with pytest.raises(tr.TriggerDataError, match=r"words\.yaml: deny_verbs: expected a list"):
        tr.load(data)
    _edit(data / "words.yaml", "deny_verbs: deny", "denial_verbs: [deny]")
    with pytest.raises(
        tr.TriggerDataError, match=r"words\.yaml: top level: unknown key 'denial_verbs'"
    ):
        tr.load(data)


def test_an_added_trigger_loads_with_its_conditions(data):
    text = (data / "triggers.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "  # 04 consult\n",
        '  # 04 consult\n  chat: {code: "040", target_preps: [with], symmetric: true, '
        'by_phone: [by, over, "on"], unless_particles: [up]}\n',
        1,
    )
    (data / "triggers.yaml").write_text(text, encoding="utf-8")
    chat = tr.load(data).verbs["chat"]
    assert (chat.code, chat.by_phone, chat.unless_particles) == (
        "040",
        {"by", "over", "on"},
        {"up"},
    )
