"""Events: visits, meetings, attendances, invitations, proposals, commitments...

Each sentence is read for trigger phrases (``lang/<code>/events.toml``). A
trigger's sides come from the participants around it: the person, country or
joint subject ("Hai bên") before it, and the person or country after it; the
article's two main countries fill a missing side. FACTS.md's annotation
decisions are followed where they settle a case: a meeting "bên lề" a summit
implies each side attended it; "Nhận lời mời" is one ACCEPT; a history list
gives one event per item; each document signed is its own SIGN.

Dates: a speech act (proposal, commitment...) is dated when it was said, so
it takes a date stated before its trigger or the date the narrative has
reached, never a year named in what it is about ("mục tiêu ... năm 2030").
A visit or meeting takes a date stated near its trigger, at least to the month.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache, lru_cache

from bilat.extract.components.countries import (
    countries_in,
    country_of_city,
    country_of_place,
    filed_in,
    main_pair,
)
from bilat.extract.components.dates import Anchor, anchor_of, dateline, resolve
from bilat.extract.components.persons import is_caption
from bilat.extract.doc import Document, Span
from bilat.extract.facts import Agreement, Event, Person
from bilat.extract.pipeline import component
from bilat.isodates import width
from bilat.lang import Lexicon, alternation
from bilat.text import fold

SPEECH_ACTS = frozenset({"INVITE", "ACCEPT", "PROPOSE", "COMMIT", "CONGRATULATE"})
UNORDERED = frozenset({"MEET", "SIGN", "ESTABLISH_RELATIONS", "ATTEND"})

_OBJECT_WINDOW = 14
"""Characters that may separate an object marker from the participant it governs."""
_COUNTERPART_WINDOW = 20
"""Characters between a meeting verb and the person met ("tiếp ... Thủ tướng Malaysia")."""
_DATE_WINDOW = 90
"""Characters after a visit or meeting trigger within which a stated date is its date."""
_QUALIFIER_WINDOW = 30
"""Characters after an anniversary's "relations" that may say whose relations they are."""
_LIST_GAP = re.compile(r"\s*(?:,|,?\s*(?:và|and))\s*")
"""What separates the items of a list of participants."""
_DASH_AFTER = re.compile(r" ?[-–]")
_DASH_BEFORE = re.compile(r"[-–] ?\Z")
_CAPITALISED_RUN = re.compile(r"(?:(?:the |de |of )?[^\W\d_][\w\-]*[ ,]*){1,5}")
"""Up to five words after a place word, where a capital or venue city may be named ("the Moroccan capital Rabat")."""
_NEEDED_WINDOW = 80
"""Characters after a trigger within which the object it needs must be named ("held ... Strategic Dialogue")."""
_SAME_STEP = 0.5
"""Share of content words two mentions of a step must have in common to be one step."""



def _lower_first(phrase: str) -> str:
    return phrase[0].lower() + phrase[1:]


@dataclass(frozen=True)
class _EventData:
    trigger_re: re.Pattern[str]
    types: dict[str, str]
    not_followed: dict[str, tuple[str, ...]]
    not_preceded: dict[str, tuple[str, ...]]
    needs_object: dict[str, re.Pattern[str]]
    needs_counterpart: frozenset[str]
    multilateral_re: re.Pattern[str]
    joint_re: re.Pattern[str]
    object_re: re.Pattern[str]
    place_re: re.Pattern[str]
    future_re: re.Pattern[str]
    back_reference_re: re.Pattern[str]
    vague_re: re.Pattern[str]
    anniversary_res: tuple[re.Pattern[str], ...]
    """One pattern per way the language states an anniversary; each has groups n and approx."""
    visitor_re: re.Pattern[str]
    destination_re: re.Pattern[str]
    sidelines: frozenset[str]
    upgrades: frozenset[str]
    place_word_re: re.Pattern[str]
    pair_joiner_re: re.Pattern[str]
    date_leads: frozenset[str]
    present: frozenset[str]
    """Meeting words that name who else was present at talks already told ("Cùng dự có ...")."""
    pronoun_re: re.Pattern[str]
    subject_accepts: frozenset[str]
    possessive_re: re.Pattern[str]
    date_blocker_re: re.Pattern[str]
    clause_break_re: re.Pattern[str]
    home: str | None


