"""The document every extraction component reads, and the spans they write.

Offsets always index ``Document.text`` exactly as it was read (header block
included), so that every fact can point back into the article (FACTS.md,
"Offsets"). Components that normalise text work on a copy and map offsets back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bilat._types import Offsets


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
        """The sentence span containing ``offset`` (needs the ``sents`` layer)."""
        for sent in self.layer("sents"):
            if sent.start <= offset < sent.end:
                return sent
        return None

    def in_range(self, name: str, start: int, end: int) -> list[Any]:
        """Spans of layer ``name`` lying inside ``[start, end)``."""
        return [s for s in self.layer(name) if start <= s.start and s.end <= end]
