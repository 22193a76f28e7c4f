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
from bilat.ingest.html import page_article
from bilat.ingest.jsonl import read_lines

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
PAGE_SUFFIXES = (".html", ".htm")
MAX_BYTES = 20 * 1024 * 1024
"""Larger files are not news articles; reading them would stall a batch."""

_HEADER_LINE = re.compile(r"^([a-z_]+):[ \t]*(.*)$")
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def iter_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named directly, and the article files inside named folders, sorted."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path


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
    for line in read_lines(path):
        if isinstance(line, IngestError):
            yield line
            continue
        try:
            yield read_text_document(with_header(line.fields, line.text), doc_id=line.doc_id, source=line.where)
        except IngestError as exc:
            yield exc


def read_document(path: Path) -> Document:
    """Read one article file; raise IngestError naming the file when it can't be used."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(str(path), f"file too large ({size} bytes, limit {MAX_BYTES})", "too large")
        raw = path.read_bytes()
    except OSError as exc:
        raise IngestError(str(path), f"cannot read: {exc.strerror or exc}", "unreadable") from exc
    text = _decode(raw, str(path))
    if path.suffix.lower() in PAGE_SUFFIXES:
        text = with_header(*page_article(text, str(path)))
    return read_text_document(text, doc_id=path.stem, source=str(path))


def read_text_document(text: str, doc_id: str, source: str | None = None) -> Document:
    """Build a Document from article text, parsing its header block if it has one."""
    if not text.strip():
        raise IngestError(source or doc_id, "empty file", "empty")
    header, body_start = parse_header(text)
    published = header.get("published")
    if published is not None and not _ISO_DATE.match(published):
        published = None  # "unknown" and free text: the anchor is inferred from the article
    lang = header.get("lang") or detect_language(text[body_start:])
    title = _known(header.get("title"))
    headline_start = _header_value_offset(text, "title", body_start) if title else None
    if lang is None:
        raise IngestError(source or doc_id, "cannot tell the language (too little text)", "language unknown")
    return Document(
        id=doc_id,
        text=text,
        lang=lang,
        published=published,
        title=title,
        source=_known(header.get("source")) or source,
        body_start=body_start,
        headline_start=headline_start,
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
    fields: dict[str, str] = {}
    offset = 1 if text.startswith("\ufeff") else 0  # a BOM stays in the text, before the header
    for line in text[offset:].splitlines(keepends=True):
        stripped = line.strip()
        if stripped == "---":
            return (fields, offset + len(line)) if fields else ({}, 0)
        match = _HEADER_LINE.match(stripped)
        if not match:
            return {}, 0
        fields[match.group(1)] = match.group(2).strip()
        offset += len(line)
    return {}, 0


def _header_value_offset(text: str, key: str, body_start: int) -> int | None:
    match = re.search(rf"^{key}:[ \t]*(?=\S)", text[:body_start], re.MULTILINE)
    return match.end() if match else None


def _known(value: str | None) -> str | None:
    return None if value in (None, "", "unknown") else value
