"""Amounts, and the figures they state about a relationship.

``amounts`` reads every quantity written with a multiplier, a currency or a
counted unit ("gần 500 triệu USD", "USD 500 million", "3.400 dự án") into an
``Amount``, whatever it is about; the words come from ``lang/<code>/numbers.toml``.

``figures`` keeps the amounts a sentence states as a level of trade or
investment between two countries (FACTS.md, "figures"). It leaves out what
FACTS.md says is not a figure: targets ("mục tiêu 15 tỷ USD vào năm 2030"),
and changes ("tăng 2 tỷ USD"); rates and shares are not amounts to begin with.
Its words come from ``lang/<code>/figures.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import cache
from math import prod

from bilat.errors import LexiconError
from bilat.extract.components.agreements import (
    SPACE,
    compile_phrases,
    folded,
    phrases,
    statements,
)
from bilat.extract.components.countries import countries_in, main_pair
from bilat.extract.components.dates import anchor_of, period_in
from bilat.extract.doc import Document, Span
from bilat.extract.facts import Figure
from bilat.extract.pipeline import component
from bilat.lang import Lexicon
from bilat.patterns import compile_gated

_DIRECTED = ("exports", "imports", "fdi_stock", "fdi_projects")
_DIGIT = re.compile(r"\d")
"""Indicators whose ``parties`` have an order: from the first country to the second."""
_PERIOD_AFTER_WORDS = 6
"""Words that may stand between an amount and the period stated after it ("đạt 8 tỷ USD trong năm 2024")."""
_CUE_AFTER_WORDS = 2
"""Words that may stand between an amount and the cue after it ("in", "worth of")."""
_PHRASE_REACH = 64
"""Characters before an amount within which a phrase ending right at it is read ("tăng", "the current": 14 at
most, and its spaces): read back to the sentence's start at each amount, a sentence of amounts would cost its
length squared."""


@dataclass(frozen=True, slots=True)
class Amount:
    """A quantity as the text states it.

    ``unit`` is an ISO 4217 code, a counted unit ("projects"), or "" when the
    text names none ("1,5 tỷ"); ``approx`` is true when hedged ("gần", "hơn").
    """

    value: float
    unit: str
    approx: bool


# --- amounts -----------------------------------------------------------------


@dataclass(frozen=True)
class _NumberRules:
    pattern: re.Pattern[str]
    multiplier: re.Pattern[str]
    words: dict[str, int]
    multipliers: dict[str, int]
    units: dict[str, str]
    decimal: str
    thousands: str


@cache
def _number_rules(lexicon: Lexicon) -> _NumberRules:
    data = lexicon["numbers"]
    units = {folded(k): v for k, v in {**data["currencies"], **data["counts"]}.items()}
    unknown = [c for c in data["written_before"] if folded(c) not in units]
    if unknown:
        raise LexiconError(f"lang/{lexicon.lang}/numbers.toml: written_before {unknown} are not in [currencies]")
    mult = phrases(data["multipliers"], glued=True)
    pattern = (
        rf"(?P<approx>(?:(?:{phrases(data['approx'])}){SPACE})+)?"
        rf"(?:(?P<pre>{phrases(data['written_before'], digits_after=True)})[^\S\n]*)?"
        # a number never starts inside another or inside a word ("2.5", "A380"), unless a currency led it ("Rs.5,000")
        rf"(?:(?P<digits>(?(pre)|(?<![\w.,]))\d+(?:[.,]\d+)*(?!\d))"
        # multipliers apart, glued ("$5bn") or hyphenated as an adjective ("a Rs 1,500-crore project")
        rf"(?P<mult>(?:(?:[^\S\n]*|-)(?:{mult}))*)"
        rf"|(?P<word>{phrases(data['words'])})(?P<wmult>(?:{SPACE}(?:{mult}))+))"
        rf"(?:[^\S\n]*(?P<post>{phrases(units)}))?"
    )
    return _NumberRules(
        pattern=compile_gated(pattern, re.IGNORECASE),
        multiplier=compile_gated(mult, re.IGNORECASE),
        words={folded(k): v for k, v in data["words"].items()},
        multipliers={folded(k): v for k, v in data["multipliers"].items()},
        units=units,
        decimal=data["decimal"],
        thousands=data["thousands"],
    )


@component("amounts", requires=["sents"], assigns="amounts")
def find_amounts(doc: Document, lexicon: Lexicon) -> list[Span]:
    """Every amount in the body's sentences, as ``Span(label="amount", value=Amount)``.

    An amount is written in digits or as a number word with its multiplier ("two billion"): a sentence
    with neither, as most are, is not searched through (the amount pattern tries every word).
    """
    rules = _number_rules(lexicon)
    spans: list[Span] = []
    for sent in doc.layer("sents"):
        if not (_DIGIT.search(doc.text, sent.start, sent.end) or rules.multiplier.search(doc.text, sent.start, sent.end)):
            continue
        for match in rules.pattern.finditer(doc.text, sent.start, sent.end):
            amount = _amount(match, rules)
            if amount is not None:
                spans.append(Span(match.start(), match.end(), "amount", amount))
    return spans


def _amount(match: re.Match[str], rules: _NumberRules) -> Amount | None:
    """The amount a match states; None for a bare number ("19", "2024"), which is no amount."""
    multipliers = match.group("mult") or match.group("wmult") or ""
    unit_word = match.group("pre") or match.group("post")
    if not multipliers and unit_word is None:
        return None
    if match.group("digits"):
        number = _number(match.group("digits"), rules.decimal, rules.thousands)
    else:
        number = Decimal(rules.words[folded(match.group("word"))])
    if number is None:
        return None
    factor = prod(rules.multipliers[folded(m)] for m in rules.multiplier.findall(multipliers))
    return Amount(
        value=float(number * factor),
        unit=rules.units[folded(unit_word)] if unit_word else "",
        approx=match.group("approx") is not None,
    )


def _number(token: str, decimal: str, thousands: str) -> Decimal | None:
    """``token`` read with the language's separators ("1.200,5" in Vietnamese is 1200.5).

    A thousands separator followed by other than three digits is taken for a
    decimal mark, as writers mix the conventions ("1.5 tỷ" in a Vietnamese text).
    """
    whole, _, fraction = token.partition(decimal)
    groups = whole.split(thousands)
    if len(groups) > 1 and any(len(g) != 3 for g in groups[1:]):
        if len(groups) > 2 or fraction:
            return None
        whole, fraction = groups
        groups = [whole]
    try:
        return Decimal("".join(groups) + (f".{fraction}" if fraction else ""))
    except InvalidOperation:
        return None


# --- figures -----------------------------------------------------------------


@dataclass(frozen=True)
class _FigureRules:
    cues: re.Pattern[str]
    cue_indicators: dict[str, str]
    unit_indicators: dict[str, str]
    targets: re.Pattern[str]
    deadlines: re.Pattern[str]
    changes: re.Pattern[str]
    tail_stops: re.Pattern[str]
    partner: re.Pattern[str]
    current_before: re.Pattern[str]
    pledges: re.Pattern[str]
    """Words that make an investment a promise ("will invest", "cam kết đầu tư"): an amount about the pair, no stock."""
    current_after: re.Pattern[str]
    measured_after: re.Pattern[str]
    cue_joiner: re.Pattern[str]
    firms: re.Pattern[str]
    anaphora: re.Pattern[str]
    """Words naming the amount the previous sentence stated ("The figure topped ...")."""
    count_before: re.Pattern[str]
    stock_dates: re.Pattern[str]
    """Words before the date a stock is counted up to ("tính đến", "as of")."""


@cache
def _figure_rules(lexicon: Lexicon) -> _FigureRules:
    data = lexicon["figures"]
    return _FigureRules(
        cues=compile_phrases(data["cues"]),
        cue_indicators={folded(k): v for k, v in data["cues"].items()},
        unit_indicators=data["units"],
        targets=compile_phrases(data["targets"]),
        deadlines=compile_phrases(data["deadlines"]),
        changes=re.compile(rf"(?:{phrases(data['changes'])})\s*\Z", re.IGNORECASE),
        tail_stops=re.compile(rf"[,;.:(]|{phrases(data['comparisons'])}", re.IGNORECASE),
        partner=re.compile(rf"(?:{phrases(data['partner_markers'])}){SPACE}\Z", re.IGNORECASE),
        current_before=re.compile(rf"(?:{phrases(data['current'])}){SPACE}\Z", re.IGNORECASE),
        pledges=compile_phrases(data["pledges"]),
        current_after=re.compile(rf"{SPACE}(?:{phrases(data['current'])})", re.IGNORECASE),
        measured_after=re.compile(rf"{SPACE}(?:{phrases(data['measured_after'])}){SPACE}", re.IGNORECASE)
        if data.get("measured_after") else re.compile(r"(?!)"),
        cue_joiner=re.compile(rf"{SPACE}(?:{phrases(data['cue_joiners'])}){SPACE}\Z", re.IGNORECASE),
        firms=compile_phrases(data["firms"]),
        anaphora=compile_phrases(data.get("anaphora", [])) if data.get("anaphora") else re.compile(r"(?!)"),
        count_before=re.compile(
            rf"(?P<approx>(?:{phrases(lexicon['numbers']['approx'])}){SPACE})?(?<![\w.,])(?P<digits>\d+(?:[.,]\d{{3}})*){SPACE}\Z",
            re.IGNORECASE),
        stock_dates=compile_phrases(data.get("stock_dates", [])) if data.get("stock_dates") else re.compile(r"(?!)"),
    )


@component("figures", requires=["sents", "countries", "amounts", "dates", "anchor"], assigns="facts.figures")
def find_figures(doc: Document, lexicon: Lexicon) -> list[Figure]:
    """The trade and investment figures the article states, one per distinct fact."""
    rules = _figure_rules(lexicon)
    figures: list[Figure] = []
    seen: set[tuple[str, str | None, float, frozenset[str]]] = set()
    last_indicator: str | None = None  # the previous statement's, which "the figure" refers to
    for sent in statements(doc):
        amounts = doc.in_range("amounts", sent.start, sent.end)
        referred = last_indicator if amounts and rules.anaphora.search(doc.text, sent.start, amounts[0].start) else None
        restated = {i for i in range(1, len(amounts)) if _converted(doc.text, amounts[i - 1], amounts[i])}
        period: str | None = None
        target_from = period_from = sent.start
        stated_here = len(figures)
        for i, amount in enumerate(amounts):
            # a target word makes a target of the amount after it and of those listed with it,
            # but not of the current level it is set against ("so với mốc 500 triệu USD hiện nay")
            current = _is_current(doc.text, rules, sent.start, amount)
            if rules.targets.search(doc.text, target_from, amount.start) and not current:
                continue
            if i in restated:
                continue  # "20 billion euros ($21.8 billion)": the same amount in another currency
            target_from = amount.end
            lead = amounts[i - 1].end if i else sent.start
            limit = amounts[i + 1].start if i + 1 < len(amounts) else sent.end
            if i + 1 in restated:  # read on past "($21.8 billion)"
                limit = amounts[i + 2].start if i + 2 < len(amounts) else sent.end
                after = amounts[i + 1].end + 1
            else:
                after = amount.end
            found = _figure(doc, rules, sent, lead, max(lead, period_from), amount, after, limit, amounts, period, current,
                            referred if i == 0 else None)
            if found is None:
                continue
            figure, period_from = found
            if figure.indicator == "fdi_stock" and rules.pledges.search(doc.text, lead, amount.start):
                figure = replace(figure, indicator="other", period=None)  # promised, not yet invested: no stock
            last_indicator = figure.indicator
            period = figure.period
            key = (figure.indicator, figure.period, figure.value, frozenset(figure.parties))
            if key not in seen:
                seen.add(key)
                figures.append(figure)
        counted_up_to = _counted_up_to(doc, rules, sent)
        if counted_up_to is not None:
            figures[stated_here:] = [replace(f, period=counted_up_to) if f.period is None and f.indicator in _STOCKS else f
                                     for f in figures[stated_here:]]
    figures.extend(_firm_counts(doc, lexicon, rules))
    return figures


_STOCKS = frozenset({"fdi_stock", "fdi_projects"})
"""Indicators counted up to a day rather than over a period: what a sentence's "as of" dates."""


