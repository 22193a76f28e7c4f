"""Persons: titles, mentions of people, and the people of an article.

Diplomatic news names officials by title, country and name, in that order
("Tổng thống Peru Dina Ercilia Boluarte Zegarra", "Thứ trưởng Bộ Công Thương
Việt Nam, Phan Thị Thắng"), and later by shorter forms ("Tổng thống Zegarra",
"Tổng thống Peru"). Three components follow that order:

- ``titles`` finds title phrases (``lang/<code>/titles.toml``) with the words
  that continue them (a ministry, a sector);
- ``persons`` reads, after a title or a chain of titles, the country and the
  name; a title with no name is kept as a reference to whoever holds it;
- ``people`` groups the named mentions into persons (FACTS.md: "one entry per
  real person named in the article, not per mention").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from collections.abc import Callable, Iterable
from functools import cache, lru_cache, partial

from bilat.extract.components.countries import filed_in, host_country, main_pair, outlet_country, vietnamese_spelling
from bilat.extract.doc import Document, Span
from bilat.extract.facts import Person
from bilat.extract.pipeline import component
from bilat.lang import NEVER, Lexicon, alternation
from bilat.patterns import compile_gated
from bilat.text import fold

_TOKEN = re.compile(r"(?:[^\W\d_]\.)+(?:[^\W\d_][\w’'\-]*)?|(?:[^\W\d_]{2}\.(?=[^\W\d_]))?[^\W\d_][\w’'\-]*\.?")
"""A word of a name; initials glued to it are kept ("B.Sial", "V.B.", the Mongolian "Ts.Tsolmon")."""
_MAX_NAME_TOKENS = 6
_COMMA_GAP = re.compile(r"[ ,]*")
_SPACES = re.compile(r" *")
_COMMA_GAP_REACH = 4
"""Spaces and commas skipped before a chained title, at most."""
_POSSESSIVE = re.compile(r"['’]s\Z")
_POSSESSIVE_AT = re.compile(r"(?:['’]s)?")
_ABBREVIATION = re.compile(r"\s*\([A-Z]{2,10}\)")
"""A title's abbreviation in brackets ("External Affairs Minister (EAM)"), skipped before the name."""
_PORTFOLIO_WORDS = r"[A-Z][\w’'-]*(?: (?:and|&) [A-Z][\w’'-]*| [A-Z][\w’'-]*){0,3}"
"""Capitalised words naming a portfolio between a country and its title ("Japanese Defence Minister")."""
_PALACE_WINDOW = 8
"""Characters before a title where a palace's name may open ("Dinh " before "Tổng thống")."""
_STATE_NAME_WORDS = re.compile(r"(?:[^\W\d_]+ ){1,4}")
"""Words between a state prefix and the country in a formal name ("Cộng hòa [xã hội chủ nghĩa] Việt Nam")."""
_HYPHENED = re.compile(r"(?<=\w)-(\w)")
"""A syllable hyphened to the one before."""
_DEPENDANT_WINDOW = 24
"""Characters before a title where a word making its bearer a dependant may stand ("adviser to the ")."""
_APPOSITION = (", ", " - ", " – ")
"""What sets a name off from the titles after it ("ông X - Phó Chủ tịch tỉnh", "Đại tướng X, Bộ trưởng")."""
_MIN_WORDS_AFTER_COMMA = 2
"""Words a name set after a title and a comma has at least ("Đại sứ, Luật nhập cư ..." names no one)."""
COUNTERPART = "counterpart"
"""The office of a title that names none of its own ("his counterpart"): resolved from the sentence."""


@dataclass(frozen=True, slots=True)
class Title:
    office: str
    text: str
    country: str | None = None
    """A country the title names inside ("of the Kenyan Ministry of Foreign Affairs")."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A person as one passage names them; ``name`` is None for a bare title."""

    name: str | None
    office: str | None
    title: str | None
    country: str | None
    name_start: int | None = None


@dataclass(frozen=True)
class _TitleData:
    offices: dict[str, str]
    listed: dict[str, str]
    """Each title as the data lists it, by its form with the words after its first letter in any case."""
    title_re: re.Pattern[str]
    continuation_re: re.Pattern[str]
    honorific_re: re.Pattern[str]
    honorific_search_re: re.Pattern[str]
    """``honorific_re`` to search with: a run of spaces and commas before the honorific is read from its start
    only, not again from each of its characters, which a run of thousands would make quadratic."""
    posted_re: re.Pattern[str]
    prefix_re: re.Pattern[str]
    particles: frozenset[str]
    not_names_re: re.Pattern[str]
    """Capitalised words that never start or continue a name, as whole words ("In" but not "Inacio")."""
    surnames: frozenset[str]
    folded_surnames: frozenset[str]
    """Folded, so that "Pham" and "Phạm" are one family name."""
    surnames_country: str | None
    precedence: tuple[str, ...]
    country_before_re: re.Pattern[str] | None
    chain_re: re.Pattern[str]
    portfolios: dict[str, dict[str, str]]
    meeting_re: re.Pattern[str]
    accompanying_re: re.Pattern[str]
    honorific_countries: dict[str, str]
    places: frozenset[str]
    """Capitals and venue cities: a title's place, never a name ("Bí thư Thành ủy TPHCM")."""
    """Honorifics only one country bestows ("Dato' Seri": Malaysia), so they state the person's country."""
    modifiers: frozenset[str]
    modifiers_re: re.Pattern[str]
    body_head_re: re.Pattern[str]
    body_head_ends_re: re.Pattern[str]
    names_before_titles: bool
    palace_re: re.Pattern[str]
    bare_offices: dict[str, str]
    """The office of a title written right before a name spelled the language's way, with no body
    ("Chủ tịch Hồ Chí Minh": head of state)."""
    body_stops: frozenset[str]
    chain_words: frozenset[str]
    concurrent_re: re.Pattern[str]
    dependants_re: re.Pattern[str]
    title_case_re: re.Pattern[str]
    country_after_name_re: re.Pattern[str]
    title_words: frozenset[str]
    """Words of titles the offices do not list ("Deputy Secretary", "First Assistant Secretary"): a name listed
    after another holds none."""
    name_joiner_re: re.Pattern[str]
    """"X và Y", "X and Y": a second name listed under the title of the first."""
    taking_office_re: re.Pattern[str]
    """Words between a name and the title its bearer takes up ("X được bầu làm Tổng thống")."""
    """A short word capitalised inside a sentence, the mark of a headline in title case."""
    """Words before a title that make its bearer someone close to the holder ("cố vấn Thủ tướng", "wife of President")."""
    """Words joining a second office after a title closed by its country ("... Ai Cập đồng thời Chủ tịch Đảng")."""


