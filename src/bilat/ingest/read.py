"""Reading article files into ``Document`` objects.

A ``.txt`` article may start with a header block (``source:``, ``published:``,
``title:``, then a ``---`` line) as the development corpus does. The header
stays part of ``Document.text``: evidence offsets index the file as read
(FACTS.md, "Offsets"), and ``body_start`` says where the article begins.
A saved web page (``.html``, ``.htm``) becomes such a text: its main text
under a header from its metadata (``ingest/html.py``); so does each line of a
JSON Lines dump (``ingest/jsonl.py``).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import charset_normalizer

from bilat.errors import IngestError
from bilat.extract.doc import Document
from bilat.ingest.detect import detect_language
from bilat.ingest.files import display_path, read_bounded
from bilat.ingest.html import page_article
from bilat.ingest.jsonl import Line, read_lines
from bilat.isodates import is_iso_date
from bilat.text import LINE_END

PAGE_SUFFIXES = (".html", ".htm")
MAX_BYTES = 20 * 1024 * 1024
"""Larger files are not news articles; reading them would stall a batch."""

_HEADER_LINE = re.compile(r"^([a-z_]+):[ \t]*(.*)$")
_ONE_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
"""A publication date is one day, month or year, not a range."""
_LANGUAGE_TAG = re.compile(r"^(?P<code>[A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")
"""``vi``, ``EN``, ``vi-VN``, ``en_US`` (BCP 47, as web pages write it): the language is its first part."""
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
"""NUL (which PostgreSQL text cannot hold) and lone surrogates (which UTF-8 cannot write): JSON may carry both."""


def read_articles(path: Path) -> Iterator[Document | IngestError]:
    """The articles of one file (one per line of a ``.jsonl``), or the error saying why each can't be used.

    Errors are values, not raised: one bad line of a dump must not end the file.
    """
    if path.suffix.lower() != ".jsonl":
        try:
            yield read_document(path)
        except IngestError as exc:
            yield exc
        return
    yield from dump_articles(read_lines(path))


def dump_articles(lines: Iterable[Line | IngestError]) -> Iterator[Document | IngestError]:
    """The article of each line of a JSON Lines dump, or the error that says why that line can't be used."""
    for line in lines:
        if isinstance(line, IngestError):
            yield line
            continue
        try:
            yield read_text_document(with_header(line.fields, line.text), doc_id=line.doc_id, source=line.where)
        except IngestError as exc:
            yield exc


def read_document(path: Path) -> Document:
    """Read one article file; raise IngestError naming the file when it can't be used.

    Only a regular file is read, and at most ``MAX_BYTES`` of it (``files.read_bounded``).
    """
    name = display_path(path)
    return read_bytes_document(read_bounded(path, MAX_BYTES), name, display_path(path.stem),
                               page=path.suffix.lower() in PAGE_SUFFIXES)


def read_bytes_document(raw: bytes, name: str, doc_id: str, page: bool) -> Document:
    """The article in ``raw``, a text file's bytes or, with ``page``, a saved web page's."""
    if page:
        return read_text_document(with_header(*read_page(raw, name)), doc_id=doc_id, source=name)
    return read_text_document(_decode(raw, name), doc_id=doc_id, source=name)


def read_page(raw: bytes, name: str) -> tuple[dict[str, str | None], str]:
    """A web page's header fields (``source``, ``published``, ``title``) and article text, from its bytes."""
    return page_article(_decode(raw, name), name)


def read_text_document(text: str, doc_id: str, source: str | None = None) -> Document:
    """Build a Document from article text, parsing its header block if it has one.

    A header value bilat cannot use is set aside with a note (``Document.notes``),
    never trusted nor fatal: a ``published:`` that is not a real calendar date
    (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming real days, so not ``0000``,
    ``2023-13-45`` or ``2023-02-30``) counts as unknown, and the article's date
    is inferred from its text as for ``published: unknown``; a ``lang:`` that is
    no language tag leaves the language to detection. A language tag is read by
    its first part (``vi-VN`` is ``vi``); a language bilat does not read is
    refused by extraction, as a detected one is.
    """
    name = source or doc_id
    if not text.strip():
        raise IngestError(name, "empty file", "empty")
    _refuse_unstorable(text, name)
    header, starts, body_start = _header(text)
    notes: list[str] = []
    published = _published(header.get("published"), notes)
    lang = _language(header.get("lang"), notes) or detect_language(text[body_start:])
    if lang is None:
        raise IngestError(name, "cannot tell the language (too little text)", "language unknown")
    title = _known(header.get("title"))
    return Document(
        id=doc_id,
        text=text,
        lang=lang,
        published=published,
        title=title,
        source=_known(header.get("source")) or source,
        body_start=body_start,
        headline_start=starts["title"] if title else None,
        notes=tuple(notes),
    )


