"""Imported by the coder's fork server before it forks workers: see ``workers``."""

from summitry.coding.workers import preload

preload()
