"""Country and organisation mentions, and helpers that read them.

Names come from ``lang/<code>/countries.toml`` (built by
``scripts/build_countries.py``) and ``lang/<code>/orgs.toml``. At each word the
longest listed phrase wins, so "Mỹ Latinh" (a region, in ``not_countries``)
beats "Mỹ" (US), and "Vương quốc Anh" is one mention. Short names that are also
words or given names ("Nga" in "Nguyễn Thị Nga", "Đức" in "ông Đức") are
checked against their neighbours (``_is_name_part``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from functools import cache, lru_cache
from urllib.parse import urlparse

from bilat._types import CountryCode
from bilat.extract.components.dates import LEDE_SENTENCES, dateline
from bilat.extract.doc import Document, Span
from bilat.extract.pipeline import component
from bilat.lang import NEVER, Lexicon, load, load_shared
from bilat.patterns import compile_gated

_WORD = re.compile(r"\w+")
_SPACED_DASH = re.compile(r" [-–] ")
_DASHES = ("-", " - ", "–", " – ")
_GROUP, _CASELESS = "(?:", "(?i:"
_WORD_END = r"(?!\w)"
"""A phrase ending in a letter or digit ends a word: "Nga" is not in "Ngata"."""


@dataclass
class PhraseMatcher:
    """Phrases found left to right, the longest at each word, without overlaps.

    A phrase maps to a value (None blocks the match without reporting one).
    Caseless phrases compare lower-cased; a dash written " - " also matches
    "-", "–" and " – ", since the press writes "Đông Á-Mỹ Latinh" and
    "Đông Á - Mỹ Latinh" alike. The phrases that start with one word are
    tried as one compiled alternation, longest first, so that each word that
    opens a phrase costs one dictionary look-up and at most one regex match.
    Each alternation is compiled the first time its word is met: a text meets
    few of the thousands of first words, and compiling them all cost a tenth
    of a second at each process's first article. The words that open a phrase
    are found by the engine (``_opener``), not looked up one by one: a text
    has thousands of words, a few dozen of which open a name.
    """

    _by_first: dict[str, list[tuple[str, str | None, bool]]] = field(default_factory=dict)
    _compiled: dict[str, tuple[re.Pattern[str], Callable[[re.Match[str]], str | None]]] = field(default_factory=dict)
    _opener: re.Pattern[str] | None = None

    def add(self, phrase: str, value: str | None, *, caseless: bool = False) -> None:
        forms = [_SPACED_DASH.sub(dash, phrase) for dash in _DASHES] if _SPACED_DASH.search(phrase) else [phrase]
        for form in forms:
            first = _WORD.match(form)
            if first is None:
                continue
            entries = self._by_first.setdefault(first.group().lower(), [])
            entries.append((form, value, caseless))
            entries.sort(key=lambda entry: -len(entry[0]))
        self._compiled.clear()
        self._opener = None

    def find(self, text: str, start: int, end: int) -> Iterator[tuple[int, int, str | None]]:
        """``(start, end, value)`` of each match inside ``text[start:end]``."""
        resume = start
        for word in self._opening_words(text, start, end):
            if word.start() < resume:
                continue
            first = word.group().lower()
            entries = self._by_first.get(first)
            if entries is None:
                continue
            bucket = self._compiled.get(first) or self._compiled.setdefault(first, _alternation(entries))
            found = bucket[0].match(text, word.start())
            if found is not None and found.end() <= end:
                yield word.start(), found.end(), bucket[1](found)
                resume = found.end()

    def _opening_words(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """The words of ``text[start:end]`` (``\\w+`` runs, the first one cut at ``start``) that may open a phrase, in order.

        A phrase opens with its first word exactly as written, or in any case when caseless: any
        other word's look-up would find no match, and is not made (a word in another case may still
        be looked up in a matcher holding a caseless phrase).
        """
        if self._opener is None:
            self._opener = _opener(self._by_first)
        cut = _WORD.match(text, start, end) if start > 0 and _is_word_char(text[start - 1]) else None
        if cut is not None:
            yield cut  # a word cut by ``start`` counts from there
            start = cut.end()
        yield from self._opener.finditer(text, start, end)


def _opener(by_first: dict[str, list[tuple[str, str | None, bool]]]) -> re.Pattern[str]:
    """The pattern finding the words that open a phrase: as written, or in any case where one phrase is
    caseless (the look-up that follows tells the phrases apart)."""
    forms = [form for entries in by_first.values() for form, _, _ in entries]
    words = {_WORD.match(form).group() for form in forms}  # type: ignore[union-attr]
    if not words:
        return re.compile(NEVER)
    caseless = any(caseless for entries in by_first.values() for _, _, caseless in entries)
    return compile_gated(rf"(?<!\w)(?:{'|'.join(map(re.escape, sorted(words)))})(?!\w)", re.IGNORECASE if caseless else 0)


def _alternation(
    entries: list[tuple[str, str | None, bool]],
) -> tuple[re.Pattern[str], Callable[[re.Match[str]], str | None]]:
    """The alternation of the phrases that open with one word, and the value of the phrase a match found.

    Phrases as written match themselves: the matched text names its phrase, and the alternation,
    without a group for each, is regrouped letter by letter ("Cộng hòa ..." opens 158 of them).
    Where one is caseless, each phrase is its own group.
    """
    if any(caseless for _, _, caseless in entries):
        alternatives = [
            f"({_CASELESS if caseless else _GROUP}{re.escape(form)}){_WORD_END if form[-1].isalnum() else ''})"
            for form, _, caseless in entries
        ]
        values = [value for _, value, _ in entries]
        return re.compile("|".join(alternatives)), lambda found: values[found.lastindex - 1]  # type: ignore[operator]
    by_form: dict[str, str | None] = {}
    for form, value, _ in entries:
        by_form.setdefault(form, value)  # the first of one phrase added twice, as the alternation's order finds it
    pattern = "|".join(f"{re.escape(form)}{_WORD_END if form[-1].isalnum() else ''}" for form, _, _ in entries)
    return compile_gated(pattern), lambda found: by_form[found.group()]


def both_cases(phrase: str) -> list[str]:
    """``phrase`` as written and with its first letter in the other case ("nước ta", "Nước ta")."""
    return [phrase, phrase[0].swapcase() + phrase[1:]]


@cache
def _country_matcher(lexicon: Lexicon) -> PhraseMatcher:
    data = lexicon["countries"]
    matcher = PhraseMatcher()
    for name, code in {**data.get("names", {}), **data.get("demonyms", {})}.items():
        matcher.add(name, code)
    for phrase, code in data.get("home", {}).items():
        for form in both_cases(phrase):
            matcher.add(form, code)
    for phrase in data.get("not_countries", []):
        for form in both_cases(phrase):
            matcher.add(form, None)
    return matcher


@cache
def _org_matcher(lexicon: Lexicon) -> PhraseMatcher:
    matcher = PhraseMatcher()
    for name, code in lexicon.table("orgs", "names").items():
        matcher.add(name, code, caseless=" " in name)  # "Liên Hợp Quốc" = "Liên hợp quốc"; "WHO" ≠ "who"
    return matcher


@component("countries", requires=["sents"], assigns="countries")
def find_countries(doc: Document, lexicon: Lexicon) -> list[Span]:
    """Every country mention in the body, ``value`` its ISO 3166-1 alpha-2 code."""
    data = lexicon["countries"]
    ambiguous = set(data.get("ambiguous", []))
    prefixes = tuple(data.get("name_prefixes", []))
    spans = []
    for start, end, code in _country_matcher(lexicon).find(doc.text, doc.text_start, len(doc.text)):
        if code is None:
            continue
        if doc.text[start:end] in ambiguous and _is_name_part(doc, start, end, prefixes):
            continue
        spans.append(Span(start, end, "country", code))
    return spans


@component("orgs", requires=["sents"], assigns="orgs")
def find_orgs(doc: Document, lexicon: Lexicon) -> list[Span]:
    """Every organisation mention in the body, ``value`` its code (FACTS.md "Organisations")."""
    return [
        Span(start, end, "org", code)
        for start, end, code in _org_matcher(lexicon).find(doc.text, doc.text_start, len(doc.text))
        if code is not None
    ]


def _is_name_part(doc: Document, start: int, end: int, prefixes: Iterable[str]) -> bool:
    """True when a short name at ``[start, end)`` belongs to a person's or place's name.

    It does when it follows an honorific ("bà Nga"), follows a capitalised word
    that does not open the sentence ("Nguyễn Thị Nga", while "Tại Nga" is
    Russia), or is followed by a capitalised word spelled the Vietnamese way
    ("Nga Sơn", "Mỹ Đình"), which foreign leaders' names after "Tổng thống Mỹ"
    are not.
    """
    sent = doc.sentence_of(start)
    opening = sent.start if sent else doc.text_start
    for prefix in prefixes:  # read in the prefix's length before the name (and the character before it)
        if re.search(rf"(?<!\w){re.escape(prefix)} $", doc.text[max(opening, start - len(prefix) - 3):start], re.IGNORECASE):
            return True
    word = _word_before(doc.text, opening, start)
    if word is not None and doc.text[word].isupper() and _WORD_CHAR.search(doc.text, opening, word):
        return True
    following = re.match(r" ([\w-]+)", doc.text[end:end + 40])
    return bool(following and following.group(1)[0].isupper() and vietnamese_spelling(following.group(1)))


def _word_before(text: str, opening: int, end: int) -> int | None:
    """Where the word before the space ending ``text[opening:end]`` starts, if one does: what a search for
    a word, a space and the end finds there, read back from ``end`` rather than tried at each position."""
    if end > opening and text[end - 1] == "\n":  # ``$`` also matches before a final line break
        end -= 1
    if end - opening < 2 or text[end - 1] != " ":
        return None
    pos = end - 1
    while pos > opening and _is_word_char(text[pos - 1]):
        pos -= 1
    return pos if pos < end - 1 else None


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what ``\w`` matches in a str pattern


_WORD_CHAR = re.compile(r"\w")


_VIETNAMESE_MARKS = {"\u0302", "\u0306", "\u031b", "\u0309", "\u0323"}  # circumflex, breve, horn, hook, dot below


def vietnamese_spelling(word: str) -> bool:
    """A Vietnamese syllable: đ or a Vietnamese mark, and not a transliteration ("Xéc-gây") or an initial ("Ô.")."""
    if "-" in word or len(word) == 1:
        return False
    return any(c in "đĐ" or _VIETNAMESE_MARKS & set(unicodedata.normalize("NFD", c)) for c in word)


def country_of_place(lexicon: Lexicon, name: str) -> CountryCode | None:
    """The country of a place name: a capital or venue city ("Lima" → PE), or a country's own name."""
    name = name.strip()
    code = country_of_city(lexicon, name) or lexicon["countries"].get("names", {}).get(name)
    return str(code) if code else None