def _counted_up_to(doc: Document, rules: _FigureRules, sent: Span) -> str | None:
    """The date the sentence's stocks are counted up to ("..., tính đến tháng 6/2024", "(as of June 2024)")."""
    cue = rules.stock_dates.search(doc.text, sent.start, sent.end)
    if cue is None:
        return None
    date = next((d for d in doc.in_range("dates", cue.end(), sent.end) if not doc.text[cue.end():d.start].strip()), None)
    return period_in(doc, date.start, date.end) if date is not None else None


_FIRM_UNIT = "firms"
_COUNT_WINDOW = 24
"""Characters before a country and its firms where their count may stand ("over 1,000 Turkish companies")."""


def _firm_counts(doc: Document, lexicon: Lexicon, rules: _FigureRules) -> list[Figure]:
    """Counts of one country's firms ("over 1,000 Turkish companies now operating in Qatar",
    "200 doanh nghiệp Hà Lan"): an amount about the relationship when it is a side of the pair.

    The country is named right before the firms (English) or right after them
    (Vietnamese); a count of firms of no stated country is no figure.
    """
    numbers = lexicon["numbers"]
    pair: list[str] | None = None  # the article's pair, counted only once a country names some firms
    out: list[Figure] = []
    for noun in rules.firms.finditer(doc.text, doc.body_start):
        sent = doc.sentence_of(noun.start())
        if sent is None:
            continue
        country = next((c for c in doc.in_range("countries", max(sent.start, noun.start() - _COUNT_WINDOW), noun.start())
                        if doc.text[c.end:noun.start()].strip() == ""), None)
        count_end = country.start if country is not None else noun.start()
        if country is None:
            country = next((c for c in doc.in_range("countries", noun.end(), sent.end)
                            if doc.text[noun.end():c.start].strip() == ""), None)
        if country is None:
            continue
        if pair is None:
            pair = main_pair(doc)
        if country.value not in pair:
            continue
        count = rules.count_before.search(doc.text, max(sent.start, count_end - _COUNT_WINDOW), count_end)
        number = _number(count.group("digits"), numbers["decimal"], numbers["thousands"]) if count else None
        if number is None:
            continue
        parties = [country.value, *[c for c in pair if c != country.value]]
        end = max(noun.end(), country.end)
        out.append(Figure(indicator="other", parties=parties, period=None, value=float(number), unit=_FIRM_UNIT,
                          approx=count.group("approx") is not None, evidence=(count.start(), end)))
    return out


