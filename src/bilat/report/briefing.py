"""Briefings on a relationship: the record as sourced sentences, in Markdown, HTML or PDF (``bilat brief``).

A briefing is built once from the record of ``store.relation`` into plain
sentences, each citing numbered sources, and the renderers only lay it out.
The words are data (``lang/{lang}/brief.toml`` and ``labels.toml``): the code
picks templates by the facts' codes, never by language, so a new language is
a new pair of data files.

The age of an open item is measured against ``today``, the date the briefing
is prepared (shown under its title): a reader asks how long a promise has
been waiting now, not how old it was when the newest article appeared.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from string import Formatter
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from bilat.errors import BilatError, LexiconError
from bilat.extract.facts import OFFICES
from bilat.lang import load
from bilat.report.chart import trade_chart
from bilat.report.choices import BriefingFormat, ReaderLanguage  # noqa: F401  (ReaderLanguage: still importable from here)
from bilat.report.clauses import clause_of, gists
from bilat.report.glance import word_glance
from bilat.report.labels import (
    amount_text,
    country,
    date_text,
    label,
    range_text,
)
from bilat.report.press import demonym, office_name, press_name, press_title
from bilat.report.timeline import newest_first
from bilat.store.names import in_language
from bilat.store.query import filter_events

CONTACT_TYPES = ("VISIT", "MEET", "ATTEND", "SIGN", "CONGRATULATE", "ESTABLISH_RELATIONS")
"""Events in which the two countries dealt with each other; the others (INVITE, PROPOSE...) promise something."""
MAX_CONTACTS = 15
"""The newest contacts listed; older ones are only counted, so that a briefing stays about two pages."""
NO_LEVEL = "other"
"""A mechanism's level given as the office code ``other`` (FACTS.md) says no level, so a briefing states none."""
_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&])")


@dataclass(frozen=True)
class Sentence:
    """One statement and the numbers of the sources that state it (none for "nothing recorded")."""

    text: str
    citations: tuple[int, ...] = ()
    foreign: str = ""
    """The words of ``text`` quoted in another language than the briefing's, which HTML marks with ``lang``."""
    foreign_lang: str | None = None


@dataclass(frozen=True)
class Section:
    """One part of the briefing; ``key`` names it for layouts ("contacts", "figures"...)."""

    key: str
    heading: str
    sentences: list[Sentence]


@dataclass(frozen=True)
class Source:
    """A numbered source, as a reader cites it: outlet, title, date and the sentence stating the facts (``text``).

    ``url`` is the article's web address, None for one read from a file
    (a local path is never shown: it names nothing a reader can open).
    """

    number: int
    text: str
    url: str | None
    quote: str
    quote_lang: str | None
    """The quote's language when it is not the briefing's, which HTML marks with ``lang``."""


@dataclass(frozen=True)
class Briefing:
    """A briefing laid out by no format yet: title, preamble lines, sections, numbered sources."""

    lang: str
    title: str
    preamble: list[str]
    sections: list[Section]
    sources_heading: str
    sources: list[Source]
    figures: list[dict[str, Any]]
    """The record's figures, for the chart of the HTML and PDF forms."""


