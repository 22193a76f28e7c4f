"""Text helpers shared by ingest, extraction and resolution."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache

LINE_END = re.compile(r"\r\n?|\n")
"""A line ends at LF (Unix), CRLF (Windows) or a lone CR (old Mac OS, some exports): all three alike."""
_LONE_CR = re.compile(r"\r(?!\n)")


@lru_cache(maxsize=8192)
def fold(name: str) -> str:
    """Case- and diacritic-insensitive form, to compare names ("Rodríguez" = "Rodriguez", "Đà" = "da").

    Kept for the names seen last: one article compares the same few names many times.
    """
    decomposed = unicodedata.normalize("NFD", name).replace("đ", "d").replace("Đ", "D")
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def with_lf_line_ends(text: str) -> str:
    """``text`` with each lone CR as LF: every offset unchanged, so rules that look for LF find every line end."""
    return _LONE_CR.sub("\n", text) if "\r" in text else text


class NfcView:
    """A text in NFC for matching, with the way back to offsets of the text as read.

    Lexicons are NFC; a Windows-1258 or NFD file writes "ộ" as several code
    points. Rules match on ``text`` (each base letter and its combining marks
    composed); ``original`` maps a span found there back onto the text as read,
    whose offsets the facts must cite (FACTS.md, "Offsets").
    """

    def __init__(self, text: str) -> None:
        parts: list[str] = []
        self._starts: list[int] = []  # for each character of ``text``, where its letter starts in the original
        self._length = len(text)
        for start, end in _letters(text):
            composed = unicodedata.normalize("NFC", text[start:end])
            parts.append(composed)
            self._starts.extend([start] * len(composed))
        self.text = "".join(parts)

    def forward(self, offset: int) -> int:
        """Where an offset of the original (at a letter's start) falls in ``text``."""
        return bisect_left(self._starts, offset)

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that ``text[start:end]`` was composed from."""
        original_end = self._starts[end] if end < len(self._starts) else self._length
        return self._starts[start], original_end


def _letters(text: str) -> list[tuple[int, int]]:
    """Each base character with the combining marks that follow it, as (start, end)."""
    letters: list[tuple[int, int]] = []
    for index, char in enumerate(text):
        if letters and unicodedata.combining(char):
            letters[-1] = (letters[-1][0], index + 1)
        else:
            letters.append((index, index + 1))
    return letters


def normalised(text: str) -> str:
    """The text in NFC with every run of whitespace one space: what exact copies have in common."""
    return " ".join(unicodedata.normalize("NFC", text).split())
