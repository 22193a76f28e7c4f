"""Helpers for component tests: run the pipeline up to a component on a short text."""

from __future__ import annotations

import pytest

from bilat.extract import PIPELINE, _register_builtins
from bilat.extract.doc import Document
from bilat.extract.pipeline import run


def pipeline_until(text: str, last: str, *, published: str | None = "2024-10-15", lang: str = "vi") -> Document:
    """A document run through every component up to and including ``last``."""
    _register_builtins()
    names = PIPELINE[: PIPELINE.index(last) + 1]
    return run(Document(id="t", text=text, lang=lang, published=published), names)


@pytest.fixture
def until():  # type: ignore[no-untyped-def]
    return pipeline_until