_COUNTRY_NAME_REACH = 40
"""Characters before a title searched for a country's name it would start inside (the longest names are shorter)."""


def _any_case(title: str) -> str:
    return title[:1] + title[1:].casefold()


def _any_case_after_first(titles: Iterable[str]) -> str:
    """An alternation of titles whose words after the first letter may be written in any case: the press
    capitalises inside a title as it likes ("Phó Thủ Tướng", "Quốc Vụ khanh", "Bộ Trưởng Ngoại Giao")."""
    ordered = sorted(set(titles), key=len, reverse=True)
    return "|".join(re.escape(t[0]) + (f"(?i:{re.escape(t[1:])})" if len(t) > 1 else "") for t in ordered) or NEVER


def _as_listed(data: _TitleData, phrase: str) -> str:
    """A title as read ("Quốc Vụ khanh") in the form the data lists it ("Quốc vụ khanh")."""
    return data.listed.get(_any_case(phrase), phrase)


@cache
def _title_data(lexicon: Lexicon) -> _TitleData:
    data = lexicon["titles"]
    offices = dict(data["offices"])
    offices.update({form.lower(): offices[form] for form in data.get("lower_case_forms", [])})
    offices.update(dict.fromkeys(data.get("counterparts", []), COUNTERPART))
    before = data.get("country_before", [])
    honorific = rf"(?<!\w)(?:{alternation([*data['honorifics'], *data.get('ranks', []), *data.get('honorific_countries', {})])})(?!\w)"
    return _TitleData(
        offices=offices,
        listed={_any_case(title): title for title in offices},
        title_re=compile_gated(rf"(?<!\w)(?:{_any_case_after_first(offices)})(?!\w)"),
        continuation_re=re.compile(
            rf"[ ,]*(?:(?:{alternation(data['continuation_joiners'])}) |, )?"
            rf"(?P<word>{alternation([*data['continuations'], *data.get('modifiers', [])])})(?!\w)"),
        honorific_re=compile_gated(rf"[ ,]*{honorific}"),
        honorific_search_re=compile_gated(rf"(?:(?<![ ,])[ ,]+)?{honorific}"),
        posted_re=re.compile(rf"\s+(?:{alternation(data['posted_at'])})\s+"),
        prefix_re=re.compile(rf"\s*(?:{alternation(data['state_prefixes'])})\s+"),
        particles=frozenset(data["name_particles"]),
        not_names_re=re.compile(rf"(?:{alternation(data['not_names'])})(?!\w)"),
        surnames=frozenset(data["surnames"]),
        folded_surnames=frozenset(fold(name) for name in data["surnames"]),
        surnames_country=data.get("surnames_country", data.get("unnamed_country")),
        precedence=tuple(data["precedence"]),
        country_before_re=re.compile(rf"(?:{alternation(before)}) (?:{_PORTFOLIO_WORDS} )?") if before else None,
        chain_re=re.compile(rf" ?(?:{alternation(data['chain_joiners'])}) ?"),
        portfolios=data.get("portfolios", {}),
        meeting_re=compile_gated(rf"(?<!\w)(?:{alternation(data.get('meeting', []))})(?!\w)"),
        accompanying_re=compile_gated(rf"(?<!\w)(?:{alternation(data.get('accompanying', []))})(?!\w)"),
        honorific_countries=data.get("honorific_countries", {}),
        places=frozenset(lexicon["countries"].get("capitals", {})),
        modifiers=frozenset(data.get("modifiers", [])),
        modifiers_re=re.compile(rf" (?:{alternation(data.get('modifiers', []))})(?= )"),
        body_head_re=re.compile(rf" (?:{alternation(data.get('body_heads', []))})(?!\w)"),
        body_head_ends_re=re.compile(rf"(?<!\w)(?:{alternation(data.get('body_heads', []))})\Z"),
        body_stops=frozenset(data.get("body_stops", [])),
        bare_offices=data.get("bare_offices", {}),
        names_before_titles=data.get("names_before_titles", False),
        palace_re=re.compile(rf"(?<!\w)(?:{alternation(data.get('palaces', []))}) \Z"),
        chain_words=frozenset(w for w in data["chain_joiners"] if w.isalpha()),
        taking_office_re=re.compile(rf" (?:{alternation(data['taking_office'])}) (?:the )?")
        if data.get("taking_office") else re.compile(r"(?!)"),
        country_after_name_re=re.compile(rf" (?:{alternation(data['country_after_name'])}) ")
        if data.get("country_after_name") else re.compile(r"(?!)"),
        name_joiner_re=re.compile(rf" (?:{alternation(data['continuation_joiners'])}) "),
        title_words=frozenset(data.get("title_words", [])),
        title_case_re=compile_gated(rf"(?<=[^\W\d_] )(?:{alternation(data['title_case_words'])}) [A-Z0-9]")
        if data.get("title_case_words") else re.compile(r"(?!)"),
        dependants_re=re.compile(rf"(?<!\w)(?:{alternation(data['dependants'])}) (?:the )?\Z") if data.get("dependants") else re.compile(r"(?!)"),
        concurrent_re=re.compile(rf",? (?:{alternation(data.get('concurrent_joiners', []))}) ") if data.get("concurrent_joiners") else re.compile(r"(?!)"),
    )


