"""The words of search: folded as the index holds them, and snippets of a text as read with the words found marked.

A reader types "Luong Cuong" or "Ha Noi" for "Lương Cường" and "Hà Nội":
every word, of the texts and of the query alike, is compared folded
(``bilat.text.fold``: no case, no tone marks, "đ" read as "d"). The index
holds the folded words one space apart, so that SQLite's FTS5 and
PostgreSQL's parser both read exactly these words, whatever each would make
of punctuation ("12/11/2024" is "12 11 2024", "Asia-Pacific" "asia pacific").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bilat.text import NfcView, fold

WORD = re.compile(r"[^\W_]+")
"""A run of letters and digits: the unit FTS5's ``unicode61`` tokenizer reads too (underscore and punctuation part words)."""

SNIPPET_WORDS = 40
"""Words a snippet shows: about three lines of a results page; a sentence of the press mostly fits whole."""

LEAD_WORDS = 8
"""Words a snippet shows before the first word found, so that it reads in context."""

ELLIPSIS = "…"


@dataclass(frozen=True)
class Word:
    """One word: folded, and where it stands in the text as read."""

    folded: str
    start: int
    end: int


def words(text: str) -> list[Word]:
    """Each word of ``text``, folded, with its offsets in ``text``.

    A text stored in NFD (tone marks as separate code points) is composed
    first, so that "ộ" stays inside its word, and its offsets mapped back.
    """
    if unicodedata.is_normalized("NFC", text):
        return [Word(fold(match[0]), match.start(), match.end()) for match in WORD.finditer(text)]
    view = NfcView(text)
    return [Word(fold(match[0]), *view.original(match.start(), match.end())) for match in WORD.finditer(view.text)]


def folded(text: str | None) -> str:
    """``text``'s folded words, one space apart: what the index reads."""
    return " ".join(word.folded for word in words(text or ""))


def query_terms(query: str) -> list[str]:
    """The folded words of a query, in order (punctuation and search syntax are only separators)."""
    return [word.folded for word in words(query)]


def snippet(text: str, terms: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The passage of ``text`` that holds the query's phrase (else most of its words), and where each word found
    stands in it (offsets into the passage).

    At most ``SNIPPET_WORDS`` words, starting at a word (``…`` where it cuts
    the text); runs of whitespace are one space, as a results list shows it.
    """
    found = words(text)
    if not found:
        return " ".join(text.split()), []
    wanted = set(terms)
    first = _best_start(found, terms)
    shown = found[first:first + SNIPPET_WORDS]
    parts = [ELLIPSIS] if first > 0 else []
    length = len(parts[0]) if parts else 0
    marks: list[tuple[int, int]] = []
    for index, word in enumerate(shown):
        if index:
            gap = _one_line(text[shown[index - 1].end:word.start])
            parts.append(gap)
            length += len(gap)
        if word.folded in wanted:
            marks.append((length, length + word.end - word.start))
        parts.append(text[word.start:word.end])
        length += word.end - word.start
    more = first + SNIPPET_WORDS < len(found)
    parts.append(ELLIPSIS if more else _one_line(text[shown[-1].end:]).rstrip())  # the closing stop, if any
    return "".join(parts), marks


def _best_start(found: list[Word], terms: list[str]) -> int:
    """Where the passage starts: ``LEAD_WORDS`` before the query's phrase as typed, else before the first of the
    words that begin the window holding most of the query's words."""
    wanted = set(terms)
    best, best_count = 0, 0
    for index, word in enumerate(found):
        if word.folded not in wanted:
            continue
        start = max(0, min(index - LEAD_WORDS, len(found) - SNIPPET_WORDS))  # a full passage, even near the end
        if [w.folded for w in found[index:index + len(terms)]] == terms:
            return start
        count = len({w.folded for w in found[start:start + SNIPPET_WORDS]} & wanted)
        if count > best_count:
            best, best_count = start, count
    return best


def _one_line(text: str) -> str:
    """``text`` with each run of whitespace one space."""
    return re.sub(r"\s+", " ", text)
