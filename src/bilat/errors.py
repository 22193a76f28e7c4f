"""Exceptions raised by bilat.

    BilatError
     ├── IngestError    an input could not be read as an article
     ├── LexiconError   a language data file is missing or malformed
     ├── LanguageError  an article is in a language bilat does not read yet
     ├── ExtractError   a component failed on a document
     ├── InvalidArticleError  an article holds a value the store cannot keep
     ├── SearchError    a search query holds nothing to look for
     └── TooSlow        an article took longer than its time budget

Each names its input (a path, a data key or a document id) so that the CLI
can report it and carry on with the rest of a batch.
"""


class BilatError(Exception):
    """Base class of every error bilat raises on purpose."""

    kind = "error"
    """A short reason to count skipped inputs by, in a batch's summary and ``bilat skipped``."""


class IngestError(BilatError):
    """An input file could not be read as an article."""

    def __init__(self, source: str, reason: str, kind: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
        self.kind = kind


class LexiconError(BilatError):
    """A language data file is missing or does not have the expected shape."""


class LanguageError(BilatError):
    """An article is written in a language whose rules and data are not complete."""

    kind = "language not read"

    def __init__(self, doc_id: str, lang: str, supported: tuple[str, ...]) -> None:
        super().__init__(f"{doc_id}: articles in {lang!r} are not read yet (bilat reads: {', '.join(supported)})")
        self.doc_id = doc_id
        self.lang = lang


class ExtractError(BilatError):
    """A pipeline component failed on a document."""

    kind = "extraction failed"

    def __init__(self, doc_id: str, component: str, reason: str) -> None:
        super().__init__(f"{doc_id}: component {component!r} failed: {reason}")
        self.doc_id = doc_id
        self.component = component


class StoreError(BilatError):
    """The database cannot be reached, or is not a bilat store."""


class InvalidArticleError(BilatError):
    """An article holds a value the store cannot keep: a date naming no day, a NUL character, a string too long.

    ``kind`` says which rule it broke, to count refusals by in ``bilat skipped``.
    """

    def __init__(self, doc_id: str, kind: str, reason: str) -> None:
        super().__init__(f"{doc_id}: {reason}")
        self.doc_id = doc_id
        self.kind = kind
        self.reason = reason


class SearchError(BilatError):
    """A search query holds no word to look for (only punctuation, or nothing), or asks for what there is not."""


class TooSlow(BilatError):
    """An article's reading and extraction took longer than its time budget (``extract/budget.py``)."""

    kind = "too slow"

    def __init__(self, doc_id: str, seconds: float) -> None:
        super().__init__(f"{doc_id}: took longer than the article time budget of {seconds:g} s of CPU "
                         "(--article-timeout, $BILAT_ARTICLE_TIMEOUT)")
        self.doc_id = doc_id
        self.seconds = seconds
