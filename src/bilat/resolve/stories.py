"""Stories: one wire report syndicated by several outlets is one story, not several sources.

Vietnamese outlets republish agency reports (TTXVN, VNA) with a new lead, a
paragraph cut, an outlet's byline. Such copies are found by MinHash over
three-word shingles of the body (datasketch): copies of one report share well
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
from datasketch import MinHash

from bilat.text import normalised

PERMUTATIONS = 128
_SCHEME = "affine32"  # datasketch's default: 32-bit hash values, 512 bytes a signature
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
    minhash = MinHash(num_perm=PERMUTATIONS, permutations=_permutations(), scheme=_SCHEME)
    minhash.update_batch(shingles)
    return minhash.hashvalues.astype("<u4").tobytes()


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
def _permutations() -> np.ndarray:
    """The hash permutations of seed 1, drawn once (MinHash otherwise draws them for every article)."""
    return MinHash(num_perm=PERMUTATIONS, seed=1, scheme=_SCHEME).permutations
