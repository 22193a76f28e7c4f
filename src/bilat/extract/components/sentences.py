"""Sentence boundaries, the unit most rules look inside.

Photo captions are kept, labelled ``"caption"`` instead of ``"sent"``: they name
people (useful to the persons component) but repeat the story, so no event is
read from them.

A sentence ends at a line break or at ``.``, ``!``, ``?`` or ``;`` followed by
a space and an upper-case letter or a digit, or at a full stop glued to the next
sentence's first word ("... từ ngày 31/7-3/8.Sáng 1/8", scraped pages lose the
space). The split is over the original text, so sentence offsets are valid
evidence spans. Abbreviations listed in ``lang/<code>/sentences.toml`` and a
name's initials ("V.B. Lukashevich") do not end a sentence ("TS. Nguyễn", "Dr. Rao").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from bilat.extract.doc import Document, Span
from bilat.extract.pipeline import component
from bilat.lang import Lexicon

_BREAK = re.compile(r"\n+|(?<=[.!?;…])(?:[\"”’)]*\s+(?=[\"“‘(]?[A-ZÀ-Ỹ0-9])|(?<=[^\W_][.!?])(?=[^\W\d_]{2}))")
"""A line break, a space after a sentence's last mark, or a full stop glued to the next word; both of the
latter behind one look at the character before, so that most positions of a text fail at once."""
_GLUED_WORD = re.compile(r"(?<![^\W_])(?P<word>[^\W\d_]{1,2})\.\Z")
"""A word of one or two letters before a glued full stop: capitalised, an initial glued to a name ("Ts.Tsolmon")."""
_GLUED_REACH = 4
"""Characters before a glued full stop within which such a word is read (two letters, the stop, one before)."""
_INITIALS = re.compile(r"(?:\A|[\s.])[^\W\d_]\.[^\W\d_]\.\Z")
"""A name's initials before the break ("V.B. Lukashevich"): the name goes on."""
_AFTER_A_NAME = re.compile(r"(?:\A|\s)(?P<word>[^\W\d_][\w’'\-]*)\s(?P<letter>[^\W\d_])\.\Z")
"""A capital letter after a capitalised word ("Minister R. Golovchenko", "George W. Bush"): an initial,
where one after a lower-case word ends a sentence ("... the president said on X. Chile and Peru")."""
_LOOK_BACK = 200
"""Characters before a full stop read to tell an abbreviation or an initial (each ends in a word or two):
without a bound, a run of them ("TS. Nguyễn TS. Nguyễn ...") would be read again from its start at each stop."""
MAX_SENTENCE = 2000
"""Characters in a sentence at most; the corpus's longest has 723. A longer run with no break (a page
flattened into one line, a list of thousands of names) is cut at a space into pieces of at most this
size, so that rules, which look across a sentence, read bounded windows."""


@component("sentences", assigns="sents")
def find_sentences(doc: Document, lexicon: Lexicon) -> list[Span]:
    """The headline (from the header, when it has one) and the body's sentences.

    A body line that repeats the headline is left out: the headline already stands for it.
    """
    spans = _headline(doc)
    headline = doc.span_text(spans[0]) if spans else None
    body = [s for s in _body_sentences(doc, lexicon) if doc.span_text(s) != headline]
    lines, captions = _caption_lines(doc, lexicon)
    starts = [start for start, _ in lines]
    markers = tuple(lexicon["captions"]["markers"])
    out = list(spans)
    for sent in body:
        line = lines[bisect_right(starts, sent.start) - 1]
        if line not in captions:
            out.append(sent)
        elif line[1] - line[0] <= MAX_CAPTION_LINE:
            out.append(Span(sent.start, sent.end, "caption"))
        else:
            out += _credited(doc.text, sent, markers)
    return out


MAX_CAPTION_LINE = 400
"""Characters in a caption's line at most (the corpus's run to about 200). A longer line holding a photo
credit is a page flattened into one line: only the sentence with the credit is a caption, and what
follows the credit ("... - Ảnh: AFP Theo Cổng thông tin ...") is the story going on."""
_CREDIT_SOURCE = re.compile(r"\s*(?P<source>[^\s)]+\)?)\s+(?=[A-ZÀ-Ỹ])")
"""The source named after a credit marker, one word ("Ảnh: AFP", "(Ảnh: TTXVN)"), then a capitalised word."""


