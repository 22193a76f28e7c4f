"""Coordination: the items of a list joined by semicolons, commas and conjunctions.

One speech act, signing or meeting often covers several items ("proposed that
Kenya open a consulate; resume direct flights; and double scholarships"), and
FACTS.md counts one fact per item. A semicolon always ends an item. A comma or
a conjunction ("và", "and", "cũng như") joins nouns as readily as steps
("kinh tế, thương mại và đầu tư"), so it ends an item only where the caller's
``opens`` pattern says a new item starts right after it (a verb that opens a
step, a title that opens a person). The separators are language data
(``lang/<code>/coordination.toml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bilat.lang import Lexicon, alternation
from bilat.patterns import compile_gated

_TRIM = " ,.;:…"
_CLAUSE_MARK = re.compile(r"[,;]")


@dataclass(frozen=True)
class Coordination:
    separator_re: re.Pattern[str]
    """A separator; its group ``strong`` is set when it always ends an item."""
    weak_re: re.Pattern[str]
    """A comma or a conjunction alone: what joins the names of a list ("Pakistan and Iran", "A, B và C")."""
    step_opener: str
    """The pattern of a verb that opens a step, after the words that may lead it ("and will also open")."""
    step_opener_re: re.Pattern[str]

    def one_list_of_steps(self, text: str, start: int, end: int) -> bool:
        """Whether every comma or semicolon between ``start`` and ``end`` opens another step of one list
        ("đề nghị Kenya nối lại đường bay, ký Hiệp định ...": the signing is proposed too), so that
        what governs the list's first step governs each."""
        for mark in _CLAUSE_MARK.finditer(text, start, end):
            opening = self.separator_re.match(text, mark.start(), end)
            if opening is None or not self.step_opener_re.match(text, opening.end(), end):
                return False
        return True


@cache
def coordination_of(lexicon: Lexicon) -> Coordination:
    data = lexicon["coordination"]
    conjunction = rf"(?<!\w)(?:{alternation(data['conjunctions'])})(?!\w)"
    strong = rf"\s*(?:{alternation(data['strong'])})\s*(?:{conjunction}\s*)?"
    weak = rf"\s*,?\s*{conjunction}\s*|\s*,\s*"
    # a verb of a checkable deed (events.toml ``deeds``: "waive", "supply") opens a step as the verbs listed here
    # do, unless an idiom's object makes it no deed ("pay a state visit" is the visit)
    events = lexicon["events"]
    deed = rf"(?:{alternation(events['deeds'])})(?!\w)(?!\s+(?:{alternation(events['idiom_objects'])})(?!\w))"
    step_opener = rf"(?:(?:{alternation(data['step_leads'])})\s+)*(?:(?:{alternation(data['step_verbs'])})(?!\w)|{deed})"
    # searched through every list: behind its first characters (spaces, punctuation, a conjunction's first letter)
    return Coordination(separator_re=compile_gated(rf"(?P<strong>{strong})|{weak}"), weak_re=re.compile(weak),
                        step_opener=step_opener, step_opener_re=re.compile(step_opener))


def split_items(text: str, start: int, end: int, coordination: Coordination,
                opens: re.Pattern[str] | None = None) -> list[tuple[int, int]]:
    """The spans of the items between ``start`` and ``end``, trimmed of separators.

    A weak separator (comma, conjunction) ends an item only when ``opens``
    matches right after it; without ``opens`` every separator does.
    """
    items: list[tuple[int, int]] = []
    position = start
    for separator in coordination.separator_re.finditer(text, start, end):
        if separator.start() == separator.end() or separator.start() == position:
            continue
        if separator.group("strong") is None and opens is not None and not opens.match(text, separator.end(), end):
            continue
        items.append((position, separator.start()))
        position = separator.end()
    items.append((position, end))
    return [span for span in (_trimmed(text, s, e) for s, e in items) if span[0] < span[1]]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end
