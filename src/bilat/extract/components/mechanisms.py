"""Mechanisms: the standing bilateral bodies an article names, one per body.

A body is found by its name ("tham vấn chính trị", "Ủy ban liên Chính phủ",
"Hội nghị Bộ trưởng Ngoại giao hai nước lần thứ 2"), which may have words
inserted ("Joint Economic Committee", "Permanent Joint Commission"); generic
talk of "các cơ chế hợp tác song phương" names none. Its level is the office
its name states ("cấp Thứ trưởng Ngoại giao"), else the office of those who
co-chair it ("X and Y co-chaired the meeting of ..."), else the level such
bodies usually meet at, as the annotators record it (gold h04, h10, en/e07).
All words come from ``lang/<code>/mechanisms.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from bilat.extract.components.agreements import (
    SPACE,
    NameRule,
    capitalised_run_before,
    compile_phrases,
    folded,
    parties_of,
    phrases,
)
from bilat.extract.components.countries import countries_in
from bilat.extract.doc import Document, Span
from bilat.extract.facts import Mechanism
from bilat.extract.pipeline import component
from bilat.lang import Lexicon
from bilat.patterns import compile_gated

_LEVEL_WINDOW = 40
"""Characters after a level marker within which the level is named."""
_ORDINAL_WINDOW = 30
"""Characters before a body's name where a language that numbers first states its number."""
_INSERTED_WORDS = 2
"""Words that may stand inside a body's name ("Joint [Economic] Committee", "Ủy ban [Hợp tác] Hỗn hợp")."""
SENIORITY = (
    "head_of_state", "vice_head_of_state", "head_of_government", "deputy_head_of_government",
    "head_of_legislature", "deputy_head_of_legislature", "chief_justice", "party_leader",
    "foreign_minister", "deputy_foreign_minister", "minister", "deputy_minister", "ambassador", "other",
)
"""Offices from the most senior down, in the order FACTS.md lists them."""
UNSTATED_LEVEL = "other"
"""The level of a body whose name, chairs and kind say none (the annotators' convention, gold en/n017)."""
_BROADER = {"foreign_minister": "minister", "deputy_foreign_minister": "deputy_minister"}
"""The office a more precise one is a case of: a deputy foreign minister is a deputy minister."""
_FOREIGN = {broad: precise for precise, broad in _BROADER.items()}
"""A ministry's office in foreign affairs: a deputy minister of the foreign ministry is a deputy foreign minister."""
_LEVEL_BEFORE = re.compile(r"(?:[\s-]+[^\W\d_]+)?[\s-]*")
"""What may stand between a level written before a head and the head: a word such as "level"."""
_FIELD_LEVEL_WORDS = 5
"""Words between a head of field-by-field dialogues and their fields, where the level is stated ("cấp thứ trưởng")."""


@dataclass(frozen=True)
class _Rules:
    names: re.Pattern[str]
    """Every body's names, the group ``b<i>_<n>`` matching a name of entry ``i``."""
    entries: tuple[dict[str, Any], ...]
    """The ``[[bodies]]`` entries of the data file."""
    bilateral: re.Pattern[str]
    recurring: re.Pattern[str]
    name_rule: NameRule
    levels: re.Pattern[str]
    level_codes: dict[str, str]
    recurring_before: bool
    names_before_head: bool
    level_markers: re.Pattern[str]
    chairing: re.Pattern[str]
    field_head: re.Pattern[str]
    """A head naming dialogue mechanisms, then a level, then the marker before their fields."""
    field: re.Pattern[str]
    """One field of the list, with the joiner before it."""
    fields: dict[str, dict[str, Any]]


def _spaced_name(name: str, openers: str) -> str:
    """A body's name as a pattern that lets a few words stand between its own.

    An inserted word never opens another body's name: "annual political
    consultation" is a political consultation, not an "annual [...] consultation".
    (A lookahead for every other body's whole name instead of its first word
    costs a third of a second of compiling per process; names whose inserted
    word opens another's are listed whole instead: "joint ministerial commission".)
    The pattern does not check the start of a word: the caller does, once for all names.
    """
    gap = rf"{SPACE}(?:(?!(?:{openers})(?!\w))[\w’'-]+{SPACE}){{0,{_INSERTED_WORDS}}}?"
    return gap.join(re.escape(part) for part in name.split()) + (r"(?!\w)" if name[-1].isalnum() else "")


