"""Events: visits, meetings, attendances, invitations, proposals, commitments...

Each sentence is read for trigger phrases (``lang/<code>/events.toml``). A
trigger's sides come from the participants around it: the person, country or
joint subject ("Hai bên") before it, and the person or country after it; the
article's two main countries fill a missing side. Dates come from the clause,
else from the date the narrative has reached, else from the article's anchor.
FACTS.md's annotation decisions are followed where they settle a case (a
meeting "bên lề" a summit implies each side attended it; "Nhận lời mời" is one
ACCEPT; history lists give one event per item).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from bilat.extract.components.countries import main_pair
from bilat.extract.components.dates import anchor_of, resolve
from bilat.extract.components.persons import fold, is_caption
from bilat.extract.doc import Document, Span
from bilat.extract.facts import Event, Person
from bilat.extract.pipeline import component
from bilat.lang import Lexicon

_OBJECT_WINDOW = 14
"""How many characters may separate an object marker from the participant it governs."""
_COUNTERPART_WINDOW = 20


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _EventData:
    trigger_re: re.Pattern[str]
    types: dict[str, str]
    not_followed: dict[str, tuple[str, ...]]
    not_preceded: dict[str, tuple[str, ...]]
    needs_counterpart: frozenset[str]
    multilateral_re: re.Pattern[str]
    joint_re: re.Pattern[str]
    object_re: re.Pattern[str]
    place_re: re.Pattern[str]
    future_re: re.Pattern[str]
    vague_re: re.Pattern[str]
    anniversary_re: re.Pattern[str]
    approximate: tuple[str, ...]
    home: str | None


@cache
def _event_data(lexicon: Lexicon) -> _EventData:
    data = lexicon["events"]
    types = {phrase: kind for kind, phrases in data["triggers"].items() for phrase in phrases}
    words = lambda key: _alternation(data[key])  # noqa: E731
    return _EventData(
        trigger_re=re.compile(rf"(?<!\w)(?:{_alternation(list(types))})(?!\w)"),
        types=types,
        not_followed={k: tuple(v) for k, v in data["not_followed_by"].items()},
        not_preceded={k: tuple(v) for k, v in data["not_preceded_by"].items()},
        needs_counterpart=frozenset(data["needs_counterpart"]),
        multilateral_re=re.compile(words("multilateral_events")),
        joint_re=re.compile(rf"(?<!\w)(?:{words('joint_subjects')})(?!\w)"),
        object_re=re.compile(rf"(?<!\w)(?:{words('object_markers')})[\s,]*$"),
        place_re=re.compile(rf"(?<!\w)(?:{words('place_markers')})[\s,]*(?:[^\W\d_][\w\-]*\s*){{0,3}}[\s,]*$"),
        future_re=re.compile(rf"(?<!\w)(?:{words('future')})(?!\w)"),
        vague_re=re.compile(rf"^\W*(?:{words('vague_objects')})(?:\s+(?:hơn nữa|song phương|hai nước|nhiều mặt|hữu nghị))*\s*(?:để\b.*)?\W*$"),
        anniversary_re=re.compile(
            rf"(?:(?P<approx>{_alternation(data['approximate'])})\s+)?(?P<n>\d{{1,3}})\s+{re.escape(data['years_word'])}\s+"
            rf"(?:thiết lập\s+)?quan hệ"
        ),
        approximate=tuple(data["approximate"]),
        home=lexicon["titles"].get("unnamed_country"),
    )


@dataclass(frozen=True)
class _Participant:
    start: int
    end: int
    kind: str  # "person", "title", "country", "joint"
    country: str | None
    name: str | None = None
    office: str | None = None


@dataclass
class _Context:
    """What the reader knows on reaching a sentence: the sides, the narrative date, the speaker."""

    pair: list[str]
    home: str | None
    people: list[Person]
    narrative_date: str | None
    subject: _Participant | None = None
    events: list[Event] = field(default_factory=list)

    def other(self, country: str | None) -> str | None:
        rest = [c for c in self.pair if c != country]
        return rest[0] if rest else None

    def joint(self) -> list[str]:
        first = self.home if self.home in self.pair else (self.pair[0] if self.pair else None)
        return [c for c in [first, self.other(first)] if c]


@component("events", requires=["sents", "countries", "orgs", "dates", "anchor", "mentions", "facts.persons", "facts.agreements"], assigns="facts.events")
def find_events(doc: Document, lexicon: Lexicon) -> list[Event]:
    """Every event the article states, one per distinct occurrence."""
    data = _event_data(lexicon)
    anchor = anchor_of(doc)
    pair = main_pair(doc)
    ctx = _Context(pair=pair, home=data.home if data.home in pair else (pair[0] if pair else None),
                   people=doc.layer("facts.persons"), narrative_date=_anchor_date(anchor))
    for sent in doc.layer("sents"):
        if is_caption(doc, sent.start):
            continue
        ctx.narrative_date = _narrative_date(doc, sent, ctx.narrative_date, anchor)
        participants = _participants(doc, sent, ctx, data)
        sentence_subject = next((p for p in participants if not _is_object(doc, p, data)), None)
        if sentence_subject is not None and sentence_subject.kind != "country":
            ctx.subject = sentence_subject
        for match in data.trigger_re.finditer(doc.text, sent.start, sent.end):
            if _excluded(doc, match, data):
                continue
            kind = data.types[match.group()]
            builder = _BUILDERS[kind]
            for event in builder(doc, sent, match, participants, ctx, data):
                _add(ctx.events, event)
        _add_history_list(doc, sent, participants, ctx, data)
        _add_anniversaries(doc, sent, ctx, data)
        _add_signings(doc, sent, participants, ctx, data)
    return ctx.events


# --- reading a sentence ---------------------------------------------------------


def _anchor_date(anchor) -> str | None:  # type: ignore[no-untyped-def]
    if anchor.year is None:
        return None
    parts = [anchor.year, anchor.month, anchor.day]
    return "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(parts) if p is not None)


def _narrative_date(doc: Document, sent: Span, current: str | None, anchor) -> str | None:  # type: ignore[no-untyped-def]
    """The latest day-precise date stated so far that is about the article's present."""
    for span in doc.in_range("dates", sent.start, sent.end):
        if span.value.day is None or _in_parentheses(doc, span):
            continue
        resolved = resolve(span.value, anchor)
        if resolved and (anchor.year is None or resolved[:4] == f"{anchor.year:04d}"):
            return resolved
    return current


