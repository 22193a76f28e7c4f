"""Saved web pages: the article's main text, title, date and URL, through trafilatura.

The stored text is what trafilatura extracts, under a header block built from
the page's metadata (``read.with_header``: the same ``source:``/``published:``/
``title:`` block a ``.txt`` article may carry), so evidence offsets index
exactly what is stored and shown, and the article keeps its URL.
"""

from __future__ import annotations

import trafilatura
from lxml.html import HtmlElement

from bilat.errors import IngestError, TooSlow
from bilat.ingest.detect import enough_letters

MAX_PARAGRAPH_ELEMENTS = 2000
"""Elements one paragraph may hold (links, spans...). trafilatura's reading of a paragraph takes time that grows
with the square of its elements (8 000 links in one ``<p>``: 5 s; twice as many, four times that), where a news
paragraph holds a few: a page beyond it is no article page, and is skipped before it stalls the batch."""


def page_article(html: str, name: str) -> tuple[dict[str, str | None], str]:
    """A web page's header fields (``source``, ``published``, ``title``) and article text.

    IngestError when the page holds no article text.
    """
    try:
        tree = trafilatura.load_html(html)  # parsed once, here to be measured, then read by trafilatura
        crowded = _most_crowded_paragraph(tree) if tree is not None else 0
        extracted = None if crowded > MAX_PARAGRAPH_ELEMENTS else trafilatura.bare_extraction(
            html if tree is None else tree, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params=_DATE_FROM_METADATA,
        )
    except TooSlow:
        raise  # the article's time budget, not the page's markup
    except Exception as exc:  # lxml or trafilatura on broken markup: the page is skipped, not the batch
        raise IngestError(name, f"cannot parse the page: {type(exc).__name__}: {exc}", "no article text") from exc
    if crowded > MAX_PARAGRAPH_ELEMENTS:
        raise IngestError(name, f"a paragraph of {crowded} elements (limit {MAX_PARAGRAPH_ELEMENTS}): "
                          "not an article page", "too large")
    page = extracted.as_dict() if extracted is not None else {}
    text = (page.get("text") or "").strip()
    if not enough_letters(text):  # nothing, or a stray menu word or markup debris
        raise IngestError(name, "no article text in the page", "no article text")
    return {key: page.get(field) for key, field in _HEADER}, text + "\n"


def _most_crowded_paragraph(tree: HtmlElement) -> int:
    """The most elements any one paragraph of the page holds."""
    return max((sum(1 for _ in paragraph.iterdescendants()) for paragraph in tree.iter("p")), default=0)


_DATE_FROM_METADATA = {"extensive_search": False, "original_date": True}
"""Only a date the page states as its own: a guessed one would shift every relative date ("Sáng 17/11")."""
_HEADER = (("source", "url"), ("published", "date"), ("title", "title"))
"""bilat's header keys and the trafilatura metadata that fills them."""