def _is_current(text: str, rules: _FigureRules, start: int, amount: Span) -> bool:
    """Whether the amount is said to be the current level ("the current $10 billion", "500 triệu USD hiện nay")."""
    before = rules.current_before.search(text, max(start, amount.start - _PHRASE_REACH), amount.start)
    return bool(before or rules.current_after.match(text, amount.end))


_NOUN_AFTER = re.compile(r"[^\S\n](?P<word>[^\W\d_]+)")
"""The word right after an amount."""


def _counts_a_noun(doc: Document, rules: _FigureRules, end: int) -> bool:
    """Whether a word right after a bare number names what it counts ("10 triệu dân"), not a cue or a date."""
    word = _NOUN_AFTER.match(doc.text, end)
    if word is None or not word.group("word")[0].islower():
        return False
    starts = word.start("word")
    if rules.cues.match(doc.text, starts) or rules.current_after.match(doc.text, end):
        return False
    return not doc.starting("dates", starts, starts + 1)


def _converted(text: str, previous: Span, amount: Span) -> bool:
    """Whether ``amount`` only restates ``previous`` in brackets, in another unit."""
    return (re.fullmatch(r"\s*\(\s*", text[previous.end:amount.start]) is not None
            and text[amount.end:amount.end + 1] == ")" and previous.value.unit != amount.value.unit)


