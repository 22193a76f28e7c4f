"""Stories: one wire report syndicated by several outlets is one story, not several sources.

Vietnamese outlets republish agency reports (TTXVN, VNA) with a new lead, a
paragraph cut, an outlet's byline. Such copies are found by MinHash over
three-word shingles of the body and a locality-sensitive index (datasketch):
copies of one report share well over half their shingles, unrelated articles
on the same visit a few percent. An article joins the story of the first
stored article it nearly duplicates; exact copies never get this far (they
share ``content_key`` and are stored once).
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from bilat.text import normalised

PERMUTATIONS = 128
_SCHEME = "affine32"  # datasketch's default: 32-bit hash values, 512 bytes a signature
THRESHOLD = 0.5
"""Estimated Jaccard similarity of shingles from which two bodies are one story."""
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


class StoryIndex:
    """The signatures of stored articles, to find the story a new one belongs to."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS)
        self._stories: dict[str, tuple[str, LeanMinHash]] = {}

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._stories

    def add(self, article_id: str, story_id: str, stored: bytes) -> None:
        minhash = _lean(stored)
        self._lsh.insert(article_id, minhash)
        self._stories[article_id] = (story_id, minhash)

    def discard(self, article_id: str) -> None:
        """Forget an article (its transaction was rolled back)."""
        if self._stories.pop(article_id, None) is not None:
            self._lsh.remove(article_id)

    def story_of(self, stored: bytes) -> str | None:
        """The story of the most similar indexed article at or above the threshold, if any."""
        minhash = _lean(stored)
        scored = []
        for candidate in self._lsh.query(minhash):
            story_id, other = self._stories[candidate]
            similarity = minhash.jaccard(other)
            if similarity >= THRESHOLD:
                scored.append((-similarity, story_id))
        return min(scored)[1] if scored else None


def _lean(stored: bytes) -> LeanMinHash:
    return LeanMinHash(seed=1, hashvalues=np.frombuffer(stored, dtype="<u4"), scheme=_SCHEME)


@cache
def _permutations() -> np.ndarray:
    """The hash permutations of seed 1, drawn once (MinHash otherwise draws them for every article)."""
    return MinHash(num_perm=PERMUTATIONS, seed=1, scheme=_SCHEME).permutations
