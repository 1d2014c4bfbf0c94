"""The coder's trained event classifier: for each candidate (sentence, source, target) the
PLOVER event type or "no event", with a score; combined with the rules by the coder
(``summitry.coding.combine``: classify knows nothing of the coder).
Trained by ``summitry coder train`` (``train``) from open data in ``../shared``; the artifact
ships in ``summitry/data/classify/event_model.npz``.
"""

from summitry.classify.model import EventModel, ModelError, load_model

__all__ = ["EventModel", "ModelError", "load_model"]