@cache
def _event_data(lexicon: Lexicon) -> _EventData:
    data = lexicon["events"]
    types = {variant: kind for kind, phrases in data["triggers"].items() for phrase in phrases
             for variant in (phrase, phrase[0].upper() + phrase[1:])}

    def words(key: str) -> str:
        return alternation(data[key])

    return _EventData(
        trigger_re=re.compile(rf"(?<!\w)(?:{alternation(list(types))})(?!\w)"),
        types=types,
        not_followed={_lower_first(k): tuple(v) for k, v in data["not_followed_by"].items()},
        not_preceded={_lower_first(k): tuple(v) for k, v in data["not_preceded_by"].items()},
        needs_object={_lower_first(k): re.compile(rf"(?<!\w)(?:{alternation(v)})(?!\w)")
                      for k, v in data.get("needs_object", {}).items()},
        needs_counterpart=frozenset(_lower_first(w) for w in data["needs_counterpart"]),
        multilateral_re=re.compile(words("multilateral_events")),
        joint_re=re.compile(rf"(?<!\w)(?:{words('joint_subjects')})(?!\w)"),
        object_re=re.compile(rf"(?<!\w)(?:{words('object_markers')})[\s,]*$"),
        place_re=re.compile(rf"(?<!\w)(?:{words('place_markers')})[\s,]*(?:[^\W\d_][\w\-]*[\s,]*){{0,5}}$"),
        back_reference_re=re.compile(rf"(?<!\w)(?:{words('back_references')})\s*$"),
        future_re=re.compile(rf"(?<!\w)(?:{words('future')})(?!\w)"),
        vague_re=re.compile(
            rf"^\W*(?:(?:{words('vague_leads')})\s+)?(?:{words('vague_objects')})(?:\s+(?:{words('vague_modifiers')}))*\s*(?:(?:{words('purpose')})\b.*)?\W*$"),
        anniversary_res=tuple(re.compile(template.format(approx=words("approximate"))) for template in data["anniversaries"]),
        visitor_re=re.compile(rf"(?<!\w)(?:{words('visitor_markers')})(?:\s+(?:{words('determiners')}))?\s*$"),
        destination_re=re.compile(rf"\s*(?:(?:{words('destination_markers')})\s+)?((?:[^\W\d_][\w\-]*\s?){{1,3}})"),
        sidelines=frozenset(_lower_first(w) for w in data["sidelines"]),
        upgrades=frozenset(data["upgrades"]),
        place_word_re=re.compile(rf"(?<!\w)(?:{words('place_markers')})\s+"),
        pair_joiner_re=re.compile(rf"\s+(?:{words('pair_joiners')})\s+"),
        date_leads=frozenset(["", *data["date_leads"]]),
        present=frozenset(_lower_first(w) for w in data["present"]),
        subject_accepts=frozenset(_lower_first(w) for w in data["subject_accepts"]),
        pronoun_re=re.compile(rf"(?<!\w)(?:{words('pronouns')})(?!\w)"),
        possessive_re=re.compile(rf"(?:{words('possessives')})(?:\s+[\w-]+){{0,3}}\s+"),
        date_blocker_re=re.compile(rf"(?<!\w)(?:{words('date_blockers')})(?!\w)"),
        clause_break_re=re.compile(alternation([";", *data["clause_breaks"]])),
        home=lexicon["titles"].get("unnamed_country"),
    )


@dataclass(frozen=True)
class _Participant:
    """Someone who may be a side of an event: a person, a bare title, a country, or "both sides"."""

    start: int
    end: int
    kind: str  # "person", "title", "country", "joint"
    country: str | None
    """None for a bare title with no country: its side depends on its role in the clause."""
    name: str | None = None
    office: str | None = None


@dataclass
class _Context:
    """What the reader knows on reaching a sentence: the sides, the narrative date, the speaker."""

    pair: list[str]
    home: str | None
    """The side a bare title belongs to (the press's own officials)."""
    first: str | None
    """The side named first in a joint step: Vietnam (FACTS.md), else where the report was filed."""
    lexicon: Lexicon
    people: list[Person]
    by_short_name: dict[str, Person]
    short_names: re.Pattern[str] | None
    """The words the article's persons are called by alone, found as participants too."""
    narrative_date: str | None
    subject: _Participant | None = None
    events: list[Event] = field(default_factory=list)
    stated: set[int] = field(default_factory=set)
    """Trigger offsets whose clause states the event's date: the best evidence for it."""
    dated: set[int] = field(default_factory=set)
    """ids of events whose evidence states their date."""

    def other(self, country: str | None) -> str | None:
        rest = [c for c in self.pair if c != country]
        if not rest and self.home and self.home != country:
            return self.home  # an article about one partner: the other side is the home country
        return rest[0] if rest else None

    def joint(self) -> list[str]:
        """Both sides, the first named first in a joint step (FACTS.md: home country first)."""
        first = next((c for c in (self.first, self.home) if c in self.pair), self.pair[0] if self.pair else None)
        return [c for c in [first, self.other(first)] if c]

    def side(self, p: _Participant | None) -> str | None:
        """The country a subject stands for; a bare title is the home country's official."""
        if p is None or p.kind == "joint":
            return None
        return p.country or self.home


@dataclass(frozen=True)
class _Trigger:
    doc: Document
    sent: Span
    match: re.Match[str]
    participants: list[_Participant]
    ctx: _Context
    data: _EventData

    @property
    def start(self) -> int:
        return self.match.start()

    @property
    def end(self) -> int:
        return self.match.end()

    @property
    def phrase(self) -> str:
        return _lower_first(self.match.group())

    @property
    def clause(self) -> tuple[int, int]:
        return _clause(self.doc, self.sent, self.start, self.data)


@component("events", requires=["sents", "countries", "orgs", "dates", "anchor", "mentions", "facts.persons", "facts.agreements"], assigns="facts.events")
def find_events(doc: Document, lexicon: Lexicon) -> list[Event]:
    """Every event the article states, one per distinct occurrence."""
    data = _event_data(lexicon)
    anchor = anchor_of(doc)
    pair = main_pair(doc)
    people = doc.layer("facts.persons")
    by_short_name = _short_names(people, frozenset(fold(n) for n in lexicon["titles"]["surnames"]))
    first = next((c for c in (data.home, lexicon["titles"].get("surnames_country"), filed_in(doc)) if c in pair), None)
    ctx = _Context(pair=pair, home=data.home or (pair[0] if pair else None), first=first, lexicon=lexicon,
                   people=people, narrative_date=_anchor_month(anchor), by_short_name=by_short_name,
                   short_names=re.compile(rf"(?<!\w)(?:{alternation(list(by_short_name))})(?!\w)") if by_short_name else None)
    for sent in doc.layer("sents"):
        if is_caption(doc, sent.start):
            continue
        ctx.narrative_date = _narrative_date(doc, sent, ctx.narrative_date, anchor)
        participants = _participants(doc, sent, ctx, data)
        history = _history_items(doc, sent, participants)
        triggers = list(data.trigger_re.finditer(doc.text, sent.start, sent.end))
        speaker = _speaker(doc, sent, participants, data, triggers[0].start() if triggers else sent.end)
        if speaker is not None:  # "Highlighting Canada's role, PM Chính proposed ...": the speaker, not the topic
            ctx.subject = speaker
        for match in triggers:
            if _excluded(doc, match, data):
                continue
            kind = data.types[match.group()]
            if history and kind in ("VISIT", "ATTEND"):
                continue  # each item of a history list is read by _add_history_list
            trigger = _Trigger(doc, sent, match, participants, ctx, data)
            refers_back = kind == "MEET" and (_refers_back(doc, match, data) or _lower_first(match.group()) in data.present)
            for event in _BUILDERS[kind](trigger):
                _add(ctx, event, stated=match.start() in ctx.stated, refers_back=refers_back)
        _add_history_list(doc, sent, history, participants, ctx, data)
        _add_anniversaries(doc, sent, ctx, data)
        _add_agreement_steps(doc, sent, participants, ctx, data)
    _add_visits_to_meetings(ctx)
    return ctx.events