def _in_parentheses(doc: Document, span: Span) -> bool:
    return doc.text[span.start - 1:span.start] == "(" and doc.text[span.end:span.end + 1] == ")"


def _participants(doc: Document, sent: Span, ctx: _Context, data: _EventData) -> list[_Participant]:
    out: list[_Participant] = []
    for m in doc.in_range("mentions", sent.start, sent.end):
        mention = m.value
        person = _person_named(ctx.people, mention.name) if mention.name else None
        country = mention.country or (person.country if person else None)
        if mention.name is None and country is None:
            country = ctx.home  # a bare title ("Chủ tịch nước") is the home country's official
        out.append(_Participant(m.start, m.end, "person" if mention.name else "title", country,
                                person.name if person else mention.name, mention.office))
    taken = [(p.start, p.end) for p in out]
    for c in doc.in_range("countries", sent.start, sent.end):
        if any(s <= c.start < e for s, e in taken) or data.place_re.search(doc.text[sent.start:c.start]):
            continue
        if doc.text[c.end:c.end + 1] in "-–" or doc.text[c.start - 1:c.start] in "-–":
            continue  # "Việt Nam-Peru" names the relationship, not a side
        out.append(_Participant(c.start, c.end, "country", c.value))
    for j in data.joint_re.finditer(doc.text, sent.start, sent.end):
        if not any(s <= j.start() < e for s, e in taken):
            out.append(_Participant(j.start(), j.end(), "joint", None))
    return sorted(out, key=lambda p: p.start)