def _figure(
    doc: Document, rules: _FigureRules, sent: Span, lead: int, period_from: int, amount: Span, after: int,
    limit: int, amounts: list[Span], period: str | None, current: bool, referred: str | None = None,
) -> tuple[Figure, int] | None:
    """The figure ``amount`` states, and where the next amount may start reading its period.

    Its clause starts at ``lead`` (the previous amount's end); a period stated
    before it, at ``period_from`` (past the previous figure's own period).
    The indicator is the nearest cue before the amount in its sentence ("Kim
    ngạch ... đạt X, và 7 tháng đầu năm nay đạt Y": both trade), else a cue
    just after it ("$2 billion in ODA"). The period is read by ``_period``.
    What follows the amount is read from ``after``: past a restatement in
    brackets ("20 billion euros ($21.8 billion) in 2022"). A ``current`` level
    ("from the current $10 billion") is no change, and has no period of its own.
    A bare number counting some noun ("10 triệu dân": ten million people) is no money.
    With no cue, an amount ``referred`` to as the previous sentence's ("The figure
    topped ...") measures what that one did.
    """
    text, value = doc.text, amount.value
    if rules.changes.search(text, max(sent.start, amount.start - _PHRASE_REACH), amount.start) and not current:
        return None
    if not value.unit and _counts_a_noun(doc, rules, amount.end):
        return None
    tail = _tail(doc, rules, after, limit)
    measured = _measured_after(doc, rules, after, tail)
    indicator = (
        rules.unit_indicators.get(value.unit)
        or (measured[0] if measured else None)
        or _last_cue(text, rules, sent.start, amount.start)
        or referred  # "The figure topped $700 million": what the previous sentence measured
        or _cue_after(text, rules, after, tail)
    )
    if indicator is None:
        return None
    if rules.deadlines.search(text, after, tail) and _is_ahead(doc, period_in(doc, after, tail)):
        return None
    start, end = _trimmed(text, lead, tail)
    period, next_from = (None, amount.end) if current else _period(doc, period_from, amount, after, tail, period)
    return Figure(
        indicator=indicator,
        parties=_parties(doc, rules, sent.start, lead, end, indicator, measured[1] if measured else None),
        period=period,
        value=value.value,
        unit=value.unit or next((a.value.unit for a in amounts if a.value.unit), ""),
        approx=value.approx,
        evidence=(start, end),
    ), next_from