def country_of_city(lexicon: Lexicon, name: str) -> CountryCode | None:
    """The country of a capital or venue city ("Hanoi" → VN); None for any other name."""
    code = lexicon["countries"].get("capitals", {}).get(name.strip())
    return str(code) if code else None


@lru_cache(maxsize=256)
def _countries_of_title(lang: str, title: str) -> frozenset[CountryCode]:
    """The countries a headline names; kept, as every component asks for the article's pair."""
    return frozenset(code for _, _, code in _country_matcher(load(lang)).find(title, 0, len(title)) if code)


def filed_in(doc: Document) -> CountryCode | None:
    """The country the article was filed from, by its dateline ("New Delhi [India], July 27 (ANI):" → IN)."""
    filed = dateline(doc)
    return country_of_place(load(doc.lang), filed.place) if filed is not None else None


def outlet_country(doc: Document) -> CountryCode | None:
    """The country of the outlet that published the article, by its web address's country domain
    ("herald.ng" → NG, "cancilleria.gob.ar" → AR); None for a generic domain (".com", ".tv")."""
    host = urlparse(doc.source or "").hostname or ""
    label = host.rsplit(".", 1)[-1] if "." in host else ""
    domains = _domains()
    if len(label) != 2 or label in domains["not_countries"]:
        return None
    return str(domains["exceptions"].get(label, label.upper()))


