"""The relationship record, the office holders, the pairs and the skipped inputs as Rich tables, for the CLI.

Laid out for a terminal of 80 columns: few columns, each event one row whose
details (persons, place, counterpart) wrap under it between words, and
dates in a short form that is never cut. The record opens on its summary
(``report.glance``); its timeline shows a trip as its visit with the events
of its days indented under it, and what the articles recall apart
(``report.timeline``). Codes are named in the reader's language
(``lang/*/labels.toml``), the tables' own words come from
``lang/*/terminal.toml``, and ids show only when asked for, as most readers
have no use for them.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterable, Sequence
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from bilat.lang import load
from bilat.report.alerts import alert_text, kind_label
from bilat.report.glance import Glance, word_glance
from bilat.report.labels import amount_text, country, label, office_title
from bilat.report.timeline import (
    Entry,
    counterpart_text,
    describe,
    grouped_timeline,
    inferred_text,
    newest_first,
    object_text,
    timeline_words,
)

_DIRECTED = " → "
_MUTUAL = " – "
_PART_INDENT = 2
"""Columns a trip's meetings, signings and statements are set in under its visit."""
_PAIR_FIGURES = ("exports", "imports")
"""Figures that flow from one party to the other; the others are about both."""
_DETAIL = "dim"
"""The style of what follows an entry's first line: persons, place, ids."""
_RECALLED = "reported"
"""The status of an event an article recalls as background (FACTS.md), not one it reports as news."""
_BACKGROUND = "dim italic"


def print_relation(console: Console, record: dict[str, Any], lang: str = "en", ids: bool = False) -> None:
    """The record of a relationship (``store.relation``): its glance, the timeline by trip newest first with what the
    articles recall apart, then each other section."""
    words = _Words(lang, ids)
    first, second = (country(c["code"], lang) for c in record["countries"])
    console.print(Text.assemble((words.heading("record", first=first, second=second), "bold"),
                                f" ({words.counted('headings', 'from_articles', record['articles'])})"))
    events = {e["id"]: e for e in record["events"]}
    agreements = {a["id"]: a for a in record["agreements"]}
    console.print(_glance(word_glance(record, lang), words))
    happened, recalled = grouped_timeline(record["events"], events)
    titles = _article_titles(record)
    console.print(words.section("timeline", [("date", True), ("event", False), ("status", True)], [
        row for entry in happened for row in _trip_rows(entry, words, titles)
    ]))
    if recalled:
        console.print(words.section(timeline_words(lang)["recalled"], [("date", True), ("event", False), ("status", True)], [
            row for entry in recalled for row in _trip_rows(entry, words, titles)
        ]))
    console.print(words.section("agreements", [("agreement", False), ("status", True), ("history", False)], [
        [words.entry(_agreement(a, lang), [], a["id"]), Text(label(lang, "agreement_statuses", a["status"])),
         Text("; ".join(_history_step(h, words) for h in a["history"]))]
        for a in record["agreements"]
    ]))
    open_items = [events[i] for i in record["open"]]
    console.print(words.section("open_items", [("date", True), ("item", False)], [
        [words.date(e["date"]), words.entry(_what(e, lang), [e["object"]] if e["object"] else [], e["id"])]
        for e in newest_first(open_items)
    ]))
    console.print(words.section("fulfilled", [("item", False), ("fulfilled_by", False)], [
        [words.entry(f"{_what(e, lang)}, {words.date_text(e['date'])}", [], e["id"]),
         words.entry(_target(link["target"], events, agreements, words), [label(lang, "link_rules", link["rule"])],
                     link["target"])]
        for e in record["events"] for link in e["links"]
    ]))
    console.print(words.section("mechanisms", [("kind", False), ("level", False), ("name", False)], [
        [words.entry(label(lang, "mechanism_kinds", x["kind"]), [], x["id"]), Text(label(lang, "offices", x["level"])),
         Text(x["name"] or "")]
        for x in record["mechanisms"]
    ]))
    console.print(words.section("memberships", [("organisation", False), ("sources", True)], [
        [Text(x["org"]), Text(str(len(x["sources"])))] for x in record["memberships"]
    ]))
    console.print(words.section("figures", [("indicator", False), ("period", True), ("value", False), ("parties", False)], [
        [words.entry(label(lang, "indicators", f["indicator"]), [], f["id"]), words.date(f["period"]),
         Text(amount_text(f["value"], f["unit"], f["approx"], lang)),
         Text((_DIRECTED if f["indicator"] in _PAIR_FIGURES else _MUTUAL).join(country(c, lang) for c in f["parties"]))]
        for f in record["figures"]
    ]))
    console.print(words.section("persons", [("person", True), ("country", False), ("office", False), ("also_written", False)], [
        [words.entry(p["name"], [], p["id"]), Text(country(p["country"], lang)), Text(_office(p, lang)),
         Text(", ".join(p["aliases"]))]
        for p in record["persons"]
    ]))


