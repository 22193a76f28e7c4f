"""Blocks: the parts of the record that are resolved apart, so that a new article costs what it touches.

Resolution never crosses a block. A fact's keys name what it can be merged,
linked or compared with (``keys``); facts sharing a key are in one block, and
a fact with two keys joins their blocks: a union-find kept in ``block_key``
(key → block) and ``Fact.block``. The keys, from ``resolve``'s rules:

- a persons fact, its form (``resolve.persons.PersonForm``): forms that
  ``same_names`` joins are one block of persons, however many articles state them;
- an event, its type, countries and initiator (``resolve.events``); one between
  two countries also their pair, which trips, fulfilment and counterparts read;
  an invitation or acceptance the pair of its host and guest, a visit the pairs
  of its guest with each host (the visits that fulfil them); a proposal or signing
  the agreement its article states it about (``resolve.fulfilment``);
- an agreement or mechanism, its kind and parties; a figure, its indicator,
  parties, period and unit; a membership, its organisation.

Persons are merged across every relationship, so the rest of the record is
resolved given them (``resolve.resolve_record``): blocks of persons and blocks
of the record are two layers, and ``store.update`` carries changes from one to
the other. Blocks only ever join: one left larger than it need be (a fact that
joined two was forgotten) is resolved alike, only at a larger cost.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from bilat.resolve import Stated
from bilat.resolve.events import SYMMETRIC
from bilat.resolve.fulfilment import agreement_stated
from bilat.resolve.persons import PersonForm
from bilat.store import models as m
from bilat.store.stated import CHUNK
from bilat.text import fold

PERSONS = "P"
"""The first letter of a block of persons; a block of the rest of the record starts with ``RECORD``."""
RECORD = "R"
_FORM = "form:"
_FORMS_END = "form;"
"""The key after every form key (``;`` follows ``:``): the forms are one range of the primary key."""
_ID_DIGITS = 15


def keys(fact: Stated, agreements: list[Stated]) -> list[str]:
    """The keys of a fact (the module's docstring); ``agreements`` are its article's agreements, in article order."""
    data = fact.data
    if fact.section == "persons":
        folded, country, office = PersonForm.of(data).key
        return [_FORM + _json([list(folded), country, office])]  # type: ignore[call-overload]
    if fact.section in ("agreements", "mechanisms"):
        return [_key(fact.section, data["kind"], _sorted(data.get("parties")))]
    if fact.section == "figures":
        return [_key("figures", data["indicator"], list(data.get("parties") or []), data.get("period"), data["unit"])]
    if fact.section == "memberships":
        return [_key("memberships", fold(data["org"]))]
    return _event_keys(fact, agreements)


def _event_keys(fact: Stated, agreements: list[Stated]) -> list[str]:
    data = fact.data
    kind, actors = data["type"], list(data.get("actors") or [])
    initiator = None if kind in SYMMETRIC else (actors[0] if actors else None)
    found = [_key("events", kind, _sorted(actors), initiator)]
    if len(set(actors)) == 2:
        found.append(_pair(actors))
    if kind in ("INVITE", "ACCEPT") and len(actors) >= 2 and actors[0] != actors[1]:
        found.append(_pair(actors[:2]))
    if kind == "VISIT":
        found += [_pair([actors[0], host]) for host in actors[1:] if host != actors[0]]
    agreement = agreement_stated(fact, agreements)
    if agreement is not None:
        found += keys(agreement, [])
    return found


def _pair(countries: list[str]) -> str:
    return _key("pair", _sorted(countries))


def _sorted(codes: Iterable[Any] | None) -> list[Any]:
    return sorted(set(codes or []), key=lambda c: (c is None, str(c)))


def _key(kind: str, *parts: Any) -> str:
    return f"{kind}:{_json(list(parts))}"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def of_facts(facts: list[Stated]) -> dict[str, list[str]]:
    """Each fact's keys (fact id → keys), each article's agreements read in article order."""
    agreements: dict[str, list[Stated]] = defaultdict(list)
    for fact in sorted((f for f in facts if f.section == "agreements"), key=lambda s: s.order):
        agreements[fact.article_id].append(fact)
    return {fact.fact_id: keys(fact, agreements[fact.article_id]) for fact in facts}


def assign(session: Session, facts: list[Stated]) -> dict[str, str]:
    """Give each fact its block, joining the blocks its keys bridge; fact id → block.

    ``facts`` are whole articles (a proposal's key names an agreement of its article).
    """
    keys_of = of_facts(facts)
    wanted = sorted({key for found in keys_of.values() for key in found})
    known = dict(_rows(session, wanted))
    forms = {key: block for key, block in session.execute(select(m.BlockKey.key, m.BlockKey.block).where(
        (m.BlockKey.key >= _FORM) & (m.BlockKey.key < _FORMS_END)))}
    joined = _UnionFind()
    for found in keys_of.values():
        for key in found[1:]:
            joined.union(found[0], key)
    for key, block in known.items():
        joined.union(key, _BLOCK + block)
    new_forms = [key for key in wanted if key.startswith(_FORM) and key not in known]
    for new, other in _same_persons(new_forms, forms):
        joined.union(new, other if other not in forms else _BLOCK + forms[other])
    block_of: dict[str, str] = {}
    fresh_keys: list[dict[str, str]] = []
    for root in {joined.find(key) for key in wanted}:
        members = joined.members(root)
        blocks = sorted(node[len(_BLOCK):] for node in members if node.startswith(_BLOCK))
        fresh = sorted(node for node in members if not node.startswith(_BLOCK) and node not in known)
        survivor = blocks[0] if blocks else _block_id(fresh[0])
        _merge(session, survivor, blocks[1:])
        fresh_keys += [{"key": key, "block": survivor} for key in fresh]
        block_of.update((node, survivor) for node in members)
    of_fact = {fact_id: block_of[found[0]] for fact_id, found in keys_of.items()}
    # One statement each, executed for many rows: a rebuild gives every fact its block (one statement per block
    # cost it a third of its time).
    if fresh_keys:
        session.connection().execute(insert(m.BlockKey.__table__), fresh_keys)
    if of_fact:
        facts = m.Fact.__table__
        session.connection().execute(
            update(facts).where(facts.c.id == bindparam("fact_id")).values(block=bindparam("fact_block")),
            [{"fact_id": fact_id, "fact_block": block} for fact_id, block in of_fact.items()],
        )
    return of_fact


_BLOCK = "\0"
"""Marks a block's own node among the keys in the union-find."""


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.children: dict[str, list[str]] = defaultdict(list)

    def find(self, node: str) -> str:
        parent = self.parent
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]  # path halving: the chains stay short
            node = parent[node]
        return node

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[root_b] = root_a
            self.children[root_a].append(root_b)

    def members(self, node: str) -> list[str]:
        """Every node of ``node``'s set."""
        todo, found = [self.find(node)], []
        while todo:
            found.append(current := todo.pop())
            todo += self.children[current]
        return found


def _rows(session: Session, wanted: list[str]) -> Iterable[tuple[str, str]]:
    for start in range(0, len(wanted), CHUNK):
        yield from (tuple(row) for row in session.execute(
            select(m.BlockKey.key, m.BlockKey.block).where(m.BlockKey.key.in_(wanted[start:start + CHUNK]))))


def _block_id(key: str) -> str:
    layer = PERSONS if key.startswith(_FORM) else RECORD
    return layer + hashlib.sha256(key.encode("utf-8")).hexdigest()[:_ID_DIGITS]


def _merge(session: Session, survivor: str, merged: list[str]) -> None:
    """Blocks ``merged`` become ``survivor``: their keys and facts; the offices they read are found again."""
    for start in range(0, len(merged), CHUNK):
        chunk = merged[start:start + CHUNK]
        session.execute(update(m.BlockKey).where(m.BlockKey.block.in_(chunk)).values(block=survivor))
        session.execute(update(m.Fact).where(m.Fact.block.in_(chunk)).values(block=survivor))
        session.execute(m.BlockNeed.__table__.delete().where(m.BlockNeed.block.in_(chunk)))


def _same_persons(new: list[str], known: dict[str, str]) -> Iterable[tuple[str, str]]:
    """(new form, other form) for the pairs ``same_names`` joins: the new forms with each other and with the known.

    Two forms can match only when the words of a name of one are all words of
    the other (``resolve.persons``). Among the new forms each is compared with
    the forms holding all the words of one of its names, as resolution does;
    a new one with the known forms sharing a word with it (it may hold all the
    words of theirs), not with every form the store holds.
    """
    forms = {key: _form(key) for key in [*new, *known]}
    by_word: dict[str, set[str]] = defaultdict(set)
    known_by_word: dict[str, set[str]] = defaultdict(set)
    for key, form in forms.items():
        for word in form.words:
            by_word[word].add(key)
            if key in known:
                known_by_word[word].add(key)
    for key in new:
        form = forms[key]
        candidates: set[str] = set()
        for name in {f for f in form.folded if f.split()}:
            holders = sorted((by_word[w] for w in name.split()), key=len)
            candidates |= holders[0].intersection(*holders[1:])
        for word in form.words:
            candidates |= known_by_word[word]
        for other in sorted(candidates - {key}):
            if form.same_names(forms[other]):
                yield key, other


def _form(key: str) -> PersonForm:
    folded, country, office = json.loads(key[len(_FORM):])
    return PersonForm(folded, country, office)