@cache
def _domains() -> dict[str, Any]:
    """``data/domains.toml``, read once."""
    return load_shared("domains")


def host_country(doc: Document, pair: list[CountryCode]) -> CountryCode | None:
    """The side of the pair whose capital the article's opening sentences name first ("arrived in Ankara")."""
    capitals = _capital_matcher(load(doc.lang))
    for sent in doc.layer("sents")[:LEDE_SENTENCES]:
        for _, _, code in capitals.find(doc.text, sent.start, sent.end):
            if code in pair:
                return code
    return None


@cache
def _capital_matcher(lexicon: Lexicon) -> PhraseMatcher:
    matcher = PhraseMatcher()
    for name, code in lexicon["countries"].get("capitals", {}).items():
        matcher.add(name, code)
    return matcher


def countries_in(doc: Document, start: int, end: int) -> list[CountryCode]:
    """Codes of the countries mentioned inside ``[start, end)``, in order of first mention, once each."""
    return list(dict.fromkeys(span.value for span in doc.in_range("countries", start, end)))


def main_pair(doc: Document) -> list[CountryCode]:
    """The article's two countries: the two most mentioned in the body.

    "hai nước" and "hai bên" (the two countries) refer to them. Ties go to the
    press's home country ("nước ta": Vietnamese officials go unnamed, so their
    country is named less), then to a country the title names, then to the first
    mentioned: a venue named once ("tại Gyeongju, Hàn Quốc", "tại Thủ đô Phnom
    Penh, Campuchia") must not outrank the home country named once in the body.
    Fewer than two codes when the body names fewer countries.
    """
    counts = Counter(span.value for span in doc.layer("countries"))
    first: dict[CountryCode, int] = {}
    for i, span in enumerate(doc.layer("countries")):
        first.setdefault(span.value, i)
    in_title = _countries_of_title(doc.lang, doc.title or "")
    home = set(load(doc.lang)["countries"].get("home", {}).values())
    return sorted(counts, key=lambda code: (-counts[code], code not in home, code not in in_title, first[code]))[:2]