def print_office_holders(console: Console, spells: list[dict[str, Any]], country_code: str, lang: str = "en",
                         ids: bool = False) -> None:
    """Who held which office (``store.office_holders``): a line per office, its holders under it."""
    words = _Words(lang, ids)
    rows: list[list[Text]] = []
    office: str | None = None
    for spell in spells:
        if spell["office"] != office or not rows:
            office = spell["office"]
            rows.append([Text(label(lang, "offices", office) or label(lang, "offices", "other"), style="bold"),
                         Text(), Text(), Text()])
        rows.append([words.entry(spell["name"], [], spell["person"]), Text("; ".join(spell["titles"])),
                     words.span(spell["first_seen"], spell["last_seen"]), Text(str(spell["articles"]))])
    title = words.heading("office_holders", country=country(country_code, lang))
    console.print(words.section(title, [("person", False), ("titles", False), ("seen", True), ("articles", True)], rows))


def print_relations(console: Console, pairs: list[dict[str, Any]], lang: str = "en") -> None:
    """The pairs the store knows (``store.relations`` with ``latest``), each with its codes to type next."""
    words = _Words(lang, ids=False)
    console.print(words.section("relations", [("pair", False), ("articles", True), ("events", True),
                                              ("agreements", True), ("latest", True)], [
        [Text.assemble(_MUTUAL.join(country(c, lang) for c in p["countries"]), (f"  {'–'.join(p['countries'])}", _DETAIL)),
         Text(str(p["articles"])), Text(str(p["events"])), Text(str(p["agreements"])),
         words.date(p["latest"]) if p["latest"] else Text()]
        for p in pairs
    ]))


def print_skips(console: Console, skips: list[dict[str, Any]]) -> None:
    console.print(_table(f"Inputs not stored ({len(skips)}), as of the latest run that read each file",
                         [("where", False), ("kind", True), ("reason", False), ("when", True)], [
        [Text(x["where"]), Text(x["kind"]), Text(x["reason"]), Text(x["seen_at"][:19].replace("T", " "))] for x in skips
    ], "none"))


def print_alerts(console: Console, alerts: list[dict[str, Any]], lang: str = "en") -> None:
    """The alerts raised, newest first: when, on which pair, and what happened under the name of its kind."""
    words = load(lang).table("alerts", "terminal")
    columns = [(words["columns"][name], whole) for name, whole in (("raised", True), ("pair", True), ("alert", False))]
    console.print(_table(str(words["heading"]).format(n=len(alerts)), columns, [
        [Text(x["raised_at"][:16].replace("T", " ")), Text(x["pair"]),
         Text.assemble((kind_label(x["kind"], lang), "bold"), "\n", alert_text(x, lang))] for x in alerts
    ], str(words["none"])))


