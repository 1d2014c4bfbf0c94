"""Open event data: import GDELT 1.0/2.0 (events, mentions, GKG 2.1), ICEWS and POLECAT files,
group reports into events, and fetch GDELT files. See ``columns`` for the exact layouts."""

from summitry.eventdata.importer import FileResult, Importer, ImportOptions, iter_inputs

__all__ = ["FileResult", "ImportOptions", "Importer", "iter_inputs"]
