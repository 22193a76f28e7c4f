"""The pages, one module each; ``router`` gathers them for ``create_app``."""

from fastapi import APIRouter

from bilat.web.views import articles, docs, feeds, persons, relations, search

router = APIRouter(include_in_schema=False)
router.include_router(relations.router)
router.include_router(articles.router)
router.include_router(persons.router)
router.include_router(search.router)
router.include_router(docs.router)
router.include_router(feeds.router)