class _Words:
    """The words of ``lang/{lang}/terminal.toml``, and the cells written with them."""

    def __init__(self, lang: str, ids: bool) -> None:
        self.lang = lang
        self.words = load(lang)["terminal"]
        self.ids = ids

    def heading(self, key: str, **fields: str) -> str:
        return str(self.words["headings"][key]).format(**fields)

    def counted(self, table: str, key: str, n: int) -> str:
        forms = self.words[table][key]
        return str(forms["one" if n == 1 else "many"]).format(n=n)

    def section(self, title: str, columns: list[tuple[str, bool]], rows: Sequence[Sequence[RenderableType]]) -> Group | Text:
        """A titled table (``title`` a key of ``[headings]`` or a heading already written); ``columns`` as ``_table``."""
        heading = self.words["headings"].get(title, title)
        return _table(heading, [(self.words["columns"][name], whole) for name, whole in columns], rows,
                      self.words["headings"]["none"])

    def entry(self, first_line: str, details: Iterable[str | None], entity_id: str | None) -> Text:
        """A cell: its first line as is, then each detail on a line of its own, and the id with ``--ids``."""
        lines = [d for d in details if d]
        if self.ids and entity_id:
            lines.append(str(self.words["details"]["id"]).format(id=entity_id))
        text = Text(first_line)
        for line in lines:
            text.append("\n" + line, style=_DETAIL)
        return text

    def date(self, value: str | None) -> Text:
        return Text(short_date(value, self.lang))

    def date_text(self, value: str | None) -> str:
        return short_date(value, self.lang)

    def span(self, first: str | None, last: str | None) -> Text:
        """From ``first`` to ``last`` seen: one date when they are the same."""
        if not first or not last or first == last:
            return self.date(first or last)
        return self.date(f"{first}/{last}")


def short_date(value: str | None, lang: str) -> str:
    """An ISO date, month, year or ``start/end`` range, short enough for a column: "12–16 Nov 2024", "12–16/11/2024".

    The forms are ``[dates]`` of ``lang/{lang}/terminal.toml``; a value that
    is no real date is shown as stored.
    """
    forms = load(lang)["terminal"]["dates"]
    if not value:
        return str(forms["undated"])
    start, _, end = value.partition("/")
    first, last = _date_parts(start), _date_parts(end) if end else None
    if first is None or (end and last is None):
        return value
    if last is None or last == first:
        return _one_date(first, forms)
    fields = {"year": last[0], **_month_fields("first_", first, forms), **_month_fields("last_", last, forms)}
    if len(first) == len(last) == 3 and first[0] == last[0]:
        fields |= {"first": first[2], "last": last[2], "month": last[1], "month_abbr": fields["last_month_abbr"]}
        return str(forms["days_of_one_month" if first[1] == last[1] else "days_of_one_year"]).format(**fields)
    if len(first) == len(last) == 2 and first[0] == last[0]:
        return str(forms["months_of_one_year"]).format(**fields)
    return str(forms["range"]).format(start=_one_date(first, forms), end=_one_date(last, forms))


def _one_date(parts: tuple[int, ...], forms: dict[str, Any]) -> str:
    fields = {"year": parts[0], "day": parts[2] if len(parts) > 2 else None, **_month_fields("", parts, forms)}
    return str(forms[("year", "month", "day")[len(parts) - 1]]).format(**fields)


def _month_fields(prefix: str, parts: tuple[int, ...], forms: dict[str, Any]) -> dict[str, Any]:
    if len(parts) < 2:
        return {}
    return {f"{prefix}month": parts[1], f"{prefix}month_abbr": forms["month_abbr"][parts[1] - 1]}