def _person_named(people: list[Person], name: str) -> Person | None:
    folded = fold(name)
    for person in people:
        if folded in {fold(n) for n in [person.name, *person.aliases]}:
            return person
    return None


def _is_object(doc: Document, p: _Participant, data: _EventData) -> bool:
    before = doc.text[max(0, p.start - _OBJECT_WINDOW):p.start]
    return bool(data.object_re.search(before))


def _excluded(doc: Document, match: re.Match[str], data: _EventData) -> bool:
    phrase = match.group()
    after = doc.text[match.end():match.end() + 12].split()
    before = doc.text[max(0, match.start() - 12):match.start()].split()
    if after and after[0].strip(",.;") in data.not_followed.get(phrase, ()):
        return True
    return bool(before) and before[-1] in data.not_preceded.get(phrase, ())


def _clause(doc: Document, sent: Span, pos: int) -> tuple[int, int]:
    """The part of the sentence between semicolons around ``pos``."""
    start = doc.text.rfind(";", sent.start, pos)
    end = doc.text.find(";", pos, sent.end)
    return (sent.start if start < 0 else start + 1), (sent.end if end < 0 else end)


def _subject(doc: Document, sent: Span, pos: int, participants: list[_Participant], ctx: _Context,
             data: _EventData) -> _Participant | None:
    start, _ = _clause(doc, sent, pos)
    before = [p for p in participants if start <= p.start < pos and not _is_object(doc, p, data)]
    if before:
        return before[-1]
    in_sentence = [p for p in participants if not _is_object(doc, p, data) and p.start < pos]
    return in_sentence[0] if in_sentence else ctx.subject


def _objects(doc: Document, sent: Span, match: re.Match[str], participants: list[_Participant],
             window: int | None = None) -> list[_Participant]:
    _, end = _clause(doc, sent, match.end())
    after = [p for p in participants if match.end() <= p.start < end]
    if window is not None:
        after = [p for p in after if p.start - match.end() <= window]
    return after


def _side(p: _Participant | None, ctx: _Context) -> list[str]:
    if p is None:
        return []
    if p.kind == "joint":
        return ctx.joint()
    return [p.country] if p.country else []


def _date_near(doc: Document, sent: Span, pos: int, ctx: _Context) -> str | None:
    start, end = _clause(doc, sent, pos)
    anchor = anchor_of(doc)
    for span in doc.in_range("dates", start, end):
        if _in_parentheses(doc, span):
            continue
        resolved = resolve(span.value, anchor)
        if resolved:
            return resolved
    return ctx.narrative_date


def _status(doc: Document, sent: Span, date: str | None, data: _EventData, ctx: _Context) -> str:
    if data.future_re.search(doc.span_text(sent)):
        return "planned" if date is None or ctx.narrative_date is None or date >= ctx.narrative_date[:len(date)] else "happened"
    if date and ctx.narrative_date and date[:7] < ctx.narrative_date[:7]:
        return "reported"
    return "happened"


def _names(*participants: _Participant | None) -> list[str]:
    return list(dict.fromkeys(p.name for p in participants if p is not None and p.name))


def _evidence(doc: Document, sent: Span, pos: int) -> tuple[int, int]:
    return _clause(doc, sent, pos)


def _object_text(doc: Document, sent: Span, match: re.Match[str]) -> str:
    _, end = _clause(doc, sent, match.end())
    words = doc.text[match.end():end].strip(" ,.").split()
    return " ".join(words[:14])


def _event(kind: str, actors: list[str], date: str | None, doc: Document, sent: Span, match: re.Match[str],
           ctx: _Context, data: _EventData, persons: list[str], **extra: str | None) -> Event:
    return Event(type=kind, actors=actors, date=date, status=_status(doc, sent, date, data, ctx),
                 evidence=_evidence(doc, sent, match.start()), persons=persons, **extra)  # type: ignore[arg-type]