@component("titles", requires=["sents", "countries"], assigns="titles")
def find_titles(doc: Document, lexicon: Lexicon) -> list[Span]:
    """Title phrases with their continuations, e.g. "Bộ trưởng Bộ Công Thương".

    A country inside the continuation ("Cabinet Secretary of the Kenyan Ministry
    of Foreign Affairs") is part of the title and gives the person's country.
    A title never ends on a joining word ("of", "and"): that word led nowhere.
    """
    data = _title_data(lexicon)
    spans: list[Span] = []
    for match in data.title_re.finditer(doc.text, doc.text_start):
        if spans and match.start() < spans[-1].end:
            continue
        if doc.text[match.start() - 1:match.start()] == "(" and doc.text[match.end():match.end() + 1] == ")":
            continue  # "(EAM)": the abbreviation of the title just read
        if match.group().isupper() and not _as_listed(data, match.group()).isupper():
            continue  # "CHỦ TỊCH QUỐC HỘI VƯƠNG ĐÌNH HUỆ HỘI KIẾN ...": a headline in capitals has no word boundaries to read
        if any(c.start < match.start() < c.end for c in doc.in_range("countries", match.start() - _COUNTRY_NAME_REACH, match.end())):
            continue  # "Trung Quốc Vương Hộ Ninh": a country's name and a family name, not "Quốc vương"
        if data.palace_re.search(doc.text, max(0, match.start() - _PALACE_WINDOW), match.start()):
            continue  # "tại Phủ Tổng thống": a palace's name gives no one an office
        ends, words = [match.end()], []
        country: str | None = None
        while True:
            end = ends[-1]
            if data.title_re.match(doc.text, end + _skip_comma(doc.text, end)):
                break  # the next title starts a new span (a chain or a list)
            more = data.continuation_re.match(doc.text, end)
            inner = None if more else _country_at(doc, end + 1)
            if inner is not None:  # "of Germany’s Federal Foreign Office"
                more = data.continuation_re.match(doc.text, inner.end + len(_POSSESSIVE_AT.match(doc.text, inner.end).group()))
            if not more:
                break
            country = country or (inner.value if inner is not None else None)
            ends.append(more.end())
            words.append(more.group("word"))
        while words and words[-1][0].islower() and words[-1] not in data.modifiers:
            words.pop()
            ends.pop()
        end = _body_end(doc, data, match.start(), ends[-1])
        office = _office_of(data, _as_listed(data, match.group()), doc.text[match.start():end])
        spans.append(Span(match.start(), end, office, Title(office, doc.text[match.start():end], country)))
    return spans


_WORD_AFTER = re.compile(r" (?P<word>[^\W\d_][\w’'-]*)")
"""The next word, one space on."""


def _body_end(doc: Document, data: _TitleData, title_start: int, pos: int) -> int:
    """The end of the body a title goes on to name: its head noun and name ("Chủ tịch Hội đồng Tư vấn Hồi giáo").

    After a body's head noun ("Hội đồng", "Tập đoàn", "Cục"), its name runs over
    capitalised words spelled the language's way that open no person's name (a
    family name before more capitalised words: "... Hải Phòng Nguyễn Văn Tùng"),
    and the lower-case words between them, up to a country ("nước ... Iran"), a
    foreign-spelled word ("Văn phòng Phủ Tổng thống Jorge Márquez"), a chained
    title ("kiêm Chủ tịch") or a word that goes on with the clause ("tại").
    """
    head = data.body_head_re.match(doc.text, pos)
    if head is not None:
        end = cursor = head.end()
    elif data.body_head_ends_re.search(doc.text, title_start, pos):  # "Chủ tịch Ủy ban nhân dân ...": a head read already
        end = cursor = pos
    else:
        return pos
    while (word := _WORD_AFTER.match(doc.text, cursor)) is not None:
        text, start = word.group("word"), word.start("word")
        if text in data.chain_words or text in data.body_stops:
            break
        if _country_at(doc, start) is not None:
            return cursor  # the country closes the body's name, lower-case words and all
        if text[0].isupper():
            starts_name = text in data.surnames and (following := _WORD_AFTER.match(doc.text, word.end())) is not None \
                and following.group("word")[0].isupper()
            if starts_name or not _own_spelling(text):
                return cursor  # a person's name closes it
            end = word.end()
        cursor = word.end()
    if data.title_re.match(doc.text, cursor + _skip_comma(doc.text, cursor)) and doc.text.startswith(",", cursor):
        return cursor  # "Phó Bí thư Quân ủy Trung ương, Bộ trưởng ...": lower-case words up to the next title are the body's
    return end


