"""A relationship's record at a glance, worded: the lines a page, the terminal and a briefing open with.

The store computes the summary (``record["glance"]`` and the framework's
history ``record["frameworks"]``, ``resolve.glance``); this module only words
it in the reader's language (``lang/*/glance.toml``), each line with the fact
it stands for, so that a page links it to that fact's row and a briefing
cites that fact's sources. Facts are read from the record as given, so that
a record named in one language (``store.in_language``) names persons so.

An item quoted in another language than the reader's is labelled by its
topics in the reader's words (``brief.toml [gists]``) and its own words are
kept as the quote, which pages and briefings mark with its language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bilat.lang import load
from bilat.report.clauses import gists
from bilat.report.hedges import hedged_amount
from bilat.report.labels import date_text, label, range_text
from bilat.report.timeline import counterpart_text, describe

DAYS_PER_MONTH = 365.2425 / 12
"""The mean Gregorian month: an age in days read as whole months, and twelve of them as a year."""


@dataclass(frozen=True)
class GlanceLine:
    """One line: its words, the id of the fact it stands for (an event's or a figure's) and that fact's sources.

    ``quote`` is the item's own words when they are in another language
    (``quote_lang``) than the line's.
    """

    text: str
    target: str | None = None
    sources: list[dict[str, Any]] = field(default_factory=list)
    quote: str = ""
    quote_lang: str | None = None


@dataclass(frozen=True)
class GlanceEntry:
    """A labelled part of the glance ("Open items") and its lines; none when nothing is recorded.

    ``line_label`` labels one of its lines where each is read alone ("Open item").
    """

    key: str
    label: str
    line_label: str
    lines: list[GlanceLine]


@dataclass(frozen=True)
class Glance:
    """The summary as a reader's language words it: a heading, the date it holds as of, and its labelled parts."""

    heading: str
    as_of: str
    """"as of 30 November 2024": the newest article's date, to which ages are counted; "" when none is dated."""
    none: str
    entries: list[GlanceEntry]


def age_text(days: int | None, lang: str) -> str:
    """"1 year 2 months" for an age in days; "" when it is unknown, or negative (an item dated after the newest article)."""
    if days is None or days < 0:
        return ""
    words = load(lang)["glance"]["age"]
    years, months = divmod(int(days / DAYS_PER_MONTH), 12)
    spans = [_counted(words[unit], n) for unit, n in (("years", years), ("months", months)) if n]
    return str(words["join"].join(spans) or words["under_a_month"])


def _counted(forms: dict[str, str], n: int) -> str:
    return forms["one" if n == 1 else "many"].format(n=n)


EventWords = Callable[[dict[str, Any]], str]
AgeWords = Callable[[dict[str, Any], dict[str, Any]], str]


def word_glance(
    record: dict[str, Any], lang: str, tell: EventWords | None = None, age: AgeWords | None = None,
) -> Glance:
    """``record["glance"]`` (``store.relation``) in ``lang``.

    ``tell`` words a contact or a planned event whole (a briefing's sentence,
    with its date and persons as the press names them); by default its kind,
    sides, date, persons and counterpart. ``age`` words how long an open item
    (the glance's item and its event) has waited; by default its ``age_days``.
    """
    return _Wording(record, lang, tell, age).glance()


