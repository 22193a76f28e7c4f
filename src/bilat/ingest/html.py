"""Saved web pages: the article's main text, title, date and URL, through trafilatura.

The stored text is what trafilatura extracts, under a header block built from
the page's metadata (``read.with_header``: the same ``source:``/``published:``/
``title:`` block a ``.txt`` article may carry), so evidence offsets index
exactly what is stored and shown, and the article keeps its URL.
"""

from __future__ import annotations

import trafilatura

from bilat.errors import IngestError
from bilat.ingest.detect import enough_letters


def page_article(html: str, name: str) -> tuple[dict[str, str | None], str]:
    """A web page's header fields (``source``, ``published``, ``title``) and article text.

    IngestError when the page holds no article text.
    """
    try:
        extracted = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params=_DATE_FROM_METADATA,
        )
    except Exception as exc:  # lxml or trafilatura on broken markup: the page is skipped, not the batch
        raise IngestError(name, f"cannot parse the page: {type(exc).__name__}: {exc}", "no article text") from exc
    page = extracted.as_dict() if extracted is not None else {}
    text = (page.get("text") or "").strip()
    if not enough_letters(text):  # nothing, or a stray menu word or markup debris
        raise IngestError(name, "no article text in the page", "no article text")
    return {key: page.get(field) for key, field in _HEADER}, text + "\n"


_DATE_FROM_METADATA = {"extensive_search": False, "original_date": True}
"""Only a date the page states as its own: a guessed one would shift every relative date ("Sáng 17/11")."""
_HEADER = (("source", "url"), ("published", "date"), ("title", "title"))
"""bilat's header keys and the trafilatura metadata that fills them."""