# --- reading a sentence ---------------------------------------------------------


def _anchor_month(anchor: Anchor) -> str | None:
    """Before the article states a day, its events are dated to the anchor's month:
    a report published on the 25th often tells of talks held on the 24th."""
    if anchor.year is None:
        return None
    return f"{anchor.year:04d}" if anchor.month is None else f"{anchor.year:04d}-{anchor.month:02d}"


def _narrative_date(doc: Document, sent: Span, current: str | None, anchor: Anchor) -> str | None:
    """The latest day-precise date stated so far that is about the article's present.

    A sentence's last single day, where the narrative has reached ("thăm Việt Nam từ
    ngày 31/7-3/8.Sáng 1/8, ..."); a span of days ("đang thăm ... từ ngày 14 đến 17/4") only
    when it states no single day.
    """
    spans = doc.in_range("dates", sent.start, sent.end)
    for span in sorted(reversed(spans), key=lambda s: s.value.is_range):
        if not span.value.has_day:
            continue
        if span.value.narrative_day is not None:  # "Cùng ngày" keeps the day reached, "Ngày hôm sau" moves it on
            current = _days_after(current, span.value.narrative_day)
            continue
        resolved = resolve(span.value, anchor)
        if resolved and (anchor.year is None or resolved[:4] == f"{anchor.year:04d}"):
            return resolved
    return current


def _days_after(narrative: str | None, days: int) -> str | None:
    """The narrative day moved on by ``days`` ("ngày hôm sau", "the next day"); a narrative that is
    not one day ("2024-11", a span) stays as it is."""
    if not days or narrative is None or width(narrative) != 0:
        return narrative
    return (date.fromisoformat(narrative) + timedelta(days=days)).isoformat()


def _in_parentheses(doc: Document, span: Span) -> bool:
    return doc.text[span.start - 1:span.start] == "(" and doc.text[span.end:span.end + 1] == ")"


def _participants(doc: Document, sent: Span, ctx: _Context, data: _EventData) -> list[_Participant]:
    out: list[_Participant] = []
    for m in doc.in_range("mentions", sent.start, sent.end):
        mention = m.value
        person = _person_named(ctx.people, mention.name) if mention.name else None
        country = mention.country or (person.country if person else None)
        out.append(_Participant(m.start, m.end, "person" if mention.name else "title", country,
                                person.name if person else mention.name, mention.office))
    taken = [(p.start, p.end) for p in out]
    for c in doc.in_range("countries", sent.start, sent.end):
        if any(s <= c.start < e for s, e in taken) or data.place_re.search(doc.text[sent.start:c.start]):
            continue
        if _DASH_AFTER.match(doc.text, c.end) or _DASH_BEFORE.search(doc.text, max(0, c.start - 3), c.start):
            continue  # "Việt Nam-Peru", "Vietnam – Indonesia" name the relationship, not a side
        out.append(_Participant(c.start, c.end, "country", c.value))
    for j in data.joint_re.finditer(doc.text, sent.start, sent.end):
        if not any(s <= j.start() < e for s, e in taken):
            out.append(_Participant(j.start(), j.end(), "joint", None))
    if ctx.short_names is not None:
        for match in ctx.short_names.finditer(doc.text, sent.start, sent.end):
            if any(s <= match.start() < e for s, e in taken) or _inside_a_name(doc.text, match, sent.start):
                continue
            person = ctx.by_short_name[match.group()]
            out.append(_Participant(match.start(), match.end(), "person", person.country, person.name, person.office))
    return sorted(out, key=lambda p: p.start)


def _speaker(
    doc: Document, sent: Span, participants: list[_Participant], data: _EventData, first_verb: int,
) -> _Participant | None:
    """Who the sentence has speak or act: its first person that is no object, preferably before its first verb.

    After the verb only when no pronoun stands before it: "He expressed a wish to
    welcome Trudeau" is still said by the previous speaker, while "trong buổi gặp
    X, Chủ tịch nước Y khẳng định" is said by Y.
    """
    objects: set[int] = set()
    for previous, p in zip([None, *participants], participants):
        listed = previous is not None and previous.start in objects and _LIST_GAP.fullmatch(doc.text, previous.end, p.start)
        if _is_object(doc, p, data) or listed:  # "chào xã giao A, B và C": all three are met
            objects.add(p.start)
    people = [p for p in participants if p.kind in ("person", "title") and p.start not in objects]
    before = [p for p in people if p.start < first_verb]
    if before:
        return before[0]
    if data.pronoun_re.search(doc.text, sent.start, first_verb):
        return None
    return people[0] if people else None


def _short_names(people: list[Person], family_names: frozenset[str]) -> dict[str, Person]:
    """The words a person is later called by alone, and one-word aliases; a word two persons share names neither.

    The last word of the full name ("Trudeau"; "Minh" for Pham Binh Minh, as
    Vietnamese leaders are called by their given name) and the first, unless it
    is a Vietnamese family name ("Yoon" for Yoon Suk Yeol, "Saysomphone" for
    Saysomphone Phomvihane, but never "Pham").
    """
    owners: dict[str, list[Person]] = {}
    for person in people:
        names = person.name.split()
        first, last = names[0], names[-1]
        words = {last, last.partition("-")[2] if last[0].islower() else last,  # "al-Sisi" is called "Sisi"
                 *(a for a in person.aliases if " " not in a)}
        if len(names) > 1 and fold(first) not in family_names:
            words.add(first)
        for word in words:
            if len(word) >= 3 and word[0].isupper():
                owners.setdefault(word, []).append(person)
    return {word: found[0] for word, found in owners.items() if len(found) == 1}


