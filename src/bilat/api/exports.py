"""``/api/relations/{pair}/export`` and ``/api/export``: the merged record as a download (CSV, JSON Lines, PLOVER).

An export is streamed as it is written, a pair's record at a time, so it is
not kept by the server's answer cache (``web.cache``), which holds whole
answers. It is revalidated the way the cached answers are: its ``ETag`` is a
digest of the store's generation and the request, so a client asking again
with ``If-None-Match`` gets 304 until the store changes, without a byte computed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
from fastapi.responses import StreamingResponse
from sqlalchemy import Engine

from bilat import export
from bilat.api.deps import StoreEngine
from bilat.api.errors import NOT_MODIFIED, ApiRoute, documented
from bilat.api.relations import PAIR, _country
from bilat.api.schemas import ReaderLanguage
from bilat.errors import BilatError
from bilat.store import generation
from bilat.web.cache import _matches

router = APIRouter(route_class=ApiRoute, tags=["exports"], responses=documented(NOT_MODIFIED))

CHUNK_BYTES = 64 * 1024
"""Lines sent together: each chunk is read on a worker thread, and a line per hop would cost more than the line."""

_DOWNLOAD = {
    "description": "The export, as a file to save (`Content-Disposition: attachment`, its name saying pair and "
                   "format): CSV with a header line, or JSON Lines (one object a line).",
    "content": {
        "text/csv": {"schema": {"type": "string"}},
        "application/x-ndjson": {"schema": {"type": "string"}},
    },
}
_FORMATS = (
    "`csv`: one section as a table, a row per fact, its sources (articles, web addresses, quotes) in the last "
    "columns; `jsonl`: every fact (or those of `section`), `{\"section\", \"id\", \"fields\", \"sources\"}` a "
    "line; `plover`: the events as PLOVER events (event type, mode, context, actor and recipient, date, text, "
    "source ids; the mapping of each bilat type is in the README). `section` is the one CSV table (default "
    "`events`), or the one section of JSON Lines; PLOVER codes events only. `lang` names persons and mechanisms "
    "as the articles in that language do."
)

Format = Annotated[export.ExportFormat, Query(alias="format", description="csv, jsonl or plover.")]
Section = Annotated[export.ExportSection | None, Query(description="One section of the record.")]
Language = Annotated[ReaderLanguage | None, Query(description="Name persons and mechanisms as this language's articles do.")]


@router.get(
    "/relations/{pair}/export",
    response_class=StreamingResponse,
    summary="Export the record of a relationship",
    description=f"The record of two countries as a download. {_FORMATS}",
    responses={200: _DOWNLOAD, **documented(404, 422)},
)
def export_relation(
    request: Request,
    engine: StoreEngine,
    pair: Annotated[str, Path(
        pattern=PAIR, description="Two ISO 3166-1 alpha-2 codes, either order, any case.", examples=["VN-PE"],
    )],
    fmt: Format = export.ExportFormat.jsonl,
    section: Section = None,
    lang: Language = None,
) -> Response:
    first, second = (_country(code) for code in pair.split("-"))
    if first == second:
        raise HTTPException(404, f"no relationship of {first} with itself: give two different countries")
    return _download(request, engine, export.pair_records(engine, first, second),
                     (first, second), fmt, section, lang)


@router.get(
    "/export",
    response_class=StreamingResponse,
    summary="Export the whole store",
    description=f"Every pair's record as one download, each fact once (with the first pair holding it). {_FORMATS}",
    responses={200: _DOWNLOAD, **documented(422)},
)
def export_store(
    request: Request, engine: StoreEngine, fmt: Format = export.ExportFormat.jsonl, section: Section = None,
    lang: Language = None,
) -> Response:
    return _download(request, engine, export.store_records(engine), None, fmt, section, lang)


def _download(
    request: Request, engine: Engine, records: Iterable[dict[str, Any]], pair: tuple[str, str] | None,
    fmt: export.ExportFormat, section: export.ExportSection | None, lang: str | None,
) -> Response:
    tag = _etag(engine, request)
    validators = {"ETag": tag, "Cache-Control": "no-cache"}
    if _matches(request.headers.get("if-none-match"), tag.encode()):  # as the cached answers are compared
        return Response(status_code=304, headers=validators)
    chosen = section.value if section is not None else None
    try:
        lines = export.written(fmt, engine, records, chosen, lang)
    except BilatError as exc:
        raise HTTPException(422, str(exc)) from exc
    name = export.file_name(fmt, pair, chosen)
    return StreamingResponse(
        _chunks(lines), media_type=export.media_type(fmt),
        headers={**validators, "Content-Disposition": f'attachment; filename="{name}"'},
    )


def _chunks(lines: Iterator[str]) -> Iterator[bytes]:
    chunk: list[str] = []
    size = 0
    for line in lines:
        chunk.append(line)
        size += len(line)
        if size >= CHUNK_BYTES:
            yield "".join(chunk).encode()
            chunk, size = [], 0
    if chunk:
        yield "".join(chunk).encode()


def _etag(engine: Engine, request: Request) -> str:
    """A weak validator: the same store generation and request mean the same export, byte for byte."""
    key = f"{generation.current(engine)}\n{request.url.path}\n{request.url.query}"
    return f'W/"{hashlib.sha256(key.encode()).hexdigest()[:32]}"'

