"""An item's words taken whole from the sentence that states it, and what it is about in another language.

The extractor keeps the first words of what a proposal or commitment is
about (``object``, FACTS.md), cut at a count ("…tại Liên hợp quốc và"). A
briefing words the item from its evidence instead: from where the object
starts to where the stated step ends, whole up to ``MAX_CLAUSE_WORDS``, and
beyond that cut at the last clause or phrase boundary before it.

A reader of another language gets the item's topics in their own words
(``brief.toml [gists.LANG]``: "mở Đại sứ quán" → "open an embassy") beside
the quote, which stays in the article's language.
"""

from __future__ import annotations

import re
from functools import cache

from bilat.lang import alternation, load

MAX_CLAUSE_WORDS = 30
"""Words of a clause shown whole: about two lines of a briefing, where the dev corpus's longest steps run to 40."""
MAX_GISTS = 2
"""Topics named in an item's label: the first two say what it is about; more would retell the quote."""
ELLIPSIS = "…"
"""Ends a clause cut at a boundary, so a reader knows the sentence goes on."""
_BOUNDARY = re.compile(r"[,;:](?= )")
"""Where a clause or phrase ends inside a sentence: a comma, semicolon or colon before a space (not "1,5" or "2:1")."""


def clause_of(words: str, quote: str) -> str | None:
    """The clause of ``quote`` that ``words`` (an event's object) starts, or None when the quote does not hold them."""
    text = " ".join(quote.split())
    at = text.find(" ".join(words.split())) if words.strip() else -1
    if at < 0:
        return None
    return _bounded(text[at:].rstrip(" ,.;"))


def _bounded(clause: str) -> str:
    """``clause`` whole when short enough, else up to its last boundary within ``MAX_CLAUSE_WORDS`` (whole if none)."""
    words = clause.split(" ")
    if len(words) <= MAX_CLAUSE_WORDS:
        return clause
    head = " ".join(words[:MAX_CLAUSE_WORDS])
    cuts = [m.start() for m in _BOUNDARY.finditer(head)]
    return head[:cuts[-1]] + ELLIPSIS if cuts else clause


def gists(text: str, text_lang: str, lang: str) -> list[str]:
    """What ``text`` (in ``text_lang``) is about, in ``lang``: the topics it names, in the order it names them."""
    topics, pattern = _topics(text_lang, lang)
    found = [topics[m.group().casefold()] for m in pattern.finditer(text.casefold())]
    return list(dict.fromkeys(found))[:MAX_GISTS]


@cache
def _topics(text_lang: str, lang: str) -> tuple[dict[str, str], re.Pattern[str]]:
    """The reader's words for each topic phrase of ``text_lang``, and a pattern finding those phrases (longest first)."""
    table: dict[str, str] = load(lang)["brief"].get("gists", {}).get(text_lang, {})
    topics = {phrase.casefold(): words for phrase, words in table.items()}
    return topics, re.compile(rf"\b(?:{alternation(topics)})\b")
