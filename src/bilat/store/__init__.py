"""The store: articles, their facts, and the record resolved across them.

    db       where the database is (URL, ``$BILAT_DB``, default SQLite file) and its migrations
    models   the schema
    write    one article per transaction; rebuilding the resolved layer
    query    the record of a relationship; office holders
"""

from bilat.store.db import connect, database_url, upgrade
from bilat.store.query import office_holders, relation
from bilat.store.write import rebuild, store_article

__all__ = ["connect", "database_url", "office_holders", "rebuild", "relation", "store_article", "upgrade"]