def _inside_a_name(text: str, match: re.Match[str], sent_start: int) -> bool:
    """A short name inside a longer capitalised run is another name ("Minh" in "Ho Chi Minh City")."""
    before = re.search(r"(\w+)\W*$", text[sent_start:match.start()])
    after = re.match(r"\W*(\w+)", text[match.end():match.end() + 30])
    glued_before = before is not None and not re.search(r"[,.;:()]", text[sent_start + before.end(1):match.start()])
    glued_after = after is not None and not re.search(r"[,.;:()]", text[match.end():match.end() + after.start(1)])
    return bool((glued_before and before.group(1)[0].isupper()) or (glued_after and after.group(1)[0].isupper()))


def _person_named(people: list[Person], name: str) -> Person | None:
    folded = fold(name)
    return next((person for person in people if folded in _folded_names(person.name, tuple(person.aliases))), None)


@lru_cache(maxsize=1024)
def _folded_names(name: str, aliases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(n) for n in (name, *aliases))


def _is_object(doc: Document, p: _Participant, data: _EventData) -> bool:
    before = doc.text[max(0, p.start - _OBJECT_WINDOW):p.start]
    return bool(data.object_re.search(before))


def _excluded(doc: Document, match: re.Match[str], data: _EventData) -> bool:
    phrase = _lower_first(match.group())
    after = doc.text[match.end():match.end() + 12].split()
    before = doc.text[max(0, match.start() - 12):match.start()].split()
    if after and after[0].strip(",.;") in data.not_followed.get(phrase, ()):
        return True
    needed = data.needs_object.get(phrase)
    if needed is not None and not needed.search(doc.text, match.end(), match.end() + _NEEDED_WINDOW):
        return True
    return bool(before) and before[-1] in data.not_preceded.get(phrase, ())


def _refers_back(doc: Document, match: re.Match[str], data: _EventData) -> bool:
    """"Tại cuộc hội đàm, ...": what was said at talks already told, not new talks."""
    return bool(data.back_reference_re.search(doc.text, max(0, match.start() - 20), match.start()))


def _clause(doc: Document, sent: Span, pos: int, data: _EventData) -> tuple[int, int]:
    """The part of the sentence around ``pos`` between semicolons and the language's clause breaks
    ("Jaishankar held talks with Kamikawa, while Singh met Kihara": two meetings, not four)."""
    start, end = sent.start, sent.end
    for mark in data.clause_break_re.finditer(doc.text, sent.start, sent.end):
        if mark.end() <= pos:
            start = mark.end()
        elif mark.start() >= pos:
            end = mark.start()
            break
    return start, end


def _subject(t: _Trigger) -> _Participant | None:
    """Who does what the trigger says: the nearest non-object before it, else the sentence's or the speaker."""
    start, _ = t.clause
    candidates = [p for p in t.participants if p.start < t.start and not _is_object(t.doc, p, t.data)]
    in_clause = [p for p in candidates if p.start >= start]
    if in_clause:
        return in_clause[-1]
    if not t.doc.text[t.sent.start:t.start].strip(" -–(\"“"):
        # "Gặp Thủ tướng Ấn Độ ..., Thủ tướng Phạm Minh Chính ...": the subject follows the object
        after = [p for p in t.participants if p.start > t.end and p.kind in ("person", "title")
                 and not _is_object(t.doc, p, t.data) and t.doc.text[t.end:p.start].count(",")]
        if after:
            return after[0]
    people = [p for p in candidates if p.kind != "country"]  # a country earlier in the sentence is often a place
    return people[0] if people else (candidates[0] if candidates else t.ctx.subject)


def _objects(t: _Trigger, window: int | None = None) -> list[_Participant]:
    _, end = t.clause
    after = [p for p in t.participants if t.end <= p.start < end]
    if window is not None:
        after = [p for p in after if p.start - t.end <= window]
    return after


def _date(t: _Trigger, kind: str) -> str | None:
    start, end = t.clause
    anchor = anchor_of(t.doc)
    line = dateline(t.doc)
    for span in t.doc.in_range("dates", max(start, line.end if line else start), end):  # the dateline's day is the narrative's
        value = span.value
        year_alone = value.relative_year is not None and value.month is None
        if value.first_months is not None or (year_alone and (kind in SPEECH_ACTS or not _year_of_trigger(t, span))):
            continue  # "last year" alone, "the first half": periods, not an event's date ("his visit last year" is)
        if kind in SPEECH_ACTS:
            if span.start > t.start or not value.has_day:
                continue
        elif (value.month is None and not value.has_day and value.relative_month is None
              and value.relative_week is None and not _future(t)
              and not _year_of_trigger(t, span)) or span.start > t.end + _DATE_WINDOW:
            continue  # a past visit is dated at least to the month, or by a year right after it; a planned one may be only to the year
        elif span.start > t.end and t.data.date_blocker_re.search(t.doc.text, t.end, span.start):
            continue  # "the first visit of Scholz after he took office in December 2021": another event's date
        # "Ngày hôm sau": the narrative day, which the sentence has already moved on
        resolved = t.ctx.narrative_date if value.narrative_day is not None else resolve(value, anchor)
        if resolved:
            t.ctx.stated.add(t.start)
            return resolved
    return t.ctx.narrative_date


_YEAR_WINDOW = 40
"""Characters after a visit or meeting trigger within which a year alone is its date."""
_CLAUSE_MARK = re.compile(r"[,;.:()]")
"""Punctuation that ends the trigger's own phrase before a year ("thăm Peru, nơi ... năm 1990")."""


