"""The document's layers: looking spans up by offsets gives what reading the whole layer gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bilat.extract.doc import Document, Span

spans = st.builds(lambda start, length: Span(start, start + length, "x"), st.integers(0, 60), st.integers(0, 12))


@given(layer=st.lists(spans, max_size=30), start=st.integers(0, 80), length=st.integers(0, 40))
def test_in_range_finds_the_spans_inside_in_the_layer_order(layer: list[Span], start: int, length: int) -> None:
    doc = Document(id="d", text="x" * 100, layers={"x": layer})
    end = start + length
    assert doc.in_range("x", start, end) == [s for s in layer if start <= s.start and s.end <= end]


@given(lengths=st.lists(st.integers(1, 9), max_size=12), gaps=st.lists(st.integers(0, 3), min_size=12, max_size=12),
       offset=st.integers(0, 150))
def test_sentence_of_finds_the_sentence_around_an_offset(lengths: list[int], gaps: list[int], offset: int) -> None:
    sents, pos = [], 0
    for length, gap in zip(lengths, gaps):
        sents.append(Span(pos + gap, pos + gap + length, "sent"))
        pos += gap + length
    doc = Document(id="d", text="x" * 200, layers={"sents": sents})
    assert doc.sentence_of(offset) == next((s for s in sents if s.start <= offset < s.end), None)


def test_a_layer_written_again_is_looked_up_anew() -> None:
    doc = Document(id="d", text="x" * 20, layers={"x": [Span(0, 2, "x")]})
    assert doc.in_range("x", 0, 10) == [Span(0, 2, "x")]
    doc.layers["x"] = [Span(5, 7, "x")]
    assert doc.in_range("x", 0, 10) == [Span(5, 7, "x")]


@given(layer=st.lists(spans, max_size=30), low=st.integers(0, 80), length=st.integers(0, 20))
def test_starting_finds_the_spans_that_start_in_a_stretch_in_the_layer_order(layer: list[Span], low: int, length: int) -> None:
    doc = Document(id="d", text="x" * 100, layers={"x": layer})
    assert doc.starting("x", low, low + length) == [s for s in layer if low <= s.start < low + length]
