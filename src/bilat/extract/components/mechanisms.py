"""Mechanisms: the standing bilateral bodies an article names, one per body.

A body is found by its name ("tham vấn chính trị", "Ủy ban liên Chính phủ",
"Hội nghị Bộ trưởng Ngoại giao hai nước lần thứ 2"); generic talk of "các cơ
chế hợp tác song phương" names none. Its level is the office its name states
("cấp Thứ trưởng Ngoại giao"), else the level such bodies usually meet at, as
the annotators record it (gold h04, h10, en/e07). All words come from
``lang/<code>/mechanisms.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from bilat.extract.components.agreements import (
    NameRule,
    compile_phrases,
    folded,
    parties_of,
    phrases,
)
from bilat.extract.components.countries import countries_in
from bilat.extract.doc import Document
from bilat.extract.facts import Mechanism
from bilat.extract.pipeline import component
from bilat.lang import Lexicon

_LEVEL_WINDOW = 40
"""Characters after a level marker within which the level is named."""
_ORDINAL_WINDOW = 30
"""Characters before a body's name where a language that numbers first states its number."""


@dataclass(frozen=True)
class _Rules:
    names: re.Pattern[str]
    entries: tuple[dict[str, Any], ...]
    """The ``[[bodies]]`` entries of the data file."""
    entry_of: dict[str, int]
    """Folded name → index of its entry."""
    bilateral: re.Pattern[str]
    recurring: re.Pattern[str]
    name_rule: NameRule
    levels: re.Pattern[str]
    level_codes: dict[str, str]
    recurring_before: bool
    level_markers: re.Pattern[str]


@cache
def _rules(lexicon: Lexicon) -> _Rules:
    data = lexicon["mechanisms"]
    entry_of = {folded(name): i for i, body in enumerate(data["bodies"]) for name in body["names"]}
    return _Rules(
        names=compile_phrases(entry_of),
        entries=tuple(data["bodies"]),
        entry_of=entry_of,
        bilateral=compile_phrases(data["bilateral"]),
        recurring=compile_phrases(data["recurring"]),
        name_rule=NameRule.of(data["name_stops"], data["joiners"]),
        levels=compile_phrases(data["levels"]),
        level_codes={folded(k): v for k, v in data["levels"].items()},
        recurring_before=data.get("recurring_before", False),
        level_markers=re.compile(rf"\s*(?:{phrases(data['level_markers'])})\s+(?:the\s+)?", re.IGNORECASE),
    )


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    level: str | None


@component("mechanisms", requires=["sents", "countries", "orgs"], assigns="facts.mechanisms")
def find_mechanisms(doc: Document, lexicon: Lexicon) -> list[Mechanism]:
    """One mechanism per body and pair of countries, however often the article names it.

    The level is the first one a mention states; the evidence and name are the
    fullest mention's ("Hội nghị Bộ trưởng Ngoại giao Việt Nam - New Zealand lần
    hai" over "Hội nghị ... hai nước lần thứ 2").
    """
    rules = _rules(lexicon)
    groups: dict[tuple[int, tuple[str, ...]], list[_Mention]] = {}
    for sent in doc.layer("sents"):
        matches = list(rules.names.finditer(doc.text, sent.start, sent.end))
        for i, match in enumerate(matches):
            index = rules.entry_of[folded(match.group())]
            limit = matches[i + 1].start() if i + 1 < len(matches) else sent.end
            end = rules.name_rule.end(doc.text, match.end(), limit)
            numbered_from = max(sent.start, match.start() - _ORDINAL_WINDOW) if rules.recurring_before else match.start()
            if rules.entries[index].get("bilateral_only") and not _bilateral_series(doc, rules, numbered_from, end):
                continue
            level = rules.levels.search(doc.text, match.start(), end) or _level_after(doc.text, rules, end, sent.end)
            mention = _Mention(match.start(), end, rules.level_codes[folded(level.group())] if level else None)
            groups.setdefault((index, tuple(parties_of(doc, match.start(), end))), []).append(mention)
    mechanisms: list[Mechanism] = []
    for (index, parties), mentions in groups.items():
        body = rules.entries[index]
        fullest = max(mentions, key=lambda m: m.end - m.start)
        stated = next((m.level for m in mentions if m.level), None)
        mechanisms.append(Mechanism(
            kind=body["kind"],
            level=stated or body.get("default_level"),
            parties=list(parties),
            evidence=(fullest.start, fullest.end),
            name=doc.text[fullest.start:fullest.end],
        ))
    return mechanisms


def _level_after(text: str, rules: _Rules, start: int, limit: int) -> re.Match[str] | None:
    """The level stated right after a body's name ("... at the level of Foreign Ministers")."""
    marker = rules.level_markers.match(text, start, limit)
    if marker is None:
        return None
    level = rules.levels.search(text, marker.end(), min(limit, marker.end() + _LEVEL_WINDOW))
    return level if level is not None and not re.search(r"[,;.]", text[marker.end():level.start()]) else None


def _bilateral_series(doc: Document, rules: _Rules, start: int, end: int) -> bool:
    """A meeting's name makes it a numbered bilateral series ("... hai nước lần thứ 2", "the Ninth Binational Meeting")."""
    bilateral = rules.bilateral.search(doc.text, start, end) or len(countries_in(doc, start, end)) >= 2
    return bool(bilateral) and rules.recurring.search(doc.text, start, end) is not None
