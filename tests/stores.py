"""Articles extracted and stores built the same way for every suite that needs a real store."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import Engine

from bilat import store
from bilat.extract import extract
from bilat.extract.doc import Document
from bilat.extract.facts import Facts
from bilat.ingest import read_document, read_text_document
from bilat.store import Outcome

Article = tuple[Document, Facts]


def extracted(paths: Iterable[Path]) -> list[Article]:
    """Each file read and extracted, in the order given (stores depend on it)."""
    return [(document, extract(document)) for document in map(read_document, paths)]


def text_article(text: str, doc_id: str) -> Article:
    """An article written in a test (header, ``---``, body), extracted."""
    document = read_text_document(text, doc_id=doc_id)
    return document, extract(document)


def build_store(where: Path | str, articles: Iterable[Article]) -> Engine:
    """A resolved store at a SQLite file path or a database URL; every article must be new to it."""
    engine = store.connect(f"sqlite:///{where}" if isinstance(where, Path) else where, create=True)
    store.upgrade(engine)
    for document, facts in articles:
        assert store.store_article(engine, document, facts).outcome is Outcome.STORED
    store.rebuild(engine)
    return engine


def syndicated(body: str) -> str:
    """``body`` as another outlet runs a wire report: its own lead, one paragraph cut, two words changed, a credit."""
    paragraphs = [p for p in body.split("\n") if p.strip()]
    del paragraphs[len(paragraphs) // 2]
    edited = "\n".join(paragraphs).replace("Peru", "Cộng hòa Peru", 1).replace("Việt Nam", "nước ta", 1)
    return "(Báo Thế giới) Theo phóng viên thường trú tại Lima.\n" + edited + "\nNguồn: TTXVN\n"
