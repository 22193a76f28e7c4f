"""The follower against a local outlet: what it stores, what it asks again, what it never fetches twice."""

from __future__ import annotations

import threading
from dataclasses import replace

from outlet import LAST_MODIFIED, QUICK, Outlet, Story, serving
from sqlalchemy import Engine, select

from bilat import store
from bilat.follow.fetch import Politeness
from bilat.follow.loop import PAGE_ATTEMPTS, Follower, Settings
from bilat.store import models as m
from bilat.store.write import Outcome


def follow(engine: Engine, feeds: list[str], settings: Settings) -> tuple[list[str], Follower]:
    """One run of a new follower (as a restarted ``bilat follow --once``): the lines it said, and it."""
    said: list[str] = []
    follower = Follower(engine, feeds, settings, said.append)
    follower.run()
    return said, follower


def stored_articles(engine: Engine) -> dict[str, tuple[str | None, str | None, str | None]]:
    """Each stored article's URL → its source, date and title."""
    with engine.connect() as connection:
        return {url: (source, published, title) for url, source, published, title in connection.execute(
            select(m.Article.url, m.Article.source, m.Article.published, m.Article.title))}


def test_every_article_of_the_feed_is_stored_with_its_url_and_date(engine: Engine, corpus_stories: list[Story], once: Settings) -> None:
    with serving(Outlet(list(corpus_stories))) as outlet:
        said, follower = follow(engine, [outlet.url("/rss.xml")], once)
    assert follower.tally.outcomes[Outcome.STORED] == len(corpus_stories)
    articles = stored_articles(engine)
    assert set(articles) == {outlet.url(story.path) for story in corpus_stories}
    for story in corpus_stories:
        source, published, title = articles[outlet.url(story.path)]
        assert source == outlet.url(story.path)
        assert title == (story.document.title or title)  # a seed has no headline: the page's <title> names it
        if story.feed_date:  # the page's own date, else the feed's: never the UTC day before (01:30 in Hà Nội)
            assert published == story.feed_date
    assert any(story.feed_date and not story.page_date for story in corpus_stories)  # the feed's date was needed
    assert sorted(said) == sorted(f"stored {outlet.url(story.path)}" for story in corpus_stories)
    pair = store.relation(engine, "VN", "PE")  # the merged record was updated
    assert pair["events"]


def test_a_second_poll_asks_for_changes_only_and_fetches_nothing(engine: Engine, outlet: Outlet, once: Settings) -> None:
    follow(engine, [outlet.url("/rss.xml")], once)
    pages = len(outlet.page_requests())
    said, follower = follow(engine, [outlet.url("/rss.xml")], once)
    first, second = outlet.asked("/rss.xml")
    assert "if-none-match" not in first.headers
    assert second.headers["if-none-match"].startswith('"') and second.headers["if-modified-since"] == LAST_MODIFIED
    assert second.status == 304
    assert len(outlet.page_requests()) == pages == len(outlet.stories)
    assert said == [] and not follower.tally.outcomes


def test_a_new_entry_is_fetched_once(engine: Engine, outlet: Outlet, corpus_stories: list[Story], once: Settings) -> None:
    follow(engine, [outlet.url("/rss.xml")], once)
    published = corpus_stories[9]
    outlet.stories.insert(0, published)  # newest first, as feeds list them
    said, _ = follow(engine, [outlet.url("/rss.xml")], once)
    follow(engine, [outlet.url("/rss.xml")], once)
    assert outlet.asked("/rss.xml")[1].status == 200  # the feed changed: a new ETag
    assert said == [f"stored {outlet.url(published.path)}"]
    assert len(outlet.asked(published.path)) == 1
    assert all(len(outlet.asked(story.path)) == 1 for story in outlet.stories)


def test_atom_and_a_sitemap_index_list_the_same_pages_fetched_once(engine: Engine, outlet: Outlet, once: Settings) -> None:
    said, follower = follow(engine, [outlet.url("/atom.xml"), outlet.url("/sitemap-index.xml")], once)
    assert follower.tally.outcomes[Outcome.STORED] == len(outlet.stories)
    assert all(len(outlet.asked(story.path)) == 1 for story in outlet.stories)
    assert len(outlet.asked("/sitemap.xml")) == 1  # the index's sitemap, polled with it
    for story in outlet.stories:
        if story.feed_date:
            assert stored_articles(engine)[outlet.url(story.path)][1] == story.feed_date
    follow(engine, [outlet.url("/atom.xml"), outlet.url("/sitemap-index.xml")], once)
    assert [r.status for r in outlet.asked("/sitemap.xml")] == [200, 304]  # each sitemap keeps its own validators


def test_a_sitemap_alone(engine: Engine, outlet: Outlet, once: Settings) -> None:
    _, follower = follow(engine, [outlet.url("/sitemap.xml")], once)
    assert follower.tally.outcomes[Outcome.STORED] == len(outlet.stories)


def test_an_overloaded_page_is_tried_again_after_a_growing_pause(engine: Engine, outlet: Outlet, once: Settings) -> None:
    page = outlet.stories[0].path
    outlet.failures[page] = [(503, {}), (503, {})]
    settings = replace(once, politeness=replace(QUICK, backoff=0.2))
    said, _ = follow(engine, [outlet.url("/rss.xml")], settings)
    tries = outlet.asked(page)
    assert [r.status for r in tries] == [503, 503, 200]
    assert tries[1].started - tries[0].ended >= 0.2  # backoff, then twice that
    assert tries[2].started - tries[1].ended >= 0.4
    assert f"stored {outlet.url(page)}" in said


