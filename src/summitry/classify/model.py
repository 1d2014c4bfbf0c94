"""The trained event-type model: a linear softmax head over sparse candidate features.

The artifact is one ``.npz`` file: weights (features x classes, float32), biases, the feature
vocabulary, the class names and a JSON header (format and feature versions, design, seed,
training counts). ``load_model`` refuses an artifact of another format or feature version
with one clear error naming the file and the version expected.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

MODEL_FORMAT = 1
FEATURE_VERSION = "f3"
ARTIFACT_NAME = "event_model.npz"


class ModelError(RuntimeError):
    """The model artifact is missing, unreadable or of another version."""


@dataclass
class EventModel:
    classes: list[str]
    vocab: dict[str, int]
    weights: np.ndarray  # (len(vocab), len(classes)) float32
    bias: np.ndarray  # (len(classes),) float32
    meta: dict = field(default_factory=dict)

    def scores(self, feature_lists: list[list[str]]) -> np.ndarray:
        """Class probabilities, one row per candidate (binary features, softmax)."""
        out = np.tile(self.bias, (len(feature_lists), 1)).astype(np.float64)
        for row, feats in enumerate(feature_lists):
            idx = sorted({self.vocab[f] for f in feats if f in self.vocab})
            if idx:
                out[row] += self.weights[idx].sum(axis=0)
        out -= out.max(axis=1, keepdims=True)
        np.exp(out, out=out)
        out /= out.sum(axis=1, keepdims=True)
        return out

    def predict(self, feature_lists: list[list[str]]) -> list[tuple[str, float]]:
        """(best class, its probability) per candidate."""
        p = self.scores(feature_lists)
        best = p.argmax(axis=1)
        return [(self.classes[b], float(p[r, b])) for r, b in enumerate(best)]

    def save(self, path: Path) -> None:
        header = {"format": MODEL_FORMAT, "features": FEATURE_VERSION, **self.meta}
        names = sorted(self.vocab, key=self.vocab.__getitem__)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npz")
        np.savez_compressed(
            tmp,
            weights=self.weights.astype(np.float16),
            bias=self.bias.astype(np.float32),
            vocab=np.array(names, dtype=object).astype(str),
            classes=np.array(self.classes).astype(str),
            header=np.array(json.dumps(header, sort_keys=True)),
        )
        tmp.replace(path)  # atomic: a reader never sees half a file


def default_path() -> Path:
    return Path(str(resources.files("summitry") / "data" / "classify" / ARTIFACT_NAME))


def load_model(path: Path | None = None) -> EventModel:
    """Load the artifact (default: the one shipped in the package)."""
    path = Path(path) if path else default_path()
    want = f"format {MODEL_FORMAT}, features {FEATURE_VERSION}"
    if not path.is_file():
        raise ModelError(f"event model {path} not found (expected {want}; `summitry coder train`)")
    try:
        z = np.load(path, allow_pickle=False)
        header = json.loads(str(z["header"]))
    except Exception as exc:  # a damaged or foreign file: one clear line, no traceback
        raise ModelError(f"event model {path} unreadable ({exc}); expected {want}") from None
    got = f"format {header.get('format')}, features {header.get('features')}"
    if header.get("format") != MODEL_FORMAT or header.get("features") != FEATURE_VERSION:
        raise ModelError(f"event model {path} is {got}; this summitry expects {want}")
    vocab = {str(v): i for i, v in enumerate(z["vocab"].tolist())}
    meta = {k: v for k, v in header.items() if k not in ("format", "features")}
    return EventModel(
        [str(c) for c in z["classes"].tolist()],
        vocab,
        z["weights"].astype(np.float32),
        z["bias"].astype(np.float32),
        meta,
    )