def with_header(fields: Mapping[str, object], body: str) -> str:
    """``body`` under a header block of the ``fields`` that have a value, each on one line (what ``parse_header`` reads)."""
    lines = [f"{key}: {' '.join(str(value).split())}" for key, value in fields.items() if value]
    return "\n".join([*lines, "---", body]) if lines else body


def _decode(raw: bytes, name: str) -> str:
    """The file's text: UTF-16 by its byte-order mark, else UTF-8, else the legacy encoding it is in.

    Vietnamese files from older systems are often Windows-1258 (charset-normalizer
    tells it from its byte statistics); the text is kept as decoded, not
    normalised, and extraction maps its matches back onto it.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(name, f"broken UTF-16 text (at byte {exc.start})", "bad encoding") from exc
    if b"\x00" in raw[:8192]:
        raise IngestError(name, "binary file (contains NUL bytes)", "binary")
    try:
        # utf-8, not utf-8-sig: a BOM stays in the text so offsets match the file as read
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.end == len(raw) and exc.reason == "unexpected end of data":
            # Valid UTF-8 up to a character cut in half: the file was cut while written or downloaded.
            raise IngestError(name, f"truncated UTF-8: the file ends inside a character (byte {exc.start}); "
                              "fetch it again", "truncated") from exc
        guess = charset_normalizer.from_bytes(raw).best()
        if guess is None:
            raise IngestError(name, f"not UTF-8 (invalid byte at position {exc.start}) nor any encoding bilat can tell", "bad encoding") from exc
        return str(guess)


def parse_header(text: str) -> tuple[dict[str, str], int]:
    """The header fields and the offset where the body starts (0 when no header)."""
    fields, _, body_start = _header(text)
    return fields, body_start


def _header(text: str) -> tuple[dict[str, str], dict[str, int], int]:
    """The header fields, the offset where each value starts, and the offset where the body starts.

    Lines may end in LF, CRLF or a lone CR (``text.LINE_END``).
    """
    fields: dict[str, str] = {}
    starts: dict[str, int] = {}
    start = 1 if text.startswith("\ufeff") else 0  # a BOM stays in the text, before the header
    for line_start, line_end, next_start in _lines(text, start):
        line = text[line_start:line_end]
        stripped = line.strip()
        if stripped == "---":
            return (fields, starts, next_start) if fields else ({}, {}, 0)
        match = _HEADER_LINE.match(stripped)
        if not match:
            return {}, {}, 0
        key, value = match.groups()
        fields[key] = value.strip()
        starts[key] = line_start + len(line) - len(line.lstrip()) + match.start(2) + len(value) - len(value.lstrip())
    return {}, {}, 0


def _lines(text: str, start: int) -> Iterator[tuple[int, int, int]]:
    """Each line from ``start``: where it starts, where its line end starts, and where the next line starts."""
    while start < len(text):
        found = LINE_END.search(text, start)
        end, after = found.span() if found else (len(text), len(text))
        yield start, end, after
        start = after


def _published(value: str | None, notes: list[str]) -> str | None:
    """The header's date if it is one real day, month or year; else None, with a note unless it says ``unknown``."""
    if value and _ONE_DATE.match(value) and is_iso_date(value):
        return value
    if _known(value):
        notes.append(f"published: {value!r} is not a real date (YYYY, YYYY-MM or YYYY-MM-DD): "
                     "the date is inferred from the text")
    return None


def _language(value: str | None, notes: list[str]) -> str | None:
    """The language the header names (``vi-VN`` → ``vi``); None, with a note for a value that is no language tag."""
    if value and (tag := _LANGUAGE_TAG.match(value)):
        return tag["code"].lower()
    if _known(value):
        notes.append(f"lang: {value!r} is not a language tag: the language is detected from the text")
    return None


def _refuse_unstorable(text: str, name: str) -> None:
    if found := _UNSTORABLE.search(text):
        if found.group() == "\x00":
            raise IngestError(name, f"binary text (a NUL character at {found.start()})", "binary")
        raise IngestError(name, f"invalid Unicode (a lone surrogate at {found.start()})", "bad encoding")


def _known(value: str | None) -> str | None:
    return None if value in (None, "", "unknown") else value
