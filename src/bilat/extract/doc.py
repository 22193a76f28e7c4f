"""The document every extraction component reads, and the spans they write.

Offsets always index ``Document.text`` exactly as it was read (header block
included), so that every fact can point back into the article (FACTS.md,
"Offsets"). Components that normalise text work on a copy and map offsets back.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from bilat._types import Offsets
from bilat.extract import budget


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled stretch ``text[start:end]`` with an optional normalised value.

    ``value`` holds what the component understood: a country code, an ISO
    date, an amount, a person record... Its shape is documented by the
    component that writes the layer.
    """

    start: int
    end: int
    label: str
    value: Any = None

    @property
    def offsets(self) -> Offsets:
        return (self.start, self.end)

    def overlaps(self, other: "Span | Offsets") -> bool:
        start, end = other.offsets if isinstance(other, Span) else other
        return self.start < end and start < self.end

    def within(self, other: "Span | Offsets") -> bool:
        start, end = other.offsets if isinstance(other, Span) else other
        return start <= self.start and self.end <= end


@dataclass
class Document:
    """One article: its text, what its header says, and the layers found so far.

    ``published`` is the header's date (ISO, any precision) or None;
    ``anchor`` is the date the article is about once the ``dates`` component
    has inferred it (FACTS.md: "published unknown in the header").
    ``headline_start`` is where the header's ``title:`` value starts.
    ``layers`` maps a layer name (``"sents"``, ``"countries"``...) to its spans,
    or, for fact layers (``"facts.events"``...), to its fact records.
    ``notes`` say what reading set aside (a header value bilat cannot use, such as a date naming no day).
    """

    id: str
    text: str
    lang: str = "vi"
    published: str | None = None
    title: str | None = None
    source: str | None = None
    body_start: int = 0
    headline_start: int | None = None
    layers: dict[str, list[Any]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    _by_start: dict[str, _ByStart] = field(default_factory=dict, init=False, repr=False, compare=False)
    """Each span layer looked into, by its spans' starts: found by bisection."""

    @property
    def text_start(self) -> int:
        """Where the article's own words start: its headline in the header block, else the body.

        The headline is part of the article (a visit or a proposal is often stated
        only there), so facts may cite it where the header holds it.
        """
        return self.body_start if self.headline_start is None else self.headline_start

    @property
    def headline_end(self) -> int:
        """Where the headline ends: after the body's first line when it repeats the header's title, else at the
        body. What the headline tells, the body tells better: facts take their evidence there when they can."""
        if self.title is None:
            return self.text_start
        line_start = self.body_start
        while line_start < len(self.text) and self.text[line_start].isspace():
            line_start += 1
        line_end = self.text.find("\n", line_start)
        line_end = len(self.text) if line_end < 0 else line_end
        if " ".join(self.text[line_start:line_end].split()) == " ".join(self.title.split()):
            return line_end
        return self.body_start

    def layer(self, name: str) -> list[Any]:
        """The spans of ``name``, or an empty list when no component wrote it."""
        return self.layers.get(name, [])

    def span_text(self, span: Span | Offsets) -> str:
        start, end = span.offsets if isinstance(span, Span) else span
        return self.text[start:end]

    def sentence_of(self, offset: int) -> Span | None:
        """The sentence span containing ``offset`` (needs the ``sents`` layer, whose sentences never overlap)."""
        index = self._index("sents")
        before = bisect_right(index.starts, offset)
        if not before:
            return None
        sent: Span = index.spans[before - 1 if index.order is None else index.order[before - 1]]
        return sent if offset < sent.end else None

    def in_range(self, name: str, start: int, end: int) -> list[Any]:
        """Spans of layer ``name`` lying inside ``[start, end)``, in the layer's order.

        Rules ask this of every sentence: a bisection keeps it from reading the whole
        layer each time, which a text of thousands of sentences would make quadratic;
        and the article's time budget is checked here, where no signal can stop it.
        """
        budget.check()
        index = self._index(name)
        low, high = bisect_left(index.starts, start), bisect_right(index.starts, end)
        if low == high:  # most sentences hold none of a layer's few spans
            return []
        if index.order is None:
            return [s for s in index.spans[low:high] if s.end <= end]
        return [index.spans[i] for i in sorted(i for i in index.order[low:high] if index.spans[i].end <= end)]

    def starting(self, name: str, low: int, high: int) -> list[Any]:
        """Spans of layer ``name`` starting in ``[low, high)``, in the layer's order (found by bisection)."""
        index = self._index(name)
        found = slice(bisect_left(index.starts, low), bisect_left(index.starts, high))
        return index.spans[found] if index.order is None else [index.spans[i] for i in sorted(index.order[found])]

    def _index(self, name: str) -> _ByStart:
        """Layer ``name`` by its spans' starts, built once per layer written (rules ask for it at every sentence,
        several times); a layer no component wrote has no spans."""
        spans = self.layers.get(name)
        if spans is None:
            return _NO_SPANS
        index = self._by_start.get(name)
        if index is None or index.spans is not spans or index.size != len(spans):
            index = _ByStart.of(spans)
            self._by_start[name] = index
        return index


@dataclass(frozen=True, slots=True)
class _ByStart:
    """A layer's span starts in increasing order, to bisect; ``order`` gives the span at each when the layer
    is in another order (None when it is in that order already, as most are)."""

    spans: list[Any]
    size: int
    starts: list[int]
    order: list[int] | None

    @staticmethod
    def of(spans: list[Any]) -> _ByStart:
        starts = [s.start for s in spans]
        if all(a <= b for a, b in zip(starts, starts[1:])):
            return _ByStart(spans, len(spans), starts, None)
        order = sorted(range(len(spans)), key=starts.__getitem__)
        return _ByStart(spans, len(spans), [starts[i] for i in order], order)


_NO_SPANS = _ByStart([], 0, [], None)
"""The index of a layer no component wrote."""
