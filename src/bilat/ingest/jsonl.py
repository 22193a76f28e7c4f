"""JSON Lines dumps (a crawler's output): one article per line.

Each line is an object with ``text`` (required) and optionally ``id``,
``url``, ``title``, ``published`` and ``lang``. The metadata becomes the header
block of a ``.txt`` article, so it is stored with the text and evidence
offsets index exactly what is stored. A bad line is reported as an
``IngestError`` naming ``FILE:LINE``, and the lines after it are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bilat.errors import IngestError
from bilat.extract.doc import Document

MAX_LINE_BYTES = 20 * 1024 * 1024
"""As for a file: a longer line is not a news article."""

_HEADER = (("source", "url"), ("published", "published"), ("title", "title"), ("lang", "lang"))
"""bilat's header keys and the JSON fields that fill them."""


def read_lines(path: Path, read_text: Any) -> Iterator[Document | IngestError]:
    """Each line's article, or the error that says why that line is skipped.

    ``read_text(text, doc_id, source)`` turns an article's text into a Document
    (``read.read_text_document``; passed in to keep the modules acyclic).
    """
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield IngestError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        for number, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = _record(raw, where)
                yield read_text(_headed_text(record), doc_id=str(record.get("id") or f"{path.stem}-{number}"),
                                source=where)
            except IngestError as exc:
                yield exc


def _record(raw: bytes, where: str) -> dict[str, Any]:
    if len(raw) > MAX_LINE_BYTES:
        raise IngestError(where, f"line too large ({len(raw)} bytes, limit {MAX_LINE_BYTES})")
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise IngestError(where, f"not UTF-8 (invalid byte at position {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise IngestError(where, f"not JSON: {exc.msg} (column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise IngestError(where, "not a JSON object")
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        raise IngestError(where, "no 'text' (a non-empty string)")
    for key in ("id", "url", "title", "published", "lang"):
        if record.get(key) is not None and not isinstance(record[key], str | int):
            raise IngestError(where, f"{key!r} must be a string")
    return record


def _headed_text(record: dict[str, Any]) -> str:
    header = [f"{key}: {' '.join(str(record[field]).split())}" for key, field in _HEADER if record.get(field)]
    return "\n".join([*header, "---", record["text"]]) if header else record["text"]
