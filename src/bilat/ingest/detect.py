"""Which language an article is written in.

py3langid (a maintained fork of langid.py) names any of 97 languages from
character n-grams with the model shipped in its wheel: nothing is downloaded.
Every language is named, not only those bilat reads, so that a French or
Spanish article is skipped as such ("language not read: fr") instead of being
run through the English rules.

News is full of names, which belong to no language: a short English sentence
made mostly of Vietnamese and Spanish names can score a hair better as Bikol
or Italian. So a language bilat has data for wins unless another fits clearly
better, by ``MARGIN`` nats a character; a real French or Indonesian sentence
beats English by four times that.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources

import py3langid

MIN_LETTERS = 20
"""Fewer letters than this (a caption, a stray line) are not enough to tell a language."""
SAMPLE = 1000
"""Characters looked at: an article's opening tells its language as well as the whole does, four times faster."""
MARGIN = 0.25


def enough_letters(text: str) -> bool:
    """Whether ``text`` has the ``MIN_LETTERS`` a language, or an article, needs."""
    return sum(1 for char in text if char.isalpha()) >= MIN_LETTERS


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when it has too few letters to tell."""
    sample = unicodedata.normalize("NFC", text[:SAMPLE])  # NFD writes a mark apart from its letter
    if not enough_letters(sample):
        return None
    scores = dict(py3langid.rank(sample))
    best = max(scores, key=scores.__getitem__)
    favoured = max(_with_data(), key=lambda lang: scores.get(lang, float("-inf")))
    if scores[best] - scores.get(favoured, float("-inf")) <= MARGIN * len(sample):
        return favoured
    return str(best)


@cache
def _with_data() -> tuple[str, ...]:
    """The languages with a data folder under ``bilat/lang``."""
    return tuple(sorted(entry.name for entry in resources.files("bilat.lang").iterdir()
                        if entry.is_dir() and not entry.name.startswith("_")))
