"""The store: articles, their facts, and the record resolved across them.

    db       where the database is (URL, ``$BILAT_DB``, default SQLite file) and its migrations
    models   the schema
    write    one article per transaction; rebuilding the resolved layer
    query    the record of a relationship; office holders; pairs, articles and single facts for the API
"""

from bilat.store.db import connect, database_url, upgrade
from bilat.store.query import (
    article,
    article_languages,
    articles,
    entity,
    filter_events,
    office_holders,
    relation,
    relations,
)
from bilat.store.write import rebuild, store_article

__all__ = [
    "article", "article_languages", "articles", "connect", "database_url", "entity", "filter_events",
    "office_holders", "rebuild",
    "relation", "relations", "store_article", "upgrade",
]