# --- one builder per event type ------------------------------------------------------


def _visit(doc, sent, match, participants, ctx, data):  # type: ignore[no-untyped-def]
    after = _objects(doc, sent, match, participants, window=_COUNTERPART_WINDOW + 10)
    destination = next((p.country for p in after if p.kind == "country"), None)
    if destination is None:
        destination = _place_country(doc, match.end(), sent)
    of = [p for p in _objects(doc, sent, match, participants) if p.kind in ("person", "title")
          and doc.text[max(0, p.start - 6):p.start].strip().endswith("của")]
    visitor = of[0] if of else _subject(doc, sent, match.start(), participants, ctx, data)
    side = _side(visitor, ctx)
    origin = side[0] if len(side) == 1 else None
    if origin is None and destination is None:
        return []
    origin = origin or ctx.other(destination)
    destination = destination or ctx.other(origin)
    if not origin or not destination or origin == destination:
        return []
    date = _date_near(doc, sent, match.start(), ctx)
    return [_event("VISIT", [origin, destination], date, doc, sent, match, ctx, data, _names(visitor))]


def _place_country(doc: Document, pos: int, sent: Span) -> str | None:
    from bilat.extract.components.countries import country_of_place
    from bilat.lang import load

    words = re.match(r"\s*(?:(?:tới|đến|sang)\s+)?((?:[^\W\d_][\w\-]*\s?){1,3})", doc.text[pos:sent.end])
    if not words:
        return None
    tokens = words.group(1).split()
    for n in range(len(tokens), 0, -1):
        country = country_of_place(load(doc.lang), " ".join(tokens[:n]))
        if country:
            return country
    return None


def _meet(doc, sent, match, participants, ctx, data):  # type: ignore[no-untyped-def]
    window = _COUNTERPART_WINDOW if match.group() in data.needs_counterpart else None
    counterparts = [p for p in _objects(doc, sent, match, participants, window) if p.kind in ("person", "title", "country")]
    if window is not None and not [p for p in counterparts if p.kind != "country"]:
        return []
    counterparts = [p for p in counterparts if p.kind != "country"] or counterparts[:1]
    subject = _subject(doc, sent, match.start(), participants, ctx, data)
    side = _side(subject, ctx)
    date = _date_near(doc, sent, match.start(), ctx)
    events = []
    for counterpart in counterparts or [None]:
        other = counterpart.country if counterpart else None
        first = side[0] if side else None
        if subject is not None and subject.kind == "joint":
            actors = ctx.joint()
        else:
            first = first or ctx.other(other)
            other = other if other and other != first else ctx.other(first)
            actors = [c for c in [first, other] if c]
        if len(set(actors)) < 2:
            continue
        events.append(_event("MEET", actors, date, doc, sent, match, ctx, data, _names(subject, counterpart)))
    return events


def _attend(doc, sent, match, participants, ctx, data):  # type: ignore[no-untyped-def]
    _, end = _clause(doc, sent, match.end())
    following = doc.text[match.end():min(end, match.end() + 80)]
    gathering = data.multilateral_re.search(following)
    if not gathering or gathering.start() > 40:
        return []
    date = _date_near(doc, sent, match.start(), ctx)
    if match.group().lower() == "bên lề":
        attendees = [p for p in participants if p.kind in ("person", "title") and p.start > match.end()]
    else:
        attendees = [p for p in participants if p.kind in ("person", "title") and not _is_object(doc, p, data)]
        attendees = attendees[:1] or ([ctx.subject] if ctx.subject else [])
    events = []
    for person in attendees:
        if person.country:
            events.append(_event("ATTEND", [person.country], date, doc, sent, match, ctx, data, _names(person)))
    return events


