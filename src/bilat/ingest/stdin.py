"""Articles read from standard input, given as the path ``-``: one article, or a JSON Lines dump.

A pipe has no file name whose suffix tells what it holds, so its first
character does: ``{`` starts a JSON Lines dump (one article a line, read as
it comes, however long), ``<`` a saved web page, anything else a text
article with or without a header block. A text article read from stdin has
the id ``stdin`` and was read from ``-`` (unless its header names a
``source``); a dump's line without an ``id`` is ``stdin-LINE``, a bad one ``-:LINE``.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO

from bilat.errors import IngestError
from bilat.extract.doc import Document
from bilat.ingest.files import STDIN, display_path
from bilat.ingest.jsonl import read_stream_lines
from bilat.ingest.read import MAX_BYTES, dump_articles, read_bytes_document

NAME = display_path(STDIN)
STEM = "stdin"
"""The id of a text article read from stdin, as a file's is its name without ``.txt``."""
_DUMP_START = b"{"
_PAGE_START = b"<"
_BLANK = b" \t\r\n\xef\xbb\xbf"
"""What may stand before the first character that tells the kind: whitespace and a UTF-8 byte-order mark."""


def read_stdin(stream: BinaryIO) -> Iterator[Document | IngestError]:
    """The articles of ``stream`` (standard input's bytes), or the error saying why each can't be used."""
    head = _head(stream)
    kind = head.lstrip(_BLANK)[:1]
    if kind == _DUMP_START:
        yield from dump_articles(read_stream_lines(io.BufferedReader(_Prefixed(head, stream)), NAME, STEM))
        return
    raw = head + stream.read(MAX_BYTES + 1 - len(head))
    try:
        if len(raw) > MAX_BYTES:
            raise IngestError(NAME, f"input too large (more than {MAX_BYTES} bytes)", "too large")
        yield read_bytes_document(raw, NAME, STEM, page=kind == _PAGE_START)
    except IngestError as exc:
        yield exc


def _head(stream: BinaryIO) -> bytes:
    """The bytes up to the first that is not blank (or all of a blank input), read one at a time from the buffer."""
    head = bytearray()
    while byte := stream.read(1):
        head += byte
        if byte not in _BLANK or len(head) > MAX_BYTES:
            break
    return bytes(head)


class _Prefixed(io.RawIOBase):
    """``head``, then the rest of ``stream``: what was read to tell the kind is not lost to the reader."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self.head = memoryview(head)
        self.stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self.head:
            size = min(len(buffer), len(self.head))
            buffer[:size] = self.head[:size]
            self.head = self.head[size:]
            return size
        data = self.stream.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)