_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"  # an initial consonant
    r"[aăâeêioôơuưy]{1,3}"                                         # one run of vowels
    r"(?:ch|ng|nh|[cmnpt])?",                                       # a final consonant
)
"""One Vietnamese syllable, its tone marks removed: how the language spells each of its words."""


_SPELLINGS_KEPT = 4096
"""Words whose spelling is remembered: a name's words come back in every mention of it."""


@lru_cache(maxsize=_SPELLINGS_KEPT)
def _own_spelling(word: str) -> bool:
    """Whether a capitalised word is spelled the Vietnamese way ("Phòng", "Ninh"), not a foreign name's ("Pedro", "José").

    A mark only Vietnamese uses decides; else the word must be one Vietnamese
    syllable (one run of vowels between a Vietnamese initial and final).
    """
    if vietnamese_spelling(word):
        return True
    plain = unicodedata.normalize("NFD", word.lower())
    base = "".join(c for c in plain if not unicodedata.combining(c) or c in "\u0302\u0306\u031b")
    return _SYLLABLE.fullmatch(unicodedata.normalize("NFC", base)) is not None


def _office_of(data: _TitleData, phrase: str, title: str) -> str:
    """The office of a title, read past the modifiers inside it ("Phó Chủ tịch thứ Nhất Quốc hội": deputy head of legislature)."""
    plain = data.modifiers_re.sub("", title)
    longer = data.title_re.match(plain)
    if plain != title and longer is not None and len(longer.group()) > len(phrase):
        return data.offices[_as_listed(data, longer.group())]
    return _portfolio_office(data, phrase, title)


def _portfolio_office(data: _TitleData, phrase: str, title: str) -> str:
    """The office of title ``phrase``, made precise by the body the whole ``title`` names ("... of Foreign Affairs")."""
    for portfolio, precise in data.portfolios.get(phrase, {}).items():
        if portfolio in title:
            return str(precise)
    return data.offices[phrase]


def _skip_comma(text: str, pos: int) -> int:
    return _COMMA_GAP.match(text, pos, pos + _COMMA_GAP_REACH).end() - pos


def _country_at(doc: Document, pos: int) -> Span | None:
    return next(iter(doc.starting("countries", pos, pos + 1)), None)


def _country_before(doc: Document, data: _TitleData, pos: int) -> Span | None:
    """The country named right before a title ("Indonesian Foreign Minister", "Vietnam's President"):
    the nearest ("Chilean President X and Peruvian counterpart Y": Y's is Peruvian)."""
    if data.country_before_re is None:
        return None
    for span in reversed(doc.layer("countries")):  # the nearest: "Chilean President A and Peruvian President B"
        if span.end <= pos and data.country_before_re.fullmatch(doc.text, span.end, pos):
            return span
    return None


