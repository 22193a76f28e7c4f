"""Extraction as a pipeline of small components, each a pure function of a document.

A component reads the layers it ``requires`` and returns the content of the
layer it ``assigns`` (spaCy's ``@Language.component(requires=, assigns=)``).
It never mutates the document: the pipeline stores what it returns. Built-in
components register through the same ``component`` decorator a user's would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from bilat.errors import BilatError, ExtractError
from bilat.extract import budget
from bilat.extract.doc import Document
from bilat.lang import Lexicon, load

ComponentFn = Callable[[Document, Lexicon], list[Any]]


@dataclass(frozen=True)
class Component:
    name: str
    func: ComponentFn
    requires: tuple[str, ...]
    assigns: str


REGISTRY: dict[str, Component] = {}


def component(name: str, *, requires: Iterable[str] = (), assigns: str) -> Callable[[ComponentFn], ComponentFn]:
    """Register ``func(doc, lexicon) -> list`` as component ``name`` writing layer ``assigns``."""

    def register(func: ComponentFn) -> ComponentFn:
        REGISTRY[name] = Component(name, func, tuple(requires), assigns)
        return func

    return register


def run(doc: Document, names: Iterable[str]) -> Document:
    """Run the named components in order, checking that each one's inputs exist and the article's time budget."""
    lexicon = load(doc.lang)
    for name in names:
        budget.check()
        comp = REGISTRY[name]
        missing = [layer for layer in comp.requires if layer not in doc.layers]
        if missing:
            raise ExtractError(doc.id, name, f"needs layers {missing} that no earlier component wrote")
        try:
            doc.layers[comp.assigns] = comp.func(doc, lexicon)
        except BilatError:
            raise
        except Exception as exc:  # a bug in a rule must name the document it failed on
            raise ExtractError(doc.id, name, f"{type(exc).__name__}: {exc}") from exc
    return doc