def _year_of_trigger(t: _Trigger, span: Span) -> bool:
    """A year right after the trigger, in its clause, dates it: "chuyến thăm Việt Nam năm 2015",
    "his visit to Peru in 2015"; not a span of years ("MoU on cooperation for 2025-2027": its term)."""
    return (not span.value.is_range and t.end <= span.start <= t.end + _YEAR_WINDOW
            and not _CLAUSE_MARK.search(t.doc.text, t.end, span.start))


def _future(t: _Trigger) -> bool:
    start, end = t.clause
    return bool(t.data.future_re.search(t.doc.text, start, end))


def _status(t: _Trigger, date: str | None) -> str:
    if _future(t):
        return "planned"
    if date and t.ctx.narrative_date and date[:7] < t.ctx.narrative_date[:7]:
        return "reported"
    return "happened"


def _names(*participants: _Participant | None) -> list[str]:
    return list(dict.fromkeys(p.name for p in participants if p is not None and p.name))


def _step_end(t: _Trigger) -> int:
    """Where the step a speech act states ends: at the next speech-act trigger or the clause end."""
    _, end = t.clause
    for match in t.data.trigger_re.finditer(t.doc.text, t.end, end):
        if t.data.types[match.group()] in SPEECH_ACTS and not _excluded(t.doc, match, t.data):
            return match.start()
    return end


def _evidence(t: _Trigger, kind: str) -> tuple[int, int]:
    start, end = t.clause
    if kind in SPEECH_ACTS:
        end = _step_end(t)
        earlier = [m for m in t.data.trigger_re.finditer(t.doc.text, start, t.start)
                   if t.data.types[m.group()] in SPEECH_ACTS]
        if earlier:
            start = t.start  # the clause states several steps: cite this one
    while end > start and t.doc.text[end - 1] in " ,.;":
        end -= 1
    return start, end


def _object_text(t: _Trigger) -> str:
    """What the step is about: the words after the trigger, past a date right after it ("agreed on Thursday to ...")."""
    start = t.end
    for span in t.doc.in_range("dates", t.end, _step_end(t)):
        if t.doc.text[start:span.start].strip(" ,") in t.data.date_leads:
            start = span.end
        break
    words = t.doc.text[start:_step_end(t)].strip(" ,.;").split()
    return " ".join(words[:14])


def _event(t: _Trigger, kind: str, actors: list[str], persons: list[str], **extra: str | None) -> Event:
    date = _date(t, kind)
    return Event(type=kind, actors=actors, date=date, status=_status(t, date),
                 evidence=_evidence(t, kind), persons=persons, **extra)  # type: ignore[arg-type]


def _inside_request(t: _Trigger) -> bool:
    """"mời ... thăm Peru và dự Hội nghị": the visit is what is asked, not what happened."""
    start, _ = t.clause
    return any(t.data.types[m.group()] in ("INVITE", "PROPOSE") and not _excluded(t.doc, m, t.data)
               for m in t.data.trigger_re.finditer(t.doc.text, start, t.start))


# --- one builder per event type ------------------------------------------------------


def _visit(t: _Trigger) -> list[Event]:
    if _inside_request(t):
        return []
    by = [p for p in _objects(t) if t.data.visitor_re.search(t.doc.text, max(0, p.start - 12), p.start)]
    by += [p for p in t.participants if p.kind == "person" and t.data.possessive_re.fullmatch(t.doc.text, p.end, t.start)]
    after = [p for p in _objects(t, window=_COUNTERPART_WINDOW + 10) if p not in by]
    destination = next((p.country for p in after if p.kind == "country"), None) or _place_country(t)
    people_by = [p for p in by if p.kind in ("person", "title")]
    if destination is None and not people_by:
        return []  # "chuyến thăm" alone refers back to a visit already read
    # "a visit by German Foreign Minister X", "Chancellor Merkel's visit", "the first visit by a German leader"
    visitor = (people_by or [p for p in by if p.kind == "country"] or [_subject(t)])[0]
    origin = t.ctx.side(visitor)
    if origin == destination:
        guests = [p for p in t.participants if p.start < t.start and p.country and p.country != destination
                  and p.kind in ("person", "title")]
        visitor = guests[-1] if guests else None
        origin = visitor.country if visitor else t.ctx.other(destination)
    destination = destination or t.ctx.other(origin)
    if not origin or not destination or origin == destination:
        return []
    return [_event(t, "VISIT", [origin, destination], _names(visitor))]


def _place_country(t: _Trigger) -> str | None:
    words = t.data.destination_re.match(t.doc.text[t.end:t.sent.end])
    if not words:
        return None
    tokens = words.group(1).split()
    for n in range(len(tokens), 0, -1):
        country = country_of_place(t.ctx.lexicon, " ".join(tokens[:n]))
        if country:
            return country
    return None


def _meet(t: _Trigger) -> list[Event]:
    if _inside_request(t):
        return []
    window = _COUNTERPART_WINDOW if t.phrase in t.data.needs_counterpart else None
    counterparts = [p for p in _objects(t, window) if p.kind in ("person", "title", "country")]
    people = [p for p in counterparts if p.kind != "country"]
    if window is not None and not people:
        return []
    counterparts = people or counterparts[:1] or _co_subjects(t)
    subject = _subject(t)
    place = _meeting_place(t)
    events = []
    for counterpart in counterparts or [None]:
        if subject is not None and subject.kind == "joint":
            actors = t.ctx.joint()
        else:
            first = t.ctx.side(subject)
            other = counterpart.country if counterpart else None
            if other is None or other == first:
                other = t.ctx.other(first)
            actors = [c for c in [first or t.ctx.other(other), other] if c]
            if first is None and counterpart is None:
                actors = t.ctx.joint()  # "Kỳ họp ... đã được tổ chức": the article's two countries met
        if len(set(actors)) == 2:
            office = counterpart.office if counterpart is not None else None
            events.append(_event(t, "MEET", actors, _names(subject, counterpart), counterpart_office=office,
                                 place=place[0] if place else None))
    return events