def _table(title: str, columns: list[tuple[str, bool]], rows: Sequence[Sequence[RenderableType]], none: str) -> Group | Text:
    """A table under ``title``; a column marked whole (dates, counts) is never wrapped, the others wrap between words."""
    if not rows:
        return Text(f"\n{title}: {none}", style="dim")
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for header, whole in columns:
        table.add_column(header, no_wrap=whole, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return Group(Text(f"\n{title}", style="bold"), table)


def _date_parts(value: str) -> tuple[int, ...] | None:
    """``2024-11-12`` → (2024, 11, 12); None when it is no real year, month or day."""
    try:
        parts = tuple(int(p) for p in value.split("-"))
    except ValueError:
        return None
    if not 1 <= len(parts) <= 3 or (len(parts) > 1 and not 1 <= parts[1] <= 12):
        return None
    if len(parts) == 3 and not 1 <= parts[2] <= monthrange(parts[0], parts[1])[1]:
        return None
    return parts


def _what(event: dict[str, Any], lang: str) -> str:
    """ "Visit: Vietnam → Peru", "Meeting: Vietnam – Peru", an upgrade of relations as one."""
    return describe(event, lang)


def _trip_rows(entry: Entry, words: _Words, titles: dict[str, str]) -> list[list[RenderableType]]:
    """The entry's row, then a row for each event of its trip, indented under it."""
    rows = [_timeline_row(entry.event, words, titles)]
    for part in entry.parts:
        date, event, status = _timeline_row(part, words, titles)
        rows.append([date, Padding(event, (0, 0, 0, _PART_INDENT)), status])
    return rows


def _timeline_row(event: dict[str, Any], words: _Words, titles: dict[str, str]) -> list[Text]:
    """Date, the event with its details under it, status; background an article recalls is dimmed."""
    row = [words.date(event["date"]), words.entry(_what(event, words.lang), _event_details(event, words, titles), event["id"]),
           Text(label(words.lang, "event_statuses", event["status"]))]
    if event["status"] == _RECALLED:
        for cell in row:
            cell.stylize(_BACKGROUND)
    return row


def _event_details(event: dict[str, Any], words: _Words, titles: dict[str, str]) -> list[str | None]:
    """Persons, place and occasion, what was promised or proposed, whom a meeting was with, how many sources."""
    count = len(event["sources"])
    return [
        ", ".join(event["persons"]),
        ", ".join(p for p in (event["place"], event["occasion"]) if p),
        object_text(event),
        *_counterpart(event, words, titles),
        words.counted("details", "sources", count) if count > 1 else None,
    ]


def _counterpart(event: dict[str, Any], words: _Words, titles: dict[str, str]) -> list[str | None]:
    """Whom a meeting's unnamed side met ("with the President of Peru, …"), and where an inferred name was read;
    else the counterpart's office as the article gives it."""
    stated = event.get("counterpart")
    met = counterpart_text(stated, words.lang)
    if met:
        source = stated["source"] if stated["inferred"] else None
        return [met, inferred_text(titles.get(source["article"], source["article"]), words.lang) if source else None]
    office = label(words.lang, "offices", event["counterpart_office"])
    return [str(words.words["details"]["counterpart"]).format(office=office) if office else None]


def _glance(glance: Glance, words: _Words) -> Group:
    """The record's summary as a two-column list: a label, then its lines, an item's foreign words quoted under it."""
    quoted = load(words.lang)["glance"]["quoted"]
    table = Table(box=None, show_header=False, show_edge=False, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    for entry in glance.entries:
        lines = [words.entry(line.text, [quoted.format(quote=line.quote) if line.quote else None], line.target)
                 for line in entry.lines] or [Text(glance.none, style=_DETAIL)]
        for position, line in enumerate(lines):
            table.add_row(entry.label if position == 0 else "", line)
    heading = f"{glance.heading} ({glance.as_of})" if glance.as_of else glance.heading
    return Group(Text(f"\n{heading}", style="bold"), table)


def _article_titles(record: dict[str, Any]) -> dict[str, str]:
    """Each cited article's title (its name when it has none), to say where an inferred counterpart was read."""
    return {
        s["article"]: s["title"] or s["name"]
        for section in ("events", "agreements", "mechanisms", "figures") for x in record[section] for s in x["sources"]
    }


def _agreement(agreement: dict[str, Any], lang: str) -> str:
    """ "Visa exemption: diplomatic and official passports"; scopes are English words in every language (FACTS.md)."""
    kind = label(lang, "agreement_kinds", agreement["kind"])
    return f"{kind}: {agreement['scope']}" if agreement["scope"] else kind


def _history_step(step: dict[str, Any], words: _Words) -> str:
    """A status with the date it was stated for, else the date of the article that states it."""
    status = label(words.lang, "agreement_statuses", step["status"])
    if step["date"]:
        return f"{status} {words.date_text(step['date'])}"
    if not step["as_of"]:
        return status
    return f"{status} ({str(words.words['details']['as_of']).format(date=words.date_text(step['as_of']))})"


def _target(target: str, events: dict[str, Any], agreements: dict[str, Any], words: _Words) -> str:
    """What fulfilled an item: an event with its date, or an agreement (a proposal reached by its status)."""
    if target in events:
        return f"{_what(events[target], words.lang)}, {words.date_text(events[target]['date'])}"
    if target in agreements:
        return _agreement(agreements[target], words.lang)
    return target


def _office(person: dict[str, Any], lang: str) -> str:
    """The person's latest office, in the title an article in ``lang`` gives it, else named in ``lang``."""
    seen = [o for o in person["offices"] if o["office"] == person["office"]]
    if not seen:
        return label(lang, "offices", person["office"])
    return office_title(person["offices"], seen[-1], lang)