def build_briefing(record: dict[str, Any], lang: str, today: date | None = None, since: str | None = None) -> Briefing:
    """The briefing on ``record`` (``store.relation``) in ``lang``, naming persons and mechanisms as its articles do.

    ``since`` (ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) limits what
    happened: the contacts on or after it (undated ones left out) and the items
    fulfilled by them. What stands now stays whatever its date: agreements,
    open items, mechanisms, memberships and figures. ``today`` (default: the
    system date) dates the briefing and the ages of open items.
    """
    if since is not None:
        check_since(since)
    record = in_language(record, lang)
    words = load(lang)["brief"]
    first, second = (country(c["code"], lang) for c in record["countries"])
    composer = _Composer(record, lang, words, today or date.today())
    preamble = [composer.prepared_line()]
    if since is not None:
        preamble.append(words["since"].format(date=date_text(since, lang)))
    sections: list[Section] = []
    if _is_empty(record):
        preamble.append(words["empty"].format(first=first, second=second))
    else:
        # The same rule as the API's and the web page's ?since=.
        kept = filter_events(record, since=since)["events"]
        sections = [
            composer.glance(), composer.contacts(kept), composer.agreements(), composer.open_items(),
            composer.fulfilled_items({e["id"] for e in kept}), composer.mechanisms(), composer.memberships(),
            composer.figures(),
        ]
    return Briefing(
        lang=lang, title=words["title"].format(first=first, second=second), preamble=preamble, sections=sections,
        sources_heading=words["headings"]["sources"], sources=composer.sources, figures=record["figures"],
    )


def check_since(value: str) -> None:
    """Raise BilatError unless ``value`` is an ISO date at year, month or day precision."""
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError
        date.fromisoformat(value + "-01-01"[len(value) - 4:])
    except ValueError:
        raise BilatError(f"not a date: {value!r} (give YYYY, YYYY-MM or YYYY-MM-DD)") from None


def render_markdown(briefing: Briefing) -> str:
    """The briefing as Markdown; article text is escaped so that no renderer reads markup in it."""
    lines = [f"# {_markdown(briefing.title)}", ""]
    for line in briefing.preamble:
        lines += [_markdown(line), ""]
    for section in briefing.sections:
        lines += [f"## {_markdown(section.heading)}", ""]
        lines += [f"- {_markdown(s.text)}{_citation_marks(s.citations)}" for s in section.sentences]
        lines.append("")
    if briefing.sources:
        lines += [f"## {_markdown(briefing.sources_heading)}", ""]
        lines += [f"- [{s.number}] {_markdown(s.text)}{f' <{s.url}>' if s.url else ''}" for s in briefing.sources]
        lines.append("")
    return "\n".join(lines)


def render_html(briefing: Briefing) -> str:
    """One self-contained page (inline CSS and SVG chart, no URL to fetch); Jinja escapes all text."""
    chart = trade_chart(briefing.figures, briefing.lang) if briefing.sections else None
    # The chart is bilat's own markup, its text escaped by trade_chart.
    return _templates().get_template("briefing.html").render(
        briefing=briefing, chart=Markup(chart) if chart else None
    )


def render_pdf(briefing: Briefing) -> bytes:
    """The HTML page printed by WeasyPrint, which fetches nothing: no base URL, every URL scheme refused.

    The sources' links stay links in the PDF: a reader opens them, WeasyPrint never does.
    """
    # Imported here: WeasyPrint loads Pango, which only the PDF form needs.
    try:
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher
    except OSError as exc:  # WeasyPrint found no Pango library on this system
        raise BilatError(f"PDF needs Pango (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0): {exc}") from exc

    page = HTML(string=render_html(briefing), base_url=None, url_fetcher=URLFetcher(allowed_protocols=()))
    return page.write_pdf()


def render_briefing(briefing: Briefing, fmt: BriefingFormat) -> bytes:
    """The briefing in ``fmt``, as ``write_briefing`` writes it (UTF-8 for Markdown and HTML)."""
    return _RENDERERS[fmt](briefing)


def write_briefing(briefing: Briefing, fmt: BriefingFormat, path: Path) -> None:
    """Render ``briefing`` and write it to ``path`` whole: a temporary file beside it, renamed over it.

    Rendering comes first, so a failure leaves ``path`` as it was. The file
    gets the permissions a new file would (mkstemp's are owner-only). A link
    is followed; a path that is no regular file (``/dev/null``, a pipe) is
    written to as it is, not replaced by a file.
    """
    content = render_briefing(briefing, fmt)
    path = path.resolve()
    if path.exists() and not path.is_file():
        path.write_bytes(content)
        return
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(handle, 0o666 & ~_umask())
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_RENDERERS: dict[BriefingFormat, Callable[[Briefing], bytes]] = {
    BriefingFormat.md: lambda b: render_markdown(b).encode("utf-8"),
    BriefingFormat.html: lambda b: render_html(b).encode("utf-8"),
    BriefingFormat.pdf: render_pdf,
}