def _co_subjects(t: _Trigger) -> list[_Participant]:
    """"A and B co-chaired ...": the person before the subject, of another side, is the one met."""
    start, _ = t.clause
    subject = _subject(t)
    side = t.ctx.side(subject)
    return [p for p in t.participants if start <= p.start < t.start and p.kind == "person"
            and p is not subject and t.ctx.side(p) != side][-1:]


def _add_visits_to_meetings(ctx: _Context) -> None:
    """Talks held in one side's city ("talks in Hanoi") state that the other side's named official visited it."""
    visits: dict[tuple[str, str, str | None], Event] = {}  # one trip, however many counterparts were met
    for meeting in [e for e in ctx.events if e.type == "MEET" and e.place]:
        host = next((c for c in meeting.actors if country_of_city(ctx.lexicon, meeting.place or "") == c), None)
        guest = next((c for c in meeting.actors if c != host), None)
        people = [_person_named(ctx.people, name) for name in meeting.persons]
        persons = [p.name for p in people if p is not None and p.country == guest]
        if not (host and guest and persons):  # who travelled must be said
            continue
        visit = visits.setdefault((guest, host, meeting.date), Event(
            "VISIT", [guest, host], meeting.date, meeting.status, meeting.evidence, [], place=meeting.place))
        visit.persons = list(dict.fromkeys(visit.persons + persons))
    for visit in visits.values():
        _add(ctx, visit)


def _meeting_place(t: _Trigger) -> tuple[str, str] | None:
    """The first city named after a place word in the trigger's clause, and its country ("in Hanoi" → VN).

    Only a city: a country named as the place ("tại Chile") is often where
    someone was welcomed, not where the talks were held.
    """
    _, end = t.clause
    for marker in t.data.place_word_re.finditer(t.doc.text, t.start, end):
        words = _CAPITALISED_RUN.match(t.doc.text, marker.end(), end)
        if not words:
            continue
        tokens = [w.strip(",") for w in words.group().split()]
        for size in range(min(3, len(tokens)), 0, -1):
            for first in range(len(tokens) - size + 1):
                name = " ".join(tokens[first:first + size])
                country = country_of_city(t.ctx.lexicon, name)
                if country:
                    return name, country
    return None


def _attend(t: _Trigger) -> list[Event]:
    if _inside_request(t):
        return []
    _, end = t.clause
    gathering = t.data.multilateral_re.search(t.doc.text, t.end, min(end, t.end + 80))
    if not gathering or gathering.start() - t.end > 40:
        return []
    if t.phrase in t.data.sidelines:
        attendees = [p for p in t.participants if p.kind in ("person", "title") and p.start > t.end]
    else:
        subject = _subject(t)
        if subject is not None and subject.kind == "joint":  # "both leaders are in Indonesia to attend ..."
            people = [p for p in t.participants if p.kind == "person"]
            return [_event(t, "ATTEND", [country], _names(*(p for p in people if t.ctx.side(p) == country)))
                    for country in t.ctx.joint()]
        if subject is None or subject.kind not in ("person", "title"):
            later = [p for p in t.participants if p.start > t.end and p.kind in ("person", "title")
                     and not _is_object(t.doc, p, t.data)]
            subject = later[0] if later else subject
        attendees = [subject] if subject is not None and subject.kind in ("person", "title") else []
    events = []
    for person in attendees:
        country = t.ctx.side(person)
        if country:
            events.append(_event(t, "ATTEND", [country], _names(person)))
    return events


def _two_sided(kind: str) -> Callable[[_Trigger], list[Event]]:
    """INVITE, PROPOSE, COMMIT, CONGRATULATE: the subject's side first, the addressee second."""

    def build(t: _Trigger) -> list[Event]:
        obj = _object_text(t)
        if kind in ("PROPOSE", "COMMIT") and (not obj or t.data.vague_re.match(obj)):
            return []
        subject = _subject(t)
        actors = _speech_sides(t, subject)
        if len(set(actors)) < 2:
            return []
        invited = [p for p in _objects(t, window=40) if kind == "INVITE" and p.kind == "person"]
        event = _event(t, kind, actors, _names(subject, *invited), object=obj)
        documents = [a for a in t.doc.layer("facts.agreements") if t.end <= a.evidence[0] < _step_end(t)]
        if kind in ("PROPOSE", "COMMIT") and len(documents) > 1:
            # FACTS.md: a proposal covering two agreements is two; so is a commitment to two
            return [replace(event, evidence=a.evidence, object=a.scope) for a in documents]
        return [event]

    return build


def _speech_sides(t: _Trigger, subject: _Participant | None) -> list[str]:
    if subject is not None and subject.kind == "joint":
        return t.ctx.joint()
    first = t.ctx.side(subject)
    addressee = next((t.ctx.side(p) for p in _objects(t, window=40)
                      if p.kind != "joint" and t.ctx.side(p) != first), None)
    if addressee is None:  # the counterpart named elsewhere in the sentence ("Tiếp Thủ tướng Malaysia, ...")
        addressee = next((p.country for p in t.participants
                          if p.country and p.country != first and p.kind in ("person", "title")), None)
    first = first or t.ctx.other(addressee)
    return [c for c in [first, addressee or t.ctx.other(first)] if c]


def _accept(t: _Trigger) -> list[Event]:
    """"Nhận lời mời của X, Y thăm...": Y accepts X's invitation (FACTS.md: one ACCEPT, date null).

    Where the accepting side is the trigger's subject ("Erdogan accepted an
    invitation from Sisi"), the guest stands before it and the inviter after.
    """
    after = _objects(t)
    inviter = next((p for p in after if p.kind in ("person", "title", "country")), None)
    host = t.ctx.side(inviter)
    if t.phrase in t.data.subject_accepts:
        subject = _subject(t)
        guest = subject if subject is not None and subject.kind != "joint" and t.ctx.side(subject) != host else None
    else:
        guest = next((p for p in after if p.kind in ("person", "title") and p is not inviter
                      and t.ctx.side(p) != host), None)
    visitor = t.ctx.side(guest) if guest else t.ctx.other(host)
    host = host or t.ctx.other(visitor)
    if not host or not visitor or host == visitor:
        return []
    return [Event(type="ACCEPT", actors=[visitor, host], date=None, status="happened",
                  evidence=_evidence(t, "ACCEPT"), persons=_names(guest, inviter), object=_object_text(t))]


