"""thinc operations whose matrix products go through numpy's BLAS.

spaCy's default ``NumpyOps`` multiplies matrices with blis; numpy's bundled OpenBLAS does
the same single-threaded products of the tagger/parser's tok2vec layers about 1.6 times
faster on x86-64 with AVX-512 or AVX2 (measured by ``bench/bench_coder.py``). Only ``gemm``
changes: every other operation is thinc's own, and the parses are the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import numpy
from thinc.api import NumpyOps, get_current_ops, set_current_ops
from threadpoolctl import threadpool_limits

T = TypeVar("T")


class BlasOps(NumpyOps):
    """``NumpyOps`` with ``gemm`` by ``numpy.matmul``."""

    name = "summitry-blas"

    def gemm(self, x, y, out=None, trans1: bool = False, trans2: bool = False):
        if trans1:
            x = x.T
        if trans2:
            y = y.T
        if out is None:
            return numpy.matmul(x, y)
        numpy.matmul(x, y, out=out)
        return out


def with_blas_ops(load: Callable[[], T]) -> T:
    """Run ``load`` (e.g. ``spacy.load``) so that the models it builds use :class:`BlasOps`."""
    previous = get_current_ops()
    set_current_ops(BlasOps())
    try:
        return load()
    finally:
        set_current_ops(previous)


def single_thread_blas():
    """Context manager: one BLAS thread in this process (the matrices of a parse batch are
    too small to gain from more, and worker processes already use every core)."""
    return threadpool_limits(1, user_api="blas")