def test_retry_after_is_honoured(engine: Engine, outlet: Outlet, once: Settings) -> None:
    outlet.failures["/rss.xml"] = [(429, {"Retry-After": "1"})]
    follow(engine, [outlet.url("/rss.xml")], once)
    first, second = outlet.asked("/rss.xml")
    assert second.started - first.ended >= 1.0  # the server's word, not the 0.01 s backoff


def test_a_page_failing_for_now_is_tried_again_at_later_polls_then_given_up(engine: Engine, outlet: Outlet, once: Settings) -> None:
    page = outlet.stories[0].path
    attempts = replace(QUICK, attempts=1)
    outlet.failures[page] = [(503, {})] * PAGE_ATTEMPTS
    for _ in range(PAGE_ATTEMPTS + 1):  # the feed answers 304 after the first: the page is retried from the store
        said, _ = follow(engine, [outlet.url("/rss.xml")], replace(once, politeness=attempts))
    assert [r.status for r in outlet.asked(page)] == [503] * PAGE_ATTEMPTS
    assert said == []
    assert {s["where"]: s["kind"] for s in store.skips(engine)} == {outlet.url(page): "unreachable"}


def test_a_page_failing_then_answering_is_stored_at_the_next_poll(engine: Engine, outlet: Outlet, once: Settings) -> None:
    page = outlet.stories[0].path
    outlet.failures[page] = [(503, {})]
    follow(engine, [outlet.url("/rss.xml")], replace(once, politeness=replace(QUICK, attempts=1)))
    said, _ = follow(engine, [outlet.url("/rss.xml")], once)
    assert said == [f"stored {outlet.url(page)}"]
    assert store.skips(engine) == []  # its earlier verdict gave way


def test_a_missing_page_and_one_that_is_no_article_are_skipped_once(engine: Engine, outlet: Outlet, corpus_stories: list[Story], once: Settings) -> None:
    gone, menu, pdf = (replace(corpus_stories[0], path=path) for path in ("/news/gone.html", "/news/menu.html", "/news/a.pdf"))
    outlet.stories += [gone, menu, pdf]
    outlet.extra = {gone.path: (404, "text/plain", b"not found"),
                    menu.path: (200, "text/html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"),
                    pdf.path: (200, "application/pdf", b"%PDF-1.4")}
    said, follower = follow(engine, [outlet.url("/rss.xml")], once)
    skips = {s["where"]: (s["kind"], s["reason"]) for s in store.skips(engine)}
    assert skips[outlet.url(gone.path)] == ("not found", "HTTP 404 Not Found")
    assert skips[outlet.url(menu.path)][0] == "no article text"
    assert skips[outlet.url(pdf.path)] == ("not a web page", "not a web page (Content-Type: application/pdf)")
    assert f"skipped {outlet.url(gone.path)}: HTTP 404 Not Found" in said
    assert follower.tally.skips.total() == 3
    outlet.stories.append(corpus_stories[9])  # the feed changes: it is read again whole
    follow(engine, [outlet.url("/rss.xml")], once)
    assert all(len(outlet.asked(story.path)) == 1 for story in (gone, menu, pdf))


def test_one_request_at_a_time_per_host_a_pause_apart(engine: Engine, outlet: Outlet, once: Settings) -> None:
    outlet.delay = 0.03  # each answer takes a while: requests sent together would overlap
    settings = replace(once, politeness=Politeness(host_delay=0.05, backoff=0.01))
    follow(engine, [outlet.url("/rss.xml"), outlet.url("/atom.xml"), outlet.url("/sitemap.xml")], settings)
    assert outlet.most_busy == 1
    requests = sorted(outlet.requests, key=lambda r: r.started)
    assert len(requests) == 3 + len(outlet.stories)
    # each answer ends after the server's delay, and the next request starts the host delay after it
    assert all(later.started - earlier.started >= 0.03 + 0.05 for earlier, later in zip(requests, requests[1:]))


def test_two_hosts_are_asked_at_once(engine: Engine, outlet: Outlet, once: Settings) -> None:
    """The limit is per host: the same server named 127.0.0.1 and localhost is two hosts to the follower."""
    meeting = threading.Barrier(2)
    outlet.meeting = {"/rss.xml": meeting, "/atom.xml": meeting}
    other = outlet.url("/atom.xml").replace("127.0.0.1", "localhost")
    follow(engine, [outlet.url("/rss.xml"), other], once)
    assert outlet.most_busy == 2 and not meeting.broken


def test_a_feed_that_is_no_feed_is_skipped_and_the_others_go_on(engine: Engine, outlet: Outlet, once: Settings) -> None:
    outlet.extra["/news/"] = (200, "text/html", b"<html><body><p>Latest news</p></body></html>")
    said, follower = follow(engine, [outlet.url("/news/"), outlet.url("/missing.xml"), outlet.url("/rss.xml")], once)
    skips = {s["where"]: s["kind"] for s in store.skips(engine)}
    assert skips == {outlet.url("/news/"): "not a feed", outlet.url("/missing.xml"): "not found"}
    assert any(line.startswith(f"skipped {outlet.url('/news/')}: neither an RSS or Atom feed nor a sitemap") for line in said)
    assert follower.tally.outcomes[Outcome.STORED] == len(outlet.stories)
    with engine.connect() as connection:
        failures = dict(connection.execute(select(m.FollowedFeed.url, m.FollowedFeed.failures)).all())
    assert failures == {outlet.url("/news/"): 1, outlet.url("/missing.xml"): 1, outlet.url("/rss.xml"): 0}
