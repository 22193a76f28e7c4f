"""What the store keeps: the rules every value passes before it is written, the same on SQLite and PostgreSQL.

PostgreSQL refuses what SQLite keeps (a NUL character, a string longer than
its column, an index key over its size limit) and aborts the whole
transaction, the batch with it; a date naming no day is kept by both and
breaks every reader after. So the writer checks each article here first: one
that breaks a rule is refused whole, with the reason (``InvalidArticleError``),
and the rest of its batch is stored. Nothing is cut or cleaned to fit, as
evidence offsets index the text as read; a fact's date that names no day is
the one value stored otherwise than given: as unknown (``with_known_date``).
"""

from __future__ import annotations

import hashlib
import json
import re
import reprlib
from collections.abc import Iterator
from dataclasses import fields
from typing import Any

from sqlalchemy.orm import InstrumentedAttribute

from bilat.errors import InvalidArticleError
from bilat.extract.doc import Document
from bilat.extract.facts import SECTIONS, Facts
from bilat.isodates import known_date
from bilat.store import models as m

INVALID_DATE = "invalid date"
INVALID_TEXT = "invalid text"
TOO_LONG = "too long"
INVALID_FACT = "invalid fact"
"""The kinds of refusal, to count them by in ``bilat skipped``."""

MAX_PLACE_BYTES = 2048
"""The longest place an article is read from (URL, path, ``FILE [ID]``) the store keeps, in UTF-8 bytes.

A place is part of a primary key, and PostgreSQL indexes at most 2704 bytes a
row (a third of its 8 KiB page), the article id included; no browser follows a
longer URL (Internet Explorer stopped at 2083 characters)."""



def _length(column: InstrumentedAttribute[Any]) -> int:
    """The most characters a ``String(n)`` column holds (read once: SQLAlchemy's attributes are slow to ask)."""
    length: int = column.type.length
    return length


_COUNTRY = _length(m.Person.country)
"""An ISO 3166 code: what an event's actors and a figure's or mechanism's parties are."""
_PARTY = _length(m.Party.country)
"""An agreement's party may also be a bloc that signs in its own name (``data/parties.toml``)."""
_FACT_LENGTHS: dict[str, dict[str, int]] = {
    "persons": {"country": _length(m.Person.country), "office": _length(m.Office.office)},
    "events": {"type": _length(m.Event.type), "actors": _COUNTRY, "status": _length(m.Event.status),
               "counterpart_office": _length(m.Event.counterpart_office)},
    "agreements": {"kind": _length(m.Agreement.kind), "parties": _PARTY, "status": _length(m.Agreement.status)},
    "mechanisms": {"kind": _length(m.Mechanism.kind), "level": _length(m.Mechanism.level), "parties": _COUNTRY},
    "memberships": {"countries": _length(m.Membership.country)},
    "figures": {"indicator": _length(m.Figure.indicator), "parties": _COUNTRY, "unit": _length(m.Figure.unit)},
}
"""The length of the column of the merged record each bounded fact field is written to (dates are bounded by their rule)."""
_NAME, _LANG = _length(m.Article.name), _length(m.Article.lang)

_SURROGATE = re.compile("[\ud800-\udfff]")
_shown = reprlib.Repr()
_shown.maxstring = 40  # a value quoted in a reason: enough to recognise it, short enough for one line


def refusal(document: Document, facts: Facts) -> InvalidArticleError | None:
    """Why the store cannot keep the article: the first rule it breaks; None when it can."""
    problem = next(_problems(document, facts), None)
    return None if problem is None else InvalidArticleError(document.id, *problem)