@component("persons", requires=["sents", "countries", "orgs", "titles"], assigns="mentions")
def find_mentions(doc: Document, lexicon: Lexicon) -> list[Span]:
    """Title chains with the country and name that follow (or, in English, precede) them."""
    data = _title_data(lexicon)
    titles = doc.layer("titles")
    mentions: list[Span] = []
    i = 0
    while i < len(titles):
        chain = [titles[i]]
        before = _country_before(doc, data, titles[i].start)
        country = before.value if before is not None else titles[i].value.country
        pos = titles[i].end
        while True:
            pos, found = _skip_country(doc, data, pos)
            country = country or found
            nxt = titles[i + len(chain)] if i + len(chain) < len(titles) else None
            if found and (nxt is None or not data.concurrent_re.fullmatch(doc.text, pos, nxt.start)):
                break  # "Tổng thống Peru, Chủ tịch nước X": a country closes the title; a new person follows
            if nxt is not None and (data.chain_re.fullmatch(doc.text, pos, nxt.start)
                                    or data.concurrent_re.fullmatch(doc.text, pos, nxt.start)):
                chain.append(nxt)
                country = country or nxt.value.country
                pos = nxt.end
                continue
            break
        if before is not None:  # "Kenyan High Commissioner to Ghana Jane Wambui": the posting, after the title
            pos = _skip_postings(doc, data, pos)
        abbreviation = _ABBREVIATION.match(doc.text, pos)
        name_start = _after_honorifics(doc.text, abbreviation.end() if abbreviation else pos, data)
        name = _read_name(doc, name_start, data)
        if name is not None and "," in doc.text[pos:name_start] and len(name[2].split()) < _MIN_WORDS_AFTER_COMMA:
            name = None  # "Đại sứ, Luật nhập cư ...": a word opening the next clause
        start = before.start if before is not None else chain[0].start
        if name is not None and "," in doc.text[pos:name_start] and _name_before_title(doc, data, start) is not None:
            name = None  # "đồng chí X, Chủ tịch Quốc hội nước Y, đồng chí Z": the titles are X's, not Z's
        country = country or _honorific_country(doc.text[pos:name_start], data)
        dependant = data.dependants_re.search(doc.text, max(0, start - _DEPENDANT_WINDOW), start) is not None
        if name is None and (appositive := _name_before_title(doc, data, start)) is not None:
            # "told Winston Peters, Minister of Foreign Affairs of New Zealand, ...": the name comes first
            name_at, text = appositive
            end, country_code = _skip_country(doc, data, chain[-1].end)
            mentions.append(Span(name_at, end, "person", Mention(
                text, _top_office([t.label for t in chain], data.precedence), ", ".join(t.value.text for t in chain),
                country or country_code, name_at)))
        elif name is None:
            for n, title in enumerate(chain):  # a list of offices, each its own reference ("Tổng thống Chile")
                end, country_code = _skip_country(doc, data, title.end)
                own = country_code or title.value.country or (before.value if before is not None and n == 0 else None)
                mentions.append(Span(start if n == 0 else title.start, end, "title_only",
                                     Mention(None, title.label, title.value.text, own)))
        else:
            name_at, end, text = name
            if country is None and (after := _country_after_name(doc, data, end)) is not None:
                country, end = after.value, after.end  # "President William Ruto of Kenya"
            own_name = all(_own_spelling(word) for word in text.split())  # "Chủ tịch Hồ Chí Minh", not a firm's "Chủ tịch Cho Hyun-joon"
            offices = [data.bare_offices.get(t.value.text, t.label) if own_name else t.label for t in chain]
            office = "other" if dependant else _top_office(offices, data.precedence)  # "cố vấn Thủ tướng X": the adviser
            title_text = ", ".join(t.value.text for t in chain)
            mentions.append(Span(start, end, "person", Mention(text, office, title_text, country, name_at)))
            mentions.extend(_names_listed_after(doc, data, end, office, title_text))
        i += len(chain)
    mentions.extend(_honorific_mentions(doc, data, mentions))
    return _counterparts_resolved(doc, sorted(mentions, key=lambda s: s.start))


def _country_after_name(doc: Document, data: _TitleData, end: int) -> Span | None:
    """The country named right after a name ending at ``end`` ("William Ruto of Kenya"), or None."""
    of = data.country_after_name_re.match(doc.text, end)
    return _country_at(doc, of.end()) if of is not None else None


def _names_listed_after(doc: Document, data: _TitleData, end: int, office: str, title_text: str) -> list[Span]:
    """"Hai Bộ trưởng Ngoại giao Bùi Thanh Sơn và Vương Nghị", "Foreign Ministers Cafiero of Argentina and Vieira
    of Brazil": a name joined to the one after a title shares its office; its country is its own, when stated."""
    if (stated := _country_after_name(doc, data, end)) is not None:
        end = stated.end  # past the first name's own country
    joined = data.name_joiner_re.match(doc.text, end)
    name = _read_name(doc, joined.end(), data) if joined else None
    if name is None or len(name[2].split()) < _MIN_WORDS_AFTER_COMMA or doc.starting("titles", name[0], name[0] + 1) \
            or data.title_words.intersection(name[2].split()):
        return []
    name_at, name_end, text = name
    country = None
    if (after := _country_after_name(doc, data, name_end)) is not None:
        country, name_end = after.value, after.end
    elif data.continuation_re.match(doc.text, name_end):
        return []  # "and Deputy Secretary of the Ministry ...": another title, its holder named further on
    return [Span(name_at, name_end, "person", Mention(text, office, title_text, country, name_at))]


def _counterparts_resolved(doc: Document, mentions: list[Span]) -> list[Span]:
    """"X, his Japanese counterpart Y": Y holds X's office, and X serves the other country of the pair."""
    out: list[Span] = []
    for mention in mentions:
        if mention.value.office == COUNTERPART:
            sent = doc.sentence_of(mention.start)
            earlier = [i for i, m in enumerate(out) if m.value.office not in (None, COUNTERPART)
                       and (sent is None or m.start >= sent.start)]
            office = title = None
            if earlier:
                peer = out[earlier[-1]]
                office, title = peer.value.office, peer.value.title
                other = [c for c in main_pair(doc) if c != mention.value.country]
                if peer.value.country is None and mention.value.country and other:
                    out[earlier[-1]] = Span(peer.start, peer.end, peer.label, replace(peer.value, country=other[0]))
            mention = Span(mention.start, mention.end, mention.label, replace(mention.value, office=office, title=title))
        out.append(mention)
    return out


def _skip_country(doc: Document, data: _TitleData, pos: int) -> tuple[int, str | None]:
    """Skip "Peru", "Cộng hòa Pháp", "Việt Nam tại Argentina" after a title.

    The country's mention may itself start with the prefix ("of the Republic of
    Peru", where "Republic of Peru" is a listed name).
    """
    prefix = data.prefix_re.match(doc.text, pos)
    probe = prefix.end() if prefix else pos
    probe = _SPACES.match(doc.text, probe).end()  # type: ignore[union-attr]
    span = _country_at(doc, probe) or next((c for c in doc.starting("countries", pos + 1, probe) if probe < c.end), None)
    if span is None and prefix is not None:  # a state's formal name: "Cộng hòa Hồi giáo Iran", "Hợp chúng quốc Hoa Kỳ"
        words = _STATE_NAME_WORDS.match(doc.text, probe)
        span = next((c for c in doc.layer("countries") if words and probe < c.start <= words.end()
                     and _STATE_NAME_WORDS.fullmatch(doc.text, probe, c.start)), None)
    if span is None:
        return pos, None
    return _skip_postings(doc, data, span.end), span.value