def _two_sided(kind: str):  # type: ignore[no-untyped-def]
    """INVITE, PROPOSE, COMMIT, CONGRATULATE: the subject's side first, the addressee second."""

    def build(doc, sent, match, participants, ctx, data):  # type: ignore[no-untyped-def]
        if kind in ("PROPOSE", "COMMIT") and data.vague_re.match(_object_text(doc, sent, match)):
            return []
        subject = _subject(doc, sent, match.start(), participants, ctx, data)
        side = _side(subject, ctx)
        if subject is not None and subject.kind == "joint":
            actors = ctx.joint()
        else:
            first = side[0] if side else None
            addressee = next((p.country for p in _objects(doc, sent, match, participants, window=40)
                              if p.country and p.country != first and p.kind != "joint"), None)
            first = first or ctx.other(addressee)
            actors = [c for c in [first, addressee or ctx.other(first)] if c]
        if len(set(actors)) < 2:
            return []
        date = _date_near(doc, sent, match.start(), ctx)
        objects = _objects(doc, sent, match, participants, window=40)
        persons = _names(subject, *(p for p in objects if kind == "INVITE" and p.kind == "person"))
        return [_event(kind, actors, date, doc, sent, match, ctx, data, persons,
                       object=_object_text(doc, sent, match))]

    return build


def _accept(doc, sent, match, participants, ctx, data):  # type: ignore[no-untyped-def]
    """"Nhận lời mời của X, Y thăm...": Y accepts X's invitation (FACTS.md: one ACCEPT, date null)."""
    after = _objects(doc, sent, match, participants)
    inviter = next((p for p in after if p.kind in ("person", "title")), None)
    guest = next((p for p in after if p.kind in ("person", "title") and p is not inviter
                  and p.country != (inviter.country if inviter else None)), None)
    host = inviter.country if inviter else None
    visitor = guest.country if guest else ctx.other(host)
    host = host or ctx.other(visitor)
    if not host or not visitor or host == visitor:
        return []
    return [Event(type="ACCEPT", actors=[visitor, host], date=None, status="happened",
                  evidence=_evidence(doc, sent, match.start()), persons=_names(guest, inviter),
                  object=_object_text(doc, sent, match))]


def _establish(doc, sent, match, participants, ctx, data):  # type: ignore[no-untyped-def]
    actors = ctx.joint()
    if len(actors) < 2:
        return []
    start, end = _clause(doc, sent, match.start())
    if data.anniversary_re.search(doc.text, max(start, match.start() - 30), match.end()):
        return []  # dated by its anniversary (see _add_anniversaries)
    date = None
    anchor = anchor_of(doc)
    for span in doc.in_range("dates", match.end(), end):
        date = resolve(span.value, anchor)
        if date and span.value.end_year is not None and span.value.month is None:
            date = date.split("/")[0]  # "(1975-2025)": the year relations began
        break
    if date is None and "nâng cấp" in match.group():
        date = ctx.narrative_date
    status = "reported" if date and ctx.narrative_date and date[:4] < ctx.narrative_date[:4] else "happened"
    return [Event(type="ESTABLISH_RELATIONS", actors=actors, date=date, status=status,
                  evidence=_evidence(doc, sent, match.start()), object=_object_text(doc, sent, match))]