def _establish(t: _Trigger) -> list[Event]:
    actors = t.ctx.joint()
    if len(actors) < 2:
        return []
    start, end = t.clause
    if any(p.search(t.doc.text, max(start, t.start - 30), t.end) for p in t.data.anniversary_res):
        return []  # dated by its anniversary (see _add_anniversaries)
    date = None
    for span in t.doc.in_range("dates", t.end, end):
        date = resolve(span.value, anchor_of(t.doc))
        if date and span.value.end_year not in (None, span.value.year):
            date = date.split("/")[0]  # "(1975-2025)", "(4/8/1973 – 4/8/2023)": when relations began
        break
    if date is None and any(word in t.phrase for word in t.data.upgrades):
        date = t.ctx.narrative_date
    status = "reported" if date and t.ctx.narrative_date and date[:4] < t.ctx.narrative_date[:4] else "happened"
    return [Event(type="ESTABLISH_RELATIONS", actors=actors, date=date, status=status,
                  evidence=_evidence(t, "ESTABLISH_RELATIONS"), object=_object_text(t))]


_BUILDERS: dict[str, Callable[[_Trigger], list[Event]]] = {
    "VISIT": _visit,
    "MEET": _meet,
    "ATTEND": _attend,
    "INVITE": _two_sided("INVITE"),
    "PROPOSE": _two_sided("PROPOSE"),
    "COMMIT": _two_sided("COMMIT"),
    "CONGRATULATE": _two_sided("CONGRATULATE"),
    "ACCEPT": _accept,
    "ESTABLISH_RELATIONS": _establish,
}


# --- sentence-wide patterns -------------------------------------------------------------


def _history_items(doc: Document, sent: Span, participants: list[_Participant]) -> list[tuple[_Participant, Span]]:
    """Persons each followed by a date in parentheses: "Tổng thống A (7/1998), B (11/2006)"."""
    items = []
    for p in participants:
        if p.kind != "person":
            continue
        date = next((s for s in doc.in_range("dates", p.end, sent.end) if _in_parentheses(doc, s)), None)
        if date is None or any(q.kind == "person" and p.end <= q.start < date.start for q in participants):
            continue
        items.append((p, date))
    return items if len(items) >= 2 else []


def _add_history_list(doc: Document, sent: Span, items: list[tuple[_Participant, Span]],
                      participants: list[_Participant], ctx: _Context, data: _EventData) -> None:
    """"các chuyến thăm Việt Nam của Tổng thống A (7/1998), B (11/2006)...": one VISIT per item."""
    anchor = anchor_of(doc)
    for person, date_span in items:
        date = resolve(date_span.value, anchor)
        visits = [m for m in data.trigger_re.finditer(doc.text, sent.start, person.start)
                  if data.types[m.group()] == "VISIT"]
        destination = None
        if visits:
            last = visits[-1]
            destination = next((p.country for p in participants
                                if p.kind == "country" and last.end() <= p.start < person.start), None)
        origin = ctx.side(person)
        if destination == origin:
            destination = None
        destination = destination or ctx.other(origin)
        if not origin or not destination:
            continue
        title_start = next((m.start for m in doc.in_range("mentions", sent.start, sent.end) if m.end == person.end),
                           person.start)
        evidence = (title_start, date_span.end + 1)
        names = _names(person)
        _add(ctx, Event("VISIT", [origin, destination], date, "reported", evidence, names))
        if data.multilateral_re.search(doc.text, person.end, date_span.start):
            _add(ctx, Event("ATTEND", [origin], date, "reported", evidence, names))


def _add_anniversaries(doc: Document, sent: Span, ctx: _Context, data: _EventData) -> None:
    """"kỷ niệm 40 năm thiết lập quan hệ ngoại giao" in 2015 → relations established in 1975."""
    actors = ctx.joint()
    if len(actors) < 2:
        return
    anchor = anchor_of(doc)
    dated = [s.value for s in doc.in_range("dates", sent.start, sent.end)]
    for match in (m for p in data.anniversary_res for m in p.finditer(doc.text, sent.start, sent.end)):
        if _other_relationship(doc, match.end(), min(sent.end, match.end() + _QUALIFIER_WINDOW), actors):
            continue  # "kỷ niệm 50 năm quan hệ ASEAN-Australia": not the two countries' own relations
        years = int(match.group("n"))
        span_of = next((v for v in dated if v.year and v.end_year and v.end_year - v.year == years), None)
        stated = next((v.year for v in dated if v.year and v.month is None and v.end_year is None), None)
        date = None
        if match.groupdict().get("approx") is None:
            if span_of is not None:  # "(1975-2025)", "(4/8/1973 – 4/8/2023)": its start, as written
                date = (resolve(span_of, anchor) or f"{span_of.year:04d}").split("/")[0]
            elif stated is not None and anchor.year is not None and abs(stated + years - anchor.year) <= 1:
                date = f"{stated:04d}"  # "the 50th anniversary of relations, established in 1974" (in 2023 or 2024)
            elif (stated or anchor.year) is not None:
                date = f"{(stated or anchor.year) - years:04d}"  # type: ignore[operator]
        start, end = _clause(doc, sent, match.start(), data)
        _add(ctx, Event("ESTABLISH_RELATIONS", actors, date, "reported", (start, end),
                               object=doc.text[match.start():match.end()]))


def _other_relationship(doc: Document, start: int, limit: int, actors: list[str]) -> bool:
    """Whether the words right after "relations" name another relationship: an organisation or a third country."""
    stop = re.search(r"[,.;:()]", doc.text[start:limit])
    end = start + stop.start() if stop else limit
    return bool(doc.in_range("orgs", start, end)) or any(c not in actors for c in countries_in(doc, start, end))