def _problems(document: Document, facts: Facts) -> Iterator[tuple[str, str]]:
    for published in dict.fromkeys((document.published, facts.published)):  # the header's, and the one stored
        if published is not None and known_date(published) is None:
            yield INVALID_DATE, f"published date {_shown.repr(published)} names no day"
    texts = {"text": document.text, "id": document.id, "title": document.title, "source": document.source,
             "lang": document.lang}
    for name, value in texts.items():
        if value is not None:
            yield from _text_problems(name, value)
    yield from _too_long("id", document.id, _NAME)
    yield from _too_long("lang", document.lang, _LANG)
    place = document.source or document.id
    if len(place.encode(errors="surrogatepass")) > MAX_PLACE_BYTES:
        yield TOO_LONG, f"source {_shown.repr(place)} is longer than {MAX_PLACE_BYTES} bytes"
    records = [(f"fact {section}:{position}", section, fact_fields(fact))
               for section in SECTIONS for position, fact in enumerate(getattr(facts, section))]
    for where, section, data in records:
        yield from _fact_problems(document, where, section, data)
    if _may_not_be_json([data for _, _, data in records]):  # then which fact: a rare second look
        for where, _, data in records:
            yield from _json_problems(where, data)


def _text_problems(name: str, value: str) -> Iterator[tuple[str, str]]:
    """A NUL, which PostgreSQL cannot hold; a lone surrogate, which no UTF-8 can."""
    if (at := value.find("\x00")) >= 0:
        yield INVALID_TEXT, f"{name} contains NUL characters (the first at character {at})"
    elif surrogate := _SURROGATE.search(value):
        yield INVALID_TEXT, f"{name} is not valid Unicode (a lone surrogate at character {surrogate.start()})"


def _too_long(name: str, value: str, limit: int) -> Iterator[tuple[str, str]]:
    if len(value) > limit:
        yield TOO_LONG, f"{name} {_shown.repr(value)} is longer than {limit} characters ({len(value)})"


def _fact_problems(document: Document, where: str, section: str, data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    start, end = data["evidence"]
    if not 0 <= start <= end <= len(document.text):
        yield INVALID_FACT, f"{where}: evidence [{start}, {end}] is not in the text ({len(document.text)} characters)"
    for name, limit in _FACT_LENGTHS[section].items():
        value = data.get(name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                yield from _too_long(f"{where} {name}", item, limit)


def _may_not_be_json(records: list[dict[str, Any]]) -> bool:
    """Whether some fact may hold a NUL, a lone surrogate or what JSON cannot: one pass of the C encoder over all.

    ``\\u0000`` is what a NUL is encoded as, and also six characters a text may hold: a second look tells.
    """
    try:
        encoded = json.dumps(records, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return True
    return "\\u0000" in encoded or _SURROGATE.search(encoded) is not None


def _json_problems(where: str, data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    try:
        json.dumps(data, allow_nan=False)
    except (TypeError, ValueError) as exc:  # a NaN, a set...
        yield INVALID_FACT, f"{where} cannot be written as JSON: {exc}"
    for name, value in data.items():
        for leaf in _leaves(value):
            if isinstance(leaf, str):
                yield from _text_problems(f"{where} {name}", leaf)


def _leaves(value: Any) -> Iterator[Any]:
    """The values inside a fact field: the field itself, the items of a list, the keys and values of a mapping."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _leaves(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _leaves(item)
    else:
        yield value


def fact_fields(fact: object) -> dict[str, Any]:
    """A fact's fields, shallow: ``dataclasses.asdict`` deep-copies, a third of the writer's time."""
    return {f.name: getattr(fact, f.name) for f in fields(fact)}  # type: ignore[arg-type]


def storable_line(value: str) -> str:
    """``value`` as a record of a skipped input can keep it: NUL and lone surrogates escaped, and not too long.

    What names a skipped input (its file, ``FILE [ID]``) and the reason come
    from the input itself, and recording the skip must not fail where storing
    it did. A line over ``MAX_PLACE_BYTES`` keeps its start and a digest of
    the whole, so that two long labels stay two.
    """
    escaped = value.replace("\x00", "\\x00").encode("utf-8", "backslashreplace")
    if len(escaped) <= MAX_PLACE_BYTES:
        return escaped.decode()
    digest = hashlib.sha256(escaped).hexdigest()[:_DIGEST]
    head = escaped[:MAX_PLACE_BYTES - len(_CUT.encode()) - _DIGEST].decode(errors="ignore")  # not mid-character
    return f"{head}{_CUT}{digest}"


_CUT = " … "
_DIGEST = 16
"""Hex digits of the digest that ends a shortened line: 64 bits, so that no two lines of a store end alike."""
