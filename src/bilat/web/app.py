"""The HTTP application: the JSON API under ``/api`` and the web pages, served by ``bilat serve``.

``create_app`` wires; the pages live in ``web/views/``, the JSON routers in
``bilat/api/``, and every query in ``bilat/store/query.py``. Every asset is
served by the app itself (``/static``), so the pages and ``/docs`` work with no internet.
"""

from __future__ import annotations

import swagger_ui_bundle
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine

from bilat import __version__, api
from bilat.api.records import Records
from bilat.web import views
from bilat.web.cache import ResponseCache
from bilat.web.headers import SecurityHeaders
from bilat.web.languages import PreferredLanguage
from bilat.web.limits import READ_TIME_LIMIT, WRITE_TIME_LIMIT, TimeLimit, WriteGate, handler_threads
from bilat.web.views.docs import SWAGGER_UI

DESCRIPTION = """The sourced record of relationships between countries, as read from diplomatic news.

Every fact carries its sources: the article, the evidence span (character
offsets into the article's text) and the quoted sentence. Writing
(`POST /api/articles`) is off unless the server was started with a token.
"""


def create_app(
    engine: Engine, token: str | None = None, read_time_limit: float = READ_TIME_LIMIT,
    write_time_limit: float = WRITE_TIME_LIMIT,
) -> FastAPI:
    """The app over the store at ``engine``; ``token`` enables writing for requests that carry it.

    Around the routes, outermost first: the security headers on every
    answer, the time limits, writes refused from their headers (no token, too
    large), the reader's language from the browser when the URL names none,
    and reads answered from memory until the store changes.
    """
    app = FastAPI(title="bilat", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None,
                  lifespan=handler_threads)
    app.state.engine = engine
    app.state.token = token
    app.state.records = Records()
    app.include_router(api.router)
    app.include_router(views.router)
    app.mount(SWAGGER_UI, StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger-ui")
    app.mount("/static", StaticFiles(packages=[("bilat.web", "static")]), name="static")
    app.add_middleware(ResponseCache, engine=engine)  # each add_middleware wraps the ones before
    app.add_middleware(PreferredLanguage)  # outside the cache: answers are cached per language
    app.add_middleware(WriteGate)
    app.add_middleware(TimeLimit, read=read_time_limit, write=write_time_limit)
    app.add_middleware(SecurityHeaders)
    return app
