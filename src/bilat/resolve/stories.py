"""Stories: one wire report syndicated by several outlets is one story, not several sources.

Vietnamese outlets republish agency reports (TTXVN, VNA) with a new lead, a
paragraph cut, an outlet's byline. Such copies are found by MinHash over
three-word shingles of the body (datasketch's ``affine32`` scheme, computed
here with numpy: importing datasketch imports SciPy, 57 MiB per worker, for
the few lines below): copies of one report share well
over half their shingles, unrelated articles on the same visit a few percent.
The signature is cut into ``BANDS`` bands (locality-sensitive hashing): two
articles sharing a band are candidates, and a candidate whose signature is
similar enough is a copy. The store keeps the bands in a table, so finding
the candidates of a new article costs one indexed query, not an index of every
stored article in memory. An article joins the story of the stored article it
copies; exact copies never get this far (they share ``content_key`` and are
stored once).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import cache

import numpy as np

from bilat.text import normalised

PERMUTATIONS = 128
"""Hash functions of a signature (datasketch's default): 32-bit values, 512 bytes a signature."""
SEED = 1
"""The seed datasketch draws its permutations from by default: stored signatures were made with it."""
THRESHOLD = 0.5
"""Estimated Jaccard similarity of shingles from which two bodies are one story."""
BANDS, ROWS = 25, 5
"""Bands of rows of the signature: datasketch's ``MinHashLSH`` optimum for ``THRESHOLD`` at 128 permutations."""
MIN_SHINGLES = 30
"""Shorter bodies (a caption, a brief) are too small to compare: only exact copies are caught."""
_SHINGLE = 3
_WORD = re.compile(r"\w+")


def signature(body: str) -> bytes | None:
    """The MinHash signature of an article body, as stored; None when the body is too short to compare."""
    words = _WORD.findall(normalised(body).casefold())
    shingles = {" ".join(words[i:i + _SHINGLE]).encode() for i in range(len(words) - _SHINGLE + 1)}
    if len(shingles) < MIN_SHINGLES:
        return None
    hashed = np.frombuffer(b"".join(hashlib.sha1(s).digest()[:4] for s in shingles), dtype="<u4").astype(np.uint32)
    a, b = _permutations()
    permuted = _premixed(hashed)[:, np.newaxis] * a + b  # uint32 arithmetic wraps: modulo 2**32, as datasketch's
    return permuted.min(axis=0).astype("<u4").tobytes()


def bands(stored: bytes) -> list[tuple[int, int]]:
    """``(band, key)`` for each band of a signature: equal keys in one band make two articles candidates."""
    values = np.frombuffer(stored, dtype="<u4")
    return [
        (band, int.from_bytes(hashlib.blake2b(values[band * ROWS:(band + 1) * ROWS].tobytes(), digest_size=8).digest(),
                              "little", signed=True))
        for band in range(BANDS)
    ]


def similarity(first: bytes, second: bytes) -> float:
    """The estimated Jaccard similarity of two bodies' shingles: the share of equal signature values."""
    return float(np.mean(np.frombuffer(first, dtype="<u4") == np.frombuffer(second, dtype="<u4")))


def story_of(stored: bytes, candidates: Iterable[tuple[str, bytes]]) -> str | None:
    """The story of the candidate (story id, signature) most similar to ``stored``, if any is similar enough."""
    close = [(-score, story_id) for story_id, other in candidates if (score := similarity(stored, other)) >= THRESHOLD]
    return min(close)[1] if close else None


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The affine permutations ``h -> a * h + b`` (``a`` odd: a bijection) of ``SEED``, drawn as datasketch draws them."""
    draw = np.random.RandomState(SEED)
    a = draw.randint(0, 1 << 31, PERMUTATIONS, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = draw.randint(0, 1 << 32, PERMUTATIONS, dtype=np.uint32)
    return a, b


_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)
"""MurmurHash3's 32-bit finalizer (shifts and multipliers): datasketch mixes each shingle's hash with it first."""


def _premixed(hashed: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = (np.uint32(x) for x in _FMIX32)
    hashed = (hashed ^ (hashed >> s1)) * m1
    hashed = (hashed ^ (hashed >> s2)) * m2
    return hashed ^ (hashed >> s3)
