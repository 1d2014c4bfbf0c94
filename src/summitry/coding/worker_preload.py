"""Imported by the coder's fork server before it forks workers: see ``workers``."""

from summitry.coding import workers
from summitry.coding.coder import preload_coder

workers.PRELOADED = preload_coder()