@cache
def _rules(lexicon: Lexicon) -> _Rules:
    data = lexicon["mechanisms"]
    named = sorted(((name, i) for i, body in enumerate(data["bodies"]) for name in body["names"]), key=lambda n: -len(n[0]))
    openers = phrases({name.split()[0] for name, _ in named})
    # one group per name, the longest first across entries: "Joint Economic Committee" is a joint
    # economic committee, though "joint committee" with a word inserted would match it too
    groups = [f"(?P<b{i}_{n}>{_spaced_name(name, openers)})" for n, (name, i) in enumerate(named)]
    return _Rules(
        # one check that a name starts a word, for all of them: the engine skips the inside of words at once,
        # and one look at the first word before trying every name that opens with it
        names=compile_gated(rf"(?<!\w)(?=(?:{openers})(?!\w))(?:{'|'.join(groups)})", re.IGNORECASE),
        entries=tuple(data["bodies"]),
        bilateral=compile_phrases(data["bilateral"]),
        recurring=compile_phrases(data["recurring"]),
        name_rule=NameRule.of(data["name_stops"], data["joiners"]),
        levels=compile_phrases(data["levels"]),
        level_codes={folded(k): v for k, v in data["levels"].items()},
        recurring_before=data.get("recurring_before", False),
        names_before_head=data.get("names_before_head", False),
        level_markers=re.compile(rf"\s*,?\s*(?:{phrases(data['level_markers'])})\s+(?:the\s+)?", re.IGNORECASE),
        chairing=compile_phrases(data["chairing"]),
        field_head=compile_gated(  # searched through every sentence
            rf"(?<!\w)(?:{phrases(data['field_dialogues'])})(?P<level>(?:{SPACE}[^\W\d_][\w-]*){{0,{_FIELD_LEVEL_WORDS}}}?)"
            rf"{SPACE}(?:{phrases(data['field_markers'])}){SPACE}", re.IGNORECASE),
        field=re.compile(rf"(?:\s*(?:{phrases(data['field_joiners'])})\s*)?(?P<field>{phrases(data['fields'])})(?!\w)",
                         re.IGNORECASE),
        fields={folded(k): v for k, v in data["fields"].items()},
    )


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    level: str | None


@component("mechanisms", requires=["sents", "countries", "orgs", "titles", "mentions", "facts.persons"],
           assigns="facts.mechanisms")
def find_mechanisms(doc: Document, lexicon: Lexicon) -> list[Mechanism]:
    """One mechanism per body and pair of countries, however often the article names it.

    The level is the first one a mention states; the evidence and name are the
    fullest mention's: after the headline (and its copy as the body's first
    line), naming the countries, the longest
    ("Hội nghị Bộ trưởng Ngoại giao Việt Nam - New Zealand lần hai" over "Hội
    nghị ... hai nước lần thứ 2").
    """
    rules = _rules(lexicon)
    groups: dict[tuple[int, tuple[str, ...]], list[_Mention]] = {}
    sents = doc.layer("sents")
    for n, sent in enumerate(sents):
        matches = list(rules.names.finditer(doc.text, sent.start, sent.end))
        for i, match in enumerate(matches):
            index = int(match.lastgroup[1:].split("_")[0])  # type: ignore[index]
            limit = matches[i + 1].start() if i + 1 < len(matches) else sent.end
            end = rules.name_rule.end(doc.text, match.end(), limit)
            numbered_from = max(sent.start, match.start() - _ORDINAL_WINDOW) if rules.recurring_before else match.start()
            if rules.entries[index].get("bilateral_only") and not _bilateral_series(doc, rules, numbered_from, end):
                continue
            start = match.start()
            if rules.names_before_head:  # "the Türkiye-Qatar High Strategic Committee"
                start = capitalised_run_before(doc.text, start, matches[i - 1].end() if i else sent.start)
            level = rules.levels.search(doc.text, start, end) or _level_after(doc.text, rules, end, sent.end)
            chairs = _chairs_level(doc, rules, sents[n:n + 2])
            stated = rules.level_codes[folded(level.group())] if level else chairs
            if chairs is not None and _BROADER.get(chairs) == stated:
                stated = chairs  # "deputy ministerial level", co-chaired by deputy foreign ministers
            mention = _Mention(start, end, stated)
            groups.setdefault((index, tuple(parties_of(doc, start, end))), []).append(mention)
    mechanisms: list[Mechanism] = _field_dialogues(doc, rules)
    for (index, parties), mentions in groups.items():
        body = rules.entries[index]
        fullest = max(mentions, key=lambda m: (
            m.start >= doc.headline_end, len(countries_in(doc, m.start, m.end)), m.end - m.start))
        stated = next((m.level for m in mentions if m.level), None)
        mechanisms.append(Mechanism(
            kind=body["kind"],
            level=stated or body.get("default_level") or UNSTATED_LEVEL,
            parties=list(parties),
            evidence=(fullest.start, fullest.end),
            name=doc.text[fullest.start:fullest.end],
        ))
    return mechanisms


