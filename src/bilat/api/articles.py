"""``/api/articles``: the stored articles, one article with its text and facts, storing a new one and forgetting one."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response

from bilat import store
from bilat.api.deps import StoreEngine, require_writer
from bilat.api.errors import NOT_MODIFIED, ApiRoute, documented
from bilat.api.schemas import Article, ArticlesPage, NewArticle, StoredArticle
from bilat.errors import BilatError, InvalidArticleError
from bilat.extract import extract
from bilat.extract.budget import Budget, default_seconds
from bilat.extract.facts import SECTIONS
from bilat.ingest.read import read_text_document
from bilat.store.write import Outcome, article_key

router = APIRouter(route_class=ApiRoute, tags=["articles"])

ARTICLE_ID = r"^[0-9a-f]{16}$"


@router.get(
    "/articles",
    response_model=ArticlesPage,
    summary="List the stored articles",
    description="A page of the stored articles' metadata, newest first, undated last. `next` is the key of the "
                "page after this one: give it as `after` to read on (each page then costs what the first does, "
                "where a large `offset` reads every article before it); it is null on the last page.",
    responses={
        200: {"links": {"GetArticle": {
            "operationId": "get_article", "parameters": {"article_id": "$response.body#/items/0/id"},
        }}},
        **documented(NOT_MODIFIED, 422),
    },
)
def list_articles(
    engine: StoreEngine,
    limit: Annotated[int, Query(ge=1, le=500, description="How many articles to return.")] = 50,
    offset: Annotated[int, Query(ge=0, description="How many articles to skip (ignored with `after`).")] = 0,
    after: Annotated[str | None, Query(
        pattern=ARTICLE_ID, description="Start after this article: the `next` of the page before.",
    )] = None,
) -> dict[str, Any]:
    total, items, following = store.article_page(engine, limit, offset, after)
    return {"total": total, "limit": limit, "offset": offset, "items": items, "next": following}


@router.get(
    "/articles/{article_id}",
    response_model=Article,
    summary="Get one article with its text and facts",
    description="The article's full text as read, header block included, and each fact extracted from it in the "
                "shape of the facts contract: `text[start:end]` of its `evidence` is the sentence that states it.",
    responses=documented(NOT_MODIFIED, 404, 422),
)
def get_article(
    engine: StoreEngine,
    article_id: Annotated[str, Path(pattern=ARTICLE_ID, description="16 hex digits, as in a fact's sources.")],
) -> dict[str, Any]:
    record = store.article(engine, article_id)
    if record is None:
        raise HTTPException(404, f"no article {article_id} in the store")
    return record


@router.post(
    "/articles",
    response_model=StoredArticle,
    status_code=201,
    summary="Store an article",
    description="Read the text, extract its facts, store both and update the merged record, as `bilat ingest` "
                "does for a file. The same text twice (whitespace and header aside) is stored once: the "
                "second time answers 200 with `stored: false` and the stored article's id. Needs the server's token as a bearer token (`Authorization: Bearer TOKEN`; "
                "none or a wrong one is 401); a server started without a token does not write (403). A text "
                "bilat cannot read (a language it has no rules for, too short to tell, longer to read than the "
                "article time budget, $BILAT_ARTICLE_TIMEOUT) or store (a date naming no day) is 422 with the reason.",
    dependencies=[Depends(require_writer)],
    responses={
        201: {
            "description": "Stored.",
            "headers": {"Location": {"description": "Where to read it.", "schema": {"type": "string"}}},
            "links": {"GetArticle": {
                "operationId": "get_article", "parameters": {"article_id": "$response.body#/id"},
            }},
        },
        200: {"model": StoredArticle, "description": "Already stored (the same text)."},
        **documented(400, 401, 403, 413, 422),
    },
)
def post_article(article: NewArticle, engine: StoreEngine, request: Request, response: Response) -> dict[str, Any]:
    doc_id = article.name or article_key(article.text)[:16]
    try:
        # requests run in a thread pool, where no signal stops a rule: the budget is checked between rules
        with Budget(doc_id, default_seconds()):
            document = read_text_document(article.text, doc_id=doc_id, source=article.source)
            facts = extract(document)
    except BilatError as exc:
        raise HTTPException(422, f"cannot read the article: {exc}") from exc
    try:
        stored = store.store_article(engine, document, facts)
    except InvalidArticleError as exc:  # a value the store cannot keep: a date naming no day...
        raise HTTPException(422, f"cannot store the article: {exc.reason}") from exc
    store.rebuild(engine)
    if stored.outcome is Outcome.STORED:
        response.headers["Location"] = str(request.url_for("get_article", article_id=stored.article_id))
    else:
        response.status_code = 200
    return {
        "id": stored.article_id, "stored": stored.outcome is Outcome.STORED, "story": stored.story_id,
        "facts": sum(len(getattr(facts, s)) for s in SECTIONS),
    }


@router.delete(
    "/articles/{article_id}",
    status_code=204,
    response_class=Response,
    summary="Forget an article",
    description="Remove a stored article (its facts, the places it was read from) and update the merged record, as "
                "`bilat forget` does. A syndicated copy of it stays, as the first article of its story. Needs the "
                "server's token, as storing does (none or a wrong one is 401; a server without one is 403).",
    dependencies=[Depends(require_writer)],
    responses={204: {"description": "Forgotten."}, **documented(401, 403, 404, 422)},
)
def delete_article(
    engine: StoreEngine,
    article_id: Annotated[str, Path(pattern=ARTICLE_ID, description="16 hex digits, as in a fact's sources.")],
) -> Response:
    if not store.forget(engine, [article_id]):
        raise HTTPException(404, f"no article {article_id} in the store")
    return Response(status_code=204)