_BUILDERS = {
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


def _add_history_list(doc: Document, sent: Span, participants: list[_Participant], ctx: _Context,
                      data: _EventData) -> None:
    """"các chuyến thăm Việt Nam của Tổng thống A (7/1998), B (11/2006)...": one VISIT per item."""
    dated = []
    anchor = anchor_of(doc)
    for p in participants:
        if p.kind != "person":
            continue
        nxt = next((s for s in doc.in_range("dates", p.end, sent.end) if _in_parentheses(doc, s)), None)
        if nxt is None:
            continue
        between = doc.text[p.end:nxt.start]
        if any(q.kind == "person" and p.end <= q.start < nxt.start for q in participants):
            continue
        dated.append((p, nxt, between))
    if len(dated) < 2:
        return
    for person, date_span, between in dated:
        date = resolve(date_span.value, anchor)
        triggers = [m for m in data.trigger_re.finditer(doc.text, sent.start, person.start) if data.types[m.group()] == "VISIT"]
        destination = None
        if triggers:
            destination = _place_country(doc, triggers[-1].end(), sent) or next(
                (p.country for p in participants if p.kind == "country" and triggers[-1].end() <= p.start < person.start), None)
        origin = person.country
        destination = destination if destination != origin else None
        destination = destination or ctx.other(origin)
        if not origin or not destination:
            continue
        title_start = next((m.start for m in doc.in_range("mentions", sent.start, sent.end) if m.end == person.end), person.start)
        evidence = (title_start, date_span.end + 1)
        _add(ctx.events, Event("VISIT", [origin, destination], date, "reported", evidence, [person.name or ""]))
        if data.multilateral_re.search(between):
            _add(ctx.events, Event("ATTEND", [origin], date, "reported", evidence, [person.name or ""]))


def _add_anniversaries(doc: Document, sent: Span, ctx: _Context, data: _EventData) -> None:
    """"kỷ niệm 40 năm thiết lập quan hệ ngoại giao" in 2015 → relations established in 1975."""
    actors = ctx.joint()
    if len(actors) < 2:
        return
    anchor = anchor_of(doc)
    for match in data.anniversary_re.finditer(doc.text, sent.start, sent.end):
        stated = [s.value.year for s in doc.in_range("dates", sent.start, sent.end)
                  if s.value.year and s.value.month is None and s.value.end_year is None]
        base = stated[0] if stated else anchor.year
        date = None
        if match.group("approx") is None and base is not None:
            date = f"{base - int(match.group('n')):04d}"
        _add(ctx.events, Event("ESTABLISH_RELATIONS", actors, date, "reported", _evidence(doc, sent, match.start()),
                               object=doc.text[match.start():match.end()]))


def _add_signings(doc: Document, sent: Span, participants: list[_Participant], ctx: _Context,
                  data: _EventData) -> None:
    """Each agreement signed at the article's event is its own SIGN (FACTS.md)."""
    for agreement in doc.layer("facts.agreements"):
        if agreement.status != "signed" or not (sent.start <= agreement.evidence[0] < sent.end):
            continue
        if agreement.date is None and ctx.narrative_date is not None:
            continue  # a document recalled without a date was not signed at this event
        actors = [c for c in ctx.joint() if c in agreement.parties] or agreement.parties
        persons = _names(*(p for p in participants if p.kind == "person"))
        _add(ctx.events, Event("SIGN", list(actors), agreement.date or ctx.narrative_date, "happened",
                               agreement.evidence, persons, object=agreement.scope))


# --- one event per occurrence ----------------------------------------------------------


def _same_dates(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    return a.startswith(b) or b.startswith(a) or a.split("/")[0].startswith(b) or b.split("/")[0].startswith(a)


def _add(events: list[Event], new: Event) -> None:
    """Merge ``new`` into an event reporting the same occurrence, or add it."""
    ordered = new.type not in ("MEET", "SIGN", "ESTABLISH_RELATIONS", "ATTEND")
    for old in events:
        if old.type != new.type:
            continue
        same_sides = old.actors == new.actors if ordered else set(old.actors) == set(new.actors)
        if not same_sides or not _same_dates(old.date, new.date):
            continue
        if new.type in ("PROPOSE", "COMMIT", "CONGRATULATE", "INVITE", "SIGN"):
            if new.evidence != old.evidence and new.object != old.object:
                continue
        old_p, new_p = set(old.persons), set(new.persons)
        if old_p and new_p and not (old_p <= new_p or new_p <= old_p):
            continue
        if new.type == "ESTABLISH_RELATIONS" and (old.date is None) != (new.date is None) and old.date and new.date:
            continue
        if old.date is None or (new.date is not None and len(new.date) > len(old.date)):
            old.date = new.date
        old.persons = list(dict.fromkeys(old.persons + new.persons))
        return
    events.append(new)
