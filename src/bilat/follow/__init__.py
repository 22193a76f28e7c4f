"""Following outlets: their RSS and Atom feeds and sitemaps polled, each new article page fetched once and stored.

    hosts    at most one request at a time to each host, a polite delay apart
    fetch    one HTTP GET: conditional, bounded in size, retried with backoff on a passing failure
    feeds    a feed's or a sitemap's answer → the article pages it lists (and a sitemap index's sitemaps)
    pages    a fetched page → a ``Document`` with its URL and date, as ``bilat ingest`` reads a saved page
    loop     the follower: feeds polled on their interval by fetcher threads, pages extracted and stored here

What the follower remembers (each feed's validators, each page fetched) is in
the store (``store.feeds``), so it survives a restart or a kill at any moment.
"""
