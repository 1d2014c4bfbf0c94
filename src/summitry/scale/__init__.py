"""Running stages on an existing distributed engine (Dask) for corpora beyond one process."""

from summitry.scale.dask_coder import DaskCodeSummary, code_on_dask

__all__ = ["DaskCodeSummary", "code_on_dask"]
