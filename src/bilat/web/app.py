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
from bilat.web import views
from bilat.web.views.docs import SWAGGER_UI

DESCRIPTION = """The sourced record of relationships between countries, as read from diplomatic news.

Every fact carries its sources: the article, the evidence span (character
offsets into the article's text) and the quoted sentence. Writing
(`POST /api/articles`) is off unless the server was started with a token.
"""


def create_app(engine: Engine, token: str | None = None) -> FastAPI:
    """The app over the store at ``engine``; ``token`` enables writing for requests that carry it."""
    app = FastAPI(title="bilat", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None)
    app.state.engine = engine
    app.state.token = token
    app.include_router(api.router)
    app.include_router(views.router)
    app.mount(SWAGGER_UI, StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger-ui")
    app.mount("/static", StaticFiles(packages=[("bilat.web", "static")]), name="static")
    return app