def _add_agreement_steps(doc: Document, sent: Span, participants: list[_Participant], ctx: _Context,
                         data: _EventData) -> None:
    """Agreements give events: each signed at the article's event is a SIGN; each proposed
    by one side is that side's PROPOSE (FACTS.md: a proposal covering two agreements is two),
    and each of a list both sides commit to sign is a COMMIT (one agreement is the
    commitment the sentence's own trigger already states)."""
    proposed = [a for a in _agreements_in(doc, sent) if a.status == "proposed"]
    for agreement in _agreements_in(doc, sent):
        if agreement.status == "signed" and agreement.date is not None:
            actors = [c for c in ctx.joint() if c in agreement.parties] or agreement.parties
            persons = _names(*(p for p in participants if p.kind == "person"))
            _add(ctx, Event("SIGN", list(actors), agreement.date, "happened", agreement.evidence,
                                   persons, object=agreement.scope))
        elif agreement.status == "proposed":
            proposer = _proposer(doc, sent, agreement, participants, ctx, data)
            if proposer is None:  # both sides: a joint commitment to this agreement (FACTS.md: COMMIT)
                if len(ctx.joint()) == 2 and len(proposed) > 1:
                    _add(ctx, Event("COMMIT", ctx.joint(), agreement.date or ctx.narrative_date, "happened",
                                    agreement.evidence, object=agreement.scope))
                continue
            actors = [proposer.country or ctx.home or "", ctx.other(proposer.country or ctx.home) or ""]
            if all(actors) and actors[0] != actors[1]:
                _add(ctx, Event("PROPOSE", actors, agreement.date or ctx.narrative_date, "happened",
                                       agreement.evidence, _names(proposer), object=agreement.scope))


def _agreements_in(doc: Document, sent: Span) -> Iterator[Agreement]:
    for agreement in doc.layer("facts.agreements"):
        if sent.start <= agreement.evidence[0] < sent.end:
            yield agreement


def _proposer(doc: Document, sent: Span, agreement: Agreement, participants: list[_Participant],
              ctx: _Context, data: _EventData) -> _Participant | None:
    """The single side that raises a proposed agreement; None when both sides do (a joint step)."""
    before = [p for p in participants if p.start < agreement.evidence[0] and not _is_object(doc, p, data)]
    if not before:
        return ctx.subject
    subject = before[-1]
    following = next((p for p in participants if p.start > subject.start), None)
    both = (subject.kind == "country" and following is not None and following.kind == "country"
            and following.country != subject.country and data.pair_joiner_re.fullmatch(doc.text, subject.end, following.start))
    return None if subject.kind == "joint" or both else subject  # "Vietnam and Kenya need to soon sign ..." is both


# --- one event per occurrence ----------------------------------------------------------


def _interval(date: str) -> tuple[str, str]:
    first, _, last = date.partition("/")
    last = last or first
    return first, last + "\uffff"  # "2025-05" covers every day of May


def _same_dates(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    (a0, a1), (b0, b1) = _interval(a), _interval(b)
    return (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1)


def _content_words(text: str | None) -> set[str]:
    return {w for w in fold(text or "").split() if len(w) > 2 or w.isdigit()}


def _same_step(a: Event, b: Event) -> bool:
    """Two mentions of a proposal or commitment state the same step when their words mostly agree.

    One shared word is not enough unless it is all both say: "cooperation" (a
    framework agreement's scope) is not "measures to enhance cooperation".
    """
    if a.evidence == b.evidence:
        return True
    wa, wb = _content_words(a.object), _content_words(b.object)
    shared = wa & wb
    return bool(wa and wb) and len(shared) / min(len(wa), len(wb)) >= _SAME_STEP and (len(shared) > 1 or wa == wb)


def _add(ctx: _Context, new: Event, *, stated: bool = False, refers_back: bool = False) -> None:
    """Merge ``new`` into an event reporting the same occurrence, or add it.

    The mention that states the date is the evidence kept. A mention that
    refers back ("Tại cuộc hội đàm") only adds to talks already read, unless
    there are none.
    """
    for old in ctx.events:
        if old.type != new.type:
            continue
        same_sides = set(old.actors) == set(new.actors) if new.type in UNORDERED else old.actors == new.actors
        if not same_sides or not _same_dates(old.date, new.date):
            continue
        if not refers_back and not _same_occurrence(old, new):
            continue
        if _more_precise(new, old):
            old.date = new.date
        if stated and id(old) not in ctx.dated:
            old.evidence = new.evidence
            ctx.dated.add(id(old))
        old.persons = list(dict.fromkeys(old.persons + new.persons))
        old.counterpart_office = old.counterpart_office or new.counterpart_office
        old.place = old.place or new.place
        return
    ctx.events.append(new)
    if stated:
        ctx.dated.add(id(new))


def _more_precise(new: Event, old: Event) -> bool:
    """Whether ``new`` dates the occurrence better: a day inside a stated range names the day
    of talks ("on Friday", during a visit "from April 12 to 15"), while a trip keeps its whole range."""
    if new.date is None:
        return False
    if old.date is None:
        return True
    if new.type in ("VISIT", "ATTEND"):
        return len(new.date) > len(old.date)
    return width(new.date) < width(old.date)


def _same_occurrence(old: Event, new: Event) -> bool:
    if new.type in SPEECH_ACTS | {"SIGN"} and not _same_step(old, new):
        return False
    old_p, new_p = set(old.persons), set(new.persons)
    if old_p and new_p and not (old_p <= new_p or new_p <= old_p):
        return False
    if old.counterpart_office and new.counterpart_office and old.counterpart_office != new.counterpart_office:
        return False
    return not (new.type == "ESTABLISH_RELATIONS" and old.date != new.date and old.date and new.date)
