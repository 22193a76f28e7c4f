"""A relationship's alerts as an Atom 1.0 feed (RFC 4287), for any feed reader.

Built as an element tree (``xml.etree.ElementTree``), which escapes every
text an article or a name brings. Ids are ``tag:`` URIs (RFC 4151) made from
what never changes: the pair, and an alert's kind and anchor fact
(``store.alerts``), so an entry keeps its id however the record is rebuilt,
and two stores of the same articles give the same alert the same id. Links
are relative to the feed's own address (RFC 4287 §4.2.7, RFC 3986 §5), so the
feed is right under whatever host name the server is reached by.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode
from xml.etree import ElementTree

from bilat import __version__
from bilat.lang import load
from bilat.report.alerts import alert_text, kind_label
from bilat.report.labels import country
from bilat.web.render import evidence_url, pair_url

ATOM = "http://www.w3.org/2005/Atom"
TAG = "tag:bilat,2026:"
"""RFC 4151's authority and date: bilat's name, and the year it first minted these ids."""
MEDIA_TYPE = "application/atom+xml"


def feed_url(codes: Sequence[str], lang: str) -> str:
    """Where a relationship's feed is served, in ``lang``."""
    return f"/r/{'-'.join(codes)}/feed.atom?{urlencode({'lang': lang})}"


def feed_title(codes: Sequence[str], lang: str) -> str:
    """"Vietnam – Peru: alerts from bilat": the feed's title, and that of the page's link to it."""
    first, second = (country(code, lang) for code in codes)
    return str(load(lang).table("alerts", "feed")["title"]).format(first=first, second=second)


def alerts_feed(codes: Sequence[str], alerts: Sequence[dict[str, Any]], lang: str, now: datetime | None = None) -> bytes:
    """The feed of ``alerts`` (``store.alert_list``, newest first) of the pair ``codes``, worded in ``lang``.

    ``updated`` is when its latest alert was raised; a feed with none yet says ``now``.
    """
    ElementTree.register_namespace("", ATOM)
    words = load(lang).table("alerts", "feed")
    first, second = (country(code, lang) for code in codes)
    feed = ElementTree.Element(_atom("feed"), {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    _text(feed, "id", f"{TAG}relation/{'-'.join(sorted(codes))}")
    _text(feed, "title", feed_title(codes, lang))
    _text(feed, "subtitle", str(words["subtitle"]).format(first=first, second=second))
    _text(feed, "updated", alerts[0]["raised_at"] if alerts else _rfc3339(now or datetime.now(UTC)))
    _link(feed, "self", feed_url(codes, lang), MEDIA_TYPE)
    _link(feed, "alternate", pair_url(codes, lang), "text/html")
    author = ElementTree.SubElement(feed, _atom("author"))
    _text(author, "name", "bilat")
    _text(feed, "generator", "bilat", {"version": __version__})
    for alert in alerts:
        entry = ElementTree.SubElement(feed, _atom("entry"))
        _text(entry, "id", f"{TAG}alert/{alert['kind']}/{alert['pair']}/{alert['anchor']}")
        _text(entry, "title", alert_text(alert, lang))
        _text(entry, "updated", alert["raised_at"])
        _text(entry, "published", alert["raised_at"])
        ElementTree.SubElement(entry, _atom("category"), {"term": alert["kind"], "label": kind_label(alert["kind"], lang)})
        _link(entry, "alternate", pair_url(codes, lang, alert["entity"] or alert["entities"][0]), "text/html")
        evidence = alert["evidence"]
        if evidence is not None:
            _link(entry, "related", evidence_url(evidence, lang), "text/html")
            _text(entry, "summary", f"{words['evidence']}: “{evidence['quote']}”")
    return ElementTree.tostring(feed, encoding="utf-8", xml_declaration=True)


def _atom(name: str) -> str:
    return f"{{{ATOM}}}{name}"


def _text(parent: ElementTree.Element, name: str, text: str, attributes: dict[str, str] | None = None) -> None:
    ElementTree.SubElement(parent, _atom(name), attributes or {}).text = text


def _link(parent: ElementTree.Element, rel: str, href: str, media_type: str) -> None:
    ElementTree.SubElement(parent, _atom("link"), {"rel": rel, "href": href, "type": media_type})


def _rfc3339(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()
