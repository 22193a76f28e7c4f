"""JSON Lines dumps (a crawler's output): one article per line.

Each line is an object with ``text`` (required) and optionally ``id``,
``url``, ``title``, ``published`` and ``lang``. The metadata becomes the header
block of a ``.txt`` article (``read.with_header``), so it is stored with the
text and evidence offsets index exactly what is stored. A bad line is reported as an
``IngestError`` naming ``FILE:LINE``, and the lines after it are still read.
A line nested too deeply for Python's parser to follow is such a bad line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from bilat.errors import IngestError
from bilat.ingest.files import display_path, open_regular

MAX_LINE_BYTES = 20 * 1024 * 1024
"""As for a file: a longer line is not a news article."""

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""What JSON's ``"\\ud800"`` escape can put in a string, and UTF-8 cannot write."""
_HEADER = (("source", "url"), ("published", "published"), ("title", "title"), ("lang", "lang"))
"""bilat's header keys and the JSON fields that fill them."""


class Line(NamedTuple):
    """One line's article: its id, ``FILE:LINE``, its header fields and its text."""

    doc_id: str
    where: str
    fields: dict[str, Any]
    text: str


def read_lines(path: Path) -> Iterator[Line | IngestError]:
    """Each line's article, or the error that says why that line is skipped."""
    try:
        stream = open_regular(path)
    except IngestError as exc:
        yield exc
        return
    with stream:
        yield from read_stream_lines(stream, display_path(path), display_path(path.stem))


def read_stream_lines(stream: BinaryIO, name: str, stem: str) -> Iterator[Line | IngestError]:
    """Each line's article of an open dump: bad lines are ``NAME:LINE``, a line without id is ``STEM-LINE``."""
    for number, raw in enumerate(_lines(stream), start=1):
        if isinstance(raw, bytes) and not raw.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = _record(raw, where)
            fields = {key: record.get(field) for key, field in _HEADER}
            yield Line(str(record.get("id") or f"{stem}-{number}"), where, fields, record["text"])
        except IngestError as exc:
            yield exc


def _lines(stream: BinaryIO) -> Iterator[bytes | int]:
    """Each line, or the size of a line too large to hold (read past in pieces, never whole in memory)."""
    while raw := stream.readline(MAX_LINE_BYTES + 1):
        if len(raw) <= MAX_LINE_BYTES or raw.endswith(b"\n"):
            yield raw
            continue
        size = len(raw)
        while (rest := stream.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
            size += len(rest)
        yield size + len(rest)


def _record(raw: bytes | int, where: str) -> dict[str, Any]:
    if isinstance(raw, int) or len(raw) > MAX_LINE_BYTES:
        size = raw if isinstance(raw, int) else len(raw)
        raise IngestError(where, f"line too large ({size} bytes, limit {MAX_LINE_BYTES})", "too large")
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise IngestError(where, f"not UTF-8 (invalid byte at position {exc.start})", "bad encoding") from exc
    except json.JSONDecodeError as exc:
        raise IngestError(where, f"not JSON: {exc.msg} (column {exc.colno})", "malformed line") from exc
    except RecursionError as exc:  # "[[[[..." a hundred thousand deep: the parser gives up, the line is bad
        raise IngestError(where, "nested too deeply to be an article", "malformed line") from exc
    if not isinstance(record, dict):
        raise IngestError(where, "not a JSON object", "malformed line")
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        raise IngestError(where, "no 'text' (a non-empty string)", "malformed line")
    for key in ("id", "url", "title", "published", "lang"):
        if record.get(key) is not None and not isinstance(record[key], str | int):
            raise IngestError(where, f"{key!r} must be a string", "malformed line")
    if isinstance(record.get("id"), str) and _LONE_SURROGATE.search(record["id"]):  # the other fields join the text
        raise IngestError(where, "invalid Unicode in 'id' (a lone surrogate)", "bad encoding")
    return record