def _credited(text: str, sent: Span, markers: tuple[str, ...]) -> list[Span]:
    """A sentence of a flattened page: a caption up to its credit, the story after it; no credit, the story."""
    found = [(text.find(m, sent.start, sent.end), m) for m in markers]
    at, marker = min(((i, m) for i, m in found if i >= 0), default=(-1, ""))
    if at < 0:
        return [sent]
    source = _CREDIT_SOURCE.match(text, at + len(marker), sent.end)
    if source is None:
        return [Span(sent.start, sent.end, "caption")]
    return [Span(sent.start, source.end("source"), "caption"), Span(source.end(), sent.end, "sent")]


def _line_of(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _caption_lines(doc: Document, lexicon: Lexicon) -> tuple[list[tuple[int, int]], set[tuple[int, int]]]:
    """The body's lines, and those that caption a photo: they carry a photo credit, follow a caption
    label, or are printed twice (scraped pages repeat a caption under the photo and in its alt text)."""
    markers = tuple(lexicon["captions"]["markers"])
    labels = tuple(lexicon["captions"]["labels"])
    lines: list[tuple[int, int]] = []
    pos = doc.body_start
    while pos < len(doc.text):
        line = _line_of(doc.text, pos)
        lines.append(line)
        pos = line[1] + 1
    texts = [doc.text[a:b].strip() for a, b in lines]
    printed = Counter(t for t in texts if t)
    captions = set()
    previous = ""  # the last non-empty line
    for line, text in zip(lines, texts):
        if not text:
            continue
        if any(m in text for m in markers) or text in labels or previous in labels or printed[text] > 1:
            captions.add(line)
        previous = text
    return lines, captions


def _headline(doc: Document) -> list[Span]:
    if doc.headline_start is None:
        return []
    end = doc.text.find("\n", doc.headline_start, doc.body_start)
    return _trimmed(doc.text, doc.headline_start, doc.body_start if end < 0 else end)


def _body_sentences(doc: Document, lexicon: Lexicon) -> list[Span]:
    abbreviations = tuple(lexicon["sentences"].get("abbreviations", []))
    spans: list[Span] = []
    start = doc.body_start
    for match in _BREAK.finditer(doc.text, doc.body_start):
        before = doc.text[max(start, match.start() - _LOOK_BACK):match.start()]
        if not match.group():  # a full stop glued to a word: a sentence only from a lower-case word or a number to a capitalised one
            if not (doc.text[match.start() - 2].islower() or doc.text[match.start() - 2].isdigit()) \
                    or not doc.text[match.end()].isupper() or not doc.text[match.end() + 1].islower() \
                    or _glued_initial(doc.text, match.start()):
                continue
        if "\n" not in match.group() and (before.rstrip().endswith(abbreviations) or _is_initial(before.rstrip())):
            continue
        spans.extend(_trimmed(doc.text, start, match.start()))
        start = match.end()
    spans.extend(_trimmed(doc.text, start, len(doc.text)))
    return spans


def _trimmed(text: str, start: int, end: int) -> list[Span]:
    """``text[start:end]`` without its outer spaces, in pieces of at most ``MAX_SENTENCE`` characters."""
    pieces = []
    while True:
        while start < end and text[start].isspace():
            start += 1
        stop = end
        if stop - start > MAX_SENTENCE:
            space = text.rfind(" ", start + 1, start + MAX_SENTENCE)
            stop = space if space > start else start + MAX_SENTENCE
        cut = stop
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            pieces.append(Span(start, stop, "sent"))
        if cut >= end:
            return pieces
        start = cut


def _is_initial(before: str) -> bool:
    """Whether the full stop ending ``before`` closes a name's initial rather than a sentence."""
    if _INITIALS.search(before):
        return True
    found = _AFTER_A_NAME.search(before)
    return found is not None and found["word"][0].isupper() and found["letter"].isupper()


def _glued_initial(text: str, stop_end: int) -> bool:
    """Whether the full stop ending at ``stop_end`` closes a capitalised one- or two-letter initial
    glued to the name after it ("Ts.Tsolmon"), where "hội đàm.Đại sứ" ends a sentence."""
    found = _GLUED_WORD.search(text, max(0, stop_end - _GLUED_REACH), stop_end)
    return found is not None and found["word"][0].isupper()
