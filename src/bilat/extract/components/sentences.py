"""Sentence boundaries, the unit most rules look inside.

A sentence ends at a line break or at ``.``, ``!``, ``?`` or ``;`` followed by
a space and an upper-case letter or a digit. The split is over the original
text, so sentence offsets are valid evidence spans. Abbreviations listed in
``lang/<code>/sentences.toml`` do not end a sentence ("TS. Nguyễn", "Dr. Rao").
"""

from __future__ import annotations

import re

from bilat.extract.doc import Document, Span
from bilat.extract.pipeline import component
from bilat.lang import Lexicon

_BREAK = re.compile(r"\n+|(?<=[.!?;…])[\"”’)]*\s+(?=[\"“‘(]?[A-ZÀ-Ỹ0-9])")


@component("sentences", assigns="sents")
def find_sentences(doc: Document, lexicon: Lexicon) -> list[Span]:
    """Split the article body (after any header) into trimmed sentence spans."""
    abbreviations = tuple(lexicon["sentences"].get("abbreviations", []))
    spans: list[Span] = []
    start = doc.body_start
    for match in _BREAK.finditer(doc.text, doc.body_start):
        before = doc.text[start:match.start()]
        if "\n" not in match.group() and before.rstrip().endswith(abbreviations):
            continue
        spans.extend(_trimmed(doc.text, start, match.start()))
        start = match.end()
    spans.extend(_trimmed(doc.text, start, len(doc.text)))
    return spans


def _trimmed(text: str, start: int, end: int) -> list[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [Span(start, end, "sent")] if end > start else []
