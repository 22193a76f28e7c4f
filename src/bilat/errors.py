"""Exceptions raised by bilat.

    BilatError
     ├── IngestError    an input could not be read as an article
     ├── LexiconError   a language data file is missing or malformed
     └── ExtractError   a component failed on a document

Each names its input (a path, a data key or a document id) so that the CLI
can report it and carry on with the rest of a batch.
"""


class BilatError(Exception):
    """Base class of every error bilat raises on purpose."""


class IngestError(BilatError):
    """An input file could not be read as an article."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class LexiconError(BilatError):
    """A language data file is missing or does not have the expected shape."""


class ExtractError(BilatError):
    """A pipeline component failed on a document."""

    def __init__(self, doc_id: str, component: str, reason: str) -> None:
        super().__init__(f"{doc_id}: component {component!r} failed: {reason}")
        self.doc_id = doc_id
        self.component = component