class _Composer:
    """Writes the record's facts as sentences of one language, numbering sources in the order they are cited."""

    def __init__(self, record: dict[str, Any], lang: str, words: dict[str, Any], today: date) -> None:
        self.record, self.lang, self.words, self.today = record, lang, words, today
        # The reader's own country, whose officials go without it ("Chủ tịch nước Lương Cường"): the
        # language's, not the first of the pair, which for India–Japan or Peru–Vietnam is not the reader's.
        self.home = words["persons"].get("reader_country")
        self.people = {p["id"]: p for p in record["persons"]}
        self.events = {e["id"]: e for e in record["events"]}
        self.agreement_records = {a["id"]: a for a in record["agreements"]}
        self.sources: list[Source] = []
        self._numbers: dict[tuple[str, int, int], int] = {}

    # Sections, in the order of the briefing.

    def glance(self) -> Section:
        """The record at a glance (``report.glance``), a sentence a line: contacts told as the press tells them,
        the ages of open items counted to today; a line quoting another language marks the quote."""
        glance = word_glance(self.record, self.lang, tell=self.event_text, age=lambda _item, event: self.age(event))
        labelled = load(self.lang)["glance"]["labelled"]
        sentences = []
        for entry in glance.entries:
            for line in entry.lines or [None]:
                text = labelled.format(label=entry.line_label, text=line.text if line else glance.none)
                if line and line.quote:
                    text = self.words["quoted"]["text"].format(sentence=text, quote=line.quote)
                sentences.append(self.cited(text, line.sources if line else [], line.quote if line else "",
                                            line.quote_lang if line else None))
        heading = f"{glance.heading} ({glance.as_of})" if glance.as_of else glance.heading
        return Section("glance", heading, sentences)

    def prepared_line(self) -> str:
        published = [s["published"] for s in _all_sources(self.record) if s["published"]]
        articles = self.record["articles"]
        return _fill(
            self.words["prepared"], today=date_text(self.today.isoformat(), self.lang),
            articles=self.count("articles", articles) if articles else "",
            newest=date_text(max(published), self.lang) if published else "",
        )

    def contacts(self, events: list[dict[str, Any]]) -> Section:
        """Newest first; one sentence for the meetings of one official on one trip ("gặp A, B và C")."""
        contacts = newest_first(sorted(
            (e for e in events if e["type"] in CONTACT_TYPES), key=lambda e: CONTACT_TYPES.index(e["type"])
        ))
        groups: dict[tuple[str, ...], list[tuple[dict[str, Any], dict[str, str]]]] = {}
        for event in contacts:
            fields = self.event_fields(event)
            same = (event["date"] or "", event["type"], event["status"],
                    *(fields[k] for k in ("subject", "place", "occasion", "object", "quote", "document")))
            groups.setdefault(same, []).append((event, fields))
        sentences = []
        for group in list(groups.values())[:MAX_CONTACTS]:
            event, fields = group[0]
            group = sorted(group, key=lambda item: _precedence(item[0]["counterpart_office"]))  # protocol order
            others = self.names(list(dict.fromkeys(f["other"] for _, f in group)))
            text = self.event_text(event, {**fields, "other": others})
            sentences.append(self.quoted(text, fields, [s for e, _ in group for s in e["sources"]]))
        if len(groups) > MAX_CONTACTS:
            earlier = self.count("contacts", len(groups) - MAX_CONTACTS)
            sentences.append(Sentence(self.words["earlier"].format(count=earlier)))
        return self.section("contacts", sentences)

    def agreements(self) -> Section:
        ordered = sorted(self.record["agreements"], key=_status_date, reverse=True)
        return self.section("agreements", [self.cited(self.agreement_text(a), a["sources"]) for a in ordered])

    def open_items(self) -> Section:
        items = newest_first(self.events[i] for i in self.record["open"])
        return self.section("open", [self.open_item(e) for e in items])

    def open_item(self, event: dict[str, Any]) -> Sentence:
        """An open item and its age; one quoted in another language is labelled in the briefing's, the quote beside it."""
        fields = self.event_fields(event)
        if not fields["quote"]:
            text = _fill(self.words["sentences"]["aged"], sentence=self.event_text(event, fields), age=self.age(event))
            return self.cited(text, event["sources"])
        words = self.words["open_items"]
        topics = words["gist_join"].join(gists(fields["quote"], fields["quote_lang"], self.lang))
        head = _fill(words["head"], kind=label(self.lang, "event_types", event["type"]), gist=topics)
        text = _fill(words["item"], head=head, subject=fields["subject"], age=self.age(event),
                     date=self.date_phrase(event["date"]), when=self.when(event["date"]))
        return self.quoted(text, fields, event["sources"])

    def fulfilled_items(self, kept: set[str]) -> Section:
        """Items and what fulfilled them, when that is an agreement or an event ``kept`` (on or after --since)."""
        sentences = []
        for event in newest_first(e for e in self.record["events"] if e["links"]):
            for link in event["links"]:
                if link["target"] in self.events and link["target"] not in kept:
                    continue
                fulfilment = self.fulfilment(link["target"])
                if fulfilment is not None:
                    by, sources = fulfilment
                    text = self.words["sentences"]["fulfilled"].format(item=self.event_text(event), by=by)
                    sentences.append(self.cited(text, [*event["sources"], *sources]))
        return self.section("fulfilled", sentences)

    def mechanisms(self) -> Section:
        templates = self.words["mechanisms"]
        return self.section("mechanisms", [
            self.cited(_fill(
                templates.get(x["kind"], templates["text"]), kind=label(self.lang, "mechanism_kinds", x["kind"]),
                level=label(self.lang, "offices", x["level"]) if x["level"] != NO_LEVEL else "", name=x["name"] or "",
            ), x["sources"])
            for x in self.record["mechanisms"]
        ])

    def memberships(self) -> Section:
        memberships = self.record["memberships"]
        if not memberships:
            return self.section("memberships", [])
        orgs = self.names([self.words["orgs"].get(x["org"], x["org"]) for x in memberships])
        text = self.words["memberships"]["text"].format(orgs=orgs)
        return self.section("memberships", [self.cited(text, [s for x in memberships for s in x["sources"]])])

    def figures(self) -> Section:
        templates = self.words["figures"]
        return self.section("figures", [
            self.cited(_fill(
                templates.get(f["indicator"], templates["other"]),
                indicator=label(self.lang, "indicators", f["indicator"]),
                first=country(f["parties"][0], self.lang), second=country(f["parties"][-1], self.lang),
                when=self.when(f["period"]), amount=amount_text(f["value"], f["unit"] or "", f["approx"], self.lang),
            ), f["sources"])
            for f in self.record["figures"]
        ])

    # Sentences.

    def event_text(self, event: dict[str, Any], fields: dict[str, str] | None = None) -> str:
        """The event as one clause with its date: who did what with whom, where, on what occasion."""
        fields = fields or self.event_fields(event)
        template = _pick(self.words["events"][event["type"]], fields)
        clause = template.format(**fields)
        for extra in ("place", "occasion"):
            if fields[extra] and extra not in _field_names(template):
                clause += self.words["extras"][extra].format(**fields)
        if event["type"] in CONTACT_TYPES:
            clause += self.words["status_notes"].get(event["status"], "")
        return _fill(self.words["sentences"]["event"], when=self.when(event["date"]), clause=clause)

    def event_fields(self, event: dict[str, Any]) -> dict[str, str]:
        actor = event["actors"][0]
        partner = next((c for c in event["actors"] if c != actor), actor)
        named = [self.people[i] for i in event["person_ids"] if i in self.people]
        ours = [p for p in named if p["country"] in (actor, None)]
        theirs = [p for p in named if p not in ours]
        agreement = self.agreement_records.get(event["agreement_id"] or "")
        # Titles as at the event, else as at the first article reporting it.
        when = event["date"] or min((s["published"] for s in event["sources"] if s["published"]), default=None)
        officials = self.persons_text(ours, when)
        words, words_lang = self.item_words(event)
        # Quoted apart only where the type's sentence would say it ("congratulated Peru: “...”").
        foreign = words_lang not in (None, self.lang) and _says_object(self.words["events"][event["type"]])
        return {
            "officials": officials,
            "subject": officials or self.side(event, actor, theirs),
            "other": self.persons_text(theirs, when) or self.side(event, partner, ours),
            "actor": country(actor, self.lang),
            "partner": country(partner, self.lang),
            "object": "" if foreign else words,
            "quote": words if foreign else "",
            "quote_lang": words_lang if foreign else "",
            "document": self.document(agreement) if agreement else "",
            "place": event["place"] or "",
            "occasion": event["occasion"] or "",
        }

    def item_words(self, event: dict[str, Any]) -> tuple[str, str | None]:
        """What the event is about in the words of the sentence stating it (``clauses.clause_of``), and their language.

        The stored object, of no known language, when no source quotes it
        (a gloss such as "investment protection" for a proposed agreement).
        """
        stored = _one_line(event["object"] or "")
        for source in event["sources"]:
            clause = clause_of(stored, source["quote"] or "")
            if clause:
                return clause, source["lang"]
        return stored, None

    def side(self, event: dict[str, Any], code: str, facing: list[dict[str, Any]]) -> str:
        """A side with no named official: the counterpart's office when the other side's official is named, else the country."""
        if facing and event["counterpart_office"]:
            return _fill(self.words["persons"]["counterpart"], country=country(code, self.lang),
                         office=office_name(event["counterpart_office"], code, self.lang))
        return country(code, self.lang)

    def persons_text(self, persons: list[dict[str, Any]], when: str | None) -> str:
        return self.names([self.person_text(p, when) for p in persons])

    def person_text(self, person: dict[str, Any], when: str | None) -> str:
        """A person as the press names them, with the title they held at ``when`` ("Vietnamese President Luong Cuong")."""
        code = person["country"]
        key = "home" if code == self.home else "foreign"
        title = press_title(person["offices"], _office_at(person, when), code, self.lang)
        nationality, name = demonym(code, self.lang), country(code, self.lang)
        return _fill(
            self.words["persons"][key], name=press_name(person["name"], code, self.lang), title=title,
            country=name, demonym="" if nationality in title or name in title else nationality,  # said once
        )

    def agreement_text(self, agreement: dict[str, Any]) -> str:
        """The agreement, its current status and the date that status was stated (else the article's date)."""
        words = self.words["agreements"]
        entry = _status_entry(agreement)
        fields = {
            "document": self.document(agreement),
            "status": self.words["agreement_statuses"][agreement["status"]],
        }
        stated = self.when(entry.get("date") or agreement["date"])
        if stated:
            return words["dated"].format(**fields, when=stated)
        return _fill([words["as_of"], words["undated"]], **fields, when=self.when(entry.get("as_of")))

    def document(self, agreement: dict[str, Any]) -> str:
        """The agreement's name: its kind's document, and what its scope says beyond it."""
        kind = self.words["documents"][agreement["kind"]]
        scopes = self.words["scopes"]
        glosses = [g for g in (agreement["scope"] or "").split(", ") if g and g != kind["implies"]]
        parts = [scopes.get(g, g) for g in glosses]
        parts = [p for p in parts if p]
        if not parts:
            return str(kind["name"])
        template = self.words["document_scope"]
        return str(template["template"].format(document=kind["name"], scope=template["join"].join(parts)))

    def fulfilment(self, target: str) -> tuple[str, list[dict[str, Any]]] | None:
        """What fulfilled an item (an event or an agreement of this record) and its sources."""
        if target in self.events:
            return self.event_text(self.events[target]), self.events[target]["sources"]
        if target in self.agreement_records:
            return self.agreement_text(self.agreement_records[target]), self.agreement_records[target]["sources"]
        return None

    def when(self, value: str | None) -> str:
        """``2024-11-12/2024-11-16`` → "on 12–16 November 2024", "từ ngày 12 đến 16/11/2024"; "" when undated."""
        if not value:
            return ""
        start, _, end = value.partition("/")
        words = self.words["when"]
        if end:
            return str(words["range_" + _precision(start)].format(range=range_text(value, self.lang)))
        return str(words[_precision(start)].format(date=date_text(start, self.lang)))

    def date_phrase(self, value: str | None) -> str:
        """A date or span as a label gives it, with no preposition ("12–16 November 2024"); "" when undated."""
        if not value:
            return ""
        return range_text(value, self.lang) if "/" in value else date_text(value, self.lang)

    def age(self, event: dict[str, Any]) -> str:
        """How long ago the item was stated: its date, else the date of the first article reporting it."""
        published = sorted(s["published"] for s in event["sources"] if s["published"])
        basis = (event["date"] or "").partition("/")[0] or (published[0] if published else "")
        months = _months_since(basis, self.today)
        if months is None:
            return ""
        years, months = divmod(months, 12)
        spans = [self.count(unit, n) for unit, n in (("years", years), ("months", months)) if n]
        span = self.words["age"]["join"].join(spans) or self.words["age"]["under_a_month"]
        return str(self.words["age"]["ago"].format(span=span))

    # Helpers that need the language.

    def section(self, key: str, sentences: list[Sentence]) -> Section:
        return Section(key, self.words["headings"][key], sentences or [Sentence(self.words["none"])])

    def quoted(self, text: str, fields: dict[str, str], sources: list[dict[str, Any]]) -> Sentence:
        """``text`` citing ``sources``, followed by the event's words when they are in another language (``event_fields``)."""
        if not fields["quote"]:
            return self.cited(text, sources)
        text = self.words["quoted"]["text"].format(sentence=text, quote=fields["quote"])
        return self.cited(text, sources, foreign=fields["quote"], foreign_lang=fields["quote_lang"])

    def cited(self, text: str, sources: list[dict[str, Any]], foreign: str = "", foreign_lang: str | None = None) -> Sentence:
        """A finished sentence citing ``sources``, numbered on first citation (one number per article span)."""
        numbers = []
        for source in sources:
            key = (source["article"], *source["evidence"])
            if key not in self._numbers:
                self._numbers[key] = len(self.sources) + 1
                self.sources.append(self.source(self._numbers[key], source))
            numbers.append(self._numbers[key])
        return Sentence(_sentence_case(text), tuple(dict.fromkeys(numbers)), foreign, foreign_lang)

    def source(self, number: int, source: dict[str, Any]) -> Source:
        """The source as a reader cites it; an article with no outlet, title or URL (a local file) by its name alone."""
        quote = _one_line(source["quote"] or "")
        text = _fill(
            self.words["sources"]["line"], outlet=source["outlet"] or "", title=_one_line(source["title"] or ""),
            name=source["name"], published=date_text(source["published"], self.lang), quote=quote,
        )
        return Source(number, text, source["url"], quote, source["lang"] if source["lang"] != self.lang else None)

    def names(self, names: list[str]) -> str:
        """"A, B và C" / "A, B and C"."""
        words = self.words["persons"]
        if len(names) < 2:
            return "".join(names)
        return str(words["comma"].join(names[:-1]) + words["and"] + names[-1])

    def count(self, kind: str, n: int) -> str:
        forms = self.words["counts"][kind]
        return str((forms["one"] if n == 1 else forms["many"]).format(n=n))