def _skip_postings(doc: Document, data: _TitleData, pos: int) -> int:
    """Skip each posting named at ``pos`` ("tại Argentina kiêm nhiệm Uruguay", "to Ghana")."""
    while (posted := data.posted_re.match(doc.text, pos)) and (host := _country_at(doc, posted.end())) is not None:
        pos = host.end
    return pos


_APPOSED_NAME = re.compile(r"(?<![\w’'-])[a-z][\w’'-]* (?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3}), \Z")
"""A name set before a title in apposition, after a lower-case word ("told Winston Peters, Minister of ...")."""


_APPOSITION_REACH = 200
"""Characters before a title within which the name set before it, and its honorific, are read: read back to the
sentence's start at each title, a sentence of titles ("Thủ tướng Thủ tướng ...") would cost its length squared."""


def _name_before_title(doc: Document, data: _TitleData, start: int) -> tuple[int, str] | None:
    """The name written right before a title and a comma: after a rank or an honorific in any
    language ("Đại tướng Tô Lâm, Bộ trưởng Bộ Công an"), after any lower-case word where the
    language sets names so ("told Winston Peters, Minister of ...")."""
    sent = doc.sentence_of(start)
    if sent is None:
        return None
    reach = max(sent.start, start - _APPOSITION_REACH)
    led = list(data.honorific_search_re.finditer(doc.text, reach, start))
    if led and (name := _read_name(doc, _after_honorifics(doc.text, led[-1].start(), data), data)) is not None \
            and doc.text[name[1]:start] in _APPOSITION:
        return name[0], name[2]
    if not data.names_before_titles:
        return None
    match = _APPOSED_NAME.search(doc.text, reach, start)
    if match is None or data.not_names_re.match(match.group("name")):
        return None
    if any(doc.in_range(layer, match.start("name"), match.end("name")) for layer in ("countries", "titles")):
        return None  # "Foreign Minister X, Chilean Minister Y": the name before has a title of its own
    return match.start("name"), match.group("name")


def _honorific_country(text: str, data: _TitleData) -> str | None:
    """The country an honorific in ``text`` is bestowed by ("Prime Minister Dato' Seri Anwar": MY)."""
    return next((code for honorific, code in data.honorific_countries.items() if honorific in text), None)


def _after_honorifics(text: str, pos: int, data: _TitleData) -> int:
    while True:
        match = data.honorific_re.match(text, pos)
        if not match:
            break
        pos = match.end()
    while pos < len(text) and text[pos] in " ,":
        pos += 1
    return pos


def _read_name(doc: Document, pos: int, data: _TitleData) -> tuple[int, int, str] | None:
    """The capitalised words (with lower-case particles) of a name starting at ``pos``."""
    if data.title_re.match(doc.text, pos):
        return None  # another title: the next person of a list
    tokens: list[re.Match[str]] = []
    cursor = pos
    sent = doc.sentence_of(pos)
    limit = sent.end if sent is not None else len(doc.text)  # "... Justin Trudeau. PM Chính said": a name ends with its sentence
    line_end = doc.text.find("\n", pos)
    within = (sent.start, sent.end) if sent is not None else (  # a headline repeated in the body has no sentence
        doc.text.rfind("\n", 0, pos) + 1, len(doc.text) if line_end < 0 else line_end)
    if data.title_case_re.search(doc.text, *within):
        return None  # "Saudi Foreign Minister Receives Phone Call From ...": every word capitalised, none surely a name
    while len(tokens) < _MAX_NAME_TOKENS:
        match = _TOKEN.match(doc.text, cursor, limit)
        if not match:
            break
        word = match.group().rstrip(".")
        if word in data.particles and tokens:
            if not _particle_leads_to_name(doc.text, match.end(), data):
                break
        elif ((not word[0].isupper() and not _particle_joined(word, data))  # "al-Sisi" is a name word
              or data.not_names_re.match(doc.text, match.start()) or _country_at(doc, match.start()) is not None
              or doc.starting("orgs", match.start(), match.start() + 1)):  # "Chủ tịch G20 năm 2025": a forum's chair
            break
        possessive = _POSSESSIVE.search(match.group())
        if possessive:  # "President Donald Trump's proposal": the name ends before "'s"
            tokens.append(_TOKEN.match(doc.text, match.start(), match.start() + possessive.start()))  # type: ignore[arg-type]
            break
        tokens.append(match)
        if doc.text[match.end():match.end() + 1] != " ":
            break
        cursor = match.end() + 1
    while tokens and tokens[-1].group().rstrip(".") in data.particles:
        tokens.pop()
    if not tokens:
        return None
    words = [t.group().rstrip(".") for t in tokens]
    for i in range(1, len(words) - 1):
        if words[0] not in data.surnames and words[i] in data.surnames and 2 <= len(words) - i <= 4:
            tokens = tokens[i:]  # "Bộ Tài nguyên Đặng Quốc Khánh": the name starts at the surname
            break
    start = tokens[0].start()
    end = tokens[-1].start() + len(tokens[-1].group().rstrip("."))
    if doc.text[start:end] in data.places:
        return None  # "Bí thư Thành ủy TPHCM", "the Governor of Tokyo": where the office is, not who holds it
    return start, end, doc.text[start:end]