_PARTNER_REACH = 6
"""Characters between a comparison word and a country that make the word the partner's ("from the Philippines")."""


def _tail(doc: Document, rules: _FigureRules, after: int, limit: int) -> int:
    """Where what is said of an amount after it ends: at a comparison ("up 5% from 2023") or a clause mark;
    a comparison word naming the partner ("worth $9 billion from the Philippines in 2023") goes on."""
    for stop in rules.tail_stops.finditer(doc.text, after, limit):
        if not stop.group()[0].isalpha() or not any(
                c.start - stop.end() <= _PARTNER_REACH for c in doc.in_range("countries", stop.end(), limit)):
            return stop.start()
    return limit


def _period(
    doc: Document, start: int, amount: Span, after: int, tail: int, previous: str | None,
) -> tuple[str | None, int]:
    """The amount's period, and where the next amount may start reading its own.

    The period is stated in ``[start, amount)`` before the amount, else right
    after it up to ``tail`` ("đạt gần 8 tỷ USD năm 2024"), which stops at a
    comparison ("so với năm 2023"); else it is the period of the sentence's
    previous figure ("năm 2023 đạt X, trong đó xuất khẩu Y"). A period read
    after the amount is its alone: in "$1.2 billion in 2023 and $700 million in
    the first half of this year" the second amount's period is not 2023.
    """
    before = period_in(doc, start, amount.start)
    if before is not None:
        return before, amount.end
    for span in doc.in_range("dates", after, tail):
        if len(doc.text[after:span.start].split()) > _PERIOD_AFTER_WORDS:
            break  # "100 triệu USD cho Việt Nam đã được ... ký hồi tháng 9/2014": the date of something else
        stated = period_in(doc, span.start, span.end)
        if stated is not None:
            return stated, span.end
    return previous, amount.end


