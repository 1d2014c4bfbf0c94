"""The shipped artifact: size, header, and one clear error for a missing or foreign file."""

from __future__ import annotations

import json

import numpy as np
import pytest

from summitry.classify.model import (
    FEATURE_VERSION,
    MODEL_FORMAT,
    ModelError,
    default_path,
    load_model,
)


def test_shipped_artifact_is_small_and_current(model):
    assert default_path().stat().st_size < 50e6
    assert "NONE" in model.classes and "CONSULT" in model.classes and len(model.classes) == 17
    assert model.meta["counts"]["plover-odd"] == 161  # odd half only: never the even half
    assert "plover-even" not in model.meta["counts"]
    assert 0.0 < model.meta["threshold"] < 1.0


def test_missing_artifact_names_file_and_version(tmp_path):
    path = tmp_path / "nothing.npz"
    with pytest.raises(ModelError) as err:
        load_model(path)
    assert str(path) in str(err.value) and f"format {MODEL_FORMAT}" in str(err.value)


def test_other_version_is_refused(tmp_path, model):
    path = tmp_path / "old.npz"
    model.save(path)
    z = dict(np.load(path, allow_pickle=False))
    header = json.loads(str(z["header"]))
    header["features"] = "f0"
    z["header"] = np.array(json.dumps(header))
    np.savez_compressed(path, **z)
    with pytest.raises(ModelError) as err:
        load_model(path)
    msg = str(err.value)
    assert str(path) in msg and "features f0" in msg and f"features {FEATURE_VERSION}" in msg


def test_damaged_artifact_is_refused(tmp_path):
    path = tmp_path / "broken.npz"
    path.write_bytes(b"not a zip file")
    with pytest.raises(ModelError, match="unreadable"):
        load_model(path)


def test_round_trip_gives_the_same_scores(tmp_path, model):
    path = tmp_path / "copy.npz"
    model.save(path)
    again = load_model(path)
    feats = [["gc:meet", "gp:meet|with|putin", "sr:nsubj", "rule:none"], ["w:said"]]
    assert np.allclose(model.scores(feats), again.scores(feats), atol=1e-6)