def _particle_joined(word: str, data: _TitleData) -> bool:
    """A particle hyphenated to a capitalised name ("al-Sisi", "bin-Salman")."""
    particle, _, rest = word.partition("-")
    return particle in data.particles and rest[:1].isupper()


def _particle_leads_to_name(text: str, pos: int, data: _TitleData) -> bool:
    """Whether lower-case particles from ``pos`` on ("van der") lead to a capitalised word."""
    while text[pos:pos + 1] == " ":
        following = _TOKEN.match(text, pos + 1)
        if following is None:
            return False
        if following.group()[0].isupper():
            return True
        if following.group() not in data.particles:
            return False
        pos = following.end()
    return False


def _honorific_mentions(doc: Document, data: _TitleData, found: list[Span]) -> list[Span]:
    """Names introduced by an honorific alone ("đồng chí Bruno Rodriguez")."""
    out: list[Span] = []
    for match in data.honorific_search_re.finditer(doc.text, doc.text_start):
        if any(s.start <= match.start() < s.end for s in found):
            continue
        name = _read_name(doc, _after_honorifics(doc.text, match.start(), data), data)
        if name is not None and any(s.start <= name[0] < s.end for s in found):
            continue  # "Ngài Carlos do Rosario, Thủ tướng Mozambique": the name heads a titled mention already
        if name is not None and len(name[2].split()) >= 2:
            country = _honorific_country(doc.text[match.start():name[0]], data)
            office = title = None
            taking = data.taking_office_re.match(doc.text, name[1])
            taken = next(iter(doc.starting("titles", taking.end(), taking.end() + 1)), None) if taking else None
            if taken is not None:  # "ông X được bầu làm Tổng thống Hoa Kỳ": the office the article is about
                office, title = taken.label, taken.value.text
                country = country or taken.value.country or _skip_country(doc, data, taken.end)[1]
            out.append(Span(match.start(), name[1], "person", Mention(name[2], office, title, country, name[0])))
    return out


def _top_office(offices: list[str], precedence: tuple[str, ...]) -> str:
    return min(offices, key=lambda o: precedence.index(o) if o in precedence else len(precedence))


# --- people ---------------------------------------------------------------------


@dataclass
class _Cluster:
    names: list[str]
    mentions: list[Span]


_SPELLING_NOISE = re.compile(r"(?<=[^aeiouy\W])h|[-’'.]")
"""An 'h' after a consonant, hyphens and apostrophes: what romanisations of one name differ by
("Prayut Chan-o-cha", "Prayuth Chan-ocha"; "Prak Sokhonn", "Prak Sokhon"); and 'y' for 'i' ("Sergey", "Sergei")."""
_DOUBLED = re.compile(r"(\w)\1")
_MIN_ROMANISED_WORDS = 2
"""Words two romanisations of a name have at least to be taken for one: a single word is too little to tell."""


@cache
def _spelling(word: str) -> str:
    """A name word as its romanisations share it: folded, without the letters they differ by.

    A word spelled the Vietnamese way keeps them: there "Thanh" and "Tân" are two names.
    """
    if _own_spelling(word):
        return fold(word)
    return _DOUBLED.sub(r"\1", _SPELLING_NOISE.sub("", fold(word))).replace("y", "i")


def _contains(longer: str, shorter: str) -> bool:
    """Whether the words of ``shorter`` appear, in order, among those of ``longer``, or both are one
    full name romanised two ways ("Prayut Chan-o-cha", "Prayuth Chan-ocha")."""
    words = iter(fold(longer).split())
    if all(any(w == x for x in words) for w in fold(shorter).split()):
        return True
    long_words, short_words = longer.split(), shorter.split()
    return len(long_words) == len(short_words) >= _MIN_ROMANISED_WORDS and \
        [_spelling(w) for w in long_words] == [_spelling(w) for w in short_words]


@component("people", requires=["sents", "countries", "dates", "mentions"], assigns="facts.persons")
def group_people(doc: Document, lexicon: Lexicon) -> list[Person]:
    """One Person per real person, under the fullest name the article uses."""
    data = _title_data(lexicon)

    named = [m for m in doc.layer("mentions") if m.value.name]
    clusters: list[_Cluster] = []
    for mention in sorted(named, key=lambda m: -len(m.value.name.split())):
        name = mention.value.name
        home = [c for c in clusters if _contains(max(c.names, key=len), name)
                and _compatible(c, mention)]
        if len(home) == 1 or (home and len(name.split()) > 1):
            home[0].mentions.append(mention)
            if fold(name) not in {fold(n) for n in home[0].names}:
                home[0].names.append(name)
        else:
            clusters.append(_Cluster([name], [mention]))
    pair = main_pair(doc)
    people = [_person(doc, c) for c in clusters]
    stated = [p for p in people if p.country]
    held = {(p.office, p.country) for p in stated}
    titled: dict[str, set[str]] = {}  # "a Japanese prime minister": sole offices the article gives a country
    for mention in doc.layer("mentions"):
        value = mention.value
        if value.name is None and value.country and value.office in _ONE_PER_COUNTRY and (value.office, value.country) not in held:
            titled.setdefault(value.office, set()).add(value.country)
    # the reporting sides, read only for a person who needs them
    reported = [partial(filed_in, doc), partial(outlet_country, doc), cache(partial(host_country, doc, pair))]
    for i, person in enumerate(people):
        if person.country is None:
            met = partial(_partner_side, doc, data, clusters, people, i, pair)
            country = _guess_country(person, data, pair, [met, *reported], stated, titled)
            people[i] = replace(person, country=country)
    return sorted(people, key=lambda p: p.evidence[0])


