"""Document identity and near-duplicate signatures.

``doc_id`` is the SHA-1 of the normalised text (NFKC, whitespace collapsed), so the same
text gets the same id whatever file it came from. Near-duplicates (wire copies, re-posts)
are found with MinHash LSH: shingles are the 24-byte windows of the case-folded text that
start at a word (about four words each), hashed with numpy for a whole batch at once; the
MinHash is datasketch's ``affine32`` scheme (same permutations, same values as
``datasketch.MinHash`` fed the shingle hashes, checked by a test), vectorised over groups
of documents; the banding ``(b, r)`` is datasketch's optimum for the threshold, weighted
towards recall. Band
buckets live in the store (``doc_lsh``) so the index persists across runs without being
held in memory.
"""

from __future__ import annotations

import hashlib
import unicodedata
from functools import lru_cache

import numpy as np

NUM_PERM = 128
SEED = 1
WINDOW = 24  # bytes per shingle (three uint64 words)
MIN_SHINGLES = 8  # shorter texts are not near-duplicate candidates

_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xC2B2AE3D27D4EB4F)
_M3 = np.uint64(0x165667B19E3779F9)


def normalise(text: str) -> str:
    """NFKC, whitespace runs collapsed to one space, trimmed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def make_doc_id(normalised: str) -> str:
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:16]


def shingle_hashes(normalised: str) -> np.ndarray:
    """32-bit hashes of the word-start byte windows of one text (may repeat)."""
    hashes, _ = batch_shingles([normalised])
    return hashes


def batch_shingles(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Shingle hashes of many normalised texts at once: (hashes in text order, counts).

    The texts are lower-cased and concatenated so that numpy does each step once per
    batch; a window never crosses from one text into the next.
    """
    encoded = [t.lower().encode("utf-8") for t in texts]
    lens = np.fromiter((len(e) for e in encoded), dtype=np.int64, count=len(encoded))
    ends = np.cumsum(lens)
    begins = ends - lens
    total = int(ends[-1]) if len(texts) else 0
    buf = b"".join(encoded) + bytes(WINDOW + 8)
    data = np.frombuffer(buf, dtype=np.uint8)
    # repeated starts (a text ending in a space) only repeat a shingle: harmless for MinHash
    starts = np.sort(np.concatenate((begins, np.flatnonzero(data[:total] == 32) + 1)))
    doc = np.searchsorted(ends, starts, side="right")
    keep = doc < len(texts)
    starts, doc = starts[keep], doc[keep]
    keep = starts + WINDOW <= ends[doc]
    starts, doc = starts[keep], doc[keep]
    # the three 8-byte words of each window, read through one uint64 view of the buffer
    # with a one-byte stride (an unaligned word at every byte offset): three gathers
    every = np.ndarray(shape=(len(buf) - 7,), dtype="<u8", buffer=buf, strides=(1,))
    words = np.stack([every[starts + 8 * k] for k in range(3)], axis=1)
    h = words[:, 0] * _M1 ^ words[:, 1] * _M2 ^ words[:, 2] * _M3
    h ^= h >> np.uint64(29)
    h *= _M1
    h ^= h >> np.uint64(32)
    return h.astype(np.uint32), np.bincount(doc, minlength=len(texts))


@lru_cache(maxsize=1)
def permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutation parameters for (NUM_PERM, SEED)."""
    # datasketch: 0.5 s to import, only when signatures are computed
    from datasketch import MinHash

    a, b = MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32").permutations
    return a.astype(np.uint32), b.astype(np.uint32)


def _fmix32(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signatures(hashes: np.ndarray, counts: np.ndarray, group: int = 32) -> np.ndarray:
    """MinHash signatures (len(counts), NUM_PERM) uint32 of consecutive shingle sets.

    ``hashes`` holds the sets one after another, ``counts`` their sizes (as from
    :func:`batch_shingles`); an empty set gives all-max values. Documents are done
    ``group`` at a time: a (NUM_PERM x shingles) block of a few MB stays in cache.
    """
    a, b = permutations()
    n = len(counts)
    out = np.full((n, NUM_PERM), np.iinfo(np.uint32).max, dtype=np.uint32)
    ends = np.cumsum(counts)
    for i in range(0, n, group):
        j = min(i + group, n)
        lo = int(ends[i - 1]) if i else 0
        hi = int(ends[j - 1])
        sizes = counts[i:j]
        nonempty = np.flatnonzero(sizes)
        if hi == lo:
            continue
        if hi - lo > MAX_BLOCK:  # long documents: one at a time, in blocks (bounded memory)
            for k in range(i, j):
                _long_signature(hashes, int(ends[k]) - int(counts[k]), int(ends[k]), out[k])
            continue
        f = _fmix32(hashes[lo:hi])
        phv = a[:, None] * f[None, :] + b[:, None]
        offsets = (np.cumsum(sizes) - sizes)[nonempty]
        out[i + nonempty] = np.minimum.reduceat(phv, offsets, axis=1).T
    return out


MAX_BLOCK = 1 << 14  # shingles per (NUM_PERM x shingles) block: 8 MB of uint32


def _long_signature(hashes: np.ndarray, lo: int, hi: int, out: np.ndarray) -> None:
    """Minimum over the shingles ``hashes[lo:hi]`` into ``out``, ``MAX_BLOCK`` at a time."""
    a, b = permutations()
    for s in range(lo, hi, MAX_BLOCK):
        f = _fmix32(hashes[s : min(s + MAX_BLOCK, hi)])
        np.minimum(out, (a[:, None] * f[None, :] + b[:, None]).min(axis=1), out=out)


# datasketch weighs LSH false positives against false negatives; a false positive only costs
# one signature comparison (the estimated similarity must still reach the threshold), a
# false negative is a missed near-duplicate, so the banding favours recall: at threshold
# 0.8 that is (14, 9), which makes a pair of similarity 0.85 a candidate with p = 0.975
# (the equal-weights optimum (9, 13): p = 0.69; the bench's planted copies missed 15%).
LSH_WEIGHTS = (0.1, 0.9)


@lru_cache(maxsize=8)
def lsh_params(threshold: float) -> tuple[int, int]:
    """(bands, rows) that datasketch's MinHashLSH chooses for ``threshold``, weighted for
    recall (:data:`LSH_WEIGHTS`)."""
    # datasketch: 0.5 s to import, only when near duplicates are looked up
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, weights=LSH_WEIGHTS)
    return lsh.b, lsh.r


def band_keys(sigs: np.ndarray, threshold: float) -> np.ndarray:
    """One 63-bit bucket key per (document, band): shape (n, bands), int64."""
    bands, rows = lsh_params(threshold)
    n = sigs.shape[0]
    mult = (np.arange(1, rows + 1, dtype=np.uint64) * _M1) | np.uint64(1)
    blocks = sigs[:, : bands * rows].astype(np.uint64).reshape(n, bands, rows)
    h = (blocks * mult).sum(axis=2, dtype=np.uint64)
    h ^= h >> np.uint64(31)
    h *= _M2
    h ^= h >> np.uint64(29)
    return (h >> np.uint64(1)).astype(np.int64)


def similarity(sig: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of ``sig`` to each row of ``others``."""
    return (others == sig[None, :]).mean(axis=1)