def _fill(templates: str | list[str], **fields: Any) -> str:
    """The first of ``templates`` whose fields all have a value, filled in."""
    return _pick(templates, fields).format(**fields)


def _pick(templates: str | list[str], fields: dict[str, Any]) -> str:
    """The first template whose fields all have a value: data files list the fuller wordings first."""
    candidates = [templates] if isinstance(templates, str) else templates
    for template in candidates:
        if all(fields.get(name) for name in _field_names(template)):
            return template
    raise LexiconError(f"brief.toml: no template of {candidates!r} fits the fields given ({sorted(fields)})")


def _says_object(templates: str | list[str]) -> bool:
    """Whether a sentence of these templates may state the event's object."""
    return any("object" in _field_names(t) for t in ([templates] if isinstance(templates, str) else templates))


@cache
def _field_names(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in Formatter().parse(template) if name)


def _sentence_case(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _is_empty(record: dict[str, Any]) -> bool:
    return not any(record[key] for key in ("events", "agreements", "mechanisms", "memberships", "figures"))


def _all_sources(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for key in ("events", "agreements", "mechanisms", "memberships", "figures"):
        for entity in record[key]:
            yield from entity["sources"]


def _precedence(office: str | None) -> int:
    """Where an office stands in protocol order (the order FACTS.md lists the offices in), unknown ones last."""
    return OFFICES.index(office) if office in OFFICES else len(OFFICES)


def _status_entry(agreement: dict[str, Any]) -> dict[str, Any]:
    """The history entry that first stated the agreement's current status."""
    return next((h for h in agreement["history"] if h["status"] == agreement["status"]), {})


def _status_date(agreement: dict[str, Any]) -> str:
    entry = _status_entry(agreement)
    return str(entry.get("date") or agreement["date"] or entry.get("as_of") or "")


def _office_at(person: dict[str, Any], when: str | None) -> dict[str, Any]:
    """The office a person was seen in at ``when``: the latest seen by then, else the first seen; undated: the latest."""
    start = (when or "").partition("/")[0]
    seen = [o for o in person["offices"] if o["date"]]
    if start and seen:
        before = [o for o in seen if _not_after(o["date"].partition("/")[0], start)]
        return before[-1] if before else seen[0]
    return {"office": person["office"], "title": person["title"]}


def _not_after(first: str, second: str) -> bool:
    """ISO dates compared at the precision both have: "2024-11-10" is not after "2024-11"."""
    size = min(len(first), len(second))
    return first[:size] <= second[:size]


def _precision(iso: str) -> str:
    return ("year", "month", "day")[min(iso.count("-"), 2)]


def _months_since(start: str, today: date) -> int | None:
    """Whole months from ``start`` to ``today``; a year alone counts whole years.

    None when ``start`` is not an ISO date, is later than ``today``, or is
    this year with no month (how long ago is then unknown).
    """
    if not _ISO_DATE.fullmatch(start):
        return None
    year, month, day = ([int(p) for p in start.split("-")] + [0, 0])[:3]
    if not month:
        years = today.year - year
        return years * 12 if years > 0 else None
    months = (today.year - year) * 12 + today.month - month - (today.day < day)
    return months if months >= 0 else None


def _markdown(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _citation_marks(numbers: tuple[int, ...]) -> str:
    return " " + "".join(f"[{n}]" for n in numbers) if numbers else ""


@cache
def _templates() -> Environment:
    return Environment(
        loader=PackageLoader("bilat", "report/templates"), autoescape=True, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )
