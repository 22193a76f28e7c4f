"""The store: articles, their facts, and the record resolved across them.

    db       where the database is (URL, ``$BILAT_DB``, default SQLite file) and its migrations
    models   the schema
    checks   what the store keeps: the rules every article passes before it is written
    write    one article per transaction (or one more place a stored one was read); skipped inputs;
             updating the resolved layer, or rebuilding it whole; forgetting articles
    resolving  the record brought up to date a part at a time (``blocks``: which facts are resolved together)
    query    the record of a relationship; office holders; pairs, articles and single facts for the API;
             what cites an article (for exports)
    persons  the record of one person: offices seen, events naming them
    catalogue  where articles were read from, and the pairs each reports on
    names    names as the articles of each language state them; a record in one reader's language
    search   articles, the sentences stating facts and persons found by words (the index: ``search_index``)
    alerts   what the record of a followed pair gained at an update (``following``: the pairs followed;
             ``alert_list``: the alerts raised; ``deliveries``: what each webhook was sent)
"""

from bilat.store.alert_list import alerts_raised
from bilat.store.alerts import EVERY_PAIR, pair_key
from bilat.store.following import follow, followed, unfollow
from bilat.store.catalogue import article_origins, article_pairs
from bilat.store.db import connect, database_url, upgrade
from bilat.store.names import in_language
from bilat.store.persons import person
from bilat.store.query import (
    article,
    article_languages,
    article_page,
    articles,
    cited_articles,
    entity,
    entity_sources,
    evidence_quotes,
    filter_events,
    latest_event_dates,
    office_holders,
    read_from,
    relation,
    relations,
    skipped_paths,
    skips,
)
from bilat.store.search import search
from bilat.store.write import (
    Outcome,
    Stored,
    forget,
    forget_skips,
    raise_due,
    rebuild,
    rebuild_all,
    record_skips,
    store_article,
    store_articles,
    writing,
)

__all__ = [
    "Outcome", "Stored", "article", "article_languages", "article_origins", "article_pairs", "articles", "cited_articles", "connect",
    "database_url", "entity", "evidence_quotes", "filter_events", "forget", "forget_skips", "in_language", "office_holders", "person",
    "read_from", "rebuild", "rebuild_all", "record_skips", "relation", "relations", "search", "skipped_paths", "skips", "store_article",
    "store_articles", "upgrade", "latest_event_dates", "writing", "entity_sources", "article_page",
    "EVERY_PAIR", "alerts_raised", "follow", "followed", "pair_key", "raise_due", "unfollow",
]