class _Wording:
    def __init__(self, record: dict[str, Any], lang: str, tell: EventWords | None, age: AgeWords | None) -> None:
        self.record, self.lang = record, lang
        self.summary = record["glance"]
        self.words = load(lang)["glance"]
        self.events = {e["id"]: e for e in record["events"]}
        self.agreements = {a["id"]: a for a in record["agreements"]}
        self.tell = tell or self.event_line
        self.age = age or (lambda item, _event: age_text(item["age_days"], lang))

    def glance(self) -> Glance:
        as_of = self.summary["as_of"]
        entries = [
            ("framework", [self.framework()] if self.summary["framework"] else []),
            ("last_contact", [self.contact(self.summary["last_contact"])] if self.summary["last_contact"] else []),
            ("next", [self.contact(item) for item in self.summary["next"]]),
            ("open", [self.open_item(item) for item in self.summary["open"]]),
            ("trade", [self.trade(self.summary["trade"])] if self.summary["trade"] else []),
            ("sources", [GlanceLine(self.sources(self.summary["sources"]))]),
        ]
        return Glance(
            heading=self.words["heading"], as_of=self.words["as_of"].format(date=date_text(as_of, self.lang)) if as_of else "",
            none=self.words["none"],
            entries=[
                GlanceEntry(key, self.words["labels"][key], self.words["line_labels"][key], [line for line in lines if line])
                for key, lines in entries
            ],
        )

    def framework(self) -> GlanceLine:
        """The current framework, since when, and the ones it was upgraded from (newest first)."""
        words = self.words["framework"]
        current = self.summary["framework"]
        history = self.record["frameworks"]
        text = self.framework_step(current, words["since"])
        earlier = [f for f in history if f["framework"] != current["framework"]]
        if earlier:
            steps = words["join"].join(self.framework_step(f, words["step"]) for f in reversed(earlier))
            text = words["upgraded_from"].format(current=text, earlier=steps)
        elif current["upgrade"]:
            text = words["upgraded"].format(current=text)
        return self.line(text, current["event"])

    def framework_step(self, framework: dict[str, Any], dated: str) -> str:
        name = label(self.lang, "frameworks", framework["framework"])
        return dated.format(framework=name, date=date_text(framework["date"], self.lang)) if framework["date"] else name

    def contact(self, item: dict[str, Any]) -> GlanceLine | None:
        event = self.events.get(item["event"])
        return self.line(self.tell(event), event["id"]) if event else None

    def event_line(self, event: dict[str, Any]) -> str:
        """"Visit: Vietnam → Peru, 12–16 November 2024: Lương Cường; with the President of Peru, …"."""
        return self.parts(
            describe(event, self.lang), date=self.date(event["date"]), persons=", ".join(event["persons"]),
            counterpart=counterpart_text(event.get("counterpart"), self.lang),
        )

    def open_item(self, item: dict[str, Any]) -> GlanceLine | None:
        """"Proposal: Peru → Vietnam — Visa exemption, 17 November 2023 (1 year)", its words quoted when foreign."""
        event = self.events.get(item["event"])
        if event is None:
            return None
        what, quote, quote_lang = self.item_words(item, event)
        text = self.parts(describe(event, self.lang), what=what, date=self.date(item["date"]), age=self.age(item, event))
        return self.line(text, event["id"], quote, quote_lang)

    def item_words(self, item: dict[str, Any], event: dict[str, Any]) -> tuple[str, str, str | None]:
        """What an item is about in the reader's words, and its own words when they are another language's.

        An item that proposes an agreement is named by its kind; an object
        worded from its sentence is in that sentence's language; an object the
        sentence does not hold is a gloss (FACTS.md scopes), shown as is.
        """
        agreement = self.agreements.get(item["agreement_id"] or "")
        if agreement:
            return label(self.lang, "agreement_kinds", agreement["kind"]), "", None
        words, quote = item["object"] or "", item["quote"] or ""
        source_lang = event["sources"][0]["lang"] if event["sources"] else None
        if not words or words not in quote or source_lang in (None, self.lang):
            return words, "", None
        return ", ".join(gists(words, source_lang, self.lang)), words, source_lang

    def trade(self, latest: dict[str, Any]) -> GlanceLine:
        """The latest trade figure with its hedge as the article put it ("nearly") and its period."""
        figure = next((f for f in self.record["figures"] if f["id"] == latest["id"]), latest)
        parts = self.words["parts"]
        text = parts["amount"].format(indicator=label(self.lang, "indicators", "bilateral_trade"),
                                      amount=hedged_amount(figure, self.lang))
        if figure["period"]:
            text += parts["period"].format(period=self.date(figure["period"]))
        return self.line(text, figure["id"], sources=figure.get("sources", []))

    def sources(self, counts: dict[str, Any]) -> str:
        """"3 articles (2 in Vietnamese, 1 in English)": the articles the record's facts are read from."""
        words = self.words["sources"]
        articles = _counted(words["articles"], counts["articles"])
        languages = words["join"].join(
            words["language"].format(n=n, language=self.words["languages"].get(code, code))
            for code, n in sorted(counts["languages"].items(), key=lambda x: (-x[1], x[0]))
        )
        return words["with_languages"].format(articles=articles, languages=languages) if languages else articles

    def parts(self, head: str, **parts: str) -> str:
        """``head`` followed by each part that has a value, in ``[parts]``'s wording and in the order given."""
        templates = self.words["parts"]
        return head + "".join(templates[key].format(**{key: value}) for key, value in parts.items() if value)

    def line(self, text: str, target: str, quote: str = "", quote_lang: str | None = None,
             sources: list[dict[str, Any]] | None = None) -> GlanceLine:
        event = self.events.get(target)
        return GlanceLine(text, target, sources if sources is not None else (event["sources"] if event else []),
                          quote, quote_lang)

    def date(self, value: str | None) -> str:
        if not value:
            return ""
        return range_text(value, self.lang) if "/" in value else date_text(value, self.lang)
