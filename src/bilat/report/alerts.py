"""Alerts in the reader's words (``lang/*/alerts.toml``): what an alert of ``store.alerts`` says, from its details."""

from __future__ import annotations

from typing import Any

from bilat.lang import load
from bilat.report.labels import READER_LANGUAGES, date_text, label
from bilat.report.timeline import describe


def kind_label(kind: str, lang: str) -> str:
    """"High-level contact", "Tiếp xúc cấp cao": what an alert of ``kind`` is called."""
    return str(load(lang).table("alerts", "kinds").get(kind, kind))


def alert_text(alert: dict[str, Any], lang: str) -> str:
    """The alert's line in ``lang``: "Invitation: Peru → Vietnam (17 November 2023) fulfilled by Visit: …"."""
    words = load(lang).table("alerts", "texts")
    details = alert["details"]
    if alert["kind"] == "fulfilled":
        item, by = details["item"], details["by"]
        return str(words["fulfilled"]).format(
            item=describe(item, lang), item_date=date_text(item["date"], lang),
            by=_agreement(by["agreement"], words, lang) if "agreement" in by else describe(by, lang),
            date=date_text((by.get("agreement") or by)["date"], lang),
        )
    if alert["kind"] == "aging":
        item = details["item"]
        return str(words["aging"]).format(item=describe(item, lang), item_date=date_text(item["date"], lang),
                                          days=details["age_days"], object=_object(item, words))
    event = details["event"]
    names = str(words["names_joiner"]).join(event["persons"])
    return str(words[alert["kind"]]).format(
        event=describe(event, lang), date=date_text(event["date"], lang),
        persons=str(words["persons"]).format(names=names) if names else "",
        object=_object(event, words),
    )


def with_texts(alert: dict[str, Any]) -> dict[str, Any]:
    """The alert with its line in every language of the interface (``text``), as the API and webhooks give it."""
    return {**alert, "text": {lang: alert_text(alert, lang) for lang in READER_LANGUAGES}}


def _object(event: dict[str, Any], words: dict[str, Any]) -> str:
    return str(words["object"]).format(object=event["object"]) if event.get("object") else ""


def _agreement(agreement: dict[str, Any], words: dict[str, Any], lang: str) -> str:
    return str(words["agreement"]).format(kind=label(lang, "agreement_kinds", agreement["kind"]),
                                          status=label(lang, "agreement_statuses", agreement["status"]))