def _field_dialogues(doc: Document, rules: _Rules) -> list[Mechanism]:
    """Dialogue mechanisms named field by field ("các cơ chế đối thoại cấp thứ trưởng trong lĩnh vực
    ngoại giao, an ninh, quốc phòng"): one per field, at the level the head states (the foreign
    ministry's in foreign affairs), else at the level such bodies usually meet at."""
    out: list[Mechanism] = []
    for sent in doc.layer("sents"):
        for head in rules.field_head.finditer(doc.text, sent.start, sent.end):
            level = rules.levels.search(doc.text, head.start("level"), head.end("level")) or next(
                (m for m in rules.levels.finditer(doc.text, max(sent.start, head.start() - _LEVEL_WINDOW), head.start())
                 if _LEVEL_BEFORE.fullmatch(doc.text, m.end(), head.start())), None)  # "deputy-minister-level dialogue mechanisms"
            stated = rules.level_codes[folded(level.group())] if level else None
            pos, found = head.end(), []
            while (field := rules.field.match(doc.text, pos, sent.end)) is not None:
                found.append(field)
                pos = field.end()
            parties = parties_of(doc, head.start(), pos)
            for field in found:
                data = rules.fields[folded(field.group("field"))]
                office = _FOREIGN.get(stated, stated) if stated and data.get("foreign") else stated
                out.append(Mechanism(kind=data["kind"], level=office or UNSTATED_LEVEL, parties=parties,
                                     evidence=(head.start(), pos), name=f"{doc.text[head.start():head.end()]}{field.group('field')}"))
    return out


def _chairs_level(doc: Document, rules: _Rules, sents: list[Span]) -> str | None:
    """The office of those who chair a body's meeting, in its sentence or the next ("The meeting was co-chaired by ...").

    Co-chairs who share an office meet at it ("Deputy Prime Minister and Foreign
    Minister X and Foreign Minister Y co-chaired": foreign ministers; a deputy
    trade minister and a deputy foreign minister: deputy ministers); else the
    meeting is at the senior one's ("State Councilor and Foreign Minister X and
    Deputy Prime Minister Y": deputy head of government). A chair named without
    a title in that sentence is found by name or surname ("Erdoğan and Al Thani").
    """
    for sent in sents:
        chairing = rules.chairing.search(doc.text, sent.start, sent.end)
        if chairing is None:
            continue
        chairs = [
            {t.label for t in doc.in_range("titles", m.start, m.end)} or {m.value.office}
            for m in doc.in_range("mentions", sent.start, sent.end)
        ]
        named = {m.value.name for m in doc.in_range("mentions", sent.start, sent.end) if m.value.name}
        for person in doc.layer("facts.persons"):  # chairs named without a title here ("Erdoğan and Al Thani")
            names = {person.name, *person.aliases, person.name.split()[-1]}
            if not names & named and any(_names_in(doc.text, sent, n) for n in names):
                chairs.append({person.office})
        chairs = [{o for o in offices if o in SENIORITY} | {_BROADER[o] for o in offices if o in _BROADER}
                  for offices in chairs]
        chairs = [offices for offices in chairs if offices]
        if chairs:
            shared = set.intersection(*chairs)
            return min(shared or set.union(*chairs), key=SENIORITY.index)
        joint = [*rules.levels.finditer(doc.text, sent.start, chairing.start())][-1:]
        if joint:  # "The two leaders co-chaired ...": chairs named by their office alone, nearest the verb
            return rules.level_codes[folded(joint[0].group())]
    return None


def _names_in(text: str, sent: Span, name: str) -> bool:
    """Whether ``name`` stands as whole words in the sentence."""
    at = text.find(name, sent.start, sent.end)
    return at >= 0 and not text[at - 1:at].isalnum() and not text[at + len(name):at + len(name) + 1].isalnum()


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