def _partner_side(
    doc: Document, data: _TitleData, clusters: list[_Cluster], people: list[Person], i: int, pair: list[str],
) -> str | None:
    """The side of a person the text names without a country, from whom they meet or accompany.

    In a sentence where the only people with a stated country are of one side
    of the pair, a person meeting them ("bilateral discussions with Prime Cabinet
    Secretary X, Wadephul said") is of the other side, and one accompanying them
    ("accompanied by", "the delegation included") of theirs.
    """
    for mention in clusters[i].mentions:
        sent = doc.sentence_of(mention.start)
        if sent is None:
            continue
        sides = {people[j].country for j, c in enumerate(clusters) if j != i and people[j].country in pair
                 and any(sent.start <= m.start < sent.end for m in c.mentions)}
        if len(sides) != 1:
            continue
        side = next(iter(sides))
        if data.accompanying_re.search(doc.text, sent.start, sent.end):
            return side
        if data.meeting_re.search(doc.text, sent.start, sent.end):
            others = [c for c in pair if c != side]
            return others[0] if others else None
    return None


_ONE_PER_COUNTRY = frozenset({
    "head_of_state", "head_of_government", "head_of_legislature", "foreign_minister", "party_leader",
})
"""Offices a country has one holder of at a time."""


def _peer_side(person: Person, stated: list[Person], pair: list[str]) -> str | None:
    """"Prime Minister Srettha" beside "Prime Minister of Malaysia Anwar": the same sole office, so the other side."""
    if person.office not in _ONE_PER_COUNTRY:
        return None
    sides = {p.country for p in stated if p.office == person.office and p.country in pair}
    others = [c for c in pair if c not in sides]
    return others[0] if len(sides) == 1 and len(others) == 1 else None


def _compatible(cluster: _Cluster, mention: Span) -> bool:
    countries = {m.value.country for m in cluster.mentions if m.value.country}
    return mention.value.country is None or not countries or mention.value.country in countries


def _person(doc: Document, cluster: _Cluster) -> Person:
    """The cluster's person, with the country its mentions state (None when none does)."""
    mentions = sorted(cluster.mentions, key=lambda m: m.start)
    # the fullest mention (title, country and name) cites the person best; the story over a caption
    best = max(mentions, key=lambda m: (m.end - m.start, not is_caption(doc, m.start), -m.start))
    name = max(cluster.names, key=lambda n: (len(n.split()), len(n)))
    country = next((m.value.country for m in mentions if m.value.country), None)
    sentence = doc.sentence_of(best.start)
    return Person(
        name=name,
        country=country,
        office=best.value.office,
        title=best.value.title,
        evidence=(best.start, best.end if sentence is None else max(best.end, min(sentence.end, best.end + 40))),
        aliases=sorted({n for n in cluster.names if n != name}),
    )


def _guess_country(
    person: Person, data: _TitleData, pair: list[str], sides: list[Callable[[], str | None]], stated: list[Person],
    titled: dict[str, set[str]],
) -> str | None:
    """The country of a person the article names without one, as a reader infers it.

    A Vietnamese name is Vietnamese, and any other name the other side of a pair
    with Vietnam. Otherwise the one country the article gives the person's office
    ("the first visit by a Japanese prime minister since Prime Minister Abe's"),
    or the other side from someone stated to hold the same sole office ("Prime
    Minister Srettha" beside "Prime Minister of Malaysia Anwar"); else the press
    names its own officials without a country ("External Affairs Minister S
    Jaishankar" in a report filed in New Delhi). So ``sides`` read, in order: the
    side of those they meet or accompany, the article's dateline's, its outlet's
    (".ng"), the host's (whose capital the lede names); else the most mentioned one.
    """
    words = person.name.split()
    if fold(words[0]) in data.folded_surnames and 2 <= len(words) <= 4 and not _transliterated(person.name):
        return data.surnames_country
    others = [c for c in pair if c != data.surnames_country]
    if len(others) < len(pair):
        return others[0] if others else None
    if person.office is not None and len(titled.get(person.office, ())) == 1:
        return next(iter(titled[person.office]))
    peer = _peer_side(person, stated, pair)
    if peer is not None:
        return peer
    side = next((s for s in (read() for read in sides) if s in pair), None)
    if side is not None:
        return side
    return others[0] if others else None


def _transliterated(name: str) -> bool:
    """A foreign name spelled the Vietnamese way ("Hô Nam-hông", "Hêng Xom-rin"): a syllable hyphened
    to the one before in lower case, as Vietnamese names never hyphen their syllables."""
    return any(m.group(1).islower() for m in _HYPHENED.finditer(name))


def is_caption(doc: Document, offset: int) -> bool:
    """Whether ``offset`` lies in a photo caption (see the ``sentences`` component)."""
    sentence = doc.sentence_of(offset)
    return sentence is not None and sentence.label == "caption"
