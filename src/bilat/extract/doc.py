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
    _by_start: dict[str, tuple[list[Any], list[int], list[int]]] = field(
        default_factory=dict, init=False, repr=False, compare=False,
    )
    """For each span layer looked into, its span starts in order and the span at each: found by bisection."""

    @property
    def text_start(self) -> int:
        """Where the article's own words start: its headline in the header block, else the body.

        The headline is part of the article (a visit or a proposal is often stated
        only there), so facts may cite it where the header holds it.
        """
        return self.body_start if self.headline_start is None else self.headline_start

    def layer(self, name: str) -> list[Any]:
        """The spans of ``name``, or an empty list when no component wrote it."""
        return self.layers.get(name, [])

    def span_text(self, span: Span | Offsets) -> str:
        start, end = span.offsets if isinstance(span, Span) else span
        return self.text[start:end]

    def sentence_of(self, offset: int) -> Span | None:
        """The sentence span containing ``offset`` (needs the ``sents`` layer, whose sentences never overlap)."""
        sents = self.layer("sents")
        starts, order = self._index("sents")
        before = bisect_right(starts, offset)
        sent = sents[order[before - 1]] if before else None
        return sent if sent is not None and offset < sent.end else None

    def in_range(self, name: str, start: int, end: int) -> list[Any]:
        """Spans of layer ``name`` lying inside ``[start, end)``, in the layer's order.

        Rules ask this of every sentence: a bisection keeps it from reading the whole
        layer each time, which a text of thousands of sentences would make quadratic;
        and the article's time budget is checked here, where no signal can stop it.
        """
        budget.check()
        spans = self.layer(name)
        starts, order = self._index(name)
        inside = sorted(i for i in order[bisect_left(starts, start):bisect_right(starts, end)] if spans[i].end <= end)
        return [spans[i] for i in inside]

    def _index(self, name: str) -> tuple[list[int], list[int]]:
        """The starts of layer ``name``'s spans, sorted, and each one's place in the layer (built once per layer)."""
        spans = self.layer(name)
        cached = self._by_start.get(name)
        if cached is None or cached[0] is not spans or len(cached[2]) != len(spans):
            order = sorted(range(len(spans)), key=lambda i: spans[i].start)
            cached = (spans, [spans[i].start for i in order], order)
            self._by_start[name] = cached
        return cached[1], cached[2]