_POSSESSIVE_SPACE = re.compile(r"(?:['’]s)?[^\S\n]*")
"""What follows a country before the noun it owns ("Vietnam’s imports")."""
_JOINED_INDICATORS = {frozenset({"exports", "imports"}): "bilateral_trade"}
"""Two cues joined under one amount that make a known indicator together ("exports and imports": trade)."""


def _last_cue(text: str, rules: _FigureRules, start: int, end: int) -> str | None:
    """The indicator of the last cue in ``[start, end)``: the one nearest the amount.

    Cues of two indicators joined under one amount ("trade and investment
    amounted to $10 billion") measure neither alone: their sum is ``other``,
    unless together they make a known one ("exports and imports").
    """
    cues = list(rules.cues.finditer(text, start, end))
    if not cues:
        return None
    last = rules.cue_indicators[folded(cues[-1].group())]
    between = text[cues[-2].end():cues[-1].start()] if len(cues) > 1 else ""
    if between and not any(c.isdigit() for c in between) and rules.cue_joiner.search(text, cues[-2].end(), cues[-1].start()):
        # "xuất khẩu 2,5 tỷ USD và nhập khẩu 4,2 tỷ USD": each cue has its own amount, not one joined
        joined = rules.cue_indicators[folded(cues[-2].group())]
        if joined != last:
            return _JOINED_INDICATORS.get(frozenset({joined, last}), "other")
    return last


def _measured_after(doc: Document, rules: _FigureRules, start: int, end: int) -> tuple[str, str | None] | None:
    """The indicator an amount measures when a measure phrase names it after ("$647 million worth of
    Vietnamese exports"), and the country the cue belongs to (the exporter, the importer), if named.

    The phrase says what the amount is of, so it outranks a cue before the amount.
    """
    measure = rules.measured_after.match(doc.text, start, end)
    if measure is None:
        return None
    owner = None
    pos = measure.end()
    country = next((c for c in doc.in_range("countries", pos, end) if c.start == pos), None)
    if country is not None:
        owner = country.value
        pos = _POSSESSIVE_SPACE.match(doc.text, country.end, end).end()  # type: ignore[union-attr]
    cue = rules.cues.match(doc.text, pos, end)
    return (rules.cue_indicators[folded(cue.group())], owner) if cue else None


def _cue_after(text: str, rules: _FigureRules, start: int, end: int) -> str | None:
    """The indicator of a cue at most ``_CUE_AFTER_WORDS`` words after the amount, in ``[start, end)``.

    Read when no cue comes before: English puts the measured noun after a
    quantity ("a $500 million loan", "$2 billion in ODA", "$1 billion worth of
    exports"), as Vietnamese sometimes does ("2 tỷ USD vốn ODA"); further on, a
    cue belongs to something else.
    """
    cue = rules.cues.search(text, start, end)
    if cue is None or len(text[start:cue.start()].split()) > _CUE_AFTER_WORDS:
        return None
    return rules.cue_indicators[folded(cue.group())]


def _is_ahead(doc: Document, period: str | None) -> bool:
    """A deadline year not yet past at the article's date makes the amount a target."""
    year = anchor_of(doc).year
    return period is not None and year is not None and int(period[:4]) >= year


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the punctuation and spaces at either end."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def _parties(
    doc: Document, rules: _FigureRules, start: int, lead: int, end: int, indicator: str, owner: str | None = None,
) -> list[str]:
    """The countries the figure is between: named in its clause, else in its sentence, else the article's pair.

    The clause starts at ``lead``, the sentence at ``start``. For exports, imports and investment the order is the flow's: a country named
    in the clause right after "sang", "từ", "tại"... is the partner and comes second; the ``owner`` of the
    flow ("Vietnamese exports", "Vietnam's imports") comes first.
    """
    named = ([owner] if owner else []) + countries_in(doc, lead, end) + countries_in(doc, start, end) + main_pair(doc)
    parties = list(dict.fromkeys(named))[:2]
    if indicator not in _DIRECTED:
        return sorted(parties)
    if owner in parties:
        return [owner, *[c for c in parties if c != owner]]
    partners = {
        span.value for span in doc.in_range("countries", lead, end)
        if rules.partner.search(doc.text, lead, span.start)
    }
    return sorted(parties, key=lambda code: code in partners)
